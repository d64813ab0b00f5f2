-- 0003 invoices (API.md §3 "Invoices — only from a confirmed order"). Credit notes and
-- payments maintain amount_credited / amount_paid here when they arrive.

CREATE TABLE invoices (
    id               INTEGER PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    order_id         INTEGER NOT NULL REFERENCES orders(id),
    customer_id      INTEGER NOT NULL REFERENCES customers(id),
    status           TEXT NOT NULL CHECK (status IN ('open', 'paid', 'void')),
    currency         TEXT NOT NULL,
    issue_date       TEXT NOT NULL,
    due_date         TEXT NOT NULL,
    notes            TEXT,
    subtotal         INTEGER NOT NULL,
    tax_total        INTEGER NOT NULL,
    total            INTEGER NOT NULL CHECK (total >= 0),
    amount_paid      INTEGER NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    amount_credited  INTEGER NOT NULL DEFAULT 0 CHECK (amount_credited >= 0),
    amount_due       INTEGER NOT NULL CHECK (amount_due >= 0),
    metadata         TEXT NOT NULL DEFAULT '{}',
    version          INTEGER NOT NULL DEFAULT 1,
    voided_at        TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (subtotal + tax_total = total),
    -- API.md §4 invariant 2: 0 ≤ amount_due ≤ total; paid + credited + due = total; void: due = 0.
    CHECK (amount_due <= total),
    CHECK (status = 'void' OR amount_paid + amount_credited + amount_due = total),
    CHECK (status <> 'void' OR amount_due = 0)
);
CREATE INDEX invoices_by_order ON invoices(order_id, id);
CREATE INDEX invoices_by_customer ON invoices(customer_id, id);
CREATE INDEX invoices_open_by_customer ON invoices(customer_id, due_date) WHERE status = 'open';
CREATE INDEX invoices_by_status ON invoices(status, id);
CREATE INDEX invoices_by_due ON invoices(due_date) WHERE status = 'open';
CREATE INDEX invoices_by_update ON invoices(updated_at, id);
CREATE INDEX invoices_by_created ON invoices(created_at, id);
CREATE INDEX invoices_by_issue ON invoices(issue_date);

CREATE TABLE invoice_lines (
    id                 INTEGER PRIMARY KEY,
    invoice_id         INTEGER NOT NULL REFERENCES invoices(id),
    order_line_id      INTEGER NOT NULL REFERENCES order_lines(id),
    position           INTEGER NOT NULL,
    product_id         INTEGER NOT NULL REFERENCES products(id),
    description        TEXT,
    quantity           INTEGER NOT NULL CHECK (quantity > 0),
    unit_price         INTEGER NOT NULL,
    discount_e2        INTEGER NOT NULL,
    tax_percent_e4     INTEGER NOT NULL,
    tax_inclusive      INTEGER NOT NULL,
    subtotal           INTEGER NOT NULL,
    tax                INTEGER NOT NULL,
    total              INTEGER NOT NULL,
    -- Maintained by credit notes: never more than the line's quantity.
    quantity_credited  INTEGER NOT NULL DEFAULT 0 CHECK (quantity_credited BETWEEN 0 AND quantity),
    CHECK (subtotal + tax = total)
);
CREATE INDEX invoice_lines_by_invoice ON invoice_lines(invoice_id, position);
CREATE INDEX invoice_lines_by_order_line ON invoice_lines(order_line_id);
