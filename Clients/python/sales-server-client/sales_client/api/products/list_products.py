from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_products_metadata import ListProductsMetadata
from ...models.problem import Problem
from ...models.product_list import ProductList
from ...models.product_type import ProductType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    type_: ProductType | Unset = UNSET,
    active: bool | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListProductsMetadata | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["active"] = active

    params["low_stock"] = low_stock

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
        "url": "/v1/products",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProductList | None:
    if response.status_code == 200:
        response_200 = ProductList.from_dict(response.json())

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
) -> Response[Problem | ProductList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    type_: ProductType | Unset = UNSET,
    active: bool | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListProductsMetadata | Unset = UNSET,
) -> Response[Problem | ProductList]:
    """List products.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        type_ (ProductType | Unset):
        active (bool | Unset):
        low_stock (bool | Unset):
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
        metadata (ListProductsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductList]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        active=active,
        low_stock=low_stock,
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
    q: str | Unset = UNSET,
    type_: ProductType | Unset = UNSET,
    active: bool | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListProductsMetadata | Unset = UNSET,
) -> Problem | ProductList | None:
    """List products.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        type_ (ProductType | Unset):
        active (bool | Unset):
        low_stock (bool | Unset):
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
        metadata (ListProductsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductList
    """

    return sync_detailed(
        client=client,
        q=q,
        type_=type_,
        active=active,
        low_stock=low_stock,
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
    q: str | Unset = UNSET,
    type_: ProductType | Unset = UNSET,
    active: bool | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListProductsMetadata | Unset = UNSET,
) -> Response[Problem | ProductList]:
    """List products.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        type_ (ProductType | Unset):
        active (bool | Unset):
        low_stock (bool | Unset):
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
        metadata (ListProductsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductList]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        active=active,
        low_stock=low_stock,
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
    q: str | Unset = UNSET,
    type_: ProductType | Unset = UNSET,
    active: bool | Unset = UNSET,
    low_stock: bool | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListProductsMetadata | Unset = UNSET,
) -> Problem | ProductList | None:
    """List products.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        type_ (ProductType | Unset):
        active (bool | Unset):
        low_stock (bool | Unset):
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
        metadata (ListProductsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductList
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            type_=type_,
            active=active,
            low_stock=low_stock,
            limit=limit,
            cursor=cursor,
            created_from=created_from,
            created_to=created_to,
            updated_since=updated_since,
            metadata=metadata,
        )
    ).parsed
