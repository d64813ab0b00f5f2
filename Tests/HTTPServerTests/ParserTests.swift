import Testing
@testable import HTTPServer

/// Feeds `text` to a fresh parser (whole, or one byte at a time) and collects what comes out.
func parse(_ text: String, limits: HTTPParserLimits = HTTPParserLimits(), byteByByte: Bool = false)
    -> (requests: [HTTPRequest], error: HTTPParseError?) {
    var parser = HTTPRequestParser(limits: limits)
    var requests: [HTTPRequest] = []
    func drain() -> HTTPParseError? {
        while let event = parser.next() {
            switch event {
            case .request(let r): requests.append(r)
            case .failure(let e): return e
            }
        }
        return nil
    }
    let bytes = Array(text.utf8)
    if byteByByte {
        for byte in bytes {
            parser.append([byte])
            if let e = drain() { return (requests, e) }
        }
        return (requests, nil)
    }
    parser.append(bytes)
    let error = drain()
    return (requests, error)
}

func errorStatus(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> Int? {
    let whole = parse(text, limits: limits).error?.status
    let trickled = parse(text, limits: limits, byteByByte: true).error?.status
    #expect(whole == trickled, "whole and byte-by-byte parsing disagree for \(text.debugDescription)")
    return whole
}

@Suite struct ParserAcceptsValidRequests {
    @Test func simpleGet() throws {
        let (requests, error) = parse("GET /v1/orders/7?expand=lines HTTP/1.1\r\nHost: x\r\nX-Custom:  padded value \t\r\n\r\n")
        #expect(error == nil)
        let r = try #require(requests.first)
        #expect(r.method == .GET)
        #expect(r.target == "/v1/orders/7?expand=lines")
        #expect(r.path == "/v1/orders/7")
        #expect(r.query == "expand=lines")
        #expect(r.version == .http1_1)
        #expect(r.headers["x-custom"] == "padded value")
        #expect(r.headers["X-CUSTOM"] == "padded value")
        #expect(r.body.isEmpty)
        #expect(r.keepAlive)
    }

    @Test func byteByByteGivesTheSameRequest() throws {
        let text = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
        let (requests, error) = parse(text, byteByByte: true)
        #expect(error == nil)
        #expect(requests.count == 1)
        #expect(requests.first?.body == Array("hello".utf8))
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let text = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nabGET /3 HTTP/1.1\r\nHost: x\r\n\r\n"
        let (requests, error) = parse(text)
        #expect(error == nil)
        #expect(requests.map(\.path) == ["/1", "/2", "/3"])
        #expect(requests[1].body == Array("ab".utf8))
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() {
        let text = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\n"
        for byteByByte in [false, true] {
            let (requests, error) = parse(text, byteByByte: byteByByte)
            #expect(error == nil)
            #expect(requests.count == 1)
            #expect(String(decoding: requests.first?.body ?? [], as: UTF8.self) == "hello world0123456789")
        }
    }

    @Test func transferEncodingIsCaseInsensitive() {
        let (requests, error) = parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n")
        #expect(error == nil)
        #expect(requests.count == 1)
    }

    @Test func noLengthMeansNoBody() {
        // HTTPDecoderLengthTest.testRequestWithoutExplicitLengthIsZeroLength
        let (requests, error) = parse("POST / HTTP/1.1\r\nHost: example.org\r\n\r\n")
        #expect(error == nil)
        #expect(requests.count == 1)
        #expect(requests.first?.body.isEmpty == true)
    }

    @Test func leadingEmptyLinesAreIgnored() {
        // RFC 9112 §2.2
        let (requests, error) = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(error == nil)
        #expect(requests.count == 1)
    }

    @Test func http10ClosesUnlessKeepAlive() {
        #expect(parse("GET / HTTP/1.0\r\n\r\n").requests.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").requests.first?.keepAlive == true)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").requests.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, Close\r\n\r\n").requests.first?.keepAlive == false)
    }

    @Test func higherMinorVersionIsTreatedAs11() {
        // RFC 9110 §6.2
        #expect(parse("GET / HTTP/1.7\r\nHost: x\r\n\r\n").requests.first?.version == .http1_1)
    }

    @Test func absoluteFormIsReducedToPath() {
        let r = parse("GET http://example.com/a/b?c=d HTTP/1.1\r\nHost: example.com\r\n\r\n").requests.first
        #expect(r?.path == "/a/b")
        #expect(r?.query == "c=d")
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").requests.first?.target == "*")
    }

    @Test func expectContinueIsFlaggedUntilTheBodyStarts() {
        var parser = HTTPRequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8))
        #expect(parser.next() == nil)
        #expect(parser.continueExpected)
        parser.append(Array("abc".utf8))
        #expect(!parser.continueExpected)
        guard case .request(let r)? = parser.next() else { Issue.record("no request"); return }
        #expect(r.body == Array("abc".utf8))
    }

    @Test func bodyExactlyAtTheLimitIsAccepted() {
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 10
        let ok = parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits)
        #expect(ok.error == nil && ok.requests.count == 1)
        let chunked = parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n", limits: limits)
        #expect(chunked.error == nil && chunked.requests.count == 1)
    }
}

/// Request smuggling and framing: swift-nio's HTTPDecoderTest.testRefusesRequestSmugglingAttempt
/// and HTTPDecoderLengthTest request cases, plus RFC 9112 §6 rules, as our own tests.
@Suite struct ParserRefusesAmbiguousFraming {
    @Test func contentLengthWithTransferEncoding() {
        // testRefusesRequestSmugglingAttempt
        #expect(errorStatus("POST /foo HTTP/1.1\r\nHost: localhost\r\nContent-length: 1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\na=1\r\n0\r\n\r\n") == 400)
        // testRequestWithTEAndContentLengthErrors
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n") == 400)
    }

    @Test(arguments: ["4, 5", "4\r\nContent-Length: 5", "pie", "4, 4", "4\r\nContent-Length: 4",
                      "+4", "-4", "4 4", "0x4", "", "99999999999999999999999", "4.0"])
    func invalidContentLength(_ field: String) {
        // testRequestWithMultipleDifferentContentLengthsFails, …OnDifferentLinesFails,
        // testRequestWithInvalidContentLengthFails, testRequestWithIdenticalContentLengthRepeatedErrors,
        // testRequestWithMultipleIdenticalContentLengthFieldsErrors, and signs/overflow.
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(field)\r\n\r\n") == 400)
    }

    @Test(arguments: ["chunked, gzip", "gzip, chunked, deflate", "gzip", "chunked, chunked",
                      "identity", "chunked\r\nTransfer-Encoding: chunked", ", chunked", "chunked,"])
    func transferCodingOtherThanOneFinalChunked(_ field: String) {
        // testMultipleTEWithChunkedFirstHasNoBodyOnRequest, …InTheMiddle…: no final, single
        // chunked means no knowable length (RFC 9112 §6.1).
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \(field)\r\n\r\n0\r\n\r\n") == 400)
    }

    @Test(arguments: ["gzip, chunked", "deflate, chunked", "deflate\r\nTransfer-Encoding: chunked"])
    func aCodingBeforeChunkedIsNotImplemented(_ field: String) {
        // Framed correctly, but a coding we do not decode (RFC 9112 §6.1: 501).
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \(field)\r\n\r\n0\r\n\r\n") == 501)
    }

    @Test func transferEncodingInHTTP10() {
        #expect(errorStatus("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == 400)
    }

    @Test(arguments: ["-5", "+5", " 5", "5 ", "0x5", "g", "", "5\t", "fffffffffffffffff", "1111111111111111"])
    func invalidChunkSize(_ size: String) {
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nhello\r\n0\r\n\r\n") == 400)
    }

    @Test func chunkDataMustEndWithCRLF() {
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n") == 400)
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n") == 400)
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n") == 400)
    }

    @Test func obsFoldIsRefused() {
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  folded\r\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tfolded\r\n\r\n") == 400)
        // Whitespace between the start line and the first field (RFC 9112 §2.2).
        #expect(errorStatus("GET / HTTP/1.1\r\n Host: x\r\n\r\n") == 400)
    }

    @Test func bareLFAndBareCRAreRefused() {
        #expect(errorStatus("GET / HTTP/1.1\nHost: x\r\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\n\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\rX-A: b\r\n\r\n") == 400)
        #expect(errorStatus("GET /\r HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
        #expect(errorStatus("\nGET / HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
    }

    @Test(arguments: ["X A: b", "X-A : b", "X\"A: b", "X(A): b", ": b", "X-A\t: b", "X{A}: b", "X-\u{7F}: b", "NoColon"])
    func invalidHeaderNames(_ line: String) {
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\n\(line)\r\n\r\n") == 400)
    }

    @Test func invalidHeaderValueBytes() {
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{7F}b\r\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{1}b\r\n\r\n") == 400)
    }

    @Test func hostIsRequiredOnceIn11() {
        #expect(errorStatus("GET / HTTP/1.1\r\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400)
        #expect(errorStatus("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n") == 400)
    }

    @Test(arguments: ["GET  / HTTP/1.1", "GET / HTTP/1.1 ", "GET /", "GET / HTTP/1.1x", "GET / http/1.1", "GET / HTTP/1",
                      "GET / HTTP/1.", "GET / HTTP/a.1", " GET / HTTP/1.1", "G(T / HTTP/1.1", "GET /\u{7F} HTTP/1.1",
                      "GET a HTTP/1.1", "GET * HTTP/1.1", "GET /a\tb HTTP/1.1", "GET /café HTTP/1.1"])
    func malformedRequestLine(_ line: String) {
        // testDoesNotDecodeRealHTTP09Request and friends.
        #expect(errorStatus("\(line)\r\nHost: x\r\n\r\n") == 400)
    }

    @Test func versionAndMethodStatuses() {
        #expect(errorStatus("GET / HTTP/2.0\r\nHost: x\r\n\r\n") == 505)
        #expect(errorStatus("GET / HTTP/0.9\r\nHost: x\r\n\r\n") == 505)
        // Unknown (and lower-case, RFC 9110 §9.1: case-sensitive) methods parse; routing answers 405.
        #expect(errorStatus("BREW / HTTP/1.1\r\nHost: x\r\n\r\n") == nil)
        #expect(errorStatus("get / HTTP/1.1\r\nHost: x\r\n\r\n") == nil)
    }

    @Test func unsupportedExpectation() {
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\na") == 417)
    }
}

@Suite struct ParserLimits {
    @Test func requestLineOver8KiBIs414() {
        let long = "/" + String(repeating: "a", count: 8 * 1024)
        #expect(errorStatus("GET \(long) HTTP/1.1\r\nHost: x\r\n\r\n") == 414)
        // Refused before the line ends: an endless line cannot grow the buffer.
        #expect(parse("GET \(long)").error?.status == 414)
        let fits = "/" + String(repeating: "a", count: 8 * 1024 - 20)
        #expect(parse("GET \(fits) HTTP/1.1\r\nHost: x\r\n\r\n").error == nil)
    }

    @Test func headersOver16KiBAre431() {
        let big = "X-Big: " + String(repeating: "b", count: 16 * 1024) + "\r\n"
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\n\(big)\r\n") == 431)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n\(big)").error?.status == 431)
        var many = ""
        for i in 0..<70 { many += "X-F\(i): " + String(repeating: "v", count: 250) + "\r\n" }
        #expect(errorStatus("GET / HTTP/1.1\r\nHost: x\r\n\(many)\r\n") == 431)
    }

    @Test func moreThan100FieldsIs431() {
        var fields = ""
        for i in 0..<100 { fields += "X-F\(i): v\r\n" }
        #expect(parse("GET / HTTP/1.1\r\n\(fields)Host: x\r\n\r\n").error?.status == 431)
        var ninetyNine = ""
        for i in 0..<99 { ninetyNine += "X-F\(i): v\r\n" }
        #expect(parse("GET / HTTP/1.1\r\n\(ninetyNine)Host: x\r\n\r\n").error == nil)
    }

    @Test func bodyOverTheLimitIs413() {
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 10
        // Refused from the head alone, before any body byte.
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits: limits).error?.status == 413)
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n5\r\n", limits: limits) == 413)
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(2 * 1024 * 1024)\r\n\r\n").error?.status == 413)
    }

    @Test func trailerSectionIsBounded() {
        let big = "X-T: " + String(repeating: "t", count: 17 * 1024)
        #expect(errorStatus("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\(big)\r\n\r\n") == 431)
    }

    @Test func afterAFailureNothingElseIsParsed() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        guard case .failure(let e)? = parser.next() else { Issue.record("expected failure"); return }
        #expect(e.status == 400)
        guard case .failure? = parser.next() else { Issue.record("parser recovered after failure"); return }
    }
}
