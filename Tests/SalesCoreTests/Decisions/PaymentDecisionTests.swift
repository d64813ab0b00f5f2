import Testing
import SalesCore

/// docs/api.md §3 "Payments (collections)" and "Quotes" convert, decided over values.
@Suite struct AllocationRules {
    typealias F = Fixture

    @Test func automaticAllocationPaysOldestDueFirstAndNeverOverAmountDue() {
        let old = F.invoice(id: 1, total: 300, due: "2027-01-10"), newer = F.invoice(id: 2, total: 500, due: "2027-02-10")
        let plan = PaymentDecisions.oldestDueFirst([old, newer], amount: 700)
        #expect(plan.map { [$0.invoice.id, $0.amount] } == [[1, 300], [2, 400]])
        // More than is due: each invoice takes exactly its amount_due; the rest is left for credit.
        #expect(PaymentDecisions.oldestDueFirst([old, newer], amount: 801).map(\.amount) == [300, 500])
        #expect(PaymentDecisions.oldestDueFirst([old, newer], amount: 300).map(\.amount) == [300])
    }

    @Test func explicitAllocationsMayReachTheAmountAndEachAmountDueButNotPass() throws {
        let a = F.invoice(id: 1, total: 300), b = F.invoice(id: 2, total: 500)
        let invoices = [a.id: a, b.id: b]
        let plan = try PaymentDecisions.explicit([(1, 300), (2, 200)], invoices: invoices, customerId: 3, amount: 500)
        #expect(plan.map(\.amount) == [300, 200])
        #expect(throws: SalesError.validation([FieldError(field: "allocations", code: "exceeds_amount",
                                                          message: "allocations sum to 501, over the payment's amount 500")])) {
            try PaymentDecisions.explicit([(1, 300), (2, 201)], invoices: invoices, customerId: 3, amount: 500)
        }
        #expect(throws: SalesError.amountExceeded([AmountExcess(field: "allocations[0].amount", invoiceId: 1, requested: 301, remaining: 300,
                                                                message: "invoice INV-00001 has 300 due, 301 was allocated")])) {
            try PaymentDecisions.explicit([(1, 301)], invoices: invoices, customerId: 3, amount: 500)
        }
    }

    @Test func explicitAllocationsNameEveryBadInvoiceAndNeverTrapOnTheirSum() {
        let other = F.invoice(id: 1, customer: 4, total: 300), void = F.invoice(id: 2, status: .void, total: 500)
        #expect(throws: SalesError.validation([
            FieldError(field: "allocations[0].invoice_id", code: "other_customer", message: "invoice INV-00001 belongs to another customer"),
            FieldError(field: "allocations[1].invoice_id", code: "invoice_void", message: "invoice INV-00002 is void"),
            FieldError(field: "allocations[2].invoice_id", code: "duplicate", message: "invoice 1 is allocated twice"),
            FieldError(field: "allocations[3].invoice_id", code: "not_found", message: "no invoice 9"),
            FieldError(field: "allocations", code: "exceeds_amount", message: "allocations sum to more than \(Money.maxTotal), over the payment's amount 5"),
        ])) {
            try PaymentDecisions.explicit([(1, 1), (2, 1), (1, 1), (9, Int64.max)], invoices: [1: other, 2: void], customerId: 3, amount: 5)
        }
    }

    @Test func creditAppliesUpToTheBalanceAndTheAmountDue() throws {
        let invoice = F.invoice(total: 500, paid: 100)   // 400 due
        #expect(try PaymentDecisions.creditToApply(invoice, creditBalance: 250, requested: nil) == 250)
        #expect(try PaymentDecisions.creditToApply(invoice, creditBalance: 900, requested: nil) == 400)
        #expect(try PaymentDecisions.creditToApply(invoice, creditBalance: 400, requested: 400) == 400)
        #expect(throws: SalesError.amountExceeded([
            AmountExcess(field: "amount", invoiceId: nil, requested: 401, remaining: 400, message: "the customer has 400 of credit, 401 was asked"),
            AmountExcess(field: "amount", invoiceId: 21, requested: 401, remaining: 400, message: "invoice INV-000021 has 400 due, 401 was asked"),
        ])) {
            try PaymentDecisions.creditToApply(invoice, creditBalance: 400, requested: 401)
        }
        #expect(throws: SalesError.amountExceeded([AmountExcess(field: "amount", invoiceId: nil, requested: 0, remaining: 0,
                                                                message: "the customer has 0 of credit, 0 was asked")])) {
            try PaymentDecisions.creditToApply(invoice, creditBalance: 0, requested: nil)
        }
        #expect(throws: SalesError.invalidState("invoice INV-000021 is paid; only an open invoice takes credit")) {
            try PaymentDecisions.creditToApply(F.invoice(status: .paid, total: 0), creditBalance: 10, requested: nil)
        }
    }

    @Test func aPaymentIsVoidedOnlyWhileTheCreditItLeftIsStillThere() throws {
        let payment = F.payment(amount: 1000, allocated: 700)   // left 300 in credit
        try PaymentDecisions.void(payment, creditBalance: 300)
        #expect(throws: SalesError.self) { try PaymentDecisions.void(payment, creditBalance: 299) }
        #expect(throws: SalesError.invalidState("payment PAY-000031 is already void")) {
            try PaymentDecisions.void(F.payment(amount: 1000, allocated: 0, status: .void), creditBalance: 5000)
        }
    }

    @Test func aQuoteConvertsUntilTheEndOfItsLastValidDay() throws {
        let line = F.line(quantity: F.thousandths(1250), price: 999, discountE2: 500)
        let quote = Quote(id: 61, number: "Q-000061", customerId: 3, storedStatus: .sent, currency: "USD", validUntil: "2027-05-31", notes: nil,
                          salesRepId: nil, orderId: nil, lines: [line], metadata: [:], version: 2, createdAt: "", updatedAt: "")
        let inputs = try QuoteDecisions.convert(quote, today: "2027-05-31")
        #expect(inputs == [LineInput(productId: 1, quantity: F.thousandths(1250), unitPrice: 999, discountE2: 500, taxRateId: .some(nil),
                                     description: nil)])
        #expect(throws: SalesError.invalidState("quote Q-000061 is expired; only a draft or sent quote can be converted")) {
            try QuoteDecisions.convert(quote, today: "2027-06-01")
        }
        var accepted = quote
        accepted.storedStatus = .accepted
        #expect(throws: SalesError.invalidState("quote Q-000061 is accepted; only a draft or sent quote can be converted")) {
            try QuoteDecisions.convert(accepted, today: "2027-05-01")
        }
    }
}
