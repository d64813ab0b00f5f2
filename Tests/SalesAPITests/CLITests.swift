import Foundation
import GRDB
import Testing
import HTTPTestSupport
import SalesAPI

/// The `sales-server` executable's commands (docs/api.md §0), run as a separate process.
@Suite struct CommandLine {
    /// The sales-server built beside this test runner (any --scratch-path, e.g. `make sanitize`'s),
    /// else the default build folder's.
    static let binary: String = {
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let sibling = runner.appendingPathComponent("sales-server").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/sales-server").path
    }()

    struct Result { var status: Int32; var output: String }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let child = try ChildProcess(Self.binary, arguments, environment: env)
        let output = child.readToEnd()
        return Result(status: child.wait() ?? -1, output: output)
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sales-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Issue 18 item 1: `--db` is a SQLite file path or a postgres:// URL, never a guess. A URL used
    /// to become a local folder named `postgres:`; an unknown scheme is refused, and a server that
    /// cannot be reached is named in one line — host, port, database, never the password — with a
    /// non-zero exit.
    @Test func aDatabaseURLIsNeverTakenForAFilePath() throws {
        let stray = FileManager.default.currentDirectoryPath + "/postgres:"
        let mysql = try run(["migrate", "--db", "mysql://sales:pw@127.0.0.1/sales"])
        #expect(mysql.status == 64 && mysql.output.hasPrefix(
            "Error: --db takes a SQLite file path or a postgres:// URL; mysql:// is not a database this server knows\n"), "\(mysql)")
        let unreachable = try run(["check", "--db", "postgres://sales:s3cret-pw@127.0.0.1:1/salesdb"])
        #expect(unreachable.status == 1, "\(unreachable)")
        #expect(unreachable.output.hasPrefix("Error: cannot reach PostgreSQL at 127.0.0.1:1, database salesdb: "), "\(unreachable)")
        #expect(unreachable.output.split(separator: "\n").count == 1, "\(unreachable)")
        #expect(!unreachable.output.contains("s3cret-pw"))
        let fromEnvironment = try run(["migrate"], environment: ["SALES_DB": "postgresql://127.0.0.1:1/other"])
        #expect(fromEnvironment.output.hasPrefix("Error: cannot reach PostgreSQL at 127.0.0.1:1, database other: "), "\(fromEnvironment)")
        #expect(!FileManager.default.fileExists(atPath: stray))
    }

    @Test func migrateKeysBackupAndCheck() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The database folder is created on demand, from any working directory.
        let db = dir.appendingPathComponent("nested/sales.sqlite").path

        let migrate = try run(["migrate", "--db", db])
        #expect(migrate.status == 0)
        #expect(migrate.output.contains("applied: 0001_foundation"))
        #expect(try run(["migrate", "--db", db]).output.contains("up to date"))

        let created = try run(["keys", "create", "--db", db, "--name", "pos terminal", "--role", "sales"])
        #expect(created.status == 0)
        let secret = try #require(created.output.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(secret.hasPrefix("sk_"))
        let list = try run(["keys", "list", "--db", db])
        #expect(list.output.contains("sales"))
        #expect(list.output.contains("pos terminal"))
        #expect(!list.output.contains(secret))
        let king = try run(["keys", "create", "--db", db, "--name", "x", "--role", "king"])
        #expect(king.status == 64 && king.output.hasPrefix("Error: role must be one of admin, sales, warehouse, accounting, readonly\n"), "\(king)")
        let revoked = try run(["keys", "revoke", "--db", db, "1"])
        #expect(revoked.status == 0)
        #expect(try run(["keys", "list", "--db", db]).output.contains("revoked"))

        let backup = dir.appendingPathComponent("backup.sqlite").path
        #expect(try run(["backup", "--db", db, "--to", backup]).status == 0)
        #expect(try run(["check", "--db", backup]).output.contains("ok"))
        // Never overwrites an existing file.
        let again = try run(["backup", "--db", db, "--to", backup])
        #expect(again.status == 64 && again.output.hasPrefix("Error: \(backup) already exists; backup never overwrites a file\n"), "\(again)")

        let clean = try run(["check", "--db", db])
        #expect(clean.status == 0)
        #expect(clean.output == "ok\n")
        // Corrupt a row behind the server's back: check reports it and exits non-zero.
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO products (sku, name, unit_price, on_hand, created_at, updated_at) VALUES ('X', 'X', 1, 7000, 'now', 'now')")
        }
        try queue.close()
        let broken = try run(["check", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.output.contains("BREACH: product 1: on_hand 7000 (thousandths), reserved 0, Σ movements 0"))
    }

    @Test func serveRefusesBadConfiguration() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        // A usage error: exit status 64 (EX_USAGE) and the reason, never a crash (a signal) or a start.
        let refusals: [([String], [String: String], String)] = [
            (["--durability", "maybe"], [:], "durability must be full or normal"),
            (["--currency", "usd"], [:], "currency must be an ISO 4217 code in upper case"),
            (["--port", "70000"], [:], "port must be 0...65535"),
            (["--write-batch", "0"], [:], "write-batch must be 1...10000"),
            (["--max-connections", "0"], [:], "max-connections must be 1...1000000"),
            ([], ["SALES_MAX_CONNECTIONS": "lots"], "max-connections must be 1...1000000"),
            ([], ["SALES_WRITE_BATCH": "many"], "write-batch must be 1...10000"),
            ([], ["SALES_RATE_LIMIT": "-1"], "rate-limit must be a number ≥ 0"),
        ]
        for (flags, environment, reason) in refusals {
            let result = try run(["serve", "--db", db] + flags, environment: environment)
            #expect(result.status == 64 && result.output.hasPrefix("Error: \(reason)\n"), "\(flags) \(environment): \(result)")
        }
    }

    /// Issue 15 item 6: `--version`, and each command's help lists its own options (and `--db`),
    /// not every flag of `serve`.
    @Test func versionAndPerCommandHelp() throws {
        let version = try run(["--version"])
        #expect(version.status == 0 && version.output == "\(ServerVersion.current)\n")
        func options(_ help: String) -> [String] {
            help.split(separator: "\n").compactMap { line in
                let words = line.split(separator: " ")
                guard let first = words.first, first.hasPrefix("--") else { return nil }
                return String(first)
            }
        }
        let expected: [[String]: [String]] = [
            ["keys", "create"]: ["--db", "--name", "--role", "--sales-rep-id", "--version"],
            ["keys", "list"]: ["--db", "--version"], ["keys", "revoke"]: ["--db", "--version"],
            ["migrate"]: ["--db", "--version"], ["backup"]: ["--db", "--to", "--version"], ["check"]: ["--db", "--version"],
        ]
        for (command, flags) in expected {
            let help = try run(command + ["--help"])
            #expect(help.status == 0)
            #expect(options(help.output) == flags, "\(command): \(help.output)")
        }
        let serve = try run(["serve", "--help"])
        #expect(options(serve.output) == ["--host", "--port", "--db", "--currency", "--log-level", "--rate-limit", "--cors-origins",
                                          "--durability", "--max-connections", "--write-batch", "--webhook-allow-private", "--version"])
    }

    /// `serve` on an empty database prints the address and a first admin key that works, holds
    /// to `--max-connections`, and SIGTERM stops it with exit status 0 (docs/api.md §0, §2).
    @Test func servePrintsAWorkingKeyAndStopsOnSIGTERM() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let child = try ChildProcess(Self.binary, ["serve", "--port", "0", "--db", dir.appendingPathComponent("s.sqlite").path,
                                                   "--log-level", "warning", "--max-connections", "2"])
        // Whatever fails in between, the child is stopped and reaped below.
        do {
            var output = ""
            let deadline = Date().addingTimeInterval(TestTiming.scaled(10))
            while !output.contains("curl -H") && Date() < deadline {
                let chunk = child.output.availableData
                if chunk.isEmpty { break }
                output += String(decoding: chunk, as: UTF8.self)
            }
            let port = try #require(output.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
            let key = try #require(output.firstMatch(of: /(sk_[0-9a-f]{40})/).map { String($0.1) })
            let (customers, health, refused) = try await offPool {
                let first = try RawClient(port: port), second = try RawClient(port: port)
                let customers = try first.request("GET", "/v1/customers", headers: ["Authorization: Bearer \(key)"]).status
                let health = try second.request("GET", "/healthz").status
                // Both connections stay open: a third is past the limit.
                return (customers, health, try RawClient(port: port).readResponse().status)
            }
            #expect(customers == 200)
            #expect(health == 200)
            #expect(refused == 503, "the third connection is past --max-connections 2")
        } catch let error where !(error is ExpectationFailedError) {
            Issue.record(error)
        } catch {}
        child.terminate()
        // Read to the end before waiting: a child blocked writing to a full pipe never exits.
        let rest = child.readToEnd()
        #expect(child.wait() == 0, "SIGTERM ends serve with exit status 0; it wrote: \(rest.prefix(4000))")
    }
}
