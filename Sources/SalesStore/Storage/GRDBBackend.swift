import Foundation
import GRDB
import GRDBSQLite

/// SQLite through GRDB behind the storage seam (SQLTransaction.swift). This file and the
/// database's setup (SalesDatabase, GroupCommit, Migrations) are the only places that use GRDB.
final class GRDBTransaction: SQLExecutor {
    private let db: Database

    init(_ db: Database) { self.db = db }

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws {
        try bound(sql, arguments, cached: cached).execute()
    }

    /// Reads each row from a cursor while it is current. GRDB's `Row.fetchOne`/`fetchAll` copy rows,
    /// and a copied row finds `row["column"]` by lower-casing every column name until one matches: on
    /// a 30-column order that was the largest single cost of a write request (docs/performance.md). A
    /// cursor's row looks its columns up in a dictionary built once per statement.
    func forEachRow(_ sql: String, _ arguments: SQLArguments, cached: Bool, _ body: (any SQLRow) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(bound(sql, arguments, cached: cached))
        while let row = try cursor.next() {
            if try !body(GRDBRow(row: row)) { return }
        }
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        guard let result else { preconditionFailure("a committed savepoint has its body's result") }
        return result
    }

    func isUniqueViolation(_ error: Error) -> Bool {
        (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
    }

    var changedRows: Int { db.changesCount }

    /// The connection's last rowid, read right after the INSERT on the same connection (the
    /// tables' `id INTEGER PRIMARY KEY` is the rowid).
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        try execute(sql, arguments, cached: true)
        return db.lastInsertedRowID
    }

    private func statement(_ sql: String, cached: Bool) throws -> Statement {
        cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
    }

    /// The statement with `arguments` bound by SQLite's own calls. GRDB's `StatementArguments`
    /// would convert each value twice (to `DatabaseValueConvertible`, then `DatabaseValue`) and
    /// validate them into new arrays on every statement: measured 2–4% of a request
    /// (docs/performance.md "3b"). `setUncheckedArguments([])` resets the statement, clears its
    /// bindings and tells GRDB they are set, so its `execute()`/cursor steps what is bound here.
    private func bound(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> Statement {
        let statement = try statement(sql, cached: cached)
        let handle = statement.sqliteStatement
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.values.count else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "wrong number of statement arguments: \(arguments.values.count) for \(expected)")
        }
        statement.setUncheckedArguments(StatementArguments())
        for (offset, value) in arguments.values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
            case .real(let v): code = sqlite3_bind_double(handle, index, v)
            case .text(let v): code = sqlite3_bind_text(handle, index, v, -1, Self.transient)
            case .blob(let v) where v.isEmpty: code = sqlite3_bind_zeroblob(handle, index, 0) // a NULL pointer would bind NULL
            case .blob(let v):
                code = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
        }
        return statement
    }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

struct GRDBRow: SQLRow {
    let row: Row

    // GRDB's typed subscripts read the column straight into the type (sqlite3_column_int64,
    // sqlite3_column_text), with no DatabaseValue in between.
    func int64(_ column: String) -> Int64? { row[column] }
    func requiredInt64(_ column: String) -> Int64 { row[column] }
    func requiredText(_ column: String) -> String { row[column] }
    func double(_ column: String) -> Double? { row[column] }
    func text(_ column: String) -> String? { row[column] }
    func bytes(_ column: String) -> [UInt8]? { (row[column] as Data?).map { [UInt8]($0) } }
    func value(_ column: String) -> SQLValue { Self.convert(row[column] as DatabaseValue? ?? .null) }
    func value(at index: Int) -> SQLValue { Self.convert(row[index] as DatabaseValue) }
    var columnNames: [String] { Array(row.columnNames) }

    static func convert(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let v): return .integer(v)
        case .double(let v): return .real(v)
        case .string(let v): return .text(v)
        case .blob(let v): return .blob([UInt8](v))
        }
    }
}

/// SQLite's failures as StorageFailure (Storage/StorageFailure.swift) asks about them.
enum GRDBFailure {
    static func unavailable(_ error: Error) -> String? {
        guard let db = error as? DatabaseError,
              [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_CANTOPEN].contains(db.resultCode) else { return nil }
        return "sqlite=\(db.resultCode)"
    }

    static func isIntegerOverflow(_ error: Error) -> Bool {
        guard let db = error as? DatabaseError else { return false }
        return db.resultCode == .SQLITE_ERROR && (db.message ?? "").contains("integer overflow")
    }

    static func logSafeDescription(_ error: Error) -> String? {
        guard let db = error as? DatabaseError else { return nil }
        return "SQLite error \(db.extendedResultCode)" + (db.message.map { ": " + $0 } ?? "")
    }
}
