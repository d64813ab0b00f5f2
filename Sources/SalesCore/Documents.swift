/// A line as a client sends it (docs/api.md §3 "Lines and totals"); absent fields default from the product.
public struct LineInput: Sendable, Equatable {
    public var productId: Int64
    public var quantity: Quantity
    public var unitPrice: Int64?
    public var discountE2: Int64?
    /// nil: the product's tax rate; .some(nil): explicitly no tax.
    public var taxRateId: Int64??
    public var description: String?

    public init(productId: Int64, quantity: Quantity, unitPrice: Int64? = nil, discountE2: Int64? = nil,
                taxRateId: Int64?? = nil, description: String? = nil) {
        self.productId = productId
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discountE2 = discountE2
        self.taxRateId = taxRateId
        self.description = description
    }
}

/// A priced line of a quote or order. The quantity counters are used by orders only.
public struct DocumentLine: Sendable, Equatable {
    public var id: Int64
    public var productId: Int64
    public var description: String?
    public var pricing: LinePricing
    public var taxRateId: Int64?
    public var amounts: LineAmounts
    public var stockable: Bool
    public var invoicePolicy: InvoicePolicy
    public var reserved = Quantity(thousandths: 0)
    public var backordered = Quantity(thousandths: 0)
    public var shipped = Quantity(thousandths: 0)
    public var invoiced = Quantity(thousandths: 0)

    public init(id: Int64, productId: Int64, description: String?, pricing: LinePricing, taxRateId: Int64?,
                amounts: LineAmounts, stockable: Bool, invoicePolicy: InvoicePolicy) {
        self.id = id
        self.productId = productId
        self.description = description
        self.pricing = pricing
        self.taxRateId = taxRateId
        self.amounts = amounts
        self.stockable = stockable
        self.invoicePolicy = invoicePolicy
    }

    public var quantity: Quantity { pricing.quantity }

    /// Stockable lines only: quantity − shipped.
    public var quantityToShip: Quantity {
        stockable ? Quantity(thousandths: max(0, quantity.thousandths - shipped.thousandths)) : Quantity(thousandths: 0)
    }

    /// docs/api.md §3: policy `ordered`: quantity − invoiced; `delivered`: shipped − invoiced; never < 0.
    /// A service is never shipped, so it invoices as ordered.
    public var quantityToInvoice: Quantity {
        let base = (invoicePolicy == .delivered && stockable) ? shipped.thousandths : quantity.thousandths
        return Quantity(thousandths: max(0, base - invoiced.thousandths))
    }
}

public enum OrderStatus: String, Sendable, CaseIterable { case draft, confirmed, completed, canceled }
public enum OrderSource: String, Sendable, CaseIterable { case manual, api, pos, ecommerce, quote }
public enum InvoiceStatus: String, Sendable, CaseIterable { case notInvoiced = "not_invoiced", partiallyInvoiced = "partially_invoiced", invoiced }
public enum ShipmentStatus: String, Sendable, CaseIterable {
    case notShipped = "not_shipped", partiallyShipped = "partially_shipped", shipped, notApplicable = "not_applicable"
}
public enum PaymentStatus: String, Sendable, CaseIterable { case unpaid, partiallyPaid = "partially_paid", paid }

public struct Order: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var customerId: Int64
    /// As stored: draft, confirmed or canceled; `status` derives completed.
    public var storedStatus: OrderStatus
    public var source: OrderSource
    public var externalRef: String?
    public var salesRepId: Int64?
    public var currency: String
    public var shippingAddress: Address?
    public var notes: String?
    public var allowBackorder: Bool
    public var autoInvoice: Bool
    public var quoteId: Int64?
    public var lines: [DocumentLine]
    public var amountInvoiced: Int64
    public var amountPaid: Int64
    /// Σ amount_credited of its invoices that still count (not void).
    public var amountCredited: Int64 = 0
    public var metadata: Metadata
    public var version: Int64
    public var confirmedAt: String?
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, number: String, customerId: Int64, storedStatus: OrderStatus, source: OrderSource, externalRef: String?,
                salesRepId: Int64?, currency: String, shippingAddress: Address?, notes: String?, allowBackorder: Bool,
                autoInvoice: Bool, quoteId: Int64?, lines: [DocumentLine], amountInvoiced: Int64, amountPaid: Int64,
                metadata: Metadata, version: Int64, confirmedAt: String?, createdAt: String, updatedAt: String) {
        self.id = id
        self.number = number
        self.customerId = customerId
        self.storedStatus = storedStatus
        self.source = source
        self.externalRef = externalRef
        self.salesRepId = salesRepId
        self.currency = currency
        self.shippingAddress = shippingAddress
        self.notes = notes
        self.allowBackorder = allowBackorder
        self.autoInvoice = autoInvoice
        self.quoteId = quoteId
        self.lines = lines
        self.amountInvoiced = amountInvoiced
        self.amountPaid = amountPaid
        self.metadata = metadata
        self.version = version
        self.confirmedAt = confirmedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    // bounded: at most 500 lines whose sum LinePricer held within Money.maxAmount when they were priced.
    public var totals: LineAmounts { lines.reduce(LineAmounts.zero) { $0 + $1.amounts } }

    /// docs/api.md §3: `completed` when every line is fully invoiced and every stockable line fully
    /// shipped; a later credit note or return turns it back to `confirmed`.
    public var status: OrderStatus {
        guard storedStatus == .confirmed, !lines.isEmpty else { return storedStatus }
        let done = lines.allSatisfy { $0.invoiced == $0.quantity && (!$0.stockable || $0.shipped == $0.quantity) }
        return done ? .completed : .confirmed
    }

    public var invoiceStatus: InvoiceStatus {
        if lines.allSatisfy({ $0.invoiced.thousandths == 0 }) { return .notInvoiced }
        return lines.allSatisfy({ $0.invoiced == $0.quantity }) ? .invoiced : .partiallyInvoiced
    }

    public var shipmentStatus: ShipmentStatus {
        let stockable = lines.filter(\.stockable)
        if stockable.isEmpty { return .notApplicable }
        if stockable.allSatisfy({ $0.shipped.thousandths == 0 }) { return .notShipped }
        return stockable.allSatisfy({ $0.shipped == $0.quantity }) ? .shipped : .partiallyShipped
    }

    /// docs/api.md §3 `payment_status`, against what the customer owes for the order: its total less
    /// what credit notes took off its invoices, and never less than its invoices ask (a credited
    /// quantity invoiced again is owed again). A zero-total order counts as paid once invoiced.
    public var paymentStatus: PaymentStatus {
        let payable = max(totals.total - amountCredited, amountInvoiced)
        if amountPaid >= payable && (amountPaid > 0 || invoiceStatus != .notInvoiced) { return .paid }
        return amountPaid <= 0 ? .unpaid : .partiallyPaid
    }
}

public enum QuoteStatus: String, Sendable, CaseIterable { case draft, sent, accepted, declined, canceled, expired }

public struct Quote: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var customerId: Int64
    /// As stored; `status(today:)` derives expired.
    public var storedStatus: QuoteStatus
    public var currency: String
    /// A calendar date, YYYY-MM-DD.
    public var validUntil: String
    public var notes: String?
    public var salesRepId: Int64?
    public var orderId: Int64?
    public var lines: [DocumentLine]
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, number: String, customerId: Int64, storedStatus: QuoteStatus, currency: String, validUntil: String,
                notes: String?, salesRepId: Int64?, orderId: Int64?, lines: [DocumentLine], metadata: Metadata, version: Int64,
                createdAt: String, updatedAt: String) {
        self.id = id
        self.number = number
        self.customerId = customerId
        self.storedStatus = storedStatus
        self.currency = currency
        self.validUntil = validUntil
        self.notes = notes
        self.salesRepId = salesRepId
        self.orderId = orderId
        self.lines = lines
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    // bounded: at most 500 lines whose sum LinePricer held within Money.maxAmount when they were priced.
    public var totals: LineAmounts { lines.reduce(LineAmounts.zero) { $0 + $1.amounts } }

    /// docs/api.md §3: a draft or sent quote whose valid_until has passed reads as expired.
    /// `today` is the UTC calendar date, YYYY-MM-DD (dates compare as text).
    public func status(today: String) -> QuoteStatus {
        if (storedStatus == .draft || storedStatus == .sent) && validUntil < today { return .expired }
        return storedStatus
    }
}

extension Timestamp {
    /// Today's UTC date, YYYY-MM-DD.
    public static func today() -> String { String(now().prefix(10)) }

    /// The UTC date `days` after today.
    public static func date(daysFromToday days: Int) -> String {
        String(format(seconds: Int(WallClock.nowMilliseconds() / 1000) + days * 86_400).prefix(10))
    }
}
