import GRDB

/// `sales-server check`: SQLite's integrity check plus the invariants of API.md §4 that the
/// schema so far can break. Each later feature adds its own invariants here.
public enum IntegrityCheck {
    public static func run(_ db: Database) throws -> [String] {
        var breaches: [String] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { breaches.append(contentsOf: integrity.map { "integrity_check: \($0)" }) }
        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        for row in foreignKeys { breaches.append("foreign key: \(row)") }

        // Invariant 4: on_hand ≥ 0, reserved ≥ 0, on_hand = Σ movements.
        for row in try Row.fetchAll(db, sql: """
            SELECT p.id, p.on_hand, p.reserved, COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) AS moved
            FROM products p
            WHERE p.on_hand < 0 OR p.reserved < 0
               OR p.on_hand <> COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.id), 0)
            """) {
            let id: Int64 = row["id"], onHand: Int64 = row["on_hand"], reserved: Int64 = row["reserved"], moved: Int64 = row["moved"]
            breaches.append("product \(id): on_hand \(onHand) (thousandths), reserved \(reserved), Σ movements \(moved)")
        }
        // Each movement's on_hand_after follows from the previous one.
        for row in try Row.fetchAll(db, sql: """
            SELECT id, product_id, on_hand_after, SUM(quantity) OVER (PARTITION BY product_id ORDER BY id) AS running
            FROM stock_movements
            """) where (row["on_hand_after"] as Int64) != (row["running"] as Int64) {
            let id: Int64 = row["id"]
            breaches.append("stock movement \(id): on_hand_after \(row["on_hand_after"] as Int64) ≠ running sum \(row["running"] as Int64)")
        }
        return breaches
    }
}
