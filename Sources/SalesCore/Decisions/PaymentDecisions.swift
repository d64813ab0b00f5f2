/// Allocating money to invoices (docs/api.md §3 "Payments (collections)"): a payment's, or the
/// customer's credit. Every allocation is > 0 and ≤ the invoice's amount_due.
public enum PaymentDecisions {
    /// Automatic allocation: open invoices in the order given (oldest due date first, then id),
    /// each taking what it can until the money runs out; what is left goes to credit_balance.
    public static func oldestDueFirst(_ openInvoices: [Invoice], amount: Int64) -> [(invoice: Invoice, amount: Int64)] {
        var left = amount
        var plan: [(invoice: Invoice, amount: Int64)] = []
        for invoice in openInvoices where left > 0 && invoice.amountDue > 0 {
            let take = min(left, invoice.amountDue)
            plan.append((invoice, take))
            left -= take
        }
        return plan
    }

    /// Explicit allocations, checked in full before anything is written: a repeated, unknown,
    /// another customer's, void or paid invoice, or a sum over the payment's `amount` → 422 naming
    /// each field; one over the invoice's amount_due → 409 quantity_exceeded. `invoices` holds the
    /// requested invoices that exist, by id.
    public static func explicit(_ requested: [(invoiceId: Int64, amount: Int64)], invoices: [Int64: Invoice], customerId: Int64,
                                amount: Int64) throws -> [(invoice: Invoice, amount: Int64)] {
        var errors: [FieldError] = []
        var plan: [(invoice: Invoice, amount: Int64)] = []
        var seen = Set<Int64>()
        for (index, request) in requested.enumerated() {
            let field = "allocations[\(index)].invoice_id"
            guard seen.insert(request.invoiceId).inserted else {
                errors.append(FieldError(field: field, code: "duplicate", message: "invoice \(request.invoiceId) is allocated twice"))
                continue
            }
            guard let invoice = invoices[request.invoiceId] else {
                errors.append(FieldError(field: field, code: "not_found", message: "no invoice \(request.invoiceId)"))
                continue
            }
            if invoice.customerId != customerId {
                errors.append(FieldError(field: field, code: "other_customer", message: "invoice \(invoice.number) belongs to another customer"))
            } else if invoice.status != .open {
                errors.append(FieldError(field: field, code: "invoice_\(invoice.status.rawValue)", message: "invoice \(invoice.number) is \(invoice.status.rawValue)"))
            } else {
                plan.append((invoice, request.amount))
            }
        }
        // Each allocation is ≤ Money.maxAmount; their sum is checked, never trapped on.
        let sum = Money.sum(requested.map(\.amount))
        if sum == nil || sum! > amount {
            let said = sum.map(String.init) ?? "more than \(Money.maxTotal)"
            errors.append(FieldError(field: "allocations", code: "exceeds_amount", message: "allocations sum to \(said), over the payment's amount \(amount)"))
        }
        if !errors.isEmpty { throw SalesError.validation(errors) }
        let excesses = plan.enumerated().compactMap { index, item -> AmountExcess? in
            guard item.amount > item.invoice.amountDue else { return nil }
            return AmountExcess(field: "allocations[\(index)].amount", invoiceId: item.invoice.id, requested: item.amount,
                                remaining: item.invoice.amountDue,
                                message: "invoice \(item.invoice.number) has \(item.invoice.amountDue) due, \(item.amount) was allocated")
        }
        if !excesses.isEmpty { throw SalesError.amountExceeded(excesses) }
        return plan
    }

    /// apply-credit: customer credit onto an open invoice; by default min(credit_balance,
    /// amount_due); zero, or more than either → 409 quantity_exceeded naming each limit.
    public static func creditToApply(_ invoice: Invoice, creditBalance: Int64, requested: Int64?) throws -> Int64 {
        guard invoice.status == .open else {
            throw SalesError.invalidState("invoice \(invoice.number) is \(invoice.status.rawValue); only an open invoice takes credit")
        }
        let amount = requested ?? min(creditBalance, invoice.amountDue)
        var excesses: [AmountExcess] = []
        if amount > creditBalance || amount == 0 {
            excesses.append(AmountExcess(field: "amount", invoiceId: nil, requested: amount, remaining: creditBalance,
                                         message: "the customer has \(creditBalance) of credit, \(amount) was asked"))
        }
        if amount > invoice.amountDue {
            excesses.append(AmountExcess(field: "amount", invoiceId: invoice.id, requested: amount, remaining: invoice.amountDue,
                                         message: "invoice \(invoice.number) has \(invoice.amountDue) due, \(amount) was asked"))
        }
        if !excesses.isEmpty { throw SalesError.amountExceeded(excesses) }
        return amount
    }

    /// Voiding a payment (a bounced check) takes its unallocated part back out of the credit
    /// balance, so that credit must still be there: if it was applied or refunded → 409 invalid_state.
    public static func void(_ payment: Payment, creditBalance: Int64) throws {
        guard payment.status == .posted else { throw SalesError.invalidState("payment \(payment.number) is already void") }
        let unallocated = payment.amountUnallocated
        guard creditBalance >= unallocated else {
            throw SalesError.invalidState("""
                payment \(payment.number) left \(unallocated) in the customer's credit, but only \(creditBalance) of credit remains \
                (the rest was applied or refunded); void or reverse those first
                """)
        }
    }
}

/// Quotes (docs/api.md §3 "Quotes").
public enum QuoteDecisions {
    /// convert: only a draft or sent quote that has not expired (`today`, UTC date); the order
    /// takes the quote's lines at the quoted prices, discounts, tax rates and descriptions.
    public static func convert(_ quote: Quote, today: String) throws -> [LineInput] {
        let status = quote.status(today: today)
        guard status == .draft || status == .sent else {
            throw SalesError.invalidState("quote \(quote.number) is \(status.rawValue); only a draft or sent quote can be converted")
        }
        return quote.lines.map {
            LineInput(productId: $0.productId, quantity: $0.quantity, unitPrice: $0.pricing.unitPrice, discountE2: $0.pricing.discountE2,
                      taxRateId: .some($0.taxRateId), description: $0.description)
        }
    }
}
