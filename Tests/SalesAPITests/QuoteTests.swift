import Foundation
import GRDB
import Testing
import SalesStore

@Suite struct Quotes {
    @Test func lifecycleSendConvertOnceAndNeverTouchStock() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 1200, stock: "5")
            let created = try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":2,"discount_percent":10}],"notes":"valid 30 days"}"#)
            #expect(created.status == 201)
            #expect(created["number"] as? String == "Q-000001")
            #expect(created["status"] as? String == "draft")
            #expect(created["total"] as? Int == 2160)
            // Default validity: today (the day the server created it) + 30 days.
            #expect(created["valid_until"] as? String == day(of: created["created_at"], plusDays: 30))
            let id = try #require(created["id"] as? Int)
            #expect(try await api.stock(product) == #""stock":{"on_hand":5,"reserved":0,"available":5}"#)

            // Draft: editable, lines replaced whole.
            let edited = try await api.call("PATCH", "/v1/quotes/\(id)", #"{"lines":[{"product_id":\#(product),"quantity":3,"unit_price":1000}]}"#)
            #expect(edited["total"] as? Int == 3000)
            let sent = try await api.call("POST", "/v1/quotes/\(id)/send")
            #expect(sent["status"] as? String == "sent")
            #expect(try await api.call("PATCH", "/v1/quotes/\(id)", #"{"notes":"x"}"#).code == "invalid_state")
            #expect(try await api.call("POST", "/v1/quotes/\(id)/send").code == "invalid_state")

            // Convert: a new order with the quoted lines and prices; the quote is accepted.
            let order = try await api.call("POST", "/v1/quotes/\(id)/convert", #"{"confirm":true}"#)
            #expect(order.status == 201)
            #expect(order["number"] as? String == "SO-000001")
            #expect(order["source"] as? String == "quote")
            #expect(order["quote_id"] as? Int == id)
            #expect(order["status"] as? String == "confirmed")
            #expect(order["total"] as? Int == 3000)
            #expect(order.text.contains(#""quantity":3,"unit_price":1000"#))
            let accepted = try await api.call("GET", "/v1/quotes/\(id)")
            #expect(accepted["status"] as? String == "accepted")
            #expect(accepted["order_id"] as? Int == order["id"] as? Int)
            // Converting twice is refused.
            #expect(try await api.call("POST", "/v1/quotes/\(id)/convert").code == "invalid_state")
            #expect(try await api.stock(product) == #""stock":{"on_hand":5,"reserved":3,"available":2}"#)
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
        }
    }

    @Test func declineCancelAndExpiry() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 100)
            func quote(_ extra: String = "") async throws -> Int {
                try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]\#(extra)}"#)["id"] as? Int)
            }
            let declined = try await quote()
            #expect(try await api.call("POST", "/v1/quotes/\(declined)/decline").code == "invalid_state")
            _ = try await api.call("POST", "/v1/quotes/\(declined)/send")
            #expect(try await api.call("POST", "/v1/quotes/\(declined)/decline")["status"] as? String == "declined")
            #expect(try await api.call("POST", "/v1/quotes/\(declined)/convert").code == "invalid_state")

            let canceled = try await quote()
            #expect(try await api.call("POST", "/v1/quotes/\(canceled)/cancel")["status"] as? String == "canceled")
            #expect(try await api.call("POST", "/v1/quotes/\(canceled)/convert").code == "invalid_state")

            let expired = try await quote(#","valid_until":"2020-01-31""#)
            let read = try await api.call("GET", "/v1/quotes/\(expired)")
            #expect(read["status"] as? String == "expired")
            let refused = try await api.call("POST", "/v1/quotes/\(expired)/convert")
            #expect(refused.code == "invalid_state")
            #expect((refused["detail"] as? String)?.contains("expired") == true)
            #expect(try await api.call("GET", "/v1/quotes?status=expired").data.compactMap { $0["id"] as? Int } == [expired])
            #expect(try await api.call("GET", "/v1/quotes?status=draft").data.isEmpty)
            #expect(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}],"valid_until":"2026-02-30"}"#).errorFields == ["valid_until"])
            // No order was created by any refusal.
            #expect(try await api.call("GET", "/v1/orders").data.isEmpty)
        }
    }

    @Test func convertKeepsQuotedTaxEvenIfTheRateChanges() async throws {
        try await withAPI { api in
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"VAT","percent":20,"inclusive":true}"#)["id"] as? Int)
            let customer = try await api.customer()
            let product = try await api.product(price: 1000, extra: #","tax_rate_id":\#(tax)"#)
            let q = try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)
            #expect(q.text.contains(#""subtotal":833,"tax":167,"total":1000"#))
            _ = try await api.call("PATCH", "/v1/tax-rates/\(tax)", #"{"percent":25}"#)
            let order = try await api.call("POST", "/v1/quotes/\(try #require(q["id"] as? Int))/convert")
            #expect(order.text.contains(#""tax_percent":20,"tax_inclusive":true,"subtotal":833,"tax":167,"total":1000"#))
            #expect(order["total"] as? Int == 1000)
            #expect(try await api.app.read { db in try IntegrityCheck.run(db) }.isEmpty)
        }
    }
}
