import Testing
import SalesCore

/// RFC 3339 input to the stored canonical form (docs/api.md §1 "time"). The fuzzer found a crash
/// here: more than three fraction digits trapped on a reversed range.
@Suite struct TimestampParsing {
    @Test(arguments: [
        ("2026-11-23T11:26:25Z", "2026-11-23T11:26:25.000Z"),
        ("2026-11-23T11:26:25.5Z", "2026-11-23T11:26:25.500Z"),
        ("2026-11-23T11:26:25.602167Z", "2026-11-23T11:26:25.602Z"),
        ("2026-11-23T11:26:25.123456789+01:00", "2026-11-23T10:26:25.123Z"),
        ("1255-04-15T01:30:48.602167-19:42", "1255-04-15T21:12:48.602Z"),
        ("2026-11-23t11:26:25z", "2026-11-23T11:26:25.000Z"),
        ("2026-11-23", "2026-11-23T00:00:00.000Z"),
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(Timestamp.normalize(input) == expected)
    }

    @Test(arguments: ["", "2026-11-23T", "2026-13-01", "2026-02-30", "2026-11-23T25:00:00Z", "2026-11-23T11:26:25.Z",
                      "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2026-11-23T11:26:25+1:00", "2026-11-23T11:26:25"])
    func refuses(_ input: String) {
        #expect(Timestamp.normalize(input) == nil)
    }

    @Test func epochMillisecondsRoundTrip() {
        #expect(Timestamp.epochMilliseconds("1970-01-01T00:00:01.250Z") == 1250)
        #expect(Timestamp.epochMilliseconds("2026-11-23T16:30:15.900Z")! - Timestamp.epochMilliseconds("2026-11-23T08:00:00.000Z")! == 30_615_900)
        #expect(Timestamp.epochMilliseconds("2026-11-23") == nil)
    }
}
