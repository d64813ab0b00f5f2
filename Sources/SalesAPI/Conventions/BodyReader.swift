import SalesCore
import SalesJSON

/// Whether a field was absent, explicitly null, or given a valid value. Invalid values are
/// recorded as field errors and read as absent, so one pass reports every bad field.
public enum Presence<T> {
    case absent, null, value(T)

    public func assign(to target: inout T) {
        if case .value(let v) = self { target = v }
    }

    public func assign(to target: inout T?) {
        switch self {
        case .value(let v): target = v
        case .null: target = nil
        case .absent: break
        }
    }

    public var value: T? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// For a field that null clears: nil when absent, .some(nil) when null, .some(v) when given.
    public var patch: T?? {
        switch self {
        case .absent: return nil
        case .null: return .some(nil)
        case .value(let v): return .some(v)
        }
    }
}

/// Reads and validates the fields of a JSON object, collecting every error with its path
/// (`lines[0].quantity`) for one 422 `validation_failed` (docs/api.md §1 "Errors").
public struct BodyReader {
    public let object: JSONObject
    public let prefix: String
    public private(set) var errors: [FieldError] = []

    public init(_ object: JSONObject, prefix: String = "") {
        self.object = object
        self.prefix = prefix
    }

    public func has(_ key: String) -> Bool { object[key] != nil }

    public mutating func fail(_ key: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: prefix + key, code: code, message: message))
    }

    public mutating func absorb(_ other: BodyReader) { errors.append(contentsOf: other.errors) }

    public mutating func absorb(_ more: [FieldError]) { errors.append(contentsOf: more) }

    /// Throws 422 with every recorded error, if any.
    public func finish() throws {
        if !errors.isEmpty { throw APIError.validation(errors) }
    }

    public mutating func require(_ keys: String...) {
        for key in keys where object[key] == nil || object[key] == .null {
            fail(key, "required", "\(key) is required")
        }
    }

    /// Unknown fields are refused, so a misspelt field is never silently ignored.
    public mutating func rejectUnknown(_ allowed: Set<String>) {
        for key in object.keys where !allowed.contains(key) {
            fail(key, "unknown_field", "\(key) is not a field of this resource")
        }
    }

    private mutating func raw(_ key: String, nullable: Bool) -> JSONValue? {
        guard let value = object[key] else { return nil }
        if value == .null {
            if !nullable { fail(key, "invalid_type", "\(key) cannot be null") }
            return .null
        }
        return value
    }

    private mutating func typeError(_ key: String, _ expected: String, _ got: JSONValue) {
        fail(key, "invalid_type", "\(key) must be \(expected), not \(got.typeName)")
    }

    public mutating func text(_ key: String, maxLength: Int = 500, nullable: Bool = true, allowEmpty: Bool = false) -> Presence<String> {
        guard let value = raw(key, nullable: nullable) else { return .absent }
        switch value {
        case .null: return nullable ? .null : .absent
        case .string(let s):
            if !allowEmpty && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fail(key, "blank", "\(key) must not be blank")
                return .absent
            }
            guard checkText(key, s, maxLength: maxLength) else { return .absent }
            return .value(s)
        default:
            typeError(key, "a string", value)
            return .absent
        }
    }

    /// docs/api.md §1 "text": at most `maxLength` Unicode scalars, no control characters but tab
    /// and newlines (TextRules); records the field error and answers false otherwise.
    mutating func checkText(_ key: String, _ s: String, maxLength: Int, what: String? = nil) -> Bool {
        switch TextRules.problem(s, maxLength: maxLength) {
        case nil:
            return true
        case .tooLong(let max):
            fail(key, "too_long", "\(what ?? key) is longer than \(max) characters")
        case .controlCharacter(let scalar):
            let hex = String(scalar, radix: 16, uppercase: true)
            fail(key, "control_character", "\(what ?? key) contains the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex); "
                 + "only tab and newlines are allowed")
        }
        return false
    }

    /// An integer (money in minor units, ids, days): a JSON number whose value is whole, however
    /// it is written — `1250`, `1250.0` and `1.25e3` are the same number (RFC 8259 §6 has one
    /// number type; JSON Schema's "integer" is any number with no fractional part), `12.5` is not.
    public mutating func integer(_ key: String, range: ClosedRange<Int64> = Int64.min...Int64.max, nullable: Bool = false) -> Presence<Int64> {
        guard let value = raw(key, nullable: nullable) else { return .absent }
        switch value {
        case .null: return nullable ? .null : .absent
        case .number(let text):
            guard let v = Int64(text) ?? ExactDecimal.parse(text, scale: 0) else {
                fail(key, "not_an_integer", "\(key) must be a whole number (money is in minor units)")
                return .absent
            }
            guard range.contains(v) else {
                fail(key, "out_of_range", "\(key) must be between \(range.lowerBound) and \(range.upperBound)")
                return .absent
            }
            return .value(v)
        default:
            typeError(key, "an integer", value)
            return .absent
        }
    }

    public mutating func id(_ key: String, nullable: Bool = true) -> Presence<Int64> {
        integer(key, range: 1...Int64.max, nullable: nullable)
    }

    public mutating func boolean(_ key: String) -> Presence<Bool> {
        guard let value = raw(key, nullable: false) else { return .absent }
        if case .bool(let b) = value { return .value(b) }
        if value != .null { typeError(key, "true or false", value) }
        return .absent
    }

    public mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> Presence<T> where T.RawValue == String {
        guard case .value(let s) = text(key, nullable: false) else { return .absent }
        guard let v = T(rawValue: s) else {
            fail(key, "invalid_choice", "\(key) must be one of " + T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
            return .absent
        }
        return .value(v)
    }

    /// docs/api.md §1 "quantities": a JSON number > 0 with at most 3 decimals, kept exactly.
    public mutating func quantity(_ key: String, allowZero: Bool = false, allowNegative: Bool = false, nullable: Bool = false) -> Presence<Quantity> {
        guard let value = raw(key, nullable: nullable) else { return .absent }
        switch value {
        case .null: return nullable ? .null : .absent
        case .number(let text):
            guard let q = Quantity(decimalText: text) else {
                if ExactDecimal.parse(text, scale: 12) != nil || text.contains(".") || text.lowercased().contains("e-") {
                    fail(key, "too_many_decimals", "at most 3 decimal places")
                } else {
                    fail(key, "out_of_range", "\(key) is too large")
                }
                return .absent
            }
            if q.thousandths > 1_000_000_000_000 || q.thousandths < -1_000_000_000_000 {
                fail(key, "out_of_range", "\(key) is too large")
                return .absent
            }
            if q.thousandths < 0 && !allowNegative || q.thousandths == 0 && !allowZero {
                fail(key, "out_of_range", allowNegative ? "\(key) must not be 0" : "\(key) must be greater than 0")
                return .absent
            }
            return .value(q)
        default:
            typeError(key, "a number", value)
            return .absent
        }
    }

    /// A decimal kept as an integer scaled by 10^scale (tax percent: 4 decimals; discount: 2).
    public mutating func scaledDecimal(_ key: String, scale: Int, range: ClosedRange<Int64>, nullable: Bool = false) -> Presence<Int64> {
        guard let value = raw(key, nullable: nullable) else { return .absent }
        switch value {
        case .null: return nullable ? .null : .absent
        case .number(let text):
            guard let v = ExactDecimal.parse(text, scale: scale) else {
                fail(key, "too_many_decimals", "at most \(scale) decimal places")
                return .absent
            }
            guard range.contains(v) else {
                fail(key, "out_of_range", "\(key) must be between \(ExactDecimal.format(range.lowerBound, scale: scale)) and \(ExactDecimal.format(range.upperBound, scale: scale))")
                return .absent
            }
            return .value(v)
        default:
            typeError(key, "a number", value)
            return .absent
        }
    }

    /// An RFC 3339 timestamp (docs/api.md §1 "time"), returned in the canonical stored form.
    public mutating func timestamp(_ key: String) -> Presence<String> {
        guard case .value(let s) = text(key, maxLength: 40, nullable: false) else { return .absent }
        guard s.utf8.count > 10, let normalized = Timestamp.normalize(s) else {
            fail(key, "invalid_timestamp", "\(key) must be an RFC 3339 timestamp like 2026-11-23T11:26:25Z")
            return .absent
        }
        return .value(normalized)
    }

    /// An ISO 4217 code of the standard's list, in upper case (Currencies).
    public mutating func currency(_ key: String) -> Presence<String> {
        guard case .value(let s) = text(key, maxLength: 3, nullable: false) else { return .absent }
        guard Currencies.isKnown(s) else {
            fail(key, "invalid_currency", "\(key) must be an ISO 4217 currency code in upper case, like \"USD\"")
            return .absent
        }
        return .value(s)
    }

    /// docs/api.md §1 "metadata": string → string, ≤ 50 keys, key ≤ 40 chars, value ≤ 500 chars.
    public mutating func metadata(_ key: String = "metadata") -> Presence<Metadata> {
        guard let value = raw(key, nullable: true) else { return .absent }
        if value == .null { return .value([:]) }
        guard case .object(let o) = value else {
            typeError(key, "an object of strings", value)
            return .absent
        }
        var result: Metadata = [:]
        var ok = true
        if o.count > MetadataRules.maxKeys {
            fail(key, "too_many_keys", "at most \(MetadataRules.maxKeys) keys")
            ok = false
        }
        for member in o.members {
            if member.key.isEmpty || TextRules.problem(member.key, maxLength: MetadataRules.maxKeyLength) != nil {
                // The key is not echoed in the field path when it is the problem.
                fail(key, "invalid_key", "keys are 1 to \(MetadataRules.maxKeyLength) characters, with no control characters")
                ok = false
                continue
            }
            guard case .string(let s) = member.value else {
                fail("\(key).\(member.key)", "invalid_type", "metadata values are strings")
                ok = false
                continue
            }
            if !checkText("\(key).\(member.key)", s, maxLength: MetadataRules.maxValueLength, what: "a metadata value") {
                ok = false
                continue
            }
            result[member.key] = s
        }
        return ok ? .value(result) : .absent
    }

    public mutating func address(_ key: String) -> Presence<Address> {
        guard let value = raw(key, nullable: true) else { return .absent }
        if value == .null { return .null }
        guard case .object(let o) = value else {
            typeError(key, "an address object", value)
            return .absent
        }
        var nested = BodyReader(o, prefix: prefix + key + ".")
        nested.rejectUnknown(["line1", "line2", "city", "region", "postal_code", "country"])
        var a = Address()
        nested.text("line1", maxLength: 200).assign(to: &a.line1)
        nested.text("line2", maxLength: 200).assign(to: &a.line2)
        nested.text("city", maxLength: 100).assign(to: &a.city)
        nested.text("region", maxLength: 100).assign(to: &a.region)
        nested.text("postal_code", maxLength: 20).assign(to: &a.postalCode)
        nested.text("country", maxLength: 56).assign(to: &a.country)
        absorb(nested)
        return nested.errors.isEmpty ? .value(a) : .absent
    }

    /// A light e-mail check: something@something.tld, no spaces.
    public mutating func email(_ key: String) -> Presence<String> {
        let result = text(key, maxLength: 254)
        if case .value(let s) = result {
            let parts = s.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || s.contains(" ") {
                fail(key, "invalid_email", "\(key) is not an e-mail address")
                return .absent
            }
        }
        return result
    }
}
