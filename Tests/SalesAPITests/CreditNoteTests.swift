import Foundation
import Testing
import SalesStore

@Suite struct CreditNotes {
    @Test func creditReducesDueAndQuantitiesBecomeInvoiceableAgain() async throws {
        try await withAPI { api in
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"10","percent":10}"#)["id"] as? Int)
            let product = try await api.product(price: 333, stock: "3", extra: #","tax_rate_id":\#(tax)"#)
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":3}]"#)
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(invoice["total"] as? Int == 1099)
            let invoiceId = try #require(invoice["id"] as? Int)
            let invoiceLine = try #require((invoice["lines"] as? [[String: Any]])?.first?["id"] as? Int)

            #expect(try await api.call("POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"lines":[{"invoice_line_id":\#(invoiceLine),"quantity":1}]}"#).errorFields == ["reason"])
            let note = try await api.call("POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"lines":[{"invoice_line_id":\#(invoiceLine),"quantity":1}],"reason":"one arrived broken"}"#)
            #expect(note.status == 201)
            #expect(note["number"] as? String == "CN-000001")
            #expect(note["total"] as? Int == 366)
            let credited = try await api.call("GET", "/v1/invoices/\(invoiceId)")
            #expect(credited["amount_credited"] as? Int == 366)
            #expect(credited["amount_due"] as? Int == 733)
            #expect(credited["status"] as? String == "open")
            #expect(credited.text.contains(#""credit_notes":[{"id":1,"number":"CN-000001","total":366}]"#))
            #expect(credited.text.contains(#""quantity_credited":1"#))

            // The credited unit is invoiceable again, and re-invoicing it sums exactly.
            var o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["invoice_status"] as? String == "partially_invoiced")
            #expect(o["amount_invoiced"] as? Int == 733)
            #expect((o["customer_balance"] as? [String: Any])?["receivable"] as? Int == 733)
            let again = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(again["total"] as? Int == 366)
            o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["amount_invoiced"] as? Int == 1099)

            // Over-crediting is refused; crediting the rest takes exactly what remains.
            let over = try await api.call("POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"lines":[{"invoice_line_id":\#(invoiceLine),"quantity":3}],"reason":"x"}"#)
            #expect(over.code == "quantity_exceeded")
            #expect(over.text.contains(#""requested":3,"remaining":2"#))
            let rest = try await api.call("POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"reason":"order returned"}"#)
            #expect(rest["total"] as? Int == 733)
            let full = try await api.call("GET", "/v1/invoices/\(invoiceId)")
            #expect(full["amount_due"] as? Int == 0)
            #expect(full["amount_credited"] as? Int == 1099)
            #expect(full["status"] as? String == "paid")
            #expect(try await api.call("POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"reason":"again"}"#).code == "invalid_state")
            #expect(try await api.call("GET", "/v1/credit-notes?invoice_id=\(invoiceId)").data.count == 2)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    @Test func voidInvoicesCannotBeCreditedAndVoidAfterCreditReturnsTheRest() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "4")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices")
            let id = try #require(invoice["id"] as? Int)
            let line = try #require((invoice["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await api.call("POST", "/v1/invoices/\(id)/credit-notes", #"{"lines":[{"invoice_line_id":\#(line),"quantity":1}],"reason":"r"}"#)
            _ = try await api.call("POST", "/v1/invoices/\(id)/void")
            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["amount_invoiced"] as? Int == 0)
            #expect(o["invoice_status"] as? String == "not_invoiced")
            #expect(try await api.call("POST", "/v1/invoices/\(id)/credit-notes", #"{"reason":"late"}"#).code == "invalid_state")
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3 Sales orders `payment_status`: a credit note lowers what the order asks, but
    /// re-invoicing the credited quantity asks for it again — the order is not paid while one of its
    /// invoices is still due. A void invoice's credit notes count for nothing: voiding made its
    /// whole quantity invoiceable again.
    @Test func anOrderIsPaidOnlyWhenItsInvoicesAre() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "8")
            func paymentStatus(_ order: Int) async throws -> String? {
                try await api.call("GET", "/v1/orders/\(order)")["payment_status"] as? String
            }
            func pay(_ order: Int, _ amount: Int) async throws {
                #expect(try await api.call("POST", "/v1/orders/\(order)/payments", #"{"amount":\#(amount),"method":"cash"}"#).status == 201)
            }
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices")
            let id = try #require(invoice["id"] as? Int)
            let line = try #require((invoice["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect(try await api.call("POST", "/v1/invoices/\(id)/credit-notes", #"{"lines":[{"invoice_line_id":\#(line),"quantity":1}],"reason":"r"}"#).status == 201)
            try await pay(order, 300)
            #expect(try await paymentStatus(order) == "paid")
            let again = try #require(try await api.call("POST", "/v1/orders/\(order)/invoices")["id"] as? Int)
            #expect(try await api.call("GET", "/v1/invoices/\(again)")["amount_due"] as? Int == 100)
            #expect(try await paymentStatus(order) == "partially_paid")
            try await pay(order, 100)
            #expect(try await paymentStatus(order) == "paid")

            let voided = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            let first = try await api.call("POST", "/v1/orders/\(voided)/invoices")
            let firstId = try #require(first["id"] as? Int)
            let firstLine = try #require((first["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect(try await api.call("POST", "/v1/invoices/\(firstId)/credit-notes", #"{"lines":[{"invoice_line_id":\#(firstLine),"quantity":1}],"reason":"r"}"#).status == 201)
            #expect(try await api.call("POST", "/v1/invoices/\(firstId)/void", #"{"reason":"wrong"}"#).status == 200)
            #expect(try await api.call("POST", "/v1/orders/\(voided)/invoices")["total"] as? Int == 400)
            try await pay(voided, 300)
            #expect(try await paymentStatus(voided) == "partially_paid")
            try await pay(voided, 100)
            #expect(try await paymentStatus(voided) == "paid")
            #expect(try await api.checkClean().isEmpty)
        }
    }
}
