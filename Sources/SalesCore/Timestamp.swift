#if canImport(Glibc)
import Glibc
#endif

/// RFC 3339 timestamps in UTC with milliseconds ("2026-11-23T11:26:25.123Z"): they sort
/// correctly as text, which the database indexes rely on (docs/api.md §1 "time").
public enum Timestamp {
    /// Now by the server's wall clock (WallClock: real time unless a test started it elsewhere).
    public static func now() -> String {
        let ms = WallClock.nowMilliseconds()
        return format(seconds: Int(ms / 1000), milliseconds: Int(ms % 1000))
    }

    public static func format(seconds: Int, milliseconds: Int = 0) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ n: Int32, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds), 3))Z"
    }

    /// Parses RFC 3339 ("2026-11-23T11:26:25Z", with optional fraction and offset) or a date
    /// ("2026-11-23", midnight UTC) into the canonical stored form; nil when invalid.
    public static func normalize(_ text: String) -> String? {
        let b = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = num(0..<4), let month = num(5..<7), let day = num(8..<10),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var hour = 0, minute = 0, second = 0, millis = 0, offset = 0
        if b.count > 10 {
            guard b.count >= 20, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
                  b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  let h = num(11..<13), let m = num(14..<16), let s = num(17..<19),
                  h < 24, m < 60, s < 61 else { return nil }
            hour = h; minute = m; second = min(s, 59)
            var i = 19
            if b[i] == UInt8(ascii: ".") {
                i += 1
                var digits = 0
                var fraction = 0
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                    if digits < 3 { fraction = fraction * 10 + Int(b[i] - 0x30) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                // Fewer than 3 digits scale up; more are cut to milliseconds.
                for _ in 0..<max(0, 3 - digits) { fraction *= 10 }
                millis = fraction
            }
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                guard i + 1 == b.count else { return nil }
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let oh = num((i + 1)..<(i + 3)),
                      let om = num((i + 4)..<(i + 6)), oh < 24, om < 60 else { return nil }
                offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "+") ? 1 : -1)
            } else {
                return nil
            }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        // The stored form has a four-digit year: an offset may not push it outside 0001–9999.
        guard seconds >= daysFromCivil(year: 1, month: 1, day: 1) * 86_400, seconds < daysFromCivil(year: 10_000, month: 1, day: 1) * 86_400 else {
            return nil
        }
        return format(seconds: seconds, milliseconds: millis)
    }

    /// Milliseconds since 1970 of a canonical timestamp ("2026-11-23T11:26:25.000Z", as stored).
    public static func epochMilliseconds(_ canonical: String) -> Int64? {
        let b = Array(canonical.utf8)
        guard b.count == 24, b[10] == UInt8(ascii: "T"), b[23] == UInt8(ascii: "Z") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let year = num(0..<4), let month = num(5..<7), let day = num(8..<10), let hour = num(11..<13), let minute = num(14..<16),
              let second = num(17..<19), let millis = num(20..<23) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Int64(((days * 86_400 + hour * 3600 + minute * 60 + second) * 1000) + millis)
    }

    /// A calendar date "YYYY-MM-DD" validated; nil when invalid.
    public static func isValidDate(_ text: String) -> Bool {
        text.utf8.count == 10 && normalize(text) != nil
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
