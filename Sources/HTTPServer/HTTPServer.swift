#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Locking

/// An HTTP/1.1 server on epoll: N event loops share one listening socket; handlers run on the
/// Swift concurrency pool so a slow handler never blocks a loop.
///
///     let server = HTTPServer(configuration: config, responder: router)
///     try server.start()            // binds; `server.port` is the bound port
///     server.shutdown()             // graceful: stop accepting, finish in-flight work
public final class HTTPServer: Sendable {
    private let shared: ServerShared
    private let state = Locked<State>(State())

    private struct State {
        var listenFd: Int32 = -1
        var port = 0
        var loops: [EventLoop] = []
        var running = false
        var stopped = false
    }

    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        shared = ServerShared(configuration: configuration, responder: responder)
    }

    public var configuration: HTTPServerConfiguration { shared.configuration }

    /// The bound port (meaningful after `start`).
    public var port: Int { state.withLock { $0.port } }

    /// Connections currently open (for metrics).
    public var openConnections: Int { shared.openConnections.load(ordering: .relaxed) }

    /// Every connection is a file descriptor: a soft limit of 1,024 (a common default) would
    /// refuse clients long before maxConnections. Raised as far as the hard limit allows.
    static func raiseOpenFileLimit(to wanted: rlim_t) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Binds, listens and starts the event loops. Returns once the socket accepts connections.
    public func start() throws {
        signal(SIGPIPE, SIG_IGN)
        let c = shared.configuration
        Self.raiseOpenFileLimit(to: rlim_t(c.maxConnections) + 256)
        let (fd, port) = try Socket.listen(host: c.host, port: c.port)
        var loops: [EventLoop] = []
        do {
            for index in 0..<max(1, c.eventLoopCount) {
                loops.append(try EventLoop(index: index, shared: shared, listenFd: fd))
            }
        } catch {
            close(fd)
            throw error
        }
        state.withLock {
            $0.listenFd = fd
            $0.port = port
            $0.loops = loops
            $0.running = true
        }
        for loop in loops { loop.start() }
    }

    /// Graceful shutdown (docs/api.md §0): stop accepting, let requests in flight finish for up to
    /// the grace period, then close everything. Blocks until the loops have exited. Idempotent.
    public func shutdown() {
        let (loops, fd) = state.withLock { s -> ([EventLoop], Int32) in
            guard s.running, !s.stopped else { return ([], -1) }
            s.stopped = true
            return (s.loops, s.listenFd)
        }
        guard !loops.isEmpty else { return }
        shared.stopping.store(true, ordering: .relaxed)
        for loop in loops { loop.post(.beginShutdown) }
        let deadline = monotonicNanos() + shared.configuration.shutdownGracePeriod.nanoseconds
        while shared.openConnections.load(ordering: .relaxed) > 0 && monotonicNanos() < deadline {
            usleep(5_000)
        }
        for loop in loops { loop.post(.forceStop) }
        for loop in loops { loop.waitUntilFinished() }
        close(fd)
        state.withLock { $0.running = false }
    }

    /// `shutdown` on a thread of its own, so awaiting it never blocks the concurrency pool that
    /// in-flight handlers need to finish.
    public func shutdownGracefully() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                self.shutdown()
                continuation.resume()
            }
            thread.start()
        }
    }

    /// True once `shutdown` has begun.
    public var isStopping: Bool { shared.stopping.load(ordering: .relaxed) }
}
