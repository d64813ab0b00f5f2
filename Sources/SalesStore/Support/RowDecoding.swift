import GRDB

/// Fetch-and-decode that reads each row while it is still the statement's current row.
///
/// GRDB's `Row.fetchOne`/`fetchAll` copy rows, and a copied row finds `row["column"]` by
/// lower-casing every column name until one matches: on a 30-column order that was the largest
/// single cost of a write request (docs/performance.md). A row read from a cursor looks its
/// columns up in a dictionary built once per fetch. The decoder must not keep the `Row` itself
/// (use `row.copy()` to keep one).
extension Row {
    static func decodeOne<T>(_ statement: Statement, arguments: StatementArguments = StatementArguments(),
                             _ decode: (Row) throws -> T) throws -> T? {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        guard let row = try cursor.next() else { return nil }
        return try decode(row)
    }

    static func decodeAll<T>(_ statement: Statement, arguments: StatementArguments = StatementArguments(),
                             _ decode: (Row) throws -> T) throws -> [T] {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var items: [T] = []
        while let row = try cursor.next() { items.append(try decode(row)) }
        return items
    }
}
