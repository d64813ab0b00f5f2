from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_orders_invoice_status import ListOrdersInvoiceStatus
from ...models.list_orders_metadata import ListOrdersMetadata
from ...models.list_orders_shipment_status import ListOrdersShipmentStatus
from ...models.order_list import OrderList
from ...models.order_source import OrderSource
from ...models.order_status import OrderStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: OrderStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    source: OrderSource | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    invoice_status: ListOrdersInvoiceStatus | Unset = UNSET,
    shipment_status: ListOrdersShipmentStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListOrdersMetadata | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["customer_id"] = customer_id

    params["sales_rep_id"] = sales_rep_id

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params["external_ref"] = external_ref

    json_invoice_status: str | Unset = UNSET
    if not isinstance(invoice_status, Unset):
        json_invoice_status = invoice_status.value

    params["invoice_status"] = json_invoice_status

    json_shipment_status: str | Unset = UNSET
    if not isinstance(shipment_status, Unset):
        json_shipment_status = shipment_status.value

    params["shipment_status"] = json_shipment_status

    params["q"] = q

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
        "url": "/v1/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderList | Problem | None:
    if response.status_code == 200:
        response_200 = OrderList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: OrderStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    source: OrderSource | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    invoice_status: ListOrdersInvoiceStatus | Unset = UNSET,
    shipment_status: ListOrdersShipmentStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListOrdersMetadata | Unset = UNSET,
) -> Response[OrderList | Problem]:
    """List orders.

    Args:
        status (OrderStatus | Unset):
        customer_id (int | Unset):
        sales_rep_id (int | Unset):
        source (OrderSource | Unset): quote is set by converting a quote.
        external_ref (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but
            tab and newlines (400 otherwise).
        invoice_status (ListOrdersInvoiceStatus | Unset):
        shipment_status (ListOrdersShipmentStatus | Unset):
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
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
        metadata (ListOrdersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        customer_id=customer_id,
        sales_rep_id=sales_rep_id,
        source=source,
        external_ref=external_ref,
        invoice_status=invoice_status,
        shipment_status=shipment_status,
        q=q,
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
    status: OrderStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    source: OrderSource | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    invoice_status: ListOrdersInvoiceStatus | Unset = UNSET,
    shipment_status: ListOrdersShipmentStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListOrdersMetadata | Unset = UNSET,
) -> OrderList | Problem | None:
    """List orders.

    Args:
        status (OrderStatus | Unset):
        customer_id (int | Unset):
        sales_rep_id (int | Unset):
        source (OrderSource | Unset): quote is set by converting a quote.
        external_ref (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but
            tab and newlines (400 otherwise).
        invoice_status (ListOrdersInvoiceStatus | Unset):
        shipment_status (ListOrdersShipmentStatus | Unset):
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
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
        metadata (ListOrdersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        customer_id=customer_id,
        sales_rep_id=sales_rep_id,
        source=source,
        external_ref=external_ref,
        invoice_status=invoice_status,
        shipment_status=shipment_status,
        q=q,
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
    status: OrderStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    source: OrderSource | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    invoice_status: ListOrdersInvoiceStatus | Unset = UNSET,
    shipment_status: ListOrdersShipmentStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListOrdersMetadata | Unset = UNSET,
) -> Response[OrderList | Problem]:
    """List orders.

    Args:
        status (OrderStatus | Unset):
        customer_id (int | Unset):
        sales_rep_id (int | Unset):
        source (OrderSource | Unset): quote is set by converting a quote.
        external_ref (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but
            tab and newlines (400 otherwise).
        invoice_status (ListOrdersInvoiceStatus | Unset):
        shipment_status (ListOrdersShipmentStatus | Unset):
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
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
        metadata (ListOrdersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        customer_id=customer_id,
        sales_rep_id=sales_rep_id,
        source=source,
        external_ref=external_ref,
        invoice_status=invoice_status,
        shipment_status=shipment_status,
        q=q,
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
    status: OrderStatus | Unset = UNSET,
    customer_id: int | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    source: OrderSource | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    invoice_status: ListOrdersInvoiceStatus | Unset = UNSET,
    shipment_status: ListOrdersShipmentStatus | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListOrdersMetadata | Unset = UNSET,
) -> OrderList | Problem | None:
    """List orders.

    Args:
        status (OrderStatus | Unset):
        customer_id (int | Unset):
        sales_rep_id (int | Unset):
        source (OrderSource | Unset): quote is set by converting a quote.
        external_ref (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but
            tab and newlines (400 otherwise).
        invoice_status (ListOrdersInvoiceStatus | Unset):
        shipment_status (ListOrdersShipmentStatus | Unset):
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
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
        metadata (ListOrdersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            customer_id=customer_id,
            sales_rep_id=sales_rep_id,
            source=source,
            external_ref=external_ref,
            invoice_status=invoice_status,
            shipment_status=shipment_status,
            q=q,
            limit=limit,
            cursor=cursor,
            created_from=created_from,
            created_to=created_to,
            updated_since=updated_since,
            metadata=metadata,
        )
    ).parsed
