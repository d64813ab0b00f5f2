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
        #expect(byId["log-3"]?["route"] == "/v1/customers")
        #expect(byId["log-3"]?["key_id"] == "-")
        #expect(lines.allSatisfy { Double($0.metadata["duration_ms"] ?? "") != nil })
        // No secret ever reaches a log line.
        let everything = sink.records.withLock { $0 }.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!everything.contains(server.adminKey))
    }

    /// Issue 15 item 5: every answer of a matched route — errors included — is logged and counted
    /// under its route template and key; "unmatched" is only a path no route has.
    @Test func errorAnswersNameTheirRouteAndKey() async throws {
        let sink = CapturedLogs()
        let server = try TestServer({ _ in }, logger: Logger(label: "test") { _ in CapturingHandler(sink: sink) })
        let customer = try #require(try await server.call("POST", "/v1/customers", #"{"name":"Routed"}"#)["id"] as? Int)
        let rep = try #require(try await server.call("POST", "/v1/sales-reps", #"{"name":"Rita"}"#)["id"] as? Int)
        let readonly = try await server.key(role: "readonly")
        let product = try #require(try await server.call("POST", "/v1/products", #"{"sku":"R-1","name":"R","unit_price":100,"type":"service"}"#)["id"] as? Int)
        let order = #"{"customer_id":\#(customer),"external_ref":"web-1","lines":[{"product_id":\#(product),"quantity":1}]}"#
        #expect(try await server.call("POST", "/v1/orders", order).status == 201)
        let expected: [(id: String, status: Int, route: String, key: String)] = [
            ("e-412", 412, "/v1/customers/{id}", "1"), ("e-409", 409, "/v1/orders", "1"), ("e-422", 422, "/v1/customers", "1"),
            ("e-403", 403, "/v1/sales-reps/{id}/clock-in", "2"), ("e-405", 405, "/v1/customers/{id}", "-"),
            ("e-400", 400, "/v1/customers", "1"), ("e-404", 404, "unmatched", "-"),
        ]
        let answers = [
            try await server.call("PATCH", "/v1/customers/\(customer)", #"{"phone":"1"}"#, headers: ["If-Match: \"7\"", "X-Request-Id: e-412"]),
            try await server.call("POST", "/v1/orders", order, headers: ["X-Request-Id: e-409"]),
            try await server.call("POST", "/v1/customers", #"{"name":""}"#, headers: ["X-Request-Id: e-422"]),
            try await server.call("POST", "/v1/sales-reps/\(rep)/clock-in", "{}", key: readonly, headers: ["X-Request-Id: e-403"]),
            try await server.call("PUT", "/v1/customers/\(customer)", "{}", headers: ["X-Request-Id: e-405"]),
            try await server.call("GET", "/v1/customers?colour=red", headers: ["X-Request-Id: e-400"]),
            try await server.call("GET", "/v1/no-such-thing", headers: ["X-Request-Id: e-404"]),
        ]
        #expect(answers.map(\.status) == expected.map(\.status), "\(answers.map(\.text))")
        let metrics = try await server.call("GET", "/metrics", key: nil).text
        await server.stop()
        let lines = Dictionary(sink.records.withLock { $0 }.filter { $0.message == "request" }.map { ($0.metadata["request_id"] ?? "", $0.metadata) },
                               uniquingKeysWith: { a, _ in a })
        for e in expected {
            #expect(lines[e.id]?["route"] == e.route, "\(e.id)")
            #expect(lines[e.id]?["status"] == String(e.status), "\(e.id)")
            #expect(lines[e.id]?["key_id"] == e.key, "\(e.id)")
        }
        for (method, e) in zip(["PATCH", "POST", "POST", "POST", "PUT", "GET", "GET"], expected) {
            #expect(metrics.contains(#"sales_http_requests_total{method="\#(method)",route="\#(e.route)",status="\#(e.status)"} 1"#), "\(e.id)")
        }
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
