import Foundation
import GRDB
import Synchronization
import Testing
@testable import SalesStore

/// Counts the transactions SQLite commits.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    let commits = Atomic<Int>(0)
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { commits.add(1, ordering: .relaxed) }
    func databaseDidRollback(_ db: Database) {}
}

private final class Gate: Sendable {
    let started = Atomic<Bool>(false)
    let release = Atomic<Bool>(false)
}

struct Refused: Error, Equatable { let n: Int }

@Suite struct GroupCommit {
    func database(writeBatch: Int = SalesDatabase.defaultWriteBatch) throws -> SalesDatabase {
        let database = try SalesDatabase(path: temporaryDatabasePath(), durability: .full, writeBatch: writeBatch)
        try database.pool.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY, payload BLOB)") }
        return database
    }

    /// Runs 200 writes at once, queued behind one that holds the writer until all 200 wait;
    /// every fifth inserts and then throws. Returns what each write answered.
    func raceWrites(_ database: SalesDatabase) async throws -> [Int: Result<Int, Refused>] {
        let gate = Gate()
        return try await withThrowingTaskGroup(of: (Int, Result<Int, Refused>).self) { group in
            group.addTask {
                let n = try await database.groupCommitter.write { db -> Int in
                    try db.execute(sql: "INSERT INTO t (n) VALUES (0)")
                    gate.started.store(true, ordering: .relaxed)
                    while !gate.release.load(ordering: .relaxed) { Thread.sleep(forTimeInterval: 0.001) }
                    return 0
                }
                return (0, .success(n))
            }
            while !gate.started.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(1)) }
            for n in 1...200 {
                group.addTask {
                    do {
                        let value = try await database.groupCommitter.write { db -> Int in
                            try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n])
                            if n % 5 == 0 { throw Refused(n: n) }
                            return n * 10
                        }
                        return (n, .success(value))
                    } catch let error as Refused {
                        return (n, .failure(error))
                    }
                }
            }
            while database.groupCommitter.waiting < 200 { try await Task.sleep(for: .milliseconds(1)) }
            gate.release.store(true, ordering: .relaxed)
            var results: [Int: Result<Int, Refused>] = [:]
            for try await (n, result) in group { results[n] = result }
            return results
        }
    }

    @Test func eachWriteInItsOwnSavepointOfOneTransaction() async throws {
        let database = try database()
        let counter = CommitCounter()
        database.pool.add(transactionObserver: counter)
        let results = try await raceWrites(database)
        for n in 1...200 {
            #expect(results[n] == (n % 5 == 0 ? .failure(Refused(n: n)) : .success(n * 10)), "write \(n)")
        }
        let stored = try await database.pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") }
        #expect(stored == [0] + (1...200).filter { $0 % 5 != 0 }, "a refused write undid only its own insert")
        // The 200 queued behind the first: two batches (128 + 72), not 200 transactions.
        #expect(counter.commits.load(ordering: .relaxed) == 3)
    }

    @Test func batchOfOneCommitsEachWriteAlone() async throws {
        let database = try database(writeBatch: 1)
        let counter = CommitCounter()
        database.pool.add(transactionObserver: counter)
        let results = try await raceWrites(database)
        #expect(results.values.filter { (try? $0.get()) != nil }.count == 161)
        #expect(counter.commits.load(ordering: .relaxed) == 201, "one transaction per write")
    }

    /// A write that fills the disk (here: the page limit) fails alone; the writes grouped with it
    /// are committed whether SQLite rolled back the statement or the whole transaction.
    @Test func aFullDatabaseFailsOnlyTheWriteThatFilledIt() async throws {
        let database = try database()
        try await database.pool.write { db in try db.execute(sql: "INSERT INTO t (n) VALUES (-1)") }
        let pages = try await database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try await database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 20)") }
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            group.addTask {
                _ = try await database.groupCommitter.write { _ in Thread.sleep(forTimeInterval: 0.05) }
                return (0, true)
            }
            try await Task.sleep(for: .milliseconds(10))
            for n in 1...9 {
                group.addTask {
                    do {
                        try await database.groupCommitter.write { db in
                            let size = n == 5 ? 1_000_000 : 10
                            try db.execute(sql: "INSERT INTO t (n, payload) VALUES (?, zeroblob(?))", arguments: [n, size])
                        }
                        return (n, true)
                    } catch let error as DatabaseError {
                        #expect(error.resultCode == .SQLITE_FULL)
                        return (n, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for try await (n, ok) in group { outcomes[n] = ok }
            return outcomes
        }
        #expect(outcomes == [0: true, 1: true, 2: true, 3: true, 4: true, 5: false, 6: true, 7: true, 8: true, 9: true])
        let stored = try await database.pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") }
        #expect(stored == [-1, 1, 2, 3, 4, 6, 7, 8, 9])
    }
}
