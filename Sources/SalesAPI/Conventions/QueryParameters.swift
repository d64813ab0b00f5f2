import Foundation
import SalesCore
import SalesStore

/// Query parameters, percent-decoded ("+" is a space). Each route declares the names it
/// accepts; an unknown name is 400 rather than silently ignored, so a typo such as
/// `?customer=7` cannot quietly return every customer.
public struct QueryParameters: Sendable {
    public private(set) var pairs: [(name: String, value: String)] = []

    public init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(pieces[0]), let value = decode(pieces.count > 1 ? pieces[1] : "") else {
                throw APIError.badRequest("malformed query parameter \(part)")
            }
            // docs/api.md §1 "text": a filter holds what a field may hold; %00 and its kin are refused.
            guard (name + value).unicodeScalars.allSatisfy(TextRules.isAllowed) else {
                throw APIError.badRequest("query parameter \(name.unicodeScalars.allSatisfy(TextRules.isAllowed) ? name : "name") contains a control character")
            }
            pairs.append((name, value))
        }
    }

    private func decode(_ s: Substring) -> String? {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// `metadata[KEY]=VALUE` filters (docs/api.md §1 "metadata").
    public var metadataFilters: [(key: String, value: String)] {
        pairs.compactMap { pair in
            guard isMetadataFilter(pair.name) else { return nil }
            let scalars = pair.name.unicodeScalars
            return (String(String.UnicodeScalarView(scalars.dropFirst(9).dropLast())), pair.value)
        }
    }

    /// "metadata[KEY]" with a non-empty key of at most 40 characters; anything else that merely
    /// starts with "metadata[" is an unknown parameter (400), never a silently ignored filter.
    /// Compared by Unicode scalars, not characters: a combining mark after "[" must not hide the
    /// prefix, and the key's length counts code points as JSON Schema's maxLength does.
    private func isMetadataFilter(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        return name.utf8.starts(with: "metadata[".utf8) && name.utf8.last == UInt8(ascii: "]") && scalars.count > 10 && scalars.count <= 10 + 40
    }

    /// 400 for any parameter outside `allowed`, the list parameters and metadata filters.
    public func validate(allowed: Set<String>, list: Bool) throws {
        for pair in pairs {
            if allowed.contains(pair.name) { continue }
            if list && (ListParameters.names.contains(pair.name) || isMetadataFilter(pair.name)) { continue }
            throw APIError.badRequest("unknown query parameter \"\(pair.name)\"")
        }
        // docs/api.md §1 metadata has at most 50 keys: so does a filter on it.
        if metadataFilters.count > 50 { throw APIError.badRequest("at most 50 metadata[KEY] filters") }
        var seen = Set<String>()
        for pair in pairs where !seen.insert(pair.name).inserted {
            throw APIError.badRequest("query parameter \"\(pair.name)\" given more than once")
        }
    }

    /// An integer parameter: a whole number however it is written (`2`, `2.0`, `2e0`), as in a
    /// body (BodyReader.integer; JSON Schema's integer, which the spec states).
    public func int(_ name: String, range: ClosedRange<Int64> = 1...Int64.max) throws -> Int64? {
        guard let text = self[name] else { return nil }
        guard let v = Int64(text) ?? ExactDecimal.parse(text, scale: 0), range.contains(v) else {
            throw APIError.badRequest("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    public func bool(_ name: String) throws -> Bool? {
        guard let text = self[name] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIError.badRequest("\(name) must be true or false")
        }
    }

    public func oneOf<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let v = T(rawValue: text) else { throw APIError.badRequest("\(name) has no value \"\(text)\"") }
        return v
    }

    public func nonEmpty(_ name: String) throws -> String? {
        guard let text = self[name] else { return nil }
        guard !text.isEmpty else { throw APIError.badRequest("\(name) must not be empty") }
        return text
    }
}

/// docs/api.md §1 "lists": limit 1–200 (default 50), cursor, created_from/created_to,
/// updated_since (a sync feed ordered by updated_at, id), metadata filters.
public enum ListParameters {
    static let names: Set<String> = ["limit", "cursor", "created_from", "created_to", "updated_since"]

    public static func parse(_ query: QueryParameters) throws -> ListOptions {
        var options = ListOptions()
        if let limit = try query.int("limit", range: 1...200) { options.limit = Int(limit) }
        options.createdFrom = try timestamp(query, "created_from")
        options.createdTo = try timestamp(query, "created_to", endOfDay: true)
        options.updatedSince = try timestamp(query, "updated_since")
        options.metadata = query.metadataFilters
        if let cursor = query["cursor"] {
            guard let decoded = Cursor.decode(cursor) else { throw APIError.badRequest("cursor is not one this server issued") }
            // A cursor of the other kind still names a position: its id (or the feed's start).
            switch (decoded, options.updatedSince) {
            case (.id(let id), nil): options.afterId = id
            case (.id(let id), let since?): options.afterUpdate = (since, id)
            case (.update(let at, let id), .some): options.afterUpdate = (at, id)
            case (.update(_, let id), nil): options.afterId = id
            }
        }
        return options
    }

    /// A date means the whole day: from its first instant, or to its last (inclusive ranges).
    static func timestamp(_ query: QueryParameters, _ name: String, endOfDay: Bool = false) throws -> String? {
        guard let text = query[name] else { return nil }
        guard let normalized = Timestamp.normalize(text) else {
            throw APIError.badRequest("\(name) must be an RFC 3339 timestamp or a YYYY-MM-DD date")
        }
        if endOfDay && text.utf8.count == 10 { return String(normalized.prefix(10)) + "T23:59:59.999Z" }
        return normalized
    }
}

/// Opaque keyset cursors: "i<id>" in id order, "u<updated_at digits>_<id>" in a sync feed (`encoded`).
public enum Cursor: Equatable {
    case id(Int64)
    case update(String, Int64)

    /// The cursor after a row: by (updated_at, id) in an updated_since feed, else by id.
    public static func after(id: Int64, updatedAt: String, in options: ListOptions) -> Cursor {
        options.updatedSince != nil ? .update(updatedAt, id) : .id(id)
    }

    /// "i<id>", or "u<yyyyMMddHHmmssSSS>_<id>" for a sync feed: the whole grammar is the regex
    /// `^(i[0-9]{1,18}|u[0-9]{17}_[0-9]{1,18})$`, and every string it matches is a usable
    /// position (the digits only ever compare as text), so a well-formed cursor is never refused.
    public var encoded: String {
        switch self {
        case .id(let id): return "i\(id)"
        case .update(let at, let id): return "u" + at.filter(\.isNumber) + "_\(id)"
        }
    }

    public static func decode(_ text: String) -> Cursor? {
        let b = Array(text.utf8)
        func digits(_ s: ArraySlice<UInt8>) -> Bool { !s.isEmpty && s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if b.first == UInt8(ascii: "i"), b.count <= 19, digits(b[1...]), let id = Int64(String(decoding: b[1...], as: UTF8.self)) {
            return .id(id)
        }
        if b.first == UInt8(ascii: "u"), b.count >= 20, b.count <= 37, b[18] == UInt8(ascii: "_"), digits(b[1..<18]), digits(b[19...]),
           let id = Int64(String(decoding: b[19...], as: UTF8.self)) {
            let d = String(decoding: b[1..<18], as: UTF8.self)
            func part(_ from: Int, _ length: Int) -> Substring {
                let start = d.index(d.startIndex, offsetBy: from)
                return d[start..<d.index(start, offsetBy: length)]
            }
            let at = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2)):\(part(12, 2)).\(part(14, 3))Z"
            return .update(at, id)
        }
        return nil
    }
}
