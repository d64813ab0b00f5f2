import Foundation
import Testing

/// Issue 17 items 2 and 3 (docs/architecture.md "The storage seam"): GRDB stays behind the seam.
/// Stores, rules and handlers speak `SQLTransaction`; only the SQLite backend and the database's
/// setup import GRDB, so a second backend needs no change above SalesStore/Storage.
@Suite struct Layering {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The files that may import GRDB: the backend itself and what opens, migrates and commits to SQLite.
    static let grdbFiles: Set<String> = [
        "Sources/SalesStore/Storage/GRDBBackend.swift", "Sources/SalesStore/Storage/SalesDatabase+Transactions.swift",
        "Sources/SalesStore/SalesDatabase.swift", "Sources/SalesStore/GroupCommit.swift", "Sources/SalesStore/Migrations.swift",
    ]

    @Test func onlyTheSQLiteBackendImportsGRDB() throws {
        var importing: Set<String> = []
        let sources = Self.root.appendingPathComponent("Sources")
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.components(separatedBy: "\n").contains(where: { $0.hasPrefix("import GRDB") || $0.hasPrefix("@preconcurrency import GRDB") }) {
                importing.insert(String(url.path.dropFirst(Self.root.path.count + 1)))
            }
        }
        #expect(importing == Self.grdbFiles)
        #expect(!importing.contains { $0.hasPrefix("Sources/SalesAPI/") })
    }
}
