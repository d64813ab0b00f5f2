import SalesCore
import SalesStore

/// CSV as RFC 4180 writes it: comma-separated fields, CRLF line ends, and a field quoted (with
/// its quotes doubled) when it holds a comma, quote, CR or LF, or starts or ends with a space.
enum CSV {
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ fields: [String]) -> [UInt8] {
        Array((fields.map(field).joined(separator: ",") + "\r\n").utf8)
    }

    static func text(_ cell: ReportTable.Cell) -> String {
        switch cell {
        case .int(let v): return String(v)
        case .decimal(let v, let scale): return ExactDecimal.format(v, scale: scale)
        case .text(let s): return s ?? ""
        }
    }
}
