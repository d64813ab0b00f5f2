/// What `--db` / `SALES_DB` names (docs/api.md §0): a SQLite file, or a PostgreSQL server by its
/// libpq connection URI. Anything else is refused rather than guessed: `postgres://…` used to
/// become a local folder named `postgres:` holding a SQLite file.
public enum DatabaseLocation: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(url: String)

    public static func parse(_ text: String) throws -> DatabaseLocation {
        guard !text.isEmpty else { throw DatabaseLocationError("--db is empty: give a SQLite file path or a postgres:// URL") }
        guard let separator = text.range(of: "://") else { return .sqlite(path: text) }
        let scheme = text[..<separator.lowerBound].lowercased()
        switch scheme {
        case "postgres", "postgresql":
            return .postgres(url: text)
        default:
            throw DatabaseLocationError("--db takes a SQLite file path or a postgres:// URL; \(scheme):// is not a database this server knows")
        }
    }

    /// How logs and messages name it: the path, or the server and database without credentials.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresTarget(url: url).description
        }
    }
}

public struct DatabaseLocationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
