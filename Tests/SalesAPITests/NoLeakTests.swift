import Foundation
import Logging
import Testing
import HTTPTestSupport
@testable import SalesAPI

/// Issue 10 item 5: no secret, SQL text or file path in any error body or log line. A server
/// logging at trace level is driven through every kind of failure (authentication, validation,
/// conflicts, unknown routes, a failing write that is a bug → 500, storage gone → 503); then every
/// answer and every log record is searched for what must never be in them.
@Suite struct NoLeaks {
    @Test func errorBodiesAndLogLinesHoldNoSecretSQLOrPath() async throws {
        let sink = CapturedLogs()
        let api = try TestServer({ _ in }, logger: Logger(label: "test") { _ in CapturingHandler(sink: sink) })
        var answers: [Reply] = []
        func call(_ method: String, _ path: String, _ body: String? = nil, key: String? = "admin",
                  headers: [String] = []) async throws -> Reply {
            let reply = try await api.call(method, path, body, key: key, headers: headers)
            answers.append(reply)
            return reply
        }

        let clerk = try await api.key(role: "warehouse")
        let readonly = try await api.key(role: "readonly")
        let email = "private.person@example.com"
        let customer = try #require(try await call("POST", "/v1/customers", #"{"name":"Private Person","email":"\#(email)"}"#)["id"] as? Int)
        let hook = try await call("POST", "/v1/webhook-endpoints", #"{"url":"http://hooks.invalid/hook"}"#)
        let hookSecret = try #require(hook["secret"] as? String)

        // Authentication and authorization.
        _ = try await call("GET", "/v1/customers", key: nil)
        _ = try await call("GET", "/v1/customers", key: String(api.adminKey.dropLast()) + "x")
        _ = try await call("GET", "/v1/customers", key: "sk_not_a_key")
        _ = try await call("GET", "/v1/customers", key: nil, headers: ["Authorization: Basic \(Data("a:\(api.adminKey)".utf8).base64EncodedString())"])
        _ = try await call("POST", "/v1/api-keys", #"{"name":"x","role":"admin"}"#, key: clerk)
        _ = try await call("DELETE", "/v1/customers/\(customer)", key: readonly)
        // Bad input of every shape.
        _ = try await call("POST", "/v1/customers", #"{"name":"#)
        _ = try await call("POST", "/v1/customers", #"{"name":"A","email":"not-an-email","unknown":1}"#)
        _ = try await call("POST", "/v1/orders", #"{"customer_id":999999,"lines":[{"product_id":"x","quantity":-1}]}"#)
        _ = try await call("GET", "/v1/orders?limit=abc&status=nope&cursor=%00garbage")
        _ = try await call("GET", "/v1/orders?created_at[gte]=yesterday")
        _ = try await call("PATCH", "/v1/customers/\(customer)", #"{"email":"\#(email)","version":1}"#, headers: ["If-Match: \"999\""])
        _ = try await call("POST", "/v1/webhook-endpoints", #"{"url":"file:///etc/passwd"}"#)
        _ = try await call("GET", "/v1/customers/999999")
        _ = try await call("GET", "/v1/nothing/here")
        _ = try await call("PUT", "/v1/customers")
        _ = try await call("POST", "/v1/customers", String(repeating: "x", count: 2_000_000))

        // A write that fails in a way no rule expects is a bug: 500, with nothing of the statement.
        try await api.inject(.refusingCustomers)
        let failing = try await call("POST", "/v1/customers", #"{"name":"Another Private","email":"another.private@example.com"}"#)
        #expect(failing.status == 500)
        #expect(failing.code == "internal")
        try await api.clear(.refusingCustomers)
        // Storage gone: 503.
        try await api.inject(.readOnly)
        #expect(try await call("POST", "/v1/customers", #"{"name":"Third"}"#).status == 503)
        try await api.clear(.readOnly)

        let keyHashes = try await api.app.read { db in
            try db.fetchAll("SELECT key_hash FROM api_keys") { ($0["key_hash"] as [UInt8]).map { String(format: "%02x", $0) }.joined() }
        }
        let databasePath = api.databasePath
        let directory = api.directory.path
        await api.stop()

        let records = sink.records.withLock { $0 }
        let logText = records.map { "\($0.level) \($0.message) \($0.metadata)" }
        let bodies = answers.map { "\($0.status) \($0.raw.head)\n\($0.text)" }
        // The 500 was logged, with its request id and the store's error code, and nothing more.
        let internalLine = try #require(records.first { $0.message == "internal error" })
        let expected = TestStore.isPostgres ? "PostgreSQL error P0001: refused by test trigger"
                                            : "SQLite error 1811 (constraint failed): refused by test trigger"
        #expect(internalLine.metadata["error"] == expected, "\(internalLine.metadata)")

        let secrets = [api.adminKey, clerk, readonly, hookSecret] + keyHashes
        let sqlMarkers = ["INSERT INTO", "SELECT ", " FROM ", "UPDATE ", "WHERE ", "while executing", "with arguments", "sqlite_master"]
        let pathMarkers = [databasePath, directory, "/tmp/", ".sqlite", ".swift", "/work/", "/home/", "/root/"]
        let personal = [email, "another.private@example.com"]
        for (name, texts) in [("answer", bodies.filter { !$0.hasPrefix("201") && !$0.hasPrefix("200") }), ("log line", logText)] {
            for text in texts {
                for secret in secrets { #expect(!text.contains(secret), "a secret in a \(name): \(text.prefix(300))") }
                for marker in sqlMarkers { #expect(!text.contains(marker), "SQL (\(marker)) in a \(name): \(text.prefix(300))") }
                for marker in pathMarkers { #expect(!text.contains(marker), "a path (\(marker)) in a \(name): \(text.prefix(300))") }
            }
        }
        for text in logText {
            for value in personal { #expect(!text.contains(value), "a bound value in a log line: \(text.prefix(300))") }
        }
        // The battery did reach every class of failure.
        let statuses = Set(answers.map(\.status))
        #expect(statuses.isSuperset(of: [400, 401, 403, 404, 405, 413, 422, 500, 503]), "\(statuses.sorted())")
    }

    /// What `LogSafe` does to a message no request above produced: a file path in it.
    @Test func pathsInErrorMessagesAreRedacted() {
        #expect(LogSafe.redactingPaths("unable to open /var/lib/sales/sales.sqlite-wal: disk I/O error")
                == "unable to open <path>: disk I/O error")
        #expect(LogSafe.redactingPaths("cannot write (/tmp/x/backup.sqlite)") == "cannot write (<path>)")
        // URLs and bare slashes are not paths.
        #expect(LogSafe.redactingPaths("POST http://hooks.invalid/hook failed") == "POST http://hooks.invalid/hook failed")
        #expect(LogSafe.redactingPaths("50/50 and a/b") == "50/50 and a/b")
    }
}
