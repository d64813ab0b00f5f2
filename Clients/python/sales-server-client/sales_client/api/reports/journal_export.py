import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.currency import Currency
from ...models.journal import Journal
from ...models.journal_export_format import JournalExportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: Currency | Unset = UNSET,
    format_: JournalExportFormat | Unset = UNSET,
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
        "url": "/v1/exports/journal",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Journal | Problem | None:
    if response.status_code == 200:
        response_200 = Journal.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Journal | Problem]:
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
    format_: JournalExportFormat | Unset = UNSET,
) -> Response[Journal | Problem]:
    """Double-entry journal lines for invoices, credit notes, voids, payments, payment voids and credit
    refunds.

     One currency per export (`currency`, default the server's). Its totals are checked against the bound
    of
    every total (10^18 minor units) before it starts (409 limit_exceeded), then it is streamed from one
    consistent read. Per document Σ debit = Σ credit. Dates: invoice issue_date, credit note
    and refund the day created, voids the day voided, payments the day received. Invoice: Dr receivable
    total,
    Cr revenue subtotal, Cr tax; credit note and invoice void (of the not-credited part): the reverse;
    payment:
    Dr cash|bank|card|other (checks and bank transfers → bank), Cr receivable; payment void and credit
    refund:
    Dr receivable, Cr that account. Customer credit stays on the receivable account, so each customer's
    receivable balance is its net_balance. Zero lines are left out. CSV columns: date, document_type,
    document_number, customer_id, account, debit, credit, currency, memo.

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (JournalExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Journal | Problem]
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
    format_: JournalExportFormat | Unset = UNSET,
) -> Journal | Problem | None:
    """Double-entry journal lines for invoices, credit notes, voids, payments, payment voids and credit
    refunds.

     One currency per export (`currency`, default the server's). Its totals are checked against the bound
    of
    every total (10^18 minor units) before it starts (409 limit_exceeded), then it is streamed from one
    consistent read. Per document Σ debit = Σ credit. Dates: invoice issue_date, credit note
    and refund the day created, voids the day voided, payments the day received. Invoice: Dr receivable
    total,
    Cr revenue subtotal, Cr tax; credit note and invoice void (of the not-credited part): the reverse;
    payment:
    Dr cash|bank|card|other (checks and bank transfers → bank), Cr receivable; payment void and credit
    refund:
    Dr receivable, Cr that account. Customer credit stays on the receivable account, so each customer's
    receivable balance is its net_balance. Zero lines are left out. CSV columns: date, document_type,
    document_number, customer_id, account, debit, credit, currency, memo.

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (JournalExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Journal | Problem
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
    format_: JournalExportFormat | Unset = UNSET,
) -> Response[Journal | Problem]:
    """Double-entry journal lines for invoices, credit notes, voids, payments, payment voids and credit
    refunds.

     One currency per export (`currency`, default the server's). Its totals are checked against the bound
    of
    every total (10^18 minor units) before it starts (409 limit_exceeded), then it is streamed from one
    consistent read. Per document Σ debit = Σ credit. Dates: invoice issue_date, credit note
    and refund the day created, voids the day voided, payments the day received. Invoice: Dr receivable
    total,
    Cr revenue subtotal, Cr tax; credit note and invoice void (of the not-credited part): the reverse;
    payment:
    Dr cash|bank|card|other (checks and bank transfers → bank), Cr receivable; payment void and credit
    refund:
    Dr receivable, Cr that account. Customer credit stays on the receivable account, so each customer's
    receivable balance is its net_balance. Zero lines are left out. CSV columns: date, document_type,
    document_number, customer_id, account, debit, credit, currency, memo.

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (JournalExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Journal | Problem]
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
    format_: JournalExportFormat | Unset = UNSET,
) -> Journal | Problem | None:
    """Double-entry journal lines for invoices, credit notes, voids, payments, payment voids and credit
    refunds.

     One currency per export (`currency`, default the server's). Its totals are checked against the bound
    of
    every total (10^18 minor units) before it starts (409 limit_exceeded), then it is streamed from one
    consistent read. Per document Σ debit = Σ credit. Dates: invoice issue_date, credit note
    and refund the day created, voids the day voided, payments the day received. Invoice: Dr receivable
    total,
    Cr revenue subtotal, Cr tax; credit note and invoice void (of the not-credited part): the reverse;
    payment:
    Dr cash|bank|card|other (checks and bank transfers → bank), Cr receivable; payment void and credit
    refund:
    Dr receivable, Cr that account. Customer credit stays on the receivable account, so each customer's
    receivable balance is its net_balance. Zero lines are left out. CSV columns: date, document_type,
    document_number, customer_id, account, debit, credit, currency, memo.

    Args:
        from_ (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        to (datetime.date | Unset): YYYY-MM-DD (any valid calendar date; the pattern keeps
            generated examples real).
        currency (Currency | Unset): An ISO 4217 code with a minor unit (docs/api.md §1 "money";
            Sources/SalesCore/Currencies.swift).
        format_ (JournalExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Journal | Problem
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
