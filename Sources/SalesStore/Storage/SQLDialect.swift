/// What differs between the SQL the stores write for each backend (issue 17 item 3). Stores write
/// SQLite's spelling with `?` placeholders; what has no common spelling is asked of the dialect.
public enum SQLDialect: Sendable {
    case sqlite

    /// The larger of two values (SQLite's two-argument MAX; PostgreSQL's GREATEST).
    public func greater(_ a: String, _ b: String) -> String {
        switch self {
        case .sqlite: "MAX(\(a), \(b))"
        }
    }

    /// The text at a top-level key of a JSON text column, the key bound as the next argument
    /// (quoted, so any key is a key and never a path).
    public func jsonText(_ column: String) -> String {
        switch self {
        case .sqlite: "json_extract(\(column), '$.\"' || replace(?, '\"', '\"\"') || '\"')"
        }
    }

    /// The calendar bucket of an RFC 3339 text timestamp (docs/api.md §3 "Reports"): day
    /// "2026-11-23"; week: the Monday that starts its ISO week; month "2026-11".
    public func dateBucket(_ column: String, _ grouping: TimeGrouping) -> String {
        switch (self, grouping) {
        case (.sqlite, .day): "substr(\(column), 1, 10)"
        case (.sqlite, .week): "date(substr(\(column), 1, 10), 'weekday 0', '-6 days')"
        case (.sqlite, .month): "substr(\(column), 1, 7)"
        }
    }
}
