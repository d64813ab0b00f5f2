import Foundation
import GRDB
import Testing
@testable import SalesStore

@Suite struct DatabaseSetup {
    func temporaryPath() -> String { temporaryDatabasePath() }
    func unusedTemporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sales-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("sales.sqlite").path
    }

    @Test(arguments: [(Durability.full, 2), (Durability.normal, 1)])
    func walModeAndSynchronousFollowDurability(_ durability: Durability, _ synchronous: Int) throws {
        let database = try SalesDatabase(path: temporaryPath(), durability: durability)
        let (mode, sync, foreignKeys) = try database.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(sync == synchronous)
        #expect(foreignKeys == 1)
    }
}
