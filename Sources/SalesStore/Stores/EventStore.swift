import SalesCore

/// Who made a change: the API key's id and name (nil for the system itself).
public struct EventActor: Sendable, Equatable {
    public var keyId: Int64?
    public var name: String?
    public init(keyId: Int64?, name: String?) {
        self.keyId = keyId
        self.name = name
    }
}

public struct EventRecord: Sendable, Equatable {
    public var id: Int64
    public var type: String
    public var createdAt: String
    public var actor: EventActor?
    public var resourceType: String
    public var resourceId: Int64
    /// The resource as the API showed it after the change (JSON object text).
    public var data: String
}

/// The event feed (docs/api.md §3 "Events and webhooks"): one row per change, inserted in the
/// transaction that makes the change, so an event exists exactly when its change does.
public enum EventStore {
    public static func record(_ db: SQLTransaction, type: String, actor: EventActor?, resourceType: String, resourceId: Int64, data: [UInt8]) throws {
        // docs/api.md §3 "Events": a reader never sees an id before a smaller one commits. Ids
        // are handed out in commit order because writers run one at a time: SQLite has one
        // writer, and PostgreSQL's writers queue on the write gate until commit (PostgresStorage).
        try db.execute("""
            INSERT INTO events (type, created_at, actor_key_id, actor_name, resource_type, resource_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [type, Timestamp.now(), actor?.keyId, actor?.name, resourceType, resourceId, String(decoding: data, as: UTF8.self)])
    }

    static func decode(_ row: any SQLRow) -> EventRecord {
        let keyId: Int64? = row["actor_key_id"]
        let name: String? = row["actor_name"]
        return EventRecord(id: row["id"], type: row["type"], createdAt: row["created_at"],
                           actor: keyId == nil && name == nil ? nil : EventActor(keyId: keyId, name: name),
                           resourceType: row["resource_type"], resourceId: row["resource_id"], data: row["data"])
    }

    /// Events after `after`, oldest first. `type` is a type ("order.created") or a family
    /// ("order.*").
    public static func list(_ db: SQLTransaction, after: Int64, type: String?, limit: Int) throws -> Page<EventRecord> {
        var conditions = SQLConditions()
        conditions.add("id > ?", after)
        if let type {
            if type.hasSuffix(".*") {
                let prefix = String(type.dropLast(1))
                conditions.add("type >= ? AND type < ?", prefix, prefix + "\u{10FFFF}")
            } else {
                conditions.add("type = ?", type)
            }
        }
        // Three shapes of SQL in all: prepared once per connection.
        var items = try db.fetchAll("SELECT * FROM events \(conditions.sql) ORDER BY id LIMIT ?", conditions.arguments + [limit + 1], decode)
        let hasMore = items.count > limit
        if hasMore { items.removeLast() }
        return Page(items: items, hasMore: hasMore)
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> EventRecord {
        guard let found = try db.fetchOne("SELECT * FROM events WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "event", id: String(id))
        }
        return found
    }

    /// The newest event id (0 when none): where a new webhook endpoint starts.
    public static func lastId(_ db: SQLTransaction) throws -> Int64 {
        try db.fetchValue("SELECT COALESCE(MAX(id), 0) FROM events", as: Int64.self) ?? 0
    }
}
