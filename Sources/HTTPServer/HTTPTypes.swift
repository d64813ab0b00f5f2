// Request and response value types of the HTTP/1.1 server (RFC 9110, RFC 9112).

/// Request methods this server recognises (RFC 9110 §9). Any other syntactically valid method
/// is `OTHER`: no route serves it, so it is answered 405 with `Allow` where the path exists and
/// 404 elsewhere (RFC 9110 §15.5.6) — clients learn what the resource does support.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT, OTHER

    init?(bytes: UnsafeRawBufferPointer) {
        // Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET.
        switch bytes.count {
        case 3:
            if bytes.elementsEqual("GET".utf8) { self = .GET; return }
            if bytes.elementsEqual("PUT".utf8) { self = .PUT; return }
        case 4:
            if bytes.elementsEqual("POST".utf8) { self = .POST; return }
            if bytes.elementsEqual("HEAD".utf8) { self = .HEAD; return }
        case 5:
            if bytes.elementsEqual("PATCH".utf8) { self = .PATCH; return }
            if bytes.elementsEqual("TRACE".utf8) { self = .TRACE; return }
        case 6:
            if bytes.elementsEqual("DELETE".utf8) { self = .DELETE; return }
        case 7:
            if bytes.elementsEqual("OPTIONS".utf8) { self = .OPTIONS; return }
            if bytes.elementsEqual("CONNECT".utf8) { self = .CONNECT; return }
        default: break
        }
        return nil
    }
}

/// HTTP/1.0 or HTTP/1.1; any other version is refused with 505 by the parser.
public enum HTTPVersion: Sendable, Hashable {
    case http1_0, http1_1

    public var text: String { self == .http1_0 ? "HTTP/1.0" : "HTTP/1.1" }
}

/// Header fields in arrival order. Names are stored lower-cased (field names are
/// case-insensitive, RFC 9110 §5.1), which makes lookups a plain comparison.
public struct HTTPHeaders: Sendable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    /// Field names are compared lower-cased (RFC 9110 §5.1). Most names arrive lower-case
    /// already (the parser's, and the server's own literals once seen): no copy then.
    @inline(__always) static func lowercased(_ name: String) -> String {
        name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? name.lowercased() : name
    }

    public init(_ fields: [(String, String)]) {
        for (name, value) in fields { add(name: name, value: value) }
    }

    public mutating func add(name: String, value: String) {
        fields.append((HTTPHeaders.lowercased(name), value))
    }

    /// Appends a field whose name is already lower-case (the parser's fast path).
    mutating func appendRaw(name: String, value: String) {
        fields.append((name, value))
    }

    /// Replaces every field of that name with a single one.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    public mutating func remove(name: String) {
        let lower = HTTPHeaders.lowercased(name)
        fields.removeAll { $0.name == lower }
    }

    /// The first value of a field, or nil.
    public subscript(name: String) -> String? {
        let lower = HTTPHeaders.lowercased(name)
        for field in fields where field.name == lower { return field.value }
        return nil
    }

    public func values(_ name: String) -> [String] {
        let lower = HTTPHeaders.lowercased(name)
        return fields.filter { $0.name == lower }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// True when a comma-separated list field (e.g. Connection) holds `token`, case-insensitively.
    public func listContains(_ name: String, token: String) -> Bool {
        for value in values(name) {
            for item in value.split(separator: ",") {
                if item.trimmingOWS().lowercased() == token { return true }
            }
        }
        return false
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}

extension Substring {
    /// Strips optional whitespace (SP / HTAB, RFC 9110 §5.6.3) at both ends.
    func trimmingOWS() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

/// A complete request: the parser buffers the whole body (bounded by the body limit)
/// before the request reaches a handler.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received (RFC 9112 §3.2).
    public var target: String
    /// The path part of the target, still percent-encoded.
    public var path: String
    /// The query part of the target without "?", or nil.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The method token as sent when `method` is OTHER (e.g. "QUERY"), for messages.
    public var otherMethodToken: String?

    /// The method as the client named it.
    public var methodName: String { otherMethodToken ?? method.rawValue }

    public init(method: HTTPMethod, target: String, version: HTTPVersion = .http1_1,
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        (self.path, self.query) = HTTPRequest.split(target: target)
    }

    static func split(target: String) -> (String, String?) {
        var pathPart = Substring(target)
        if let q = pathPart.firstIndex(of: "?") {
            let query = String(pathPart[pathPart.index(after: q)...])
            pathPart = pathPart[..<q]
            return (String(pathPart), query)
        }
        return (target, nil)
    }

    /// Persistence per RFC 9112 §9.3: HTTP/1.1 stays open unless "close";
    /// HTTP/1.0 closes unless "keep-alive".
    public var keepAlive: Bool {
        switch version {
        case .http1_1: return !headers.listContains("connection", token: "close")
        case .http1_0: return headers.listContains("connection", token: "keep-alive")
        }
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Fields set by the application. The server adds Date, Content-Length and Connection.
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// A body produced while it is sent, in chunks (RFC 9112 §7.1); `body` is then ignored.
    public var stream: HTTPBodyStream?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String, body: String) {
        self.status = status
        self.headers = HTTPHeaders([("Content-Type", contentType)])
        self.body = Array(body.utf8)
    }
}

/// A response body produced while it is sent (chunked transfer coding, RFC 9112 §7.1). The
/// server asks for the next chunk only once the previous one is queued and the connection's
/// unsent bytes are under its limit, so a slow reader slows the producer instead of filling
/// memory; `cancel` is called when the connection goes away first (or for HEAD), and `next` is
/// then never called again. An error from `next` ends the connection without the last chunk,
/// which tells the client the body is incomplete.
public struct HTTPBodyStream: Sendable {
    public let next: @Sendable () async throws -> [UInt8]?
    public let cancel: @Sendable () -> Void

    public init(next: @escaping @Sendable () async throws -> [UInt8]?, cancel: @escaping @Sendable () -> Void) {
        self.next = next
        self.cancel = cancel
    }
}

/// Reason phrases (RFC 9110 §15); informative only, clients must not rely on them.
public func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 100: return "Continue"
    case 200: return "OK"
    case 201: return "Created"
    case 202: return "Accepted"
    case 204: return "No Content"
    case 302: return "Found"
    case 304: return "Not Modified"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 406: return "Not Acceptable"
    case 408: return "Request Timeout"
    case 409: return "Conflict"
    case 410: return "Gone"
    case 411: return "Length Required"
    case 412: return "Precondition Failed"
    case 413: return "Content Too Large"
    case 414: return "URI Too Long"
    case 415: return "Unsupported Media Type"
    case 417: return "Expectation Failed"
    case 422: return "Unprocessable Content"
    case 428: return "Precondition Required"
    case 429: return "Too Many Requests"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 501: return "Not Implemented"
    case 503: return "Service Unavailable"
    case 505: return "HTTP Version Not Supported"
    default: return "Status \(status)"
    }
}
