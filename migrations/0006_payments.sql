-- 0006 payments, customer credit and the statement of account (API.md §3 "Payments
-- (collections)", Customers `balance` and ledger; §4 invariants 2 and 3).

-- The customer's receivable (Σ amount_due of open invoices) and credit_balance (its money not
-- allocated to any invoice) are maintained in the transaction of every document that moves them,
-- so the balance and each ledger entry's balance_after cost one row read.
ALTER TABLE customers ADD COLUMN receivable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN credit_balance INTEGER NOT NULL DEFAULT 0 CHECK (credit_balance >= 0);
UPDATE customers SET receivable = (SELECT COALESCE(SUM(amount_due), 0) FROM invoices i WHERE i.customer_id = customers.id AND i.status = 'open');

INSERT INTO document_counters (kind, last) VALUES ('RF', 0);

CREATE TABLE payments (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    customer_id       INTEGER NOT NULL REFERENCES customers(id),
    order_id          INTEGER REFERENCES orders(id),
    status            TEXT NOT NULL CHECK (status IN ('posted', 'void')),
    amount            INTEGER NOT NULL CHECK (amount > 0),
    currency          TEXT NOT NULL,
    method            TEXT NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'check', 'other')),
    reference         TEXT,
    received_at       TEXT NOT NULL,
    -- API.md §4 invariant 2: Σ allocations ≤ amount.
    amount_allocated  INTEGER NOT NULL DEFAULT 0 CHECK (amount_allocated BETWEEN 0 AND amount),
    void_reason       TEXT,
    voided_at         TEXT,
    metadata          TEXT NOT NULL DEFAULT '{}',
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (status <> 'void' OR amount_allocated = 0)
);
CREATE INDEX payments_by_customer ON payments(customer_id, id);
CREATE INDEX payments_by_order ON payments(order_id) WHERE order_id IS NOT NULL;
CREATE INDEX payments_by_received ON payments(received_at);
CREATE INDEX payments_by_created ON payments(created_at, id);
CREATE INDEX payments_by_update ON payments(updated_at, id);

-- Money on an invoice, from a payment (payment_id) or from the customer's credit (payment_id
-- NULL). `amount` is what stays allocated; releases and payment voids take it down.
CREATE TABLE allocations (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices(id),
    payment_id       INTEGER REFERENCES payments(id),
    customer_id      INTEGER NOT NULL REFERENCES customers(id),
    amount_original  INTEGER NOT NULL CHECK (amount_original > 0),
    amount           INTEGER NOT NULL CHECK (amount BETWEEN 0 AND amount_original),
    created_at       TEXT NOT NULL
);
CREATE INDEX allocations_by_invoice ON allocations(invoice_id, id);
CREATE INDEX allocations_by_payment ON allocations(payment_id, id) WHERE payment_id IS NOT NULL;

CREATE TABLE credit_refunds (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'check', 'other')),
    reference    TEXT,
    metadata     TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX credit_refunds_by_customer ON credit_refunds(customer_id, id);
CREATE INDEX credit_refunds_by_created ON credit_refunds(created_at, id);
CREATE INDEX credit_refunds_by_update ON credit_refunds(updated_at, id);

-- The statement of account: append-only, one entry per document that changes what the customer
-- owes, written in that document's transaction with the running balance.
CREATE TABLE customer_ledger (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    type           TEXT NOT NULL CHECK (type IN ('invoice', 'credit_note', 'invoice_void', 'payment', 'payment_void', 'credit_refund')),
    document_type  TEXT NOT NULL,
    document_id    INTEGER NOT NULL,
    number         TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    balance_after  INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX customer_ledger_by_customer ON customer_ledger(customer_id, id);
CREATE INDEX customer_ledger_by_created ON customer_ledger(created_at, id);
CREATE TRIGGER customer_ledger_append_only_update BEFORE UPDATE ON customer_ledger
BEGIN SELECT RAISE(ABORT, 'customer_ledger is append-only'); END;
CREATE TRIGGER customer_ledger_append_only_delete BEFORE DELETE ON customer_ledger
BEGIN SELECT RAISE(ABORT, 'customer_ledger is append-only'); END;

-- Documents written before this migration get their entries, oldest first, with running balances.
INSERT INTO customer_ledger (customer_id, type, document_type, document_id, number, amount, balance_after, created_at)
SELECT customer_id, type, document_type, document_id, number, amount,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY at, seq, document_id ROWS UNBOUNDED PRECEDING), at
FROM (
    SELECT customer_id, created_at AS at, 1 AS seq, 'invoice' AS type, 'invoice' AS document_type, id AS document_id, number, total AS amount
    FROM invoices
    UNION ALL
    SELECT customer_id, created_at, 2, 'credit_note', 'credit_note', id, number, -total FROM credit_notes
    UNION ALL
    SELECT customer_id, voided_at, 3, 'invoice_void', 'invoice', id, number, -(total - amount_credited) FROM invoices WHERE status = 'void'
)
ORDER BY at, seq, document_id;
