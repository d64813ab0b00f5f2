/// API key roles (docs/api.md §2).
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Everything, including API keys and settings.
    case admin
    /// Customers, quotes, orders, activities, and every read.
    case sales
    /// Products, stock, shipments, returns, and every read.
    case warehouse
    /// Invoices, credit notes, payments, credits, reports, exports, and every read.
    case accounting
    /// Every GET.
    case readonly
}

/// The caller of a request: an API key.
public struct Principal: Sendable, Equatable {
    public var keyId: Int64
    public var name: String
    public var role: Role
    /// A key bound to a rep clocks in/out and logs activities only for that rep (docs/api.md §2).
    public var salesRepId: Int64?

    public init(keyId: Int64, name: String, role: Role, salesRepId: Int64?) {
        self.keyId = keyId
        self.name = name
        self.role = role
        self.salesRepId = salesRepId
    }
}
