-- 0001 foundation: API keys, idempotency, sales reps, customers, tax rates, products and stock.
-- Conventions: money in integer minor units; quantities in integer thousandths; percentages
-- scaled by 10^4 (8.875% = 88750); timestamps as RFC 3339 UTC text with milliseconds, which
-- sort correctly as text; JSON objects (addresses, metadata, prices) as canonical JSON text.
-- Never edit this file once landed: add a new numbered file.

CREATE TABLE sales_reps (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT,
    phone       TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    metadata    TEXT NOT NULL DEFAULT '{}',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'sales', 'warehouse', 'accounting', 'readonly')),
    sales_rep_id  INTEGER REFERENCES sales_reps(id),
    -- SHA-256 of the secret; the secret itself is never stored (API.md §2).
    key_hash      BLOB NOT NULL UNIQUE,
    key_prefix    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);

-- API.md §1 idempotency: the first response to (API key, Idempotency-Key), replayed for 24 h.
CREATE TABLE idempotency_keys (
    api_key_id   INTEGER NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  BLOB NOT NULL,
    status       INTEGER NOT NULL,
    headers      TEXT NOT NULL,
    body         BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (api_key_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);

CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    email               TEXT,
    phone               TEXT,
    billing_address     TEXT,
    shipping_address    TEXT,
    currency            TEXT NOT NULL,
    credit_limit        INTEGER CHECK (credit_limit IS NULL OR credit_limit >= 0),
    payment_terms_days  INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days >= 0),
    sales_rep_id        INTEGER REFERENCES sales_reps(id),
    external_ref        TEXT UNIQUE,
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    metadata            TEXT NOT NULL DEFAULT '{}',
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX customers_by_update ON customers(updated_at, id);
CREATE INDEX customers_by_rep ON customers(sales_rep_id, id);
CREATE INDEX customers_by_created ON customers(created_at, id);

CREATE TABLE tax_rates (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    percent_e4   INTEGER NOT NULL CHECK (percent_e4 BETWEEN 0 AND 1000000),
    inclusive    INTEGER NOT NULL DEFAULT 0 CHECK (inclusive IN (0, 1)),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    metadata     TEXT NOT NULL DEFAULT '{}',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    sku             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    description     TEXT,
    type            TEXT NOT NULL DEFAULT 'stockable' CHECK (type IN ('stockable', 'service')),
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    prices          TEXT NOT NULL DEFAULT '{}',
    tax_rate_id     INTEGER REFERENCES tax_rates(id),
    reorder_level   INTEGER CHECK (reorder_level IS NULL OR reorder_level >= 0),
    invoice_policy  TEXT NOT NULL DEFAULT 'ordered' CHECK (invoice_policy IN ('ordered', 'delivered')),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    metadata        TEXT NOT NULL DEFAULT '{}',
    -- API.md §4 invariant 4: on_hand ≥ 0, reserved ≥ 0 (thousandths).
    on_hand         INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved        INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX products_by_update ON products(updated_at, id);
CREATE INDEX products_by_created ON products(created_at, id);

-- Append-only; Σ quantity per product = on_hand (API.md §4 invariant 4).
CREATE TABLE stock_movements (
    id              INTEGER PRIMARY KEY,
    product_id      INTEGER NOT NULL REFERENCES products(id),
    type            TEXT NOT NULL CHECK (type IN ('adjustment', 'shipment', 'shipment_cancel', 'return')),
    quantity        INTEGER NOT NULL CHECK (quantity <> 0),
    on_hand_after   INTEGER NOT NULL CHECK (on_hand_after >= 0),
    reason          TEXT,
    document_type   TEXT,
    document_id     INTEGER,
    created_at      TEXT NOT NULL
);
CREATE INDEX stock_movements_by_product ON stock_movements(product_id, id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
