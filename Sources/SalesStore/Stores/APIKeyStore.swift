import Foundation
import SalesCore

/// API keys: only the SHA-256 of a secret is stored (docs/api.md §2).
public enum APIKeyStore {
    static func decode(_ row: any SQLRow) -> APIKeyRecord {
        APIKeyRecord(id: row["id"], name: row["name"], role: Role(rawValue: row["role"]) ?? .readonly,
                     salesRepId: row["sales_rep_id"], prefix: row["key_prefix"], createdAt: row["created_at"],
                     revokedAt: row["revoked_at"])
    }

    public static func create(_ db: SQLTransaction, name: String, role: Role, salesRepId: Int64?, hash: [UInt8], prefix: String) throws -> APIKeyRecord {
        if let rep = salesRepId, try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sales_reps WHERE id = ?)", [rep], as: Bool.self) != true {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(rep)")
        }
        let id = try db.insert("""
            INSERT INTO api_keys (name, role, sales_rep_id, key_hash, key_prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [name, role.rawValue, salesRepId, Data(hash), prefix, Timestamp.now()])
        return try get(db, id: id)
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> APIKeyRecord {
        guard let found = try db.fetchOne("SELECT * FROM api_keys WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "api_key", id: String(id))
        }
        return found
    }

    /// The active key with this hash, and the stored hash for a constant-time comparison.
    public static func findActive(_ db: SQLTransaction, hash: [UInt8]) throws -> (APIKeyRecord, [UInt8])? {
        try db.fetchOne("SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", [Data(hash)]) { (decode($0), $0["key_hash"] as [UInt8]) }
    }

    public static func hashExists(_ db: SQLTransaction, hash: [UInt8]) throws -> Bool {
        try db.fetchValue("SELECT EXISTS (SELECT 1 FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL)", [Data(hash)], as: Bool.self) == true
    }

    public static func list(_ db: SQLTransaction, afterId: Int64?, limit: Int) throws -> Page<APIKeyRecord> {
        let rows = try db.fetchRecords("SELECT * FROM api_keys WHERE id > ? ORDER BY id LIMIT ?", [afterId ?? 0, limit + 1])
        return Page(items: rows.prefix(limit).map(decode), hasMore: rows.count > limit)
    }

    public static func count(_ db: SQLTransaction) throws -> Int {
        try db.fetchValue("SELECT COUNT(*) FROM api_keys", as: Int.self) ?? 0
    }

    /// Revokes at once; revoking twice is harmless.
    public static func revoke(_ db: SQLTransaction, id: Int64) throws -> APIKeyRecord {
        _ = try get(db, id: id)
        try db.execute("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", [Timestamp.now(), id])
        return try get(db, id: id)
    }
}
