-- 0007 sales reps' shifts and activities, accounting settings, and the indexes the reports and
-- the journal export read (API.md §3 "Sales reps, shifts and activities", "Reports", "Accounting
-- export"). Reports aggregate over covering indexes so a year of a million orders is one index
-- range scan, never a scan of lines or a query per row.

CREATE TABLE shifts (
    id                INTEGER PRIMARY KEY,
    sales_rep_id      INTEGER NOT NULL REFERENCES sales_reps(id),
    clock_in_at       TEXT NOT NULL,
    clock_out_at      TEXT,
    duration_seconds  INTEGER CHECK (duration_seconds >= 0),
    -- Degrees scaled by 10^7, kept exactly as given.
    latitude_e7       INTEGER CHECK (latitude_e7 BETWEEN -900000000 AND 900000000),
    longitude_e7      INTEGER CHECK (longitude_e7 BETWEEN -1800000000 AND 1800000000),
    clock_in_note     TEXT,
    clock_out_note    TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((clock_out_at IS NULL) = (duration_seconds IS NULL)),
    CHECK (clock_out_at IS NULL OR clock_out_at >= clock_in_at)
);
-- One open shift per rep, enforced by the schema as well as by clock-in.
CREATE UNIQUE INDEX shifts_one_open_per_rep ON shifts(sales_rep_id) WHERE clock_out_at IS NULL;
CREATE INDEX shifts_by_rep ON shifts(sales_rep_id, clock_in_at);
CREATE INDEX shifts_by_clock_in ON shifts(clock_in_at, sales_rep_id, duration_seconds);

CREATE TABLE activities (
    id            INTEGER PRIMARY KEY,
    sales_rep_id  INTEGER NOT NULL REFERENCES sales_reps(id),
    customer_id   INTEGER REFERENCES customers(id),
    type          TEXT NOT NULL CHECK (type IN ('visit', 'call', 'email', 'meeting', 'note')),
    at            TEXT NOT NULL,
    notes         TEXT,
    outcome       TEXT,
    metadata      TEXT NOT NULL DEFAULT '{}',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX activities_by_rep ON activities(sales_rep_id, at);
CREATE INDEX activities_by_customer ON activities(customer_id, at);
CREATE INDEX activities_by_at ON activities(at, sales_rep_id);
CREATE INDEX activities_by_update ON activities(updated_at, id);
CREATE INDEX activities_by_created ON activities(created_at, id);

-- Σ line quantities of an order, written with its lines (they change only while draft), so the
-- sales report never reads lines unless it groups by product.
ALTER TABLE orders ADD COLUMN quantity_total INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET quantity_total = (SELECT COALESCE(SUM(quantity), 0) FROM order_lines l WHERE l.order_id = orders.id);

-- Sales and sales-rep reports: confirmed (and completed) orders by confirmed_at.
CREATE INDEX orders_report ON orders(currency, confirmed_at, customer_id, sales_rep_id, subtotal, tax_total, total, quantity_total)
    WHERE status = 'confirmed';
-- Receivables aging: open invoices per customer.
CREATE INDEX invoices_aging ON invoices(currency, customer_id, due_date, issue_date, amount_due) WHERE status = 'open';
-- Collections and the journal: payments by the day received and the day voided.
CREATE INDEX payments_collections ON payments(currency, received_at, method, amount);
CREATE INDEX payments_voids ON payments(currency, voided_at, method, amount) WHERE status = 'void';
-- The journal: documents by their accounting date.
CREATE INDEX invoices_voided ON invoices(voided_at) WHERE status = 'void';
CREATE INDEX quotes_report ON quotes(created_at, sales_rep_id, accepted_at);

-- Account codes of the journal export (API.md §3 "Accounting export"); PATCH changes them.
INSERT INTO settings (key, value) VALUES ('accounting',
    '{"receivable":"1200","revenue":"4000","tax":"2200","cash":"1000","bank":"1010","card":"1020","other":"1090","version":1,"updated_at":null}');
