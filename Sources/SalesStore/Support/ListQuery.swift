
/// The common list parameters of docs/api.md §1 "lists", already validated by the API layer.
public struct ListOptions: Sendable {
    public var limit = 50
    /// Keyset cursor for lists ordered by id: rows with id > afterId.
    public var afterId: Int64?
    /// Keyset cursor for sync feeds ordered by (updated_at, id).
    public var afterUpdate: (updatedAt: String, id: Int64)?
    public var createdFrom: String?
    public var createdTo: String?
    /// When set, the list is a sync feed: updated_at ≥ this, ordered by (updated_at, id).
    public var updatedSince: String?
    /// metadata[KEY]=VALUE filters, all of which must match.
    public var metadata: [(key: String, value: String)] = []

    public init() {}
}

/// A page of rows and whether more follow. No list computes a full count (docs/api.md §1).
public struct Page<Element> {
    public var items: [Element]
    public var hasMore: Bool

    public init(items: [Element], hasMore: Bool) {
        self.items = items
        self.hasMore = hasMore
    }
}

extension Page: Sendable where Element: Sendable {}

/// Builds WHERE clauses with bound arguments (never string-interpolated values).
public struct SQLConditions {
    public private(set) var clauses: [String] = []
    public private(set) var arguments = SQLArguments([])

    public init() {}

    public mutating func add(_ clause: String, _ values: any SQLColumnValue...) {
        clauses.append(clause)
        arguments.values.append(contentsOf: values.map(\.sqlValue))
    }

    var sql: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }
}

enum KeysetList {
    /// Runs a keyset-paginated SELECT over `table` with the common list options plus the
    /// resource's own conditions, fetching limit + 1 rows to learn `hasMore`. `decode` sees each
    /// row while it is the cursor's current row (RowDecoding). A created_at range is read by the
    /// plan CreatedRange picks (`createdPlan` imposes one, for tests).
    static func fetch<T>(_ db: SQLTransaction, table: String, options: ListOptions, conditions: SQLConditions,
                         createdPlan: CreatedRange.Plan? = nil, decode: (any SQLRow) throws -> T) throws -> Page<T> {
        var where_ = conditions
        let plan = try createdPlan ?? CreatedRange.plan(db, table: table, options: options)
        for (clause, value) in CreatedRange.conditions(options, plan, db.dialect) { where_.add(clause, value) }
        for filter in options.metadata {
            // The key is bound, never spliced into SQL (SQLDialect.jsonText).
            where_.add("\(db.dialect.jsonText("metadata")) = ?", filter.key, filter.value)
        }
        let sql: String
        if let since = options.updatedSince {
            where_.add("updated_at >= ?", since)
            if let after = options.afterUpdate { where_.add("(updated_at, id) > (?, ?)", after.updatedAt, after.id) }
            sql = "SELECT * FROM \(table) \(where_.sql) ORDER BY updated_at, id LIMIT ?"
        } else {
            if let after = options.afterId { where_.add("id > ?", after) }
            sql = plan == .sorted
                // The page's ids sorted from the range (from the (created_at, id) index alone when no
                // other filter applies), then only their rows (CreatedRange).
                ? "SELECT * FROM \(table) WHERE id IN (SELECT id FROM \(table) \(where_.sql) ORDER BY "
                    + db.dialect.unindexed("id", isText: false) + " LIMIT ?) ORDER BY id"
                : "SELECT * FROM \(table) \(where_.sql) ORDER BY id LIMIT ?"
        }
        // The common shapes (a filter or two and a cursor) stay prepared; rarer combinations —
        // metadata filters above all — are prepared per request so the cache stays bounded.
        let cached = where_.clauses.count <= 3 && options.metadata.isEmpty
        var items: [T] = []
        var hasMore = false
        try db.forEachRow(sql, where_.arguments + [options.limit + 1], cached: cached) { row in
            if items.count == options.limit {
                hasMore = true
                return false
            }
            items.append(try decode(row))
            return true
        }
        return Page(items: items, hasMore: hasMore)
    }
}
