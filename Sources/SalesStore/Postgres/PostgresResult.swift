import CLibPQ

/// A statement's result, owned (PQclear when released). Values arrive in PostgreSQL's text format
/// and are read straight into the Swift type the store asks for (issue 18 item 1 "typed
/// decoding"), by the column's type: int2/int4/int8/numeric and bool (t/f as 1/0) as integers,
/// float4/float8 as doubles, bytea from its hex form, the rest as text.
final class PostgresResult {
    let handle: OpaquePointer
    let rowCount: Int32
    let columnCount: Int32
    private(set) lazy var columnIndexes: [String: Int32] = {
        var indexes: [String: Int32] = [:]
        for column in 0..<columnCount where indexes[columnName(column)] == nil {
            indexes[columnName(column)] = column
        }
        return indexes
    }()

    /// Takes ownership of libpq's result; a failed statement becomes a PostgresError.
    init(checking result: OpaquePointer?, on connection: OpaquePointer) throws {
        guard let result else {
            throw PostgresError(sqlState: "", message: PostgresConnection.firstLine(String(cString: PQerrorMessage(connection))))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            handle = result
            rowCount = PQntuples(result)
            columnCount = PQnfields(result)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? PostgresConnection.firstLine(String(cString: PQerrorMessage(connection)))
            PQclear(result)
            throw PostgresError(sqlState: state, message: message)
        }
    }

    deinit { PQclear(handle) }

    /// Rows an INSERT, UPDATE or DELETE changed.
    var changedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    func columnName(_ column: Int32) -> String { String(cString: PQfname(handle, column)) }
    func type(_ column: Int32) -> PostgresType { PostgresType(rawValue: PQftype(handle, column)) ?? .other }

    func isNull(_ row: Int32, _ column: Int32) -> Bool { PQgetisnull(handle, row, column) != 0 }

    /// The value's text (PostgreSQL's text format).
    func bytes(_ row: Int32, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let pointer = UnsafeRawPointer(PQgetvalue(handle, row, column)!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: pointer, count: Int(PQgetlength(handle, row, column)))
    }

    func text(_ row: Int32, _ column: Int32) -> String { String(decoding: bytes(row, column), as: UTF8.self) }

    /// An integer column, int8 range. nil when the text is not an integer that fits (a numeric
    /// SUM past Int64, a fraction): PostgresTransaction refuses such rows before any is read.
    func int64(_ row: Int32, _ column: Int32) -> Int64? {
        let text = bytes(row, column)
        if type(column) == .bool { return text.first == UInt8(ascii: "t") ? 1 : 0 }
        return Self.parseInteger(text)
    }

    static func parseInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if text.first == UInt8(ascii: "-") { negative = true; index = 1 }
        guard index < text.count else { return nil }
        var value: Int64 = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                // numeric's integral values print as "12.000" after some operations
                guard text[(index + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
                break
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    func double(_ row: Int32, _ column: Int32) -> Double? { Double(text(row, column)) }

    /// bytea's text form: `\x` and two hex digits per byte.
    func blob(_ row: Int32, _ column: Int32) -> [UInt8] {
        let text = bytes(row, column)
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else { return Array(text) }
        var out: [UInt8] = []
        out.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index + 1 < text.count {
            out.append(Self.hex(text[index]) << 4 | Self.hex(text[index + 1]))
            index += 2
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: byte - UInt8(ascii: "A") + 10
        }
    }

    func value(_ row: Int32, _ column: Int32) -> SQLValue {
        if isNull(row, column) { return .null }
        switch type(column) {
        case .int2, .int4, .int8, .bool: return int64(row, column).map(SQLValue.integer) ?? .text(text(row, column))
        case .numeric: return int64(row, column).map(SQLValue.integer) ?? double(row, column).map(SQLValue.real) ?? .text(text(row, column))
        case .float4, .float8: return double(row, column).map(SQLValue.real) ?? .null
        case .bytea: return .blob(blob(row, column))
        case .other: return .text(text(row, column))
        }
    }
}

/// The column types the stores read (pg_type oids).
enum PostgresType: UInt32 {
    case bool = 16, bytea = 17, int8 = 20, int2 = 21, int4 = 23, float4 = 700, float8 = 701, numeric = 1700
    case other = 0
}

/// One row of a result while it is current.
struct PostgresRow: SQLRow {
    let result: PostgresResult
    let row: Int32

    private func column(_ name: String) -> Int32? { result.columnIndexes[name] }

    private func present(_ name: String) -> Int32? {
        guard let column = column(name), !result.isNull(row, column) else { return nil }
        return column
    }

    func int64(_ name: String) -> Int64? { present(name).flatMap { result.int64(row, $0) } }
    func requiredInt64(_ name: String) -> Int64 { int64(name) ?? Self.missing(name) }
    func requiredText(_ name: String) -> String { text(name) ?? Self.missing(name) }
    func double(_ name: String) -> Double? { present(name).flatMap { result.double(row, $0) } }
    func text(_ name: String) -> String? {
        guard let column = present(name) else { return nil }
        return result.type(column) == .bytea ? String(decoding: result.blob(row, column), as: UTF8.self) : result.text(row, column)
    }
    func bytes(_ name: String) -> [UInt8]? {
        guard let column = present(name) else { return nil }
        return result.type(column) == .bytea ? result.blob(row, column) : Array(result.bytes(row, column))
    }
    func value(_ name: String) -> SQLValue { column(name).map { result.value(row, $0) } ?? .null }
    func value(at index: Int) -> SQLValue { index < result.columnCount ? result.value(row, Int32(index)) : .null }
    var columnNames: [String] { (0..<result.columnCount).map(result.columnName) }
}
