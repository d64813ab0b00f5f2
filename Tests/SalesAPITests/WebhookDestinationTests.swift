import Foundation
import Testing
import Locking
@testable import SalesAPI

/// Issue 16 finding 6, docs/api.md §3 "Events and webhooks": where a webhook may go.
@Suite struct WebhookDestinations {
    @Test func privateAndOddDestinationsAreRefusedAtRegistration() async throws {
        try await withAPI { api in
            let refused = ["http://169.254.169.254/latest/meta-data", "http://127.0.0.1:9/", "http://0x7f000001/", "http://[::1]/",
                           "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.10/", "http://[::ffff:127.0.0.1]/",
                           "http://0.0.0.0/", "https://100.64.0.1/", "http://[fe80::1]/"]
            for url in refused {
                let reply = try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"\#(url)"}"#)
                #expect(reply.status == 422 && reply.errorCodes == ["destination_not_allowed"], "\(url): \(reply.text)")
            }
            for url in ["http://user:pw@hooks.invalid/x", "http://user@hooks.invalid/x", "ftp://hooks.invalid/x", "hooks.invalid/x"] {
                let reply = try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"\#(url)"}"#)
                #expect(reply.status == 422 && reply.errorCodes == ["invalid_url"], "\(url): \(reply.text)")
            }
            // A public literal address, and a host that does not resolve now (judged at every attempt).
            #expect(try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"https://93.184.215.14/hook"}"#).status == 201)
            let later = try #require(try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"http://hooks.invalid/x"}"#)["id"] as? Int)
            // PATCH is held to the same rule.
            #expect(try await api.call("PATCH", "/v1/webhook-endpoints/\(later)", #"{"url":"http://127.0.0.1/"}"#).errorCodes == ["destination_not_allowed"])
        }
    }

    /// A registration whose DNS does not answer holds neither the writer nor the node: its host is
    /// resolved once, off Swift's cooperative threads, before the write transaction. Four such
    /// requests (more than this machine's cores, which is how many cooperative threads there are)
    /// wait in the resolver while a customer is created; the lookups are still waiting after it.
    @Test func aResolverThatDoesNotAnswerHoldsNothingElse() async throws {
        let waiting = Locked(0), calls = Locked(0), answer = Locked(false)
        let slowHost = "hooks-\(UInt32.random(in: 0 ... .max)).stalled.test"
        let previous = WebhookDestination.resolver.withLock { $0 }
        WebhookDestination.resolver.withLock { resolve in
            resolve = { host in
                guard host == slowHost else { return previous(host) }
                calls.withLock { $0 += 1 }
                waiting.withLock { $0 += 1 }
                defer { waiting.withLock { $0 -= 1 } }
                let deadline = ContinuousClock.now + .seconds(20)   // bounded: a failing test ends
                while !answer.withLock({ $0 }) && ContinuousClock.now < deadline { usleep(2_000) }
                return [[93, 184, 215, 14]]
            }
        }
        defer { WebhookDestination.resolver.withLock { $0 = previous } }
        try await withAPI { api in
            // Subscribed to an event this test never causes: the customer it creates must not send
            // the worker to the stalled host, whose lookups this test counts.
            let quiet = #""events":["payment.voided"]"#
            let id = try #require(try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"https://93.184.215.14/hook",\#(quiet)}"#)["id"] as? Int)
            let stalled = (0..<4).map { n in
                Task {
                    n == 0 ? try await api.call("PATCH", "/v1/webhook-endpoints/\(id)", #"{"url":"https://\#(slowHost)/x"}"#).status
                           : try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"https://\#(slowHost)/\#(n)",\#(quiet)}"#).status
                }
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while waiting.withLock({ $0 }) < 4 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            #expect(waiting.withLock { $0 } == 4, "all four lookups start at once")
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"Served meanwhile"}"#).status == 201)
            #expect(waiting.withLock { $0 } == 4, "the customer was created while the lookups still waited")
            answer.withLock { $0 = true }
            var statuses: [Int] = []
            for request in stalled { statuses.append(try await request.value) }
            #expect(statuses == [200, 201, 201, 201])
            #expect(calls.withLock { $0 } == 4, "one lookup per request: none inside the transaction")
        }
    }

    @Test func addressesAreJudgedByTheirRanges() {
        let publicOnes: [[UInt8]] = [[93, 184, 215, 14], [8, 8, 8, 8], [172, 32, 0, 1], [100, 128, 0, 1],
                                     [0x26, 0x06, 0x47, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x68, 0x10, 0x84, 0x43]]
        let privateOnes: [[UInt8]] = [[127, 0, 0, 1], [10, 0, 0, 1], [172, 16, 0, 1], [172, 31, 255, 255], [192, 168, 1, 1], [169, 254, 169, 254],
                                      [100, 64, 0, 1], [0, 0, 0, 0], [224, 0, 0, 1], [255, 255, 255, 255], [198, 18, 0, 1],
                                      Array(repeating: 0, count: 15) + [1], Array(repeating: 0, count: 16),
                                      [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [0xfe, 0x80] + Array(repeating: 0, count: 13) + [1],
                                      Array(repeating: 0, count: 10) + [0xff, 0xff, 10, 0, 0, 1], [0xff, 0x02] + Array(repeating: 0, count: 13) + [1]]
        for a in publicOnes { #expect(WebhookDestination.isPublic(a), "\(a)") }
        for a in privateOnes { #expect(!WebhookDestination.isPublic(a), "\(a)") }
    }

    /// Redirects are not followed: a 307 is a failed attempt, retried; the target gets nothing.
    @Test func aRedirectIsAFailedAttemptNotFollowed() async throws {
        let target = try Receiver()
        let redirector = try Receiver(status: { $0 == 1 ? 307 : 200 }, location: target.url)
        try await withAPI(Webhooks.fast) { api in
            let reply = try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"\#(redirector.url)","events":["customer.created"]}"#)
            let id = try #require(reply["id"] as? Int, "\(reply.text)")
            _ = try await api.customer()
            try await Webhooks().eventually("the retry delivered") {
                try await api.call("GET", "/v1/webhook-endpoints/\(id)/deliveries").data.first?["status"] as? String == "delivered"
            }
            let delivery = try #require(try await api.call("GET", "/v1/webhook-endpoints/\(id)/deliveries").data.first)
            let attempts = (delivery["attempts"] as? [[String: Any]] ?? []).map { "\($0["status_code"] as? Int ?? 0) \($0["error"] as? String ?? "-")" }
            #expect(attempts == ["307 HTTP 307: redirects are not followed", "200 -"])
            #expect(target.received.isEmpty)
            #expect(redirector.received.map(\.body).allSatisfy { !$0.isEmpty })
        }
        await target.stop()
        await redirector.stop()
    }

    /// Judged again before every attempt: an endpoint registered while private destinations were
    /// allowed is refused once they are not; failures say what failed, never socket details.
    @Test func theDestinationIsJudgedAgainAtDelivery() async throws {
        let receiver = try Receiver()
        let first = try TestServer({ Webhooks.fast(&$0) })
        let hook = try #require(try await first.call("POST", "/v1/webhook-endpoints", #"{"url":"\#(receiver.url)","events":["customer.created"]}"#)["id"] as? Int)
        let dead = try #require(try await first.call("POST", "/v1/webhook-endpoints", #"{"url":"http://hooks.invalid/x","events":["customer.created"]}"#)["id"] as? Int)
        await first.stop(keepFiles: true)
        let second = try TestServer({ Webhooks.fast(&$0); $0.webhookAllowPrivate = false }, reopening: (first.directory, first.adminKey))
        _ = try await second.customer()
        func firstError(_ endpoint: Int) async throws -> String? {
            let delivery = try await second.call("GET", "/v1/webhook-endpoints/\(endpoint)/deliveries").data.first
            return (delivery?["attempts"] as? [[String: Any]])?.first?["error"] as? String
        }
        try await Webhooks().eventually("both endpoints tried") {
            let a = try await firstError(hook), b = try await firstError(dead)
            return a != nil && b != nil
        }
        #expect(try await firstError(hook)?.hasPrefix("destination not allowed: url's host resolves to a loopback, private") == true)
        #expect(try await firstError(dead) == "the host was not found")
        #expect(receiver.received.isEmpty)
        await second.stop()
        await receiver.stop()
    }
}
