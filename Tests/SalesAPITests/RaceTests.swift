import Testing

/// Many clients racing on the same document through the write routes (issue #10 item 2): the
/// number of 2xx is exactly what the rules allow, the losers get 409, and the invariants of
/// docs/api.md §4 hold afterwards. (Invoices, shipments, reservations and credit have their own race
/// tests beside their features.)
@Suite struct WriteRouteRaces {
    /// `n` identical requests at once (`TestServer.race`); their statuses, sorted.
    func race(_ api: TestServer, _ n: Int, _ method: String, _ path: String, _ body: String = "{}") async throws -> [Int] {
        try await api.race(Array(repeating: (method, path, body), count: n)).sorted()
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

    /// The routes the first test leaves out: quote transitions, returns, payment voids, shipment
    /// transitions, clock-in, optimistic-concurrency PATCHes and deletes racing a reference.
    @Test func transitionsAndConditionalWritesHappenOnce() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 500, stock: "50")

            // A sent quote: 10 converts and 6 declines at once; exactly one of all 16 wins.
            let quote = try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":2}]}"#)["id"] as? Int)
            #expect(try await api.call("POST", "/v1/quotes/\(quote)/send").status == 200)
            let quoteRace = try await api.race(Array(repeating: ("POST", "/v1/quotes/\(quote)/convert", #"{"confirm":true}"#), count: 10)
                                          + Array(repeating: ("POST", "/v1/quotes/\(quote)/decline", "{}"), count: 6))
            #expect(quoteRace.filter { $0 == 201 || $0 == 200 }.count == 1 && count(quoteRace, 409) == 15, "\(quoteRace)")
            let orders = try await api.call("GET", "/v1/orders?customer_id=\(customer)").data
            let converted = quoteRace.prefix(10).contains(201)
            #expect(orders.count == (converted ? 1 : 0), "one order at most from one quote")

            // Deliver and cancel race on a shipment: one of 8 wins.
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let shipmentId = try #require(try await api.call("POST", "/v1/orders/\(order)/shipments")["id"] as? Int)
            let transitions = try await api.race((0..<8).map { i in ("POST", "/v1/shipments/\(shipmentId)/\(i % 2 == 0 ? "deliver" : "cancel")", "{}") })
            #expect(count(transitions, 200) == 1 && count(transitions, 409) == 7, "\(transitions)")

            // A delivered shipment of 4 (its own, whoever won above): returns of one unit, 10 at once, 4 fit.
            let returnOrder = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let shipment = try await api.call("POST", "/v1/orders/\(returnOrder)/shipments")
            let returnShipment = try #require(shipment["id"] as? Int, "\(shipment.text)")
            let shipmentLine = try #require((shipment["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect(try await api.call("POST", "/v1/shipments/\(returnShipment)/deliver").status == 200)
            let returns = try await race(api, 10, "POST", "/v1/shipments/\(returnShipment)/returns", #"{"lines":[{"shipment_line_id":\#(shipmentLine),"quantity":1}]}"#)
            #expect(count(returns, 201) == 4 && count(returns, 409) == 6, "\(returns)")

            // A payment voided by 8 clients at once: once.
            let invoiceOrder = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":1}]"#)
            let invoiceReply = try await api.call("POST", "/v1/orders/\(invoiceOrder)/invoices", "{}")
            let invoice = try #require(invoiceReply["id"] as? Int)
            let payer = try #require(invoiceReply["customer_id"] as? Int)
            let payment = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(payer),"amount":500,"method":"cash","allocations":[{"invoice_id":\#(invoice),"amount":500}]}"#)
            let paymentId = try #require(payment["id"] as? Int, "\(payment.text)")
            let voids = try await race(api, 8, "POST", "/v1/payments/\(paymentId)/void", #"{"reason":"race"}"#)
            #expect(count(voids, 200) == 1 && count(voids, 409) == 7, "\(voids)")

            // One open shift per rep: 8 clock-ins at once, one opens.
            let rep = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Racer"}"#)["id"] as? Int)
            let shifts = try await race(api, 8, "POST", "/v1/sales-reps/\(rep)/clock-in")
            #expect(count(shifts, 201) == 1 && count(shifts, 409) == 7, "\(shifts)")

            // PATCH with the same If-Match from 10 clients: one applies, 9 see a changed version.
            let patches = try await api.race((0..<10).map { i in ("PATCH", "/v1/customers/\(customer)", #"{"phone":"555-\#(i)"}"#, [#"If-Match: "1""#]) })
            #expect(count(patches, 200) == 1 && count(patches, 412) == 9, "\(patches)")
            let winner = try #require(patches.firstIndex(of: 200))
            let patched = try await api.call("GET", "/v1/customers/\(customer)")
            #expect(patched["phone"] as? String == "555-\(winner)" && patched["version"] as? Int == 2, "\(patched.text)")
            let productVersion = try #require(try await api.call("GET", "/v1/products/\(product)")["version"] as? Int)
            let productPatches = try await api.race((0..<6).map { i in ("PATCH", "/v1/products/\(product)", #"{"unit_price":\#(600 + i)}"#, [#"If-Match: "\#(productVersion)""#]) })
            #expect(count(productPatches, 200) == 1 && count(productPatches, 412) == 5, "\(productPatches)")

            // Deleting a customer while orders are created for it: either the delete wins and
            // every order is refused, or some orders win and the delete is refused (in use).
            let fresh = try await api.customer()
            let orderBody = #"{"customer_id":\#(fresh),"lines":[{"product_id":\#(product),"quantity":1}]}"#
            let mixed = try await api.race([("DELETE", "/v1/customers/\(fresh)", "")]
                                       + Array(repeating: ("POST", "/v1/orders", orderBody), count: 6))
            let created = mixed.dropFirst().filter { $0 == 201 }.count
            if mixed[0] == 204 {
                #expect(created == 0, "\(mixed)")
                #expect(try await api.call("GET", "/v1/customers/\(fresh)").status == 404)
            } else {
                #expect(mixed[0] == 409 && created >= 1, "\(mixed)")
            }
            let left = try await api.call("GET", "/v1/orders?customer_id=\(fresh)").data.count
            #expect(left == created)

            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// The rest of the write routes: confirm, clock-out, order payments, every PATCH guarded by
    /// If-Match, and deletes — each raced by several clients at once.
    @Test func theRemainingRoutesLetOneWinOrAllAddUp() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 300, stock: "20")
            func version(_ path: String) async throws -> Int {
                try #require(try await api.call("GET", path)["version"] as? Int, "\(path) has no version")
            }
            /// Six PATCHes of `path` with the current version: exactly one applies.
            func patchRace(_ path: String, _ bodies: (Int) -> String) async throws {
                let current = try await version(path)
                let statuses = try await api.race((0..<6).map { i in ("PATCH", path, bodies(i), [#"If-Match: "\#(current)""#]) })
                #expect(count(statuses, 200) == 1 && count(statuses, 412) == 5, "\(path): \(statuses)")
                #expect(try await version(path) == current + 1, "\(path)")
            }

            // A draft confirmed by 8 clients: once; its reservation once.
            let draft = try #require(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":3}]}"#)["id"] as? Int)
            try await patchRace("/v1/orders/\(draft)") { #"{"notes":"edit \#($0)"}"# }
            let confirms = try await race(api, 8, "POST", "/v1/orders/\(draft)/confirm")
            #expect(count(confirms, 200) == 1 && count(confirms, 409) == 7, "\(confirms)")
            let stock = try await api.call("GET", "/v1/products/\(product)")["stock"] as? [String: Any]
            #expect(stock?["reserved"] as? Int == 3, "\(String(describing: stock))")

            // Payments for the same order, 8 at once: all are taken, the invoice is paid once and
            // the rest is the customer's credit (docs/api.md §3 Payments, §4 invariants).
            let invoice = try #require(try await api.call("POST", "/v1/orders/\(draft)/invoices", "{}")["id"] as? Int)
            let payments = try await race(api, 8, "POST", "/v1/orders/\(draft)/payments", #"{"amount":900,"method":"card"}"#)
            #expect(count(payments, 201) == 8, "\(payments)")
            #expect(try await api.invoiceState(invoice) == "paid paid 900 credited 0 due 0")
            #expect(try await api.balance(customer)["credit_balance"] == 7 * 900)

            // Guarded PATCHes on every other versioned resource.
            let quote = try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)["id"] as? Int)
            try await patchRace("/v1/quotes/\(quote)") { #"{"notes":"quote \#($0)"}"# }
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"Race","percent":5}"#)["id"] as? Int)
            try await patchRace("/v1/tax-rates/\(tax)") { #"{"name":"Race \#($0)"}"# }
            let rep = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Rep"}"#)["id"] as? Int)
            try await patchRace("/v1/sales-reps/\(rep)") { #"{"name":"Rep \#($0)"}"# }
            let hook = try #require(try await api.call("POST", "/v1/webhook-endpoints", #"{"url":"http://hooks.invalid/hook"}"#)["id"] as? Int)
            try await patchRace("/v1/webhook-endpoints/\(hook)") { #"{"url":"http://hooks.invalid/hook\#($0)"}"# }
            let payment = try #require(try await api.call("GET", "/v1/payments?customer_id=\(customer)").data.first?["id"] as? Int)
            try await patchRace("/v1/payments/\(payment)") { #"{"reference":"R-\#($0)"}"# }
            try await patchRace("/v1/settings/accounting") { #"{"cash":"10\#($0)"}"# }

            // One open shift closed by 8 clients: once.
            #expect(try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in").status == 201)
            let clockOuts = try await race(api, 8, "POST", "/v1/sales-reps/\(rep)/clock-out")
            #expect(count(clockOuts, 200) == 1 && count(clockOuts, 409) == 7, "\(clockOuts)")

            // Deletes: one 204, the rest find nothing.
            let unused = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"Unused","percent":1}"#)["id"] as? Int)
            let deletes = try await race(api, 6, "DELETE", "/v1/tax-rates/\(unused)", "")
            #expect(count(deletes, 204) == 1 && count(deletes, 404) == 5, "\(deletes)")
            let key = try #require(try await api.call("POST", "/v1/api-keys", #"{"name":"race","role":"readonly"}"#)["id"] as? Int)
            // Revoking is idempotent (docs/api.md §2: the key answers with its record): all six are
            // 200 and the first revocation's time stands.
            let revokes = try await race(api, 6, "DELETE", "/v1/api-keys/\(key)", "")
            #expect(count(revokes, 200) == 6, "\(revokes)")
            let revokedAt = try await api.call("GET", "/v1/api-keys").data.first { $0["id"] as? Int == key }?["revoked_at"] as? String
            #expect(revokedAt != nil)
            #expect(try await api.call("DELETE", "/v1/api-keys/\(key)")["revoked_at"] as? String == revokedAt)

            #expect(try await api.checkClean().isEmpty)
        }
    }
}
