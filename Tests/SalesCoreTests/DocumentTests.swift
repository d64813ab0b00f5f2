import Testing
import SalesCore

/// Derived order fields (docs/api.md §3 "Sales orders") as pure functions of the line counters, so
/// they are tested before invoices and shipments can set those counters through the API.
@Suite struct DerivedOrderFields {
    func q(_ units: Double) -> Quantity { Quantity(thousandths: Int64((units * 1000).rounded())) }

    func line(_ quantity: Double, stockable: Bool = true, policy: InvoicePolicy = .ordered,
              shipped: Double = 0, invoiced: Double = 0, price: Int64 = 100) -> DocumentLine {
        let pricing = LinePricing(quantity: q(quantity), unitPrice: price)
        var l = DocumentLine(id: 1, productId: 1, description: nil, pricing: pricing, taxRateId: nil,
                             amounts: LineAmounts.compute(pricing), stockable: stockable, invoicePolicy: policy)
        l.shipped = q(shipped)
        l.invoiced = q(invoiced)
        return l
    }

    func order(_ lines: [DocumentLine], status: OrderStatus = .confirmed, paid: Int64 = 0) -> Order {
        Order(id: 1, number: "SO-000001", customerId: 1, storedStatus: status, source: .api, externalRef: nil, salesRepId: nil,
              currency: "USD", shippingAddress: nil, notes: nil, allowBackorder: false, autoInvoice: false, quoteId: nil,
              lines: lines, amountInvoiced: 0, amountPaid: paid, metadata: [:], version: 1, confirmedAt: nil, createdAt: "", updatedAt: "")
    }

    @Test func quantityToShipAndToInvoiceFollowThePolicy() {
        #expect(line(5, shipped: 2).quantityToShip == q(3))
        #expect(line(5, stockable: false).quantityToShip == q(0))
        #expect(line(5, policy: .ordered, shipped: 1, invoiced: 2).quantityToInvoice == q(3))
        #expect(line(5, policy: .delivered, shipped: 1).quantityToInvoice == q(1))
        #expect(line(5, policy: .delivered, shipped: 1, invoiced: 1).quantityToInvoice == q(0))
        // Never below zero (delivered policy after a return brought shipped under invoiced).
        #expect(line(5, policy: .delivered, shipped: 1, invoiced: 3).quantityToInvoice == q(0))
        // A service invoices as ordered even under the delivered policy.
        #expect(line(2, stockable: false, policy: .delivered).quantityToInvoice == q(2))
    }

    @Test func statusesFromCounters() {
        let fresh = order([line(2), line(1, stockable: false)])
        #expect(fresh.status == .confirmed)
        #expect(fresh.invoiceStatus == .notInvoiced)
        #expect(fresh.shipmentStatus == .notShipped)
        #expect(fresh.paymentStatus == .unpaid)

        let partly = order([line(2, shipped: 1, invoiced: 1), line(1, stockable: false)])
        #expect(partly.invoiceStatus == .partiallyInvoiced)
        #expect(partly.shipmentStatus == .partiallyShipped)

        // Completed: every line fully invoiced, every stockable line fully shipped.
        let done = order([line(2, shipped: 2, invoiced: 2), line(1, stockable: false, invoiced: 1)])
        #expect(done.status == .completed)
        #expect(done.invoiceStatus == .invoiced)
        #expect(done.shipmentStatus == .shipped)
        // A return (shipped back under quantity) or a credit note turns it back to confirmed.
        #expect(order([line(2, shipped: 1, invoiced: 2), line(1, stockable: false, invoiced: 1)]).status == .confirmed)
        #expect(order([line(2, shipped: 2, invoiced: 1), line(1, stockable: false, invoiced: 1)]).status == .confirmed)
        // Only confirmed orders complete; services only have no shipments to make.
        #expect(order([line(2, shipped: 2, invoiced: 2)], status: .draft).status == .draft)
        #expect(order([line(1, stockable: false)]).shipmentStatus == .notApplicable)

        #expect(order([line(2)], paid: 100).paymentStatus == .partiallyPaid)
        #expect(order([line(2)], paid: 200).paymentStatus == .paid)
    }

    @Test func quoteExpiryIsDerivedFromTheDate() {
        let quote = Quote(id: 1, number: "Q-000001", customerId: 1, storedStatus: .sent, currency: "USD", validUntil: "2026-11-22",
                          notes: nil, salesRepId: nil, orderId: nil, lines: [], metadata: [:], version: 1, createdAt: "", updatedAt: "")
        #expect(quote.status(today: "2026-11-22") == .sent)
        #expect(quote.status(today: "2026-11-23") == .expired)
        var accepted = quote
        accepted.storedStatus = .accepted
        #expect(accepted.status(today: "2027-01-01") == .accepted)
    }
}
