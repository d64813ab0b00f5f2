import Foundation
import Logging
import HTTPServer
import HTTPTestSupport
import SalesAPI
import SalesStore
import SalesCore
import Testing

/// A response with its JSON body decoded for assertions.
struct Reply: Sendable {
    let raw: RawResponse
    var status: Int { raw.status }
    var text: String { raw.bodyText }
    func header(_ name: String) -> String? { raw.headers[name.lowercased()] }

    /// The body as a JSON object. A JSON answer that is not one is a failed test, not `[:]`
    /// (issue 15 item 8: a failed decode must not pass a check for absent fields).
    var json: [String: Any] {
        if raw.body.isEmpty { return [:] }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(raw.body))
        } catch {
            // CSV and other text answers are read through `text`; a JSON answer must parse.
            if header("content-type")?.contains("json") == true || status >= 400 {
                Issue.record("not JSON (\(status)): \(error); \(text.prefix(300))")
            }
            return [:]
        }
        guard let object = parsed as? [String: Any] else {
            Issue.record("not a JSON object (\(status)): \(text.prefix(300))")
            return [:]
        }
        return object
    }

    subscript(key: String) -> Any? { json[key] }

    /// A list page's `data`. Only a 200 list answer has one: anything else is a failed test, so
    /// `data.isEmpty` cannot pass on an error answer.
    var data: [[String: Any]] {
        guard status == 200, let rows = json["data"] as? [[String: Any]] else {
            Issue.record("not a list page (\(status)): \(text.prefix(300))")
            return []
        }
        return rows
    }
    var errorFields: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    var errorCodes: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
    var code: String? { json["code"] as? String }
}

/// The store the API suites run on: a SQLite file in the test's temp directory, or — under `make
/// test-postgres`, which sets SALES_TEST_STORE=postgresql and SALES_TEST_POSTGRES — a new database
/// of the throwaway PostgreSQL cluster, copied from a migrated template (CREATE DATABASE …
/// TEMPLATE copies files: much faster than migrating each one).
enum TestStore {
    static let environment = ProcessInfo.processInfo.environment
    static let isPostgres = environment["SALES_TEST_STORE"] == "postgresql"
    static let isSQLite = !isPostgres

    /// The store of a test server whose files live in `directory` (a restart finds the same
    /// one), and on PostgreSQL its database's name.
    static func open(in directory: URL) throws -> (storage: any SalesStorage, postgresDatabase: String?) {
        guard isPostgres else {
            let database = try SalesDatabase(path: directory.appendingPathComponent("sales.sqlite").path, durability: .normal)
            try database.migrate()
            return (database, nil)
        }
        // The database's name is kept beside the test's files for a restart (`reopening:`).
        let remembered = directory.appendingPathComponent("postgres-database")
        let name: String
        if FileManager.default.fileExists(atPath: remembered.path) {
            name = try String(contentsOf: remembered, encoding: .utf8)
        } else {
            name = try PostgresTemplate.shared.copy()
            try name.write(to: remembered, atomically: true, encoding: .utf8)
        }
        // Tests run side by side, each with its own server: a few connections each keep the
        // cluster under its max_connections (scripts/pg-cluster.sh).
        return (try PostgresStorage(url: PostgresAdmin.url(of: name, on: PostgresTemplate.shared.cluster), connections: 4), name)
    }
}

/// Removes a test's temporary files. A failure is recorded rather than swallowed.
func removeTemporaryFiles(at url: URL) {
    do {
        try FileManager.default.removeItem(at: url)
    } catch {
        Issue.record("could not remove \(url.path): \(error)")
    }
}

/// The migrated template database the PostgreSQL runs copy, made once per test process.
final class PostgresTemplate: Sendable {
    static let shared = PostgresTemplate()
    let cluster: String
    let template: String
    /// Why the template could not be made, or nil.
    private let failure: String?

    private init() {
        cluster = TestStore.environment["SALES_TEST_POSTGRES"] ?? ""
        template = "sales_template_\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try PostgresAdmin.run(url: cluster, "CREATE DATABASE \(template)")
            let store = try PostgresStorage(url: PostgresAdmin.url(of: template, on: cluster))
            try store.migrate()
            try store.close()
            failure = nil
        } catch {
            failure = "cannot make the PostgreSQL template database: \(error)"
        }
    }

    /// A migrated database of its own; its name.
    func copy() throws -> String {
        if let failure { throw ClientError(description: failure) }
        return try PostgresAdmin.createDatabase(on: cluster, template: template).name
    }

    /// A new database with nothing in it (the first server to start migrates it); its URL.
    func emptyDatabase() throws -> String {
        try PostgresAdmin.createDatabase(on: cluster).url
    }
}

/// The real server on port 0 over its own store (TestStore: a SQLite file in a temp directory,
/// or a PostgreSQL database), with an admin key.
final class TestServer: @unchecked Sendable {
    let server: HTTPServer
    let app: APIContext
    let adminKey: String
    let directory: URL
    var port: Int { server.port }

    let webhooks: Task<Void, Never>
    /// The store behind `app`.
    let database: any SalesStorage
    /// On PostgreSQL, the name of this server's database in the test cluster.
    let postgresDatabase: String?
    /// The SQLite database behind `app`, for tests that look at SQLite itself (those run on
    /// SQLite only: `.enabled(if: TestStore.isSQLite)`).
    var sqlite: SalesDatabase {
        get throws {
            guard let sqlite = database as? SalesDatabase else { throw ClientError(description: "this test reads SQLite directly") }
            return sqlite
        }
    }

    /// `reopening` starts a server on the database of an earlier one (a restart), with its admin key.
    init(_ configure: (inout SalesAPIConfiguration) -> Void = { _ in }, logger: Logger = TestServer.quietLogger,
         reopening earlier: (directory: URL, adminKey: String)? = nil) throws {
        directory = earlier?.directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("sales-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (database, postgresDatabase) = try TestStore.open(in: directory)
        self.postgresDatabase = postgresDatabase
        if let earlier {
            adminKey = earlier.adminKey
        } else {
            guard case .created(_, let secret) = try Bootstrap.ensureAdminKey(database, bootstrapSecret: nil) else {
                throw ClientError(description: "no admin key created")
            }
            adminKey = secret
        }
        var configuration = SalesAPIConfiguration()
        configure(&configuration)
        self.database = database
        app = APIContext(database: database, configuration: configuration, logger: logger)
        var http = HTTPServerConfiguration()
        http.port = 0
        http.eventLoopCount = 2
        server = HTTPServer(configuration: http, responder: APIResponder(context: app))
        let server = self.server
        app.reportConnections { [weak server] in server?.openConnections ?? 0 }
        try server.start()
        webhooks = app.startWebhookDelivery()
    }

    /// Request lines at info would fill CI logs with thousands of lines; errors still show.
    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    var databasePath: String { directory.appendingPathComponent("sales.sqlite").path }

    /// Stops the server; `keepFiles` leaves the database for a restart (`reopening:`).
    func stop(keepFiles: Bool = false) async {
        webhooks.cancel()
        await server.shutdownGracefully()
        // As `serve` does: the worker has ended before the store is left to a restart.
        await webhooks.value
        guard !keepFiles else { return }
        if let postgresDatabase {
            // The cluster is thrown away after the run; its disk is not kept meanwhile.
            do {
                try database.close()
                try PostgresAdmin.dropDatabase(postgresDatabase, on: PostgresTemplate.shared.cluster)
            } catch {
                Issue.record("could not drop the test's PostgreSQL database: \(error)")
            }
        }
        removeTemporaryFiles(at: directory)
    }

    /// One request on a fresh connection. `key: nil` sends no Authorization header.
    func call(_ method: String, _ path: String, _ body: String? = nil, key: String? = "admin",
              headers: [String] = [], contentType: String? = "application/json") async throws -> Reply {
        let port = self.port
        var all = headers
        if let key { all.append("Authorization: Bearer \(key == "admin" ? adminKey : key)") }
        if body != nil, let contentType { all.append("Content-Type: \(contentType)") }
        let finalHeaders = all
        let raw = try await offPool { try RawClient(port: port).request(method, path, headers: finalHeaders, body: body) }
        return Reply(raw: raw)
    }

    /// Sends every request at once, each on its own connection and thread, with the admin key;
    /// the status of each, in request order. The race tests' one way to race (issue 10 item 2).
    func race(_ requests: [(method: String, path: String, body: String?, headers: [String])]) async throws -> [Int] {
        try await raceReplies(requests).map(\.status)
    }

    /// `race`, answering the whole replies (headers and bodies), in request order.
    func raceReplies(_ requests: [(method: String, path: String, body: String?, headers: [String])]) async throws -> [Reply] {
        try await withThrowingTaskGroup(of: (Int, Reply).self) { group in
            for (i, r) in requests.enumerated() {
                group.addTask { (i, try await self.call(r.method, r.path, r.body, headers: r.headers)) }
            }
            var replies: [Reply?] = Array(repeating: nil, count: requests.count)
            for try await (i, reply) in group { replies[i] = reply }
            return replies.compactMap { $0 }
        }
    }

    /// `race` of requests without extra headers.
    func race(_ requests: [(method: String, path: String, body: String?)]) async throws -> [Int] {
        try await race(requests.map { ($0.method, $0.path, $0.body, []) })
    }

    /// Creates a key with `role` through the API and returns its secret.
    func key(role: String, salesRepId: Int? = nil) async throws -> String {
        let rep = salesRepId.map { ",\"sales_rep_id\":\($0)" } ?? ""
        let reply = try await call("POST", "/v1/api-keys", #"{"name":"\#(role) key","role":"\#(role)"\#(rep)}"#)
        guard reply.status == 201, let secret = reply["key"] as? String else {
            throw ClientError(description: "key creation failed: \(reply.status) \(reply.text)")
        }
        return secret
    }
}

/// The UTC calendar day of a timestamp the server answered, `plusDays` later: tests take "today"
/// from the server's own answers, never from a clock read beside them (a run across UTC midnight
/// would disagree with itself).
func day(of timestamp: Any?, plusDays days: Int = 0) -> String {
    guard let text = timestamp as? String, let ms = Timestamp.epochMilliseconds(text) else {
        Issue.record("not a stored timestamp: \(String(describing: timestamp))")
        return "?"
    }
    return String(Timestamp.format(seconds: Int(ms / 1000) + days * 86_400).prefix(10))
}

/// Runs `body` against a fresh server and always stops it.
func withAPI(_ configure: (inout SalesAPIConfiguration) -> Void = { _ in }, _ body: (TestServer) async throws -> Void) async throws {
    let server = try TestServer(configure)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
