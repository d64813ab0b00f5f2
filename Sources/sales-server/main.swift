import ArgumentParser
import Dispatch
import Foundation
import HTTPServer
import Logging
import SalesAPI
import SalesCore
import SalesStore
#if canImport(Glibc)
import Glibc
#endif

/// `sales-server` (docs/api.md §0). `serve` is the default command.
struct SalesServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sales-server",
        abstract: "A REST API for the whole sales lifecycle.",
        version: ServerVersion.current,
        subcommands: [Serve.self, Migrate.self, Keys.self, Backup.self, Check.self, Copy.self],
        defaultSubcommand: Serve.self
    )
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the HTTP server (default).")
    @OptionGroup var options: ServerOptions

    func run() throws {
        let config = try ResolvedConfiguration(options)
        let level = config.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "sales-server")
        if let start = WallClock.testStart {
            logger.warning("\(WallClock.testClockVariable) is set: the clock started at \(start), not the real time (for tests only)")
        }
        let database = try config.openDatabase()
        let bootstrap = try Bootstrap.ensureAdminKey(database, bootstrapSecret: config.bootstrapKey)

        let app = APIContext(database: database, configuration: config.api, logger: logger)
        var http = HTTPServerConfiguration()
        http.host = config.host
        http.port = config.port
        http.maxConnections = config.maxConnections
        let server = HTTPServer(configuration: http, responder: APIResponder(context: app))
        app.reportConnections { [weak server] in server?.openConnections ?? 0 }
        try server.start()
        let maintenance = app.startMaintenance()
        let webhooks = app.startWebhookDelivery()

        let base = "http://\(config.host.contains(":") ? "[\(config.host)]" : config.host):\(server.port)"
        // --durability is SQLite's; PostgreSQL's is the server's synchronous_commit.
        let durability = database is SalesDatabase ? ", durability \(config.durability.rawValue)" : ""
        print("sales-server listening on \(base) (database \(config.database.description)\(durability))")
        switch bootstrap {
        case .created(_, let secret):
            print("""
                created the first admin API key; it is shown only this once:

                    \(secret)

                try:  curl -H "Authorization: Bearer \(secret)" \(base)/v1/customers
                """)
        case .ensured, .existing:
            print("try:  curl -H \"Authorization: Bearer $SALES_BOOTSTRAP_KEY\" \(base)/v1/customers")
        }
        // docs/api.md §0 "The console": the page for people, signed in with a key like the above.
        print("or open \(base)/console/ in a browser and paste the key")
        fflush(nil)
        waitForTerminationSignal()
        logger.notice("shutting down: finishing requests in flight")
        server.shutdown()
        maintenance.cancel()
        webhooks.cancel()
        // Wait for both background tasks to end before closing the store they use, so a late
        // write never races the close.
        let backgroundEnded = DispatchSemaphore(value: 0)
        Task {
            _ = await maintenance.value
            _ = await webhooks.value
            backgroundEnded.signal()
        }
        backgroundEnded.wait()
        try database.close()
        logger.notice("stopped")
    }
}

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let config = try ResolvedConfiguration(options)
        let database = try config.openDatabase(migrating: false)
        let applied = try database.migrate()
        print(applied.isEmpty ? "up to date" : "applied: " + applied.joined(separator: ", "))
    }
}

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage API keys.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print its secret once.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "A name for the key.") var name: String
        @Option(help: "admin, sales, warehouse, accounting or readonly.") var role: String
        @Option(name: .customLong("sales-rep-id"), help: "Bind the key to a sales rep.") var salesRepId: Int64?

        func run() throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("role must be one of " + Role.allCases.map(\.rawValue).joined(separator: ", ")) }
            let database = try ResolvedConfiguration(options).openDatabase()
            let secret = APIKeys.generate()
            let record = try database.writeNow { db in
                try APIKeyStore.create(db, name: name, role: role, salesRepId: salesRepId, hash: APIKeys.hash(secret), prefix: APIKeys.prefix(secret))
            }
            print("id \(record.id), role \(record.role.rawValue): \(secret)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never their secrets).")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let database = try ResolvedConfiguration(options).openDatabase()
            let keys = try database.readNow { db in try APIKeyStore.list(db, afterId: nil, limit: 1_000_000).items }
            for k in keys {
                print("\(k.id)\t\(k.role.rawValue)\t\(k.prefix)…\t\(k.revokedAt == nil ? "active" : "revoked \(k.revokedAt!)")\t\(k.name)")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key at once.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The key's id.") var id: Int64

        func run() throws {
            let database = try ResolvedConfiguration(options).openDatabase()
            let record = try database.writeNow { db in try APIKeyStore.revoke(db, id: id) }
            print("revoked \(record.id) (\(record.name))")
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the live database to FILE (online, consistent).")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Destination file.") var to: String

    func run() throws {
        // Never overwrites: a backup that replaced the last good one would be no backup.
        guard !FileManager.default.fileExists(atPath: to) else {
            throw ValidationError("\(to) already exists; backup never overwrites a file")
        }
        let database = try ResolvedConfiguration(options).openDatabase()
        guard let sqlite = database as? SalesDatabase else {
            // docs/deployment.md "Backups": PostgreSQL has its own, better tools.
            throw ValidationError("backup copies a SQLite database; for PostgreSQL use pg_dump (a logical copy) or pg_basebackup (a physical one, for a replica or point-in-time recovery)")
        }
        try sqlite.backup(to: to)
        print("backed up to \(to)")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Integrity check plus the invariants of docs/api.md §4; exits non-zero on a breach.")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try ResolvedConfiguration(options).openDatabase()
        let breaches = try database.readNow { db in try IntegrityCheck.run(db) }
        if breaches.isEmpty {
            print("ok")
            return
        }
        for breach in breaches { print("BREACH: \(breach)") }
        throw ExitCode(1)
    }
}

struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a whole SQLite database into an empty PostgreSQL one, then check the copy (docs/api.md §0).")
    @Option(help: "The SQLite database file to copy.") var from: String
    @Option(help: "The PostgreSQL database to copy into: a postgres:// URL of an empty database.") var to: String

    func run() throws {
        guard case .sqlite(let path) = try DatabaseLocation.parse(from), FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("--from takes an existing SQLite database file")
        }
        guard case .postgres(let url) = try DatabaseLocation.parse(to) else {
            throw ValidationError("--to takes a postgres:// URL")
        }
        let source = try SalesDatabase(path: path)
        let target = try PostgresStorage(url: url)
        try target.migrate()
        let copied = try CopyToPostgres.run(from: source, to: target)
        for table in copied.tables { print("\(table.name): \(table.rows)") }
        let breaches = try target.readNow { db in try IntegrityCheck.run(db) }
        guard breaches.isEmpty else {
            for breach in breaches { print("BREACH: \(breach)") }
            throw ExitCode(1)
        }
        print("copied \(copied.tables.reduce(0) { $0 + $1.rows }) rows into \(DatabaseLocation.postgres(url: url).description); check: ok")
    }
}

/// Blocks until SIGTERM or SIGINT (docs/api.md §0: stop accepting, finish in flight, exit 0).
func waitForTerminationSignal() {
    let received = DispatchSemaphore(value: 0)
    var sources: [DispatchSourceSignal] = []
    for sig in [SIGTERM, SIGINT] {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler { received.signal() }
        source.resume()
        sources.append(source)
    }
    received.wait()
    sources.forEach { $0.cancel() }
}

SalesServerCommand.main()
