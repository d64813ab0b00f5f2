import SalesCore
import SalesJSON

/// Encoding of the JSON-valued columns (metadata, addresses, prices). Keys are written sorted so
/// equal values store identical text.
enum JSONColumns {
    static func encode(_ metadata: Metadata) -> String {
        var w = JSONWriter(capacity: 64)
        w.metadata(metadata)
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
        guard address != nil else { return nil }
        var w = JSONWriter(capacity: 128)
        w.address(address)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func decodeAddress(_ text: String?) -> Address? {
        guard let text, case .object(let o)? = try? JSONParser.parse(text) else { return nil }
        func s(_ k: String) -> String? { if case .string(let v)? = o[k] { return v } else { return nil } }
        return Address(line1: s("line1"), line2: s("line2"), city: s("city"), region: s("region"),
                       postalCode: s("postal_code"), country: s("country"))
    }
}

/// The JSON shapes of metadata and addresses, the same in the database and in API responses.
extension JSONWriter {
    /// Keys sorted, so equal metadata is written identically.
    public mutating func metadata(_ m: Metadata) {
        beginObject()
        for key in m.keys.sorted() {
            self.key(key)
            string(m[key]!)
        }
        endObject()
    }

    /// docs/api.md §3 Customers: {line1, line2, city, region, postal_code, country}, or null.
    public mutating func address(_ address: Address?) {
        guard let a = address else { null(); return }
        beginObject()
        key("line1"); string(a.line1)
        key("line2"); string(a.line2)
        key("city"); string(a.city)
        key("region"); string(a.region)
        key("postal_code"); string(a.postalCode)
        key("country"); string(a.country)
        endObject()
    }
}
