/// A database as the layers above SalesStore use it (issue 17 item 3): transactions handed out as
/// `SQLTransaction`, and the write executor that commits request writes. SalesDatabase is the
/// SQLite one (GroupCommitter: many request writes, one transaction and one fsync); a second
/// backend implements the same calls.
public protocol SalesStorage: AnyObject, Sendable {
    /// A read transaction (a consistent snapshot).
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T
    /// The same read, blocking the calling thread (a streamed body's producer thread, the CLI).
    func readNow<T>(_ body: (SQLTransaction) throws -> T) throws -> T
    /// One request's write: returns once it is committed (the write executor).
    func write<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T
    /// A write in a transaction of its own (bootstrap, maintenance).
    func writeAlone<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T
    /// The same, blocking the calling thread (the CLI).
    func writeNow<T>(_ body: (SQLTransaction) throws -> T) throws -> T
    /// Migrations this binary has that the database has not applied, read in `db`.
    func pendingMigrations(_ db: SQLTransaction) throws -> [String]
    /// Closes every connection.
    func close() throws
}

extension SalesDatabase: SalesStorage {}
