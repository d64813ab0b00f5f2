import Foundation
import Synchronization
import Testing
import GRDB
import HTTPTestSupport
import SalesStore

private final class WrittenCount: Sendable { let value = Atomic<Int>(0) }

/// Operations under load (issue #10 item 7).
@Suite struct Operations {
    /// `sales-server backup` while orders are being written: SQLite's online backup is a consistent
    /// snapshot, so the copy passes `check`, and it holds a prefix of the orders (none half-written).
    @Test(.enabled(if: TestStore.isSQLite, "SQLite's own file, pragmas and triggers")) func backupTakenUnderWriteLoadPassesCheck() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 250, stock: "100000")
            let written = WrittenCount()
            let writers = (0..<4).map { _ in
                Task {
                    for _ in 0..<40 {
                        let reply = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":2}]}"#)
                        if reply.status == 201 { written.value.add(1, ordering: .relaxed) }
                    }
                }
            }
            while written.value.load(ordering: .relaxed) < 20 { try await Task.sleep(for: .milliseconds(5)) }
            let backup = api.directory.appendingPathComponent("backup.sqlite").path
            let database = api.directory.appendingPathComponent("sales.sqlite").path
            let taken = try CommandLine().run(["backup", "--db", database, "--to", backup])
            for writer in writers { try await writer.value }
            #expect(taken.status == 0, "\(taken.output)")
            #expect(written.value.load(ordering: .relaxed) == 160)
            let check = try CommandLine().run(["check", "--db", backup])
            #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
            // A snapshot from the middle of the load: some orders, each whole (check verified the
            // reservations and open-orders amount they move), and the numbering without gaps.
            let queue = try DatabaseQueue(path: backup)
            let (orders, lastNumber) = try await queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT last FROM document_counters WHERE kind = 'SO'") ?? -1)
            }
            try queue.close()
            #expect(orders >= 20 && orders <= 160, "\(orders) orders in the backup")
            #expect(lastNumber == orders)
        }
    }
}

@Suite struct StorageOutage {
    /// While `outage` holds, writes answer 503 unavailable and reads keep working; after
    /// `recovery`, writes work again and nothing is corrupted (docs/api.md §4 invariants hold,
    /// integrity_check ok).
    func writesAre503WhileReadsWork(_ fault: StorageFault) async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 250, stock: "100000")
            let order = #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":1}],"notes":"\#(String(repeating: "n", count: 4000))"}"#
            #expect(try await api.call("POST", "/v1/orders", order).status == 201)
            try await api.inject(fault)
            var statuses: [Int] = []
            for _ in 0..<20 {
                let reply = try await api.call("POST", "/v1/orders", order)
                statuses.append(reply.status)
                if reply.status == 503 {
                    #expect(reply["code"] as? String == "unavailable", "\(reply.text)")
                    #expect(reply["detail"] as? String == "storage is unavailable; retry later")
                    break
                }
            }
            #expect(statuses.last == 503, "\(statuses)")
            // Reads go on.
            #expect(try await api.call("GET", "/v1/orders/1").status == 200)
            #expect(try await api.call("GET", "/v1/customers/\(customer)").status == 200)
            // Storage returns: writes work, and the book is whole.
            try await api.clear(fault)
            #expect(try await api.call("POST", "/v1/orders", order).status == 201)
            if let sqlite = api.database as? SalesDatabase {
                #expect(try await sqlite.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
            }
            let breaches = try await api.app.read { db in try IntegrityCheck.run(db) }
            #expect(breaches.isEmpty, "\(breaches)")
        }
    }

    /// A full disk (StorageFault.diskFull).
    @Test func fullDisk() async throws {
        try await writesAre503WhileReadsWork(.diskFull)
    }

    /// A database that refuses writes (StorageFault.readOnly).
    @Test func readOnlyDatabase() async throws {
        try await writesAre503WhileReadsWork(.readOnly)
    }
}
