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
        try db.execute("""
            INSERT INTO tax_rates (name, percent_e4, inclusive, active, metadata, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 1, ?, ?)
            """, [t.name, t.percentE4, t.inclusive, t.active, JSONColumns.encode(t.metadata), now, now])
        return try get(db, id: db.lastInsertedId)
    }

    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, change: (inout TaxRate) throws -> Void) throws -> TaxRate {
        var t = try get(db, id: id)
        try Versions.require(expectedVersion, current: t.version)
        let before = t
        try change(&t)
        if t == before { return t }
        try db.execute("""
            UPDATE tax_rates SET name = ?, percent_e4 = ?, inclusive = ?, active = ?, metadata = ?,
              version = version + 1, updated_at = ? WHERE id = ?
            """, [t.name, t.percentE4, t.inclusive, t.active, JSONColumns.encode(t.metadata), Timestamp.now(), id])
        return try get(db, id: id)
    }

    public static func delete(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws {
        let t = try get(db, id: id)
        try Versions.require(expectedVersion, current: t.version)
        // Products, and quote and order lines (which keep the rate they were priced with), refer to it.
        for (table, label) in [("products", "products"), ("quote_lines", "quote lines"), ("order_lines", "order lines")] {
            if try db.fetchValue("SELECT EXISTS (SELECT 1 FROM \(table) WHERE tax_rate_id = ?)", [id], cached: false, as: Bool.self) == true {
                throw SalesError.inUse("tax rate \(id) is used by \(label); deactivate it with active: false instead")
            }
        }
        try db.execute("DELETE FROM tax_rates WHERE id = ?", [id])
    }
}
