import Foundation
import GRDB
import Testing
import SalesAPI
import SalesStore

@Suite struct Customers {
    @Test func createReadsBackEveryFieldWithDefaultsAndBalance() async throws {
        try await withAPI({ $0.currency = "EUR" }) { api in
            let created = try await api.call("POST", "/v1/customers", #"""
                {"name":"Ada Shop","email":"ada@example.com","phone":"+1 555 0100",
                 "billing_address":{"line1":"1 Main St","city":"Springfield","postal_code":"12345","country":"US"},
                 "credit_limit":500000,"external_ref":"shop-1","metadata":{"source":"web"}}
                """#)
            #expect(created.status == 201)
            let c = created.json
            #expect(c["name"] as? String == "Ada Shop")
            #expect(c["email"] as? String == "ada@example.com")
            #expect(c["currency"] as? String == "EUR")
            #expect(c["payment_terms_days"] as? Int == 30)
            #expect(c["active"] as? Bool == true)
            #expect(c["credit_limit"] as? Int == 500000)
            #expect(c["external_ref"] as? String == "shop-1")
            #expect(c["version"] as? Int == 1)
            #expect(c["shipping_address"] is NSNull)
            let billing = try #require(c["billing_address"] as? [String: Any])
            #expect(billing["city"] as? String == "Springfield")
            #expect(billing["line2"] is NSNull)
            #expect((c["metadata"] as? [String: String]) == ["source": "web"])
            let balance = try #require(c["balance"] as? [String: Any])
            #expect(balance["currency"] as? String == "EUR")
            #expect(balance["receivable"] as? Int == 0)
            #expect(balance["credit_balance"] as? Int == 0)
            #expect(balance["net_balance"] as? Int == 0)
            #expect(balance["open_orders_amount"] as? Int == 0)
            #expect(balance["available_credit"] as? Int == 500000)
            let created_at = try #require(c["created_at"] as? String)
            #expect(created_at.hasSuffix("Z") && created_at.count == 24)

            let id = try #require(c["id"] as? Int)
            let balanceRoute = try await api.call("GET", "/v1/customers/\(id)/balance")
            #expect(balanceRoute.text == #"{"currency":"EUR","receivable":0,"credit_balance":0,"net_balance":0,"open_orders_amount":0,"credit_limit":500000,"available_credit":500000}"#)
            #expect(try await api.call("GET", "/v1/customers/999/balance").status == 404)
            #expect(try await api.call("GET", "/v1/customers/abc").status == 404)
        }
    }

    @Test func patchIsPartialAndNullClears() async throws {
        try await withAPI { api in
            let id = try #require(try await api.call("POST", "/v1/customers", #"{"name":"P","email":"p@example.com","credit_limit":100}"#)["id"] as? Int)
            let patched = try await api.call("PATCH", "/v1/customers/\(id)", #"{"credit_limit":null,"payment_terms_days":14,"active":false}"#)
            #expect(patched.status == 200)
            #expect(patched["credit_limit"] is NSNull)
            #expect(patched["email"] as? String == "p@example.com")
            #expect(patched["payment_terms_days"] as? Int == 14)
            #expect(patched["active"] as? Bool == false)
            #expect((patched["balance"] as? [String: Any])?["available_credit"] is NSNull)
            #expect(try await api.call("PATCH", "/v1/customers/\(id)", #"{"name":null}"#).status == 422)
            #expect(try await api.call("PATCH", "/v1/customers/\(id)", #"{"name":"  "}"#).errorCodes == ["blank"])
            #expect(try await api.call("PATCH", "/v1/customers/9999", #"{"name":"x"}"#).status == 404)
            let inactive = try await api.call("GET", "/v1/customers?active=false")
            #expect(inactive.data.compactMap { $0["id"] as? Int } == [id])
        }
    }

    @Test func externalRefIsUniqueAndTheConflictNamesTheHolder() async throws {
        try await withAPI { api in
            let first = try #require(try await api.call("POST", "/v1/customers", #"{"name":"A","external_ref":"X-1"}"#)["id"] as? Int)
            let dup = try await api.call("POST", "/v1/customers", #"{"name":"B","external_ref":"X-1"}"#)
            #expect(dup.status == 409)
            #expect(dup.code == "duplicate")
            #expect(dup["detail"] as? String == "a customer with external_ref \"X-1\" already exists (id \(first))")
            let entry = try #require((dup["errors"] as? [[String: Any]])?.first)
            #expect(entry["existing_id"] as? Int == first)
            let second = try #require(try await api.call("POST", "/v1/customers", #"{"name":"B","external_ref":"X-2"}"#)["id"] as? Int)
            #expect(try await api.call("PATCH", "/v1/customers/\(second)", #"{"external_ref":"X-1"}"#).status == 409)
            #expect(try await api.call("GET", "/v1/customers?q=X-2").data.compactMap { $0["id"] as? Int } == [second])
        }
    }

    @Test func unknownSalesRepIsAFieldError() async throws {
        try await withAPI { api in
            let reply = try await api.call("POST", "/v1/customers", #"{"name":"R","sales_rep_id":42}"#)
            #expect(reply.status == 422)
            #expect(reply.errorFields == ["sales_rep_id"])
        }
    }
}

@Suite struct TaxRates {
    @Test func percentIsExactAndBounded() async throws {
        try await withAPI { api in
            let created = try await api.call("POST", "/v1/tax-rates", #"{"name":"NYC","percent":8.875}"#)
            #expect(created.status == 201)
            #expect(created.text.contains(#""percent":8.875"#))
            #expect(created["inclusive"] as? Bool == false)
            let id = try #require(created["id"] as? Int)
            #expect(try await api.call("POST", "/v1/tax-rates", #"{"name":"X","percent":8.87501}"#).errorCodes == ["too_many_decimals"])
            #expect(try await api.call("POST", "/v1/tax-rates", #"{"name":"X","percent":100.01}"#).errorCodes == ["out_of_range"])
            #expect(try await api.call("POST", "/v1/tax-rates", #"{"name":"X","percent":-1}"#).errorCodes == ["out_of_range"])
            #expect(try await api.call("POST", "/v1/tax-rates", #"{"name":"X","percent":"8"}"#).errorCodes == ["invalid_type"])
            let inclusive = try await api.call("PATCH", "/v1/tax-rates/\(id)", #"{"inclusive":true,"percent":20}"#)
            #expect(inclusive.text.contains(#""percent":20,"inclusive":true"#))

            // In use by a product: 409 in_use; otherwise deletable.
            _ = try await api.call("POST", "/v1/products", #"{"sku":"T1","name":"Taxed","unit_price":100,"tax_rate_id":\#(id)}"#)
            #expect(try await api.call("DELETE", "/v1/tax-rates/\(id)").code == "in_use")
            let spare = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"Zero","percent":0}"#)["id"] as? Int)
            // Used only by an order line (the fuzzer found this answered 500 on the foreign key).
            let lineOnly = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"Line","percent":5}"#)["id"] as? Int)
            let plain = try await api.product(price: 100)
            _ = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(try await api.customer()),"lines":[{"product_id":\#(plain),"quantity":1,"tax_rate_id":\#(lineOnly)}]}"#)
            #expect(try await api.call("DELETE", "/v1/tax-rates/\(lineOnly)").code == "in_use")
            #expect(try await api.call("DELETE", "/v1/tax-rates/\(spare)").status == 204)
        }
    }
}

@Suite struct ProductsAndStock {
    @Test func productFieldsPricesAndValidation() async throws {
        try await withAPI { api in
            let created = try await api.call("POST", "/v1/products", #"""
                {"sku":"TEA-1","name":"Green tea","unit_price":1999,"prices":{"EUR":1799,"JPY":2800},"reorder_level":5.5,"invoice_policy":"delivered"}
                """#)
            #expect(created.status == 201)
            #expect(created.text.contains(#""prices":{"EUR":1799,"JPY":2800}"#))
            #expect(created.text.contains(#""reorder_level":5.5"#))
            #expect(created.text.contains(#""stock":{"on_hand":0,"reserved":0,"available":0}"#))
            #expect(created["type"] as? String == "stockable")
            #expect(created["invoice_policy"] as? String == "delivered")

            let service = try await api.call("POST", "/v1/products", #"{"sku":"SVC-1","name":"Install","unit_price":5000,"type":"service"}"#)
            #expect(service["stock"] is NSNull)

            let dup = try await api.call("POST", "/v1/products", #"{"sku":"TEA-1","name":"Again","unit_price":1}"#)
            #expect(dup.status == 409)
            #expect(dup.code == "duplicate")
            let bad = try await api.call("POST", "/v1/products", #"{"sku":"B","name":"B","unit_price":12.5,"prices":{"eur":1,"GBP":-1,"USD":5},"type":"gadget","tax_rate_id":77}"#)
            #expect(bad.status == 422)
            #expect(Set(bad.errorFields) == ["unit_price", "prices.eur", "prices.GBP", "prices.USD", "type"])
            let missingTax = try await api.call("POST", "/v1/products", #"{"sku":"C","name":"C","unit_price":1,"tax_rate_id":77}"#)
            #expect(missingTax.errorFields == ["tax_rate_id"])
        }
    }

    @Test func adjustmentsMovementsAndNeverBelowZero() async throws {
        try await withAPI { api in
            let id = try #require(try await api.call("POST", "/v1/products", #"{"sku":"BOLT","name":"Bolt","unit_price":25,"reorder_level":3}"#)["id"] as? Int)
            let first = try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":10,"reason":"initial count"}"#)
            #expect(first.status == 201)
            #expect(first.text.contains(#""type":"adjustment","quantity":10,"on_hand_after":10,"reason":"initial count""#))
            #expect(try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":-2.5}"#).status == 201)

            let short = try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":-8}"#)
            #expect(short.status == 409)
            #expect(short.code == "insufficient_stock")
            let entry = try #require((short["errors"] as? [[String: Any]])?.first)
            #expect(entry["product_id"] as? Int == id)
            #expect(short.text.contains(#""requested":8,"available":7.5"#))

            #expect(try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":0}"#).status == 422)
            #expect(try await api.call("POST", "/v1/products/999/stock-adjustments", #"{"quantity":1}"#).status == 404)

            let movements = try await api.call("GET", "/v1/products/\(id)/stock-movements")
            #expect(movements.data.count == 2)
            #expect(movements.text.contains(#""quantity":-2.5,"on_hand_after":7.5"#))
            let product = try await api.call("GET", "/v1/products/\(id)")
            #expect(product.text.contains(#""stock":{"on_hand":7.5,"reserved":0,"available":7.5}"#))

            // A service has no stock.
            let svc = try #require(try await api.call("POST", "/v1/products", #"{"sku":"S","name":"S","unit_price":1,"type":"service"}"#)["id"] as? Int)
            #expect(try await api.call("POST", "/v1/products/\(svc)/stock-adjustments", #"{"quantity":1}"#).status == 422)

            // Deleting a product with movements is refused (archive instead).
            #expect(try await api.call("DELETE", "/v1/products/\(id)").code == "in_use")
            #expect(try await api.call("DELETE", "/v1/products/\(svc)").status == 204)
        }
    }

    @Test func lowStockFilterAndStockInquiry() async throws {
        try await withAPI { api in
            func product(_ sku: String, _ reorder: String) async throws -> Int {
                try #require(try await api.call("POST", "/v1/products", #"{"sku":"\#(sku)","name":"\#(sku) item","unit_price":1\#(reorder)}"#)["id"] as? Int)
            }
            let empty = try await product("EMPTY", "")
            let plenty = try await product("PLENTY", #","reorder_level":2"#)
            let nearReorder = try await product("NEAR", #","reorder_level":5"#)
            _ = try await api.call("POST", "/v1/products/\(plenty)/stock-adjustments", #"{"quantity":10}"#)
            _ = try await api.call("POST", "/v1/products/\(nearReorder)/stock-adjustments", #"{"quantity":5}"#)
            _ = try await api.call("POST", "/v1/products", #"{"sku":"SVC","name":"svc","unit_price":1,"type":"service"}"#)

            let low = try await api.call("GET", "/v1/products?low_stock=true")
            #expect(low.data.compactMap { $0["id"] as? Int } == [empty, nearReorder])
            let notLow = try await api.call("GET", "/v1/products?low_stock=false&type=stockable")
            #expect(notLow.data.compactMap { $0["id"] as? Int } == [plenty])

            let stock = try await api.call("GET", "/v1/stock")
            #expect(stock.data.count == 3)
            #expect(stock.text.contains(#"{"product_id":\#(plenty),"sku":"PLENTY","name":"PLENTY item","on_hand":10,"reserved":0,"available":10}"#))
            #expect(try await api.call("GET", "/v1/stock?sku=NEAR").data.compactMap { $0["product_id"] as? Int } == [nearReorder])
            #expect(try await api.call("GET", "/v1/stock?product_id=\(plenty)").data.count == 1)
            #expect(try await api.call("GET", "/v1/stock?low_stock=true&q=EMP").data.compactMap { $0["product_id"] as? Int } == [empty])
            #expect(try await api.call("GET", "/v1/stock?product_id=0").status == 400)
        }
    }

    @Test func concurrentAdjustmentsNeverTakeStockBelowZero() async throws {
        try await withAPI { api in
            let id = try #require(try await api.call("POST", "/v1/products", #"{"sku":"RACE","name":"Race","unit_price":1}"#)["id"] as? Int)
            _ = try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":10}"#)
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<24 {
                    group.addTask { try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":-1}"#).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(results.filter { $0 == 201 }.count == 10)
            #expect(results.filter { $0 == 409 }.count == 14)
            let product = try await api.call("GET", "/v1/products/\(id)")
            #expect(product.text.contains(#""on_hand":0"#))
            let breaches = try await api.app.read { db in try IntegrityCheck.run(db) }
            #expect(breaches.isEmpty)
        }
    }
}

@Suite struct IntegrityChecks {
    @Test func checkFindsACorruptedRow() async throws {
        try await withAPI { api in
            let id = try #require(try await api.call("POST", "/v1/products", #"{"sku":"CHK","name":"Chk","unit_price":1}"#)["id"] as? Int)
            _ = try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":4}"#)
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
            // Corrupt on_hand behind the API's back: Σ movements no longer equals it.
            try await api.app.writeDirect { db in try db.execute("UPDATE products SET on_hand = 5000 WHERE id = ?", [id]) }
            let breaches = try await api.app.read { db in try IntegrityCheck.run(db) }
            #expect(breaches == ["product \(id): on_hand 5000 (thousandths), reserved 0, Σ movements 4000"])
        }
    }

    @Test func checkFindsADriftedOpenOrdersAmount() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 700, stock: "3")
            _ = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":2}]}"#)
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
            try await api.app.writeDirect { db in try db.execute("UPDATE customers SET open_orders_amount = 1 WHERE id = ?", [customer]) }
            let breaches = try await api.app.read { db in try IntegrityCheck.run(db) }
            #expect(breaches == ["customer \(customer): open_orders_amount 1 ≠ Σ open orders 1400"])
        }
    }
}
