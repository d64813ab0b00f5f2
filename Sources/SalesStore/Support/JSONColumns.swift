import SalesCore
import SalesJSON

/// Encoding of the JSON-valued columns (metadata, addresses, prices). Keys are written sorted so
/// equal values store identical text.
enum JSONColumns {
    static func encode(_ metadata: Metadata) -> String {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        for key in metadata.keys.sorted() {
            w.key(key)
            w.string(metadata[key]!)
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func decodeMetadata(_ text: String?) -> Metadata {
        guard let text, case .object(let o)? = try? JSONParser.parse(text) else { return [:] }
        var result: Metadata = [:]
        for member in o.members {
            if case .string(let s) = member.value { result[member.key] = s }
        }
        return result
    }

    static func encode(_ prices: [String: Int64]) -> String {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        for key in prices.keys.sorted() {
            w.key(key)
            w.int(prices[key]!)
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func decodePrices(_ text: String?) -> [String: Int64] {
        guard let text, case .object(let o)? = try? JSONParser.parse(text) else { return [:] }
        var result: [String: Int64] = [:]
        for member in o.members {
            if case .number(let n) = member.value, let v = Int64(n) { result[member.key] = v }
        }
        return result
    }

    static func encode(_ address: Address?) -> String? {
        guard let a = address else { return nil }
        var w = JSONWriter(capacity: 128)
        w.beginObject()
        w.key("line1"); w.string(a.line1)
        w.key("line2"); w.string(a.line2)
        w.key("city"); w.string(a.city)
        w.key("region"); w.string(a.region)
        w.key("postal_code"); w.string(a.postalCode)
        w.key("country"); w.string(a.country)
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func decodeAddress(_ text: String?) -> Address? {
        guard let text, case .object(let o)? = try? JSONParser.parse(text) else { return nil }
        func s(_ k: String) -> String? { if case .string(let v)? = o[k] { return v } else { return nil } }
        return Address(line1: s("line1"), line2: s("line2"), city: s("city"), region: s("region"),
                       postalCode: s("postal_code"), country: s("country"))
    }
}
