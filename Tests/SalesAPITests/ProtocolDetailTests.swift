import Foundation
import Testing
import HTTPTestSupport

/// Issue 16's smaller findings, each with the behaviour RFC 9110 or docs/api.md asks for.
@Suite struct SmallerFindings {
    /// RFC 9110 §13.1.1: `If-Match: *` matches any current representation.
    @Test func ifMatchStarMatchesAnExistingResource() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let star = try await api.call("PATCH", "/v1/customers/\(customer)", #"{"phone":"1"}"#, headers: ["If-Match: *"])
            #expect(star.status == 200 && star["version"] as? Int == 2)
            #expect(try await api.call("PATCH", "/v1/customers/999", #"{"phone":"1"}"#, headers: ["If-Match: *"]).status == 404)
            #expect(try await api.call("PATCH", "/v1/customers/\(customer)", #"{"phone":"2"}"#, headers: ["If-Match: \"1\""]).status == 412)
        }
    }

    /// RFC 9110 §9.3.7: OPTIONS * is about the server; a 405 names the method the client sent.
    @Test func optionsStarAndUnknownMethods() async throws {
        try await withAPI { api in
            let port = api.port
            let (star, query) = try await offPool {
                (try RawClient(port: port).request("OPTIONS", "*"), try RawClient(port: port).request("QUERY", "/v1/customers"))
            }
            #expect(star.status == 204 && star.headers["allow"] == "GET, HEAD, POST, PATCH, DELETE, OPTIONS")
            #expect(query.status == 405 && query.headers["allow"] == "GET, HEAD, POST")
            #expect(query.bodyText.contains(#""detail":"QUERY is not allowed on /v1/customers; allowed: GET, HEAD, POST""#), "\(query.bodyText)")
        }
    }

    /// docs/api.md §3 "Sales reps": no clocking in the future, and shifts never overlap.
    @Test func shiftsAreNotInTheFutureAndNeverOverlap() async throws {
        try await withAPI { api in
            let rep = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Rita"}"#)["id"] as? Int)
            let future = try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in", #"{"at":"2999-01-01T08:00:00Z"}"#)
            #expect(future.status == 422 && future.errorFields == ["at"] && future.errorCodes == ["in_the_future"])
            // A backdated shift of yesterday's, then an overlapping one.
            let yesterday = day(of: try await api.call("POST", "/v1/customers", #"{"name":"clock"}"#)["created_at"], plusDays: -1)
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in", #"{"at":"\#(yesterday)T08:00:00Z"}"#).status == 201)
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-out", #"{"at":"2999-01-01T17:00:00Z"}"#).errorCodes == ["in_the_future"])
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-out", #"{"at":"\#(yesterday)T17:00:00Z"}"#).status == 200)
            for overlapping in ["\(yesterday)T16:59:59Z", "\(yesterday)T07:00:00Z"] {
                let reply = try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in", #"{"at":"\#(overlapping)"}"#)
                #expect(reply.status == 422 && reply.errorCodes == ["overlaps_shift"], "\(overlapping): \(reply.text)")
            }
            // Right where the last one ended is fine; so is clocking in now.
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in", #"{"at":"\#(yesterday)T17:00:00Z"}"#).status == 201)
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-out").status == 200)
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in").status == 201)
        }
    }
}
