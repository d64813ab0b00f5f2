#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a response head and body as HTTP/1.1 bytes (RFC 9112 §4, §6).
///
/// The server owns message framing: Date, Content-Length and Connection are always written
/// here, and any framing field an application sets is ignored so a handler can never
/// produce an ambiguous response.
enum ResponseSerializer {
    private static let framingFields: Set<String> = ["content-length", "transfer-encoding", "connection", "date"]

    static func serialize(_ response: HTTPResponse, isHeadRequest: Bool, keepAlive: Bool,
                          date: [UInt8], into out: inout [UInt8]) {
        let status = response.status
        out.reserveCapacity(out.count + 160 + response.body.count + response.headers.count * 40)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status, to: &out)
        out.append(space)
        out.append(contentsOf: reasonPhrase(status).utf8)
        out.append(contentsOf: crlf)
        for field in response.headers where !framingFields.contains(field.name) {
            appendField(name: field.name, value: field.value, to: &out)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date)
        out.append(contentsOf: crlf)
        // RFC 9110 §8.6: no Content-Length on 1xx or 204; on 304 it would describe the
        // selected representation, which we do not have here, so it is omitted.
        let bodyAllowed = !(status < 200 || status == 204 || status == 304)
        if bodyAllowed && response.stream != nil {
            // The chunks follow as the stream produces them (EventLoop), ended by lastChunk.
            out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        } else if bodyAllowed {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: crlf)
        }
        out.append(contentsOf: keepAlive ? "Connection: keep-alive\r\n\r\n".utf8 : "Connection: close\r\n\r\n".utf8)
        // RFC 9110 §9.3.2: HEAD gets the same head as GET, without the content.
        if bodyAllowed && !isHeadRequest && response.stream == nil {
            out.append(contentsOf: response.body)
        }
    }

    /// One chunk of a streamed body: size in hex, CRLF, data, CRLF (RFC 9112 §7.1).
    static func appendChunk(_ data: [UInt8], to out: inout [UInt8]) {
        guard !data.isEmpty else { return }
        out.append(contentsOf: String(data.count, radix: 16).utf8)
        out.append(contentsOf: crlf)
        out.append(contentsOf: data)
        out.append(contentsOf: crlf)
    }

    /// The last chunk with no trailer section.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// Writes "Name: value\r\n", dropping bytes that could split the response (CR, LF, NUL)
    /// and any name byte that is not a token character.
    private static func appendField(name: String, value: String, to out: inout [UInt8]) {
        var wroteName = false
        for byte in name.utf8 where isTokenChar(byte) {
            out.append(titleCaseIfNeeded(byte, afterDashOrStart: !wroteName || out.last == UInt8(ascii: "-")))
            wroteName = true
        }
        guard wroteName else { return }
        out.append(contentsOf: ": ".utf8)
        for byte in value.utf8 where byte != 13 && byte != 10 && byte != 0 {
            out.append(byte)
        }
        out.append(contentsOf: crlf)
    }

    /// Field names are stored lower-cased; they are sent in the conventional capitalisation
    /// ("Content-Type") for the benefit of humans reading curl output. Case is not significant.
    @inline(__always)
    private static func titleCaseIfNeeded(_ byte: UInt8, afterDashOrStart: Bool) -> UInt8 {
        if afterDashOrStart && byte >= 0x61 && byte <= 0x7A { return byte - 0x20 }
        return byte
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        var digits: [UInt8] = []
        var v = value
        while v > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        }
        out.append(contentsOf: digits.reversed())
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}

private let space = UInt8(ascii: " ")
private let crlf: [UInt8] = [13, 10]

/// The IMF-fixdate of RFC 9110 §5.6.7, recomputed at most once a second per event loop.
struct DateCache {
    private var second: time_t = -1
    private(set) var bytes: [UInt8] = []

    mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            bytes = Array(DateCache.format(now).utf8)
        }
        return bytes
    }

    static func format(_ t: time_t) -> String {
        var seconds = t
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
