#!/usr/bin/env python3
"""Writes a year of sales history straight into a migrated database: the fast direct path
`make bench-scale` and `make bench` (report over a seeded year) use.

    seed_scale.py DB ORDERS [--customers 2000] [--products 5000]

The database must exist and be migrated (`sales-server migrate --db DB`). Everything is
set-based SQL in one transaction, so a million orders take about a minute instead of the hours
the API would. The result is a consistent book that `sales-server check` accepts:

- ORDERS confirmed orders of 3 lines each, spread evenly over the year ending now, over the
  customers and products round-robin; whole-unit quantities, no tax, so amounts are exact;
- 90% invoiced in full (one invoice each, due after 30 days), 85% shipped in full (a stock
  movement per shipment line), 70% of orders paid in full 10 days after invoicing;
- every derived figure maintained as the API maintains it: order and line quantities,
  reservations, on-hand stock, customer receivable and open-orders amount, the customer ledger
  with running balances, gapless document numbers;
- one `order.created` event per order (a short payload: enough for paging the feed).
"""
import argparse
import sqlite3
import sys
import time

YEAR = 365 * 86400


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("orders", type=int)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--products", type=int, default=5000)
    args = parser.parse_args()

    started = time.time()
    now = int(time.time())
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")  # 256 MiB while building
    db.execute("PRAGMA temp_store = MEMORY")
    if db.execute("SELECT COUNT(*) FROM orders").fetchone()[0]:
        sys.exit(f"{args.db} already has orders: seed an empty database")
    p = {"n": args.orders, "c": args.customers, "pr": args.products, "start": now - YEAR, "step": YEAR / args.orders}
    ts = "strftime('%Y-%m-%dT%H:%M:%fZ', {}, 'unixepoch')"
    day = "strftime('%Y-%m-%d', {}, 'unixepoch')"

    def run(label, sql):
        t = time.time()
        db.execute(sql, p)
        print(f"  {label:<28} {time.time() - t:6.1f} s", flush=True)

    db.execute("BEGIN")
    run("customers", f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :c)
        INSERT INTO customers (id, name, email, currency, payment_terms_days, created_at, updated_at)
        SELECT i, 'Customer ' || i, 'customer' || i || '@example.com', 'USD', 30, {ts.format(':start - 86400')}, {ts.format(':start - 86400')}
        FROM n""")
    run("products", f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :pr)
        INSERT INTO products (id, sku, name, unit_price, on_hand, created_at, updated_at)
        SELECT i, 'SKU-' || i, 'Product ' || i, 100 + (i * 37) % 9900, 1000000000, {ts.format(':start - 86400')}, {ts.format(':start - 86400')}
        FROM n""")
    run("opening stock", f"""
        INSERT INTO stock_movements (product_id, type, quantity, on_hand_after, reason, created_at)
        SELECT id, 'adjustment', 1000000000, 1000000000, 'opening stock', created_at FROM products""")
    # Order i: placed at start + (i - 1) × step; invoiced unless i % 10 = 0, shipped unless
    # i % 20 in (0, 1), paid when i % 10 in 1..7.
    run("orders", f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :n)
        INSERT INTO orders (id, number, customer_id, status, source, currency, version, confirmed_at, created_at, updated_at)
        SELECT i, 'SO-' || printf('%06d', i), (i * 7) % :c + 1, 'confirmed', 'api', 'USD', 2,
               {ts.format('CAST(:start + (i - 1) * :step AS INTEGER)')}, {ts.format('CAST(:start + (i - 1) * :step AS INTEGER)')},
               {ts.format('CAST(:start + (i - 1) * :step AS INTEGER)')}
        FROM n""")
    run("order lines", """
        WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 3)
        INSERT INTO order_lines (order_id, position, product_id, quantity, unit_price, subtotal, tax, total, stockable, invoice_policy,
                                 quantity_reserved, quantity_shipped, quantity_invoiced)
        SELECT o.id, k.j, pr.id, q.units * 1000, pr.unit_price, q.units * pr.unit_price, 0, q.units * pr.unit_price, 1, 'ordered',
               CASE WHEN o.id % 20 IN (0, 1) THEN q.units * 1000 ELSE 0 END,
               CASE WHEN o.id % 20 IN (0, 1) THEN 0 ELSE q.units * 1000 END,
               CASE WHEN o.id % 10 = 0 THEN 0 ELSE q.units * 1000 END
        FROM orders o CROSS JOIN k
        JOIN products pr ON pr.id = ((o.id - 1) * 3 + k.j - 1) * 7 % :pr + 1
        JOIN (SELECT 1 AS units UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) q
          ON q.units = 1 + (o.id + k.j) % 5
        ORDER BY o.id, k.j""")
    run("order totals", """
        UPDATE orders SET subtotal = s.t, total = s.t, quantity_total = s.q,
               amount_invoiced = CASE WHEN orders.id % 10 = 0 THEN 0 ELSE s.t END
        FROM (SELECT order_id, SUM(total) AS t, SUM(quantity) AS q FROM order_lines GROUP BY order_id) s
        WHERE s.order_id = orders.id""")
    run("invoices", f"""
        INSERT INTO invoices (id, number, order_id, customer_id, status, currency, issue_date, due_date, subtotal, tax_total, total,
                              amount_paid, amount_due, version, created_at, updated_at)
        SELECT id, 'INV-' || printf('%06d', ROW_NUMBER() OVER (ORDER BY id)), id, customer_id,
               CASE WHEN id % 10 BETWEEN 1 AND 7 THEN 'paid' ELSE 'open' END, 'USD',
               {day.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600')},
               {day.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600 + 30 * 86400')},
               subtotal, 0, total,
               CASE WHEN id % 10 BETWEEN 1 AND 7 THEN total ELSE 0 END,
               CASE WHEN id % 10 BETWEEN 1 AND 7 THEN 0 ELSE total END,
               CASE WHEN id % 10 BETWEEN 1 AND 7 THEN 2 ELSE 1 END,
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600')},
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600')}
        FROM orders WHERE id % 10 <> 0 ORDER BY id""")
    run("invoice lines", """
        INSERT INTO invoice_lines (invoice_id, order_line_id, position, product_id, quantity, unit_price, discount_e2, tax_percent_e4,
                                   tax_inclusive, subtotal, tax, total)
        SELECT order_id, id, position, product_id, quantity, unit_price, 0, 0, 0, subtotal, tax, total
        FROM order_lines WHERE order_id % 10 <> 0 ORDER BY order_id, position""")
    run("shipments", f"""
        INSERT INTO shipments (id, number, order_id, customer_id, status, created_at, updated_at)
        SELECT id, 'SH-' || printf('%06d', ROW_NUMBER() OVER (ORDER BY id)), id, customer_id, 'shipped',
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 7200')},
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 7200')}
        FROM orders WHERE id % 20 NOT IN (0, 1) ORDER BY id""")
    run("shipment lines", """
        INSERT INTO shipment_lines (shipment_id, order_line_id, position, product_id, quantity, from_reserved)
        SELECT order_id, id, position, product_id, quantity, quantity
        FROM order_lines WHERE order_id % 20 NOT IN (0, 1) ORDER BY order_id, position""")
    run("shipment stock movements", """
        INSERT INTO stock_movements (product_id, type, quantity, on_hand_after, document_type, document_id, created_at)
        SELECT l.product_id, 'shipment', -l.quantity,
               1000000000 - SUM(l.quantity) OVER (PARTITION BY l.product_id ORDER BY l.id ROWS UNBOUNDED PRECEDING),
               'shipment', l.shipment_id, s.created_at
        FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id ORDER BY s.created_at, l.id""")
    run("stock and reservations", """
        UPDATE products SET on_hand = 1000000000 - s.shipped, reserved = s.reserved
        FROM (SELECT product_id, SUM(quantity_shipped) AS shipped, SUM(quantity_reserved) AS reserved
              FROM order_lines GROUP BY product_id) s
        WHERE s.product_id = products.id""")
    run("payments", f"""
        INSERT INTO payments (id, number, customer_id, status, amount, currency, method, received_at, amount_allocated, created_at, updated_at)
        SELECT id, 'PAY-' || printf('%06d', ROW_NUMBER() OVER (ORDER BY id)), customer_id, 'posted', total, 'USD', 'bank_transfer',
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600 + 10 * 86400')}, total,
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600 + 10 * 86400')},
               {ts.format('CAST(:start + (id - 1) * :step AS INTEGER) + 3600 + 10 * 86400')}
        FROM invoices WHERE status = 'paid' ORDER BY id""")
    run("allocations", """
        INSERT INTO allocations (invoice_id, payment_id, customer_id, amount_original, amount, created_at)
        SELECT id, id, customer_id, amount, amount, created_at FROM payments ORDER BY id""")
    run("customer figures", """
        UPDATE customers SET receivable = s.due
        FROM (SELECT customer_id, SUM(amount_due) AS due FROM invoices WHERE status = 'open' GROUP BY customer_id) s
        WHERE s.customer_id = customers.id""")
    run("customer open orders", """
        UPDATE customers SET open_orders_amount = s.open
        FROM (SELECT customer_id, SUM(total - amount_invoiced) AS open FROM orders WHERE status = 'confirmed' GROUP BY customer_id) s
        WHERE s.customer_id = customers.id""")
    run("customer ledger", """
        INSERT INTO customer_ledger (customer_id, type, document_type, document_id, number, amount, balance_after, created_at)
        SELECT customer_id, type, type, document_id, number, amount,
               SUM(amount) OVER (PARTITION BY customer_id ORDER BY at, seq, document_id ROWS UNBOUNDED PRECEDING), at
        FROM (SELECT customer_id, created_at AS at, 1 AS seq, 'invoice' AS type, id AS document_id, number, total AS amount FROM invoices
              UNION ALL
              SELECT customer_id, created_at, 2, 'payment', id, number, -amount FROM payments)
        ORDER BY at, seq, document_id""")
    run("events", f"""
        INSERT INTO events (type, created_at, actor_name, resource_type, resource_id, data)
        SELECT 'order.created', created_at, 'seed', 'order', id, '{{"id":' || id || ',"number":"' || number || '"}}' FROM orders ORDER BY id""")
    run("document counters", """
        UPDATE document_counters SET last = CASE kind
            WHEN 'SO' THEN (SELECT COUNT(*) FROM orders) WHEN 'INV' THEN (SELECT COUNT(*) FROM invoices)
            WHEN 'SH' THEN (SELECT COUNT(*) FROM shipments) WHEN 'PAY' THEN (SELECT COUNT(*) FROM payments) ELSE last END""")
    db.execute("COMMIT")
    t = time.time()
    # No ANALYZE: the server must be fast on a database grown through its API, which has none.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  {'checkpoint':<28} {time.time() - t:6.1f} s")
    counts = {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("orders", "order_lines", "invoices", "shipments", "payments", "customer_ledger", "events")}
    print(f"seeded in {time.time() - started:.1f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    db.close()


if __name__ == "__main__":
    main()
