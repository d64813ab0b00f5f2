import Foundation

/// A database as the layers above SalesStore use it (issue 17 item 3): transactions handed out as
/// `SQLTransaction`, and the write executor that commits request writes. SalesDatabase is the
/// SQLite one (GroupCommitter: many request writes, one transaction and one fsync);
/// PostgresStorage the PostgreSQL one (a connection pool, SERIALIZABLE writes queued on a table
/// lock).
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
    /// Applies pending migrations (migrations/ for SQLite, migrations/postgresql/ for
    /// PostgreSQL: the same versions); returns the names applied now.
    @discardableResult
    func migrate() throws -> [String]
    /// Several server processes may share this database (PostgreSQL), so work that one process
    /// would simply do (a webhook attempt) is first leased; SQLite's file has one serving process.
    var isSharedByNodes: Bool { get }
    /// Write transactions run again after a serialization failure or deadlock since the store
    /// opened (PostgreSQL; SQLite's one writer never needs to).
    var writeRetries: Int { get }
    /// Closes every connection.
    func close() throws
}

extension SalesDatabase: SalesStorage {
    public var isSharedByNodes: Bool { false }
    public var writeRetries: Int { 0 }
}

/// Opens the store `location` names: a SQLite file (its folder created when missing) or a
/// PostgreSQL database, migrated unless `migrating` is false.
public func openStorage(_ location: DatabaseLocation, durability: Durability = .full,
                        writeBatch: Int = SalesDatabase.defaultWriteBatch, migrating: Bool = true) throws -> any SalesStorage {
    let storage: any SalesStorage
    switch location {
    case .postgres(let url):
        storage = try PostgresStorage(url: url)
    case .sqlite(let path):
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        storage = try SalesDatabase(path: path, durability: durability, writeBatch: writeBatch)
    }
    if migrating { try storage.migrate() }
    return storage
}
