import SalesCore

/// Tax rates (docs/api.md §3 Tax rates).
public enum TaxRateStore {
    static func decode(_ row: any SQLRow) -> TaxRate {
        TaxRate(id: row["id"], name: row["name"], percentE4: row["percent_e4"], inclusive: row["inclusive"],
                active: row["active"], metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"],
                createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> TaxRate {
        guard let found = try db.fetchOne("SELECT * FROM tax_rates WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "tax_rate", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, active: Bool?, options: ListOptions) throws -> Page<TaxRate> {
        var conditions = SQLConditions()
        if let active { conditions.add("active = ?", active) }
        return try KeysetList.fetch(db, table: "tax_rates", options: options, conditions: conditions, decode: decode)
    }

    public static func create(_ db: SQLTransaction, _ t: TaxRate) throws -> TaxRate {
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO tax_rates (name, percent_e4, inclusive, active, metadata, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 1, ?, ?)
            """, [t.name, t.percentE4, t.inclusive, t.active, JSONColumns.encode(t.metadata), now, now])
        return try get(db, id: id)
    }

    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, change: (inout TaxRate) throws -> Void) throws -> TaxRate {
        try VersionedRows.update(db, id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }, change: change) { t in
            try db.execute("""
                UPDATE tax_rates SET name = ?, percent_e4 = ?, inclusive = ?, active = ?, metadata = ?,
                  version = version + 1, updated_at = ? WHERE id = ?
                """, [t.name, t.percentE4, t.inclusive, t.active, JSONColumns.encode(t.metadata), Timestamp.now(), id])
        }
    }

    public static func delete(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws {
        // Products, and quote and order lines (which keep the rate they were priced with), refer to it.
        try VersionedRows.delete(db, table: "tax_rates", id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }) {
            try VersionedRows.firstReferencing(db, id: id, column: "tax_rate_id", tables: [
                ("products", "products"), ("quote_lines", "quote lines"), ("order_lines", "order lines"),
            ]).map { "tax rate \(id) is used by \($0); deactivate it with active: false instead" }
        }
    }
}
