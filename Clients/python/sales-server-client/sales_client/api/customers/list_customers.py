from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_list import CustomerList
from ...models.list_customers_metadata import ListCustomersMetadata
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    active: bool | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListCustomersMetadata | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["active"] = active

    params["sales_rep_id"] = sales_rep_id

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
        "url": "/v1/customers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CustomerList | Problem | None:
    if response.status_code == 200:
        response_200 = CustomerList.from_dict(response.json())

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
) -> Response[CustomerList | Problem]:
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
    active: bool | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListCustomersMetadata | Unset = UNSET,
) -> Response[CustomerList | Problem]:
    """List customers.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        active (bool | Unset):
        sales_rep_id (int | Unset):
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
        metadata (ListCustomersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerList | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        active=active,
        sales_rep_id=sales_rep_id,
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
    active: bool | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListCustomersMetadata | Unset = UNSET,
) -> CustomerList | Problem | None:
    """List customers.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        active (bool | Unset):
        sales_rep_id (int | Unset):
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
        metadata (ListCustomersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerList | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        active=active,
        sales_rep_id=sales_rep_id,
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
    active: bool | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListCustomersMetadata | Unset = UNSET,
) -> Response[CustomerList | Problem]:
    """List customers.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        active (bool | Unset):
        sales_rep_id (int | Unset):
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
        metadata (ListCustomersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerList | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        active=active,
        sales_rep_id=sales_rep_id,
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
    active: bool | Unset = UNSET,
    sales_rep_id: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListCustomersMetadata | Unset = UNSET,
) -> CustomerList | Problem | None:
    """List customers.

    Args:
        q (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab and
            newlines (400 otherwise).
        active (bool | Unset):
        sales_rep_id (int | Unset):
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
        metadata (ListCustomersMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            active=active,
            sales_rep_id=sales_rep_id,
            limit=limit,
            cursor=cursor,
            created_from=created_from,
            created_to=created_to,
            updated_since=updated_since,
            metadata=metadata,
        )
    ).parsed
