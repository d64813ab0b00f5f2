#if canImport(Glibc)
import Glibc
#endif

/// The wall clock behind every stored timestamp and every "today" of the server (created_at,
/// confirmed_at, a quote's default `valid_until`, an invoice's default issue date and `overdue`,
/// the default report ranges; docs/api.md §1 "time").
///
/// Tests start it at a chosen instant with `SALES_TEST_CLOCK=2028-02-29T12:00:00Z` (read once, at
/// the first reading): from there it ticks with real time, so the date-dependent suites can run as
/// if on any day — a month end, a year end, 29 February (`make test-dates`). Nothing else about
/// the server changes; `serve` warns when the variable is set.
public enum WallClock {
    public static let testClockVariable = "SALES_TEST_CLOCK"

    /// The start instant asked for with SALES_TEST_CLOCK, when set and valid.
    public static let testStart: String? = {
        guard let raw = getenv(testClockVariable) else { return nil }
        return Timestamp.normalize(String(cString: raw))
    }()

    /// Milliseconds to add to the real clock: 0 unless SALES_TEST_CLOCK is set.
    static let offsetMilliseconds: Int64 = {
        guard let start = testStart, let startMs = Timestamp.epochMilliseconds(start) else { return 0 }
        return startMs - realMilliseconds()
    }()

    static func realMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec / 1_000_000)
    }

    /// Milliseconds since 1970 by this clock.
    public static func nowMilliseconds() -> Int64 { realMilliseconds() + offsetMilliseconds }
}
