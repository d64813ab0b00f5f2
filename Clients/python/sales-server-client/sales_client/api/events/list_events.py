from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["type"] = type_

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """The event feed, oldest first; ids strictly increase with nothing skipped.

     Every change writes its event in the same transaction, so a reader never sees event N+1 before N.
    Poll
    with `after` set to the previous answer's `next_cursor` (always the last id seen, so it is never
    null).
    `type` is one type (`order.confirmed`) or a family (`order.*`). Types: customer.*, product.*,
    tax_rate.*,
    sales_rep.* (created, updated, deleted), stock.adjusted,
    quote.created/updated/sent/declined/canceled/accepted,
    order.created/updated/confirmed/canceled/completed, invoice.created/paid/voided/credit_applied,
    credit_note.created, shipment.created/delivered/canceled, return.created,
    payment.created/updated/voided,
    credit_refund.created, shift.started/ended, activity.created, settings.updated. `data` is the
    resource
    as the API answered it after the change.

    Args:
        after (int | Unset):
        type_ (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab
            and newlines (400 otherwise).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        type_=type_,
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
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> EventPage | Problem | None:
    """The event feed, oldest first; ids strictly increase with nothing skipped.

     Every change writes its event in the same transaction, so a reader never sees event N+1 before N.
    Poll
    with `after` set to the previous answer's `next_cursor` (always the last id seen, so it is never
    null).
    `type` is one type (`order.confirmed`) or a family (`order.*`). Types: customer.*, product.*,
    tax_rate.*,
    sales_rep.* (created, updated, deleted), stock.adjusted,
    quote.created/updated/sent/declined/canceled/accepted,
    order.created/updated/confirmed/canceled/completed, invoice.created/paid/voided/credit_applied,
    credit_note.created, shipment.created/delivered/canceled, return.created,
    payment.created/updated/voided,
    credit_refund.created, shift.started/ended, activity.created, settings.updated. `data` is the
    resource
    as the API answered it after the change.

    Args:
        after (int | Unset):
        type_ (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab
            and newlines (400 otherwise).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        type_=type_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """The event feed, oldest first; ids strictly increase with nothing skipped.

     Every change writes its event in the same transaction, so a reader never sees event N+1 before N.
    Poll
    with `after` set to the previous answer's `next_cursor` (always the last id seen, so it is never
    null).
    `type` is one type (`order.confirmed`) or a family (`order.*`). Types: customer.*, product.*,
    tax_rate.*,
    sales_rep.* (created, updated, deleted), stock.adjusted,
    quote.created/updated/sent/declined/canceled/accepted,
    order.created/updated/confirmed/canceled/completed, invoice.created/paid/voided/credit_applied,
    credit_note.created, shipment.created/delivered/canceled, return.created,
    payment.created/updated/voided,
    credit_refund.created, shift.started/ended, activity.created, settings.updated. `data` is the
    resource
    as the API answered it after the change.

    Args:
        after (int | Unset):
        type_ (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab
            and newlines (400 otherwise).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        type_=type_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> EventPage | Problem | None:
    """The event feed, oldest first; ids strictly increase with nothing skipped.

     Every change writes its event in the same transaction, so a reader never sees event N+1 before N.
    Poll
    with `after` set to the previous answer's `next_cursor` (always the last id seen, so it is never
    null).
    `type` is one type (`order.confirmed`) or a family (`order.*`). Types: customer.*, product.*,
    tax_rate.*,
    sales_rep.* (created, updated, deleted), stock.adjusted,
    quote.created/updated/sent/declined/canceled/accepted,
    order.created/updated/confirmed/canceled/completed, invoice.created/paid/voided/credit_applied,
    credit_note.created, shipment.created/delivered/canceled, return.created,
    payment.created/updated/voided,
    credit_refund.created, shift.started/ended, activity.created, settings.updated. `data` is the
    resource
    as the API answered it after the change.

    Args:
        after (int | Unset):
        type_ (str | Unset): Filter text (docs/api.md §1 "text"); no control characters but tab
            and newlines (400 otherwise).
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            type_=type_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
