/// A page of documents with their child rows (lines, credit notes, allocations). On a store where
/// every query is a round trip (PostgreSQL, `SQLDialect.statementIsRoundTrip`) the page's rows are
/// read first and each child table with one query for the whole page, instead of one per document
/// (a page of 50 invoices took 151 round trips; docs/performance.md §5b). SQLite decodes each row
/// while it is the cursor's current row: there a query is a function call, and copying the rows
/// first cost more than it saved.
enum PageAssembly {
    static func list<T>(_ db: SQLTransaction, table: String, options: ListOptions, conditions: SQLConditions,
                        each: (any SQLRow) throws -> T, page: ([SQLRecord]) throws -> [T]) throws -> Page<T> {
        guard db.dialect.statementIsRoundTrip else {
            return try KeysetList.fetch(db, table: table, options: options, conditions: conditions, decode: each)
        }
        let rows = try KeysetList.fetch(db, table: table, options: options, conditions: conditions) { SQLRecord($0) }
        return Page(items: rows.items.isEmpty ? [] : try page(rows.items), hasMore: rows.hasMore)
    }

    /// The ids of a page's rows, as an IN list.
    static func ids(_ rows: [SQLRecord]) -> IdSet { IdSet(rows.map { $0["id"] as Int64 }) }

    /// `SELECT * FROM table WHERE key IN (ids) ORDER BY key, orderBy`, grouped by `key`.
    static func children<T>(_ db: SQLTransaction, _ table: String, key: String, of ids: IdSet, orderBy: String,
                            _ decode: (any SQLRow) -> T) throws -> [Int64: [T]] {
        var grouped: [Int64: [T]] = [:]
        try db.forEachRow("SELECT * FROM \(table) WHERE \(key) IN (\(ids.placeholders)) ORDER BY \(key), \(orderBy)", ids.arguments) { row in
            grouped[row[key] as Int64, default: []].append(decode(row))
            return true
        }
        return grouped
    }
}
