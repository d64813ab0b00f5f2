#!/usr/bin/env python3
"""Seeds the server api-fuzz runs against (scripts/api-fuzz.sh): every kind of resource, ids 1 and
2 at least, in states the operations on them accept, and a dozen of what the run uses up (draft
quotes, orders to confirm, invoice and ship), so schemathesis's boundary values (id 1, 2), the
spec's examples and the references in generated bodies (customer_id, product_id, sales_rep_id…)
reach real resources instead of answering only 404 or 422 not_found (issue 20: "give it links or
examples so it can reach real resources"). Uses SALES_SERVER_URL and SALES_API_KEY
(scripts/with-server.sh sets them).

With --config-out FILE it also writes the schemathesis configuration of the run: schemathesis.toml
plus the shipment that returns should name and its line ids (known only once seeded)."""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request

URL = os.environ["SALES_SERVER_URL"]
KEY = os.environ["SALES_API_KEY"]


def api(method: str, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(URL + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {KEY}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        sys.exit(f"seeding: {method} {path} → {error.code} {error.read().decode()}")


def create(path: str, body: dict, expected_id: int) -> dict:
    """Creates a resource whose id docs/openapi.yaml's examples name, and checks it has that id."""
    created = api("POST", path, body)
    if created["id"] != expected_id:
        sys.exit(f"seeding: {path} made id {created['id']}, the spec's examples expect {expected_id}")
    return created


def main() -> None:
    # The ids docs/openapi.yaml's per-operation examples name (its `example:` on each `id`):
    # tax rate and rep 10 and customer and product 3 are spare, to delete; quotes 1-12 are drafts
    # (3 to convert, 5 to send, 7 to edit, 11 to cancel) but 9, 10 and 12, which are sent (9 to
    # decline); orders 1, 3, 5… are drafts (1 to confirm, 3 to cancel, 5 to edit) and 2, 4, 6…
    # confirmed (2 to invoice, 4 to ship, 6 to pay); invoices 1-8 come two by two from orders 2, 4,
    # 6, 8, shipments likewise; invoice 9 is customer 2's, who has credit (to apply); rep 1 is
    # clocked in (to clock out), rep 3 is not.
    # Ten tax rates and reps: the run deletes and deactivates some, and a body naming one of those
    # is refused (422 not_found, inactive).
    for n in range(1, 11):
        create("/v1/tax-rates", {"name": f"Rate {n}", "percent": n}, n)
        create("/v1/sales-reps", {"name": f"Rep {n}"}, n)
    for n, name in enumerate(["Corner Shop", "Harbour Cafe", "Spare Customer"], start=1):
        create("/v1/customers", {"name": name, "payment_terms_days": 30}, n)
    for n in [1, 2]:
        create("/v1/products", {"sku": f"BEANS-{n}", "name": f"Beans {n}", "unit_price": 1250}, n)
        api("POST", f"/v1/products/{n}/stock-adjustments", {"quantity": 1000000, "reason": "seed"})
    create("/v1/products", {"sku": "SPARE-3", "name": "Spare product", "unit_price": 100}, 3)
    # Products 4-7 carry tax rates 1-4, so those rates are in use and cannot be deleted by the run
    # (schemathesis.toml names them, and these products, in generated lines).
    for n in range(4, 8):
        create("/v1/products", {"sku": f"TEA-{n}", "name": f"Tea {n}", "unit_price": 800, "tax_rate_id": n - 3}, n)
        api("POST", f"/v1/products/{n}/stock-adjustments", {"quantity": 10000000, "reason": "seed"})
    lines = [{"product_id": 1, "quantity": 100}, {"product_id": 2, "quantity": 100}]
    for n in range(1, 13):
        create("/v1/quotes", {"customer_id": 1 + n % 2, "lines": lines}, n)
    # Only a sent quote can be declined (docs/api.md §3 Quotes): 9 (declineQuote's example) and the
    # two after it are sent, so the run's declines are not all 409.
    for n in [9, 10, 12]:
        api("POST", f"/v1/quotes/{n}/send", {})
    orders = [create("/v1/orders", {"customer_id": 1, "lines": lines, "confirm": n % 2 == 0}, n) for n in range(1, 13)]
    invoice_id = shipment_id = 0
    for order in orders[1::2][:4]:
        request = {"lines": [{"order_line_id": line["id"], "quantity": 10} for line in order["lines"]]}
        invoices, shipments = [], []
        for _ in range(2):
            invoice_id += 1
            invoices.append(create(f"/v1/orders/{order['id']}/invoices", request, invoice_id))
        for _ in range(2):
            shipment_id += 1
            shipments.append(create(f"/v1/orders/{order['id']}/shipments", request, shipment_id))
        for invoice in invoices:
            api("POST", f"/v1/invoices/{invoice['id']}/credit-notes",
                {"reason": "seed", "lines": [{"invoice_line_id": invoice["lines"][0]["id"], "quantity": 1}]})
        api("POST", f"/v1/shipments/{shipments[0]['id']}/returns",
            {"lines": [{"shipment_line_id": shipments[0]["lines"][0]["id"], "quantity": 1}]})
    # Payments on account leave customer 2 a credit balance to refund and to apply to invoice 9.
    for n in [1, 2]:
        create("/v1/payments", {"customer_id": 2, "amount": 50000, "method": "bank_transfer"}, n)
        api("POST", "/v1/customers/2/credit-refunds", {"amount": 100, "method": "bank_transfer"})
    create("/v1/payments", {"customer_id": 1, "amount": 1000, "method": "cash"}, 3)
    order = create("/v1/orders", {"customer_id": 2, "lines": lines, "confirm": True}, 13)
    create(f"/v1/orders/{order['id']}/invoices", {}, 9)
    for rep in [1, 2]:
        api("POST", "/v1/activities", {"sales_rep_id": rep, "customer_id": 1, "type": "visit"})
        api("POST", f"/v1/sales-reps/{rep}/clock-in", {})
    # .invalid never resolves (RFC 2606), so registration accepts it and no delivery leaves the machine.
    for n in [1, 2]:
        create("/v1/webhook-endpoints", {"url": f"https://hooks-{n}.example.invalid/sales", "events": ["*"]}, n)
    print("api-fuzz: seeded every kind of resource, with the ids the spec's examples name")


def seed_return_target() -> tuple[int, list[int]]:
    """A delivered shipment for the run's returns, with lines large enough (10^6 units each) that
    its requests rarely use them up: (shipment id, its line ids). Returns name the lines of the
    shipment in their path, and a line of another shipment is refused 422 not_found (docs/api.md §3
    Shipments), which is right but teaches the run nothing; and a delivered shipment cannot be
    canceled, so the run cannot take it away. (Invoicing, shipping and crediting need no such
    target: their bodies may leave lines out, and schemathesis pairs documents with their own
    lines from what it has read.)"""
    lines = [{"product_id": n, "quantity": 1000000} for n in range(4, 8)]
    order = api("POST", "/v1/orders", {"customer_id": 1, "lines": lines, "confirm": True})
    shipment = api("POST", f"/v1/orders/{order['id']}/shipments", {})
    api("POST", f"/v1/shipments/{shipment['id']}/deliver", {})
    return shipment["id"], [line["id"] for line in shipment["lines"]]


def write_config(path: str, shipment_id: int, line_ids: list[int]) -> None:
    """schemathesis.toml plus the return target: every positive case of createReturn names the
    shipment, 9 in 10 of its lines name the shipment's lines (the rest are generated, so unknown
    ids are still tried)."""
    with open("schemathesis.toml") as project:
        configuration = project.read()
    with open(path, "w") as file:
        file.write(configuration + f"""
[dictionaries.return-shipment]
values = [{shipment_id}]

[dictionaries.return-shipment-lines]
values = {json.dumps(line_ids)}

[[operations]]
include-operation-id = "createReturn"
parameters = {{ "path.id" = {{ dictionary = "return-shipment", probability = 1.0 }}, "body.lines[*].shipment_line_id" = {{ dictionary = "return-shipment-lines", probability = 0.9 }} }}
""")


if __name__ == "__main__":
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--config-out", help="write the run's schemathesis configuration here")
    options = arguments.parse_args()
    main()
    return_target = seed_return_target()
    if options.config_out:
        write_config(options.config_out, *return_target)
