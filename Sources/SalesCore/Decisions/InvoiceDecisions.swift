/// One line of a new invoice or credit note: `quantity` out of `line`, costing `amounts`.
public struct DocumentPortion<Line: Sendable>: Sendable {
    public var line: Line
    public var quantity: Quantity
    public var amounts: LineAmounts

    public init(line: Line, quantity: Quantity, amounts: LineAmounts) {
        self.line = line
        self.quantity = quantity
        self.amounts = amounts
    }
}

/// What voiding an invoice changes (docs/api.md §3 Invoices): quantities that become invoiceable
/// again, and the money that moves.
public struct InvoiceVoidPlan: Sendable, Equatable {
    public struct QuantityBack: Sendable, Equatable {
        public var orderLineId: Int64
        public var quantity: Quantity
    }

    /// Per order line, what goes back to invoiceable: the invoice line's quantity less what credit notes took.
    public var quantitiesBack: [QuantityBack]
    /// The order's amount_invoiced goes down by what still counted of the invoice: total − credited.
    public var orderInvoicedDelta: Int64
    /// Receivable −amount_due; credit_balance +amount_paid (what was paid becomes customer credit).
    public var receivableDelta: Int64
    public var creditDelta: Int64
}

/// The invoice rules of docs/api.md §3 "Invoices — only from a confirmed order".
public enum InvoiceDecisions {
    /// Which quantities to invoice: the request, checked line by line against what remains
    /// (409 quantity_exceeded), or everything invoiceable (409 nothing_to_invoice when nothing is).
    /// A draft or canceled order → 409 invalid_state.
    public static func picks(_ order: Order, requests: [LineRequest]?) throws -> [(line: DocumentLine, quantity: Quantity)] {
        guard order.storedStatus == .confirmed else {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue); only a confirmed order can be invoiced")
        }
        guard let requests else {
            let all = order.lines.filter { $0.quantityToInvoice.thousandths > 0 }.map { (line: $0, quantity: $0.quantityToInvoice) }
            if all.isEmpty { throw SalesError.nothingTo("invoice", detail: "order \(order.number) has nothing left to invoice") }
            return all
        }
        return try LineRequests.match(requests, in: order.lines, idKey: "order_line_id", owner: "order \(order.number)",
                                      id: \.id, remaining: \.quantityToInvoice).map { ($0.line, $0.quantity) }
    }

    /// The amounts of each pick. The remainder rule (docs/api.md §3 "Lines and totals"): the
    /// portion that takes the line's remaining quantity takes its remaining amounts, so the
    /// invoices add up to the order exactly; `invoicedAmounts` (what invoices that still count
    /// hold of a line, net of credit notes) is asked only for those lines.
    public static func portions(_ picks: [(line: DocumentLine, quantity: Quantity)],
                                invoicedAmounts: (DocumentLine) throws -> LineAmounts) throws -> [DocumentPortion<DocumentLine>] {
        try picks.map { line, quantity in
            let remaining = Quantity(thousandths: line.quantity.thousandths - line.invoiced.thousandths)
            return DocumentPortion(line: line, quantity: quantity,
                                   amounts: try LineAmounts.portion(of: line.pricing, quantity: quantity, remainingQuantity: remaining,
                                                                    remainingAmounts: line.amounts - (try invoicedAmounts(line))))
        }
    }

    /// The due date: as given, or issue date + the customer's payment terms.
    public static func dueDate(issue: String, given: String?, paymentTermsDays: Int) throws -> String {
        guard let due = given ?? Timestamp.date(issue, plusDays: paymentTermsDays) else {
            throw SalesError.invalid("issue_date", "invalid_date", "issue_date must be a date like 2026-11-23")
        }
        return due
    }

    /// open|paid → void: its not-credited quantities become invoiceable again and whatever was
    /// paid on it moves to the customer's credit_balance.
    public static func void(_ invoice: Invoice) throws -> InvoiceVoidPlan {
        guard invoice.status != .void else { throw SalesError.invalidState("invoice \(invoice.number) is already void") }
        let back = invoice.lines.compactMap { line -> InvoiceVoidPlan.QuantityBack? in
            line.creditable.thousandths > 0 ? .init(orderLineId: line.orderLineId, quantity: line.creditable) : nil
        }
        return InvoiceVoidPlan(quantitiesBack: back, orderInvoicedDelta: -(invoice.totals.total - invoice.amountCredited),
                               receivableDelta: -invoice.amountDue, creditDelta: invoice.amountPaid)
    }
}

/// Credit notes (docs/api.md §3 "Credit notes — adjusting an invoice").
public enum CreditNoteDecisions {
    /// Which invoice lines and quantities to credit: the request (each ≤ what is not yet
    /// credited), or everything not yet credited. A void invoice → 409 invalid_state.
    public static func picks(_ invoice: Invoice, requests: [LineRequest]?) throws -> [(line: InvoiceLine, quantity: Quantity)] {
        guard invoice.status != .void else { throw SalesError.invalidState("invoice \(invoice.number) is void and cannot be credited") }
        if let requests {
            return try LineRequests.match(requests, in: invoice.lines, idKey: "invoice_line_id", owner: "invoice \(invoice.number)",
                                          id: \.id, remaining: \.creditable).map { ($0.line, $0.quantity) }
        }
        let all = invoice.lines.filter { $0.creditable.thousandths > 0 }.map { (line: $0, quantity: $0.creditable) }
        if all.isEmpty { throw SalesError.invalidState("invoice \(invoice.number) is fully credited already") }
        return all
    }

    /// The remainder rule on the invoice line: crediting what remains credits the remaining amounts.
    public static func portions(_ picks: [(line: InvoiceLine, quantity: Quantity)],
                                creditedAmounts: (InvoiceLine) throws -> LineAmounts) throws -> [DocumentPortion<InvoiceLine>] {
        try picks.map { line, quantity in
            DocumentPortion(line: line, quantity: quantity,
                            amounts: try LineAmounts.portion(of: line.pricing, quantity: quantity, remainingQuantity: line.creditable,
                                                             remainingAmounts: line.amounts - (try creditedAmounts(line))))
        }
    }

    /// The credit reduces amount_due first; what exceeds it is taken off the invoice's payments
    /// and moves to the customer's credit_balance.
    public static func split(total: Int64, invoice: Invoice) -> (fromDue: Int64, fromPaid: Int64) {
        let fromDue = min(invoice.amountDue, total)
        return (fromDue, total - fromDue)
    }
}

extension InvoiceLine {
    /// What a credit note may still take: invoiced and not yet credited.
    public var creditable: Quantity { Quantity(thousandths: pricing.quantity.thousandths - quantityCredited.thousandths) }
}
