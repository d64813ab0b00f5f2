import Foundation
import GRDB
import Testing
@testable import SalesStore

@Suite struct MigrationTests {
    /// The binary carries its migrations: the embedded set must equal migrations/*.sql exactly.
    /// Fails when a migration is added or changed without `make migrations`.
    @Test func embeddedSetEqualsTheFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!files.isEmpty)
        let onDisk = try files.map { file -> (String, String) in
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            return (String(file.dropLast(4)), text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
        let embedded = SalesDatabase.embeddedMigrations
        #expect(embedded.map(\.name) == onDisk.map(\.0))
        for (e, d) in zip(embedded, onDisk) {
            #expect(e.sql == d.1, "migration \(e.name) differs from migrations/\(e.name).sql")
        }
        // Numbered, in order, without gaps.
        for (index, name) in embedded.map(\.name).enumerated() {
            #expect(name.hasPrefix(String(format: "%04d_", index + 1)))
        }
    }

    @Test func migrateAppliesEachOnceAndRecordsIt() throws {
        let database = try SalesDatabase(path: temporaryDatabasePath(), durability: .normal)
        #expect(try database.pendingMigrations() == SalesDatabase.embeddedMigrations.map(\.name))
        let applied = try database.migrate()
        #expect(applied == SalesDatabase.embeddedMigrations.map(\.name))
        #expect(try database.pendingMigrations().isEmpty)
        #expect(try database.migrate().isEmpty)
        let tables = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["api_keys", "customers", "idempotency_keys", "products", "stock_movements", "tax_rates"] {
            #expect(tables.contains(table))
        }
    }

    /// 0006 gives documents written before it their ledger entries, with running balances,
    /// and the customer its maintained receivable.
    @Test func paymentsMigrationBackfillsTheLedger() throws {
        let database = try SalesDatabase(path: temporaryDatabasePath(), durability: .normal)
        try database.migrate(upTo: "0005_credit_notes")
        try database.pool.write { db in
            let t = "2026-11-01T00:00:00.000Z"
            try db.execute(sql: "INSERT INTO customers (id, name, currency, created_at, updated_at) VALUES (1, 'A', 'USD', ?, ?)", arguments: [t, t])
            try db.execute(sql: "INSERT INTO products (id, sku, name, type, unit_price, created_at, updated_at) VALUES (1, 'S', 'S', 'service', 500, ?, ?)",
                           arguments: [t, t])
            try db.execute(sql: """
                INSERT INTO orders (id, number, customer_id, status, source, currency, subtotal, total, amount_invoiced, created_at, updated_at)
                VALUES (1, 'SO-000001', 1, 'confirmed', 'api', 'USD', 1500, 1500, 1300, ?, ?)
                """, arguments: [t, t])
            for (id, status, total, credited, due, at) in [(1, "open", 1000, 200, 800, "2026-11-02T00:00:00.000Z"),
                                                            (2, "void", 500, 0, 0, "2026-11-03T00:00:00.000Z"),
                                                            (3, "open", 500, 0, 500, "2026-11-05T00:00:00.000Z")] {
                try db.execute(sql: """
                    INSERT INTO invoices (id, number, order_id, customer_id, status, currency, issue_date, due_date, subtotal, tax_total, total,
                      amount_credited, amount_due, voided_at, created_at, updated_at)
                    VALUES (?, ?, 1, 1, ?, 'USD', '2026-11-01', '2026-12-01', ?, 0, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, "INV-00000\(id)", status, total, total, credited, due, status == "void" ? "2026-11-04T00:00:00.000Z" : nil, at, at])
            }
            try db.execute(sql: """
                INSERT INTO credit_notes (id, number, invoice_id, order_id, customer_id, currency, reason, subtotal, tax_total, total, created_at, updated_at)
                VALUES (1, 'CN-000001', 1, 1, 1, 'USD', 'r', 200, 0, 200, '2026-11-06T00:00:00.000Z', '2026-11-06T00:00:00.000Z')
                """)
        }
        try database.migrate()
        let (ledger, receivable) = try database.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT type || ' ' || number || ' ' || amount || ' ' || balance_after FROM customer_ledger ORDER BY id"),
             try Int64.fetchOne(db, sql: "SELECT receivable FROM customers WHERE id = 1"))
        }
        #expect(ledger == ["invoice INV-000001 1000 1000", "invoice INV-000002 500 1500", "invoice_void INV-000002 -500 1000",
                           "invoice INV-000003 500 1500", "credit_note CN-000001 -200 1300"])
        #expect(receivable == 1300)
    }
}

func temporaryDatabasePath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sales-store-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("sales.sqlite").path
}
