import Foundation
import Dispatch
import Locking

/// The PostgreSQL store (issue 18; docs/architecture.md "PostgreSQL"): several stateless nodes
/// over one database. A pool of libpq connections, each used by one thread at a time; every
/// read is a REPEATABLE READ READ ONLY transaction (a snapshot, like SQLite's WAL readers), every
/// write a SERIALIZABLE transaction that first queues on the write gate (migrations/postgresql/
/// 0010), so writers on every node run one after another, each seeing what the previous one
/// committed. A serialization failure or deadlock (40001, 40P01) should then not happen; if one
/// does, the write is run again. The bodies the services pass are database work only, so running
/// one again repeats nothing else.
public final class PostgresStorage: SalesStorage, @unchecked Sendable {
    let url: String
    public let target: String
    private let pool: PostgresPool
    /// Blocking libpq calls run here, never on Swift's cooperative threads.
    private let queue = DispatchQueue(label: "sales.postgres", attributes: .concurrent)

    /// How many times a write is tried before its serialization failure is answered (503): a
    /// safety net, since gated writers do not overlap (`writeRetries` counts its use).
    static let writeAttempts = 100

    /// BEGIN and the write gate in one round trip. `LOCK TABLE` takes no snapshot, so the
    /// transaction's snapshot is taken at the body's first statement, after the previous writer
    /// committed (PostgreSQL manual, LOCK: "you have to execute LOCK TABLE before executing any
    /// SELECT or data modification statement"). Without it, writers that update the same rows —
    /// a document counter, a product's stock — failed SERIALIZABLE's check and ran again, most of
    /// their work wasted (docs/performance.md §5c).
    static let beginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE; LOCK TABLE write_gate IN EXCLUSIVE MODE"

    private let retries = Locked(0)

    /// Writes run again after a serialization failure or deadlock since the store opened
    /// (`sales_db_write_retries_total` in /metrics).
    public var writeRetries: Int { retries.withLock { $0 } }

    /// Opens the first connection (a wrong URL or an unreachable server fails here, named).
    public init(url: String, connections: Int = 16) throws {
        self.url = url
        target = PostgresTarget(url: url).description
        pool = PostgresPool(url: url, size: connections)
        // The first connection is made here, so that a wrong URL or an unreachable server is
        // refused by name when the store is opened (later failures are 503s).
        pool.release(try PostgresConnection(url: url), fresh: true)
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await offThread { try self.readNow(body) }
    }

    public func readNow<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", attempts: 1, body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await offThread { try self.writeNow(body) }
    }

    public func writeAlone<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await write(body)
    }

    public func writeNow<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
        try transaction(Self.beginWrite, attempts: Self.writeAttempts, body)
    }

    public func pendingMigrations(_ db: SQLTransaction) throws -> [String] {
        try PostgresMigrations.pending(db)
    }

    public func close() throws { pool.closeAll() }

    public var isSharedByNodes: Bool { true }

    /// A connection outside any transaction (migrations, which manage their own).
    func withSession<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try pool.take()
        defer { pool.release(connection) }
        return try body(connection)
    }

    private func transaction<T>(_ begin: String, attempts: Int, _ body: (SQLTransaction) throws -> T) throws -> T {
        var attempt = 1
        while true {
            let connection = try takeBegun(begin)
            defer { pool.release(connection) }
            do {
                let transaction = SQLTransaction(PostgresTransaction(connection))
                let result = try body(transaction)
                try connection.run("COMMIT")
                return result
            } catch {
                // The body's error is the one to answer; a ROLLBACK that fails means the
                // connection is gone, and the pool drops it on release.
                if connection.isUsable { try? connection.run("ROLLBACK") }
                guard let failure = error as? PostgresError, failure.isRetryable, attempt < attempts else { throw error }
                attempt += 1   // bounded: at most `attempts`
                retries.withLock { $0 += 1 }   // bounded: one per failed attempt, far below Int.max
                // Back off, more each time (up to 25 ms), with full jitter, so that the writers
                // that collided do not collide again in step.
                usleep(UInt32.random(in: 0...UInt32(min(25_000, 250 << min(attempt, 7)))))
            }
        }
    }

    /// A connection from the pool with the transaction begun on it. A pooled connection the
    /// server has closed since (a restart, a failover, an idle timeout) fails at BEGIN, before
    /// anything was done on it: it is dropped and the transaction begins on a new connection. If
    /// none can be made, the error is the 503 the request gets.
    private func takeBegun(_ begin: String) throws -> PostgresConnection {
        let pooled = try pool.take()
        do {
            try pooled.run(begin)
            return pooled
        } catch let failure as PostgresError where failure.isUnavailable || !pooled.isUsable {
            pool.discard(pooled)
        } catch {
            pool.release(pooled)
            throw error
        }
        let fresh = try pool.take(new: true)   // the idle ones may have been closed too
        do {
            try fresh.run(begin)
            return fresh
        } catch {
            pool.release(fresh)
            throw error
        }
    }

    private func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// At most `size` connections, made when first needed; a connection that broke (the server
/// restarted, the network dropped) is closed when it comes back and a new one is made next time,
/// so the store recovers by itself (issue 18 item 1) while requests meanwhile get 503.
final class PostgresPool: @unchecked Sendable {
    private let url: String
    private let slots: DispatchSemaphore
    private let idle = Locked<[PostgresConnection]>([])

    init(url: String, size: Int) {
        self.url = url
        slots = DispatchSemaphore(value: size)
    }

    /// A connection: an idle one, or (`new`, or none idle) a new one.
    func take(new: Bool = false) throws -> PostgresConnection {
        slots.wait()
        if !new, let connection = idle.withLock({ $0.popLast() }) { return connection }
        do {
            return try PostgresConnection(url: url)
        } catch {
            slots.signal()
            throw PostgresError(sqlState: "08006", message: "\(error)")
        }
    }

    /// Gives a connection back (`fresh`: one made outside `take`, which holds no slot).
    func release(_ connection: PostgresConnection, fresh: Bool = false) {
        if connection.isUsable { idle.withLock { $0.append(connection) } }
        if !fresh { slots.signal() }
    }

    /// Drops a connection that failed (its slot is free again; the next `take` makes a new one).
    func discard(_ connection: PostgresConnection) {
        slots.signal()
    }

    func closeAll() { idle.withLock { $0.removeAll() } }
}

/// Statements that run outside any transaction on a connection of their own (CREATE DATABASE
/// cannot run in one): the test suites' throwaway databases in the cluster `url` names.
public enum PostgresAdmin {
    public static func run(url: String, _ sql: String) throws {
        try PostgresConnection(url: url).run(sql)
    }

    /// A new database with a unique name beside the one `cluster` names (a copy of `template`
    /// when given); its name and URL.
    public static func createDatabase(on cluster: String, template: String? = nil) throws -> (name: String, url: String) {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try run(url: cluster, "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
        return (name, url(of: name, on: cluster))
    }

    /// Drops a database, closing whatever is still connected to it.
    public static func dropDatabase(_ name: String, on cluster: String) throws {
        try run(url: cluster, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `cluster`'s URL with its database replaced by `name`.
    public static func url(of name: String, on cluster: String) -> String {
        guard let slash = cluster.lastIndex(of: "/") else { return cluster }
        return String(cluster[...slash]) + name
    }
}
