from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stock_row_list import StockRowList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sku: str | Unset = UNSET,
    q: str | Unset = UNSET,
    product_id: int | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sku"] = sku

    params["q"] = q

    params["product_id"] = product_id

    params["low_stock"] = low_stock

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stock",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StockRowList | None:
    if response.status_code == 200:
        response_200 = StockRowList.from_dict(response.json())

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
) -> Response[Problem | StockRowList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sku: str | Unset = UNSET,
    q: str | Unset = UNSET,
    product_id: int | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[Problem | StockRowList]:
    """Stock of stockable products.

    Args:
        sku (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        product_id (int | Unset):
        low_stock (bool | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StockRowList]
    """

    kwargs = _get_kwargs(
        sku=sku,
        q=q,
        product_id=product_id,
        low_stock=low_stock,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    sku: str | Unset = UNSET,
    q: str | Unset = UNSET,
    product_id: int | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Problem | StockRowList | None:
    """Stock of stockable products.

    Args:
        sku (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        product_id (int | Unset):
        low_stock (bool | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StockRowList
    """

    return sync_detailed(
        client=client,
        sku=sku,
        q=q,
        product_id=product_id,
        low_stock=low_stock,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sku: str | Unset = UNSET,
    q: str | Unset = UNSET,
    product_id: int | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[Problem | StockRowList]:
    """Stock of stockable products.

    Args:
        sku (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        product_id (int | Unset):
        low_stock (bool | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StockRowList]
    """

    kwargs = _get_kwargs(
        sku=sku,
        q=q,
        product_id=product_id,
        low_stock=low_stock,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sku: str | Unset = UNSET,
    q: str | Unset = UNSET,
    product_id: int | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Problem | StockRowList | None:
    """Stock of stockable products.

    Args:
        sku (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        product_id (int | Unset):
        low_stock (bool | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StockRowList
    """

    return (
        await asyncio_detailed(
            client=client,
            sku=sku,
            q=q,
            product_id=product_id,
            low_stock=low_stock,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
