import Locking
import Foundation
import GRDB
import Testing
import HTTPTestSupport
import SalesStore

extension TestServer {
    /// A confirmed order of `lines` (JSON array text) for a new customer.
    func confirmedOrder(_ lines: String, customerExtra: String = "", extra: String = "") async throws -> Int {
        let customer = try await customer(customerExtra)
        let reply = try await call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":\#(lines)\#(extra)}"#)
        guard reply.status == 201, let id = reply["id"] as? Int else { throw ClientError(description: "order: \(reply.text)") }
        return id
    }

    func lineIds(_ orderId: Int) async throws -> [Int] {
        ((try await call("GET", "/v1/orders/\(orderId)"))["lines"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    func checkClean() async throws -> [String] {
        try await app.read { db in try IntegrityCheck.run(db) }
    }
}

@Suite struct Invoicing {
    /// Issue 5: "order 5, invoice 3 then 2, then 409 nothing_to_invoice".
    @Test func fiveThenThreeThenTwoThenNothing() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 1000, stock: "10")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":5}]"#, customerExtra: #","payment_terms_days":14"#)
            let line = try #require(try await api.lineIds(order).first)
            let first = try await api.call("POST", "/v1/orders/\(order)/invoices", #"{"lines":[{"order_line_id":\#(line),"quantity":3}],"issue_date":"2026-11-01"}"#)
            #expect(first.status == 201)
            #expect(first["number"] as? String == "INV-000001")
            #expect(first["status"] as? String == "open")
            #expect(first["total"] as? Int == 3000)
            #expect(first["amount_due"] as? Int == 3000)
            #expect(first["issue_date"] as? String == "2026-11-01")
            #expect(first["due_date"] as? String == "2026-11-15")
            #expect(first["overdue"] as? Bool == true)

            let tooMuch = try await api.call("POST", "/v1/orders/\(order)/invoices", #"{"lines":[{"order_line_id":\#(line),"quantity":2.5}]}"#)
            #expect(tooMuch.status == 409)
            #expect(tooMuch.code == "quantity_exceeded")
            #expect(tooMuch.text.contains(#""field":"lines[0].quantity","code":"quantity_exceeded","message":"requested 2.5, remaining 2","line_id":\#(line),"requested":2.5,"remaining":2"#))

            let rest = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(rest.status == 201)
            #expect(rest["number"] as? String == "INV-000002")
            #expect(rest["total"] as? Int == 2000)
            let nothing = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(nothing.status == 409)
            #expect(nothing.code == "nothing_to_invoice")

            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["invoice_status"] as? String == "invoiced")
            #expect(o["amount_invoiced"] as? Int == 5000)
            #expect(o.text.contains(#""quantity_invoiced":5,"quantity_to_ship":5,"quantity_to_invoice":0"#))
            let balance = try #require(o["customer_balance"] as? [String: Any])
            #expect(balance["receivable"] as? Int == 5000)
            #expect(balance["open_orders_amount"] as? Int == 0)
            #expect(balance["net_balance"] as? Int == 5000)
            #expect(try await api.call("POST", "/v1/invoices", "{}").status == 405)
            // Only the first invoice (due 2026-11-15) is open and past due.
            #expect(try await api.call("GET", "/v1/invoices?overdue=true").data.compactMap { $0["number"] as? String } == ["INV-000001"])
            #expect(try await api.call("GET", "/v1/invoices?overdue=false").data.compactMap { $0["number"] as? String } == ["INV-000002"])
            #expect(try await api.call("GET", "/v1/invoices?due_before=2026-11-16").data.compactMap { $0["number"] as? String } == ["INV-000001"])
            #expect(try await api.call("GET", "/v1/invoices?due_before=soon").status == 400)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// Issue 5: "line of 3 at 333 with 10% tax invoiced 1+1+1 sums exactly".
    @Test func oneByOneSumsExactly() async throws {
        try await withAPI { api in
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"10","percent":10}"#)["id"] as? Int)
            let product = try await api.product(price: 333, stock: "3", extra: #","tax_rate_id":\#(tax)"#)
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":3}]"#)
            let line = try #require(try await api.lineIds(order).first)
            var totals: [Int] = []
            var taxes: [Int] = []
            for _ in 0..<3 {
                let inv = try await api.call("POST", "/v1/orders/\(order)/invoices", #"{"lines":[{"order_line_id":\#(line),"quantity":1}]}"#)
                totals.append(try #require(inv["total"] as? Int))
                taxes.append(try #require(inv["tax_total"] as? Int))
            }
            #expect(totals == [366, 366, 367])
            #expect(taxes == [33, 33, 34])
            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["total"] as? Int == 1099)
            #expect(totals.reduce(0, +) == 1099)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// Issue 5: "void then re-invoice".
    @Test func voidReturnsQuantitiesAndReinvoiceMatches() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 250, stock: "4")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices")
            let id = try #require(invoice["id"] as? Int)
            // The order cannot be canceled while an invoice is open.
            #expect(try await api.call("POST", "/v1/orders/\(order)/cancel").code == "invalid_state")
            let voided = try await api.call("POST", "/v1/invoices/\(id)/void", #"{"reason":"wrong address"}"#)
            #expect(voided.status == 200)
            #expect(voided["status"] as? String == "void")
            #expect(voided["amount_due"] as? Int == 0)
            #expect(try await api.call("POST", "/v1/invoices/\(id)/void").code == "invalid_state")
            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["invoice_status"] as? String == "not_invoiced")
            #expect((o["customer_balance"] as? [String: Any])?["receivable"] as? Int == 0)
            #expect((o["customer_balance"] as? [String: Any])?["open_orders_amount"] as? Int == 1000)
            let again = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(again["number"] as? String == "INV-000002")
            #expect(again["total"] as? Int == 1000)
            #expect(try await api.call("GET", "/v1/invoices?status=void").data.compactMap { $0["id"] as? Int } == [id])
            #expect(try await api.call("GET", "/v1/invoices?order_id=\(order)&status=open").data.count == 1)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    @Test func draftOrdersAndDeliveredPolicy() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let delivered = try await api.product(price: 100, stock: "5", extra: #","invoice_policy":"delivered""#)
            let draft = try #require(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(delivered),"quantity":2}]}"#)["id"] as? Int)
            #expect(try await api.call("POST", "/v1/orders/\(draft)/invoices").code == "invalid_state")
            // Under the delivered policy nothing is invoiceable before shipping.
            let confirmed = try await api.call("POST", "/v1/orders/\(draft)/confirm")
            #expect(confirmed.text.contains(#""quantity_to_invoice":0"#))
            #expect(try await api.call("POST", "/v1/orders/\(draft)/invoices").code == "nothing_to_invoice")
            let line = try #require(try await api.lineIds(draft).first)
            #expect(try await api.call("POST", "/v1/orders/\(draft)/invoices", #"{"lines":[{"order_line_id":\#(line),"quantity":1}]}"#).code == "quantity_exceeded")
            #expect(try await api.call("POST", "/v1/orders/\(draft)/invoices", #"{"lines":[{"order_line_id":999,"quantity":1}]}"#).errorFields == ["lines[0].order_line_id"])
        }
    }

    @Test func autoInvoiceCreatesTheFullInvoiceWithConfirmation() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 1999, stock: "5")
            let order = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"source":"pos","confirm":true,"auto_invoice":true,"lines":[{"product_id":\#(product),"quantity":2}]}"#)
            #expect(order.status == 201)
            #expect(order["invoice_status"] as? String == "invoiced")
            #expect(order["amount_invoiced"] as? Int == 3998)
            let invoices = try await api.call("GET", "/v1/invoices?order_id=\(try #require(order["id"] as? Int))")
            #expect(invoices.data.count == 1)
            #expect(invoices.data.first?["total"] as? Int == 3998)
            #expect(try await api.checkClean().isEmpty)
        }
    }
}

@Suite struct InvoiceIntegrity {
    /// Issue 5 item 6: a row corrupted behind the server's back is reported by check.
    @Test func checkReportsInvoiceCounterDrift() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "2")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":2}]"#)
            _ = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(try await api.checkClean().isEmpty)
            let line = try #require(try await api.lineIds(order).first)
            try await api.app.writeDirect { db in
                try db.execute("UPDATE order_lines SET quantity_invoiced = 1000 WHERE id = ?", [line])
            }
            let breaches = try await api.checkClean()
            #expect(breaches.contains("order line \(line): quantity_invoiced 1000 ≠ invoices 2000"))
        }
    }
}

/// Issue 5 item 5: clients racing to invoice the last units never exceed the ordered quantity.
@Suite struct InvoiceRace {
    @Test func racingInvoicesNeverExceedTheOrder() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "10")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":10}]"#)
            let line = try #require(try await api.lineIds(order).first)
            let all = try await api.race(Array(repeating: ("POST", "/v1/orders/\(order)/invoices",
                                                           #"{"lines":[{"order_line_id":\#(line),"quantity":1}]}"#), count: 24))
            #expect(all.count == 24)
            #expect(all.filter { $0 == 201 }.count == 10)
            #expect(all.filter { $0 == 409 }.count == 14)
            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["amount_invoiced"] as? Int == 1000)
            #expect(try await api.checkClean().isEmpty)
        }
    }
}
