import Foundation
import Testing
@testable import SalesStore

/// docs/performance.md §5e: a list filtered by created_at reads the same rows, in id order,
/// whichever plan CreatedRange picks — here on rows whose created_at does not follow their ids.
enum CreatedRangeCheck {
    /// 40 tax rates; rate i was created at second (i × 17) mod 40 of a minute.
    static func seed(_ store: any SalesStorage) async throws {
        try await store.writeAlone { db in
            for id in 1...40 {
                let at = String(format: "2026-03-01T10:00:%02d.000Z", id * 17 % 40)
                try db.execute("INSERT INTO tax_rates (id, name, percent_e4, created_at, updated_at) VALUES (?, ?, 0, ?, ?)",
                               [Int64(id), "rate \(id)", at, at])
            }
        }
    }

    static func second(_ s: Int) -> String { String(format: "2026-03-01T10:00:%02d.000Z", s) }

    /// Every range shape, paged 7 at a time, with the range sorted and walked: the ids of the
    /// rows in range, ascending.
    static func check(_ store: any SalesStorage) async throws {
        let ranges: [(Int?, Int?)] = [(5, 20), (0, 39), (30, nil), (nil, 9), (12, 12), (25, 3)]
        for (from, to) in ranges {
            let expected = (1...40).filter { id in
                let s = id * 17 % 40
                return (from.map { s >= $0 } ?? true) && (to.map { s <= $0 } ?? true)
            }
            var options = ListOptions()
            options.limit = 7
            options.createdFrom = from.map(second)
            options.createdTo = to.map(second)
            // A range this small is sorted when the plan is left to CreatedRange.
            let chosen = try await store.read { [options] db in try CreatedRange.plan(db, table: "tax_rates", options: options) }
            #expect(chosen == .sorted)
            for plan in [CreatedRange.Plan.sorted, .walked] {
                var seen: [Int] = []
                var page = options
                while true {
                    let current = page
                    let result = try await store.read { db in
                        try KeysetList.fetch(db, table: "tax_rates", options: current, conditions: SQLConditions(), createdPlan: plan) { Int($0["id"] as Int64) }
                    }
                    seen += result.items
                    guard result.hasMore, let last = result.items.last else { break }
                    page.afterId = Int64(last)
                }
                #expect(seen == expected, "range \(from as Any)…\(to as Any), \(plan)")
            }
        }
    }
}

@Suite struct CreatedRangePlans {
    /// Sorted up to the bound; beyond it walked only when the walk reaches the range within it.
    @Test func theChoiceBoundsTheRowsRead() {
        let bound = CreatedRange.bound
        #expect(CreatedRange.choose(rowsInRange: bound, idsBeforeRange: .max) == .sorted)
        #expect(CreatedRange.choose(rowsInRange: 0, idsBeforeRange: 0) == .sorted)
        #expect(CreatedRange.choose(rowsInRange: bound + 1, idsBeforeRange: 0) == .walked)
        #expect(CreatedRange.choose(rowsInRange: bound + 1, idsBeforeRange: -500) == .walked, "the cursor is inside the range")
        #expect(CreatedRange.choose(rowsInRange: bound + 1, idsBeforeRange: bound) == .walked)
        #expect(CreatedRange.choose(rowsInRange: bound + 1, idsBeforeRange: bound + 1) == .sorted, "the range begins far from the cursor")
    }

    @Test func bothPlansReadTheSameRowsOnSQLite() async throws {
        let store = try SalesDatabase(path: temporaryDatabasePath())
        try store.migrate()
        try await CreatedRangeCheck.seed(store)
        try await CreatedRangeCheck.check(store)
    }
}

@Suite(.enabled(if: PostgresTestDatabase.available, "needs make test-postgres (SALES_TEST_POSTGRES)"))
struct CreatedRangePlansOnPostgres {
    @Test func bothPlansReadTheSameRowsOnPostgreSQL() async throws {
        let store = try PostgresTestDatabase.migratedStore()
        try await CreatedRangeCheck.seed(store)
        try await CreatedRangeCheck.check(store)
        try store.close()
    }
}
