from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_note import CreditNote
from ...models.credit_note_input import CreditNoteInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: CreditNoteInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices/{id}/credit-notes".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreditNote | Problem | None:
    if response.status_code == 201:
        response_201 = CreditNote.from_dict(response.json())

        return response_201

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreditNote | Problem]:
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
    body: CreditNoteInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[CreditNote | Problem]:
    """Credit an invoice (admin, accounting): given lines, or the whole remaining invoice; reason required.

     Credited quantities become invoiceable again on the order. The credit reduces the invoice's
    amount_due
    first; what exceeds it is taken off the invoice's payments (newest allocation first) and moves to
    the
    customer's credit_balance. Crediting more than was invoiced and not yet credited → 409
    quantity_exceeded;
    a void invoice → 409 invalid_state. Writes a `credit_note` ledger entry of −total.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreditNoteInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditNote | Problem]
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
    body: CreditNoteInput,
    idempotency_key: str | Unset = UNSET,
) -> CreditNote | Problem | None:
    """Credit an invoice (admin, accounting): given lines, or the whole remaining invoice; reason required.

     Credited quantities become invoiceable again on the order. The credit reduces the invoice's
    amount_due
    first; what exceeds it is taken off the invoice's payments (newest allocation first) and moves to
    the
    customer's credit_balance. Crediting more than was invoiced and not yet credited → 409
    quantity_exceeded;
    a void invoice → 409 invalid_state. Writes a `credit_note` ledger entry of −total.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreditNoteInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditNote | Problem
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
    body: CreditNoteInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[CreditNote | Problem]:
    """Credit an invoice (admin, accounting): given lines, or the whole remaining invoice; reason required.

     Credited quantities become invoiceable again on the order. The credit reduces the invoice's
    amount_due
    first; what exceeds it is taken off the invoice's payments (newest allocation first) and moves to
    the
    customer's credit_balance. Crediting more than was invoiced and not yet credited → 409
    quantity_exceeded;
    a void invoice → 409 invalid_state. Writes a `credit_note` ledger entry of −total.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreditNoteInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditNote | Problem]
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
    body: CreditNoteInput,
    idempotency_key: str | Unset = UNSET,
) -> CreditNote | Problem | None:
    """Credit an invoice (admin, accounting): given lines, or the whole remaining invoice; reason required.

     Credited quantities become invoiceable again on the order. The credit reduces the invoice's
    amount_due
    first; what exceeds it is taken off the invoice's payments (newest allocation first) and moves to
    the
    customer's credit_balance. Crediting more than was invoiced and not yet credited → 409
    quantity_exceeded;
    a void invoice → 409 invalid_state. Writes a `credit_note` ledger entry of −total.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreditNoteInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditNote | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
