import Foundation
import GRDB

/// How a commit reaches the disk (docs/api.md §0 `--durability`).
public enum Durability: String, Sendable, CaseIterable {
    /// synchronous=FULL in WAL mode: an acknowledged write survives power loss.
    case full
    /// synchronous=NORMAL: survives a process crash; the last commits may be lost on power loss.
    case normal
}

/// Owns the SQLite database (WAL, one writer, a pool of readers).
public final class SalesDatabase: Sendable {
    public let pool: DatabasePool
    /// Request writes go through here: many share one transaction and one fsync (GroupCommitter).
    public let groupCommitter: GroupCommitter

    /// The most request writes one transaction takes (`--write-batch`); 1 = one each.
    public static let defaultWriteBatch = 128

    public init(path: String, durability: Durability = .full, writeBatch: Int = SalesDatabase.defaultWriteBatch) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // Two cores serve requests: three readers keep both busy while a long read (a report, a
        // streamed export) holds one, and each reader's page cache (1 MiB) is memory every
        // connection keeps (issue #9: RSS ≤ 64 MiB after the standard bench).
        configuration.maximumReaderCount = 3
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -1024") }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        // DatabasePool sets synchronous=NORMAL on its writer when it enables WAL, after
        // prepareDatabase has run; only the writer commits, so the setting goes there.
        let synchronous = durability == .full ? "FULL" : "NORMAL"
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        groupCommitter = GroupCommitter(pool: pool, maxBatch: writeBatch)
    }
}

extension SalesDatabase {
    /// SQLite's online backup into a new file: a consistent snapshot while writes go on.
    public func backup(to path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
        let destination = try DatabaseQueue(path: path)
        try pool.backup(to: destination)
        try destination.close()
    }
}
