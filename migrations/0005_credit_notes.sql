-- 0005 credit notes (API.md §3 "Credit notes — adjusting an invoice").

CREATE TABLE credit_notes (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    invoice_id   INTEGER NOT NULL REFERENCES invoices(id),
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    currency     TEXT NOT NULL,
    reason       TEXT NOT NULL,
    subtotal     INTEGER NOT NULL,
    tax_total    INTEGER NOT NULL,
    total        INTEGER NOT NULL CHECK (total >= 0),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (subtotal + tax_total = total)
);
CREATE INDEX credit_notes_by_invoice ON credit_notes(invoice_id, id);
CREATE INDEX credit_notes_by_customer ON credit_notes(customer_id, id);
CREATE INDEX credit_notes_by_created ON credit_notes(created_at, id);
CREATE INDEX credit_notes_by_update ON credit_notes(updated_at, id);

CREATE TABLE credit_note_lines (
    id               INTEGER PRIMARY KEY,
    credit_note_id   INTEGER NOT NULL REFERENCES credit_notes(id),
    invoice_line_id  INTEGER NOT NULL REFERENCES invoice_lines(id),
    position         INTEGER NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    subtotal         INTEGER NOT NULL,
    tax              INTEGER NOT NULL,
    total            INTEGER NOT NULL,
    CHECK (subtotal + tax = total)
);
CREATE INDEX credit_note_lines_by_note ON credit_note_lines(credit_note_id, position);
CREATE INDEX credit_note_lines_by_invoice_line ON credit_note_lines(invoice_line_id);
