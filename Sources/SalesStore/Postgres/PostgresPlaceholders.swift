/// The stores write SQLite's placeholders (`?` and `?N`); PostgreSQL numbers them `$N`
/// (SQLDialect's header). A `?` takes the number after the largest one so far, as in SQLite
/// (https://sqlite.org/lang_expr.html#parameters). Quoted text and identifiers are copied as
/// they are, so a `?` inside `'…'` or `"…"` stays a question mark.
struct PostgresPlaceholders {
    /// The SQL with `$N` placeholders.
    let sql: String
    /// How many arguments it takes (the largest N).
    let count: Int

    init(translating source: String) {
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count + 8)
        var largest = 0
        var quote: UInt8?
        let bytes = Array(source.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                out.append(byte)
                if byte == open { quote = nil } // a doubled quote reopens on the next byte
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                quote = byte
                out.append(byte)
                i += 1
            case UInt8(ascii: "?"):
                var j = i + 1
                var number = 0
                while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9"), number < 100_000 {
                    number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                    j += 1
                }
                if j == i + 1 { number = largest + 1 }
                largest = max(largest, number)
                out.append(UInt8(ascii: "$"))
                out.append(contentsOf: String(number).utf8)
                i = j
            default:
                out.append(byte)
                i += 1
            }
        }
        sql = String(decoding: out, as: UTF8.self)
        count = largest
    }
}
