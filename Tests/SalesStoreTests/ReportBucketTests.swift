import Testing
@testable import SalesStore

/// The day/week/month groups the sales report sums one index range at a time (Reports.sales).
@Suite struct ReportBuckets {
    func flat(_ b: [(key: String, first: String, last: String)]?) -> [String]? {
        b?.map { "\($0.key) \($0.first)..\($0.last)" }
    }

    @Test func weeksStartOnMondayAndAreClippedToThePeriod() {
        #expect(flat(TimeGrouping.week.buckets(from: "2026-11-04", to: "2026-11-20", limit: 10)) == [
            "2026-11-02 2026-11-04..2026-11-08", "2026-11-09 2026-11-09..2026-11-15", "2026-11-16 2026-11-16..2026-11-20"])
    }

    @Test func monthsFollowTheCalendar() {
        #expect(flat(TimeGrouping.month.buckets(from: "2024-01-15", to: "2024-03-02", limit: 10)) == [
            "2024-01 2024-01-15..2024-01-31", "2024-02 2024-02-01..2024-02-29", "2024-03 2024-03-01..2024-03-02"])
    }

    @Test func daysAndLimits() {
        #expect(flat(TimeGrouping.day.buckets(from: "2026-12-31", to: "2027-01-01", limit: 10)) == [
            "2026-12-31 2026-12-31..2026-12-31", "2027-01-01 2027-01-01..2027-01-01"])
        #expect(TimeGrouping.day.buckets(from: "2026-01-01", to: "2026-12-31", limit: 100) == nil, "too many: the GROUP BY query instead")
        #expect(TimeGrouping.day.buckets(from: "2026-02-01", to: "2026-01-01", limit: 100)?.isEmpty == true)
    }
}
