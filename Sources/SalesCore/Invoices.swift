public enum InvoiceState: String, Sendable, CaseIterable { case open, paid, void }

public struct InvoiceLine: Sendable, Equatable {
    public var id: Int64
    public var orderLineId: Int64
    public var productId: Int64
    public var description: String?
    public var pricing: LinePricing
    public var amounts: LineAmounts
    public var quantityCredited: Quantity

    public init(id: Int64, orderLineId: Int64, productId: Int64, description: String?, pricing: LinePricing, amounts: LineAmounts,
                quantityCredited: Quantity) {
        self.id = id
        self.orderLineId = orderLineId
        self.productId = productId
        self.description = description
        self.pricing = pricing
        self.amounts = amounts
        self.quantityCredited = quantityCredited
    }
}

public struct Invoice: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var orderId: Int64
    public var customerId: Int64
    public var status: InvoiceState
    public var currency: String
    public var issueDate: String
    public var dueDate: String
    public var notes: String?
    public var lines: [InvoiceLine]
    public var totals: LineAmounts
    public var amountPaid: Int64
    public var amountCredited: Int64
    public var amountDue: Int64
    public var metadata: Metadata
    public var version: Int64
    public var voidedAt: String?
    public var createdAt: String
    public var updatedAt: String
    public var creditNotes: [CreditNoteSummary] = []
    public var allocations: [Allocation] = []

    public init(id: Int64, number: String, orderId: Int64, customerId: Int64, status: InvoiceState, currency: String, issueDate: String,
                dueDate: String, notes: String?, lines: [InvoiceLine], totals: LineAmounts, amountPaid: Int64, amountCredited: Int64,
                amountDue: Int64, metadata: Metadata, version: Int64, voidedAt: String?, createdAt: String, updatedAt: String) {
        self.id = id
        self.number = number
        self.orderId = orderId
        self.customerId = customerId
        self.status = status
        self.currency = currency
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.notes = notes
        self.lines = lines
        self.totals = totals
        self.amountPaid = amountPaid
        self.amountCredited = amountCredited
        self.amountDue = amountDue
        self.metadata = metadata
        self.version = version
        self.voidedAt = voidedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Open and past its due date (UTC calendar dates compare as text).
    public func isOverdue(today: String) -> Bool { status == .open && dueDate < today }
}

extension Timestamp {
    /// The date `days` after a YYYY-MM-DD date.
    public static func date(_ date: String, plusDays days: Int) -> String? {
        guard let start = dayNumber(date) else { return nil }
        return Timestamp.date(dayNumber: start + days)
    }

    /// Days since 1970-01-01 of a valid YYYY-MM-DD date.
    public static func dayNumber(_ date: String) -> Int? {
        guard isValidDate(date) else { return nil }
        let b = Array(date.utf8)
        func n(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) } }
        return daysFromCivil(year: n(0..<4), month: n(5..<7), day: n(8..<10))
    }

    /// The YYYY-MM-DD date of a day number (days since 1970-01-01).
    public static func date(dayNumber: Int) -> String {
        String(format(seconds: dayNumber * 86_400).prefix(10))
    }
}

public struct CreditNoteSummary: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var total: Int64

    public init(id: Int64, number: String, total: Int64) {
        self.id = id
        self.number = number
        self.total = total
    }
}
