import Foundation
import GRDB
import SalesStore
import HTTPTestSupport

/// Faults a test switches on and off in its server's own store, on either store (issue 18 item 5:
/// the suite runs on both): on SQLite through its pragmas and triggers, on PostgreSQL through the
/// test cluster — each raising the error the real fault raises, so the server's handling of it is
/// what is tested (docs/api.md §1 "Errors": a store that cannot take writes is 503
/// `unavailable`; a failure no rule expects is a 500).
enum StorageFault {
    /// The database refuses writes: SQLite's query_only (SQLITE_READONLY, as a read-only file or
    /// mount gives; tests run as root, whom file modes do not stop); on PostgreSQL
    /// default_transaction_read_only on new sessions, the old ones closed (25006, as a standby
    /// or a database set read-only gives).
    case readOnly
    /// No room for an order: SQLite's page limit reached (SQLITE_FULL); on PostgreSQL a trigger
    /// raising disk_full (53100) with the message PostgreSQL gives when a file cannot grow.
    case diskFull
    /// Inserting a customer fails in a way no rule expects (a bug): a trigger raising an error.
    case refusingCustomers
}

extension TestServer {
    func inject(_ fault: StorageFault) async throws { try await set(fault, on: true) }

    func clear(_ fault: StorageFault) async throws { try await set(fault, on: false) }

    private func set(_ fault: StorageFault, on: Bool) async throws {
        if TestStore.isPostgres {
            return try postgres(onCluster: fault == .readOnly, on ? Self.postgresInjection(fault) : Self.postgresRemedy(fault))
        }
        let pool = try sqlite.pool
        try await pool.writeWithoutTransaction { db in
            switch (fault, on) {
            case (.readOnly, _): try db.execute(sql: "PRAGMA query_only = \(on ? "ON" : "OFF")")
            case (.diskFull, true): try db.execute(sql: "PRAGMA max_page_count = \((try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) + 3)")
            case (.diskFull, false): try db.execute(sql: "PRAGMA max_page_count = 1073741823")
            case (.refusingCustomers, true):
                try db.execute(sql: "CREATE TRIGGER refuse_customers BEFORE INSERT ON customers BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END")
            case (.refusingCustomers, false): try db.execute(sql: "DROP TRIGGER refuse_customers")
            }
        }
    }

    private static func postgresInjection(_ fault: StorageFault) -> (String) -> String {
        switch fault {
        case .readOnly:
            { "ALTER DATABASE \($0) SET default_transaction_read_only = on; " + closingSessions(of: $0) }
        case .diskFull:
            { _ in """
                CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    RAISE EXCEPTION 'could not extend file "base/16384/16390": No space left on device' USING ERRCODE = 'disk_full';
                END $$;
                CREATE TRIGGER test_disk_full BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION test_disk_full()
                """ }
        case .refusingCustomers:
            { _ in """
                CREATE FUNCTION refuse_customers() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    RAISE EXCEPTION 'refused by test trigger';
                END $$;
                CREATE TRIGGER refuse_customers BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION refuse_customers()
                """ }
        }
    }

    private static func postgresRemedy(_ fault: StorageFault) -> (String) -> String {
        switch fault {
        case .readOnly: { "ALTER DATABASE \($0) RESET default_transaction_read_only; " + closingSessions(of: $0) }
        case .diskFull: { _ in "DROP TRIGGER test_disk_full ON orders; DROP FUNCTION test_disk_full()" }
        case .refusingCustomers: { _ in "DROP TRIGGER refuse_customers ON customers; DROP FUNCTION refuse_customers()" }
        }
    }

    /// Database settings reach new sessions only: the server's are closed, and it makes new ones.
    private static func closingSessions(of database: String) -> String {
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()"
    }

    /// Runs `sql(name of this server's database)` on the cluster's own database (ALTER DATABASE)
    /// or on this server's.
    private func postgres(onCluster: Bool, _ sql: (String) -> String) throws {
        guard let name = postgresDatabase else { throw ClientError(description: "not a PostgreSQL test server") }
        let cluster = PostgresTemplate.shared.cluster
        try PostgresAdmin.run(url: onCluster ? cluster : PostgresAdmin.url(of: name, on: cluster), sql(name))
    }
}
