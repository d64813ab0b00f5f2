#if canImport(Glibc)
import Glibc
#endif
import CLinuxShims

/// What answers requests. The server calls it off the event loop, so a slow handler
/// cannot stall other connections.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

/// A responder from a closure, handy for tests and small tools.
public struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) async -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse { await body(request) }
}

public struct HTTPServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 binds any free port; `HTTPServer.port` tells which.
    public var port = 8080
    /// Event loop threads; default one per core.
    public var eventLoopCount = HTTPServerConfiguration.coreCount
    /// Connections beyond this are answered 503 and closed at once. 10,000 idle keep-alive
    /// clients plus working ones fit (issue #9: RSS ≤ 256 MiB with 10,000 idle connections);
    /// `start()` raises the open-file limit to match when the hard limit allows.
    public var maxConnections = 16_384
    public var limits = HTTPParserLimits()
    /// Time allowed to receive a whole request head, from its first byte.
    public var headerTimeout: Duration = .seconds(10)
    /// Longest silence while a body is being received.
    public var bodyIdleTimeout: Duration = .seconds(30)
    /// Time allowed for a whole request with its body, from its first byte, extended by one
    /// second for every `bodyMinimumRate` bytes received (Apache mod_reqtimeout's MinRate): a
    /// client trickling a byte just inside `bodyIdleTimeout` cannot hold a connection forever,
    /// while a large upload at a modest rate finishes.
    public var bodyTimeout: Duration = .seconds(20)
    public var bodyMinimumRate = 512
    /// Longest silence between requests on a kept-alive connection.
    public var keepAliveIdleTimeout: Duration = .seconds(60)
    /// Longest time a response may wait for the peer to read it without progress.
    public var writeTimeout: Duration = .seconds(30)
    /// How long shutdown waits for requests in flight.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// Parsed requests queued per connection before the server stops reading from it.
    public var maxPipelinedRequests = 16
    /// Builds the body of the server's own error responses (400, 408, 413, 414, 431, 501,
    /// 503, 505). The default is RFC 9457 problem+json.
    public var errorResponse: @Sendable (_ status: Int, _ detail: String) -> HTTPResponse = problemResponse

    public init() {}

    /// CPUs this process may run on (respects taskset and cpusets).
    public static var coreCount: Int {
        max(1, Int(csys_available_cores()))
    }
}

/// An RFC 9457 problem+json response. `code` is the machine-readable error code the API
/// contract defines for each status.
public func problemResponse(status: Int, detail: String) -> HTTPResponse {
    problemResponse(status: status, code: defaultProblemCode(status), detail: detail)
}

public func problemResponse(status: Int, code: String, detail: String) -> HTTPResponse {
    var body = "{\"type\":\"about:blank\",\"title\":"
    appendJSONString(reasonPhrase(status), to: &body)
    body += ",\"status\":\(status),\"code\":"
    appendJSONString(code, to: &body)
    body += ",\"detail\":"
    appendJSONString(detail, to: &body)
    body += "}"
    return HTTPResponse(status: status, contentType: "application/problem+json", body: body)
}

public func defaultProblemCode(_ status: Int) -> String {
    switch status {
    case 400: return "bad_request"
    case 401: return "unauthorized"
    case 403: return "forbidden"
    case 404: return "not_found"
    case 405: return "method_not_allowed"
    case 408: return "request_timeout"
    case 413: return "payload_too_large"
    case 414: return "uri_too_long"
    case 415: return "unsupported_media_type"
    case 417: return "expectation_failed"
    case 431: return "request_header_fields_too_large"
    case 501: return "not_implemented"
    case 503: return "unavailable"
    case 505: return "http_version_not_supported"
    default: return status >= 500 ? "internal" : "bad_request"
    }
}

/// Appends `value` as a JSON string literal (RFC 8259 §7).
public func appendJSONString(_ value: String, to out: inout String) {
    out.append("\"")
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out.append("\\\"")
        case "\\": out.append("\\\\")
        case "\n": out.append("\\n")
        case "\r": out.append("\\r")
        case "\t": out.append("\\t")
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out.append("\"")
}

extension Duration {
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
