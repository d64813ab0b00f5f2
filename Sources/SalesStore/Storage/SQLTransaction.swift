import Foundation

/// The storage seam (issue 17 item 3; docs/architecture.md "The storage seam"): what the stores need
/// from a database, so that the same rules run over SQLite (GRDB, Storage/GRDBBackend.swift) and,
/// next, PostgreSQL. Stores and the API layer see only these types; GRDB stays behind this file's
/// implementations.
public protocol SQLTransaction: AnyObject {
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

    /// The id of the row the last INSERT created.
    var lastInsertedId: Int64 { get }
}

extension SQLTransaction {
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

/// A result row: values by column name or position.
public protocol SQLRow {
    func value(_ column: String) -> SQLValue
    func value(at index: Int) -> SQLValue
    var columnCount: Int { get }
}

extension SQLRow {
    /// A NOT NULL column. NULL, or a value of another type, is a schema bug: it stops the process
    /// as GRDB's typed subscript did, rather than inventing a value.
    public subscript<T: SQLColumnValue>(_ column: String) -> T {
        guard let value = T(sqlValue: value(column)) else { preconditionFailure("column \(column) does not hold a \(T.self)") }
        return value
    }

    /// A nullable column.
    public subscript<T: SQLColumnValue>(_ column: String) -> T? {
        T(sqlValue: value(column))
    }
}

/// A row copied out of a result, to keep after the next row is read.
public struct SQLRecord: SQLRow, Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(_ row: any SQLRow) {
        var columns: [String] = []
        var values: [SQLValue] = []
        if let names = (row as? any SQLNamedRow)?.columnNames {
            columns = names
            values = (0..<names.count).map { row.value(at: $0) }
        }
        self.columns = columns
        self.values = values
    }

    public func value(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public func value(at index: Int) -> SQLValue { index < values.count ? values[index] : .null }
    public var columnCount: Int { values.count }
}

/// A backend's row that can name its columns (for SQLRecord's copy).
public protocol SQLNamedRow: SQLRow {
    var columnNames: [String] { get }
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
