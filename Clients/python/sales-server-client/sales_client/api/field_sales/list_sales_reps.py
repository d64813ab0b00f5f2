from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_sales_reps_metadata import ListSalesRepsMetadata
from ...models.problem import Problem
from ...models.sales_rep_list import SalesRepList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListSalesRepsMetadata | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["active"] = active

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
        "url": "/v1/sales-reps",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SalesRepList | None:
    if response.status_code == 200:
        response_200 = SalesRepList.from_dict(response.json())

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
) -> Response[Problem | SalesRepList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListSalesRepsMetadata | Unset = UNSET,
) -> Response[Problem | SalesRepList]:
    """List sales reps.

    Args:
        active (bool | Unset):
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
        metadata (ListSalesRepsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SalesRepList]
    """

    kwargs = _get_kwargs(
        active=active,
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
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListSalesRepsMetadata | Unset = UNSET,
) -> Problem | SalesRepList | None:
    """List sales reps.

    Args:
        active (bool | Unset):
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
        metadata (ListSalesRepsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SalesRepList
    """

    return sync_detailed(
        client=client,
        active=active,
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
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListSalesRepsMetadata | Unset = UNSET,
) -> Response[Problem | SalesRepList]:
    """List sales reps.

    Args:
        active (bool | Unset):
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
        metadata (ListSalesRepsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SalesRepList]
    """

    kwargs = _get_kwargs(
        active=active,
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
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    updated_since: str | Unset = UNSET,
    metadata: ListSalesRepsMetadata | Unset = UNSET,
) -> Problem | SalesRepList | None:
    """List sales reps.

    Args:
        active (bool | Unset):
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
        metadata (ListSalesRepsMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SalesRepList
    """

    return (
        await asyncio_detailed(
            client=client,
            active=active,
            q=q,
            limit=limit,
            cursor=cursor,
            created_from=created_from,
            created_to=created_to,
            updated_since=updated_since,
            metadata=metadata,
        )
    ).parsed
