#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
import HTTPServer
import HTTPTestSupport

@Suite struct SlowPeersAndHandlers {
    // Both tests prove "the other client was answered while the first was still pending" by
    // order, not by a deadline: the first request stays unfinished until the test finishes it,
    // after the other's answer. A blocked loop would make the other wait past the generous
    // receive timeout, which only bounds a failing run (two busy cores once broke a 4 s one).

    @Test func aStalledClientDoesNotBlockAnother() async throws {
        // One event loop: if a stalled connection could block it, the second client would hang.
        try await withServer({ $0.eventLoopCount = 1 }) { server in
            let port = server.port
            try await offPool {
                let stalled = try RawClient(port: port, receiveTimeout: TestTiming.scaled(60))
                try stalled.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 16\r\n\r\nonly a ")
                let other = try RawClient(port: port, receiveTimeout: TestTiming.scaled(60))
                #expect(try other.request("GET", "/hello").status == 200)
                // The stalled request is still pending: finishing its body now gets its answer.
                try stalled.send("part.....")
                let echoed = try stalled.readResponse()
                #expect(echoed.status == 200 && echoed.bodyText == "only a part.....")
            }
        }
    }

    @Test func aSlowHandlerDoesNotBlockTheLoop() async throws {
        try await withServer({ $0.eventLoopCount = 1 }) { server in
            let port = server.port
            let gate = "slow-handler-\(UInt64.random(in: 0...UInt64.max))"
            try await offPool {
                let slow = try RawClient(port: port, receiveTimeout: TestTiming.scaled(60))
                try slow.send("GET /gate/\(gate) HTTP/1.1\r\nHost: t\r\n\r\n")
                // Answered while the slow handler is still running: it cannot end before the gate opens.
                let fast = try RawClient(port: port, receiveTimeout: TestTiming.scaled(60))
                #expect(try fast.request("GET", "/hello").status == 200)
                #expect(!TestGates.isOpen(gate))
                TestGates.open(gate)
                let r = try slow.readResponse()
                #expect(r.status == 200 && r.bodyText == "opened \(gate)")
            }
        }
    }

    @Test func headerTimeoutAnswers408AndCloses() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(300) }) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                // Trickling bytes does not extend the header deadline (slowloris).
                for byte in "GET /hello HTTP/1.1\r\nHo".utf8 {
                    try client.send([byte])
                    usleep(20_000)
                }
                let r = try client.readResponse()
                #expect(r.status == 408)
                #expect(r.headers["connection"] == "close")
                #expect(try client.isClosedByServer())
            }
        }
    }

    /// A body trickled a byte at a time, each well inside the idle timeout, still has to arrive
    /// at `bodyMinimumRate`: the connection gets 408 once the allowance runs out.
    @Test func aTrickledBodyRunsOutOfTime() async throws {
        try await withServer({
            $0.bodyIdleTimeout = .seconds(30)
            $0.bodyTimeout = .milliseconds(400)
            $0.bodyMinimumRate = 1000
        }) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let started = Date()
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n")
                var sent = 0
                // 100 bytes, one per 50 ms, would take 5 s; the allowance is 0.4 s plus 1 ms a byte.
                while sent < 100 {
                    guard (try? client.send("x")) != nil else { break }
                    sent += 1
                    usleep(50_000)
                    if Date().timeIntervalSince(started) > 1.5 { break }
                }
                let r = try client.readResponse()
                #expect(r.status == 408)
                #expect(sent < 100, "the whole body arrived before the deadline")
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func bodyIdleTimeoutAnswers408() async throws {
        try await withServer({ $0.bodyIdleTimeout = .milliseconds(300) }) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
                let r = try client.readResponse()
                #expect(r.status == 408)
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await withServer({ $0.keepAliveIdleTimeout = .milliseconds(300) }) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                #expect(try client.request("GET", "/hello").status == 200)
                let start = Date()
                #expect(try client.isClosedByServer())
                let waited = Date().timeIntervalSince(start)
                #expect(waited > 0.2 && waited < TestTiming.scaled(2))
                // An idle connection that never sent anything is closed too.
                let silent = try RawClient(port: port)
                #expect(try silent.isClosedByServer())
            }
        }
    }

    @Test func connectionsBeyondTheLimitAreRefusedWith503() async throws {
        try await withServer({ $0.maxConnections = 2 }) { server in
            let port = server.port
            try await offPool {
                let a = try RawClient(port: port)
                let b = try RawClient(port: port)
                #expect(try a.request("GET", "/hello").status == 200)
                #expect(try b.request("GET", "/hello").status == 200)
                let refused = try RawClient(port: port)
                let r = try refused.readResponse()
                #expect(r.status == 503)
                #expect(r.bodyText.contains("\"code\":\"unavailable\""))
                #expect(try refused.isClosedByServer())
                // Served clients are unharmed.
                #expect(try a.request("GET", "/items/1").bodyText == "item 1")
                #expect(server.openConnections == 2)
            }
        }
    }
}

@Suite struct GracefulShutdown {
    @Test func inFlightRequestFinishesAndNewConnectionsAreRefused() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.eventLoopCount = 2
        var router = Router<RouteHandler>()
        testRoutes(&router)
        let server = HTTPServer(configuration: configuration, responder: RouterResponder(router: router))
        try server.start()
        let port = server.port

        let gate = "shutdown-\(UInt64.random(in: 0...UInt64.max))"
        let (idle, busy) = try await offPool {
            let idle = try RawClient(port: port)
            #expect(try idle.request("GET", "/hello").status == 200)
            let busy = try RawClient(port: port)
            try busy.send("GET /gate/\(gate) HTTP/1.1\r\nHost: t\r\n\r\n")
            // In flight for sure: its handler is running (and waits for the gate).
            #expect(TestGates.waitUntilEntered(gate, limit: TestTiming.scaled(60)))
            return (idle, busy)
        }

        let started = Date()
        let shutdown = Task { await server.shutdownGracefully() }
        try await offPool {
            // The idle keep-alive connection is closed at once, while the other is still running.
            #expect(try idle.isClosedByServer())
            TestGates.open(gate)
            // The in-flight request completes, marked as the connection's last.
            let r = try busy.readResponse()
            #expect(r.status == 200)
            #expect(r.bodyText == "opened \(gate)")
            #expect(r.headers["connection"] == "close")
            #expect(try busy.isClosedByServer())
        }
        await shutdown.value
        // Well inside the 10 s grace period: shutdown ended when the last request did.
        #expect(Date().timeIntervalSince(started) < TestTiming.scaled(8))
        #expect(server.openConnections == 0)
        // The listening socket is gone.
        let reconnect = try await offPool { (try? RawClient(port: port)) != nil }
        #expect(!reconnect)
    }

    @Test func shutdownGivesUpAfterTheGracePeriod() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.shutdownGracePeriod = .milliseconds(300)
        var router = Router<RouteHandler>()
        testRoutes(&router)
        let server = HTTPServer(configuration: configuration, responder: RouterResponder(router: router))
        try server.start()
        let port = server.port
        let client = try await offPool {
            let client = try RawClient(port: port)
            try client.send("GET /sleep/5000 HTTP/1.1\r\nHost: t\r\n\r\n")
            usleep(100_000)
            return client
        }
        _ = client
        // Timed on the thread that shuts down: how long the awaiting task then waits for a pool
        // thread depends on what else the machine runs, not on the server.
        let took = try await offPool {
            let started = Date()
            server.shutdown()
            return Date().timeIntervalSince(started)
        }
        #expect(took >= 0.25 && took < TestTiming.scaled(2))
        #expect(server.openConnections == 0)
    }
}

@Suite struct LargeAndConcurrentTraffic {
    @Test func largeBodiesRoundTrip() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                var body = [UInt8](repeating: 0, count: 900_000)
                for i in body.indices { body[i] = UInt8(ascii: "a") + UInt8(i % 26) }
                try client.send(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
                let r = try client.readResponse()
                #expect(r.status == 200)
                #expect(r.body == body)
            }
        }
    }

    @Test func manyClientsAtOnce() async throws {
        try await withServer { server in
            let port = server.port
            let failures = Atomic<Int>(0)
            try await offPool {
                DispatchQueue.concurrentPerform(iterations: 32) { i in
                    do {
                        let client = try RawClient(port: port)
                        for j in 0..<20 {
                            let r = try client.request("GET", "/items/\(i)-\(j)")
                            if r.bodyText != "item \(i)-\(j)" { failures.add(1, ordering: .relaxed) }
                        }
                    } catch {
                        failures.add(1, ordering: .relaxed)
                    }
                }
            }
            #expect(failures.load(ordering: .relaxed) == 0)
        }
    }
}

@Suite struct DescriptorHygiene {
    /// A handler finishing after shutdown must not write its wake-up into a reused fd number.
    @Test func lateHandlerWritesNothingIntoReusedDescriptors() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.shutdownGracePeriod = .milliseconds(50)
        var router = Router<RouteHandler>()
        testRoutes(&router)
        let server = HTTPServer(configuration: configuration, responder: RouterResponder(router: router))
        try server.start()
        let port = server.port
        let client = try await offPool {
            let client = try RawClient(port: port)
            try client.send("GET /sleep/400 HTTP/1.1\r\nHost: t\r\n\r\n")
            usleep(50_000)
            return client
        }
        await server.shutdownGracefully()
        _ = client
        // Take many fresh descriptors; the loop's old wake-up fd number is among them.
        var pairs: [[Int32]] = []
        for _ in 0..<32 {
            var fds: [Int32] = [0, 0]
            #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
            pairs.append(fds)
        }
        try await Task.sleep(for: .milliseconds(700))
        var stray = 0
        for fds in pairs {
            for fd in fds {
                var available: Int32 = 0
                _ = ioctl(fd, UInt(FIONREAD), &available)
                stray += Int(available)
                close(fd)
            }
        }
        #expect(stray == 0)
    }
}
