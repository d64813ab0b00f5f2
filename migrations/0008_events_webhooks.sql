-- 0008 the event feed and webhooks (API.md §3 "Events and webhooks", §4 invariant 6).

-- Written in the same transaction as the change it describes. INTEGER PRIMARY KEY without
-- AUTOINCREMENT: one writer assigns ids in commit order, and a rolled-back event's id is taken
-- by the next one, so readers see strictly increasing ids with nothing skipped.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    type           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    actor_key_id   INTEGER,
    actor_name     TEXT,
    resource_type  TEXT NOT NULL,
    resource_id    INTEGER NOT NULL,
    data           TEXT NOT NULL
);
CREATE INDEX events_by_type ON events(type, id);

CREATE TABLE webhook_endpoints (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL,
    description    TEXT,
    -- JSON array of event types, or ["*"].
    events         TEXT NOT NULL,
    -- Kept to sign deliveries; shown once, when the endpoint is created.
    secret         TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- The delivery worker has turned every event up to here into deliveries.
    last_event_id  INTEGER NOT NULL,
    metadata       TEXT NOT NULL DEFAULT '{}',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- One row per (endpoint, matching event), delivered in event order per endpoint.
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY,
    endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event_id         INTEGER NOT NULL REFERENCES events(id),
    status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_status      INTEGER,
    last_error       TEXT,
    last_attempt_at  TEXT,
    delivered_at     TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(endpoint_id, event_id) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
    id           INTEGER PRIMARY KEY,
    delivery_id  INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempted_at TEXT NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts(delivery_id, id);
