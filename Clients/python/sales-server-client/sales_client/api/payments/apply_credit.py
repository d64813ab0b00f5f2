from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.apply_credit_body import ApplyCreditBody
from ...models.invoice import Invoice
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: ApplyCreditBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices/{id}/apply-credit".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Invoice | Problem | None:
    if response.status_code == 200:
        response_200 = Invoice.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Invoice | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ApplyCreditBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Invoice | Problem]:
    """Allocate customer credit to an open invoice (admin, accounting); default min(credit_balance,
    amount_due).

     More than the credit balance or the amount due, or no credit at all → 409 `quantity_exceeded` (one
    entry
    per limit passed); a paid or void invoice → 409 `invalid_state`. The net balance does not change, so
    no
    ledger entry is written. Answers with the invoice.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (ApplyCreditBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Invoice | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ApplyCreditBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Invoice | Problem | None:
    """Allocate customer credit to an open invoice (admin, accounting); default min(credit_balance,
    amount_due).

     More than the credit balance or the amount due, or no credit at all → 409 `quantity_exceeded` (one
    entry
    per limit passed); a paid or void invoice → 409 `invalid_state`. The net balance does not change, so
    no
    ledger entry is written. Answers with the invoice.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (ApplyCreditBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Invoice | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ApplyCreditBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Invoice | Problem]:
    """Allocate customer credit to an open invoice (admin, accounting); default min(credit_balance,
    amount_due).

     More than the credit balance or the amount due, or no credit at all → 409 `quantity_exceeded` (one
    entry
    per limit passed); a paid or void invoice → 409 `invalid_state`. The net balance does not change, so
    no
    ledger entry is written. Answers with the invoice.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (ApplyCreditBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Invoice | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ApplyCreditBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Invoice | Problem | None:
    """Allocate customer credit to an open invoice (admin, accounting); default min(credit_balance,
    amount_due).

     More than the credit balance or the amount due, or no credit at all → 409 `quantity_exceeded` (one
    entry
    per limit passed); a paid or void invoice → 409 `invalid_state`. The net balance does not change, so
    no
    ledger entry is written. Answers with the invoice.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (ApplyCreditBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Invoice | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
