/// Payments, allocations, credit refunds and the customer ledger (docs/api.md §3 "Payments
/// (collections)", Customers "balance" and ledger). Amounts are integer minor units.

public enum PaymentMethod: String, Sendable, CaseIterable { case cash, card, bank_transfer, check, other }

/// A payment is `posted` when received and `void` once reversed (a bounced check).
public enum PaymentState: String, Sendable, CaseIterable { case posted, void }

/// Money moved onto an invoice, from a payment or from the customer's credit balance.
/// `amount` is what is allocated now: releases (invoice void, credit beyond amount_due) and
/// payment voids take it down, and the original stays in `amountOriginal`.
public struct Allocation: Sendable, Equatable {
    public enum Source: String, Sendable { case payment, credit }
    public var id: Int64
    public var source: Source
    public var paymentId: Int64?
    public var paymentNumber: String?
    public var invoiceId: Int64
    public var invoiceNumber: String
    public var amount: Int64
    public var amountOriginal: Int64
    public var createdAt: String

    public init(id: Int64, source: Source, paymentId: Int64?, paymentNumber: String?, invoiceId: Int64, invoiceNumber: String,
                amount: Int64, amountOriginal: Int64, createdAt: String) {
        self.id = id
        self.source = source
        self.paymentId = paymentId
        self.paymentNumber = paymentNumber
        self.invoiceId = invoiceId
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.amountOriginal = amountOriginal
        self.createdAt = createdAt
    }
}

public struct Payment: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var customerId: Int64
    public var orderId: Int64?
    public var status: PaymentState
    public var amount: Int64
    public var currency: String
    public var method: PaymentMethod
    public var reference: String?
    public var receivedAt: String
    /// Σ of its allocations as they stand now (docs/api.md §4 invariant 2: never more than amount).
    public var amountAllocated: Int64
    public var allocations: [Allocation]
    public var voidReason: String?
    public var voidedAt: String?
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, number: String, customerId: Int64, orderId: Int64?, status: PaymentState, amount: Int64, currency: String,
                method: PaymentMethod, reference: String?, receivedAt: String, amountAllocated: Int64, allocations: [Allocation],
                voidReason: String?, voidedAt: String?, metadata: Metadata, version: Int64, createdAt: String, updatedAt: String) {
        self.id = id
        self.number = number
        self.customerId = customerId
        self.orderId = orderId
        self.status = status
        self.amount = amount
        self.currency = currency
        self.method = method
        self.reference = reference
        self.receivedAt = receivedAt
        self.amountAllocated = amountAllocated
        self.allocations = allocations
        self.voidReason = voidReason
        self.voidedAt = voidedAt
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The part of a posted payment that sits in the customer's credit balance.
    public var amountUnallocated: Int64 { status == .void ? 0 : amount - amountAllocated }
}

/// Credit paid back out to the customer (`POST /v1/customers/{id}/credit-refunds`).
public struct CreditRefund: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var customerId: Int64
    public var amount: Int64
    public var currency: String
    public var method: PaymentMethod
    public var reference: String?
    public var metadata: Metadata
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, number: String, customerId: Int64, amount: Int64, currency: String, method: PaymentMethod, reference: String?,
                metadata: Metadata, createdAt: String, updatedAt: String) {
        self.id = id
        self.number = number
        self.customerId = customerId
        self.amount = amount
        self.currency = currency
        self.method = method
        self.reference = reference
        self.metadata = metadata
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One line of the statement of account. `amount` is signed: + the customer owes more, − less.
public struct LedgerEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case invoice, credit_note, invoice_void, payment, payment_void, credit_refund
    }
    public var id: Int64
    public var at: String
    public var kind: Kind
    public var documentType: String
    public var documentId: Int64
    public var number: String
    public var amount: Int64
    public var balanceAfter: Int64

    public init(id: Int64, at: String, kind: Kind, documentType: String, documentId: Int64, number: String, amount: Int64, balanceAfter: Int64) {
        self.id = id
        self.at = at
        self.kind = kind
        self.documentType = documentType
        self.documentId = documentId
        self.number = number
        self.amount = amount
        self.balanceAfter = balanceAfter
    }
}

/// One money amount asking for more than is available (409 quantity_exceeded, docs/api.md §3
/// Payments): an allocation over an invoice's amount_due, credit over the credit balance.
public struct AmountExcess: Sendable, Equatable {
    public var field: String
    public var invoiceId: Int64?
    public var requested: Int64
    public var remaining: Int64
    public var message: String

    public init(field: String, invoiceId: Int64?, requested: Int64, remaining: Int64, message: String) {
        self.field = field
        self.invoiceId = invoiceId
        self.requested = requested
        self.remaining = remaining
        self.message = message
    }
}
