import GRDB

/// Applies migrations/*.sql (embedded in the binary) in order, each in its own transaction,
/// recorded in GRDB's `grdb_migrations` table by file name.
enum Migrations {
    /// migrations/*.sql by name ("0001_foundation"), in order, embedded at build time (Plugins/EmbedFiles).
    static let all: [(name: String, sql: String)] = EmbeddedFiles.all
        .filter { $0.name.hasPrefix(folder) && !$0.name.dropFirst(folder.count).contains("/") }
        .map { (String($0.name.dropFirst(folder.count).dropLast(".sql".count)), $0.text) }
    static let folder = "migrations/"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    static var names: [String] { all.map(\.name) }
}

extension SalesDatabase {
    /// Applies pending migrations; returns the names applied now.
    @discardableResult
    public func migrate() throws -> [String] {
        let before = try appliedMigrations()
        try Migrations.migrator.migrate(pool)
        return Migrations.names.filter { !before.contains($0) }
    }

    /// Applies migrations up to and including `name` (tests of a later migration's data upgrade).
    public func migrate(upTo name: String) throws {
        try Migrations.migrator.migrate(pool, upTo: name)
    }

    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedIdentifiers(db).sorted() }
    }

    /// Migrations known to this binary and not yet applied (empty when ready).
    public func pendingMigrations() throws -> [String] {
        let applied = Set(try appliedMigrations())
        return Migrations.names.filter { !applied.contains($0) }
    }

    /// Pending migrations, read in a transaction the caller already holds.
    public func pendingMigrations(_ db: SQLTransaction) throws -> [String] {
        // GRDB's DatabaseMigrator records applied migrations in grdb_migrations, created by the first one.
        guard try db.fetchValue("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'", as: Int64.self) != nil else {
            return Migrations.names
        }
        let applied = Set(try db.fetchAll("SELECT identifier FROM grdb_migrations") { $0["identifier"] as String })
        return Migrations.names.filter { !applied.contains($0) }
    }

    public static var embeddedMigrations: [(name: String, sql: String)] { Migrations.all }
}
