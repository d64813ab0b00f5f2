/// Free-form string metadata on every main resource (docs/api.md §1 "metadata").
public typealias Metadata = [String: String]

public enum MetadataRules {
    public static let maxKeys = 50
    public static let maxKeyLength = 40
    public static let maxValueLength = 500
}

/// A postal address (docs/api.md §3 Customers).
public struct Address: Sendable, Equatable {
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?
    public var country: String?

    public init(line1: String? = nil, line2: String? = nil, city: String? = nil, region: String? = nil,
                postalCode: String? = nil, country: String? = nil) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }
}

public struct Customer: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var email: String?
    public var phone: String?
    public var billingAddress: Address?
    public var shippingAddress: Address?
    public var currency: String
    public var creditLimit: Int64?
    public var paymentTermsDays: Int
    public var salesRepId: Int64?
    public var externalRef: String?
    public var active: Bool
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String
    /// Σ over confirmed orders of (total − amount_invoiced), maintained by the order transactions;
    /// read-only through the API (part of `balance`).
    public var openOrdersAmount: Int64
    /// Σ amount_due of its open invoices and the money of its not allocated to any invoice,
    /// both maintained in the transactions that move them (docs/api.md §3 Customers `balance`).
    public var receivable: Int64 = 0
    public var creditBalance: Int64 = 0

    public init(id: Int64, name: String, email: String?, phone: String?, billingAddress: Address?,
                shippingAddress: Address?, currency: String, creditLimit: Int64?, paymentTermsDays: Int,
                salesRepId: Int64?, externalRef: String?, active: Bool, metadata: Metadata, version: Int64,
                createdAt: String, updatedAt: String, openOrdersAmount: Int64 = 0) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.billingAddress = billingAddress
        self.shippingAddress = shippingAddress
        self.currency = currency
        self.creditLimit = creditLimit
        self.paymentTermsDays = paymentTermsDays
        self.salesRepId = salesRepId
        self.externalRef = externalRef
        self.active = active
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.openOrdersAmount = openOrdersAmount
    }
}

/// The customer's money position (docs/api.md §3 Customers, `balance`).
public struct CustomerBalance: Sendable, Equatable {
    public var currency: String
    public var receivable: Int64
    public var creditBalance: Int64
    public var openOrdersAmount: Int64
    public var creditLimit: Int64?

    public init(currency: String, receivable: Int64, creditBalance: Int64, openOrdersAmount: Int64, creditLimit: Int64?) {
        self.currency = currency
        self.receivable = receivable
        self.creditBalance = creditBalance
        self.openOrdersAmount = openOrdersAmount
        self.creditLimit = creditLimit
    }

    /// net_balance = receivable − credit_balance
    public var netBalance: Int64 { receivable - creditBalance }

    /// available_credit = credit_limit − net_balance − open_orders_amount (nil without a limit)
    public var availableCredit: Int64? { creditLimit.map { $0 - netBalance - openOrdersAmount } }
}

public struct TaxRate: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// Percent scaled by 10^4 (8.875% = 88_750), docs/api.md §1 "percentages".
    public var percentE4: Int64
    public var inclusive: Bool
    public var active: Bool
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, name: String, percentE4: Int64, inclusive: Bool, active: Bool, metadata: Metadata,
                version: Int64, createdAt: String, updatedAt: String) {
        self.id = id
        self.name = name
        self.percentE4 = percentE4
        self.inclusive = inclusive
        self.active = active
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public enum ProductType: String, Sendable, CaseIterable { case stockable, service }
public enum InvoicePolicy: String, Sendable, CaseIterable { case ordered, delivered }

public struct Product: Sendable, Equatable {
    public var id: Int64
    public var sku: String
    public var name: String
    public var description: String?
    public var type: ProductType
    public var unitPrice: Int64
    /// Prices in other currencies, by ISO 4217 code.
    public var prices: [String: Int64]
    public var taxRateId: Int64?
    public var reorderLevel: Quantity?
    public var invoicePolicy: InvoicePolicy
    public var active: Bool
    public var metadata: Metadata
    public var onHand: Quantity
    public var reserved: Quantity
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, sku: String, name: String, description: String?, type: ProductType, unitPrice: Int64,
                prices: [String: Int64], taxRateId: Int64?, reorderLevel: Quantity?, invoicePolicy: InvoicePolicy,
                active: Bool, metadata: Metadata, onHand: Quantity, reserved: Quantity, version: Int64,
                createdAt: String, updatedAt: String) {
        self.id = id
        self.sku = sku
        self.name = name
        self.description = description
        self.type = type
        self.unitPrice = unitPrice
        self.prices = prices
        self.taxRateId = taxRateId
        self.reorderLevel = reorderLevel
        self.invoicePolicy = invoicePolicy
        self.active = active
        self.metadata = metadata
        self.onHand = onHand
        self.reserved = reserved
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// available = on_hand − reserved
    public var available: Quantity { Quantity(thousandths: onHand.thousandths - reserved.thousandths) }

    /// docs/api.md §3 Products: low when available ≤ 0, or ≤ reorder_level when one is set.
    public var isLowStock: Bool {
        guard type == .stockable else { return false }
        if available.thousandths <= 0 { return true }
        if let level = reorderLevel { return available.thousandths <= level.thousandths }
        return false
    }
}

public enum StockMovementType: String, Sendable, CaseIterable {
    case adjustment, shipment, shipmentCancel = "shipment_cancel", `return`
}

public struct StockMovement: Sendable, Equatable {
    public var id: Int64
    public var productId: Int64
    public var type: StockMovementType
    public var quantity: Quantity
    public var onHandAfter: Quantity
    public var reason: String?
    public var documentType: String?
    public var documentId: Int64?
    public var createdAt: String

    public init(id: Int64, productId: Int64, type: StockMovementType, quantity: Quantity, onHandAfter: Quantity,
                reason: String?, documentType: String?, documentId: Int64?, createdAt: String) {
        self.id = id
        self.productId = productId
        self.type = type
        self.quantity = quantity
        self.onHandAfter = onHandAfter
        self.reason = reason
        self.documentType = documentType
        self.documentId = documentId
        self.createdAt = createdAt
    }
}

public struct APIKeyRecord: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var salesRepId: Int64?
    public var prefix: String
    public var createdAt: String
    public var revokedAt: String?

    public init(id: Int64, name: String, role: Role, salesRepId: Int64?, prefix: String, createdAt: String, revokedAt: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.salesRepId = salesRepId
        self.prefix = prefix
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
