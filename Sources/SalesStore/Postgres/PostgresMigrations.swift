/// migrations/postgresql/*.sql: the same versions as SQLite's migrations/*.sql (issue 18 item 2),
/// recorded by name in `schema_migrations`. Every node that starts applies what is pending under
/// one advisory lock, so nodes that start together migrate once.
enum PostgresMigrations {
    static let folder = "migrations/postgresql/"

    /// (name, sql) in order, embedded at build time (Plugins/EmbedFiles).
    static let all: [(name: String, sql: String)] = EmbeddedFiles.all
        .filter { $0.name.hasPrefix(folder) }
        .map { (String($0.name.dropFirst(folder.count).dropLast(".sql".count)), $0.text) }

    /// The advisory lock key of migrating: any constant shared by every node ("sales" in ASCII).
    static let lockKey: Int64 = 0x73616C6573

    /// The migrations the database records, in order; nil when it has no `schema_migrations`.
    static func applied(_ db: SQLTransaction) throws -> [String]? {
        guard try db.fetchValue("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'", as: Int64.self) != nil else {
            return nil
        }
        return try db.fetchAll("SELECT identifier FROM schema_migrations ORDER BY identifier") { $0["identifier"] as String }
    }

    static func pending(_ db: SQLTransaction) throws -> [String] {
        let recorded = Set(try applied(db) ?? [])
        return all.map(\.name).filter { !recorded.contains($0) }
    }

    /// Names in the database that this binary does not have: a newer binary migrated it.
    static func unknown(_ db: SQLTransaction) throws -> [String] {
        let known = Set(all.map(\.name))
        return try (applied(db) ?? []).filter { !known.contains($0) }
    }
}

extension PostgresStorage {
    /// Applies pending migrations, each in its own transaction, holding the advisory lock for the
    /// whole run; returns the names applied now (empty when another node did it first).
    @discardableResult
    public func migrate() throws -> [String] {
        try withSession { connection in
            try connection.run("SELECT pg_advisory_lock(\(PostgresMigrations.lockKey))")
            // Unlocking can fail only with the connection gone, which releases the lock anyway.
            defer { try? connection.run("SELECT pg_advisory_unlock(\(PostgresMigrations.lockKey))") }
            let db = SQLTransaction(PostgresTransaction(connection))
            // A database with tables but no record of our migrations belongs to something else:
            // refused rather than having our tables created among its own (issue 18 item 1).
            if try PostgresMigrations.applied(db) == nil,
               let foreign = try db.fetchValue("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename LIMIT 1", as: String.self) {
                throw DatabaseLocationError("\(target) holds tables that are not sales-server's (\(foreign), …): give --db an empty database or one sales-server made")
            }
            try connection.run("CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let unknown = try PostgresMigrations.unknown(db)
            guard unknown.isEmpty else {
                throw DatabaseLocationError("\(target) was migrated by a newer sales-server (it has \(unknown.joined(separator: ", "))); run that version")
            }
            let pending = try PostgresMigrations.pending(db)
            for migration in PostgresMigrations.all where pending.contains(migration.name) {
                try connection.run("BEGIN")
                do {
                    try connection.run(migration.sql)
                    try db.execute("INSERT INTO schema_migrations (identifier) VALUES (?)", [migration.name])
                    try connection.run("COMMIT")
                } catch {
                    try? connection.run("ROLLBACK")   // the migration's own error is the one to report
                    throw error
                }
            }
            return pending
        }
    }
}
