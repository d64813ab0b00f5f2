-- 0002 quotes and sales orders (API.md §3 "Lines and totals", "Quotes", "Sales orders").
-- Quantities in thousandths, money in minor units, discount percent × 10^2, tax percent × 10^4.

-- Gapless numbering per kind (API.md §1 "ids", §4 invariant 6): the counter is incremented in the
-- same transaction that creates the document, so a rolled-back document leaves no gap.
CREATE TABLE document_counters (
    kind  TEXT PRIMARY KEY,
    last  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO document_counters (kind, last) VALUES ('Q', 0), ('SO', 0), ('INV', 0), ('CN', 0), ('SH', 0), ('PAY', 0), ('RT', 0);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'canceled')),
    currency      TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    notes         TEXT,
    sales_rep_id  INTEGER REFERENCES sales_reps(id),
    order_id      INTEGER,
    subtotal      INTEGER NOT NULL DEFAULT 0,
    tax_total     INTEGER NOT NULL DEFAULT 0,
    total         INTEGER NOT NULL DEFAULT 0,
    metadata      TEXT NOT NULL DEFAULT '{}',
    version       INTEGER NOT NULL DEFAULT 1,
    sent_at       TEXT,
    accepted_at   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX quotes_by_customer ON quotes(customer_id, id);
CREATE INDEX quotes_by_rep ON quotes(sales_rep_id, id);
CREATE INDEX quotes_by_update ON quotes(updated_at, id);
CREATE INDEX quotes_by_created ON quotes(created_at, id);

CREATE TABLE quote_lines (
    id              INTEGER PRIMARY KEY,
    quote_id        INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    product_id      INTEGER NOT NULL REFERENCES products(id),
    description     TEXT,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    discount_e2     INTEGER NOT NULL DEFAULT 0 CHECK (discount_e2 BETWEEN 0 AND 10000),
    tax_rate_id     INTEGER REFERENCES tax_rates(id),
    tax_percent_e4  INTEGER NOT NULL DEFAULT 0,
    tax_inclusive   INTEGER NOT NULL DEFAULT 0,
    subtotal        INTEGER NOT NULL,
    tax             INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    CHECK (subtotal + tax = total)
);
CREATE INDEX quote_lines_by_quote ON quote_lines(quote_id, position);
CREATE INDEX quote_lines_by_product ON quote_lines(product_id);

CREATE TABLE orders (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    customer_id       INTEGER NOT NULL REFERENCES customers(id),
    status            TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'completed', 'canceled')),
    -- 'quote' is set by POST /v1/quotes/{id}/convert (API.md §3 Quotes).
    source            TEXT NOT NULL CHECK (source IN ('manual', 'api', 'pos', 'ecommerce', 'quote')),
    external_ref      TEXT,
    sales_rep_id      INTEGER REFERENCES sales_reps(id),
    currency          TEXT NOT NULL,
    shipping_address  TEXT,
    notes             TEXT,
    allow_backorder   INTEGER NOT NULL DEFAULT 0 CHECK (allow_backorder IN (0, 1)),
    auto_invoice      INTEGER NOT NULL DEFAULT 0 CHECK (auto_invoice IN (0, 1)),
    quote_id          INTEGER REFERENCES quotes(id),
    subtotal          INTEGER NOT NULL DEFAULT 0,
    tax_total         INTEGER NOT NULL DEFAULT 0,
    total             INTEGER NOT NULL DEFAULT 0,
    -- Σ totals of non-void invoices − Σ their credit notes; maintained with the invoices.
    amount_invoiced   INTEGER NOT NULL DEFAULT 0,
    metadata          TEXT NOT NULL DEFAULT '{}',
    version           INTEGER NOT NULL DEFAULT 1,
    confirmed_at      TEXT,
    canceled_at       TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (subtotal + tax_total = total)
);
-- API.md: external_ref is unique per source.
CREATE UNIQUE INDEX orders_by_source_ref ON orders(source, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX orders_by_customer ON orders(customer_id, id);
CREATE INDEX orders_by_status ON orders(status, id);
CREATE INDEX orders_by_rep ON orders(sales_rep_id, id);
CREATE INDEX orders_by_update ON orders(updated_at, id);
CREATE INDEX orders_by_created ON orders(created_at, id);
CREATE INDEX orders_by_confirmed ON orders(confirmed_at) WHERE confirmed_at IS NOT NULL;

CREATE TABLE order_lines (
    id                    INTEGER PRIMARY KEY,
    order_id              INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position              INTEGER NOT NULL,
    product_id            INTEGER NOT NULL REFERENCES products(id),
    description           TEXT,
    quantity              INTEGER NOT NULL CHECK (quantity > 0),
    unit_price            INTEGER NOT NULL CHECK (unit_price >= 0),
    discount_e2           INTEGER NOT NULL DEFAULT 0 CHECK (discount_e2 BETWEEN 0 AND 10000),
    tax_rate_id           INTEGER REFERENCES tax_rates(id),
    tax_percent_e4        INTEGER NOT NULL DEFAULT 0,
    tax_inclusive         INTEGER NOT NULL DEFAULT 0,
    subtotal              INTEGER NOT NULL,
    tax                   INTEGER NOT NULL,
    total                 INTEGER NOT NULL,
    -- Copied from the product when the line is written: later product edits do not change an order.
    stockable             INTEGER NOT NULL CHECK (stockable IN (0, 1)),
    invoice_policy        TEXT NOT NULL CHECK (invoice_policy IN ('ordered', 'delivered')),
    -- Maintained in the transactions of confirmation, shipments and invoices.
    quantity_reserved     INTEGER NOT NULL DEFAULT 0 CHECK (quantity_reserved >= 0),
    quantity_backordered  INTEGER NOT NULL DEFAULT 0 CHECK (quantity_backordered >= 0),
    quantity_shipped      INTEGER NOT NULL DEFAULT 0,
    quantity_invoiced     INTEGER NOT NULL DEFAULT 0,
    CHECK (subtotal + tax = total),
    -- API.md §4 invariant 1.
    CHECK (quantity_shipped BETWEEN 0 AND quantity),
    CHECK (quantity_invoiced BETWEEN 0 AND quantity),
    CHECK (quantity_reserved + quantity_shipped <= quantity)
);
CREATE INDEX order_lines_by_order ON order_lines(order_id, position);
CREATE INDEX order_lines_by_product ON order_lines(product_id);

-- API.md §3 Customers: open_orders_amount = Σ over confirmed orders of (total − amount_invoiced).
-- Kept on the customer in the same transactions that change it (confirm, cancel, invoicing), so
-- the balance and every credit-limit check read it in O(1); `sales-server check` verifies the sum.
ALTER TABLE customers ADD COLUMN open_orders_amount INTEGER NOT NULL DEFAULT 0;
