#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import HTTPServer
import HTTPTestSupport

/// Socket-level behaviour of the server: a real server on port 0, raw bytes over TCP.
@Suite struct ConnectionBehaviour {
    @Test func keepAliveReusesTheConnectionAndFramesResponses() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                for _ in 0..<3 {
                    let r = try client.request("GET", "/hello")
                    #expect(r.status == 200)
                    #expect(r.bodyText == "{\"message\":\"hello\"}")
                    #expect(r.headers["content-length"] == "19")
                    #expect(r.headers["connection"] == "keep-alive")
                    #expect(r.headers["content-type"] == "application/json")
                    let date = try #require(r.headers["date"])
                    #expect(date.hasSuffix(" GMT") && date.count == 29)
                }
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                // The first request is the slowest: its response must still come first.
                try client.send("GET /sleep/150 HTTP/1.1\r\nHost: t\r\n\r\nGET /items/1 HTTP/1.1\r\nHost: t\r\n\r\n"
                                + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nxyzGET /items/2 HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().bodyText == "slept 150")
                #expect(try client.readResponse().bodyText == "item 1")
                #expect(try client.readResponse().bodyText == "xyz")
                #expect(try client.readResponse().bodyText == "item 2")
            }
        }
    }

    @Test func chunkedUploadIsDecoded() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                try client.send("4\r\nWiki\r\n")
                usleep(20_000)
                try client.send("5;ext=1\r\npedia\r\n0\r\n\r\n")
                let r = try client.readResponse()
                #expect(r.status == 200)
                #expect(r.bodyText == "Wikipedia")
            }
        }
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                let interim = try client.readResponse(bodyExpected: false)
                #expect(interim.status == 100)
                try client.send("body")
                let r = try client.readResponse()
                #expect(r.status == 200)
                #expect(r.bodyText == "body")
            }
        }
    }

    @Test func expectContinueWithATooLargeBodyGets413WithoutReadingIt() async throws {
        try await withServer({ $0.limits.maxBodyBytes = 100 }) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n")
                let r = try client.readResponse()
                #expect(r.status == 413)
                #expect(r.headers["connection"] == "close")
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let head = try client.request("HEAD", "/hello")
                #expect(head.status == 200)
                #expect(head.headers["content-length"] == "19")
                #expect(head.body.isEmpty)
                // The connection is still in sync: the next response parses.
                #expect(try client.request("GET", "/items/9").bodyText == "item 9")
            }
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let r = try client.request("GET", "/hello", headers: ["Connection: close"])
                #expect(r.status == 200)
                #expect(r.headers["connection"] == "close")
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func http10ClosesByDefaultAndKeepsAliveOnRequest() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let a = try RawClient(port: port)
                try a.send("GET /hello HTTP/1.0\r\n\r\n")
                #expect(try a.readResponse().headers["connection"] == "close")
                #expect(try a.isClosedByServer())

                let b = try RawClient(port: port)
                try b.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                #expect(try b.readResponse().headers["connection"] == "keep-alive")
                try b.send("GET /items/3 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                #expect(try b.readResponse().bodyText == "item 3")
            }
        }
    }

    @Test func noContentHasNoContentLength() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let r = try client.request("DELETE", "/items/4")
                #expect(r.status == 204)
                #expect(r.headers["content-length"] == nil)
                #expect(try client.request("GET", "/items/5").bodyText == "item 5")
            }
        }
    }
}

@Suite struct ErrorsOnTheWire {
    /// Each malformed request gets its status as problem+json with Connection: close, then the
    /// connection is closed (RFC 9112 §11.2: never guess at framing).
    @Test(arguments: [
        ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "bad_request"),
        ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 400, "bad_request"),
        ("GET /hello HTTP/1.1\nHost: t\r\n\r\n", 400, "bad_request"),
        ("GET /hello HTTP/1.1\r\nHost: t\r\nX: a\r\n b\r\n\r\n", 400, "bad_request"),
        ("GET /hello HTTP/3.0\r\nHost: t\r\n\r\n", 505, "http_version_not_supported"),
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414, "uri_too_long"),
        ("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "b", count: 17000) + "\r\n\r\n", 431, "request_header_fields_too_large"),
        ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n", 413, "payload_too_large"),
    ])
    func malformedRequestGetsProblemAndClose(_ request: String, _ status: Int, _ code: String) async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send(request)
                let r = try client.readResponse()
                #expect(r.status == status)
                #expect(r.headers["connection"] == "close")
                #expect(r.headers["content-type"] == "application/problem+json")
                let json = try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]
                #expect(json?["status"] as? Int == status)
                #expect(json?["code"] as? String == code)
                #expect(json?["type"] as? String == "about:blank")
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func validRequestBeforeAMalformedOneIsStillAnswered() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("GET /items/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /x HTTP/1.1\nHost: t\r\n\r\n")
                #expect(try client.readResponse().bodyText == "item 1")
                #expect(try client.readResponse().status == 400)
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func oversizedChunkedBodyIs413() async throws {
        try await withServer({ $0.limits.maxBodyBytes = 1000 }) { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                let chunk = "200\r\n" + String(repeating: "z", count: 512) + "\r\n"
                try client.send(chunk)
                try client.send(chunk)
                let r = try client.readResponse()
                #expect(r.status == 413)
                #expect(try client.isClosedByServer())
            }
        }
    }
}

@Suite struct RouterOnTheWire {
    @Test func notFoundMethodNotAllowedAndOptions() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let missing = try client.request("GET", "/nope")
                #expect(missing.status == 404)
                #expect(missing.headers["content-type"] == "application/problem+json")
                #expect(missing.bodyText.contains("\"code\":\"not_found\""))

                let wrongMethod = try client.request("PUT", "/items/1")
                #expect(wrongMethod.status == 405)
                #expect(wrongMethod.headers["allow"] == "GET, HEAD, DELETE")
                #expect(wrongMethod.bodyText.contains("\"code\":\"method_not_allowed\""))

                let options = try client.request("OPTIONS", "/items/1")
                #expect(options.status == 204)
                #expect(options.headers["allow"] == "GET, HEAD, DELETE")

                #expect(try client.request("GET", "/items/special").bodyText == "special /items/special")
                #expect(try client.request("GET", "/items/a%20b").bodyText == "item a b")
                #expect(try client.request("GET", "/items/").status == 404)
                #expect(try client.request("GET", "/items/1/extra").status == 404)
            }
        }
    }

    @Test func requestIdIsTakenOrGeneratedAndEchoed() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawClient(port: port)
                let given = try client.request("GET", "/context", headers: ["X-Request-Id: abc-123"])
                #expect(given.headers["x-request-id"] == "abc-123")
                #expect(given.bodyText == "abc-123 /context")
                let generated = try client.request("GET", "/context")
                let id = try #require(generated.headers["x-request-id"])
                #expect(id.hasPrefix("req_"))
                #expect(generated.bodyText == "\(id) /context")
                let bad = try client.request("GET", "/context", headers: ["X-Request-Id: " + String(repeating: "x", count: 300)])
                #expect(bad.headers["x-request-id"]?.hasPrefix("req_") == true)
                #expect(try client.request("GET", "/nope").headers["x-request-id"]?.hasPrefix("req_") == true)
            }
        }
    }
}
