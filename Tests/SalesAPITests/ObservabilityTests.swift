import Locking
import Foundation
import Logging
import Testing
@testable import SalesAPI

/// Collects log records so a test can read them.
final class CapturedLogs: Sendable {
    let records = Locked<[(level: Logger.Level, message: String, metadata: [String: String])]>([])
}

struct CapturingHandler: LogHandler {
    let sink: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let flat = (metadata ?? [:]).mapValues { "\($0)" }
        sink.records.withLock { $0.append((level, message.description, flat)) }
    }
}

@Suite struct Observability {
    /// Issue 3 item 7: one structured line per request with method, route template, status,
    /// duration, request id and key id.
    @Test func oneLogLinePerRequest() async throws {
        let sink = CapturedLogs()
        let server = try TestServer({ _ in }, logger: Logger(label: "test") { _ in CapturingHandler(sink: sink) })
        let created = try await server.call("POST", "/v1/customers", #"{"name":"Logged"}"#, headers: ["X-Request-Id: log-1"])
        let id = try #require(created["id"] as? Int)
        _ = try await server.call("GET", "/v1/customers/\(id)", headers: ["X-Request-Id: log-2"])
        _ = try await server.call("GET", "/v1/customers", key: nil, headers: ["X-Request-Id: log-3"])
        await server.stop()
        let lines = sink.records.withLock { $0 }.filter { $0.message == "request" }
        #expect(lines.count == 3)
        let byId = Dictionary(uniqueKeysWithValues: lines.map { ($0.metadata["request_id"] ?? "", $0.metadata) })
        #expect(byId["log-1"]?["method"] == "POST")
        #expect(byId["log-1"]?["route"] == "/v1/customers")
        #expect(byId["log-1"]?["status"] == "201")
        #expect(byId["log-1"]?["key_id"] == "1")
        #expect(byId["log-2"]?["route"] == "/v1/customers/{id}")
        #expect(byId["log-3"]?["status"] == "401")
        #expect(byId["log-3"]?["key_id"] == "-")
        #expect(lines.allSatisfy { Double($0.metadata["duration_ms"] ?? "") != nil })
        // No secret ever reaches a log line.
        let everything = sink.records.withLock { $0 }.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!everything.contains(server.adminKey))
    }

    @Test func aRunningDuplicateGets409InProgress() async throws {
        try await withAPI { api in
            let body = #"{"name":"Held"}"#
            // Hold the claim as a request still running would.
            var http = HTTPRequestForTest.make("POST", "/v1/customers", body)
            http.headers.add(name: "Content-Type", value: "application/json")
            let claim = IdempotencyClaim(apiKeyId: 1, key: "held", fingerprint: IdempotencyClaim.fingerprint(http))
            #expect(api.app.claims.claim(claim))
            let busy = try await api.call("POST", "/v1/customers", body, headers: ["Idempotency-Key: held"])
            #expect(busy.status == 409)
            #expect(busy.code == "idempotency_in_progress")
            api.app.claims.release(claim)
            let done = try await api.call("POST", "/v1/customers", body, headers: ["Idempotency-Key: held"])
            #expect(done.status == 201)
        }
    }
}

import HTTPServer
enum HTTPRequestForTest {
    static func make(_ method: String, _ target: String, _ body: String) -> HTTPRequest {
        HTTPRequest(method: HTTPMethod(rawValue: method)!, target: target, body: Array(body.utf8))
    }
}
