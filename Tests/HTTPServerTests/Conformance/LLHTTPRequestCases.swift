import Testing
import HTTPTestSupport
@testable import HTTPServer

// The request cases of llhttp's fixtures (github.com/nodejs/llhttp, test/request/:
// content-length.md, transfer-encoding.md, invalid.md, connection.md, pipelining.md), ported
// as bytes and outcomes. llhttp writes its cases without Host; RFC 9112 §3.2 makes a Host-less
// HTTP/1.1 request a 400 here, so "Host: t" is added to those, or every refusal would be for
// the missing Host and prove nothing. Cases of llhttp's lenient modes are kept where the strict
// answer (ours) is a refusal.

private let host = "Host: t\r\n"

private typealias P = WireCase.Parsed

let llhttpContentLength: [WireCase] = [
    WireCase(source: "content-length.md: Content-Length with zeroes",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content-Length: 003\r\n\r\nabc",
             outcome: .parsed([P(method: .PUT, target: "/url", body: "abc")], pending: false)),
    WireCase(source: "content-length.md: Content-Length with follow-up headers",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content-Length: 003\r\nOhai: world\r\n\r\nabc",
             outcome: .parsed([P(method: .PUT, target: "/url", body: "abc")], pending: false)),
    WireCase(source: "content-length.md: Error on Content-Length overflow",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content-Length: 1000000000000000000000\r\n\r\n",
             outcome: .refused(400, "invalid Content-Length")),
    WireCase(source: "content-length.md: Error on duplicate Content-Length",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content-Length: 1\r\nContent-Length: 2\r\n\r\n",
             outcome: .refused(400, "duplicate Content-Length")),
    WireCase(source: "content-length.md: Error on simultaneous Content-Length and Transfer-Encoding: identity",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content-Length: 1\r\nTransfer-Encoding: identity\r\n\r\n\r\n",
             outcome: .refused(400, "both Transfer-Encoding and Content-Length")),
    WireCase(source: "content-length.md: No error on simultaneous Content-Length and Transfer-Encoding (lenient)",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
             outcome: .refused(400, "both Transfer-Encoding and Content-Length"),
             note: "llhttp accepts this only in its lenient mode; RFC 9112 §6.1 lets a server refuse it, and we do"),
    WireCase(source: "content-length.md: Funky Content-Length with body",
             bytes: "GET /get_funky_content_length_body_hello HTTP/1.0\r\nconTENT-Length: 5\r\n\r\nHELLO",
             outcome: .parsed([P(method: .GET, target: "/get_funky_content_length_body_hello", body: "HELLO", keepAlive: false)], pending: false)),
    WireCase(source: "content-length.md: Spaces in Content-Length (surrounding)",
             bytes: "POST / HTTP/1.1\r\n\(host)Content-Length:  42 \r\n\r\n",
             outcome: .parsed([], pending: true)),
    WireCase(source: "content-length.md: Spaces in Content-Length #2",
             bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 4 2\r\n\r\n",
             outcome: .refused(400, "invalid Content-Length")),
    WireCase(source: "content-length.md: Spaces in Content-Length #3",
             bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 13 37\r\n\r\n",
             outcome: .refused(400, "invalid Content-Length")),
    WireCase(source: "content-length.md: Empty Content-Length",
             bytes: "POST / HTTP/1.1\r\n\(host)Content-Length:\r\n\r\n",
             outcome: .refused(400, "invalid Content-Length")),
    WireCase(source: "content-length.md: Content-Length with CR instead of dash",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Content\rLength: 003\r\n\r\nabc",
             outcome: .refused(400, "invalid header field name")),
]

let llhttpTransferEncoding: [WireCase] = [
    WireCase(source: "transfer-encoding.md: Empty Transfer-Encoding with Content-Length",
             bytes: "POST /first HTTP/1.1\r\n\(host)Transfer-Encoding:\r\nContent-Length: 5\r\n\r\nhello",
             outcome: .refused(400, "both Transfer-Encoding and Content-Length")),
    WireCase(source: "transfer-encoding.md: chunked, parsing and setting flag",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n",
             outcome: .parsed([], pending: true)),
    WireCase(source: "transfer-encoding.md: Parse chunks with lowercase size",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n0\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url", body: "0123456789")], pending: false)),
    WireCase(source: "transfer-encoding.md: Parse chunks with uppercase size",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url", body: "0123456789")], pending: false)),
    WireCase(source: "transfer-encoding.md: POST with Transfer-Encoding: chunked",
             bytes: "POST /post_chunked_all_your_base HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n1e\r\nall your base are belong to us\r\n0\r\n\r\n",
             outcome: .parsed([P(method: .POST, target: "/post_chunked_all_your_base", body: "all your base are belong to us")], pending: false)),
    WireCase(source: "transfer-encoding.md: Two chunks and triple zero prefixed end chunk",
             bytes: "POST /two_chunks_mult_zero_end HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n000\r\n\r\n",
             outcome: .parsed([P(method: .POST, target: "/two_chunks_mult_zero_end", body: "hello world")], pending: false)),
    WireCase(source: "transfer-encoding.md: Trailing headers",
             bytes: "POST /chunked_w_trailing_headers HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\nVary: *\r\nContent-Type: text/plain\r\n\r\n",
             outcome: .parsed([P(method: .POST, target: "/chunked_w_trailing_headers", body: "hello world")], pending: false)),
    WireCase(source: "transfer-encoding.md: Chunk extensions",
             bytes: "POST /chunked_w_unicorns_after_length HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5;ilovew3;somuchlove=aretheseparametersfor;another=withvalue\r\nhello\r\n6;blahblah;blah\r\n world\r\n0\r\n\r\n",
             outcome: .parsed([P(method: .POST, target: "/chunked_w_unicorns_after_length", body: "hello world")], pending: false),
             note: "the fixture stops before the final CRLF; it is added to see the body"),
    WireCase(source: "transfer-encoding.md: No semicolon before chunk extensions",
             bytes: "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: localhost\r\nTransfer-encoding: chunked\r\n\r\n2 erfrferferf\r\naa\r\n0 rrrr\r\n\r\n",
             outcome: .refused(400, "invalid chunk size")),
    WireCase(source: "transfer-encoding.md: No extension after semicolon",
             bytes: "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: localhost\r\nTransfer-encoding: chunked\r\n\r\n2;\r\naa\r\n0\r\n\r\n",
             outcome: .refused(400, "invalid chunk extension")),
    WireCase(source: "transfer-encoding.md: Chunk extensions quoting",
             bytes: "POST /chunked_w_unicorns_after_length HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5;ilovew3=\"I \\\"love\\\"; \\\\extensions\\\\\";somuchlove=\"aretheseparametersfor\";blah;foo=bar\r\nhello\r\n6;blahblah;blah\r\n world\r\n0\r\n\r\n",
             outcome: .parsed([P(method: .POST, target: "/chunked_w_unicorns_after_length", body: "hello world")], pending: false),
             note: "the fixture stops before the final CRLF; it is added to see the body"),
    WireCase(source: "transfer-encoding.md: Unbalanced chunk extensions quoting",
             bytes: "POST /chunked_w_unicorns_after_length HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5;ilovew3=\"abc\";somuchlove=\"def; ghi\r\nhello\r\n6;blahblah;blah\r\n world\r\n0\r\n\r\n",
             outcome: .refused(400, "invalid chunk extension")),
    WireCase(source: "transfer-encoding.md: Ignoring pigeons",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: pigeons\r\n\r\n\r\n",
             outcome: .refused(400, "unsupported transfer coding")),
    WireCase(source: "transfer-encoding.md: POST with Transfer-Encoding and Content-Length",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: identity\r\nContent-Length: 5\r\n\r\nWorld",
             outcome: .refused(400, "both Transfer-Encoding and Content-Length")),
    WireCase(source: "transfer-encoding.md: POST with Transfer-Encoding and Content-Length (lenient)",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: identity\r\nContent-Length: 1\r\n\r\nWorld",
             outcome: .refused(400, "both Transfer-Encoding and Content-Length")),
    WireCase(source: "transfer-encoding.md: POST with empty Transfer-Encoding and Content-Length (lenient)",
             bytes: "POST / HTTP/1.1\r\nHost: foo\r\nContent-Length: 10\r\nTransfer-Encoding:\r\nTransfer-Encoding:\r\nTransfer-Encoding:\r\n\r\n2\r\nAA\r\n0",
             outcome: .refused(400, "both Transfer-Encoding and Content-Length")),
    WireCase(source: "transfer-encoding.md: POST with chunked before other transfer coding names",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: chunked, deflate\r\n\r\nWorld",
             outcome: .refused(400, "unsupported transfer coding")),
    WireCase(source: "transfer-encoding.md: POST with chunked and duplicate transfer-encoding",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: deflate\r\n\r\nWorld",
             outcome: .refused(400, "unsupported transfer coding")),
    WireCase(source: "transfer-encoding.md: POST with chunked as last transfer-encoding",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: deflate, chunked\r\n\r\n5\r\nWorld\r\n0\r\n\r\n",
             outcome: .refused(501, "not implemented"),
             note: "llhttp frames it and leaves deflate to the application; we decode no coding but chunked, so RFC 9112 §6.1's 501 rather than a body handed on still compressed"),
    WireCase(source: "transfer-encoding.md: POST with chunked as last transfer-encoding (multiple headers)",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nWorld\r\n0\r\n\r\n",
             outcome: .refused(501, "not implemented"),
             note: "as above: deflate is not decoded here"),
    WireCase(source: "transfer-encoding.md: POST with chunkedchunked as transfer-encoding",
             bytes: "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n\(host)Accept: */*\r\nTransfer-Encoding: chunkedchunked\r\n\r\n5\r\nWorld\r\n0\r\n\r\n",
             outcome: .refused(400, "unsupported transfer coding")),
    WireCase(source: "transfer-encoding.md: Missing last-chunk",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3\r\nfoo\r\n\r\n",
             outcome: .refused(400, "invalid chunk size")),
    WireCase(source: "transfer-encoding.md: Validate chunk parameters",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3 \n  \r\nfoo\r\n\r\n",
             outcome: .refused(400, "bare LF")),
    WireCase(source: "transfer-encoding.md: Invalid OBS fold after chunked value",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n  abc\r\n\r\n5\r\nWorld\r\n0\r\n\r\n",
             outcome: .refused(400, "obsolete line folding")),
    WireCase(source: "transfer-encoding.md: Chunk header not terminated by CRLF",
             bytes: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close \r\nTransfer-Encoding: chunked \r\n\r\n5\r\r;ABCD\r\n34\r\nE\r\n0\r\n\r\nGET / HTTP/1.1 \r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n",
             outcome: .refused(400, "invalid chunk size")),
    WireCase(source: "transfer-encoding.md: Chunk header not terminated by CRLF (lenient)",
             bytes: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close \r\nTransfer-Encoding: chunked \r\n\r\n6\r\r;ABCD\r\n33\r\nE\r\n0\r\n\r\nGET / HTTP/1.1 \r\nHost: a\r\nContent-Length: 5\r\n0\r\n\r\n\r\n",
             outcome: .refused(400, "invalid chunk size"),
             note: "llhttp's lenient mode reads the CR as chunk data, which smuggles the second request in; strict is the only safe reading"),
    WireCase(source: "transfer-encoding.md: Chunk data not terminated by CRLF",
             bytes: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close \r\nTransfer-Encoding: chunked \r\n\r\n5\r\nABCDE0\r\n\r\n",
             outcome: .refused(400, "chunk data not followed by CRLF")),
    WireCase(source: "transfer-encoding.md: Space after chunk header",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\na \r\n0123456789\r\n0\r\n\r\n",
             outcome: .refused(400, "invalid chunk size")),
]

let llhttpInvalid: [WireCase] = [
    WireCase(source: "invalid.md: ICE protocol and GET method",
             bytes: "GET /music/sweet/music ICE/1.0\r\nHost: example.com\r\n\r\n\r\n",
             outcome: .refused(400, "malformed HTTP version")),
    WireCase(source: "invalid.md: ICE protocol, but not really",
             bytes: "GET /music/sweet/music IHTTP/1.0\r\nHost: example.com\r\n\r\n\r\n",
             outcome: .refused(400, "malformed HTTP version")),
    WireCase(source: "invalid.md: RTSP protocol and PUT method",
             bytes: "PUT /music/sweet/music RTSP/1.0\r\nHost: example.com\r\n\r\n\r\n",
             outcome: .refused(400, "malformed HTTP version")),
    WireCase(source: "invalid.md: HTTP protocol and ANNOUNCE method",
             bytes: "ANNOUNCE /music/sweet/music HTTP/1.0\r\nHost: example.com\r\n\r\n\r\n",
             outcome: .parsed([P(method: .OTHER, target: "/music/sweet/music", keepAlive: false)], pending: false),
             note: "llhttp knows a fixed list of methods; RFC 9110 §9.1 lets any token be a method, so it parses and the router answers 405 (tested in RobustnessTests)"),
    WireCase(source: "invalid.md: Headers separated by CR",
             bytes: "GET / HTTP/1.1\r\n\(host)Foo: 1\rBar: 2\r\n\r\n\r\n",
             outcome: .refused(400, "invalid byte in header field value")),
    WireCase(source: "invalid.md: Headers separated by LF",
             bytes: "POST / HTTP/1.1\r\nHost: localhost:5000\r\nx:x\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n0\r\n\r\n",
             outcome: .refused(400, "bare LF")),
    WireCase(source: "invalid.md: Headers separated by dummy characters",
             bytes: "GET / HTTP/1.1\r\nConnection: close\r\nHost: a\r\n\rZGET /evil: HTTP/1.1\r\nHost: a\r\n\r\n",
             outcome: .refused(400, "invalid header field name")),
    WireCase(source: "invalid.md: Empty headers separated by CR",
             bytes: "POST / HTTP/1.1\r\nConnection: Close\r\nHost: localhost:5000\r\nx:\rTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n0\r\n\r\n",
             outcome: .refused(400, "invalid byte in header field value")),
    WireCase(source: "invalid.md: Empty headers separated by LF",
             bytes: "POST / HTTP/1.1\r\nHost: localhost:5000\r\nx:\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n0\r\n\r\n",
             outcome: .refused(400, "bare LF")),
    WireCase(source: "invalid.md: Invalid header token #1",
             bytes: "GET / HTTP/1.1\r\n\(host)Fo@: Failure\r\n\r\n\r\n",
             outcome: .refused(400, "invalid header field name")),
    WireCase(source: "invalid.md: Invalid header token #2",
             bytes: "GET / HTTP/1.1\r\n\(host)Foo\u{01}\test: Bar\r\n\r\n\r\n",
             outcome: .refused(400, "invalid header field name")),
    WireCase(source: "invalid.md: Invalid header token #3",
             bytes: "GET / HTTP/1.1\r\n\(host): Bar\r\n\r\n\r\n",
             outcome: .refused(400, "invalid header field name")),
    WireCase(source: "invalid.md: Invalid method",
             bytes: "MKCOLA / HTTP/1.1\r\n\(host)\r\n\r\n",
             outcome: .parsed([P(method: .OTHER, target: "/")], pending: false),
             note: "any token is a method (RFC 9110 §9.1); the router answers 405"),
    WireCase(source: "invalid.md: Illegal header field name line folding",
             bytes: "GET / HTTP/1.1\r\n\(host)name\r\n : value\r\n\r\n\r\n",
             outcome: .refused(400, "header field without a colon")),
    WireCase(source: "invalid.md: Corrupted Connection header",
             bytes: "GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection\r\u{1B}5\u{D5}eep-Alive\r\nAccept-Encoding: gzip\r\n\r\n\r\n",
             outcome: .refused(400, "header field without a colon")),
    WireCase(source: "invalid.md: Corrupted header name",
             bytes: "GET / HTTP/1.1\r\nHost: www.example.com\r\nX-Some-Header\r\u{1B}5\u{D5}eep-Alive\r\nAccept-Encoding: gzip\r\n\r\n\r\n",
             outcome: .refused(400, "header field without a colon")),
    WireCase(source: "invalid.md: Missing CR between headers",
             bytes: "GET / HTTP/1.1\r\nHost: localhost\r\nDummy: x\nContent-Length: 23\r\n\r\nGET / HTTP/1.1\r\nDummy: GET /admin HTTP/1.1\r\nHost: localhost\r\n\r\n\r\n",
             outcome: .refused(400, "bare LF")),
    WireCase(source: "invalid.md: Invalid HTTP version",
             bytes: "GET / HTTP/5.6\r\n\(host)\r\n",
             outcome: .refused(505, "HTTP version not supported"),
             note: "the fixture ends inside the request line; we judge the version once the line is complete"),
    WireCase(source: "invalid.md: Invalid space after start line",
             bytes: "GET / HTTP/1.1\r\n Host: foo\r\n\r\n",
             outcome: .refused(400, "obsolete line folding"),
             note: "the fixture ends inside the line; the line end is added"),
    WireCase(source: "invalid.md: Only LFs present",
             bytes: "POST / HTTP/1.1\nTransfer-Encoding: chunked\nTrailer: Baz\r\nFoo: abc\nBar: def\n\n1\nA\n1;abc\nB\n1;def=ghi\nC\n1;jkl=\"mno\"\nD\n0\n\nBaz: ghi\n\n",
             outcome: .refused(400, "bare LF")),
    WireCase(source: "invalid.md: Spaces before headers",
             bytes: "POST /hello HTTP/1.1\r\nHost: localhost\r\nFoo: bar\r\n Content-Length: 38\r\n\r\nGET /bye HTTP/1.1\r\nHost: localhost\r\n\r\n\r\n",
             outcome: .refused(400, "obsolete line folding")),
]

let llhttpConnection: [WireCase] = [
    WireCase(source: "connection.md: keep-alive, setting flag",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Connection: keep-alive\r\n\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url")], pending: false),
             note: "the trailing CRLF is an empty line before a next request (RFC 9112 §2.2), consumed"),
    WireCase(source: "connection.md: Restarting when keep-alive is explicitly",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Connection: keep-alive\r\n\r\nPUT /url HTTP/1.1\r\n\(host)Connection: keep-alive\r\n\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url"), P(method: .PUT, target: "/url")], pending: false)),
    WireCase(source: "connection.md: No restart when keep-alive is off (1.0)",
             bytes: "PUT /url HTTP/1.0\r\n\r\nPUT /url HTTP/1.1\r\n\(host)\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url", keepAlive: false), P(method: .PUT, target: "/url")], pending: false),
             note: "the parser frames both; the connection answers the first and closes (ConnectionCases)"),
    WireCase(source: "connection.md: Resetting flags when keep-alive is off (1.0) and parser is in loose mode",
             bytes: "PUT /url HTTP/1.0\r\nContent-Length: 0\r\n\r\nPUT /url HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url", keepAlive: false)], pending: true),
             note: "the second request's framing is its own (chunked, waiting for its body); the connection never reads it (ConnectionCases)"),
    WireCase(source: "connection.md: CRLF between requests, implicit keep-alive",
             bytes: "POST / HTTP/1.1\r\nHost: www.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\n\r\nq=42\r\n\r\nGET / HTTP/1.1\r\n",
             outcome: .parsed([P(method: .POST, target: "/", body: "q=42")], pending: true)),
    WireCase(source: "connection.md: Setting flag on close",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Connection: close\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url", keepAlive: false)], pending: false)),
    WireCase(source: "connection.md: CRLF between requests, explicit close",
             bytes: "POST / HTTP/1.1\r\nHost: www.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\nConnection: close\r\n\r\nq=42\r\n\r\nGET / HTTP/1.1\r\n",
             outcome: .parsed([P(method: .POST, target: "/", body: "q=42", keepAlive: false)], pending: true),
             note: "the connection answers the first and closes (ConnectionCases)"),
    WireCase(source: "connection.md: Parsing multiple tokens",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Connection: close, token, upgrade, token, keep-alive\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url", keepAlive: false)], pending: false),
             note: "close wins over keep-alive (RFC 9112 §9.6)"),
    WireCase(source: "connection.md: Multiple tokens with folding",
             bytes: "GET /demo HTTP/1.1\r\nHost: example.com\r\nConnection: Something,\r\n Upgrade, ,Keep-Alive\r\nSec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\nSec-WebSocket-Protocol: sample\r\nUpgrade: WebSocket\r\nSec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\nOrigin: http://example.com\r\n\r\nHot diggity dogg",
             outcome: .refused(400, "obsolete line folding"),
             note: "llhttp joins the folded line; RFC 9112 §5.2 lets a server refuse obs-fold, and we do"),
    WireCase(source: "connection.md: Multiple tokens with folding and LWS",
             bytes: "GET /demo HTTP/1.1\r\n\(host)Connection: keep-alive, upgrade\r\nUpgrade: WebSocket\r\n\r\nHot diggity dogg",
             outcome: .parsed([P(method: .GET, target: "/demo")], pending: true),
             note: "no upgrade is offered: the request is answered as HTTP/1.1 and what follows is read as the next request"),
    WireCase(source: "connection.md: Multiple tokens with folding, LWS, and CRLF",
             bytes: "GET /demo HTTP/1.1\r\n\(host)Connection: keep-alive, \r\n upgrade\r\nUpgrade: WebSocket\r\n\r\nHot diggity dogg",
             outcome: .refused(400, "obsolete line folding")),
    WireCase(source: "connection.md: upgrade, setting a flag and pausing",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Connection: upgrade\r\nUpgrade: ws\r\n\r\n\r\n",
             outcome: .parsed([P(method: .PUT, target: "/url")], pending: false)),
    WireCase(source: "connection.md: Emitting part of body and pausing",
             bytes: "PUT /url HTTP/1.1\r\n\(host)Connection: upgrade\r\nContent-Length: 4\r\nUpgrade: ws\r\n\r\nabcdefgh",
             outcome: .parsed([P(method: .PUT, target: "/url", body: "abcd")], pending: true)),
    WireCase(source: "connection.md: Upgrade GET request",
             bytes: "GET /demo HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade\r\nSec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\nSec-WebSocket-Protocol: sample\r\nUpgrade: WebSocket\r\nSec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\nOrigin: http://example.com\r\n\r\nHot diggity dogg",
             outcome: .parsed([P(method: .GET, target: "/demo")], pending: true)),
    WireCase(source: "connection.md: Upgrade POST request",
             bytes: "POST /demo HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade\r\nUpgrade: HTTP/2.0\r\nContent-Length: 15\r\n\r\nsweet post bodyHot diggity dogg",
             outcome: .parsed([P(method: .POST, target: "/demo", body: "sweet post body")], pending: true)),
]

let llhttpPipelining: [WireCase] = [
    WireCase(source: "pipelining.md: Should parse multiple events",
             bytes: "POST /aaa HTTP/1.1\r\n\(host)Content-Length: 3\r\n\r\nAAA\r\nPUT /bbb HTTP/1.1\r\n\(host)Content-Length: 4\r\n\r\nBBBB\r\nPATCH /ccc HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nCCCC",
             outcome: .parsed([P(method: .POST, target: "/aaa", body: "AAA"), P(method: .PUT, target: "/bbb", body: "BBBB")], pending: true)),
]

@Suite struct LLHTTPRequestFixtures {
    static let all = llhttpContentLength + llhttpTransferEncoding + llhttpInvalid + llhttpConnection + llhttpPipelining

    @Test(arguments: all) func parser(_ c: WireCase) { checkParse(c) }

    @Test(arguments: all.filter { if case .refused = $0.outcome { true } else { false } })
    func refusedOnTheWire(_ c: WireCase) async throws { try await checkRefusedOnTheWire(c) }
}

/// What connection.md's cases mean for a connection: the answers it gives, and when it closes.
@Suite struct ConnectionCases {
    /// Sends `bytes` on one connection and reads `answers` responses; then whether the server
    /// closed the connection with nothing more sent, or left it open (nothing more within half a
    /// second either way).
    func exchange(_ bytes: String, answers: Int) async throws -> (statuses: [Int], closed: Bool) {
        try await withServer { server in
            let port = server.port
            return try await offPool {
                let client = try RawClient(port: port)
                try client.send(bytes)
                let statuses = try (0..<answers).map { _ in try client.readResponse().status }
                client.setReceiveTimeout(0.5)
                return (statuses, try client.isClosedByServer())
            }
        }
    }

    @Test func http10WithoutKeepAliveAnswersOnceAndCloses() async throws {
        // "No restart when keep-alive is off (1.0)": the second request is never answered.
        let (statuses, closed) = try await exchange("GET /hello HTTP/1.0\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n", answers: 1)
        #expect(statuses == [200])
        #expect(closed)
    }

    @Test func connectionCloseAnswersOnceAndIgnoresWhatFollows() async throws {
        // "CRLF between requests, explicit close".
        let (statuses, closed) = try await exchange(
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nConnection: close\r\n\r\nq=42\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n", answers: 1)
        #expect(statuses == [200])
        #expect(closed)
    }

    @Test func keepAliveAnswersEveryPipelinedRequest() async throws {
        // "Restarting when keep-alive is explicitly" and pipelining.md, with an empty line between.
        let (statuses, closed) = try await exchange(
            "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: keep-alive\r\n\r\nPOST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nAAA\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n", answers: 3)
        #expect(statuses == [200, 200, 200])
        #expect(!closed)
    }

    @Test func upgradeIsNotOfferedAndTheConnectionStaysHTTP11() async throws {
        // "Upgrade GET request": no 101; the request is answered and the next one read as HTTP.
        let (statuses, _) = try await exchange(
            "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: WebSocket\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n", answers: 2)
        #expect(statuses == [200, 200])
        // What llhttp leaves to the upgraded protocol is, here, a malformed next request.
        let (garbage, closed) = try await exchange(
            "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: WebSocket\r\n\r\nHot diggity dogg\r\n\r\n", answers: 2)
        #expect(garbage == [200, 400])
        #expect(closed)
    }

    @Test func anUnknownMethodIsAnswered405() async throws {
        // "HTTP protocol and ANNOUNCE method", "Invalid method".
        let (statuses, _) = try await exchange("ANNOUNCE /hello HTTP/1.1\r\nHost: t\r\n\r\nMKCOLA /hello HTTP/1.1\r\nHost: t\r\n\r\n", answers: 2)
        #expect(statuses == [405, 405])
    }
}
