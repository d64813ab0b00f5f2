import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_list import InvoiceList
from ...models.list_invoices_metadata import ListInvoicesMetadata
from ...models.list_invoices_status import ListInvoicesStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListInvoicesStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    order_id: int | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListInvoicesMetadata | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["customer_id"] = customer_id

    params["order_id"] = order_id

    params["overdue"] = overdue

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    params["limit"] = limit

    params["cursor"] = cursor

    params["created_from"] = created_from

    params["created_to"] = created_to

    params["updated_since"] = updated_since

    json_metadata: dict[str, Any] | Unset = UNSET
    if not isinstance(metadata, Unset):
        json_metadata = metadata.to_dict()
    if not isinstance(json_metadata, Unset):
        params.update(json_metadata)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvoiceList | Problem | None:
    if response.status_code == 200:
        response_200 = InvoiceList.from_dict(response.json())

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

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InvoiceList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListInvoicesStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    order_id: int | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListInvoicesMetadata | Unset = UNSET,
) -> Response[InvoiceList | Problem]:
    """List invoices. There is no POST here (405): invoices come from orders.

    Args:
        status (ListInvoicesStatus | Unset):
        customer_id (int | Unset):
        order_id (int | Unset):
        overdue (bool | Unset):
        due_before (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        updated_since (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        metadata (ListInvoicesMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        customer_id=customer_id,
        order_id=order_id,
        overdue=overdue,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        metadata=metadata,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: ListInvoicesStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    order_id: int | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListInvoicesMetadata | Unset = UNSET,
) -> InvoiceList | Problem | None:
    """List invoices. There is no POST here (405): invoices come from orders.

    Args:
        status (ListInvoicesStatus | Unset):
        customer_id (int | Unset):
        order_id (int | Unset):
        overdue (bool | Unset):
        due_before (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        updated_since (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        metadata (ListInvoicesMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        customer_id=customer_id,
        order_id=order_id,
        overdue=overdue,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        metadata=metadata,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListInvoicesStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    order_id: int | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListInvoicesMetadata | Unset = UNSET,
) -> Response[InvoiceList | Problem]:
    """List invoices. There is no POST here (405): invoices come from orders.

    Args:
        status (ListInvoicesStatus | Unset):
        customer_id (int | Unset):
        order_id (int | Unset):
        overdue (bool | Unset):
        due_before (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        updated_since (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        metadata (ListInvoicesMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        customer_id=customer_id,
        order_id=order_id,
        overdue=overdue,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        metadata=metadata,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: ListInvoicesStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    order_id: int | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListInvoicesMetadata | Unset = UNSET,
) -> InvoiceList | Problem | None:
    """List invoices. There is no POST here (405): invoices come from orders.

    Args:
        status (ListInvoicesStatus | Unset):
        customer_id (int | Unset):
        order_id (int | Unset):
        overdue (bool | Unset):
        due_before (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        created_from (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        created_to (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        updated_since (str | Unset): RFC 3339 timestamp or YYYY-MM-DD (any valid calendar date is
            accepted; the pattern keeps to days that exist in every month so generated examples are
            always real dates).
        metadata (ListInvoicesMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            customer_id=customer_id,
            order_id=order_id,
            overdue=overdue,
            due_before=due_before,
            limit=limit,
            cursor=cursor,
            created_from=created_from,
            created_to=created_to,
            updated_since=updated_since,
            metadata=metadata,
        )
    ).parsed
