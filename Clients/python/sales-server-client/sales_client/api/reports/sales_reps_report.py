import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.currency import Currency
from ...models.problem import Problem
from ...models.report import Report
from ...models.sales_reps_report_format import SalesRepsReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: Currency | Unset = UNSET,
    format_: SalesRepsReportFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/sales-reps",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Report | None:
    if response.status_code == 200:
        response_200 = Report.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Report]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: Currency | Unset = UNSET,
    format_: SalesRepsReportFormat | Unset = UNSET,
) -> Response[Problem | Report]:
    """Per rep, hours clocked, activities, quotes, accepted quotes, orders and revenue.

     Rows `{sales_rep_id, name, hours_clocked, seconds_clocked, activities, quotes, quotes_accepted,
    orders,
    revenue}` for every rep: closed shifts clocked in during the period (hours to 2 decimals, half up),
    activities dated in it, quotes created in it and how many of those are accepted, orders confirmed in
    it
    in the currency, and their revenue (Σ subtotal, net of tax).

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (SalesRepsReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        currency=currency,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: Currency | Unset = UNSET,
    format_: SalesRepsReportFormat | Unset = UNSET,
) -> Problem | Report | None:
    """Per rep, hours clocked, activities, quotes, accepted quotes, orders and revenue.

     Rows `{sales_rep_id, name, hours_clocked, seconds_clocked, activities, quotes, quotes_accepted,
    orders,
    revenue}` for every rep: closed shifts clocked in during the period (hours to 2 decimals, half up),
    activities dated in it, quotes created in it and how many of those are accepted, orders confirmed in
    it
    in the currency, and their revenue (Σ subtotal, net of tax).

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (SalesRepsReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        currency=currency,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: Currency | Unset = UNSET,
    format_: SalesRepsReportFormat | Unset = UNSET,
) -> Response[Problem | Report]:
    """Per rep, hours clocked, activities, quotes, accepted quotes, orders and revenue.

     Rows `{sales_rep_id, name, hours_clocked, seconds_clocked, activities, quotes, quotes_accepted,
    orders,
    revenue}` for every rep: closed shifts clocked in during the period (hours to 2 decimals, half up),
    activities dated in it, quotes created in it and how many of those are accepted, orders confirmed in
    it
    in the currency, and their revenue (Σ subtotal, net of tax).

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (SalesRepsReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Report]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        currency=currency,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: Currency | Unset = UNSET,
    format_: SalesRepsReportFormat | Unset = UNSET,
) -> Problem | Report | None:
    """Per rep, hours clocked, activities, quotes, accepted quotes, orders and revenue.

     Rows `{sales_rep_id, name, hours_clocked, seconds_clocked, activities, quotes, quotes_accepted,
    orders,
    revenue}` for every rep: closed shifts clocked in during the period (hours to 2 decimals, half up),
    activities dated in it, quotes created in it and how many of those are accepted, orders confirmed in
    it
    in the currency, and their revenue (Σ subtotal, net of tax).

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (SalesRepsReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Report
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            currency=currency,
            format_=format_,
        )
    ).parsed
