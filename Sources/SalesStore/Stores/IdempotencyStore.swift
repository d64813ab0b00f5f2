import Foundation

/// Stored first responses for Idempotency-Key (docs/api.md §1 "idempotency").
///
/// A successful write stores its response in the same transaction as the change itself, so a
/// crash can never leave a committed change without its replayable response (which would let a
/// retry apply it twice). Error responses have no side effects and are stored on their own.
public enum IdempotencyStore {
    public struct Stored: Sendable {
        public var fingerprint: [UInt8]
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public init(fingerprint: [UInt8], status: Int, headers: [(String, String)], body: [UInt8]) {
            self.fingerprint = fingerprint
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// Replays are kept for 24 hours.
    public static let retentionSeconds: Int64 = 24 * 3600

    public static func find(_ db: SQLTransaction, apiKeyId: Int64, key: String, now: Int64) throws -> Stored? {
        guard let row = try db.fetchRecord("""
            SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE api_key_id = ? AND key = ? AND created_at > ?
            """, [apiKeyId, key, now - retentionSeconds]) else { return nil }
        let fingerprint: [UInt8] = row["fingerprint"]
        let body: [UInt8] = row["body"]
        let headerText: String = row["headers"]
        var headers: [(String, String)] = []
        for line in headerText.split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return Stored(fingerprint: fingerprint, status: row["status"], headers: headers, body: body)
    }

    /// Another request with the same key stored its response first (it committed while this one
    /// ran, on another node): this one's transaction must not commit; the caller answers with the
    /// stored response.
    public struct AlreadyStored: Error {}

    /// Stores the response, in the transaction of the change it answers. The row is the claim that
    /// counts across nodes: a live row for the key makes this throw AlreadyStored, so the change
    /// is rolled back and two requests with one key never both take effect (docs/api.md §1
    /// "idempotency"). On one node the API layer's in-process claim already keeps a second request
    /// from running; on PostgreSQL, SERIALIZABLE turns the race of the two INSERTs into a retry
    /// that finds the first row. An expired row with the same key is replaced.
    public static func save(_ db: SQLTransaction, apiKeyId: Int64, key: String, stored: Stored, now: Int64) throws {
        let headerText = stored.headers.map { "\($0.0):\($0.1)" }.joined(separator: "\n")
        try db.execute("""
            INSERT INTO idempotency_keys (api_key_id, key, fingerprint, status, headers, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (api_key_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
              headers = excluded.headers, body = excluded.body, created_at = excluded.created_at
            WHERE idempotency_keys.created_at <= ?
            """, [apiKeyId, key, Data(stored.fingerprint), stored.status, headerText, Data(stored.body), now, now - retentionSeconds])
        guard db.changedRows == 1 else { throw AlreadyStored() }
    }

    /// Deletes replays older than the retention; returns how many.
    @discardableResult
    public static func purgeExpired(_ db: SQLTransaction, now: Int64) throws -> Int {
        try db.execute("DELETE FROM idempotency_keys WHERE created_at <= ?", [now - retentionSeconds])
        return db.changedRows
    }
}
