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

    /// A request is with the handler.
    var inFlight = false
    var inFlightIsHead = false
    var inFlightKeepAlive = true
    /// The response body still being produced, and whether its next chunk was asked for.
    var stream: HTTPBodyStream?
    var awaitingChunk = false

    var writeBuffer: [UInt8] = []
    var writeOffset = 0
    /// Close once the write buffer is flushed (Connection: close, an error, shutdown).
    var closeAfterWrite = false
    /// The parser failed; nothing more is read from this connection.
    var parserFailed = false
    /// The peer sent EOF (read returned 0).
    var peerClosed = false
    /// Our side is shut down for writing and we discard input until EOF or the linger deadline,
    /// so the peer reads our last response instead of a reset.
    var lingering = false

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

    /// Nothing received, queued, running or unsent.
    var isIdle: Bool {
        !inFlight && pendingCount == 0 && !hasUnsentBytes && !parser.hasPartialRequest
    }
}
