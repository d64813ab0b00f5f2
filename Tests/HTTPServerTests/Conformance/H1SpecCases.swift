import Testing
import HTTPTestSupport
@testable import HTTPServer

/// The 33 cases of h1spec (github.com/uNetworking/h1spec, http_test.ts), run the way h1spec runs
/// them: one connection per case against a server that echoes the body, first response read.
/// h1spec accepts a range of statuses; we assert the exact status we answer, and where h1spec
/// demands an error, that the connection is closed after it.
struct H1SpecCase: Sendable, CustomTestStringConvertible {
    enum Expect: Sendable {
        /// h1spec's "server waited": no byte within half a second, the connection still open.
        case waits
        /// The first response has this status (and `body`, when given); the connection stays open.
        case answers(Int, body: String?)
        /// The response has this status and the server closes the connection.
        case refusesAndCloses(Int)
    }

    var description: String
    var request: String
    var expect: Expect

    var testDescription: String { description }
}

let h1specCases: [H1SpecCase] = [
    H1SpecCase(description: "Fragmented method", request: "G", expect: .waits),
    H1SpecCase(description: "Fragmented URL 1", request: "GET ", expect: .waits),
    H1SpecCase(description: "Fragmented URL 2", request: "GET /hello", expect: .waits),
    H1SpecCase(description: "Fragmented URL 3", request: "GET /hello ", expect: .waits),
    H1SpecCase(description: "Fragmented HTTP version", request: "GET /hello HTTP", expect: .waits),
    H1SpecCase(description: "Fragmented request line", request: "GET /hello HTTP/1.1", expect: .waits),
    H1SpecCase(description: "Fragmented request line newline 1", request: "GET /hello HTTP/1.1\r", expect: .waits),
    H1SpecCase(description: "Fragmented request line newline 2", request: "GET /hello HTTP/1.1\r\n", expect: .waits),
    H1SpecCase(description: "Fragmented field name", request: "GET /hello HTTP/1.1\r\nHos", expect: .waits),
    H1SpecCase(description: "Fragmented field value 1", request: "GET /hello HTTP/1.1\r\nHost:", expect: .waits),
    H1SpecCase(description: "Fragmented field value 2", request: "GET /hello HTTP/1.1\r\nHost: ", expect: .waits),
    H1SpecCase(description: "Fragmented field value 3", request: "GET /hello HTTP/1.1\r\nHost: localhost", expect: .waits),
    H1SpecCase(description: "Fragmented field value 4", request: "GET /hello HTTP/1.1\r\nHost: localhost\r", expect: .waits),
    H1SpecCase(description: "Fragmented request", request: "GET /hello HTTP/1.1\r\nHost: localhost\r\n", expect: .waits),
    H1SpecCase(description: "Fragmented request termination", request: "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r", expect: .waits),
    H1SpecCase(description: "Request without HTTP version", request: "GET / \r\n\r\n", expect: .refusesAndCloses(400)),
    // RFC 9110 §10.1.1: no 100 for a request without content; the final answer comes at once.
    H1SpecCase(description: "Request with Expect header",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nExpect: 100-continue\r\n\r\n", expect: .answers(200, body: "")),
    H1SpecCase(description: "Valid GET request", request: "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", expect: .answers(200, body: "")),
    H1SpecCase(description: "Valid GET request with edge cases",
               request: "GET / HTTP/1.1\r\nhoSt:\texample.com\r\nempty:\r\n\r\n", expect: .answers(200, body: "")),
    H1SpecCase(description: "Invalid header characters",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nX-Invalid[]: test\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Missing Host header", request: "GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Multiple Host headers",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nHost: example.org\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Overflowing negative Content-Length header",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: -123456789123456789123456789\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Negative Content-Length header",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: -1234\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Non-numeric Content-Length header",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: abc\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Empty header value",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nX-Empty-Header: \r\n\r\n", expect: .answers(200, body: "")),
    H1SpecCase(description: "Header containing invalid control character",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\nX-Bad-Control-Char: test\u{07}\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Invalid HTTP version", request: "GET / HTTP/9.9\r\nHost: example.com\r\n\r\n", expect: .refusesAndCloses(505)),
    H1SpecCase(description: "Invalid prefix of request",
               request: "Extra lineGET / HTTP/1.1\r\nHost: example.com\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Invalid line ending",
               request: "GET / HTTP/1.1\r\nHost: example.com\r\n\rSome-Header: Test\r\n\r\n", expect: .refusesAndCloses(400)),
    H1SpecCase(description: "Valid POST request with body",
               request: "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\nhello", expect: .answers(200, body: "hello")),
    H1SpecCase(description: "Chunked Transfer-Encoding",
               request: "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\nc\r\nHellO world1\r\n0\r\n\r\n",
               expect: .answers(200, body: "HellO world1")),
    // h1spec also accepts 200 here; RFC 9112 §6.1 lets a server refuse, and smuggling is why we do.
    H1SpecCase(description: "Conflicting Transfer-Encoding and Content-Length in varying case",
               request: "POST / HTTP/1.1\r\nHost: example.com\r\ncontent-LengtH: 5\r\nTransFer-Encoding: chunked\r\n\r\nc\r\nHellO world1\r\n0\r\n\r\n",
               expect: .refusesAndCloses(400)),
]

/// h1spec's test subject: every method on "/" echoes the body.
private func echoRoot(_ router: inout Router<RouteHandler>) {
    testRoutes(&router)
    for method in [HTTPMethod.GET, .POST] {
        router.add(method, "/") { request, _ in
            HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/plain")]), body: request.body)
        }
    }
}

@Suite struct H1Spec {
    @Test func thereAre33Cases() { #expect(h1specCases.count == 33) }

    @Test(arguments: h1specCases) func conformance(_ c: H1SpecCase) async throws {
        try await withServer(routes: echoRoot) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send(c.request)
                switch c.expect {
                case .waits:
                    // Half a second as in h1spec: nothing may arrive, the connection stays up.
                    client.setReceiveTimeout(0.5)
                    #expect(throws: ClientError.self, "\(c.description): answered a fragment") { try client.readResponse() }
                    #expect(try !client.isClosedByServer(), "\(c.description): closed while waiting for the rest")
                case .answers(let status, let body):
                    let response = try client.readResponse()
                    #expect(response.status == status, "\(c.description)")
                    if let body { #expect(response.bodyText == body, "\(c.description)") }
                    #expect(response.headers["connection"] != "close", "\(c.description)")
                case .refusesAndCloses(let status):
                    let response = try client.readResponse()
                    #expect(response.status == status, "\(c.description): \(response.bodyText)")
                    #expect(response.headers["connection"] == "close", "\(c.description)")
                    #expect(try client.isClosedByServer(), "\(c.description): left open after the error")
                }
            }
        }
    }
}
