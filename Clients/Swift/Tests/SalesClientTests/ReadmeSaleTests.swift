import Foundation
import SalesClient
import Testing

// README "For integrators" shows this function; scripts/readme-test.py checks that the README's
// Swift block is this text, so the README's example compiles and runs.

/// A POS sale: a walk-in customer buys two bags and pays by card.
func sellTwoBags(sales: Sales, productID: Int64) async throws -> Components.Schemas.Invoice {
    let customer = try await sales.api.createCustomer(body: .json(.init(name: "Walk-in"))).created.body.json
    let order = try await sales.api.createOrder(body: .json(.init(
        customerId: customer.id, lines: [.init(productId: productID, quantity: 2)], confirm: true))).created.body.json
    let invoice = try await sales.api.invoiceOrder(path: .init(id: order.id)).created.body.json
    _ = try await sales.api.payOrder(path: .init(id: order.id),
                                     body: .json(.init(amount: invoice.amountDue, method: .card))).created.body.json
    return try await sales.api.getInvoice(path: .init(id: invoice.id)).ok.body.json
}

@Suite struct ReadmeSaleTests {
    @Test func theReadmesSaleIsPaid() async throws {
        let sales = try LiveServer.sales()
        let sku = "BAG-\(UUID().uuidString.prefix(8))"
        let product = try await sales.api.createProduct(body: .json(.init(sku: sku, name: "Beans 1 kg", unitPrice: 1999))).created.body.json
        _ = try await sales.api.adjustStock(path: .init(id: product.id), body: .json(.init(quantity: 5))).created.body.json

        let invoice = try await sellTwoBags(sales: sales, productID: product.id)
        #expect(invoice.status == .paid)
        #expect(invoice.total == 3998)
        #expect(invoice.amountDue == 0)

        // Short of stock: the refusal is an APIProblem naming the line.
        do {
            _ = try await sellTwoBags(sales: sales, productID: product.id)
            _ = try await sellTwoBags(sales: sales, productID: product.id)
            Issue.record("a sale past the stock was accepted")
        } catch {
            let problem = try #require(error.apiProblem)
            #expect(problem.code == "insufficient_stock")
            #expect(problem.errors.map(\.field) == ["lines[0].quantity"])
        }
    }
}
