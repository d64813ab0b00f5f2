// Incremental, strict HTTP/1.1 request parser (RFC 9112).
//
// Bytes go in with `append`, complete requests come out of `next()`. The parser never trusts
// the peer: every limit is checked as bytes arrive (not when a terminator finally shows up),
// and every framing ambiguity that enables request smuggling is an error (RFC 9112 §6.3,
// §11.2). After an error the parser stays failed: the connection answers and closes.

/// Limits applied while parsing. Defaults follow the issue's contract.
public struct HTTPParserLimits: Sendable, Equatable {
    /// Longest request line (method, target, version) before 414.
    public var maxRequestLineBytes = 8 * 1024
    /// Total bytes of header field lines (and of trailer lines) before 431.
    public var maxHeaderBytes = 16 * 1024
    /// Most header fields before 431.
    public var maxHeaderCount = 100
    /// Largest body (after de-chunking) before 413.
    public var maxBodyBytes = 1024 * 1024
    /// Longest chunk-size line including extensions before 400.
    public var maxChunkLineBytes = 4 * 1024

    public init() {}
}

/// A request the parser refuses. `status` is what the server answers before closing.
public struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var detail: String

    public init(_ status: Int, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    public var description: String { "\(status): \(detail)" }
}

public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable {
        /// A complete request, body included.
        case request(HTTPRequest)
        /// The parser failed; nothing more will be produced.
        case failure(HTTPParseError)
    }

    public let limits: HTTPParserLimits

    private var buffer: [UInt8] = []
    /// First byte not yet consumed.
    private var start = 0
    private var state: State = .requestLine
    private var failed: HTTPParseError?

    // Head being parsed.
    private var scanIndex = 0
    private var leadingEmptyLines = 0
    private var headerBytes = 0
    private var method: HTTPMethod = .GET
    /// The method token as sent, when it is none we know (`method` is then OTHER).
    private var otherMethodToken: String?
    private var target = ""
    private var version: HTTPVersion = .http1_1
    private var headers = HTTPHeaders()
    private var body: [UInt8] = []

    /// True between the head of a request carrying `Expect: 100-continue` and its body's
    /// first byte (RFC 9110 §10.1.1); the connection sends the interim 100 and clears it.
    public var continueExpected = false

    private enum State: Sendable {
        case requestLine
        case headerLines
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerLines
    }

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// True when some bytes of a request have arrived but the request is not complete.
    public var hasPartialRequest: Bool {
        if case .requestLine = state { return buffer.count > start }
        return true
    }

    /// True once the head is parsed and the body is being received.
    public var isReceivingBody: Bool {
        switch state {
        case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailerLines: return true
        case .requestLine, .headerLines: return false
        }
    }

    /// Bytes received and not yet consumed by a complete request.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard failed == nil, !bytes.isEmpty else { return }
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 16 * 1024)
            scanIndex -= start
            start = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            scanIndex -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
        if continueExpected, isReceivingBody { continueExpected = false }
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete request or failure, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        if let failed { return .failure(failed) }
        do {
            return try step().map { .request($0) }
        } catch let error as HTTPParseError {
            failed = error
            buffer = []
            start = 0
            return .failure(error)
        } catch {
            let e = HTTPParseError(400, "malformed request")
            failed = e
            return .failure(e)
        }
    }

    // MARK: - State machine

    private mutating func step() throws -> HTTPRequest? {
        while true {
            switch state {
            case .requestLine, .headerLines:
                guard let line = try nextHeadLine() else { return nil }
                if case .requestLine = state {
                    if line.isEmpty {
                        // RFC 9112 §2.2: ignore at least one empty line before the request-line.
                        leadingEmptyLines += 1
                        if leadingEmptyLines > 8 { throw HTTPParseError(400, "too many empty lines before the request line") }
                        continue
                    }
                    try parseRequestLine(line)
                    state = .headerLines
                } else if line.isEmpty {
                    if let request = try finishHead() { return request }
                } else {
                    try parseHeaderLine(line, into: &headers)
                }

            case .fixedBody(let remaining):
                let available = buffer.count - start
                guard available >= remaining else { return nil }
                body = Array(buffer[start..<(start + remaining)])
                start += remaining
                return completeRequest()

            case .chunkSize:
                guard let line = try nextBodyLine(limit: limits.maxChunkLineBytes, status: 400,
                                                 what: "chunk-size line") else { return nil }
                let size = try parseChunkSize(line)
                if size == 0 {
                    headerBytes = 0
                    state = .trailerLines
                } else {
                    if body.count + size > limits.maxBodyBytes {
                        throw HTTPParseError(413, "request body exceeds \(limits.maxBodyBytes) bytes")
                    }
                    state = .chunkData(remaining: size)
                }

            case .chunkData(let remaining):
                let available = buffer.count - start
                guard available > 0 else { return nil }
                let take = min(available, remaining)
                body.append(contentsOf: buffer[start..<(start + take)])
                start += take
                state = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)

            case .chunkDataEnd:
                // RFC 9112 §7.1: chunk-data is followed by exactly CRLF.
                guard buffer.count - start >= 2 else {
                    if buffer.count - start == 1 && buffer[start] != cr {
                        throw HTTPParseError(400, "chunk data not followed by CRLF")
                    }
                    return nil
                }
                guard buffer[start] == cr, buffer[start + 1] == lf else {
                    throw HTTPParseError(400, "chunk data not followed by CRLF")
                }
                start += 2
                state = .chunkSize

            case .trailerLines:
                guard let line = try nextBodyLine(limit: limits.maxHeaderBytes, status: 431,
                                                 what: "trailer section") else { return nil }
                if line.isEmpty { return completeRequest() }
                headerBytes += line.count + 2
                if headerBytes > limits.maxHeaderBytes {
                    throw HTTPParseError(431, "trailer section exceeds \(limits.maxHeaderBytes) bytes")
                }
                // Trailer fields are validated like header fields, then discarded
                // (RFC 9110 §6.5: a recipient may ignore trailers it does not understand).
                var discarded = HTTPHeaders()
                try parseHeaderLine(line, into: &discarded)
            }
        }
    }

    /// The next CRLF-terminated line of the head, without its CRLF; enforces the 414/431 limits
    /// on partial lines too, so an endless line is refused as soon as it is too long.
    private mutating func nextHeadLine() throws -> ArraySlice<UInt8>? {
        let end = buffer.count
        let lineStart = start
        var i = scanIndex < lineStart ? lineStart : scanIndex
        while i < end && buffer[i] != lf { i += 1 }
        let isRequestLine: Bool
        if case .requestLine = state { isRequestLine = true } else { isRequestLine = false }
        guard i < end else {
            scanIndex = end
            let partial = end - lineStart
            if isRequestLine && partial > limits.maxRequestLineBytes + 1 {
                throw HTTPParseError(414, "request line exceeds \(limits.maxRequestLineBytes) bytes")
            }
            if !isRequestLine && headerBytes + partial > limits.maxHeaderBytes {
                throw HTTPParseError(431, "header section exceeds \(limits.maxHeaderBytes) bytes")
            }
            return nil
        }
        // RFC 9112 §2.2: a bare LF where CRLF is required is refused (no lenient parsing).
        guard i > lineStart, buffer[i - 1] == cr else {
            throw HTTPParseError(400, "bare LF in the message head")
        }
        let line = buffer[lineStart..<(i - 1)]
        start = i + 1
        scanIndex = start
        if isRequestLine {
            if line.count > limits.maxRequestLineBytes {
                throw HTTPParseError(414, "request line exceeds \(limits.maxRequestLineBytes) bytes")
            }
        } else if !line.isEmpty {
            headerBytes += line.count + 2
            if headerBytes > limits.maxHeaderBytes {
                throw HTTPParseError(431, "header section exceeds \(limits.maxHeaderBytes) bytes")
            }
            if headers.count >= limits.maxHeaderCount {
                throw HTTPParseError(431, "more than \(limits.maxHeaderCount) header fields")
            }
        }
        return line
    }

    /// A CRLF-terminated line inside a chunked body (chunk-size line or trailer field).
    private mutating func nextBodyLine(limit: Int, status: Int, what: String) throws -> ArraySlice<UInt8>? {
        let end = buffer.count
        var i = start
        while i < end && buffer[i] != lf { i += 1 }
        guard i < end else {
            if end - start > limit { throw HTTPParseError(status, "\(what) too long") }
            return nil
        }
        guard i > start, buffer[i - 1] == cr else { throw HTTPParseError(400, "bare LF in \(what)") }
        if i - 1 - start > limit { throw HTTPParseError(status, "\(what) too long") }
        let line = buffer[start..<(i - 1)]
        start = i + 1
        return line
    }

    // MARK: - Request line (RFC 9112 §3)

    private mutating func parseRequestLine(_ line: ArraySlice<UInt8>) throws {
        guard let firstSpace = line.firstIndex(of: space) else {
            throw HTTPParseError(400, "malformed request line")
        }
        let methodBytes = line[line.startIndex..<firstSpace]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(isTokenChar) else {
            throw HTTPParseError(400, "malformed method")
        }
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: space) else {
            throw HTTPParseError(400, "malformed request line")
        }
        let targetBytes = rest[rest.startIndex..<secondSpace]
        let versionBytes = rest[(secondSpace + 1)...]
        // The target is visible ASCII only: no spaces, controls or raw non-ASCII bytes.
        guard !targetBytes.isEmpty, targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPParseError(400, "malformed request target")
        }
        version = try parseVersion(versionBytes)
        // A token that is no method we know (e.g. QUERY) still routes: the router answers 405.
        method = methodBytes.withUnsafeBytes({ HTTPMethod(bytes: $0) }) ?? .OTHER
        otherMethodToken = method == .OTHER ? String(decoding: methodBytes, as: UTF8.self) : nil
        target = String(decoding: targetBytes, as: UTF8.self)
        try validateTargetForm()
    }

    /// RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT. 1.x above 1.1 is processed as 1.1
    /// (RFC 9110 §6.2); other major versions are 505.
    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws -> HTTPVersion {
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else {
            throw HTTPParseError(400, "malformed HTTP version")
        }
        let b = Array(bytes)
        guard isDigit(b[5]), b[6] == UInt8(ascii: "."), isDigit(b[7]) else {
            throw HTTPParseError(400, "malformed HTTP version")
        }
        guard b[5] == UInt8(ascii: "1") else { throw HTTPParseError(505, "HTTP version not supported") }
        return b[7] == UInt8(ascii: "0") ? .http1_0 : .http1_1
    }

    /// RFC 9112 §3.2: origin-form for most requests, "*" only for OPTIONS, authority-form
    /// only for CONNECT; absolute-form is accepted and reduced to its path and query.
    private mutating func validateTargetForm() throws {
        if target.hasPrefix("/") { return }
        if target == "*" {
            guard method == .OPTIONS else { throw HTTPParseError(400, "asterisk-form is only for OPTIONS") }
            return
        }
        let lower = target.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let afterScheme = target.dropFirst(scheme.count)
            if let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                let rest = afterScheme[slash...]
                target = rest.hasPrefix("?") ? "/" + rest : String(rest)
            } else {
                target = "/"
            }
            return
        }
        if method == .CONNECT { return }
        throw HTTPParseError(400, "malformed request target")
    }

    // MARK: - Header fields (RFC 9112 §5, RFC 9110 §5.5)

    private func parseHeaderLine(_ line: ArraySlice<UInt8>, into headers: inout HTTPHeaders) throws {
        // RFC 9112 §5.2: obs-fold (a line starting with whitespace) is refused with 400.
        if line.first == space || line.first == tab {
            throw HTTPParseError(400, "obsolete line folding in header section")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw HTTPParseError(400, "header field without a colon")
        }
        let name = line[line.startIndex..<colon]
        // RFC 9112 §5.1: no whitespace between field name and colon; names are tokens.
        guard !name.isEmpty, name.allSatisfy(isTokenChar) else {
            throw HTTPParseError(400, "invalid header field name")
        }
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd && (line[valueStart] == space || line[valueStart] == tab) { valueStart += 1 }
        while valueEnd > valueStart && (line[valueEnd - 1] == space || line[valueEnd - 1] == tab) { valueEnd -= 1 }
        let value = line[valueStart..<valueEnd]
        // field-value = *( VCHAR / obs-text / SP / HTAB ): no CR, LF, NUL or other controls.
        for byte in value where !isFieldByte(byte) {
            throw HTTPParseError(400, "invalid byte in header field value")
        }
        var lowerName = ""
        lowerName.reserveCapacity(name.count)
        for byte in name {
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            lowerName.unicodeScalars.append(Unicode.Scalar(lowered))
        }
        headers.appendRaw(name: lowerName, value: String(decoding: value, as: UTF8.self))
    }

    // MARK: - Message body length (RFC 9112 §6)

    private mutating func finishHead() throws -> HTTPRequest? {
        // RFC 9112 §3.2: an HTTP/1.1 request without exactly one Host field is refused.
        let hostCount = headers.fields.reduce(0) { $0 + ($1.name == "host" ? 1 : 0) }
        if version == .http1_1 && hostCount != 1 {
            throw HTTPParseError(400, hostCount == 0 ? "missing Host header" : "more than one Host header")
        }
        if hostCount > 1 { throw HTTPParseError(400, "more than one Host header") }

        let transferEncodings = headers.values("transfer-encoding")
        let contentLengths = headers.values("content-length")

        if !transferEncodings.isEmpty {
            // RFC 9112 §6.1: Transfer-Encoding with Content-Length is a smuggling vector: refuse.
            if !contentLengths.isEmpty {
                throw HTTPParseError(400, "both Transfer-Encoding and Content-Length")
            }
            // RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing.
            if version == .http1_0 {
                throw HTTPParseError(400, "Transfer-Encoding in an HTTP/1.0 request")
            }
            // RFC 9112 §6.1: chunked must be the final coding, applied once; otherwise the body's
            // length cannot be known: 400 and close. A coding before it (gzip, chunked) is framed
            // correctly but not one we decode: 501, as §6.1 says for codings not understood.
            let codings = transferEncodings.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { $0.trimmingOWS().lowercased() }
            guard codings.last == "chunked", !codings.dropLast().contains("chunked"), !codings.contains("") else {
                throw HTTPParseError(400, "unsupported transfer coding (chunked must be the final coding, once)")
            }
            guard codings.count == 1 else {
                throw HTTPParseError(501, "transfer codings other than chunked are not implemented")
            }
            try checkExpectation(hasBody: true)
            body = []
            state = .chunkSize
            return nil
        }

        if !contentLengths.isEmpty {
            // RFC 9112 §6.3: duplicate or invalid Content-Length is unrecoverable framing.
            guard contentLengths.count == 1 else { throw HTTPParseError(400, "duplicate Content-Length") }
            let text = contentLengths[0]
            guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy(isDigit) else {
                throw HTTPParseError(400, "invalid Content-Length")
            }
            let length = Int(text)!
            if length > limits.maxBodyBytes {
                throw HTTPParseError(413, "request body exceeds \(limits.maxBodyBytes) bytes")
            }
            if length > 0 {
                try checkExpectation(hasBody: true)
                state = .fixedBody(remaining: length)
                return nil
            }
        }
        try checkExpectation(hasBody: false)
        body = []
        return completeRequest()
    }

    /// RFC 9110 §10.1.1: "100-continue" is the only expectation; others get 417.
    private mutating func checkExpectation(hasBody: Bool) throws {
        guard let expect = headers["expect"] else { return }
        guard expect.lowercased() == "100-continue" else {
            throw HTTPParseError(417, "unsupported expectation")
        }
        if hasBody && version == .http1_1 && buffer.count == start { continueExpected = true }
    }

    private mutating func completeRequest() -> HTTPRequest {
        var request = HTTPRequest(method: method, target: target, version: version, headers: headers, body: body)
        request.otherMethodToken = otherMethodToken
        headers = HTTPHeaders()
        body = []
        target = ""
        headerBytes = 0
        leadingEmptyLines = 0
        continueExpected = false
        state = .requestLine
        scanIndex = start
        return request
    }

    // MARK: - Chunk size (RFC 9112 §7.1)

    private func parseChunkSize(_ line: ArraySlice<UInt8>) throws -> Int {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let value = hexValue(line[index]) {
            digits += 1
            // 15 hex digits already exceed any body limit; more is an overflow attempt.
            guard digits <= 15 else { throw HTTPParseError(400, "chunk size overflow") }
            size = size * 16 + value
            index += 1
        }
        guard digits > 0 else { throw HTTPParseError(400, "invalid chunk size") }
        if index < line.endIndex {
            // chunk-ext must start right after the size: no signs, spaces or other bytes.
            guard line[index] == UInt8(ascii: ";") else { throw HTTPParseError(400, "invalid chunk size") }
            guard isValidChunkExtensions(line[index...]) else {
                throw HTTPParseError(400, "invalid chunk extension")
            }
        }
        return size
    }
}

/// RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ),
/// a name is a token, a value a token or a quoted-string (RFC 9110 §5.6.4). Extensions are
/// ignored once valid; a ";" without a name or an unterminated quote is refused, so the size
/// line cannot hide bytes another parser would read differently.
func isValidChunkExtensions(_ bytes: ArraySlice<UInt8>) -> Bool {
    var i = bytes.startIndex
    let end = bytes.endIndex
    func skipWhitespace() { while i < end && (bytes[i] == space || bytes[i] == tab) { i += 1 } }
    func token() -> Bool {
        let first = i
        while i < end && isTokenChar(bytes[i]) { i += 1 }
        return i > first
    }
    func quotedString() -> Bool {
        i += 1 // the opening DQUOTE
        while i < end {
            let byte = bytes[i]
            if byte == dquote { i += 1; return true }
            if byte == backslash {
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                guard i + 1 < end, isFieldByte(bytes[i + 1]) else { return false }
                i += 2
            } else {
                guard isFieldByte(byte) else { return false }
                i += 1
            }
        }
        return false
    }
    while i < end {
        skipWhitespace()
        guard i < end, bytes[i] == semicolon else { return false }
        i += 1
        skipWhitespace()
        guard token() else { return false }
        skipWhitespace()
        if i < end && bytes[i] == equals {
            i += 1
            skipWhitespace()
            guard i < end else { return false }
            if bytes[i] == dquote {
                guard quotedString() else { return false }
            } else {
                guard token() else { return false }
            }
            skipWhitespace()
        }
    }
    return true
}

/// HTAB, SP, VCHAR or obs-text: what a field value or a quoted-string may hold.
@inline(__always) private func isFieldByte(_ byte: UInt8) -> Bool { byte == tab || (byte >= 0x20 && byte != 0x7F) }

private let dquote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let semicolon = UInt8(ascii: ";")
private let equals = UInt8(ascii: "=")

private let cr: UInt8 = 13
private let lf: UInt8 = 10
private let space: UInt8 = 32
private let tab: UInt8 = 9

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) private func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: return Int(byte - 0x30)
    case 0x41...0x46: return Int(byte - 0x41 + 10)
    case 0x61...0x66: return Int(byte - 0x61 + 10)
    default: return nil
    }
}

/// tchar (RFC 9110 §5.6.2): "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
/// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
@inline(__always) func isTokenChar(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: return true
    default: return false
    }
}
