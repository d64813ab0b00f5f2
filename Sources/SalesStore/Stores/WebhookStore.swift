import Foundation
import SalesCore

public struct WebhookEndpoint: VersionedModel {
    public var id: Int64
    public var url: String
    public var description: String?
    /// Event types, or ["*"] for all.
    public var events: [String]
    public var active: Bool
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String
    public var secretPrefix: String

    public init(id: Int64 = 0, url: String = "", description: String? = nil, events: [String] = ["*"], active: Bool = true,
                metadata: Metadata = [:], version: Int64 = 1, createdAt: String = "", updatedAt: String = "", secretPrefix: String = "") {
        self.id = id
        self.url = url
        self.description = description
        self.events = events
        self.active = active
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.secretPrefix = secretPrefix
    }

    /// Whether an event of `type` goes to this endpoint: "*", the exact type, or "family.*".
    public func wants(_ type: String) -> Bool {
        events.contains { $0 == "*" || $0 == type || ($0.hasSuffix(".*") && type.hasPrefix($0.dropLast(1))) }
    }
}

public struct WebhookDelivery: Sendable, Equatable {
    public struct Attempt: Sendable, Equatable {
        public var at: String
        public var statusCode: Int64?
        public var error: String?
        public var durationMs: Int64
    }
    public var id: Int64
    public var endpointId: Int64
    public var eventId: Int64
    public var eventType: String
    public var status: String
    public var attempts: [Attempt]
    public var nextAttemptAt: String?
    public var deliveredAt: String?
    public var createdAt: String
}

/// Webhook endpoints and their deliveries (docs/api.md §3 "Events and webhooks"). Deliveries are
/// rows: a restart resumes them; per endpoint they go out in event order.
public enum WebhookStore {
    static func decode(_ row: any SQLRow) -> WebhookEndpoint {
        let events = (try? JSONSerialization.jsonObject(with: Data((row["events"] as String).utf8))) as? [String] ?? ["*"]
        let secret: String = row["secret"]
        return WebhookEndpoint(id: row["id"], url: row["url"], description: row["description"], events: events, active: row["active"],
                               metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"], createdAt: row["created_at"],
                               updatedAt: row["updated_at"], secretPrefix: String(secret.prefix(10)))
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> WebhookEndpoint {
        guard let found = try db.fetchOne("SELECT * FROM webhook_endpoints WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "webhook_endpoint", id: String(id))
        }
        return found
    }

    public static func secret(_ db: SQLTransaction, id: Int64) throws -> String {
        guard let secret = try db.fetchValue("SELECT secret FROM webhook_endpoints WHERE id = ?", [id], as: String.self) else {
            throw SalesError.notFound(resource: "webhook_endpoint", id: String(id))
        }
        return secret
    }

    public static func list(_ db: SQLTransaction, options: ListOptions) throws -> Page<WebhookEndpoint> {
        try KeysetList.fetch(db, table: "webhook_endpoints", options: options, conditions: SQLConditions(), decode: decode)
    }

    static func encodeEvents(_ events: [String]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: events)) ?? Data("[\"*\"]".utf8), as: UTF8.self)
    }

    /// Starts after the newest event: an endpoint receives what happens from its creation on.
    public static func create(_ db: SQLTransaction, _ e: WebhookEndpoint, secret: String) throws -> WebhookEndpoint {
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO webhook_endpoints (url, description, events, secret, active, last_event_id, metadata, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, [e.url, e.description, encodeEvents(e.events), secret, e.active, try EventStore.lastId(db),
                             JSONColumns.encode(e.metadata), now, now])
        return try get(db, id: id)
    }

    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, change: (inout WebhookEndpoint) throws -> Void) throws -> WebhookEndpoint {
        try VersionedRows.update(db, id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }, change: change) { e in
            try db.execute("""
                UPDATE webhook_endpoints SET url = ?, description = ?, events = ?, active = ?, metadata = ?, version = version + 1, updated_at = ? WHERE id = ?
                """, [e.url, e.description, encodeEvents(e.events), e.active, JSONColumns.encode(e.metadata), Timestamp.now(), id])
        }
    }

    public static func delete(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws {
        try VersionedRows.delete(db, table: "webhook_endpoints", id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) })
    }

    // MARK: - Deliveries

    public static func deliveries(_ db: SQLTransaction, endpointId: Int64, status: String?, options: ListOptions) throws -> Page<WebhookDelivery> {
        _ = try get(db, id: endpointId)
        var conditions = SQLConditions()
        conditions.add("d.endpoint_id = ?", endpointId)
        if let status { conditions.add("d.status = ?", status) }
        if let after = options.afterId { conditions.add("d.id > ?", after) }
        let rows = try db.fetchRecords("""
            SELECT d.*, e.type FROM webhook_deliveries d JOIN events e ON e.id = d.event_id \(conditions.sql) ORDER BY d.id LIMIT \(options.limit + 1)
            """, conditions.arguments, cached: false)
        let items = try rows.prefix(options.limit).map { row -> WebhookDelivery in
            let id: Int64 = row["id"]
            let attempts = try db.fetchAll("SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY id", [id]) {
                WebhookDelivery.Attempt(at: $0["attempted_at"], statusCode: $0["status_code"], error: $0["error"], durationMs: $0["duration_ms"])
            }
            let status: String = row["status"]
            let next: Int64 = row["next_attempt_at"]
            return WebhookDelivery(id: id, endpointId: row["endpoint_id"], eventId: row["event_id"], eventType: row["type"], status: status,
                                   attempts: attempts,
                                   nextAttemptAt: status == "pending" ? Timestamp.format(seconds: Int(next / 1000), milliseconds: Int(next % 1000)) : nil,
                                   deliveredAt: row["delivered_at"], createdAt: row["created_at"])
        }
        return Page(items: items, hasMore: rows.count > options.limit)
    }

    /// Whether an active endpoint has events it has not turned into deliveries yet.
    public static func needsFanOut(_ db: SQLTransaction) throws -> Bool {
        try db.fetchValue("""
            SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE active = \(db.dialect.true) AND last_event_id < (SELECT COALESCE(MAX(id), 0) FROM events))
            """, as: Bool.self) ?? false
    }

    /// Turns the events after each active endpoint's mark into pending deliveries (the ones it
    /// wants) and moves the mark; at most `batch` events per endpoint per call.
    public static func fanOut(_ db: SQLTransaction, nowMs: Int64, batch: Int = 500) throws {
        for row in try db.fetchRecords("SELECT * FROM webhook_endpoints WHERE active = \(db.dialect.true)") {
            let endpoint = decode(row)
            let mark: Int64 = row["last_event_id"]
            let events = try db.fetchRecords("SELECT id, type FROM events WHERE id > ? ORDER BY id LIMIT ?", [mark, batch])
            guard let last = events.last?["id"] as Int64? else { continue }
            let now = Timestamp.now()
            for event in events where endpoint.wants(event["type"]) {
                try db.execute("""
                    INSERT INTO webhook_deliveries (endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, 'pending', 0, ?, ?) ON CONFLICT (endpoint_id, event_id) DO NOTHING
                    """, [endpoint.id, event["id"] as Int64, nowMs, now])
            }
            try db.execute("UPDATE webhook_endpoints SET last_event_id = ? WHERE id = ?", [last, endpoint.id])
        }
    }

    /// The next delivery of each active endpoint: its oldest pending one (event order).
    public struct Due: Sendable {
        public var deliveryId: Int64
        public var endpointId: Int64
        public var url: String
        public var secret: String
        public var attempts: Int64
        public var nextAttemptAt: Int64
        public var event: EventRecord
    }

    public static func heads(_ db: SQLTransaction) throws -> [Due] {
        try db.fetchAll("""
            SELECT d.id AS delivery_id, d.attempts, d.next_attempt_at, w.id AS endpoint_id, w.url, w.secret, e.*
            FROM webhook_endpoints w
            JOIN webhook_deliveries d ON d.id = (SELECT id FROM webhook_deliveries x WHERE x.endpoint_id = w.id AND x.status = 'pending'
                                                 ORDER BY x.event_id LIMIT 1)
            JOIN events e ON e.id = d.event_id
            WHERE w.active = \(db.dialect.true)
            """) {
            Due(deliveryId: $0["delivery_id"], endpointId: $0["endpoint_id"], url: $0["url"], secret: $0["secret"], attempts: $0["attempts"],
                nextAttemptAt: $0["next_attempt_at"], event: EventStore.decode($0))
        }
    }

    /// Takes the due deliveries this worker read for one attempt each: a delivery is taken when
    /// its next attempt is still the time the worker saw, and is moved to `untilMs` so that no
    /// other worker (on another node) finds it due meanwhile. Answers the ids taken. A worker that
    /// dies mid-attempt leaves the delivery due again at `untilMs` (at-least-once); an endpoint's
    /// later deliveries wait behind its head, so its order holds on any number of nodes.
    public static func lease(_ db: SQLTransaction, _ due: [Due], untilMs: Int64) throws -> Set<Int64> {
        var taken: Set<Int64> = []
        for delivery in due {
            try db.execute("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?",
                           [untilMs, delivery.deliveryId, delivery.nextAttemptAt])
            if db.changedRows == 1 { taken.insert(delivery.deliveryId) }
        }
        return taken
    }

    /// Undoes `lease` for a delivery that was not attempted after all (the worker is stopping).
    public static func giveBack(_ db: SQLTransaction, _ delivery: Due, leasedUntil: Int64) throws {
        try db.execute("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?",
                       [delivery.nextAttemptAt, delivery.deliveryId, leasedUntil])
    }

    /// Records an attempt: delivered on 2xx; otherwise retried at `retryAtMs`, or failed for
    /// good when `retryAtMs` is nil (attempts exhausted).
    public static func recordAttempt(_ db: SQLTransaction, deliveryId: Int64, statusCode: Int?, error: String?, durationMs: Int64,
                                     delivered: Bool, retryAtMs: Int64?) throws {
        let now = Timestamp.now()
        try db.execute("INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?)", [deliveryId, now, statusCode, error, durationMs])
        let status = delivered ? "delivered" : (retryAtMs == nil ? "failed" : "pending")
        try db.execute("""
            UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_status = ?,
              last_error = ?, last_attempt_at = ?, delivered_at = ? WHERE id = ?
            """, [status, retryAtMs, statusCode, error, now, delivered ? now : nil, deliveryId])
    }
}
