#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPServer

public struct ClientError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }

    static let timedOut = ClientError(description: "timed out waiting for data")
    public var isTimeout: Bool { description == Self.timedOut.description }
}

/// A response as read off the wire.
public struct RawResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    public var head: String

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Test support only (not linked into the server executable).
/// A blocking TCP client that speaks raw bytes, so tests control exactly what goes on the wire.
public final class RawClient: @unchecked Sendable {
    /// -1 once closed: deinit runs even when init throws, and closing a number twice could close
    /// a descriptor another thread has since been given.
    public private(set) var fd: Int32
    private var buffer: [UInt8] = []

    /// `receiveTimeout` only bounds a failing test (a server that never answers): it is long so
    /// that two busy cores cannot make a correct answer late. Tests that prove a wait set their own.
    public init(port: Int, receiveTimeout: Double = 60) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            let e = errno
            close(fd)
            fd = -1
            throw ClientError(description: "connect failed: \(e)")
        }
        setReceiveTimeout(TestTiming.scaled(receiveTimeout))
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Closes the socket now (a client going away mid-response).
    public func disconnect() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// Sets SO_RCVTIMEO to exactly `seconds` (the initializer's default is scaled by `TestTiming`).
    public func setReceiveTimeout(_ seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ClientError(description: "send failed: \(errno)") }
            offset += n
        }
    }

    /// Reads more bytes; returns false on EOF, throws on timeout or error.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError.timedOut }
        if errno == ECONNRESET { return false }
        throw ClientError(description: "recv failed: \(errno)")
    }

    /// Reads one response. `bodyExpected: false` for HEAD requests and 1xx.
    public func readResponse(bodyExpected: Bool = true) throws -> RawResponse {
        var headEnd: Int?
        while true {
            if let range = findHeadEnd() { headEnd = range; break }
            guard try fill() else { throw ClientError(description: "connection closed before a response head") }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw ClientError(description: "bad status line \(statusLine.debugDescription) in head \(head.prefix(300).debugDescription)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body: [UInt8] = []
        let hasBody = bodyExpected && status >= 200 && status != 204 && status != 304
        if hasBody && headers["transfer-encoding"] == "chunked" {
            body = try readChunkedBody()
        } else if hasBody, let length = Int(headers["content-length"] ?? "0") {
            while buffer.count < length {
                guard try fill() else { throw ClientError(description: "connection closed mid-body") }
            }
            body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        }
        return RawResponse(status: status, headers: headers, body: body, head: head)
    }

    /// A chunked body (RFC 9112 §7.1), strictly: hex size, CRLF, data, CRLF; the last chunk
    /// "0" CRLF CRLF. A connection closed before the last chunk is an incomplete body (throws).
    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            var lineEnd: Int?
            while lineEnd == nil {
                lineEnd = buffer.indices.dropLast().first { buffer[$0] == 13 && buffer[$0 + 1] == 10 }
                if lineEnd == nil { guard try fill() else { throw ClientError(description: "connection closed mid-body (chunk size)") } }
            }
            let sizeText = String(decoding: buffer[0..<lineEnd!], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw ClientError(description: "bad chunk size \(sizeText.debugDescription)") }
            buffer.removeFirst(lineEnd! + 2)
            while buffer.count < size + 2 {
                guard try fill() else { throw ClientError(description: "connection closed mid-body (chunk data)") }
            }
            guard buffer[size] == 13 && buffer[size + 1] == 10 else { throw ClientError(description: "chunk data not followed by CRLF") }
            if size == 0 {
                buffer.removeFirst(2)
                return body
            }
            body.append(contentsOf: buffer[0..<size])
            buffer.removeFirst(size + 2)
        }
    }

    private func findHeadEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i
        }
        return nil
    }

    /// True when the server closes the connection (EOF or reset) within the receive timeout
    /// and sends nothing more; false when it is still open at the timeout or sent more. Any other
    /// socket error throws: it proves neither, so a test must not pass on it.
    public func isClosedByServer() throws -> Bool {
        do {
            while true {
                if try !fill() { return buffer.isEmpty }
            }
        } catch let error as ClientError where error.isTimeout {
            return false
        }
    }

    /// Everything the server sends until it closes.
    public func readUntilClosed() throws -> String {
        while try fill() {}
        return String(decoding: buffer, as: UTF8.self)
    }

    public func request(_ method: String, _ target: String, headers: [String] = [], body: String? = nil) throws -> RawResponse {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
        for h in headers { text += h + "\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        try send(text)
        return try readResponse(bodyExpected: method != "HEAD")
    }
}

/// Starts a server on port 0 with the given routes, runs `body`, and always shuts it down.
public func withServer<T>(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
                   routes: (inout Router<RouteHandler>) -> Void = testRoutes,
                   _ body: (HTTPServer) async throws -> T) async throws -> T {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    configuration.eventLoopCount = 2
    configure(&configuration)
    var router = Router<RouteHandler>()
    routes(&router)
    let server = HTTPServer(configuration: configuration, responder: RouterResponder(router: router))
    try server.start()
    do {
        let result = try await body(server)
        await server.shutdownGracefully()
        return result
    } catch {
        await server.shutdownGracefully()
        throw error
    }
}

/// Runs blocking socket code on a thread of its own: blocking the cooperative pool would
/// starve the handlers the server runs on it.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Routes shared by the socket tests.
public func testRoutes(_ router: inout Router<RouteHandler>) {
    router.add(.GET, "/hello") { _, _ in
        HTTPResponse(status: 200, contentType: "application/json", body: "{\"message\":\"hello\"}")
    }
    router.add(.POST, "/echo") { request, _ in
        HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: request.body)
    }
    router.add(.GET, "/sleep/{ms}") { _, context in
        let ms = Int(context.parameters["ms"] ?? "0") ?? 0
        try? await Task.sleep(for: .milliseconds(ms))
        return HTTPResponse(status: 200, contentType: "text/plain", body: "slept \(ms)")
    }
    // Busy until the test opens the gate (TestGates), then "opened NAME".
    router.add(.GET, "/gate/{name}") { _, context in
        let name = context.parameters["name"] ?? ""
        let opened = await TestGates.wait(name, limit: TestTiming.scaled(120))
        return HTTPResponse(status: opened ? 200 : 504, contentType: "text/plain", body: "opened \(name)")
    }
    router.add(.GET, "/items/{id}") { _, context in
        HTTPResponse(status: 200, contentType: "text/plain", body: "item \(context.parameters["id"] ?? "")")
    }
    router.add(.DELETE, "/items/{id}") { _, _ in HTTPResponse(status: 204) }
    router.add(.GET, "/items/special") { _, context in
        HTTPResponse(status: 200, contentType: "text/plain", body: "special \(context.routeTemplate ?? "")")
    }
    router.add(.GET, "/context") { _, context in
        HTTPResponse(status: 200, contentType: "text/plain", body: "\(context.requestId) \(context.routeTemplate ?? "-")")
    }
}
