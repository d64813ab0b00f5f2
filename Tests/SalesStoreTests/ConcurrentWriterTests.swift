import Foundation
import Testing
import SalesCore
@testable import SalesStore

/// Issue 17 item 3 (docs/api.md §4 invariant 2: never more invoiced than ordered, under any
/// concurrency). With several writers, two requests can decide from the same state; the second
/// write must then be refused by the database, not trusted. Here both plans are made from one
/// read — as two nodes would — and applied one after the other.
@Suite struct StalePlans {
    @Test func aSecondInvoiceDecidedFromTheSameStateIsRefusedByTheCounter() throws {
        let database = try SalesDatabase(path: temporaryDatabasePath(), durability: .normal)
        _ = try database.migrate()
        let (first, refusal, invoiced) = try database.writeNow { db -> (Invoice, SalesError?, Quantity) in
            let customer = try CustomerStore.create(db, Customer(
                id: 0, name: "Acme", email: nil, phone: nil, billingAddress: nil, shippingAddress: nil, currency: "USD",
                creditLimit: nil, paymentTermsDays: 30, salesRepId: nil, externalRef: nil, active: true, metadata: [:], version: 1,
                createdAt: "", updatedAt: ""))
            let product = try ProductStore.create(db, Product(
                id: 0, sku: "SVC", name: "Setup", description: nil, type: .service, unitPrice: 1000, prices: [:], taxRateId: nil,
                reorderLevel: nil, invoicePolicy: .ordered, active: true, metadata: [:], onHand: Quantity(thousandths: 0),
                reserved: Quantity(thousandths: 0), version: 1, createdAt: "", updatedAt: ""))
            let draft = OrderStore.Draft(customerId: customer.id, lines: [LineInput(productId: product.id, quantity: Quantity(thousandths: 3000))])
            let order = try OrderStore.confirm(db, id: try OrderStore.create(db, draft, serverCurrency: "USD").id, expectedVersion: nil,
                                               overrideCreditLimit: false)
            // Both take "everything that remains", 3 units, decided before either is written.
            let planA = try InvoiceStore.plan(db, orderId: order.id, requests: nil, issueDate: "2027-01-10", dueDate: nil, notes: nil)
            let planB = try InvoiceStore.plan(db, orderId: order.id, requests: nil, issueDate: "2027-01-10", dueDate: nil, notes: nil)
            let first = try InvoiceStore.apply(db, planA)
            var refusal: SalesError?
            do {
                _ = try db.savepoint { try InvoiceStore.apply(db, planB) }
            } catch let error as SalesError {
                refusal = error
            }
            return (first, refusal, try OrderStore.get(db, id: order.id).lines[0].invoiced)
        }
        #expect(first.totals.total == 3000)
        #expect(refusal == .quantityExceeded([QuantityExcess(field: "lines[0].quantity", lineId: first.lines[0].orderLineId,
                                                             requested: Quantity(thousandths: 3000), remaining: Quantity(thousandths: 0))]))
        #expect(invoiced == Quantity(thousandths: 3000))
    }
}
