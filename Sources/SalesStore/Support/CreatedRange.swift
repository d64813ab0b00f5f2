/// How a list filtered by `created_at` (docs/api.md §1 "lists": created_from, created_to) finds
/// its page in id order (docs/performance.md §5e). Both plans return the same rows; only the work
/// differs:
/// - sorted: the range's ids from the table's `(created_at, id)` index, sorted, then the page's
///   rows — the work is the range's size;
/// - walked: the primary key from the cursor, checking created_at on each row — the work is the
///   distance to the range and then about a page, as ids and created_at grow together.
/// Left to guess, the planners chose badly both ways: SQLite sorted every closed range (a whole
/// year, 27 ms a page on 200,000 orders, so paging through it was quadratic) and walked every open
/// one (last week, 30 ms); PostgreSQL walked, expecting to meet the range early (a week 100 days
/// back, 68 ms).
enum CreatedRange {
    enum Plan: Equatable { case sorted, walked }

    /// The most rows either plan is chosen to read (a week at a million orders a year).
    static let bound: Int64 = 20_000

    /// A range of at most `bound` rows is sorted. A larger one is walked when the walk reaches it
    /// within `bound` ids — every page after the first starts inside it — and sorted otherwise,
    /// where the walk would read more than the sort.
    static func choose(rowsInRange: Int64, idsBeforeRange: Int64, bound: Int64 = bound) -> Plan {
        rowsInRange <= bound || idsBeforeRange > bound ? .sorted : .walked
    }

    /// The plan for `options` on `table`, or nil when it has no created_at range (or is a sync
    /// feed, ordered by updated_at). Reads at most `bound` + 1 index entries, and one more.
    static func plan(_ db: SQLTransaction, table: String, options: ListOptions) throws -> Plan? {
        let bounds = self.bounds(options)
        guard !bounds.isEmpty, options.updatedSince == nil else { return nil }
        let range = bounds.map { "created_at \($0.op) ?" }.joined(separator: " AND ")
        let values = bounds.map(\.value.sqlValue)
        let rows = try db.fetchValue("SELECT COUNT(*) FROM (SELECT 1 FROM \(table) WHERE \(range) LIMIT ?) AS probe",
                                     SQLArguments(values + [(bound + 1).sqlValue]), as: Int64.self) ?? 0
        guard rows > bound else { return .sorted }
        // Where the range begins in id order, as far as created order tells: its first row's id.
        let first = try db.fetchValue("SELECT id FROM \(table) WHERE \(range) ORDER BY created_at, id LIMIT 1",
                                      SQLArguments(values), as: Int64.self) ?? 0
        let (before, overflow) = first.subtractingReportingOverflow(options.afterId ?? 0)
        return choose(rowsInRange: rows, idsBeforeRange: overflow ? .max : before)
    }

    /// The created_at conditions of `options`, spelled so that no index serves them when the
    /// range is walked.
    static func conditions(_ options: ListOptions, _ plan: Plan?, _ dialect: SQLDialect) -> [(String, String)] {
        let column = plan == .walked ? dialect.unindexed("created_at", isText: true) : "created_at"
        return bounds(options).map { ("\(column) \($0.op) ?", $0.value) }
    }

    private static func bounds(_ options: ListOptions) -> [(op: String, value: String)] {
        [(">=", options.createdFrom), ("<=", options.createdTo)].compactMap { op, value in value.map { (op, $0) } }
    }
}
