/// What differs between the SQL the stores write for each backend (issue 17 item 3). Stores write
/// the spelling SQLite and PostgreSQL share — `?` and `?N` placeholders (a PostgreSQL executor
/// numbers them `$N`), `INSERT … ON CONFLICT … DO UPDATE/NOTHING` for upserts, `INSERT … RETURNING
/// id` (SQLTransaction.insert) for new ids — and ask the dialect for what has no common spelling.
public enum SQLDialect: Sendable {
    case sqlite
    case postgresql

    /// Every statement is a round trip to a server (PostgreSQL), rather than a function call
    /// (SQLite): reading many rows' children in one query pays off there, and only there.
    public var statementIsRoundTrip: Bool {
        switch self {
        case .sqlite: false
        case .postgresql: true
        }
    }

    /// The literal true of a boolean column (SQLite keeps booleans as 0/1).
    public var `true`: String {
        switch self {
        case .sqlite, .postgresql: "1" // both stores keep booleans as 0/1 integers (migrations/postgresql)
        }
    }

    /// `column` contains the bound pattern (a LIKE pattern with `\` escaping), ignoring ASCII case:
    /// SQLite's LIKE does; PostgreSQL needs ILIKE.
    public func containsIgnoringCase(_ column: String) -> String {
        switch self {
        case .sqlite: "\(column) LIKE ? ESCAPE '\\'"
        // ascii_lower (migrations/postgresql/0009): ASCII folding like SQLite's, whatever the locale
        case .postgresql: "ascii_lower(\(column)) LIKE ascii_lower(?) ESCAPE '\\'"
        }
    }

    /// `column` equals the bound text, ignoring case (a sku: docs/api.md §3 "Products").
    public func equalsIgnoringCase(_ column: String) -> String {
        switch self {
        case .sqlite: "\(column) = ? COLLATE NOCASE"
        case .postgresql: "ascii_lower(\(column)) = ascii_lower(?)"
        }
    }

    /// The larger of two values (SQLite's two-argument MAX; PostgreSQL's GREATEST).
    public func greater(_ a: String, _ b: String) -> String {
        switch self {
        case .sqlite: "MAX(\(a), \(b))"
        case .postgresql: "GREATEST(\(a), \(b))"
        }
    }

    /// The text at a top-level key of a JSON text column, the key bound as the next argument
    /// (quoted, so any key is a key and never a path).
    public func jsonText(_ column: String) -> String {
        switch self {
        case .sqlite: "json_extract(\(column), '$.\"' || replace(?, '\"', '\"\"') || '\"')"
        case .postgresql: "(CAST(\(column) AS jsonb) ->> CAST(? AS text))"
        }
    }

    /// `column`'s value as an expression no index serves: to keep the planner from an index it
    /// would misjudge (CreatedRange). SQLite's unary `+` is a no-op that does this; PostgreSQL
    /// needs an operation that keeps the value.
    public func unindexed(_ column: String, isText: Bool) -> String {
        switch self {
        case .sqlite: "+\(column)"
        case .postgresql: isText ? "(\(column) || '')" : "(\(column) + 0)"
        }
    }

    /// The calendar bucket of an RFC 3339 text timestamp (docs/api.md §3 "Reports"): day
    /// "2026-11-23"; week: the Monday that starts its ISO week; month "2026-11".
    public func dateBucket(_ column: String, _ grouping: TimeGrouping) -> String {
        switch (self, grouping) {
        case (.sqlite, .day): "substr(\(column), 1, 10)"
        case (.sqlite, .week): "date(substr(\(column), 1, 10), 'weekday 0', '-6 days')"
        case (.sqlite, .month): "substr(\(column), 1, 7)"
        case (.postgresql, .day): "substr(\(column), 1, 10)"
        case (.postgresql, .week): "to_char(date_trunc('week', CAST(substr(\(column), 1, 10) AS date)), 'YYYY-MM-DD')"
        case (.postgresql, .month): "substr(\(column), 1, 7)"
        }
    }

}
