import Foundation
import Testing

/// Issue 15 item 8: rules of docs/api.md that had no test of their own, each asserted exactly.
@Suite struct ContractRules {
    /// docs/api.md §1 "idempotency": the same key on another path is another request → 422.
    @Test func anIdempotencyKeyReusedOnAnotherPathIs422() async throws {
        try await withAPI { api in
            let first = try await api.call("POST", "/v1/customers", #"{"name":"Keyed"}"#, headers: ["Idempotency-Key: k-1"])
            #expect(first.status == 201)
            let elsewhere = try await api.call("POST", "/v1/sales-reps", #"{"name":"Keyed"}"#, headers: ["Idempotency-Key: k-1"])
            #expect(elsewhere.status == 422 && elsewhere.code == "idempotency_key_reused", "\(elsewhere.text)")
            #expect(try await api.call("GET", "/v1/sales-reps").data.isEmpty)
        }
    }

    /// docs/api.md §3 Products and Customers: the list filters.
    @Test func productAndCustomerFilters() async throws {
        try await withAPI { api in
            for (sku, name, active) in [("TEA-1", "Green tea", true), ("TEA-2", "Black tea", false), ("MUG-1", "Mug", true)] {
                #expect(try await api.call("POST", "/v1/products", #"{"sku":"\#(sku)","name":"\#(name)","unit_price":100,"active":\#(active)}"#).status == 201)
            }
            func skus(_ query: String) async throws -> [String] {
                try await api.call("GET", "/v1/products?\(query)").data.compactMap { $0["sku"] as? String }
            }
            #expect(try await skus("q=tea") == ["TEA-1", "TEA-2"])
            #expect(try await skus("q=MUG") == ["MUG-1"])
            #expect(try await skus("active=false") == ["TEA-2"])
            #expect(try await skus("q=tea&active=true") == ["TEA-1"])

            let rep = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Rita"}"#)["id"] as? Int)
            for body in [#"{"name":"Ada","email":"ada@shop.example","phone":"+1 555 0100","sales_rep_id":\#(rep)}"#,
                         #"{"name":"Bob","email":"bob@store.example","phone":"+44 20 7946 0000"}"#] {
                #expect(try await api.call("POST", "/v1/customers", body).status == 201)
            }
            func names(_ query: String) async throws -> [String] {
                try await api.call("GET", "/v1/customers?\(query)").data.compactMap { $0["name"] as? String }
            }
            #expect(try await names("sales_rep_id=\(rep)") == ["Ada"])
            #expect(try await names("q=store.example") == ["Bob"])
            #expect(try await names("q=555%200100") == ["Ada"])
            #expect(try await names("q=7946") == ["Bob"])
        }
    }

    /// docs/api.md §3 Invoices: `customer_id` filter; §3 Sales orders: `partially_paid`.
    @Test func invoicesByCustomerAndAPartiallyPaidOrder() async throws {
        try await withAPI { api in
            let ada = try await api.customer(), bob = try await api.customer()
            let (order, adaInvoice) = try await api.invoicedOrder(customer: ada, price: 1000)
            let (_, bobInvoice) = try await api.invoicedOrder(customer: bob, price: 500)
            #expect(try await api.call("GET", "/v1/invoices?customer_id=\(ada)").data.compactMap { $0["id"] as? Int } == [adaInvoice])
            #expect(try await api.call("GET", "/v1/invoices?customer_id=\(bob)").data.compactMap { $0["id"] as? Int } == [bobInvoice])
            #expect(try await api.call("POST", "/v1/orders/\(order)/payments", #"{"amount":400,"method":"cash"}"#).status == 201)
            let partly = try await api.call("GET", "/v1/orders/\(order)")
            #expect(partly["payment_status"] as? String == "partially_paid" && partly["amount_paid"] as? Int == 400)
            #expect(try await api.call("POST", "/v1/orders/\(order)/payments", #"{"amount":600,"method":"cash"}"#).status == 201)
            #expect(try await api.call("GET", "/v1/orders/\(order)")["payment_status"] as? String == "paid")
        }
    }

    /// docs/api.md §3 Sales orders: `completed` is derived, and a credit note or a return turns it
    /// back to `confirmed`.
    @Test func aCompletedOrderGoesBackToConfirmedAfterACreditNoteOrAReturn() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "10")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":2}]"#)
            func status() async throws -> String { try await api.call("GET", "/v1/orders/\(order)")["status"] as? String ?? "?" }
            let invoice = try #require(try await api.call("POST", "/v1/orders/\(order)/invoices")["id"] as? Int)
            let shipment = try await api.call("POST", "/v1/orders/\(order)/shipments")
            #expect(shipment.status == 201)
            #expect(try await status() == "completed")

            let line = try #require((try await api.call("GET", "/v1/invoices/\(invoice)")["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            let credit = try await api.call("POST", "/v1/invoices/\(invoice)/credit-notes", #"{"lines":[{"invoice_line_id":\#(line),"quantity":1}],"reason":"damaged"}"#)
            #expect(credit.status == 201)
            #expect(try await status() == "confirmed")
            #expect(try await api.call("POST", "/v1/orders/\(order)/invoices").status == 201)
            #expect(try await status() == "completed")

            let shipmentLine = try #require((shipment["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            let shipmentId = try #require(shipment["id"] as? Int)
            let returned = try await api.call("POST", "/v1/shipments/\(shipmentId)/returns", #"{"lines":[{"shipment_line_id":\#(shipmentLine),"quantity":1}],"reason":"wrong size"}"#)
            #expect(returned.status == 201)
            #expect(try await status() == "confirmed")
        }
    }

    /// docs/api.md §3 Shipments: a backordered line ships what stock arrives; asking for more than
    /// its reservation plus unreserved stock is 409 insufficient_stock with the figures.
    @Test func shippingABackorderedLineAndInsufficientStock() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "2")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":5}]"#, extra: #","allow_backorder":true"#)
            let line = try #require(try await api.lineIds(order).first)
            let read = try await api.call("GET", "/v1/orders/\(order)")
            let orderLine = try #require((read["lines"] as? [[String: Any]])?.first)
            #expect(orderLine["quantity_reserved"] as? Int == 2 && orderLine["quantity_backordered"] as? Int == 3)

            let short = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(line),"quantity":3}]}"#)
            #expect(short.status == 409 && short.code == "insufficient_stock", "\(short.text)")
            let detail = try #require((short["errors"] as? [[String: Any]])?.first)
            #expect(detail["requested"] as? Int == 3 && detail["available"] as? Int == 2, "\(short.text)")

            #expect(try await api.call("POST", "/v1/products/\(product)/stock-adjustments", #"{"quantity":3,"reason":"arrived"}"#).status == 201)
            let shipped = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(line),"quantity":5}]}"#)
            #expect(shipped.status == 201, "\(shipped.text)")
            #expect(try await api.stock(product) == #""stock":{"on_hand":0,"reserved":0,"available":0}"#)
            #expect(try await api.call("GET", "/v1/orders/\(order)")["shipment_status"] as? String == "shipped")
        }
    }

    /// docs/api.md §3 Reports: one currency per report; `currency` picks it.
    @Test func reportRowsArePerCurrency() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 1000, extra: #","type":"service","prices":{"JPY":150}"#)
            let dollars = try await api.customer(), yen = try await api.customer(#","currency":"JPY""#)
            for customer in [dollars, yen, yen] {
                let order = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":1}]}"#)
                #expect(order.status == 201, "\(order.text)")
            }
            let columns = ["orders", "total"]
            func totals(_ reply: Reply) -> String {
                let t = reply["totals"] as? [String: Any] ?? [:]
                return "\(reply["currency"] as? String ?? "?") " + columns.map { "\(t[$0] as? Int ?? -1)" }.joined(separator: "|")
            }
            #expect(totals(try await api.call("GET", "/v1/reports/sales?group_by=customer")) == "USD 1|1000")
            #expect(totals(try await api.call("GET", "/v1/reports/sales?group_by=customer&currency=JPY")) == "JPY 2|300")
            #expect(totals(try await api.call("GET", "/v1/reports/sales?currency=EUR")) == "EUR 0|0")
        }
    }

    /// docs/api.md §3 "Events and webhooks": the event types no other test asserted, each written
    /// by the change it names, with the resource it concerns.
    @Test func everyLifecycleChangeWritesItsEvent() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "10")
            let customer = try await api.customer()
            let quote = try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":2}]}"#)["id"] as? Int)
            _ = try await api.call("PATCH", "/v1/quotes/\(quote)", #"{"notes":"edited"}"#)
            _ = try await api.call("POST", "/v1/quotes/\(quote)/send")
            let order = try #require(try await api.call("POST", "/v1/quotes/\(quote)/convert", #"{"confirm":true}"#)["id"] as? Int)
            let declined = try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)["id"] as? Int)
            _ = try await api.call("POST", "/v1/quotes/\(declined)/send")
            _ = try await api.call("POST", "/v1/quotes/\(declined)/decline")
            let canceledQuote = try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)["id"] as? Int)
            _ = try await api.call("POST", "/v1/quotes/\(canceledQuote)/cancel")

            let invoice = try #require(try await api.call("POST", "/v1/orders/\(order)/invoices")["id"] as? Int)
            let credit = try #require(try await api.call("POST", "/v1/invoices/\(invoice)/credit-notes", #"{"reason":"all of it"}"#)["id"] as? Int)
            let invoice2 = try #require(try await api.call("POST", "/v1/orders/\(order)/invoices")["id"] as? Int)
            let payment = try #require(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":50,"method":"check"}"#)["id"] as? Int)
            _ = try await api.call("POST", "/v1/payments/\(payment)/void", #"{"reason":"bounced"}"#)
            _ = try await api.call("POST", "/v1/invoices/\(invoice2)/void", #"{"reason":"wrong"}"#)
            let first = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(try await api.lineIds(order)[0]),"quantity":1}]}"#)
            let shipment = try #require(first["id"] as? Int)
            _ = try await api.call("POST", "/v1/shipments/\(shipment)/deliver")
            let shipmentLine = try #require((first["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            let returned = try #require(try await api.call("POST", "/v1/shipments/\(shipment)/returns", #"{"lines":[{"shipment_line_id":\#(shipmentLine),"quantity":1}]}"#)["id"] as? Int)
            let second = try #require(try await api.call("POST", "/v1/orders/\(order)/shipments")["id"] as? Int)
            _ = try await api.call("POST", "/v1/shipments/\(second)/cancel")
            let draft = try #require(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)["id"] as? Int)
            _ = try await api.call("POST", "/v1/orders/\(draft)/cancel")

            let feed = try await api.call("GET", "/v1/events?limit=200").data
            let seen = Set(feed.map { "\($0["type"] as? String ?? "?") \($0["resource_id"] as? Int ?? -1)" })
            let expected = [
                "stock.adjusted \(product)", "quote.created \(quote)", "quote.updated \(quote)", "quote.sent \(quote)", "quote.accepted \(quote)",
                "quote.declined \(declined)", "quote.canceled \(canceledQuote)", "order.canceled \(draft)", "invoice.voided \(invoice2)",
                "credit_note.created \(credit)", "payment.voided \(payment)", "shipment.created \(shipment)", "shipment.delivered \(shipment)",
                "return.created \(returned)", "shipment.canceled \(second)",
            ]
            for e in expected { #expect(seen.contains(e), "no event \(e)") }
            // Each is the resource as answered after the change.
            let voided = try #require(feed.first { $0["type"] as? String == "invoice.voided" })
            #expect((voided["data"] as? [String: Any])?["status"] as? String == "void" && voided["resource_type"] as? String == "invoice")
        }
    }
}
