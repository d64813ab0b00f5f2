import Foundation
import Testing
import SalesCore
@testable import SalesStore

/// Issue 17 item 3: unique values are kept by their unique indexes, not by a SELECT before the
/// write, so a second writer that checked at the same time cannot slip a duplicate in (nor get a
/// 500). Here the duplicate reaches the index itself — there is no pre-check left to stop it — and
/// comes back as 409 duplicate naming the holder, with the transaction still usable.
@Suite struct UniqueIndexes {
    func product(sku: String) -> Product {
        Product(id: 0, sku: sku, name: "Widget", description: nil, type: .stockable, unitPrice: 100, prices: [:], taxRateId: nil,
                reorderLevel: nil, invoicePolicy: .ordered, active: true, metadata: [:], onHand: Quantity(thousandths: 0),
                reserved: Quantity(thousandths: 0), version: 1, createdAt: "", updatedAt: "")
    }

    @Test func aRepeatedSkuIsRefusedByTheIndexAndNamesTheHolder() throws {
        let database = try SalesDatabase(path: temporaryDatabasePath(), durability: .normal)
        _ = try database.migrate()
        let (first, refusal, after, count) = try database.writeNow { db -> (Product, SalesError?, Product, Int64?) in
            let first = try ProductStore.create(db, product(sku: "SKU-1"))
            var refusal: SalesError?
            do {
                _ = try ProductStore.create(db, product(sku: "sku-1"))
            } catch let error as SalesError {
                refusal = error
            }
            // The refused insert undid only itself: the transaction goes on.
            let after = try ProductStore.create(db, product(sku: "SKU-2"))
            return (first, refusal, after, try db.fetchValue("SELECT COUNT(*) FROM products", as: Int64.self))
        }
        #expect(refusal == .duplicate(field: "sku", existingId: first.id, detail: "a product with sku \"sku-1\" already exists (id \(first.id))"))
        #expect(after.sku == "SKU-2")
        #expect(count == 2)
    }

    @Test func anUpdateToAnotherProductsSkuIsRefusedTheSameWay() throws {
        let database = try SalesDatabase(path: temporaryDatabasePath(), durability: .normal)
        _ = try database.migrate()
        let (first, refusal, kept) = try database.writeNow { db -> (Product, SalesError?, Product) in
            let first = try ProductStore.create(db, product(sku: "A"))
            let second = try ProductStore.create(db, product(sku: "B"))
            var refusal: SalesError?
            do {
                _ = try ProductStore.update(db, id: second.id, expectedVersion: nil) { $0.sku = "a" }
            } catch let error as SalesError {
                refusal = error
            }
            return (first, refusal, try ProductStore.get(db, id: second.id))
        }
        #expect(refusal == .duplicate(field: "sku", existingId: first.id, detail: "a product with sku \"a\" already exists (id \(first.id))"))
        #expect(kept.sku == "B" && kept.version == 1)
    }
}
