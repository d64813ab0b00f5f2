import Foundation
import Synchronization
import Testing
import GRDB
import HTTPTestSupport

private final class WrittenCount: Sendable { let value = Atomic<Int>(0) }

/// Operations under load (issue #10 item 7).
@Suite struct Operations {
    /// `sales-server backup` while orders are being written: SQLite's online backup is a consistent
    /// snapshot, so the copy passes `check`, and it holds a prefix of the orders (none half-written).
    @Test func backupTakenUnderWriteLoadPassesCheck() async throws {
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
