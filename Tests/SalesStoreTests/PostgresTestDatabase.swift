import Foundation
import Testing
@testable import SalesStore

/// The throwaway cluster `scripts/pg-cluster.sh run` starts for `make test-postgres` (and CI):
/// its URL is in SALES_TEST_POSTGRES. Each test gets a database of its own in it.
enum PostgresTestDatabase {
    static let clusterURL = ProcessInfo.processInfo.environment["SALES_TEST_POSTGRES"]

    /// Tests that need PostgreSQL run under `make test-postgres`, which always provides it.
    static let available = clusterURL != nil

    /// A new empty database; its URL.
    static func make() throws -> String {
        guard let clusterURL else { throw DatabaseLocationError("SALES_TEST_POSTGRES is not set: run make test-postgres") }
        return try PostgresAdmin.createDatabase(on: clusterURL).url
    }

    /// A store on a new database that holds only the write gate, the one table every
    /// PostgresStorage write needs (migrations/postgresql/0010): for tests of the executor on
    /// tables of their own.
    static func unmigratedStore(connections: Int = 16) throws -> PostgresStorage {
        let url = try make()
        try PostgresAdmin.run(url: url, "CREATE TABLE write_gate (unused BOOLEAN)")
        return try PostgresStorage(url: url, connections: connections)
    }

    /// A migrated store on a new database.
    static func migratedStore() throws -> PostgresStorage {
        let store = try PostgresStorage(url: make())
        try store.migrate()
        return store
    }
}
