import Foundation
import Testing
import SalesCore

/// Issue 15 item 1: the server's "now" is the one clock the tests control (WallClock). Under
/// `make test-dates` every API suite runs again with it started elsewhere; this test shows those
/// runs really moved the server's clock, and that without the variable it is real time.
@Suite struct ServerClock {
    @Test func documentsAreStampedByTheServersClock() async throws {
        try await withAPI { api in
            let created = try await api.call("POST", "/v1/customers", #"{"name":"Clocked"}"#)
            #expect(created.status == 201)
            let stamp = try #require(created["created_at"] as? String)
            let stampMs = try #require(Timestamp.epochMilliseconds(stamp))
            if let start = WallClock.testStart {
                let startMs = try #require(Timestamp.epochMilliseconds(start))
                // Started there and ticking since (a whole suite takes well under an hour).
                #expect(stampMs >= startMs && stampMs < startMs + 3_600_000, "\(stamp) vs clock started at \(start)")
            } else {
                let realMs = Int64(Date().timeIntervalSince1970 * 1000)
                #expect(abs(stampMs - realMs) < 600_000, "\(stamp) is not the real time")
            }
            #expect(created["created_at"] as? String == Timestamp.normalize(stamp))
        }
    }
}
