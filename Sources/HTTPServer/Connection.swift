/// Per-connection state. Owned by exactly one event loop and touched only on its thread.
///
/// A connection serves one request at a time (responses to pipelined requests must go out in
/// order, RFC 9112 §9.3.2): parsed requests wait in `pending` while one is with a handler.
final class Connection {
    enum Pending {
        case request(HTTPRequest)
        case failure(HTTPParseError)
    }

    /// Why a deadline is set; decides what happens when it passes.
    enum DeadlineKind {
        case none, idle, head, body, write, linger
    }

    let fd: Int32
    /// Distinguishes this connection from a later one that reuses the same fd.
    let id: UInt64
    var parser: HTTPRequestParser
    var pending: [Pending] = []
    var pendingHead = 0

    /// What the connection does with the one request it serves at a time (RFC 9112 §9.3.2).
    enum Exchange {
        /// No request is with a handler.
        case idle
        /// A handler is producing the response to a request (a HEAD request's response has no
        /// body; `keepAlive` is what the request asked for).
        case handling(isHead: Bool, keepAlive: Bool)
        /// The response head is queued and its body comes from `stream`, chunk by chunk;
        /// `awaitingChunk` while the next one has been asked for.
        case streaming(HTTPBodyStream, awaitingChunk: Bool)
    }

    /// How far the connection is from closing; each step includes the one before.
    enum Closing: Int, Comparable {
        /// Responses keep the connection open.
        case no
        /// Close once the write buffer is flushed (Connection: close, an error, shutdown).
        case afterWrite
        /// Our side is shut down for writing and input is discarded until EOF or the linger
        /// deadline, so the peer reads our last response instead of a reset.
        case lingering

        static func < (a: Closing, b: Closing) -> Bool { a.rawValue < b.rawValue }
    }

    var exchange = Exchange.idle
    var closing = Closing.no

    var writeBuffer: [UInt8] = []
    var writeOffset = 0
    /// The parser failed (or the server is shutting down): nothing more is read from this connection.
    var parserFailed = false
    /// The peer sent EOF (read returned 0).
    var peerClosed = false

    var interest: UInt32 = 0
    var deadline: UInt64 = 0
    var deadlineKind: DeadlineKind = .none
    var headStartedAt: UInt64 = 0
    /// Bytes read since `headStartedAt`: what earns a slow body more time (`bodyMinimumRate`).
    var bytesSinceRequestStart = 0
    var lastReadAt: UInt64
    var lastWriteProgressAt: UInt64

    init(fd: Int32, id: UInt64, limits: HTTPParserLimits, now: UInt64) {
        self.fd = fd
        self.id = id
        self.parser = HTTPRequestParser(limits: limits)
        self.lastReadAt = now
        self.lastWriteProgressAt = now
    }

    var pendingCount: Int { pending.count - pendingHead }

    /// A request's first bytes arrived: its head and body deadlines count from now.
    func startRequestClock(at now: UInt64) {
        headStartedAt = now
        bytesSinceRequestStart = 0
    }

    func popPending() -> Pending? {
        guard pendingHead < pending.count else { return nil }
        let item = pending[pendingHead]
        pendingHead += 1
        if pendingHead == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
        }
        return item
    }

    var hasUnsentBytes: Bool { writeOffset < writeBuffer.count }

    /// A request is with the handler or its body is still being sent.
    var inFlight: Bool {
        if case .idle = exchange { return false }
        return true
    }

    /// The response body still being produced, if any.
    var stream: HTTPBodyStream? {
        if case .streaming(let stream, _) = exchange { return stream }
        return nil
    }

    var closeAfterWrite: Bool { closing >= .afterWrite }

    /// Moves towards closing; never back.
    func close(_ step: Closing) {
        if step > closing { closing = step }
    }

    /// Nothing received, queued, running or unsent.
    var isIdle: Bool {
        !inFlight && pendingCount == 0 && !hasUnsentBytes && !parser.hasPartialRequest
    }
}
