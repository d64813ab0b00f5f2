import SalesCore

/// Values for the decision tests: every rule of docs/api.md §3 is asked with state built here, no database.
enum Fixture {
    /// Thousandths: `units(2)` is 2 units, `thousandths(1)` one thousandth.
    static func units(_ n: Int64) -> Quantity { Quantity(thousandths: n * 1000) }
    static func thousandths(_ n: Int64) -> Quantity { Quantity(thousandths: n) }

    static func line(id: Int64 = 1, product: Int64 = 1, quantity: Quantity, price: Int64 = 100, discountE2: Int64 = 0,
                     stockable: Bool = true, policy: InvoicePolicy = .ordered, reserved: Quantity = units(0),
                     shipped: Quantity = units(0), invoiced: Quantity = units(0)) -> DocumentLine {
        let pricing = LinePricing(quantity: quantity, unitPrice: price, discountE2: discountE2)
        var line = DocumentLine(id: id, productId: product, description: nil, pricing: pricing, taxRateId: nil,
                                amounts: LineAmounts.compute(pricing), stockable: stockable, invoicePolicy: policy)
        line.reserved = reserved
        line.shipped = shipped
        line.invoiced = invoiced
        return line
    }

    static func order(_ lines: [DocumentLine], status: OrderStatus = .confirmed, backorder: Bool = false) -> Order {
        Order(id: 7, number: "SO-000007", customerId: 3, storedStatus: status, source: .api, externalRef: nil, salesRepId: nil,
              currency: "USD", shippingAddress: nil, notes: nil, allowBackorder: backorder, autoInvoice: false, quoteId: nil,
              lines: lines, amountInvoiced: 0, amountPaid: 0, metadata: [:], version: 1, confirmedAt: nil, createdAt: "", updatedAt: "")
    }

    static func customer(limit: Int64? = nil, active: Bool = true, creditBalance: Int64 = 0) -> Customer {
        var customer = Customer(id: 3, name: "Acme", email: nil, phone: nil, billingAddress: nil, shippingAddress: nil, currency: "USD",
                                creditLimit: limit, paymentTermsDays: 30, salesRepId: nil, externalRef: nil, active: active, metadata: [:],
                                version: 1, createdAt: "", updatedAt: "")
        customer.creditBalance = creditBalance
        return customer
    }

    static func balance(receivable: Int64 = 0, credit: Int64 = 0, openOrders: Int64 = 0, limit: Int64? = nil) -> CustomerBalance {
        CustomerBalance(currency: "USD", receivable: receivable, creditBalance: credit, openOrdersAmount: openOrders, creditLimit: limit)
    }

    static func invoiceLine(id: Int64 = 11, orderLine: Int64 = 1, quantity: Quantity, price: Int64 = 100, discountE2: Int64 = 0,
                            credited: Quantity = units(0)) -> InvoiceLine {
        let pricing = LinePricing(quantity: quantity, unitPrice: price, discountE2: discountE2)
        return InvoiceLine(id: id, orderLineId: orderLine, productId: 1, description: nil, pricing: pricing,
                           amounts: LineAmounts.compute(pricing), quantityCredited: credited)
    }

    static func invoice(id: Int64 = 21, customer: Int64 = 3, status: InvoiceState = .open, lines: [InvoiceLine] = [],
                        total: Int64, paid: Int64 = 0, credited: Int64 = 0, due: String = "2027-01-31") -> Invoice {
        Invoice(id: id, number: "INV-0000\(id)", orderId: 7, customerId: customer, status: status, currency: "USD", issueDate: "2027-01-01",
                dueDate: due, notes: nil, lines: lines, totals: LineAmounts(subtotal: total, tax: 0, total: total), amountPaid: paid,
                amountCredited: credited, amountDue: status == .void ? 0 : total - paid - credited, metadata: [:], version: 1, voidedAt: nil,
                createdAt: "", updatedAt: "")
    }

    static func payment(amount: Int64, allocated: Int64, status: PaymentState = .posted) -> Payment {
        Payment(id: 31, number: "PAY-000031", customerId: 3, orderId: nil, status: status, amount: amount, currency: "USD", method: .cash,
                reference: nil, receivedAt: "", amountAllocated: allocated, allocations: [], voidReason: nil, voidedAt: nil, metadata: [:],
                version: 1, createdAt: "", updatedAt: "")
    }

    static func shipmentLine(id: Int64 = 41, quantity: Quantity, returned: Quantity = units(0)) -> ShipmentLine {
        ShipmentLine(id: id, orderLineId: 1, productId: 1, quantity: quantity, fromReserved: quantity, returned: returned)
    }

    static func shipment(_ lines: [ShipmentLine], status: ShipmentState = .shipped) -> Shipment {
        Shipment(id: 51, number: "SH-000051", orderId: 7, customerId: 3, status: status, carrier: nil, trackingNumber: nil, lines: lines,
                 metadata: [:], version: 1, deliveredAt: nil, canceledAt: nil, createdAt: "", updatedAt: "")
    }

    static func stock(_ product: Int64 = 1, onHand: Quantity, reserved: Quantity = units(0)) -> [Int64: StockLevel] {
        [product: StockLevel(onHand: onHand, reserved: reserved)]
    }
}
