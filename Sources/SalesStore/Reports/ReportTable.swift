import SalesCore

/// A report's answer, shaped once for JSON and CSV alike: named columns, rows of cells and the
/// totals row (docs/api.md §3 "Reports").
public struct ReportTable: Sendable {
    public enum Cell: Sendable, Equatable {
        case int(Int64)
        /// An exact decimal: value scaled by 10^scale (quantities: scale 3; hours: scale 2).
        case decimal(Int64, scale: Int)
        case text(String?)
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// Column → total, for the columns that add up.
    public var totals: [(String, Cell)]

    public init(columns: [String], rows: [[Cell]] = [], totals: [(String, Cell)] = []) {
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }
}

/// The period and currency every report is asked for: UTC calendar days, both inclusive.
public struct ReportPeriod: Sendable {
    public var from: String
    public var to: String
    public var currency: String

    public init(from: String, to: String, currency: String) {
        self.from = from
        self.to = to
        self.currency = currency
    }

    /// The first and last instants of the period, as stored timestamps compare.
    var start: String { from + "T00:00:00.000Z" }
    var end: String { to + "T23:59:59.999Z" }
}

/// How rows are grouped by time (the key of a timestamp column in SQL is SQLDialect.dateBucket) and its label.
public enum TimeGrouping: String, Sendable, CaseIterable {
    case day, week, month

    /// The groups a period falls into, in order: each group's key and its first and last day
    /// within the period. nil when there would be more than `limit`.
    func buckets(from: String, to: String, limit: Int) -> [(key: String, first: String, last: String)]? {
        let days = Timestamp.dayNumber, date = Timestamp.date(dayNumber:)
        guard let first = days(from), let last = days(to), first <= last else { return [] }
        var buckets: [(key: String, first: String, last: String)] = []
        var start = first
        switch self {
        case .day: break
        case .week: start -= (start + 3) % 7   // back to Monday (1970-01-05, day 4, was one)
        case .month: start = days(String(from.prefix(7)) + "-01") ?? first
        }
        while start <= last {
            if buckets.count == limit { return nil }
            let next: Int
            switch self {
            case .day: next = start + 1
            case .week: next = start + 7
            case .month:
                let key = date(start)
                let year = Int(key.prefix(4))!, month = Int(key.dropFirst(5).prefix(2))!
                next = start + Timestamp.daysIn(month: month, year: year)
            }
            let key = date(start)
            buckets.append((self == .month ? String(key.prefix(7)) : key, date(max(start, first)), date(min(next - 1, last))))
            start = next
        }
        return buckets
    }

    func label(_ key: String) -> String {
        switch self {
        case .day, .month: return key
        case .week: return "\(key) to \(Timestamp.date(key, plusDays: 6) ?? key)"
        }
    }
}
