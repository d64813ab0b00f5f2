import Locking
import Foundation
import Testing
import HTTPTestSupport
import SalesStore

/// Helpers to set up a customer and stocked products.
extension TestServer {
    func customer(_ extra: String = "") async throws -> Int {
        let reply = try await call("POST", "/v1/customers", #"{"name":"Buyer \#(UUID().uuidString.prefix(6))"\#(extra)}"#)
        guard reply.status == 201, let id = reply["id"] as? Int else { throw ClientError(description: "customer: \(reply.text)") }
        return id
    }

    func product(price: Int, stock: String? = nil, extra: String = "") async throws -> Int {
        let reply = try await call("POST", "/v1/products", #"{"sku":"P-\#(UUID().uuidString)","name":"Item","unit_price":\#(price)\#(extra)}"#)
        guard reply.status == 201, let id = reply["id"] as? Int else { throw ClientError(description: "product: \(reply.text)") }
        if let stock {
            let adjusted = try await call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":\#(stock)}"#)
            guard adjusted.status == 201 else { throw ClientError(description: "stock: \(adjusted.text)") }
        }
        return id
    }

    func stock(_ productId: Int) async throws -> String {
        let text = try await call("GET", "/v1/products/\(productId)").text
        guard let range = text.range(of: #""stock":\{[^}]*\}"#, options: .regularExpression) else { return "" }
        return String(text[range])
    }
}

@Suite struct OrderLifecycle {
    @Test func createPricesLinesFromProductsAndNumbersGaplessly() async throws {
        try await withAPI { api in
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"10%","percent":10}"#)["id"] as? Int)
            let customer = try await api.customer(#","shipping_address":{"city":"Lyon"}"#)
            let widget = try await api.product(price: 333, extra: #","tax_rate_id":\#(tax)"#)
            let service = try await api.product(price: 5000, extra: #","type":"service""#)
            let created = try await api.call("POST", "/v1/orders", #"""
                {"customer_id":\#(customer),"source":"pos","external_ref":"till-1","notes":"gift",
                 "lines":[{"product_id":\#(widget),"quantity":3},{"product_id":\#(service),"quantity":1.5,"discount_percent":12.5,"description":"Setup"}]}
                """#)
            #expect(created.status == 201)
            #expect(created["number"] as? String == "SO-000001")
            #expect(created["status"] as? String == "draft")
            #expect(created["source"] as? String == "pos")
            #expect(created.text.contains(#""shipping_address":{"line1":null,"line2":null,"city":"Lyon""#))
            let lines = try #require(created["lines"] as? [[String: Any]])
            #expect(lines.count == 2)
            // 3 × 333 = 999 + 10% → 100 tax; 1.5 × 5000 × 0.875 = 6562.5 → 6563, no tax.
            #expect(created.text.contains(#""quantity":3,"unit_price":333,"discount_percent":0,"tax_rate_id":\#(tax),"tax_percent":10,"tax_inclusive":false,"subtotal":999,"tax":100,"total":1099"#))
            #expect(created.text.contains(#""description":"Setup","quantity":1.5,"unit_price":5000,"discount_percent":12.5,"tax_rate_id":null,"tax_percent":0,"tax_inclusive":false,"subtotal":6563,"tax":0,"total":6563"#))
            #expect(created["subtotal"] as? Int == 7562)
            #expect(created["tax_total"] as? Int == 100)
            #expect(created["total"] as? Int == 7662)
            #expect(created["invoice_status"] as? String == "not_invoiced")
            #expect(created["shipment_status"] as? String == "not_shipped")
            #expect(created["payment_status"] as? String == "unpaid")
            #expect(created["amount_invoiced"] as? Int == 0)
            #expect(created["amount_paid"] as? Int == 0)
            #expect((created["customer_balance"] as? [String: Any])?["open_orders_amount"] as? Int == 0)
            #expect(created.text.contains(#""quantity_to_ship":3,"quantity_to_invoice":3"#))

            // The same external_ref for the same source is a duplicate naming the order; another source is fine.
            let dup = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"source":"pos","external_ref":"till-1","lines":[{"product_id":\#(widget),"quantity":1}]}"#)
            #expect(dup.status == 409)
            #expect(dup.code == "duplicate")
            #expect((dup["errors"] as? [[String: Any]])?.first?["existing_id"] as? Int == created["id"] as? Int)
            #expect((dup["detail"] as? String)?.contains("SO-000001") == true)
            let other = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"source":"ecommerce","external_ref":"till-1","lines":[{"product_id":\#(widget),"quantity":1}]}"#)
            #expect(other["number"] as? String == "SO-000002")
            // A failed create takes no number: the next one is SO-000003.
            #expect(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":999,"quantity":1}]}"#).status == 422)
            let third = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(widget),"quantity":1}]}"#)
            #expect(third["number"] as? String == "SO-000003")
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
        }
    }

    @Test func lineValidationNamesEachField() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let eurOnly = try await api.product(price: 100)
            let bad = try await api.call("POST", "/v1/orders", #"""
                {"customer_id":\#(customer),"lines":[{"product_id":\#(eurOnly),"quantity":1.2345},{"quantity":-1},{"product_id":\#(eurOnly),"quantity":1,"discount_percent":100.5,"colour":"red"}]}
                """#)
            #expect(bad.status == 422)
            #expect(Set(bad.errorFields) == ["lines[0].quantity", "lines[1].product_id", "lines[1].quantity", "lines[2].discount_percent", "lines[2].colour"])
            #expect(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[]}"#).errorFields == ["lines"])
            #expect(try await api.call("POST", "/v1/orders", #"{"customer_id":99999,"lines":[{"product_id":\#(eurOnly),"quantity":1}]}"#).status == 404)
            // No price in the customer's currency and none given → 422 on unit_price.
            let euro = try await api.customer(#","currency":"EUR""#)
            let noPrice = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(euro),"lines":[{"product_id":\#(eurOnly),"quantity":1}]}"#)
            #expect(noPrice.errorFields == ["lines[0].unit_price"])
            let given = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(euro),"lines":[{"product_id":\#(eurOnly),"quantity":1,"unit_price":90}]}"#)
            #expect(given.status == 201)
            #expect(given["currency"] as? String == "EUR")
        }
    }

    @Test func confirmReservesStockAndLocksLines() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 250, stock: "10")
            let order = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":4},{"product_id":\#(product),"quantity":2.5}]}"#)
            let id = try #require(order["id"] as? Int)
            // A draft is editable; lines are replaced whole.
            let edited = try await api.call("PATCH", "/v1/orders/\(id)", #"{"lines":[{"product_id":\#(product),"quantity":6}],"notes":"rush"}"#)
            #expect(edited.status == 200)
            #expect((edited["lines"] as? [[String: Any]])?.count == 1)
            #expect(edited["total"] as? Int == 1500)

            let confirmed = try await api.call("POST", "/v1/orders/\(id)/confirm")
            #expect(confirmed.status == 200)
            #expect(confirmed["status"] as? String == "confirmed")
            #expect(confirmed["confirmed_at"] is String)
            #expect(confirmed.text.contains(#""quantity_reserved":6,"quantity_backordered":0"#))
            #expect(try await api.stock(product) == #""stock":{"on_hand":10,"reserved":6,"available":4}"#)
            #expect((confirmed["customer_balance"] as? [String: Any])?["open_orders_amount"] as? Int == 1500)

            // Lines are locked; notes and metadata stay editable.
            let locked = try await api.call("PATCH", "/v1/orders/\(id)", #"{"lines":[{"product_id":\#(product),"quantity":1}]}"#)
            #expect(locked.status == 409)
            #expect(locked.code == "invalid_state")
            #expect(try await api.call("PATCH", "/v1/orders/\(id)", #"{"notes":"call first","metadata":{"k":"v"}}"#).status == 200)
            #expect(try await api.call("POST", "/v1/orders/\(id)/confirm").code == "invalid_state")

            let availability = try await api.call("GET", "/v1/orders/\(id)/availability")
            #expect(availability.text.contains(#""quantity_to_ship":6,"reserved":6,"available_now":6"#))

            // Cancel releases the reservation.
            let canceled = try await api.call("POST", "/v1/orders/\(id)/cancel")
            #expect(canceled["status"] as? String == "canceled")
            #expect(try await api.stock(product) == #""stock":{"on_hand":10,"reserved":0,"available":10}"#)
            #expect(try await api.call("POST", "/v1/orders/\(id)/cancel").code == "invalid_state")
            #expect(try await api.call("PATCH", "/v1/orders/\(id)", #"{"notes":"x"}"#).code == "invalid_state")
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
        }
    }

    @Test func insufficientStockListsEveryShortLineAndBackordersReserveWhatExists() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let a = try await api.product(price: 100, stock: "2")
            let b = try await api.product(price: 100, stock: "1")
            let service = try await api.product(price: 100, extra: #","type":"service""#)
            let body = #"{"customer_id":\#(customer),"lines":[{"product_id":\#(a),"quantity":1},{"product_id":\#(a),"quantity":2},{"product_id":\#(b),"quantity":1.5},{"product_id":\#(service),"quantity":9}]"#
            let short = try await api.call("POST", "/v1/orders", body + #","confirm":true}"#)
            #expect(short.status == 409)
            #expect(short.code == "insufficient_stock")
            // Line 1 sees line 0's reservation of the same product: 1 of 2 left.
            #expect(short.errorFields == ["lines[1].quantity", "lines[2].quantity"])
            #expect(short.text.contains(#""product_id":\#(a),"requested":2,"available":1"#))
            #expect(short.text.contains(#""product_id":\#(b),"requested":1.5,"available":1"#))
            // Nothing was created or reserved by the failed confirm, and no number was used.
            #expect(try await api.call("GET", "/v1/orders").data.isEmpty)
            #expect(try await api.stock(a) == #""stock":{"on_hand":2,"reserved":0,"available":2}"#)

            let backordered = try await api.call("POST", "/v1/orders", body + #","allow_backorder":true,"confirm":true}"#)
            #expect(backordered.status == 201)
            #expect(backordered["number"] as? String == "SO-000001")
            #expect(backordered["status"] as? String == "confirmed")
            #expect(backordered.text.contains(#""quantity_reserved":1,"quantity_backordered":1"#))
            #expect(backordered.text.contains(#""quantity_reserved":1,"quantity_backordered":0.5"#))
            #expect(try await api.stock(a) == #""stock":{"on_hand":2,"reserved":2,"available":0}"#)
            #expect(try await api.stock(b) == #""stock":{"on_hand":1,"reserved":1,"available":0}"#)
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
        }
    }

    @Test func creditLimitAndAdminOverride() async throws {
        try await withAPI { api in
            let customer = try await api.customer(#","credit_limit":1000"#)
            let product = try await api.product(price: 600, stock: "10")
            let first = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":1}]}"#)
            #expect(first.status == 201)
            #expect((first["customer_balance"] as? [String: Any])?["available_credit"] as? Int == 400)
            // Invoicing moves the 600 from open orders to receivable: the exposure is unchanged.
            _ = try await api.call("POST", "/v1/orders/\(try #require(first["id"] as? Int))/invoices")
            // 600 receivable + 600 more > 1000.
            let second = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)
            let id = try #require(second["id"] as? Int)
            let refused = try await api.call("POST", "/v1/orders/\(id)/confirm")
            #expect(refused.status == 409)
            #expect(refused.code == "credit_limit_exceeded")
            #expect((refused["detail"] as? String)?.contains("1200") == true)
            let sales = try await api.key(role: "sales")
            let notAdmin = try await api.call("POST", "/v1/orders/\(id)/confirm", #"{"override_credit_limit":true}"#, key: sales)
            #expect(notAdmin.status == 403)
            #expect(try await api.call("POST", "/v1/orders/\(id)/confirm", key: sales).code == "credit_limit_exceeded")
            let overridden = try await api.call("POST", "/v1/orders/\(id)/confirm", #"{"override_credit_limit":true}"#)
            #expect(overridden.status == 200)
            #expect((overridden["customer_balance"] as? [String: Any])?["available_credit"] as? Int == -200)
        }
    }

    /// docs/api.md §3 stock adjustments: on_hand never below 0 — nor, here, below what orders hold.
    @Test func adjustmentsCannotTakeReservedStock() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "10")
            _ = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":6}]"#)
            let refused = try await api.call("POST", "/v1/products/\(product)/stock-adjustments", #"{"quantity":-5}"#)
            #expect(refused.code == "insufficient_stock")
            #expect(refused.text.contains(#""requested":5,"available":4"#))
            #expect(try await api.call("POST", "/v1/products/\(product)/stock-adjustments", #"{"quantity":-4}"#).status == 201)
            #expect(try await api.stock(product) == #""stock":{"on_hand":6,"reserved":6,"available":0}"#)
        }
    }

    @Test func archivedCustomerCannotConfirm() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 10)
            let id = try #require(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)["id"] as? Int)
            _ = try await api.call("PATCH", "/v1/customers/\(customer)", #"{"active":false}"#)
            let refused = try await api.call("POST", "/v1/orders/\(id)/confirm")
            #expect(refused.code == "invalid_state")
            // A customer with documents cannot be deleted.
            #expect(try await api.call("DELETE", "/v1/customers/\(customer)").code == "in_use")
        }
    }

    @Test func filtersAndAutoInvoiceOnADraft() async throws {
        try await withAPI { api in
            let c1 = try await api.customer()
            let c2 = try await api.customer()
            let p = try await api.product(price: 10, stock: "100")
            _ = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(c1),"source":"ecommerce","external_ref":"web-9","lines":[{"product_id":\#(p),"quantity":1}]}"#)
            _ = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(c2),"confirm":true,"lines":[{"product_id":\#(p),"quantity":1}]}"#)
            #expect(try await api.call("GET", "/v1/orders?customer_id=\(c1)").data.count == 1)
            #expect(try await api.call("GET", "/v1/orders?status=confirmed").data.compactMap { $0["customer_id"] as? Int } == [c2])
            #expect(try await api.call("GET", "/v1/orders?status=draft&source=ecommerce").data.count == 1)
            #expect(try await api.call("GET", "/v1/orders?external_ref=web-9").data.count == 1)
            #expect(try await api.call("GET", "/v1/orders?q=SO-000002").data.compactMap { $0["customer_id"] as? Int } == [c2])
            #expect(try await api.call("GET", "/v1/orders?invoice_status=not_invoiced").data.count == 2)
            #expect(try await api.call("GET", "/v1/orders?shipment_status=shipped").data.isEmpty)
            #expect(try await api.call("GET", "/v1/orders?status=bogus").status == 400)
            // auto_invoice on a draft is remembered and acts when the order is confirmed.
            let auto = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(c1),"auto_invoice":true,"lines":[{"product_id":\#(p),"quantity":1}]}"#)
            #expect(auto.status == 201)
            #expect(auto["auto_invoice"] as? Bool == true)
            #expect(auto["invoice_status"] as? String == "not_invoiced")
            let confirmed = try await api.call("POST", "/v1/orders/\(try #require(auto["id"] as? Int))/confirm")
            #expect(confirmed["invoice_status"] as? String == "invoiced")
        }
    }
}

/// Issue 4 item 5: many clients confirm orders for the same scarce product at once.
@Suite struct ReservationRace {
    @Test func reservationsNeverExceedStockAndEveryLoserNamesTheShortLine() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let scarce = try await api.product(price: 100, stock: "10")
            let plenty = try await api.product(price: 100, stock: "1000")
            var orderIds: [Int] = []
            for _ in 0..<24 {
                let reply = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(plenty),"quantity":1},{"product_id":\#(scarce),"quantity":1}]}"#)
                orderIds.append(try #require(reply["id"] as? Int))
            }
            let all = try await api.raceReplies(orderIds.map { ("POST", "/v1/orders/\($0)/confirm", nil, []) }).map { ($0.status, $0.text) }
            #expect(all.count == 24)
            #expect(all.filter { $0.0 == 200 }.count == 10)
            let losers = all.filter { $0.0 != 200 }
            #expect(losers.count == 14)
            #expect(losers.allSatisfy { $0.0 == 409 && $0.1.contains(#""code":"insufficient_stock""#)
                && $0.1.contains(#""field":"lines[1].quantity""#) && $0.1.contains(#""product_id":\#(scarce)"#) })
            #expect(try await api.stock(scarce) == #""stock":{"on_hand":10,"reserved":10,"available":0}"#)
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
        }
    }
}
