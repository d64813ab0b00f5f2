import Foundation

/// What a backend implements for the storage seam (issue 17 item 3; docs/architecture.md "The
/// storage seam"): SQLite through GRDB (Storage/GRDBBackend.swift) and, next, PostgreSQL. Stores
/// and the API layer never see it: they hold an `SQLTransaction`.
public protocol SQLExecutor: AnyObject {
    /// What differs between the SQL of the backends (placeholders, functions, upserts).
    var dialect: SQLDialect { get }

    /// Runs one statement. `cached` keeps it prepared on the connection: for fixed SQL; SQL
    /// assembled from many optional filters passes false so the cache stays bounded.
    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws

    /// Calls `body` with each result row while it is the current row (the row must not be kept:
    /// `SQLRecord(row)` copies one) until `body` returns false or the rows end.
    func forEachRow(_ sql: String, _ arguments: SQLArguments, cached: Bool, _ body: (any SQLRow) throws -> Bool) throws

    /// Rows changed by the last INSERT, UPDATE or DELETE: a conditional UPDATE that changed none
    /// found its condition false.
    var changedRows: Int { get }

    /// Runs `body` in a savepoint: when it throws, only its changes are undone and the transaction
    /// goes on (on PostgreSQL a failed statement otherwise aborts the whole transaction).
    func savepoint<T>(_ body: () throws -> T) throws -> T

    /// The error is a unique index refusing a duplicate value.
    func isUniqueViolation(_ error: Error) -> Bool

    /// Runs an INSERT (prepared and kept) and returns the new row's id, however the backend
    /// learns it most cheaply.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64
}

/// One transaction, as the stores see it. A final class rather than the protocol itself so that
/// its generic fetches are specialized for their result type: over an `any` protocol they ran as
/// unspecialized generics that instantiated type metadata on every query (measured: 20% slower
/// order reads).
public final class SQLTransaction {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) { self.executor = executor }

    /// What differs between the SQL of the backends (placeholders, functions, upserts).
    public var dialect: SQLDialect { executor.dialect }

    /// Rows changed by the last INSERT, UPDATE or DELETE: a conditional UPDATE that changed none
    /// found its condition false.
    public var changedRows: Int { executor.changedRows }

    /// Runs `body` in a savepoint: when it throws, only its changes are undone.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try executor.savepoint(body)
    }

    /// The error is a unique index refusing a duplicate value.
    public func isUniqueViolation(_ error: Error) -> Bool { executor.isUniqueViolation(error) }

    /// Runs one statement. `cached` keeps it prepared on the connection: for fixed SQL; SQL
    /// assembled from many optional filters passes false so the cache stays bounded.
    public func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws {
        try executor.execute(sql, arguments, cached: cached)
    }

    /// Calls `body` with each result row while it is the current row (the row must not be kept:
    /// `SQLRecord(row)` copies one) until `body` returns false or the rows end.
    public func forEachRow(_ sql: String, _ arguments: SQLArguments, cached: Bool, _ body: (any SQLRow) throws -> Bool) throws {
        try executor.forEachRow(sql, arguments, cached: cached, body)
    }

    public func execute(_ sql: String, _ arguments: SQLArguments = []) throws {
        try execute(sql, arguments, cached: true)
    }

    public func forEachRow(_ sql: String, _ arguments: SQLArguments = [], _ body: (any SQLRow) throws -> Bool) throws {
        try forEachRow(sql, arguments, cached: true, body)
    }

    /// The first row, decoded while current, or nil.
    public func fetchOne<T>(_ sql: String, _ arguments: SQLArguments = [], cached: Bool = true, _ decode: (any SQLRow) throws -> T) throws -> T? {
        var found: T?
        try forEachRow(sql, arguments, cached: cached) { row in
            found = try decode(row)
            return false
        }
        return found
    }

    /// Every row, each decoded while current.
    public func fetchAll<T>(_ sql: String, _ arguments: SQLArguments = [], cached: Bool = true, _ decode: (any SQLRow) throws -> T) throws -> [T] {
        var items: [T] = []
        try forEachRow(sql, arguments, cached: cached) { row in
            items.append(try decode(row))
            return true
        }
        return items
    }

    /// Runs an INSERT and returns the new row's id: `RETURNING id` on PostgreSQL (one round trip,
    /// where asking for the last id afterwards would take a second), SQLite's last rowid on SQLite
    /// (where RETURNING gathers its rows in a temporary b-tree first: an 87 KB allocation and its
    /// page faults on every insert, measured 8% of an order's POST; docs/performance.md).
    public func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        try executor.insert(sql, arguments)
    }

    /// The first row, copied, or nil.
    public func fetchRecord(_ sql: String, _ arguments: SQLArguments = [], cached: Bool = true) throws -> SQLRecord? {
        try fetchOne(sql, arguments, cached: cached, SQLRecord.init)
    }

    /// Every row, copied.
    public func fetchRecords(_ sql: String, _ arguments: SQLArguments = [], cached: Bool = true) throws -> [SQLRecord] {
        try fetchAll(sql, arguments, cached: cached, SQLRecord.init)
    }

    /// The first column of the first row as a `T`, or nil (no row, or NULL).
    public func fetchValue<T: SQLColumnValue>(_ sql: String, _ arguments: SQLArguments = [], cached: Bool = true, as type: T.Type) throws -> T? {
        try fetchOne(sql, arguments, cached: cached) { row -> T? in T(sqlValue: row.value(at: 0)) } ?? nil
    }
}

/// A value as the database holds it.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A result row: values by column name or position. The typed reads are what decoding uses (a
/// backend reads the column straight into the Swift type; nil for NULL); `value` serves the rare
/// caller that does not know the type.
public protocol SQLRow {
    func int64(_ column: String) -> Int64?
    func double(_ column: String) -> Double?
    func text(_ column: String) -> String?
    func bytes(_ column: String) -> [UInt8]?
    /// A NOT NULL column: read without asking whether it is NULL first (the schema says it is
    /// not; a NULL or another type is a schema bug and stops the process).
    func requiredInt64(_ column: String) -> Int64
    func requiredText(_ column: String) -> String
    func value(_ column: String) -> SQLValue
    func value(at index: Int) -> SQLValue
    var columnNames: [String] { get }
}

/// Typed reads by column name: `let id: Int64 = row["id"]`, `row["notes"] as String?`. One
/// overload per type rather than one generic subscript: a generic one over an `any SQLRow` is not
/// specialized and looked up the Optional's type metadata on every read (measured: 20% slower
/// order reads). A NOT NULL column that holds NULL, or a value of another type, is a schema bug:
/// it stops the process as GRDB's typed subscript did, rather than inventing a value.
extension SQLRow {
    public subscript(_ column: String) -> Int64 { requiredInt64(column) }
    public subscript(_ column: String) -> Int64? { int64(column) }
    public subscript(_ column: String) -> Int { Int(exactly: requiredInt64(column)) ?? Self.missing(column) }
    public subscript(_ column: String) -> Int? { int64(column).flatMap { Int(exactly: $0) } }
    public subscript(_ column: String) -> Bool { requiredInt64(column) != 0 }
    public subscript(_ column: String) -> Bool? { int64(column).map { $0 != 0 } }
    public subscript(_ column: String) -> String { requiredText(column) }
    public subscript(_ column: String) -> String? { text(column) }
    public subscript(_ column: String) -> Double { double(column) ?? Self.missing(column) }
    public subscript(_ column: String) -> Double? { double(column) }
    public subscript(_ column: String) -> [UInt8] { bytes(column) ?? Self.missing(column) }
    public subscript(_ column: String) -> [UInt8]? { bytes(column) }

    static func missing<T>(_ column: String) -> T {
        preconditionFailure("column \(column) does not hold a \(T.self)")
    }
}

/// A row copied out of a result, to keep after the next row is read.
public struct SQLRecord: SQLRow, Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(_ row: any SQLRow) {
        var columns: [String] = []
        var values: [SQLValue] = []
        columns = row.columnNames
        values = (0..<columns.count).map { row.value(at: $0) }
        self.columns = columns
        self.values = values
    }

    public func value(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public func int64(_ column: String) -> Int64? { Int64(sqlValue: value(column)) }
    public func requiredInt64(_ column: String) -> Int64 { int64(column) ?? Self.missing(column) }
    public func requiredText(_ column: String) -> String { text(column) ?? Self.missing(column) }
    public func double(_ column: String) -> Double? { Double(sqlValue: value(column)) }
    public func text(_ column: String) -> String? { String(sqlValue: value(column)) }
    public func bytes(_ column: String) -> [UInt8]? { [UInt8](sqlValue: value(column)) }

    public func value(at index: Int) -> SQLValue { index < values.count ? values[index] : .null }
    public var columnNames: [String] { columns }
}

/// Swift values that bind to and decode from SQL values.
public protocol SQLColumnValue {
    init?(sqlValue: SQLValue)
    var sqlValue: SQLValue { get }
}

extension Int64: SQLColumnValue {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue else { return nil }
        self = v
    }
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLColumnValue {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue, let exact = Int(exactly: v) else { return nil }
        self = exact
    }
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Bool: SQLColumnValue {
    public init?(sqlValue: SQLValue) {
        guard case .integer(let v) = sqlValue else { return nil }
        self = v != 0
    }
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension String: SQLColumnValue {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .text(let v): self = v
        case .blob(let bytes): self = String(decoding: bytes, as: UTF8.self)
        default: return nil
        }
    }
    public var sqlValue: SQLValue { .text(self) }
}

extension Double: SQLColumnValue {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .real(let v): self = v
        case .integer(let v): self = Double(v)
        default: return nil
        }
    }
    public var sqlValue: SQLValue { .real(self) }
}

extension Array: SQLColumnValue where Element == UInt8 {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .blob(let bytes): self = bytes
        case .text(let text): self = Array(text.utf8)
        default: return nil
        }
    }
    public var sqlValue: SQLValue { .blob(self) }
}

extension Data: SQLColumnValue {
    public init?(sqlValue: SQLValue) {
        guard let bytes = [UInt8](sqlValue: sqlValue) else { return nil }
        self = Data(bytes)
    }
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
}

/// A statement's bound values, in order: `[id, name, nil]`.
public struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    public var values: [SQLValue]

    public init(_ values: [SQLValue]) { self.values = values }

    public init(arrayLiteral elements: (any SQLColumnValue)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public static func + (a: SQLArguments, b: SQLArguments) -> SQLArguments { SQLArguments(a.values + b.values) }
}
