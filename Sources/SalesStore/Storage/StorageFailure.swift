/// Storage failures as the API layer needs them, without either backend's types (issue 17 item 2).
public enum StorageFailure {
    /// The database cannot take writes or be read right now (SQLite: full disk, read-only file,
    /// I/O error, locked, cannot open; PostgreSQL: connection lost, server shutting down, out of
    /// resources, writers that kept colliding): 503, and the condition's name for the log.
    public static func unavailable(_ error: Error) -> String? {
        if let postgres = error as? PostgresError, postgres.isUnavailable || postgres.isRetryable {
            return "postgresql=\(postgres.sqlState.isEmpty ? "connection" : postgres.sqlState)"
        }
        return GRDBFailure.unavailable(error)
    }

    /// A SUM over integers that passed Int64 (SQLite's "integer overflow"; PostgreSQL's 22003).
    static func isIntegerOverflow(_ error: Error) -> Bool {
        if let postgres = error as? PostgresError { return postgres.sqlState == "22003" }
        return GRDBFailure.isIntegerOverflow(error)
    }

    /// A database error as a log line may tell it (issue 10 item 5): the result code and the
    /// database's own message, never the SQL or its bound values (GRDB's description has both).
    /// nil for an error that is not the database's.
    public static func logSafeDescription(_ error: Error) -> String? {
        if let postgres = error as? PostgresError { return postgres.description }
        return GRDBFailure.logSafeDescription(error)
    }
}
