#if canImport(Glibc)
import Glibc
#endif
import CLinuxShims
import Locking
import Foundation
import Synchronization

/// State shared by the server and all its loops.
final class ServerShared: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let openConnections = Atomic<Int>(0)
    let connectionIds = Atomic<UInt64>(1)
    let stopping = Atomic<Bool>(false)
    /// Pre-rendered refusal for connections beyond the limit.
    let overloadedBytes: [UInt8]

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        var bytes: [UInt8] = []
        let refusal = configuration.errorResponse(503, "too many connections")
        ResponseSerializer.serialize(refusal, isHeadRequest: false, keepAlive: false,
                                     date: Array(DateCache.format(time(nil)).utf8), into: &bytes)
        self.overloadedBytes = bytes
    }
}

/// One epoll loop on its own thread. Accepts from the shared listening socket (registered
/// with EPOLLEXCLUSIVE so one loop wakes per connection), reads, parses, hands complete
/// requests to the responder on the Swift concurrency pool, and writes responses when they
/// come back through `inbox` + eventfd.
final class EventLoop: @unchecked Sendable {
    enum Message {
        case response(connectionId: UInt64, HTTPResponse)
        /// The next chunk of a streamed body; nil = the end.
        case chunk(connectionId: UInt64, [UInt8]?)
        case streamFailed(connectionId: UInt64)
        case beginShutdown
        case forceStop
    }

    private static let listenerToken = UInt64.max
    private static let wakeToken = UInt64.max - 1
    private static let readChunk = 64 * 1024

    let index: Int
    private let shared: ServerShared
    private let listenFd: Int32
    private let epfd: Int32
    private let wakeFd: Int32
    /// Messages for the loop, and whether the loop has closed its wake-up fd. Signalling and
    /// closing both happen under this lock: a handler that finishes after shutdown must never
    /// write its 8-byte wake-up into an fd number that has since been reused by a socket.
    private let inbox = Locked<(messages: [Message], closed: Bool)>(([], false))
    private let finished = DispatchSemaphore(value: 0)

    // Loop-thread state below. Connections are keyed by their unique id, which is also their
    // epoll token: an event for a connection closed earlier in the same batch can never reach
    // a new connection that was given the same fd number.
    private var connections: [UInt64: Connection] = [:]
    private var dateCache = DateCache()
    private let readBuffer: UnsafeMutableRawBufferPointer
    private var shuttingDown = false
    private var exitRequested = false
    private let sweepInterval: UInt64
    private var nextSweep: UInt64 = 0

    init(index: Int, shared: ServerShared, listenFd: Int32) throws {
        self.index = index
        self.shared = shared
        self.listenFd = listenFd
        epfd = csys_epoll_create()
        guard epfd >= 0 else { throw SystemError(call: "epoll_create1", errno: errno) }
        wakeFd = csys_eventfd()
        guard wakeFd >= 0 else { throw SystemError(call: "eventfd", errno: errno) }
        readBuffer = .allocate(byteCount: EventLoop.readChunk, alignment: 16)
        let c = shared.configuration
        let shortest = [c.headerTimeout, c.bodyIdleTimeout, c.bodyTimeout, c.keepAliveIdleTimeout, c.writeTimeout]
            .map(\.nanoseconds).min() ?? 1_000_000_000
        sweepInterval = min(1_000_000_000, max(10_000_000, shortest / 4))
        _ = csys_epoll_ctl(epfd, 1, wakeFd, CSYS_EPOLLIN, EventLoop.wakeToken)
        // DESIGN.md pitfall 6: the listening socket is registered for reads only.
        guard csys_epoll_ctl(epfd, 1, listenFd, CSYS_EPOLLIN | CSYS_EPOLLEXCLUSIVE, EventLoop.listenerToken) == 0 else {
            throw SystemError(call: "epoll_ctl(listener)", errno: errno)
        }
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "http-loop-\(index)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    func waitUntilFinished() { finished.wait() }

    /// Thread-safe: queue a message and wake the loop (once per batch). After the loop has
    /// exited, messages are dropped.
    func post(_ message: Message) {
        let wakeFd = self.wakeFd
        inbox.withLock { inbox in
            guard !inbox.closed else { return }
            inbox.messages.append(message)
            if inbox.messages.count == 1 { _ = csys_eventfd_signal(wakeFd) }
        }
    }

    // MARK: - Loop

    private func run() {
        var tokens = [UInt64](repeating: 0, count: 256)
        var events = [UInt32](repeating: 0, count: 256)
        nextSweep = monotonicNanos() + sweepInterval
        while !exitRequested {
            let now = monotonicNanos()
            let timeoutMs = Int32(max(1, min(1000, (nextSweep > now ? nextSweep - now : 0) / 1_000_000 + 1)))
            let n = csys_epoll_wait(epfd, &tokens, &events, 256, timeoutMs)
            if n < 0 { continue }
            for i in 0..<Int(n) {
                switch tokens[i] {
                case EventLoop.listenerToken: acceptConnections()
                case EventLoop.wakeToken:
                    _ = csys_eventfd_drain(wakeFd)
                    drainInbox()
                default:
                    guard let connection = connections[tokens[i]] else { continue }
                    handleEvents(events[i], on: connection)
                }
            }
            let after = monotonicNanos()
            if after >= nextSweep {
                sweepDeadlines(now: after)
                nextSweep = after + sweepInterval
            }
            if shuttingDown && connections.isEmpty { exitRequested = true }
        }
        for connection in Array(connections.values) { closeNow(connection) }
        close(epfd)
        let wakeFd = self.wakeFd
        inbox.withLock { inbox in
            inbox.closed = true
            inbox.messages.removeAll()
            close(wakeFd)
        }
        readBuffer.deallocate()
        finished.signal()
    }

    private func drainInbox() {
        let messages = inbox.withLock { inbox -> [Message] in
            let taken = inbox.messages
            inbox.messages.removeAll(keepingCapacity: true)
            return taken
        }
        for message in messages {
            switch message {
            case let .response(connectionId, response):
                guard let connection = connections[connectionId] else {
                    response.stream?.cancel()
                    continue
                }
                deliver(response, to: connection)
            case let .chunk(connectionId, data):
                guard let connection = connections[connectionId] else { continue }
                deliverChunk(data, to: connection)
            case let .streamFailed(connectionId):
                guard let connection = connections[connectionId] else { continue }
                // Without the last chunk the client can tell the body is incomplete.
                connection.exchange = .idle
                connection.close(.afterWrite)
                _ = flush(connection)
            case .beginShutdown:
                beginShutdown()
            case .forceStop:
                exitRequested = true
            }
        }
    }

    // MARK: - Accept

    private func acceptConnections() {
        if shuttingDown { return }
        for _ in 0..<64 {
            let fd = csys_accept(listenFd)
            if fd < 0 {
                let e = errno
                if e == EAGAIN || e == EWOULDBLOCK || e == EINTR { return }
                // EMFILE/ENFILE or an aborted connection: try again on the next wake-up.
                return
            }
            let open = shared.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
            if open > shared.configuration.maxConnections {
                // Over the limit: a best-effort 503 and close, without touching served clients.
                shared.overloadedBytes.withUnsafeBytes { _ = send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(fd)
                shared.openConnections.wrappingSubtract(1, ordering: .relaxed)
                continue
            }
            Socket.setNoDelay(fd)
            let now = monotonicNanos()
            let id = shared.connectionIds.wrappingAdd(1, ordering: .relaxed).newValue
            let connection = Connection(fd: fd, id: id, limits: shared.configuration.limits, now: now)
            connections[id] = connection
            connection.interest = CSYS_EPOLLIN
            if csys_epoll_ctl(epfd, 1, fd, CSYS_EPOLLIN, id) != 0 {
                closeNow(connection)
                continue
            }
            updateDeadline(connection, now: now)
        }
    }

    // MARK: - Events

    private func handleEvents(_ events: UInt32, on connection: Connection) {
        if events & (CSYS_EPOLLERR) != 0 {
            closeNow(connection)
            return
        }
        if events & CSYS_EPOLLOUT != 0 {
            guard flush(connection) else { return }
            requestChunk(connection)
        }
        if events & (CSYS_EPOLLIN | CSYS_EPOLLHUP) != 0 {
            if connection.closing == .lingering {
                discardInput(connection)
                return
            }
            readAvailable(connection)
        }
    }

    private func readAvailable(_ connection: Connection) {
        let now = monotonicNanos()
        let hadPartial = connection.parser.hasPartialRequest
        var reads = 0
        while reads < 4 && !connection.peerClosed && !connection.parserFailed {
            reads += 1
            let n = read(connection.fd, readBuffer.baseAddress, EventLoop.readChunk)
            if n > 0 {
                connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n]))
                connection.lastReadAt = now
                connection.bytesSinceRequestStart += n
                if n < EventLoop.readChunk { break }
            } else if n == 0 {
                // FlyingFox pitfall: read() == 0 is EOF, whatever errno says.
                connection.peerClosed = true
            } else {
                let e = errno
                if e == EINTR { continue }
                if e == EAGAIN || e == EWOULDBLOCK { break }
                closeNow(connection)
                return
            }
        }
        if !hadPartial && connection.parser.hasPartialRequest { connection.startRequestClock(at: now) }
        drainParser(connection)
        if connection.peerClosed && !connection.inFlight && connection.pendingCount == 0 && !connection.hasUnsentBytes {
            closeNow(connection)
            return
        }
        processNext(connection)
        refresh(connection)
    }

    /// Moves complete requests from the parser into the pending queue, up to the pipeline depth.
    private func drainParser(_ connection: Connection) {
        let depth = shared.configuration.maxPipelinedRequests
        while !connection.parserFailed && connection.pendingCount < depth {
            let hadPartialBefore = connection.parser.hasPartialRequest
            guard let event = connection.parser.next() else { break }
            switch event {
            case .request(let request):
                connection.pending.append(.request(request))
                // Bytes of a following pipelined request start its header clock now.
                if hadPartialBefore && connection.parser.hasPartialRequest {
                    connection.startRequestClock(at: monotonicNanos())
                }
            case .failure(let error):
                connection.pending.append(.failure(error))
                connection.parserFailed = true
            }
        }
    }

    /// Starts the next queued request if none is running, or answers a queued parse failure.
    private func processNext(_ connection: Connection) {
        while !connection.inFlight && !connection.closeAfterWrite {
            // Do not pile up responses for a peer that is not reading them.
            if connection.writeBuffer.count - connection.writeOffset > 256 * 1024 { return }
            guard let item = connection.popPending() else {
                sendContinueIfExpected(connection)
                return
            }
            switch item {
            case .failure(let error):
                let response = shared.configuration.errorResponse(error.status, error.detail)
                queue(response, on: connection, isHead: false, keepAlive: false)
                _ = flush(connection)
                return
            case .request(let request):
                connection.exchange = .handling(isHead: request.method == .HEAD, keepAlive: request.keepAlive)
                let responder = shared.responder
                let loop = self
                let id = connection.id
                Task {
                    let response = await responder.respond(to: request)
                    loop.post(.response(connectionId: id, response))
                }
            }
        }
    }

    /// RFC 9110 §10.1.1: the interim 100 goes out once earlier responses are written and the
    /// request's body is awaited.
    private func sendContinueIfExpected(_ connection: Connection) {
        guard connection.parser.continueExpected, !connection.hasUnsentBytes else { return }
        connection.parser.continueExpected = false
        connection.writeBuffer.append(contentsOf: ResponseSerializer.continueResponse)
        _ = flush(connection)
    }

    private func deliver(_ response: HTTPResponse, to connection: Connection) {
        guard case .handling(let isHead, let askedKeepAlive) = connection.exchange else {
            response.stream?.cancel()
            return
        }
        connection.exchange = .idle
        let keepAlive = askedKeepAlive && !shuttingDown
            && !(connection.peerClosed && connection.pendingCount == 0)
        queue(response, on: connection, isHead: isHead, keepAlive: keepAlive)
        if let stream = response.stream {
            if isHead {
                stream.cancel()
            } else {
                // The request stays in flight until the last chunk is queued.
                connection.exchange = .streaming(stream, awaitingChunk: false)
                guard flush(connection) else { return }
                requestChunk(connection)
                return
            }
        }
        finishResponse(connection)
    }

    /// After a response is fully queued: on to the next request of the connection.
    private func finishResponse(_ connection: Connection) {
        guard flush(connection) else { return }
        if !connection.closeAfterWrite {
            drainParser(connection)
            processNext(connection)
        }
        refresh(connection)
    }

    /// Asks the stream for its next chunk unless one is pending or the peer is behind.
    private func requestChunk(_ connection: Connection) {
        guard case .streaming(let stream, awaitingChunk: false) = connection.exchange,
              connection.writeBuffer.count - connection.writeOffset < 256 * 1024 else { return }
        connection.exchange = .streaming(stream, awaitingChunk: true)
        let loop = self
        let id = connection.id
        Task {
            do {
                loop.post(.chunk(connectionId: id, try await stream.next()))
            } catch {
                loop.post(.streamFailed(connectionId: id))
            }
        }
    }

    private func deliverChunk(_ data: [UInt8]?, to connection: Connection) {
        guard case .streaming(let stream, _) = connection.exchange else { return }
        connection.exchange = .streaming(stream, awaitingChunk: false)
        guard let data else {
            connection.writeBuffer.append(contentsOf: ResponseSerializer.lastChunk)
            connection.exchange = .idle
            finishResponse(connection)
            return
        }
        if connection.writeOffset == connection.writeBuffer.count {
            connection.writeBuffer.removeAll(keepingCapacity: connection.writeBuffer.capacity <= 64 * 1024)
            connection.writeOffset = 0
        }
        ResponseSerializer.appendChunk(data, to: &connection.writeBuffer)
        guard flush(connection) else { return }
        requestChunk(connection)
    }

    private func queue(_ response: HTTPResponse, on connection: Connection, isHead: Bool, keepAlive: Bool) {
        if !keepAlive {
            connection.close(.afterWrite)
        }
        if connection.writeOffset == connection.writeBuffer.count {
            connection.writeBuffer.removeAll(keepingCapacity: connection.writeBuffer.capacity <= 64 * 1024)
            connection.writeOffset = 0
            connection.lastWriteProgressAt = monotonicNanos()
        }
        ResponseSerializer.serialize(response, isHeadRequest: isHead, keepAlive: keepAlive,
                                     date: dateCache.current(), into: &connection.writeBuffer)
    }

    /// Writes as much as the socket takes. Returns false if the connection was closed.
    @discardableResult
    private func flush(_ connection: Connection) -> Bool {
        while connection.writeOffset < connection.writeBuffer.count {
            let n = connection.writeBuffer.withUnsafeBytes { bytes in
                send(connection.fd, bytes.baseAddress! + connection.writeOffset,
                     bytes.count - connection.writeOffset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                connection.writeOffset += n
                connection.lastWriteProgressAt = monotonicNanos()
            } else {
                let e = errno
                if e == EINTR { continue }
                if e == EAGAIN || e == EWOULDBLOCK { break }
                closeNow(connection)
                return false
            }
        }
        if !connection.hasUnsentBytes && connection.closeAfterWrite {
            startLingeringClose(connection)
            return false
        }
        refresh(connection)
        return true
    }

    // MARK: - Interest and deadlines

    private func refresh(_ connection: Connection) {
        guard connections[connection.id] === connection, connection.closing != .lingering else { return }
        updateInterest(connection)
        updateDeadline(connection, now: monotonicNanos())
    }

    private func updateInterest(_ connection: Connection) {
        var wanted: UInt32 = 0
        let canRead = !connection.peerClosed && !connection.parserFailed && !connection.closeAfterWrite
            && connection.pendingCount < shared.configuration.maxPipelinedRequests
        if canRead { wanted |= CSYS_EPOLLIN }
        if connection.hasUnsentBytes { wanted |= CSYS_EPOLLOUT }
        if wanted != connection.interest {
            connection.interest = wanted
            _ = csys_epoll_ctl(epfd, 3, connection.fd, wanted, connection.id)
        }
    }

    private func updateDeadline(_ connection: Connection, now: UInt64) {
        let c = shared.configuration
        if connection.hasUnsentBytes {
            connection.deadlineKind = .write
            connection.deadline = connection.lastWriteProgressAt + c.writeTimeout.nanoseconds
        } else if connection.inFlight || connection.pendingCount > 0 {
            connection.deadlineKind = .none
            connection.deadline = 0
        } else if connection.parser.isReceivingBody {
            connection.deadlineKind = .body
            let earned = UInt64(connection.bytesSinceRequestStart) * 1_000_000_000 / UInt64(max(1, c.bodyMinimumRate))
            connection.deadline = min(connection.lastReadAt + c.bodyIdleTimeout.nanoseconds,
                                      connection.headStartedAt + c.bodyTimeout.nanoseconds + earned)
        } else if connection.parser.hasPartialRequest {
            connection.deadlineKind = .head
            connection.deadline = connection.headStartedAt + c.headerTimeout.nanoseconds
        } else {
            connection.deadlineKind = .idle
            connection.deadline = max(connection.lastReadAt, connection.lastWriteProgressAt) + c.keepAliveIdleTimeout.nanoseconds
        }
    }

    private func sweepDeadlines(now: UInt64) {
        var expired: [Connection] = []
        for connection in connections.values where connection.deadline != 0 && connection.deadline <= now {
            expired.append(connection)
        }
        for connection in expired {
            switch connection.deadlineKind {
            case .head, .body:
                // A client stalling mid-request loses only its own connection: 408, then close.
                connection.parserFailed = true
                let response = shared.configuration.errorResponse(408, "request not received in time")
                queue(response, on: connection, isHead: false, keepAlive: false)
                flush(connection)
            case .none:
                break
            case .idle, .write, .linger:
                closeNow(connection)
            }
        }
    }

    // MARK: - Closing

    /// Half-closes and discards what the peer still sends for a moment, so that a client still
    /// uploading reads our final response instead of a TCP reset.
    private func startLingeringClose(_ connection: Connection) {
        guard connection.closing != .lingering else { return }
        connection.close(.lingering)
        connection.stream?.cancel()
        connection.exchange = .idle
        shutdown(connection.fd, Int32(SHUT_WR))
        if connection.peerClosed {
            closeNow(connection)
            return
        }
        connection.deadlineKind = .linger
        connection.deadline = monotonicNanos() + 2_000_000_000
        if connection.interest != CSYS_EPOLLIN {
            connection.interest = CSYS_EPOLLIN
            _ = csys_epoll_ctl(epfd, 3, connection.fd, CSYS_EPOLLIN, connection.id)
        }
    }

    private func discardInput(_ connection: Connection) {
        var total = 0
        while total < 1 << 20 {
            let n = read(connection.fd, readBuffer.baseAddress, EventLoop.readChunk)
            if n > 0 { total += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            break
        }
        closeNow(connection)
    }

    private func closeNow(_ connection: Connection) {
        guard connections[connection.id] === connection else { return }
        connections[connection.id] = nil
        connection.stream?.cancel()
        connection.exchange = .idle
        _ = csys_epoll_ctl(epfd, 2, connection.fd, 0, 0)
        close(connection.fd)
        shared.openConnections.wrappingSubtract(1, ordering: .relaxed)
    }

    /// Stop accepting; close connections with nothing in flight. The rest close after their
    /// current response (keep-alive is off from now on).
    private func beginShutdown() {
        shuttingDown = true
        _ = csys_epoll_ctl(epfd, 2, listenFd, 0, 0)
        for connection in Array(connections.values) {
            if !connection.inFlight && connection.pendingCount == 0 && !connection.hasUnsentBytes {
                closeNow(connection)
            } else {
                connection.parserFailed = true
            }
        }
    }
}
