import GRDB
import SalesCore
import Testing
@testable import SalesStore

/// docs/api.md §1 "money": sums are checked, never trapped on — SQLite's own overflow in SUM()
/// and a Swift total past Money.maxTotal both become 409 limit_exceeded.
@Suite struct CheckedSumsAtTheEdge {
    @Test func sqliteSumOverflowBecomesLimitExceeded() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (amount INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO t VALUES (9000000000000000000), (9000000000000000000)")
        }
        try queue.read { db in
            #expect(throws: CheckedSums.exceeded) { try CheckedSums.guarding { try Int64.fetchOne(db, sql: "SELECT SUM(amount) FROM t") } }
            // Another database error is not mistaken for it.
            #expect(throws: DatabaseError.self) { try CheckedSums.guarding { try Int64.fetchOne(db, sql: "SELECT nope FROM t") } }
        }
    }

    @Test func totalsStopExactlyAtTheBound() throws {
        var total = Money.maxTotal - 1
        try CheckedSums.add(&total, 1)
        #expect(total == Money.maxTotal)
        #expect(throws: CheckedSums.exceeded) { try CheckedSums.add(&total, 1) }
        #expect(total == Money.maxTotal)
        #expect(Money.add(Int64.max, 1) == nil && Money.add(-Money.maxTotal, -1) == nil && Money.add(-Money.maxTotal, 0) == -Money.maxTotal)
        #expect(Money.sum([Money.maxAmount, Money.maxAmount]) == 2 * Money.maxAmount)
        #expect(Money.sum(Array(repeating: Int64.max / 2, count: 3)) == nil)
    }
}
