/// A quantity in exact thousandths of a unit (docs/api.md §1 "quantities": > 0, at most 3 decimal
/// places, kept exactly). `Quantity(thousandths: 2500)` is 2.5 units.
public struct Quantity: Sendable, Hashable, Comparable, Codable {
    public var thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// The largest quantity one request may name (10^9 units), and the bound of a product's
    /// `on_hand` (10^12 units): sums of quantities stay far inside Int64 (docs/api.md §1 "quantities").
    public static let maxRequested: Int64 = 1_000_000_000_000
    public static let maxStock: Int64 = 1_000_000_000_000_000

    public static func < (a: Quantity, b: Quantity) -> Bool { a.thousandths < b.thousandths }

    /// Parses a JSON number's text ("2", "2.5", "0.125", "1e2") exactly. Returns nil for more than
    /// three decimal places, for values that do not fit, and for text that is not a number.
    public init?(decimalText text: String) {
        guard let value = ExactDecimal.parse(text, scale: 3) else { return nil }
        self.thousandths = value
    }

    /// "2.5" for 2500 thousandths; no trailing zeros, no exponent.
    public var decimalText: String { ExactDecimal.format(thousandths, scale: 3) }
}

/// Exact conversion between decimal text and scaled integers, so no quantity or percentage
/// ever passes through floating point.
public enum ExactDecimal {
    /// Parses `text` as a decimal number scaled by 10^scale; nil when it has more decimals
    /// than `scale`, overflows, or is not a JSON number.
    public static func parse(_ text: String, scale: Int) -> Int64? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        var mantissa: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var i = 0
        var sawDigit = false
        var sawPoint = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                mantissa.append(b - 0x30)
                if sawPoint { fractionDigits += 1 }
                sawDigit = true
            } else if b == UInt8(ascii: ".") && !sawPoint && sawDigit {
                sawPoint = true
            } else if (b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) && sawDigit && (!sawPoint || fractionDigits > 0) {
                guard let e = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self)), abs(e) < 400 else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            i += 1
        }
        // JSON requires digits after a decimal point ("1." is not a number).
        guard sawDigit, !sawPoint || fractionDigits > 0 else { return nil }
        // value = mantissa × 10^(exponent − fractionDigits); we need it × 10^scale as an integer.
        var shift = exponent - fractionDigits + scale
        // Drop trailing zeros that a negative shift would divide away.
        while shift < 0, let last = mantissa.last, last == 0 { mantissa.removeLast(); shift += 1 }
        if shift < 0 {
            // Non-zero digits beyond the allowed scale.
            if mantissa.allSatisfy({ $0 == 0 }) { return 0 }
            return nil
        }
        var result: Int64 = 0
        for digit in mantissa {
            let (m, o1) = result.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            result = s
        }
        for _ in 0..<shift {
            let (m, o) = result.multipliedReportingOverflow(by: 10)
            if o { return nil }
            result = m
        }
        return negative ? -result : result
    }

    public static func format(_ value: Int64, scale: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(divisor)
        var fraction = magnitude % UInt64(divisor)
        if fraction == 0 { return "\(sign)\(whole)" }
        var digits = scale
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
