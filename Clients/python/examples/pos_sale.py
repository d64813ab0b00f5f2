"""A point-of-sale sale through the generated Python client (Clients/python/sales-server-client).

What a POS integration needs, in one script:
  1. every POST sent with an Idempotency-Key that stays the same across its own retries, so a sale
     whose answer was lost (a dropped Wi-Fi, a timeout) is charged once (docs/api.md §1 "idempotency");
  2. the event feed followed from the last event id handled (docs/api.md §3 "Events and webhooks");
  3. webhook deliveries checked against their Sales-Signature before they are believed
     (docs/api.md §3 "Events and webhooks").

    SALES_SERVER_URL=http://127.0.0.1:8080 SALES_API_KEY=sk_... python pos_sale.py

The webhook part needs a server started with --webhook-allow-private, since it receives on
127.0.0.1; without that flag pass --no-webhook. --lose-answers N throws away the first N answers
(the server did the work, the terminal never heard) to show the retries at work.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.server
import json
import os
import random
import threading
import time
import uuid
from typing import Any, Callable

import httpx
from sales_client import AuthenticatedClient
from sales_client.api.customers import create_customer
from sales_client.api.events import create_webhook_endpoint, list_events
from sales_client.api.invoices import get_invoice, invoice_order
from sales_client.api.orders import create_order, list_orders
from sales_client.api.payments import pay_order
from sales_client.api.products import create_product
from sales_client.api.stock import adjust_stock
from sales_client.models import (
    CustomerInput,
    LineInput,
    OrderInput,
    OrderPaymentInput,
    PaymentMethod,
    Problem,
    ProductInput,
    StockAdjustmentInput,
    WebhookEndpointInput,
)


class APIError(Exception):
    """An answer of 400 or more: the problem+json's code, detail and field errors."""

    def __init__(self, status: int, problem: Problem | None, body: bytes):
        self.status = status
        self.code = problem.code if problem else f"http_{status}"
        self.detail = problem.detail if problem else body[:200].decode("utf-8", "replace")
        self.errors = [(e.field, e.message) for e in problem.errors] if problem and problem.errors else []
        super().__init__(f"{status} {self.code}: {self.detail} {self.errors or ''}".strip())


def call(operation: Any, *args: Any, attempts: int = 5, **kwargs: Any) -> Any:
    """One logical call to a generated operation: its parsed answer, or APIError.

    A POST gets one Idempotency-Key (kwargs' own, or a new one) that every attempt repeats, so
    a lost connection, 429, 503 or 409 idempotency_in_progress can be retried without a second
    effect; the server replays its first answer. Waits grow exponentially with jitter.
    """
    if "idempotency_key" in operation.sync_detailed.__code__.co_varnames:
        kwargs.setdefault("idempotency_key", str(uuid.uuid4()))
    for attempt in range(1, attempts + 1):
        try:
            response = operation.sync_detailed(*args, **kwargs)
        except httpx.TransportError:
            if attempt == attempts:
                raise
            time.sleep(backoff(attempt))
            continue
        problem = response.parsed if isinstance(response.parsed, Problem) else None
        retryable = response.status_code in (429, 503) or (problem is not None and problem.code == "idempotency_in_progress")
        if retryable and attempt < attempts:
            time.sleep(max(backoff(attempt), float(response.headers.get("retry-after", 0))))
            continue
        if response.status_code >= 400:
            raise APIError(response.status_code, problem, response.content)
        return response.parsed
    raise AssertionError("unreachable")


def backoff(attempt: int) -> float:
    return min(0.1 * 2 ** (attempt - 1), 5.0) * random.uniform(0.5, 1.0)


def follow_events(client: AuthenticatedClient, after: int) -> tuple[list[Any], int]:
    """Every event after an id, oldest first, and the id to start from next time."""
    events = []
    while True:
        page = call(list_events, client=client, after=after, limit=200)
        events.extend(page.data)
        after = int(page.next_cursor)
        if not page.has_more:
            return events, after


def verify_signature(body: bytes, header: str, secret: str, *, tolerance: int = 300, now: float | None = None) -> bool:
    """Sales-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    if "t" not in parts or "v1" not in parts or not parts["t"].isdigit():
        return False
    if abs((time.time() if now is None else now) - int(parts["t"])) > tolerance:
        return False
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


class LosingTransport(httpx.HTTPTransport):
    """Sends each request, then throws away the first `losing` answers to POSTs as a dropped
    connection would. Counts what reached the server."""

    def __init__(self, losing: int):
        super().__init__()
        self.losing = losing
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.sent += 1
        if request.method == "POST" and self.losing > 0:
            self.losing -= 1
            response.read()
            raise httpx.ReadError("connection lost after the server answered", request=request)
        return response


class WebhookReceiver(http.server.ThreadingHTTPServer):
    """Receives deliveries on 127.0.0.1 and keeps (headers, body) of each."""

    def __init__(self) -> None:
        self.deliveries: list[tuple[dict[str, str], bytes]] = []
        self.arrived = threading.Condition()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.arrived:
                    receiver.deliveries.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    receiver.arrived.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def wait_for(self, done: Callable[[list[tuple[dict[str, str], bytes]]], bool], seconds: float) -> None:
        with self.arrived:
            self.arrived.wait_for(lambda: done(self.deliveries), timeout=seconds)


def run(base_url: str, api_key: str, *, lose_answers: int = 0, webhook: bool = True) -> dict[str, Any]:
    """The sale; answers what happened, for the test (Clients/python/tests) and the printout."""
    transport = LosingTransport(lose_answers)
    client = AuthenticatedClient(base_url=base_url, token=api_key, httpx_args={"transport": transport})
    admin = AuthenticatedClient(base_url=base_url, token=api_key)
    _, start = follow_events(admin, 0)

    receiver = secret = None
    if webhook:
        receiver = WebhookReceiver()
        url = f"http://127.0.0.1:{receiver.server_address[1]}/sales-hooks"
        endpoint = call(create_webhook_endpoint, client=admin, body=WebhookEndpointInput(url=url, events=["order.*", "invoice.*"]))
        secret = endpoint.secret

    tag = uuid.uuid4().hex[:8]
    customer = call(create_customer, client=client, body=CustomerInput(name=f"Walk-in {tag}"))
    product = call(create_product, client=client, body=ProductInput(sku=f"ESP-{tag}", name="Espresso 250 g", unit_price=1999))
    call(adjust_stock, product.id, client=client, body=StockAdjustmentInput(quantity=5, reason="delivery"))

    # The POS names its sale; external_ref makes the order findable if every answer is lost.
    sale_ref = f"pos-7-{tag}"
    order = call(
        create_order,
        client=client,
        body=OrderInput(customer_id=customer.id, external_ref=sale_ref, confirm=True, lines=[LineInput(product_id=product.id, quantity=2)]),
    )
    invoice = call(invoice_order, order.id, client=client)
    payment = call(pay_order, order.id, client=client, body=OrderPaymentInput(amount=invoice.amount_due, method=PaymentMethod.CARD))
    paid = call(get_invoice, invoice.id, client=client)
    orders_for_sale = call(list_orders, client=admin, external_ref=sale_ref).data

    events, _ = follow_events(admin, start)
    mine = [e.type_ for e in events if (e.resource_type, e.resource_id) in {("order", order.id), ("invoice", invoice.id)}]

    verified = []
    if receiver is not None and secret is not None:
        wanted = {"order.created", "order.confirmed", "invoice.created", "invoice.paid"}

        def mine_arrived(deliveries: list[tuple[dict[str, str], bytes]]) -> bool:
            return wanted <= {json.loads(body)["type"] for _, body in deliveries if json.loads(body)["data"].get("id") in (order.id, invoice.id)}

        receiver.wait_for(mine_arrived, seconds=60)
        receiver.shutdown()
        for headers, body in receiver.deliveries:
            event = json.loads(body)
            if event["data"].get("id") not in (order.id, invoice.id):
                continue
            verified.append((event["type"], verify_signature(body, headers["sales-signature"], secret), headers["sales-event-id"] == str(event["id"])))
        forged = receiver.deliveries[0][1].replace(b'"', b"'", 1) if receiver.deliveries else b""
        verified.append(("forged", verify_signature(forged, receiver.deliveries[0][0]["sales-signature"], secret) if forged else False, True))

    return {
        "order_number": order.number,
        "order_total": order.total,
        "orders_for_sale": len(orders_for_sale),
        "invoice_total": invoice.total,
        "invoice_status": paid.status.value,
        "payment_amount": payment.amount,
        "requests_sent": transport.sent,
        "events": mine,
        "webhooks": sorted(verified),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lose-answers", type=int, default=0, help="throw away the first N answers to POSTs")
    parser.add_argument("--no-webhook", action="store_true", help="skip the webhook part")
    args = parser.parse_args()
    result = run(os.environ["SALES_SERVER_URL"], os.environ["SALES_API_KEY"], lose_answers=args.lose_answers, webhook=not args.no_webhook)
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
