import Foundation
import Testing
import SalesCore
import Locking
@testable import SalesStore

/// Issue 18 item 1: the placeholders the stores write, numbered for PostgreSQL (no database).
@Suite struct PostgresPlaceholderNumbering {
    @Test func questionMarksAreNumberedInOrderAndNumberedOnesKeepTheirNumber() {
        let plain = PostgresPlaceholders(translating: "SELECT * FROM t WHERE a = ? AND b > ? LIMIT ?")
        #expect(plain.sql == "SELECT * FROM t WHERE a = $1 AND b > $2 LIMIT $3")
        #expect(plain.count == 3)
        let numbered = PostgresPlaceholders(translating: "SELECT ?2, ?1, ?1, ?")
        #expect(numbered.sql == "SELECT $2, $1, $1, $3")
        #expect(numbered.count == 3)
    }

    @Test func aQuestionMarkInQuotesIsText() {
        let quoted = PostgresPlaceholders(translating: "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = ?")
        #expect(quoted.sql == "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = $1")
        #expect(quoted.count == 1)
    }
}

/// Issue 18 item 1: the libpq executor behind the storage seam, against the real server.
@Suite(.enabled(if: PostgresTestDatabase.available, "needs make test-postgres (SALES_TEST_POSTGRES)"))
struct PostgresExecutor {
    @Test func valuesComeBackExactlyAsBound() throws {
        let store = try PostgresTestDatabase.unmigratedStore()
        let row = try store.writeNow { db in
            try db.execute("CREATE TABLE v (i BIGINT, t TEXT, b BYTEA, e BYTEA, d DOUBLE PRECISION, n BIGINT, f BOOLEAN)")
            try db.execute("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, TRUE)",
                           SQLArguments([.integer(.min), .text("Zoë 👋 '?' \\ \"x\""), .blob([0, 1, 254, 255]), .blob([]), .real(0.1), .null]))
            #expect(db.changedRows == 1)
            return try db.fetchRecord("SELECT i, t, b, e, d, n, f, i + 0 AS j FROM v")
        }
        let record = try #require(row)
        #expect(record.values == [.integer(.min), .text("Zoë 👋 '?' \\ \"x\""), .blob([0, 1, 254, 255]), .blob([]), .real(0.1), .null, .integer(1), .integer(.min)])
        #expect(record.columns == ["i", "t", "b", "e", "d", "n", "f", "j"])
        let typed = try store.readNow { db in
            try db.fetchOne("SELECT i, t, n, b FROM v") { row in
                (row["i"] as Int64, row["t"] as String, row["n"] as Int64?, row["b"] as [UInt8])
            }
        }
        #expect(typed?.0 == .min)
        #expect(typed?.1 == "Zoë 👋 '?' \\ \"x\"")
        #expect(typed?.2 == nil)
        #expect(typed?.3 == [0, 1, 254, 255])
    }

    @Test func aSumPastInt64IsTheIntegerOverflowFailureNotAWrongNumber() throws {
        let store = try PostgresTestDatabase.unmigratedStore()
        var failure: Error?
        do {
            _ = try store.writeNow { db in
                try db.execute("CREATE TABLE m (amount BIGINT)")
                try db.execute("INSERT INTO m VALUES (?), (?)", [Int64.max, Int64(1)])
                return try db.fetchValue("SELECT SUM(amount) FROM m", as: Int64.self)
            }
        } catch {
            failure = error
        }
        #expect(failure.map(StorageFailure.isIntegerOverflow) == true)
    }

    @Test func aFailedStatementInASavepointLeavesTheTransactionUsable() throws {
        let store = try PostgresTestDatabase.unmigratedStore()
        let (unique, count) = try store.writeNow { db -> (Bool, Int64?) in
            try db.execute("CREATE TABLE u (k TEXT UNIQUE)")
            try db.execute("INSERT INTO u VALUES (?)", ["a"])
            var unique = false
            do {
                try db.savepoint { try db.execute("INSERT INTO u VALUES (?)", ["a"]) }
            } catch {
                unique = db.isUniqueViolation(error)
            }
            try db.execute("INSERT INTO u VALUES (?)", ["b"])
            return (unique, try db.fetchValue("SELECT COUNT(*) FROM u", as: Int64.self))
        }
        #expect(unique)
        #expect(count == 2)
    }

    @Test func aConditionalUpdateReportsTheRowsItChanged() throws {
        let store = try PostgresTestDatabase.unmigratedStore()
        let changed = try store.writeNow { db -> [Int] in
            try db.execute("CREATE TABLE c (id BIGINT PRIMARY KEY, left_ BIGINT)")
            try db.execute("INSERT INTO c VALUES (1, 5)")
            try db.execute("UPDATE c SET left_ = left_ - ? WHERE id = 1 AND left_ >= ?", [Int64(5), Int64(5)])
            let first = db.changedRows
            try db.execute("UPDATE c SET left_ = left_ - ? WHERE id = 1 AND left_ >= ?", [Int64(1), Int64(1)])
            return [first, db.changedRows]
        }
        #expect(changed == [1, 0])
    }

    /// The write gate (PostgresStorage.beginWrite): writers that read a counter and write it back
    /// from many threads at once lose no increment, and none has to run again — each waits for
    /// the gate and then reads what the previous one committed.
    @Test func writersOfOneRowQueueOnTheGateAndLoseNothing() async throws {
        let store = try PostgresTestDatabase.unmigratedStore(connections: 8)
        try store.writeNow { db in
            try db.execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
            try db.execute("INSERT INTO counter VALUES (1, 0)")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try await store.write { db in
                        let n = try db.fetchValue("SELECT n FROM counter WHERE id = 1", as: Int64.self) ?? 0
                        try db.execute("UPDATE counter SET n = ? WHERE id = 1", [n + 1])
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.readNow { try $0.fetchValue("SELECT n FROM counter", as: Int64.self) } == 40)
        #expect(store.writeRetries == 0)
    }

    /// A serialization failure or deadlock (40001, 40P01) is still run again, if one happens.
    @Test func aWriteThatFailsToSerializeIsRunAgain() throws {
        let store = try PostgresTestDatabase.unmigratedStore()
        let attempts = Locked(0)
        let result = try store.writeNow { db in
            let attempt = attempts.withLock { $0 += 1; return $0 }
            if attempt < 3 { throw PostgresError(sqlState: attempt == 1 ? "40001" : "40P01", message: "collided") }
            return try db.fetchValue("SELECT 7", as: Int64.self)
        }
        #expect(result == 7)
        #expect(attempts.withLock { $0 } == 3)
        #expect(store.writeRetries == 2)
    }
}

/// Issue 18 item 2: PostgreSQL's migrations, applied once however many nodes start together.
@Suite(.enabled(if: PostgresTestDatabase.available, "needs make test-postgres (SALES_TEST_POSTGRES)"))
struct PostgresMigrationRuns {
    @Test func theSameVersionsAsSQLite() {
        #expect(PostgresMigrations.all.map(\.name) == SalesDatabase.embeddedMigrations.map(\.name))
    }

    @Test func nodesStartingTogetherMigrateOnce() async throws {
        let url = try PostgresTestDatabase.make()
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<3 {
                group.addTask { try PostgresStorage(url: url).migrate() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(applied.map(\.count).sorted() == [0, 0, PostgresMigrations.all.count])
        let store = try PostgresStorage(url: url)
        #expect(try store.readNow { try store.pendingMigrations($0) } == [])
    }

    @Test func aDatabaseOfAnotherApplicationIsRefused() throws {
        let url = try PostgresTestDatabase.make()
        try PostgresAdmin.run(url: url, "CREATE TABLE invoices_of_someone_else (id BIGINT)")
        let store = try PostgresStorage(url: url)
        var refusal = ""
        do { try store.migrate() } catch { refusal = "\(error)" }
        #expect(refusal.contains("holds tables that are not sales-server's (invoices_of_someone_else, …)"), "\(refusal)")
        #expect(try store.readNow { db in try db.fetchValue("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()", as: Int64.self) } == 1)
    }

    @Test func aDatabaseMigratedByANewerBinaryIsRefused() throws {
        let store = try PostgresTestDatabase.migratedStore()
        try store.writeNow { try $0.execute("INSERT INTO schema_migrations (identifier) VALUES ('9999_future')") }
        var refusal = ""
        do { try store.migrate() } catch { refusal = "\(error)" }
        #expect(refusal.contains("was migrated by a newer sales-server (it has 9999_future)"))
    }
}

/// Issue 18 item 3: event ids become visible in commit order across writers (the advisory lock of
/// SQLDialect.eventIdsInCommitOrder), so a reader polling after=<last id> never skips one.
@Suite(.enabled(if: PostgresTestDatabase.available, "needs make test-postgres (SALES_TEST_POSTGRES)"))
struct PostgresEventOrder {
    func record(_ db: SQLTransaction, _ name: String) throws {
        try EventStore.record(db, type: "customer.created", actor: nil, resourceType: "customer", resourceId: 1, data: Array("{\"name\":\"\(name)\"}".utf8))
    }

    /// The first writer's event is written (its id taken) and its transaction stays open a while
    /// before committing; the second records one meanwhile. When the second write returns, the
    /// first's smaller id must be visible too — without the write gate the second commits first,
    /// and a reader would see only the larger id and move past the smaller one for good.
    @Test func aLaterIdIsNeverVisibleBeforeAnEarlierOne() async throws {
        let store = try PostgresTestDatabase.migratedStore()
        let firstRecorded = DispatchSemaphore(value: 0)
        async let first: Void = Task.detached {
            try store.writeNow { db in
                try self.record(db, "first")   // its id is taken
                firstRecorded.signal()
                Thread.sleep(forTimeInterval: 0.3)   // a slow transaction
            }
        }.value
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { firstRecorded.wait(); continuation.resume() }
        }
        try await store.write { db in try self.record(db, "second") }
        let visible = try store.readNow { db in try db.fetchAll("SELECT id FROM events ORDER BY id") { $0["id"] as Int64 } }
        try await first
        #expect(visible.count == 2, "when the second write returns, the first (smaller id) is visible too: \(visible)")
    }
}
