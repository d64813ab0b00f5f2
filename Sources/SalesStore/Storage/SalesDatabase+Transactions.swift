import GRDB

/// How the layers above reach the database: every transaction is an `SQLTransaction`, so nothing
/// above SalesStore sees GRDB (issue 17 items 2 and 3).
extension SalesDatabase {
    /// A read on a pooled reader connection (WAL: a snapshot, never blocked by the writer).
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await pool.read { db in try body(SQLTransaction(GRDBTransaction(db))) }
    }

    /// The same read, blocking the calling thread (a streamed body's producer thread, the CLI).
    public func readNow<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
        try pool.read { db in try body(SQLTransaction(GRDBTransaction(db))) }
    }

    /// One request's write, in its own savepoint of the next group-commit transaction
    /// (GroupCommitter): returns once that transaction is committed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await groupCommitter.write { db in try body(SQLTransaction(GRDBTransaction(db))) }
    }

    /// A write in a transaction of its own, outside group commit (bootstrap, maintenance).
    public func writeAlone<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await pool.write { db in try body(SQLTransaction(GRDBTransaction(db))) }
    }

    /// The same, blocking the calling thread (the CLI).
    public func writeNow<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
        try pool.write { db in try body(SQLTransaction(GRDBTransaction(db))) }
    }

    /// Closes every connection (the CLI and `serve`'s shutdown).
    public func close() throws {
        try pool.close()
    }
}
