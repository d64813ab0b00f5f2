from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ledger_entry_list import LedgerEntryList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["created_from"] = created_from

    params["created_to"] = created_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/customers/{id}/ledger".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LedgerEntryList | Problem | None:
    if response.status_code == 200:
        response_200 = LedgerEntryList.from_dict(response.json())

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

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LedgerEntryList | Problem]:
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
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
) -> Response[LedgerEntryList | Problem]:
    """The statement of account, oldest first; the last balance_after equals the customer's net_balance.

     Append-only entries written in the same transaction as their document. `amount` is signed (+ the
    customer
    owes more, − less): `invoice` +total, `credit_note` −total, `invoice_void` −(its not-yet-credited
    total),
    `payment` −amount, `payment_void` +amount, `credit_refund` +amount. Applying credit moves money
    between
    receivable and credit without changing the net balance and has no entry. Entries are never updated
    and
    carry no metadata, so only `limit`, `cursor`, `created_from` and `created_to` apply (others → 400).

    Args:
        id (int):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerEntryList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        cursor=cursor,
        created_from=created_from,
        created_to=created_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
) -> LedgerEntryList | Problem | None:
    """The statement of account, oldest first; the last balance_after equals the customer's net_balance.

     Append-only entries written in the same transaction as their document. `amount` is signed (+ the
    customer
    owes more, − less): `invoice` +total, `credit_note` −total, `invoice_void` −(its not-yet-credited
    total),
    `payment` −amount, `payment_void` +amount, `credit_refund` +amount. Applying credit moves money
    between
    receivable and credit without changing the net balance and has no entry. Entries are never updated
    and
    carry no metadata, so only `limit`, `cursor`, `created_from` and `created_to` apply (others → 400).

    Args:
        id (int):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerEntryList | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        limit=limit,
        cursor=cursor,
        created_from=created_from,
        created_to=created_to,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
) -> Response[LedgerEntryList | Problem]:
    """The statement of account, oldest first; the last balance_after equals the customer's net_balance.

     Append-only entries written in the same transaction as their document. `amount` is signed (+ the
    customer
    owes more, − less): `invoice` +total, `credit_note` −total, `invoice_void` −(its not-yet-credited
    total),
    `payment` −amount, `payment_void` +amount, `credit_refund` +amount. Applying credit moves money
    between
    receivable and credit without changing the net balance and has no entry. Entries are never updated
    and
    carry no metadata, so only `limit`, `cursor`, `created_from` and `created_to` apply (others → 400).

    Args:
        id (int):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerEntryList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        cursor=cursor,
        created_from=created_from,
        created_to=created_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
) -> LedgerEntryList | Problem | None:
    """The statement of account, oldest first; the last balance_after equals the customer's net_balance.

     Append-only entries written in the same transaction as their document. `amount` is signed (+ the
    customer
    owes more, − less): `invoice` +total, `credit_note` −total, `invoice_void` −(its not-yet-credited
    total),
    `payment` −amount, `payment_void` +amount, `credit_refund` +amount. Applying credit moves money
    between
    receivable and credit without changing the net balance and has no entry. Entries are never updated
    and
    carry no metadata, so only `limit`, `cursor`, `created_from` and `created_to` apply (others → 400).

    Args:
        id (int):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerEntryList | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            limit=limit,
            cursor=cursor,
            created_from=created_from,
            created_to=created_to,
        )
    ).parsed
