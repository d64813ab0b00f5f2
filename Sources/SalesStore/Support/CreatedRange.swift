/// How a list filtered by `created_at` (docs/api.md §1 "lists": created_from, created_to) finds
/// its page in id order (docs/performance.md §5e). Both plans return the same rows; only the work
/// differs:
/// - a range of up to `sortedUpTo` rows is read through the table's `(created_at, id)` index and
///   sorted by id — the work is the range's size;
/// - a larger range is found walking the primary key from the cursor, checking created_at on each
///   row — ids and created_at grow together, so once the walk reaches the range a page costs
///   about its own length, and every page after the first starts inside it.
/// A probe counts the range through the index, stopping past `sortedUpTo`. Left to guess, the
/// planners chose badly both ways: SQLite sorted every closed range (a whole year, 27 ms a page on
/// 200,000 orders, so paging through it was quadratic) and walked every open one (last week,
/// 30 ms); PostgreSQL walked, expecting to meet the range early (a week 100 days back, 68 ms).
enum CreatedRange {
    static let sortedUpTo = 20_000

    /// The created_at conditions of `options`, spelled for the chosen plan, and whether the range
    /// is sorted (else walked, or no range at all).
    static func plan(_ db: SQLTransaction, table: String, options: ListOptions,
                     sortedUpTo: Int = sortedUpTo) throws -> (conditions: [(String, String)], sorted: Bool) {
        let bounds = [(">=", options.createdFrom), ("<=", options.createdTo)].compactMap { op, value in value.map { (op, $0) } }
        guard !bounds.isEmpty, options.updatedSince == nil else {
            return (bounds.map { ("created_at \($0.0) ?", $0.1) }, false)
        }
        let probe = "SELECT COUNT(*) FROM (SELECT 1 FROM \(table) WHERE "
            + bounds.map { "created_at \($0.0) ?" }.joined(separator: " AND ") + " LIMIT ?) AS probe"
        let arguments = SQLArguments(bounds.map { $0.1.sqlValue } + [Int64(sortedUpTo + 1).sqlValue])
        let inRange = try db.fetchValue(probe, arguments, as: Int64.self) ?? 0
        if inRange <= sortedUpTo {
            return (bounds.map { ("created_at \($0.0) ?", $0.1) }, true)
        }
        let column = db.dialect.unindexed("created_at", isText: true)
        return (bounds.map { ("\(column) \($0.0) ?", $0.1) }, false)
    }
}
