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
    # 6, 8, shipments likewise (the first of each two has a return; 2 to deliver, 4 to cancel);
    # invoice 9 is customer 2's, who has credit (to apply); rep 1 is clocked in (to clock out),
    # rep 3 is not.
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


# The last date there is: a quote valid until then stays open, and a due date then falls on or
# after any issue date the run generates; not today's date, so the run does not depend on it.
FAR_FUTURE_DATE = "9999-12-31"
# Moments long past, in order: the seeded shifts begin at the first.
LONG_AGO = ["2001-01-01T08:00:00Z", "2001-01-01T12:00:00Z", "2001-01-01T17:30:00Z"]


def confirmed_order(units: int, customer_id: int = 1, line_count: int = 4) -> dict:
    """A confirmed order of `line_count` lines of products 4-7 in turn, `units` on each. Its first
    unit is invoiced and shipped, so the run cannot cancel it (docs/api.md §3 Orders: only an
    order with nothing invoiced or shipped can be canceled)."""
    lines = [{"product_id": 4 + n % 4, "quantity": units} for n in range(line_count)]
    order = api("POST", "/v1/orders", {"customer_id": customer_id, "lines": lines, "confirm": True})
    first_unit = {"lines": [{"order_line_id": order["lines"][0]["id"], "quantity": 1}]}
    api("POST", f"/v1/orders/{order['id']}/invoices", first_unit)
    api("POST", f"/v1/orders/{order['id']}/shipments", first_unit)
    return order


def seed_targets() -> list[tuple[str, dict[str, tuple[list, float]]]]:
    """What each operation that uses up its document acts on: (operationId, {parameter: (values,
    probability)}). Each success cancels, converts, voids or delivers one document, and an
    invoice, shipment or credit note whose body leaves `lines` out takes all that remains
    (docs/api.md §3); schemathesis also fills path ids with ids it read from other responses.
    A scenario whose positive cases are all refused, with a 422 among them (a cross-field rule: a
    line of another document, a product archived meanwhile, a due date before the issue date), is
    reported as the schema letting through what the server refuses (issue 20); 409 for a used-up
    document is not. So each operation that changes a document's state gets 25 of its own in the
    state it needs (1 case in 10 still takes a generated id), and each that names a document's lines
    gets one document of 100 lines of 10^4 units and always names it and its own lines: once the
    run has used it up, its cases are 409; with 100 lines to draw from, a request rarely names one
    twice (422 duplicate, a rule about items' ids that JSON Schema's uniqueItems cannot state). The spare products, reps and customers are for the
    operations that edit or archive those, so that the references other bodies name stay
    active."""
    quote_lines = [{"product_id": n, "quantity": 5} for n in range(4, 8)]

    def quotes(count: int, sent: bool) -> list[int]:
        ids = []
        for _ in range(count):
            quote = api("POST", "/v1/quotes", {"customer_id": 1, "lines": quote_lines, "valid_until": FAR_FUTURE_DATE})
            if sent:
                api("POST", f"/v1/quotes/{quote['id']}/send", {})
            ids.append(quote["id"])
        return ids

    def orders(count: int) -> list[int]:
        return [api("POST", "/v1/orders", {"customer_id": 1, "lines": quote_lines})["id"] for _ in range(count)]

    def each(path: str, count: int, body: dict) -> list[int]:
        return [api("POST", path, body)["id"] for _ in range(count)]

    def confirmed_orders(count: int, customer_id: int = 1) -> list[dict]:
        return [confirmed_order(5, customer_id) for _ in range(count)]

    def whole_invoices(count: int, customer_id: int = 1) -> list[int]:
        return [api("POST", f"/v1/orders/{order['id']}/invoices", {})["id"] for order in confirmed_orders(count, customer_id)]

    def lines_of(document: dict) -> tuple[list[int], float]:
        return [line["id"] for line in document["lines"]], 1.0

    def many_lines() -> dict:
        return confirmed_order(10000, line_count=100)

    # Customer 3 (spare) owes open invoices and has credit on account far larger than they add up to.
    customer = api("POST", "/v1/customers", {"name": "Credit Customer", "payment_terms_days": 30})
    api("POST", "/v1/payments", {"customer_id": customer["id"], "amount": 100000000000, "method": "bank_transfer"})
    paid = confirmed_order(1000000)
    invoiced = many_lines()
    shipped = many_lines()
    credited = api("POST", f"/v1/orders/{many_lines()['id']}/invoices", {})
    # Returns: a delivered shipment, which the run cannot cancel (docs/api.md §3 Shipments).
    returnable = api("POST", f"/v1/orders/{many_lines()['id']}/shipments", {})
    api("POST", f"/v1/shipments/{returnable['id']}/deliver", {})
    small = confirmed_order(100000)
    one_line = {"lines": [{"order_line_id": small["lines"][1]["id"], "quantity": 1}]}
    products = [api("POST", "/v1/products", {"sku": f"FUZZ-EDIT-{n}", "name": f"To edit {n}", "unit_price": 100})["id"] for n in range(8)]
    reps = [api("POST", "/v1/sales-reps", {"name": f"Spare rep {n}"})["id"] for n in range(8)]
    # Shifts: reps with none yet (to clock in) and reps clocked in at the start of LONG_AGO (to
    # clock out); an `at` from LONG_AGO on is after that clock-in and overlaps no earlier shift
    # (422 before_clock_in, overlaps_shift: docs/api.md §3 Sales reps).
    unclocked = [api("POST", "/v1/sales-reps", {"name": f"Shift rep {n}"})["id"] for n in range(25)]
    clocked_in = [api("POST", "/v1/sales-reps", {"name": f"On shift {n}"})["id"] for n in range(25)]
    for rep in clocked_in:
        api("POST", f"/v1/sales-reps/{rep}/clock-in", {"at": LONG_AGO[0]})
    customers = [api("POST", "/v1/customers", {"name": f"Spare customer {n}"})["id"] for n in range(8)]
    return [
        ("updateQuote", {"path.id": (quotes(25, sent=False), 0.9), "body.valid_until": ([FAR_FUTURE_DATE], 0.8)}),
        ("sendQuote", {"path.id": (quotes(25, sent=False), 0.9)}),
        ("cancelQuote", {"path.id": (quotes(25, sent=False), 0.9)}),
        ("declineQuote", {"path.id": (quotes(25, sent=True), 0.9)}),
        ("convertQuote", {"path.id": (quotes(25, sent=True), 0.9)}),
        ("createQuote", {"body.valid_until": ([FAR_FUTURE_DATE], 0.8)}),
        ("updateOrder", {"path.id": (orders(25), 0.9)}),
        ("confirmOrder", {"path.id": (orders(25), 0.9)}),
        ("cancelOrder", {"path.id": (orders(25), 0.9)}),
        ("invoiceOrder", {"path.id": ([invoiced["id"]], 1.0), "body.lines[*].order_line_id": lines_of(invoiced),
                          "body.due_date": ([FAR_FUTURE_DATE], 0.8)}),
        ("shipOrder", {"path.id": ([shipped["id"]], 1.0), "body.lines[*].order_line_id": lines_of(shipped)}),
        ("payOrder", {"path.id": ([paid["id"]], 0.9)}),
        ("creditInvoice", {"path.id": ([credited["id"]], 1.0), "body.lines[*].invoice_line_id": lines_of(credited)}),
        ("applyCredit", {"path.id": (whole_invoices(40, customer["id"]), 0.9)}),
        ("refundCredit", {"path.id": ([customer["id"]], 0.9)}),
        ("voidInvoice", {"path.id": (each(f"/v1/orders/{small['id']}/invoices", 25, one_line), 0.9)}),
        ("deliverShipment", {"path.id": (each(f"/v1/orders/{small['id']}/shipments", 25, one_line), 0.9)}),
        ("cancelShipment", {"path.id": (each(f"/v1/orders/{small['id']}/shipments", 25, one_line), 0.9)}),
        ("voidPayment", {"path.id": (each("/v1/payments", 25, {"customer_id": 1, "amount": 100, "method": "cash"}), 0.9)}),
        ("updateProduct", {"path.id": (products, 0.9)}),
        ("deleteProduct", {"path.id": (products, 0.9)}),
        ("updateSalesRep", {"path.id": (reps, 0.9)}),
        ("deleteSalesRep", {"path.id": (reps, 0.9)}),
        ("updateCustomer", {"path.id": (customers, 0.9)}),
        ("deleteCustomer", {"path.id": (customers, 0.9)}),
        ("clockIn", {"path.id": (unclocked, 0.9), "body.at": (LONG_AGO, 0.5)}),
        ("clockOut", {"path.id": (clocked_in, 0.9), "body.at": (LONG_AGO, 0.5)}),
        ("createReturn", {"path.id": ([returnable["id"]], 1.0), "body.lines[*].shipment_line_id": lines_of(returnable)}),
    ]


def write_config(path: str, targets: list[tuple[str, dict[str, tuple[list, float]]]]) -> None:
    """schemathesis.toml plus, per operation, the dictionaries of what it acts on."""
    with open("schemathesis.toml") as project:
        configuration = project.read()
    with open(path, "w") as file:
        file.write(configuration)
        for operation_id, parameters in targets:
            bindings = []
            for n, (parameter, (values, probability)) in enumerate(parameters.items()):
                name = f"{operation_id}-{n}"
                file.write(f"\n[dictionaries.{name}]\nvalues = {json.dumps(values)}\n")
                bindings.append(f'"{parameter}" = {{ dictionary = "{name}", probability = {probability} }}')
            file.write(f'\n[[operations]]\ninclude-operation-id = "{operation_id}"\n'
                       f"parameters = {{ {', '.join(bindings)} }}\n")


if __name__ == "__main__":
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--config-out", help="write the run's schemathesis configuration here")
    options = arguments.parse_args()
    main()
    targets = seed_targets()
    if options.config_out:
        write_config(options.config_out, targets)
