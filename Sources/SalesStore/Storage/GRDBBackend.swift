import Foundation
import GRDB

/// SQLite through GRDB behind the storage seam (SQLTransaction.swift). This file and the
/// database's setup (SalesDatabase, GroupCommit, Migrations) are the only places that use GRDB.
final class GRDBTransaction: SQLExecutor {
    private let db: Database

    init(_ db: Database) { self.db = db }

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws {
        try statement(sql, cached: cached).execute(arguments: Self.bind(arguments))
    }

    /// Reads each row from a cursor while it is current. GRDB's `Row.fetchOne`/`fetchAll` copy rows,
    /// and a copied row finds `row["column"]` by lower-casing every column name until one matches: on
    /// a 30-column order that was the largest single cost of a write request (docs/performance.md). A
    /// cursor's row looks its columns up in a dictionary built once per statement.
    func forEachRow(_ sql: String, _ arguments: SQLArguments, cached: Bool, _ body: (any SQLRow) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(statement(sql, cached: cached), arguments: Self.bind(arguments))
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

    private func statement(_ sql: String, cached: Bool) throws -> Statement {
        cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
    }

    /// GRDB's arguments. Built from `(any DatabaseValueConvertible)?` elements: its initializer
    /// over a sequence of one concrete type maps through a key path, instantiated at run time on
    /// every call (measured: 5% of an order read).
    static func bind(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: return nil
            case .integer(let v): return v
            case .real(let v): return v
            case .text(let v): return v
            case .blob(let v): return Data(v)
            }
        })
    }
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

/// Storage failures as the API layer needs them, without GRDB's types (issue 17 item 2).
public enum StorageFailure {
    /// The database cannot take writes or be read right now (full disk, read-only file, I/O error,
    /// locked, cannot open): 503, and the condition's name for the log.
    public static func unavailable(_ error: Error) -> String? {
        guard let db = error as? DatabaseError,
              [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_CANTOPEN].contains(db.resultCode) else { return nil }
        return "sqlite=\(db.resultCode)"
    }

    /// SQLite's SUM() over integers that passed Int64.
    static func isIntegerOverflow(_ error: Error) -> Bool {
        guard let db = error as? DatabaseError else { return false }
        return db.resultCode == .SQLITE_ERROR && (db.message ?? "").contains("integer overflow")
    }

    /// A database error as a log line may tell it (issue 10 item 5): the result code and the
    /// database's own message, never the SQL or its bound values (GRDB's description has both).
    /// nil for an error that is not the database's.
    public static func logSafeDescription(_ error: Error) -> String? {
        guard let db = error as? DatabaseError else { return nil }
        return "SQLite error \(db.extendedResultCode)" + (db.message.map { ": " + $0 } ?? "")
    }
}
