import Foundation
import SalesClient
import Testing

/// A whole sale through the SDK against a real server: customer, product and stock, an order
/// confirmed, a partial invoice and a partial shipment, an over-invoice refused at its line, a
/// payment, and a void that leaves the customer credit (docs/api.md §3).
@Suite struct WholeSaleTests {
    @Test func aSaleFromCustomerToCredit() async throws {
        let sales = try LiveServer.sales()
        let api = sales.api

        let customer = try await api.createCustomer(body: .json(.init(name: LiveServer.unique("Corner Shop"), paymentTermsDays: 30)))
            .created.body.json
        let product = try await api.createProduct(body: .json(.init(sku: LiveServer.unique("SKU").replacingOccurrences(of: " ", with: "-"),
                                                                    name: "Espresso beans 1 kg", unitPrice: 1250)))
            .created.body.json
        let adjusted = try await api.adjustStock(path: .init(id: product.id), body: .json(.init(quantity: 10, reason: "opening stock")))
            .created.body.json
        #expect(adjusted.onHandAfter == 10)

        // Four and a half units: Decimal keeps the half exactly both ways.
        let order = try await api.createOrder(body: .json(.init(customerId: customer.id,
                                                                lines: [.init(productId: product.id, quantity: Decimal(string: "4.5")!)],
                                                                confirm: true)))
            .created.body.json
        #expect(order.status == .confirmed)
        #expect(order.total == 5625)
        let line = try #require(order.lines.first)
        #expect(line.quantityToInvoice == Decimal(string: "4.5")!)

        // A partial invoice: 2.5 of 4.5 → 2.5 × 12.50 = 31.25.
        let invoice = try await api.invoiceOrder(path: .init(id: order.id),
                                                 body: .json(.init(lines: [.init(orderLineId: line.id, quantity: Decimal(string: "2.5")!)])))
            .created.body.json
        #expect(invoice.total == 3125)
        #expect(invoice.amountDue == 3125)

        // More than remains (2 left) is refused with the line named.
        do {
            _ = try await api.invoiceOrder(path: .init(id: order.id),
                                           body: .json(.init(lines: [.init(orderLineId: line.id, quantity: 3)])))
            Issue.record("an over-invoice was accepted")
        } catch {
            let problem = try #require(error.apiProblem, "not a problem: \(error)")
            #expect(problem.status == 409)
            #expect(problem.code == "quantity_exceeded")
            #expect(problem.errors.map(\.field) == ["lines[0].quantity"])
            #expect(problem.requestID?.isEmpty == false)
        }

        // A partial shipment of 1.5.
        let shipment = try await api.shipOrder(path: .init(id: order.id),
                                               body: .json(.init(lines: [.init(orderLineId: line.id, quantity: Decimal(string: "1.5")!)])))
            .created.body.json
        #expect(shipment.lines.map(\.quantity) == [Decimal(string: "1.5")!])

        let afterBoth = try await api.getOrder(path: .init(id: order.id)).ok.body.json
        #expect(afterBoth.lines[0].quantityInvoiced == Decimal(string: "2.5")!)
        #expect(afterBoth.lines[0].quantityShipped == Decimal(string: "1.5")!)
        #expect(afterBoth.lines[0].quantityToInvoice == 2)
        #expect(afterBoth.lines[0].quantityToShip == 3)
        #expect(afterBoth.invoiceStatus == .partiallyInvoiced)
        #expect(afterBoth.shipmentStatus == .partiallyShipped)

        // Paid in full, then voided: what was paid becomes the customer's credit.
        let payment = try await api.payOrder(path: .init(id: order.id), body: .json(.init(amount: 3125, method: .card)))
            .created.body.json
        #expect(payment.amount == 3125)
        let paid = try await api.getInvoice(path: .init(id: invoice.id)).ok.body.json
        #expect(paid.status == .paid)
        let void = try await api.voidInvoice(path: .init(id: invoice.id), body: .json(.init(reason: "wrong beans")))
            .ok.body.json
        #expect(void.status == .void)
        let balance = try await api.getCustomerBalance(path: .init(id: customer.id)).ok.body.json
        #expect(balance.creditBalance == 3125)
        #expect(balance.receivable == 0)
        #expect(balance.netBalance == -3125)
    }
}
