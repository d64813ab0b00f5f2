import Foundation
import CLibPQ

/// Where a libpq connection URI points (host, port, database, user), read with libpq's own parser
/// so that it means what libpq will do; never the password.
struct PostgresTarget: CustomStringConvertible {
    var host = "localhost", port = "5432", database: String?, user: String?

    init(url: String) {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &error) else {
            if let error { PQfreemem(error) }
            return
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let text = String(cString: value)
                switch String(cString: keyword) {
                case "host", "hostaddr": if !text.isEmpty { host = text }
                case "port": if !text.isEmpty { port = text }
                case "dbname": database = text
                case "user": user = text
                default: break
                }
            }
            option += 1
        }
    }

    var description: String { "PostgreSQL at \(host):\(port), database \(database ?? user ?? "(the user's)")" }
}

/// One libpq connection (issue 18 item 1), used by one thread at a time (the pool in
/// PostgresStorage hands it out). Statements run with their arguments sent apart from the SQL
/// (never spliced into it); fixed SQL is prepared once per connection and kept.
final class PostgresConnection {
    private let handle: OpaquePointer
    let target: PostgresTarget
    /// Prepared statements by SQL text and argument types.
    private var prepared: [String: String] = [:]
    /// Placeholder translations by SQL text.
    private var translations: [String: PostgresPlaceholders] = [:]

    init(url: String) throws {
        target = PostgresTarget(url: url)
        guard let handle = PQconnectdb(url) else { throw DatabaseLocationError("\(target): libpq could not allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.firstLine(String(cString: PQerrorMessage(handle)))
            PQfinish(handle)
            throw DatabaseLocationError("cannot reach \(target): \(reason)")
        }
        // The server's notices ("relation … already exists, skipping") are not the operator's
        // concern; libpq would print each on stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// The server's version as libpq reports it (150018 for 15.18).
    var serverVersion: Int32 { PQserverVersion(handle) }

    /// The connection still works (false after the server went away or closed it).
    var isUsable: Bool { PQstatus(handle) == CONNECTION_OK }

    /// libpq's messages span lines ("connection to server at … failed: Connection refused\n\tIs
    /// the server running …"); the first says what happened.
    static func firstLine(_ message: String) -> String {
        message.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "no reason given"
    }

    /// Runs SQL without arguments, possibly several statements (migrations, BEGIN, COMMIT).
    func run(_ sql: String) throws {
        _ = try PostgresResult(checking: PQexec(handle, sql), on: handle)
    }

    /// Runs one statement with its arguments. `cached`: prepare it once on this connection.
    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> PostgresResult {
        let translated = translation(of: sql, remember: cached)
        guard translated.count == arguments.values.count else {
            throw PostgresError(sqlState: "08P01", message: "\(arguments.values.count) arguments for a statement that takes \(translated.count)")
        }
        let parameters = try PostgresParameters(arguments.values)
        return try parameters.withPointers { types, values, lengths, formats in
            let count = Int32(arguments.values.count)
            guard cached else {
                return try PostgresResult(checking: PQexecParams(handle, translated.sql, count, types, values, lengths, formats, 0), on: handle)
            }
            let key = parameters.signature + translated.sql
            let name: String
            if let known = prepared[key] {
                name = known
            } else {
                name = "s\(prepared.count + 1)"
                _ = try PostgresResult(checking: PQprepare(handle, name, translated.sql, count, types), on: handle)
                prepared[key] = name
            }
            return try PostgresResult(checking: PQexecPrepared(handle, name, count, values, lengths, formats, 0), on: handle)
        }
    }

    private func translation(of sql: String, remember: Bool) -> PostgresPlaceholders {
        if let known = translations[sql] { return known }
        let translated = PostgresPlaceholders(translating: sql)
        if remember { translations[sql] = translated }
        return translated
    }
}

/// An error the PostgreSQL server (or libpq) reported: its SQLSTATE and primary message. Never
/// the SQL or the bound values (issue 10 item 5); the message names at most a table, column or
/// constraint.
struct PostgresError: Error, CustomStringConvertible {
    let sqlState: String
    let message: String

    var description: String { "PostgreSQL error \(sqlState): \(message)" }

    /// SQLSTATE classes 08 (connection), 53 (resources: a full disk), 57 (operator intervention:
    /// shutdown), 25006 (read-only transaction: a standby, a database set read-only), and libpq's
    /// own failures (no SQLSTATE): the database cannot serve, or take writes, right now.
    var isUnavailable: Bool {
        sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || sqlState.hasPrefix("57") || sqlState == "25006" || sqlState.isEmpty
    }

    /// 40001 serialization_failure, 40P01 deadlock_detected: the transaction may be run again.
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
}

/// Arguments as libpq takes them: integers as int8 and reals as float8 (typed, so that `? IS
/// NULL` and arithmetic know their type), text and NULL left for the server to infer from where
/// they are used (a TEXT column, LIKE), blobs as binary bytea.
struct PostgresParameters {
    private var buffer: [UInt8] = []
    private var offsets: [Int?] = []
    private var lengths: [Int32] = []
    private var formats: [Int32] = []
    private var types: [UInt32] = []
    /// One letter per argument's type: prepared statements are kept per SQL and signature.
    private(set) var signature = ""

    init(_ values: [SQLValue]) throws {
        for value in values {
            switch value {
            case .null: add(nil, type: 0, format: 0, letter: "n")
            case .integer(let v): add(Array(String(v).utf8), type: 20, format: 0, letter: "i")
            case .real(let v): add(Array(Self.text(of: v).utf8), type: 701, format: 0, letter: "r")
            case .text(let v):
                let bytes = Array(v.utf8)
                // PostgreSQL text cannot hold U+0000; the API refuses it before a store sees it.
                guard !bytes.contains(0) else { throw PostgresError(sqlState: "22021", message: "text holds U+0000") }
                add(bytes, type: 0, format: 0, letter: "t")
            case .blob(let v): add(v, type: 17, format: 1, letter: "b")
            }
        }
    }

    private mutating func add(_ bytes: [UInt8]?, type: UInt32, format: Int32, letter: Character) {
        signature.append(letter)
        types.append(type)
        formats.append(format)
        guard let bytes else {
            offsets.append(nil)
            lengths.append(0)
            return
        }
        offsets.append(buffer.count)
        lengths.append(Int32(bytes.count))
        buffer.append(contentsOf: bytes)
        if format == 0 { buffer.append(0) } // text arguments are C strings
    }

    /// The shortest text that reads back as the same double; PostgreSQL's names for the rest.
    private static func text(of value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }

    func withPointers<T>(_ body: (UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) throws -> T) rethrows -> T {
        try buffer.withUnsafeBytes { raw in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in offset.flatMap { offset in base.map { UnsafePointer($0 + offset) } } }
            return try types.withUnsafeBufferPointer { types in
                try values.withUnsafeBufferPointer { values in
                    try lengths.withUnsafeBufferPointer { lengths in
                        try formats.withUnsafeBufferPointer { formats in
                            try body(types.baseAddress, values.baseAddress, lengths.baseAddress, formats.baseAddress)
                        }
                    }
                }
            }
        }
    }
}
