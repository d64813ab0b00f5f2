import SalesCore

/// Sales reps' activities: visits, calls, e-mails, meetings, notes (docs/api.md §3).
public enum ActivityStore {
    public struct Filter: Sendable {
        public var salesRepId: Int64?
        public var customerId: Int64?
        public var type: ActivityType?
        public var from: String?
        public var to: String?
        public init() {}
    }

    static func decode(_ row: any SQLRow) -> Activity {
        Activity(id: row["id"], salesRepId: row["sales_rep_id"], customerId: row["customer_id"],
                 type: ActivityType(rawValue: row["type"]) ?? .note, at: row["at"], notes: row["notes"], outcome: row["outcome"],
                 metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"], createdAt: row["created_at"],
                 updatedAt: row["updated_at"])
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Activity {
        guard let found = try db.fetchOne("SELECT * FROM activities WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "activity", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Activity> {
        var conditions = SQLConditions()
        if let v = filter.salesRepId { conditions.add("sales_rep_id = ?", v) }
        if let v = filter.customerId { conditions.add("customer_id = ?", v) }
        if let v = filter.type { conditions.add("type = ?", v.rawValue) }
        if let v = filter.from { conditions.add("at >= ?", v) }
        if let v = filter.to { conditions.add("at <= ?", v) }
        return try KeysetList.fetch(db, table: "activities", options: options, conditions: conditions, decode: decode)
    }

    /// The rep and customer must exist (422 naming the field); an archived rep logs nothing.
    public static func create(_ db: SQLTransaction, _ a: Activity) throws -> Activity {
        guard let rep = try SalesRepStore.find(db, id: a.salesRepId) else {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(a.salesRepId)")
        }
        guard rep.active else { throw SalesError.invalid("sales_rep_id", "inactive", "sales rep \(rep.id) is archived") }
        if let customer = a.customerId, try CustomerStore.find(db, id: customer) == nil {
            throw SalesError.invalid("customer_id", "not_found", "no customer \(customer)")
        }
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO activities (sales_rep_id, customer_id, type, at, notes, outcome, metadata, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, [a.salesRepId, a.customerId, a.type.rawValue, a.at.isEmpty ? now : a.at, a.notes, a.outcome,
                             JSONColumns.encode(a.metadata), now, now])
        return try get(db, id: id)
    }
}
