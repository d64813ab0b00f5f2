#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
import HTTPServer
import HTTPTestSupport

/// Streamed (chunked) response bodies, RFC 9112 §7.1: framing, back-pressure, HEAD, errors and
/// cancellation when the client goes away.
@Suite struct StreamedResponses {
    /// A producer of `count` chunks of `size` bytes that records how far it got and whether it
    /// was canceled.
    final class Producer: Sendable {
        let produced = Atomic<Int>(0)
        let canceled = Atomic<Bool>(false)
        let count: Int, size: Int, failAt: Int?
        init(count: Int, size: Int, failAt: Int? = nil) { self.count = count; self.size = size; self.failAt = failAt }

        var stream: HTTPBodyStream {
            HTTPBodyStream(next: { [self] in
                let n = produced.add(1, ordering: .relaxed).newValue
                if n == failAt { throw CancellationError() }
                if n > count { return nil }
                return [UInt8](repeating: UInt8(ascii: "a") + UInt8(n % 26), count: size)
            }, cancel: { [self] in canceled.store(true, ordering: .relaxed) })
        }
    }

    func routes(_ producer: Producer) -> (inout Router<RouteHandler>) -> Void {
        { router in
            testRoutes(&router)
            router.add(.GET, "/stream") { _, _ in
                var response = HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/plain")]))
                response.stream = producer.stream
                return response
            }
        }
    }

    @Test func chunksArriveInOrderAndTheConnectionIsReusable() async throws {
        let producer = Producer(count: 50, size: 10_000)
        try await withServer(routes: routes(producer)) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let r = try client.request("GET", "/stream")
                #expect(r.status == 200)
                #expect(r.headers["transfer-encoding"] == "chunked")
                #expect(r.headers["content-length"] == nil)
                #expect(r.body.count == 500_000)
                #expect(r.body[0] == UInt8(ascii: "b") && r.body[499_999] == UInt8(ascii: "a") + 50 % 26)
                // The same connection serves the next request after the last chunk.
                #expect(try client.request("GET", "/hello").status == 200)
            }
        }
        let canceled = producer.canceled.load(ordering: .relaxed)
        #expect(canceled == false)
    }

    @Test func headGetsTheHeadAndTheProducerIsCanceled() async throws {
        let producer = Producer(count: 5, size: 10)
        try await withServer(routes: routes(producer)) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("HEAD /stream HTTP/1.1\r\nHost: t\r\n\r\n")
                let r = try client.readResponse(bodyExpected: false)
                #expect(r.status == 200)
                #expect(r.headers["transfer-encoding"] == "chunked")
                #expect(try client.request("GET", "/hello").status == 200)
            }
        }
        let canceled = producer.canceled.load(ordering: .relaxed), produced = producer.produced.load(ordering: .relaxed)
        #expect(canceled)
        #expect(produced == 0)
    }

    /// A client that stops reading holds the producer back; closing the socket cancels it.
    @Test func aSlowReaderHoldsTheProducerBackAndClosingCancelsIt() async throws {
        let producer = Producer(count: 100_000, size: 16_384)
        try await withServer(routes: routes(producer)) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n")
                usleep(300_000)
                // Socket buffers plus at most ~256 KiB queued: far fewer than 100,000 chunks.
                let soFar = producer.produced.load(ordering: .relaxed)
                #expect(soFar < 400, "produced \(soFar) chunks for a client that reads nothing")
                client.disconnect()
            }
            for _ in 0..<50 where !producer.canceled.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(20)) }
        }
        let canceled = producer.canceled.load(ordering: .relaxed)
        #expect(canceled)
    }

    /// An error mid-body ends the connection without the last chunk: the client sees an
    /// incomplete body, never a complete-looking one.
    @Test func aFailingProducerCutsTheBodyShort() async throws {
        let producer = Producer(count: 10, size: 100, failAt: 4)
        try await withServer(routes: routes(producer)) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                #expect(throws: ClientError.self) { try client.request("GET", "/stream") }
            }
        }
    }
}
