import Foundation
import Synchronization
import Testing
import HTTPTestSupport

/// Many clients racing on the same document through the write routes (issue #10 item 2): the
/// number of 2xx is exactly what the rules allow, the losers get 409, and the invariants of
/// API.md §4 hold afterwards. (Invoices, shipments, reservations and credit have their own race
/// tests beside their features.)
@Suite struct WriteRouteRaces {
    /// `n` identical requests at once, each on its own connection; their statuses.
    func race(_ api: TestServer, _ n: Int, _ method: String, _ path: String, _ body: String = "{}") async throws -> [Int] {
        let port = api.port, key = api.adminKey
        let statuses = Mutex<[Int]>([])
        try await offPool {
            DispatchQueue.concurrentPerform(iterations: n) { _ in
                let status = (try? RawClient(port: port).request(method, path, headers: ["Authorization: Bearer \(key)", "Content-Type: application/json"],
                                                                 body: body).status) ?? -1
                statuses.withLock { $0.append(status) }
            }
        }
        return statuses.withLock { $0 }.sorted()
    }

    func count(_ statuses: [Int], _ status: Int) -> Int { statuses.filter { $0 == status }.count }

    @Test func onlyWhatTheRulesAllowSucceeds() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 1000, stock: "100")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let line = try #require(try await api.lineIds(order).first)

            // One invoice for everything: exactly one of 12 "invoice the rest" wins.
            let invoices = try await race(api, 12, "POST", "/v1/orders/\(order)/invoices")
            #expect(count(invoices, 201) == 1 && count(invoices, 409) == 11, "\(invoices)")
            let invoice = try #require(try await api.call("GET", "/v1/invoices?order_id=\(order)").data.first)
            let invoiceId = try #require(invoice["id"] as? Int)
            let invoiceLine = try #require((invoice["lines"] as? [[String: Any]])?.first?["id"] as? Int)

            // Ship one unit at a time: 4 of 10 fit.
            let shipments = try await race(api, 10, "POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(line),"quantity":1}]}"#)
            #expect(count(shipments, 201) == 4 && count(shipments, 409) == 6, "\(shipments)")

            // Credit one unit at a time: the invoice line has 4.
            let credits = try await race(api, 9, "POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"reason":"race","lines":[{"invoice_line_id":\#(invoiceLine),"quantity":1}]}"#)
            #expect(count(credits, 201) == 4 && count(credits, 409) == 5, "\(credits)")

            // Cancel and void: once each.
            let other = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":1}]"#)
            let cancels = try await race(api, 8, "POST", "/v1/orders/\(other)/cancel")
            #expect(count(cancels, 200) == 1 && count(cancels, 409) == 7, "\(cancels)")
            let third = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":1}]"#)
            let thirdInvoice = try #require(try await api.call("POST", "/v1/orders/\(third)/invoices", "{}")["id"] as? Int)
            let voids = try await race(api, 8, "POST", "/v1/invoices/\(thirdInvoice)/void", #"{"reason":"race"}"#)
            #expect(count(voids, 200) == 1 && count(voids, 409) == 7, "\(voids)")

            // Stock never below what is reserved: 4 shipped leave 96 on hand, the third order
            // reserves 1; of 30 adjustments of -4, 23 fit (96 - 92 = 4 ≥ 1, one more would not).
            let before = try await api.call("GET", "/v1/products/\(product)")
            let stockBefore = before["stock"] as? [String: Any]
            #expect(stockBefore?["on_hand"] as? Int == 96 && stockBefore?["reserved"] as? Int == 1, "\(before.text)")
            let adjustments = try await race(api, 30, "POST", "/v1/products/\(product)/stock-adjustments", #"{"quantity":-4}"#)
            #expect(count(adjustments, 201) == 23 && count(adjustments, 409) == 7, "\(adjustments)")
            let after = try await api.call("GET", "/v1/products/\(product)")
            let stockAfter = after["stock"] as? [String: Any]
            #expect(stockAfter?["on_hand"] as? Int == 4 && stockAfter?["reserved"] as? Int == 1, "\(after.text)")

            #expect(try await api.checkClean().isEmpty)
        }
    }
}
