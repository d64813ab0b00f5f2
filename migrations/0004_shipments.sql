-- 0004 shipments and returns (API.md §3 "Shipments — only from a confirmed order").

CREATE TABLE shipments (
    id               INTEGER PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    order_id         INTEGER NOT NULL REFERENCES orders(id),
    customer_id      INTEGER NOT NULL REFERENCES customers(id),
    status           TEXT NOT NULL CHECK (status IN ('shipped', 'delivered', 'canceled')),
    carrier          TEXT,
    tracking_number  TEXT,
    metadata         TEXT NOT NULL DEFAULT '{}',
    version          INTEGER NOT NULL DEFAULT 1,
    delivered_at     TEXT,
    canceled_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX shipments_by_order ON shipments(order_id, id);
CREATE INDEX shipments_by_customer ON shipments(customer_id, id);
CREATE INDEX shipments_by_update ON shipments(updated_at, id);
CREATE INDEX shipments_by_created ON shipments(created_at, id);

CREATE TABLE shipment_lines (
    id                 INTEGER PRIMARY KEY,
    shipment_id        INTEGER NOT NULL REFERENCES shipments(id),
    order_line_id      INTEGER NOT NULL REFERENCES order_lines(id),
    position           INTEGER NOT NULL,
    product_id         INTEGER NOT NULL REFERENCES products(id),
    quantity           INTEGER NOT NULL CHECK (quantity > 0),
    -- How much of `quantity` came out of the order line's reservation (the rest was free stock),
    -- so canceling the shipment restores the reservation exactly.
    from_reserved      INTEGER NOT NULL CHECK (from_reserved BETWEEN 0 AND quantity),
    quantity_returned  INTEGER NOT NULL DEFAULT 0 CHECK (quantity_returned BETWEEN 0 AND quantity)
);
CREATE INDEX shipment_lines_by_shipment ON shipment_lines(shipment_id, position);
CREATE INDEX shipment_lines_by_order_line ON shipment_lines(order_line_id);

CREATE TABLE returns (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    shipment_id  INTEGER NOT NULL REFERENCES shipments(id),
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    restock      INTEGER NOT NULL CHECK (restock IN (0, 1)),
    reason       TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX returns_by_shipment ON returns(shipment_id, id);

CREATE TABLE return_lines (
    id                 INTEGER PRIMARY KEY,
    return_id          INTEGER NOT NULL REFERENCES returns(id),
    shipment_line_id   INTEGER NOT NULL REFERENCES shipment_lines(id),
    quantity           INTEGER NOT NULL CHECK (quantity > 0)
);
CREATE INDEX return_lines_by_return ON return_lines(return_id);
