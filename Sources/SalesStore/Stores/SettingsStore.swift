import Foundation
import SalesCore

/// The journal export's account codes (docs/api.md §3 "Accounting export": `GET/PATCH
/// /v1/settings/accounting`), one JSON row in `settings`, versioned like every mutable resource.
public struct AccountCodes: Sendable, Equatable, Codable {
    public static let names = ["receivable", "revenue", "tax", "cash", "bank", "card", "other"]

    public var codes: [String: String]
    public var version: Int64
    public var updatedAt: String?

    public subscript(name: String) -> String { codes[name] ?? name }

    /// The account a payment method settles into: cash → cash, card → card, bank transfers and
    /// checks (deposited at the bank) → bank, other → other.
    public func account(for method: PaymentMethod) -> String {
        switch method {
        case .cash: return self["cash"]
        case .card: return self["card"]
        case .bank_transfer, .check: return self["bank"]
        case .other: return self["other"]
        }
    }
}

public enum SettingsStore {
    public static func accounting(_ db: SQLTransaction) throws -> AccountCodes {
        guard let text = try db.fetchValue("SELECT value FROM settings WHERE key = 'accounting'", as: String.self),
              let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw SalesError.notFound(resource: "settings", id: "accounting")
        }
        var codes: [String: String] = [:]
        for name in AccountCodes.names { codes[name] = object[name] as? String ?? "" }
        return AccountCodes(codes: codes, version: (object["version"] as? NSNumber)?.int64Value ?? 1, updatedAt: object["updated_at"] as? String)
    }

    /// PATCH: the given codes replace theirs; version + 1 when anything changed.
    public static func updateAccounting(_ db: SQLTransaction, changes: [String: String], expectedVersion: Int64?) throws -> AccountCodes {
        var current = try accounting(db)
        try Versions.require(expectedVersion, current: current.version)
        let before = current.codes
        for (name, code) in changes { current.codes[name] = code }
        guard current.codes != before else { return current }
        current.version += 1
        current.updatedAt = Timestamp.now()
        var object: [String: Any] = current.codes
        object["version"] = current.version
        object["updated_at"] = current.updatedAt
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        try db.execute("UPDATE settings SET value = ? WHERE key = 'accounting'", [text])
        return current
    }
}
