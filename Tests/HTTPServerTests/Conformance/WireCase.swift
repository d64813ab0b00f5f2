import Testing
import HTTPTestSupport
@testable import HTTPServer

/// One conformance case: exact bytes on the wire and what must come of them.
///
/// `source` names the case where it comes from (a file and section of llhttp's request fixtures,
/// or an h1spec description) so a failure points at the case it ports. Where our answer differs
/// from the source's, `note` says why.
struct WireCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// The requests parse in order; `pending` says whether bytes remain that wait for more.
        case parsed([Parsed], pending: Bool)
        /// The parser fails with `status` and a detail containing `detail`; the connection
        /// answers `status` and closes.
        case refused(Int, String)
    }

    struct Parsed: Sendable {
        var method: HTTPMethod
        var target: String
        var body: String = ""
        var keepAlive: Bool = true
    }

    var source: String
    var bytes: String
    var outcome: Outcome
    var note: String = ""

    var testDescription: String { source }
}

/// Runs `bytes` through a fresh parser whole and one byte at a time; both must agree on every
/// request and on the failure.
func checkParse(_ c: WireCase) {
    let whole = parse(c.bytes)
    let trickled = parse(c.bytes, byteByByte: true)
    #expect(whole.requests.count == trickled.requests.count, "\(c.source): whole and byte-by-byte disagree")
    #expect(whole.error == trickled.error, "\(c.source): whole and byte-by-byte disagree")
    switch c.outcome {
    case .refused(let status, let detail):
        #expect(whole.error?.status == status, "\(c.source): \(String(describing: whole.error))")
        #expect(whole.error?.detail.contains(detail) == true, "\(c.source): \(String(describing: whole.error))")
    case .parsed(let expected, let pending):
        #expect(whole.error == nil, "\(c.source): \(String(describing: whole.error))")
        #expect(whole.requests.count == expected.count, "\(c.source)")
        for (request, want) in zip(whole.requests, expected) {
            #expect(request.method == want.method, "\(c.source)")
            #expect(request.target == want.target, "\(c.source)")
            #expect(request.body == Array(want.body.utf8), "\(c.source): body \(String(decoding: request.body, as: UTF8.self).debugDescription)")
            #expect(request.keepAlive == want.keepAlive, "\(c.source)")
        }
        var parser = HTTPRequestParser()
        parser.append(Array(c.bytes.utf8))
        while case .request = parser.next() {}
        #expect(parser.hasPartialRequest == pending, "\(c.source): pending bytes")
    }
}

/// For a refused case: the server answers `status` last and closes the connection.
func checkRefusedOnTheWire(_ c: WireCase) async throws {
    guard case .refused(let status, _) = c.outcome else { return }
    try await withServer { server in
        let port = server.port
        let (statuses, closed) = try await offPool { () -> ([Int], Bool) in
            let client = try RawClient(port: port)
            try client.send(c.bytes)
            var statuses: [Int] = []
            while let response = try? client.readResponse() {
                statuses.append(response.status)
                if response.headers["connection"] == "close" { break }
            }
            return (statuses, try client.isClosedByServer())
        }
        #expect(statuses.last == status, "\(c.source): answers \(statuses)")
        #expect(closed, "\(c.source): the connection stays open")
    }
}
