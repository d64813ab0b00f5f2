import ArgumentParser
import Foundation
import HTTPServer
import Logging
import SalesAPI
import SalesCore
import SalesStore

/// The one option every command shares: which database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file, created with its folder, or a postgres:// URL (env SALES_DB, default ./data/sales.sqlite).") var db: String?
}

/// Every setting of `serve` in one place (docs/api.md §0). Flags win over environment variables,
/// which win over defaults. The other commands take only `--db` (DatabaseOptions).
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (env SALES_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Port; 0 picks a free one (env SALES_PORT, default 8080).") var port: Int?
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The server's ISO 4217 currency (env SALES_CURRENCY, default USD).") var currency: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical (env SALES_LOG_LEVEL, default info).") var logLevel: String?
    @Option(name: .customLong("rate-limit"), help: "Requests per second per API key, 0 = off (env SALES_RATE_LIMIT, default 0).") var rateLimit: Double?
    @Option(name: .customLong("cors-origins"), help: "Comma-separated allowed origins, * for any (env SALES_CORS_ORIGINS, default none).") var corsOrigins: String?
    @Option(help: "full (a 2xx survives power loss) or normal (survives a crash) (env SALES_DURABILITY, default full).") var durability: String?
    @Option(name: .customLong("max-connections"), help: "Open connections beyond which new ones are answered 503 and closed (env SALES_MAX_CONNECTIONS, default 16384).") var maxConnections: Int?
    @Option(name: .customLong("write-batch"), help: "Most request writes committed together (group commit); 1 = one transaction and fsync each (env SALES_WRITE_BATCH, default 128).") var writeBatch: Int?
    @Flag(name: .customLong("webhook-allow-private"),
          help: "Let webhooks reach loopback, private and link-local addresses, e.g. a receiver on this machine (env SALES_WEBHOOK_ALLOW_PRIVATE=true).")
    var webhookAllowPrivate = false
}

struct ResolvedConfiguration {
    var host: String
    var port: Int
    var database: DatabaseLocation
    var durability: Durability
    var writeBatch: Int
    var maxConnections: Int
    var logLevel: Logger.Level
    var api: SalesAPIConfiguration
    var bootstrapKey: String?

    enum Env {
        static let host = "SALES_HOST", port = "SALES_PORT", db = "SALES_DB", currency = "SALES_CURRENCY"
        static let logLevel = "SALES_LOG_LEVEL", rateLimit = "SALES_RATE_LIMIT", cors = "SALES_CORS_ORIGINS"
        static let durability = "SALES_DURABILITY", bootstrapKey = "SALES_BOOTSTRAP_KEY", writeBatch = "SALES_WRITE_BATCH"
        static let maxConnections = "SALES_MAX_CONNECTIONS", webhookAllowPrivate = "SALES_WEBHOOK_ALLOW_PRIVATE"
    }

    /// The settings of a command that opens only the database: `--db`, the rest from the
    /// environment and the defaults.
    init(_ d: DatabaseOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(nil, db: d.db, environment: environment)
    }

    init(_ o: ServerOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(o, db: o.database.db, environment: environment)
    }

    private init(_ o: ServerOptions?, db: String?, environment: [String: String]) throws {
        host = o?.host ?? environment[Env.host] ?? "127.0.0.1"
        let port = o?.port ?? (environment[Env.port].map { Int($0) ?? -1 }) ?? 8080
        guard (0...65535).contains(port) else {
            throw ValidationError("port must be 0...65535")
        }
        self.port = port
        do {
            database = try DatabaseLocation.parse(db ?? environment[Env.db] ?? "./data/sales.sqlite")
        } catch let error as DatabaseLocationError {
            throw ValidationError(error.description)
        }
        guard let durability = Durability(rawValue: o?.durability ?? environment[Env.durability] ?? "full") else {
            throw ValidationError("durability must be full or normal")
        }
        self.durability = durability
        let writeBatch = o?.writeBatch ?? (environment[Env.writeBatch].map { Int($0) ?? 0 }) ?? SalesDatabase.defaultWriteBatch
        guard (1...10_000).contains(writeBatch) else {
            throw ValidationError("write-batch must be 1...10000")
        }
        self.writeBatch = writeBatch
        let maxConnections = o?.maxConnections ?? (environment[Env.maxConnections].map { Int($0) ?? 0 }) ?? HTTPServerConfiguration().maxConnections
        guard (1...1_000_000).contains(maxConnections) else {
            throw ValidationError("max-connections must be 1...1000000")
        }
        self.maxConnections = maxConnections
        guard let level = Logger.Level(rawValue: o?.logLevel ?? environment[Env.logLevel] ?? "info") else {
            throw ValidationError("unknown log level")
        }
        logLevel = level
        api = SalesAPIConfiguration()
        let currency = o?.currency ?? environment[Env.currency] ?? "USD"
        guard Currencies.isKnown(currency) else {
            throw ValidationError("currency must be an ISO 4217 code in upper case")
        }
        api.currency = currency
        let rate = o?.rateLimit ?? (environment[Env.rateLimit].map { Double($0) ?? -1 }) ?? 0
        guard rate >= 0 else {
            throw ValidationError("rate-limit must be a number ≥ 0")
        }
        api.rateLimit = rate
        api.corsOrigins = (o?.corsOrigins ?? environment[Env.cors] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        bootstrapKey = environment[Env.bootstrapKey]
        switch environment[Env.webhookAllowPrivate]?.lowercased() {
        case nil, "", "false", "0": api.webhookAllowPrivate = o?.webhookAllowPrivate ?? false
        case "true", "1": api.webhookAllowPrivate = true
        default: throw ValidationError("SALES_WEBHOOK_ALLOW_PRIVATE must be true or false")
        }
    }

    /// Opens (creating a SQLite file's folder) and migrates the database (SalesStore's openStorage).
    func openDatabase(migrating: Bool = true) throws -> any SalesStorage {
        try openStorage(database, durability: durability, writeBatch: writeBatch, migrating: migrating)
    }
}
