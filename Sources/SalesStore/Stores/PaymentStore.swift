import SalesCore

/// Payments (docs/api.md §3 "Payments (collections)"). Allocation targets, amounts and the credit
/// balance are read and changed inside one write transaction, so racing payments and credit
/// applications can never take an invoice's amount_due or a customer's credit below 0
/// (§4 invariants 2, 3).
public enum PaymentStore {
    public struct Filter: Sendable {
        public var customerId: Int64?
        public var orderId: Int64?
        public var invoiceId: Int64?
        public var status: PaymentState?
        public var method: PaymentMethod?
        public init() {}
    }

    public struct NewPayment: Sendable {
        public var customerId: Int64
        public var amount: Int64
        public var currency: String?
        public var method: PaymentMethod
        public var reference: String?
        public var receivedAt: String?
        /// Explicit allocations; nil = automatic (oldest due date first); [] = all to credit.
        public var allocations: [(invoiceId: Int64, amount: Int64)]?
        public var metadata: Metadata

        public init(customerId: Int64, amount: Int64, currency: String?, method: PaymentMethod, reference: String?, receivedAt: String?,
                    allocations: [(invoiceId: Int64, amount: Int64)]?, metadata: Metadata) {
            self.customerId = customerId
            self.amount = amount
            self.currency = currency
            self.method = method
            self.reference = reference
            self.receivedAt = receivedAt
            self.allocations = allocations
            self.metadata = metadata
        }
    }

    // MARK: - Reading

    static func decode(_ db: SQLTransaction, _ row: any SQLRow) throws -> Payment {
        let id: Int64 = row["id"]
        return Payment(id: id, number: row["number"], customerId: row["customer_id"], orderId: row["order_id"],
                       status: PaymentState(rawValue: row["status"]) ?? .posted, amount: row["amount"], currency: row["currency"],
                       method: PaymentMethod(rawValue: row["method"]) ?? .other, reference: row["reference"], receivedAt: row["received_at"],
                       amountAllocated: row["amount_allocated"], allocations: try Allocations.of(paymentId: id, db),
                       voidReason: row["void_reason"], voidedAt: row["voided_at"], metadata: JSONColumns.decodeMetadata(row["metadata"]),
                       version: row["version"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Payment {
        guard let found = try db.fetchOne("SELECT * FROM payments WHERE id = ?", [id], { try decode(db, $0) }) else {
            throw SalesError.notFound(resource: "payment", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Payment> {
        var conditions = SQLConditions()
        if let v = filter.customerId { conditions.add("customer_id = ?", v) }
        if let v = filter.orderId { conditions.add("order_id = ?", v) }
        if let v = filter.invoiceId { conditions.add("id IN (SELECT payment_id FROM allocations WHERE invoice_id = ?)", v) }
        if let v = filter.status { conditions.add("status = ?", v.rawValue) }
        if let v = filter.method { conditions.add("method = ?", v.rawValue) }
        return try KeysetList.fetch(db, table: "payments", options: options, conditions: conditions) { try decode(db, $0) }
    }

    // MARK: - Creating

    /// POST /v1/payments. Explicit allocations are checked in full before anything is written:
    /// another customer's, a void or a paid invoice, or a sum over `amount` → 422; one over
    /// the invoice's amount_due → 409 quantity_exceeded. Without allocations the customer's open
    /// invoices are paid oldest due date first. Whatever is left goes to credit_balance.
    public static func create(_ db: SQLTransaction, _ new: NewPayment) throws -> Payment {
        let customer = try customerFor(db, new)
        let plan: [(invoice: Invoice, amount: Int64)]
        if let requested = new.allocations {
            plan = try checkedAllocations(db, requested, customer: customer, amount: new.amount)
        } else {
            plan = try oldestDueFirst(db, openInvoicesSQL: "customer_id = ?", argument: customer.id, amount: new.amount)
        }
        return try insert(db, new, customer: customer, orderId: nil, plan: plan)
    }

    /// POST /v1/orders/{id}/payments: allocated to that order's open invoices, oldest due date
    /// first; a prepayment before any invoice, or what exceeds them, goes to credit_balance.
    public static func createForOrder(_ db: SQLTransaction, orderId: Int64, _ new: NewPayment) throws -> Payment {
        let order = try OrderStore.get(db, id: orderId)
        guard order.storedStatus == .confirmed else {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue); only a confirmed order takes payments")
        }
        var forCustomer = new
        forCustomer.customerId = order.customerId
        let customer = try customerFor(db, forCustomer)
        let plan = try oldestDueFirst(db, openInvoicesSQL: "order_id = ?", argument: order.id, amount: new.amount)
        return try insert(db, forCustomer, customer: customer, orderId: order.id, plan: plan)
    }

    private static func customerFor(_ db: SQLTransaction, _ new: NewPayment) throws -> Customer {
        guard let customer = try CustomerStore.find(db, id: new.customerId) else {
            throw SalesError.invalid("customer_id", "not_found", "no customer \(new.customerId)")
        }
        if let currency = new.currency, currency != customer.currency {
            throw SalesError.invalid("currency", "currency_mismatch", "customer \(customer.id) pays in \(customer.currency), not \(currency)")
        }
        return customer
    }

    private static func checkedAllocations(_ db: SQLTransaction, _ requested: [(invoiceId: Int64, amount: Int64)], customer: Customer,
                                           amount: Int64) throws -> [(invoice: Invoice, amount: Int64)] {
        var invoices: [Int64: Invoice] = [:]
        for request in requested where invoices[request.invoiceId] == nil {
            invoices[request.invoiceId] = try InvoiceStore.find(db, id: request.invoiceId)
        }
        return try PaymentDecisions.explicit(requested, invoices: invoices, customerId: customer.id, amount: amount)
    }

    /// Open invoices matching `openInvoicesSQL`, oldest due date first, each taking what it can.
    private static func oldestDueFirst(_ db: SQLTransaction, openInvoicesSQL: String, argument: Int64, amount: Int64) throws -> [(invoice: Invoice, amount: Int64)] {
        let open = try db.fetchAll("SELECT * FROM invoices WHERE \(openInvoicesSQL) AND status = 'open' ORDER BY due_date, id", [argument]) { try InvoiceStore.decode(db, $0) }
        return PaymentDecisions.oldestDueFirst(open, amount: amount)
    }

    private static func insert(_ db: SQLTransaction, _ new: NewPayment, customer: Customer, orderId: Int64?, plan: [(invoice: Invoice, amount: Int64)]) throws -> Payment {
        // bounded: the plan was checked to allocate at most the payment's amount.
        let allocated = plan.reduce(Int64(0)) { $0 + $1.amount }
        let number = try DocumentNumbers.next(db, kind: "PAY")
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO payments (number, customer_id, order_id, status, amount, currency, method, reference, received_at, amount_allocated,
              metadata, version, created_at, updated_at)
            VALUES (?, ?, ?, 'posted', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, [number, customer.id, orderId, new.amount, customer.currency, new.method.rawValue, new.reference,
                             new.receivedAt ?? now, allocated, JSONColumns.encode(new.metadata), now, now])
        for (invoice, amount) in plan where amount > 0 {
            try Allocations.allocate(db, invoice: invoice, amount: amount, paymentId: id)
        }
        // Ledger: payment −amount = receivable −allocated, credit +the rest (docs/api.md §3 Customers).
        try CustomerAccount.post(db, customerId: customer.id, receivable: -allocated, credit: new.amount - allocated,
                                 entry: .init(kind: .payment, documentType: "payment", documentId: id, number: number))
        return try get(db, id: id)
    }

    // MARK: - Changing

    /// PATCH /v1/payments/{id}: only `reference` and `metadata`; amounts are changed by voiding.
    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, reference: String??, metadata: Metadata?) throws -> Payment {
        let payment = try get(db, id: id)
        try Versions.require(expectedVersion, current: payment.version)
        let newReference = reference ?? payment.reference
        let newMetadata = metadata ?? payment.metadata
        guard newReference != payment.reference || newMetadata != payment.metadata else { return payment }
        try db.execute("UPDATE payments SET reference = ?, metadata = ?, version = version + 1, updated_at = ? WHERE id = ?", [newReference, JSONColumns.encode(newMetadata), Timestamp.now(), id])
        return try get(db, id: id)
    }

    /// POST /v1/payments/{id}/void (a bounced check): its allocations are undone and the invoices
    /// reopen; its unallocated part leaves the credit balance, so if that credit was already
    /// applied or refunded (credit_balance < unallocated) → 409 invalid_state.
    public static func void(_ db: SQLTransaction, id: Int64, reason: String?, expectedVersion: Int64?) throws -> Payment {
        let payment = try get(db, id: id)
        try Versions.require(expectedVersion, current: payment.version)
        let customer = try CustomerStore.get(db, id: payment.customerId)
        try PaymentDecisions.void(payment, creditBalance: customer.creditBalance)
        let unallocated = payment.amountUnallocated
        let reopened = try Allocations.reverse(db, paymentId: payment.id)
        let now = Timestamp.now()
        try db.execute("""
            UPDATE payments SET status = 'void', amount_allocated = 0, void_reason = ?, voided_at = ?, version = version + 1, updated_at = ? WHERE id = ?
            """, [reason, now, now, id])
        try CustomerAccount.post(db, customerId: customer.id, receivable: reopened, credit: -unallocated,
                                 entry: .init(kind: .payment_void, documentType: "payment", documentId: id, number: payment.number))
        return try get(db, id: id)
    }

    /// POST /v1/invoices/{id}/apply-credit {amount?}: customer credit onto an open invoice;
    /// default min(credit_balance, amount_due); more than either → 409 quantity_exceeded. The
    /// net balance does not change, so no ledger line is written.
    public static func applyCredit(_ db: SQLTransaction, invoiceId: Int64, amount requested: Int64?) throws -> Invoice {
        let invoice = try InvoiceStore.get(db, id: invoiceId)
        let customer = try CustomerStore.get(db, id: invoice.customerId)
        let amount = try PaymentDecisions.creditToApply(invoice, creditBalance: customer.creditBalance, requested: requested)
        try Allocations.allocate(db, invoice: invoice, amount: amount, paymentId: nil)
        try CustomerAccount.post(db, customerId: customer.id, receivable: -amount, credit: -amount, entry: nil)
        return try InvoiceStore.get(db, id: invoiceId)
    }
}
