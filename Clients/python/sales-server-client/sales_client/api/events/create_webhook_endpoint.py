from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint import WebhookEndpoint
from ...models.webhook_endpoint_input import WebhookEndpointInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookEndpointInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpoint | None:
    if response.status_code == 201:
        response_201 = WebhookEndpoint.from_dict(response.json())

        return response_201

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookEndpoint]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookEndpointInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpoint]:
    """Subscribe a URL to events (admin). Answers with `secret` — generated unless given — only this once.

     Each matching event created after this is POSTed as the event JSON with `Sales-Signature:
    t=<unix>,v1=<hex
    HMAC-SHA256(secret, "<t>.<body>")>`, `Sales-Event-Id` and `Sales-Event-Type`. A 2xx answer delivers
    it;
    anything else (or no answer within 10 s) is retried after 30 s, 1, 2, 4, 8, 16 and 32 min (8
    attempts), then
    given up. Per endpoint, events go out one at a time in event order. Deliveries are stored rows, so a
    restart resumes them; a send cut short by a crash is sent again (deduplicate on the event id).
    The url is http or https without userinfo (422 invalid_url); a host resolving to a loopback,
    private,
    link-local or reserved address is 422 destination_not_allowed unless the server runs with
    --webhook-allow-private, and is judged again before every attempt. Redirects are not followed (a 3xx
    is a failed attempt).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookEndpointInput,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookEndpoint | None:
    """Subscribe a URL to events (admin). Answers with `secret` — generated unless given — only this once.

     Each matching event created after this is POSTed as the event JSON with `Sales-Signature:
    t=<unix>,v1=<hex
    HMAC-SHA256(secret, "<t>.<body>")>`, `Sales-Event-Id` and `Sales-Event-Type`. A 2xx answer delivers
    it;
    anything else (or no answer within 10 s) is retried after 30 s, 1, 2, 4, 8, 16 and 32 min (8
    attempts), then
    given up. Per endpoint, events go out one at a time in event order. Deliveries are stored rows, so a
    restart resumes them; a send cut short by a crash is sent again (deduplicate on the event id).
    The url is http or https without userinfo (422 invalid_url); a host resolving to a loopback,
    private,
    link-local or reserved address is 422 destination_not_allowed unless the server runs with
    --webhook-allow-private, and is judged again before every attempt. Redirects are not followed (a 3xx
    is a failed attempt).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpoint
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookEndpointInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpoint]:
    """Subscribe a URL to events (admin). Answers with `secret` — generated unless given — only this once.

     Each matching event created after this is POSTed as the event JSON with `Sales-Signature:
    t=<unix>,v1=<hex
    HMAC-SHA256(secret, "<t>.<body>")>`, `Sales-Event-Id` and `Sales-Event-Type`. A 2xx answer delivers
    it;
    anything else (or no answer within 10 s) is retried after 30 s, 1, 2, 4, 8, 16 and 32 min (8
    attempts), then
    given up. Per endpoint, events go out one at a time in event order. Deliveries are stored rows, so a
    restart resumes them; a send cut short by a crash is sent again (deduplicate on the event id).
    The url is http or https without userinfo (422 invalid_url); a host resolving to a loopback,
    private,
    link-local or reserved address is 422 destination_not_allowed unless the server runs with
    --webhook-allow-private, and is judged again before every attempt. Redirects are not followed (a 3xx
    is a failed attempt).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookEndpointInput,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookEndpoint | None:
    """Subscribe a URL to events (admin). Answers with `secret` — generated unless given — only this once.

     Each matching event created after this is POSTed as the event JSON with `Sales-Signature:
    t=<unix>,v1=<hex
    HMAC-SHA256(secret, "<t>.<body>")>`, `Sales-Event-Id` and `Sales-Event-Type`. A 2xx answer delivers
    it;
    anything else (or no answer within 10 s) is retried after 30 s, 1, 2, 4, 8, 16 and 32 min (8
    attempts), then
    given up. Per endpoint, events go out one at a time in event order. Deliveries are stored rows, so a
    restart resumes them; a send cut short by a crash is sent again (deduplicate on the event id).
    The url is http or https without userinfo (422 invalid_url); a host resolving to a loopback,
    private,
    link-local or reserved address is 422 destination_not_allowed unless the server runs with
    --webhook-allow-private, and is judged again before every attempt. Redirects are not followed (a 3xx
    is a failed attempt).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpoint
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
