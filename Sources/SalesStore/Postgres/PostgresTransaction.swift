/// PostgreSQL behind the storage seam (SQLTransaction.swift): one transaction on one connection.
final class PostgresTransaction: SQLExecutor {
    private let connection: PostgresConnection
    private var lastChangedRows = 0
    private var savepoints = 0

    init(_ connection: PostgresConnection) { self.connection = connection }

    var dialect: SQLDialect { .postgresql }

    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws {
        lastChangedRows = try connection.execute(sql, arguments, cached: cached).changedRows
    }

    func forEachRow(_ sql: String, _ arguments: SQLArguments, cached: Bool, _ body: (any SQLRow) throws -> Bool) throws {
        let result = try connection.execute(sql, arguments, cached: cached)
        lastChangedRows = result.changedRows
        try Self.refuseIntegersPastInt64(result)
        for row in 0..<result.rowCount {
            if try !body(PostgresRow(result: result, row: row)) { return }
        }
    }

    /// SUM over bigint is numeric on PostgreSQL and does not stop at Int64 as SQLite's does: a
    /// sum that does not fit is the same integer-overflow failure (22003) before any row is read.
    private static func refuseIntegersPastInt64(_ result: PostgresResult) throws {
        for column in 0..<result.columnCount where result.type(column) == .numeric {
            for row in 0..<result.rowCount where !result.isNull(row, column) && result.int64(row, column) == nil {
                if result.double(row, column).map({ abs($0) < 9.2e18 }) == true { continue } // a fraction (AVG)
                throw PostgresError(sqlState: "22003", message: "bigint out of range")
            }
        }
    }

    var changedRows: Int { lastChangedRows }

    /// `RETURNING id`: the id comes back with the INSERT, in the same round trip.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        var id: Int64?
        try forEachRow(sql + " RETURNING id", arguments, cached: true) { row in
            id = Int64(sqlValue: row.value(at: 0))
            return false
        }
        guard let id else { preconditionFailure("an INSERT … RETURNING id returned no id") }
        return id
    }

    /// SAVEPOINT … RELEASE, or ROLLBACK TO when the body throws: a failed statement otherwise
    /// aborts the whole transaction on PostgreSQL.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepoints += 1
        let name = "sp\(savepoints)"
        try connection.run("SAVEPOINT \(name)")
        do {
            let result = try body()
            try connection.run("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            try connection.run("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    func isUniqueViolation(_ error: Error) -> Bool { (error as? PostgresError)?.sqlState == "23505" }
}
