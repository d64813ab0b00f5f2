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
            #expect(e.sql == d.1, "migration \(e.name) differs from migrations/\(e.name).sql: run make migrations")
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
}

func temporaryDatabasePath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sales-store-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("sales.sqlite").path
}
