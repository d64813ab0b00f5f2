import Foundation
import Testing
import HTTPTestSupport

extension TestServer {
    /// A confirmed order for `customer` of one service line at `price`, invoiced whole; returns
    /// (order id, invoice id).
    func invoicedOrder(customer: Int, price: Int, issueDate: String? = nil) async throws -> (order: Int, invoice: Int) {
        let product = try await product(price: price, extra: #","type":"service""#)
        let order = try await call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":1}]}"#)
        let orderId = try #require(order["id"] as? Int, "order: \(order.text)")
        let body = issueDate.map { #"{"issue_date":"\#($0)"}"# }
        let invoice = try await call("POST", "/v1/orders/\(orderId)/invoices", body)
        return (orderId, try #require(invoice["id"] as? Int, "invoice: \(invoice.text)"))
    }

    func balance(_ customer: Int) async throws -> [String: Int] {
        (try await call("GET", "/v1/customers/\(customer)/balance")).json.compactMapValues { $0 as? Int }
    }

    /// (type, amount, balance_after) of every ledger entry, oldest first.
    func ledger(_ customer: Int) async throws -> [String] {
        (try await call("GET", "/v1/customers/\(customer)/ledger?limit=200")).data.map {
            "\($0["type"] as? String ?? "?") \($0["number"] as? String ?? "?") \($0["amount"] as? Int ?? 0) → \($0["balance_after"] as? Int ?? 0)"
        }
    }

    func invoiceState(_ id: Int) async throws -> String {
        let i = try await call("GET", "/v1/invoices/\(id)")
        return "\(i["status"] as? String ?? "?") paid \(i["amount_paid"] as? Int ?? -1) credited \(i["amount_credited"] as? Int ?? -1) due \(i["amount_due"] as? Int ?? -1)"
    }
}

@Suite struct Payments {
    /// docs/api.md §3: no allocations → open invoices oldest due date first; the rest → credit_balance.
    @Test func automaticAllocationPaysOldestDueFirstAndKeepsTheRestAsCredit() async throws {
        try await withAPI { api in
            let customer = try await api.customer(#","payment_terms_days":10"#)
            let newer = try await api.invoicedOrder(customer: customer, price: 300, issueDate: "2026-11-10")
            let older = try await api.invoicedOrder(customer: customer, price: 500, issueDate: "2026-11-01")
            let third = try await api.invoicedOrder(customer: customer, price: 1000, issueDate: "2026-11-20")
            #expect(try await api.balance(customer)["receivable"] == 1800)

            let payment = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":700,"currency":"USD","method":"bank_transfer","reference":"TRX-1"}"#)
            #expect(payment.status == 201)
            #expect(payment["number"] as? String == "PAY-000001")
            #expect(payment["amount_allocated"] as? Int == 700)
            #expect(payment["amount_unallocated"] as? Int == 0)
            let allocations = (payment["allocations"] as? [[String: Any]] ?? []).map { "\($0["invoice_id"] as? Int ?? 0):\($0["amount"] as? Int ?? 0)" }
            #expect(allocations == ["\(older.invoice):500", "\(newer.invoice):200"])
            #expect(try await api.invoiceState(older.invoice) == "paid paid 500 credited 0 due 0")
            #expect(try await api.invoiceState(newer.invoice) == "open paid 200 credited 0 due 100")
            #expect(try await api.invoiceState(third.invoice) == "open paid 0 credited 0 due 1000")

            let overpay = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1500,"method":"cash"}"#)
            #expect(overpay["number"] as? String == "PAY-000002")
            #expect(overpay["amount_allocated"] as? Int == 1100)
            #expect(overpay["amount_unallocated"] as? Int == 400)
            #expect(try await api.balance(customer) == ["receivable": 0, "credit_balance": 400, "net_balance": -400, "open_orders_amount": 0])

            let order = try await api.call("GET", "/v1/orders/\(newer.order)")
            #expect(order["amount_paid"] as? Int == 300)
            #expect(order["payment_status"] as? String == "paid")
            #expect(try await api.ledger(customer) == [
                "invoice INV-000001 300 → 300", "invoice INV-000002 500 → 800", "invoice INV-000003 1000 → 1800",
                "payment PAY-000001 -700 → 1100", "payment PAY-000002 -1500 → -400",
            ])
            let invoice = try await api.call("GET", "/v1/invoices/\(newer.invoice)")
            #expect(invoice.text.contains(#""allocations":[{"id":2,"source":"payment","payment_id":1,"payment_number":"PAY-000001","invoice_id":\#(newer.invoice),"invoice_number":"INV-000001","amount":200,"amount_original":200"#))
            #expect(try await api.call("GET", "/v1/payments?customer_id=\(customer)&method=cash").data.count == 1)
            #expect(try await api.call("GET", "/v1/payments?invoice_id=\(newer.invoice)").data.count == 2)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3: another customer's, a void or a paid invoice, or a sum over amount → 422;
    /// one over amount_due → 409 quantity_exceeded; currency must be the customer's.
    @Test func explicitAllocationsAreCheckedBeforeAnythingIsWritten() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let other = try await api.customer()
            let open = try await api.invoicedOrder(customer: customer, price: 500)
            let paid = try await api.invoicedOrder(customer: customer, price: 100)
            let void = try await api.invoicedOrder(customer: customer, price: 100)
            let foreign = try await api.invoicedOrder(customer: other, price: 100)
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":100,"method":"card","allocations":[{"invoice_id":\#(paid.invoice),"amount":100}]}"#)
            _ = try await api.call("POST", "/v1/invoices/\(void.invoice)/void")

            func pay(_ allocations: String, amount: Int = 1000, extra: String = "") async throws -> Reply {
                try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":\#(amount),"method":"check"\#(extra),"allocations":\#(allocations)}"#)
            }
            let wrong = try await pay(#"[{"invoice_id":\#(foreign.invoice),"amount":10},{"invoice_id":\#(void.invoice),"amount":10},{"invoice_id":\#(paid.invoice),"amount":10},{"invoice_id":999,"amount":10}]"#)
            #expect(wrong.status == 422)
            #expect(wrong.errorFields == ["allocations[0].invoice_id", "allocations[1].invoice_id", "allocations[2].invoice_id", "allocations[3].invoice_id"])
            #expect(wrong.errorCodes == ["other_customer", "invoice_void", "invoice_paid", "not_found"])
            let overSum = try await pay(#"[{"invoice_id":\#(open.invoice),"amount":300}]"#, amount: 200)
            #expect(overSum.status == 422)
            #expect(overSum.errorFields == ["allocations"])
            let overDue = try await pay(#"[{"invoice_id":\#(open.invoice),"amount":600}]"#)
            #expect(overDue.status == 409)
            #expect(overDue.code == "quantity_exceeded")
            #expect(overDue.text.contains(#""field":"allocations[0].amount","code":"quantity_exceeded""#))
            #expect(overDue.text.contains(#""invoice_id":\#(open.invoice),"requested":600,"remaining":500"#))
            let twice = try await pay(#"[{"invoice_id":\#(open.invoice),"amount":1},{"invoice_id":\#(open.invoice),"amount":1}]"#)
            #expect(twice.errorCodes == ["duplicate"])
            #expect(try await pay("[]", extra: #","currency":"EUR""#).errorFields == ["currency"])
            let bad = try await api.call("POST", "/v1/payments", #"{"customer_id":999,"amount":0,"method":"barter","received_at":"yesterday"}"#)
            #expect(Set(bad.errorFields) == ["amount", "method", "received_at"])
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":999,"amount":5,"method":"cash"}"#).errorFields == ["customer_id"])
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1.5,"method":"cash"}"#).errorCodes == ["not_an_integer"])
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1e-1,"method":"cash"}"#).errorCodes == ["not_an_integer"])
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1e19,"method":"cash"}"#).errorCodes == ["not_an_integer"])

            // Nothing of the refused payments was written: no number taken, nothing moved.
            #expect(try await api.invoiceState(open.invoice) == "open paid 0 credited 0 due 500")
            let onAccount = try await pay("[]", amount: 250, extra: #","received_at":"2026-11-20T09:30:00+01:00""#)
            #expect(onAccount["number"] as? String == "PAY-000002")
            #expect(onAccount["received_at"] as? String == "2026-11-20T08:30:00.000Z")
            #expect(try await api.balance(customer)["credit_balance"] == 250)
            // A whole number is an integer however it is written (RFC 8259 §6; JSON Schema "integer").
            for (written, number) in [("2.5e2", "PAY-000003"), ("250.000", "PAY-000004")] {
                let whole = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":\#(written),"method":"cash"}"#)
                #expect(whole.status == 201)
                #expect(whole["number"] as? String == number)
                #expect(whole["amount"] as? Int == 250)
            }
            // Both went, oldest due first, to the open invoice's 500.
            #expect(try await api.invoiceState(open.invoice) == "paid paid 500 credited 0 due 0")
            #expect(try await api.balance(customer)["credit_balance"] == 250)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// The README walkthrough: pay an order, void its invoice, see the outstanding credit,
    /// apply it to the next invoice (docs/api.md §3 Invoices void, Payments apply-credit).
    @Test func voidingAPaidInvoiceMovesThePaymentToCreditWhichPaysTheNextInvoice() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let first = try await api.invoicedOrder(customer: customer, price: 1200)
            let paid = try await api.call("POST", "/v1/orders/\(first.order)/payments", #"{"amount":1200,"method":"card","reference":"POS-7"}"#)
            #expect(paid.status == 201)
            #expect(paid["order_id"] as? Int == first.order)
            #expect(try await api.invoiceState(first.invoice) == "paid paid 1200 credited 0 due 0")
            #expect((try await api.call("GET", "/v1/orders/\(first.order)"))["payment_status"] as? String == "paid")

            let voided = try await api.call("POST", "/v1/invoices/\(first.invoice)/void", #"{"reason":"wrong address"}"#)
            #expect(voided["status"] as? String == "void")
            #expect(voided["amount_paid"] as? Int == 0)
            #expect(voided["amount_due"] as? Int == 0)
            #expect(try await api.balance(customer) == ["receivable": 0, "credit_balance": 1200, "net_balance": -1200, "open_orders_amount": 1200])
            let order = try await api.call("GET", "/v1/orders/\(first.order)")
            #expect(order["amount_paid"] as? Int == 0)
            #expect(order["payment_status"] as? String == "unpaid")
            #expect((order["customer_balance"] as? [String: Any])?["credit_balance"] as? Int == 1200)
            let payment = try await api.call("GET", "/v1/payments/\(try #require(paid["id"] as? Int))")
            #expect(payment["amount_allocated"] as? Int == 0)
            #expect(payment["amount_unallocated"] as? Int == 1200)

            let reinvoiced = try await api.call("POST", "/v1/orders/\(first.order)/invoices")
            let next = try #require(reinvoiced["id"] as? Int)
            #expect(reinvoiced["amount_due"] as? Int == 1200)
            let over = try await api.call("POST", "/v1/invoices/\(next)/apply-credit", #"{"amount":1300}"#)
            #expect(over.code == "quantity_exceeded")
            #expect(over.errorFields == ["amount", "amount"])
            let applied = try await api.call("POST", "/v1/invoices/\(next)/apply-credit", #"{"amount":200}"#)
            #expect(applied.status == 200)
            #expect(applied["amount_due"] as? Int == 1000)
            #expect(applied.text.contains(#""source":"credit","payment_id":null,"payment_number":null"#))
            let rest = try await api.call("POST", "/v1/invoices/\(next)/apply-credit")
            #expect(rest["status"] as? String == "paid")
            #expect(try await api.call("POST", "/v1/invoices/\(next)/apply-credit").code == "invalid_state")
            #expect(try await api.balance(customer) == ["receivable": 0, "credit_balance": 0, "net_balance": 0, "open_orders_amount": 0])
            #expect(try await api.ledger(customer) == [
                "invoice INV-000001 1200 → 1200", "payment PAY-000001 -1200 → 0", "invoice_void INV-000001 -1200 → -1200",
                "invoice INV-000002 1200 → 0",
            ])
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3 Credit notes: the credit reduces amount_due first; the excess comes off the
    /// payments and becomes credit.
    @Test func creditNoteBeyondAmountDueMovesTheExcessToCredit() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 250, extra: #","type":"service""#)
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":4}]"#)
            _ = customer
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices")
            let id = try #require(invoice["id"] as? Int)
            let buyer = try #require(invoice["customer_id"] as? Int)
            let line = try #require((invoice["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(buyer),"amount":800,"method":"cash"}"#)
            #expect(try await api.invoiceState(id) == "open paid 800 credited 0 due 200")
            let note = try await api.call("POST", "/v1/invoices/\(id)/credit-notes", #"{"lines":[{"invoice_line_id":\#(line),"quantity":2}],"reason":"two returned"}"#)
            #expect(note["total"] as? Int == 500)
            #expect(try await api.invoiceState(id) == "paid paid 500 credited 500 due 0")
            #expect(try await api.balance(buyer)["credit_balance"] == 300)
            #expect(try await api.balance(buyer)["net_balance"] == -300)
            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["amount_paid"] as? Int == 500)
            #expect(o["payment_status"] as? String == "paid")
            #expect(try await api.ledger(buyer) == ["invoice INV-000001 1000 → 1000", "payment PAY-000001 -800 → 200", "credit_note CN-000001 -500 → -300"])
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3: voiding a payment undoes its allocations (invoices reopen); when its
    /// unallocated part was already used elsewhere → 409 invalid_state.
    @Test func paymentVoidReopensInvoicesAndRefusesWhenItsCreditWasUsed() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let a = try await api.invoicedOrder(customer: customer, price: 400)
            let payment = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1000,"method":"check","reference":"CHK 88"}"#)
            let paymentId = try #require(payment["id"] as? Int)
            #expect(try await api.balance(customer)["credit_balance"] == 600)
            let b = try await api.invoicedOrder(customer: customer, price: 500)
            _ = try await api.call("POST", "/v1/invoices/\(b.invoice)/apply-credit")
            #expect(try await api.balance(customer)["credit_balance"] == 100)
            let refused = try await api.call("POST", "/v1/payments/\(paymentId)/void", #"{"reason":"bounced"}"#)
            #expect(refused.status == 409)
            #expect(refused.code == "invalid_state")
            #expect(try await api.call("GET", "/v1/payments/\(paymentId)")["status"] as? String == "posted")

            // Once the credit is back (the invoice it paid is voided) the void goes through.
            _ = try await api.call("POST", "/v1/invoices/\(b.invoice)/void")
            #expect(try await api.balance(customer)["credit_balance"] == 600)
            let version = try #require(try await api.call("GET", "/v1/payments/\(paymentId)")["version"] as? Int)
            #expect(try await api.call("POST", "/v1/payments/\(paymentId)/void", headers: ["If-Match: \"\(version + 5)\""]).status == 412)
            let voided = try await api.call("POST", "/v1/payments/\(paymentId)/void", #"{"reason":"bounced"}"#, headers: ["If-Match: \"\(version)\""])
            #expect(voided.status == 200)
            #expect(voided["status"] as? String == "void")
            #expect(voided["void_reason"] as? String == "bounced")
            #expect(voided["amount_allocated"] as? Int == 0)
            #expect(try await api.invoiceState(a.invoice) == "open paid 0 credited 0 due 400")
            #expect(try await api.balance(customer) == ["receivable": 400, "credit_balance": 0, "net_balance": 400, "open_orders_amount": 500])
            #expect(try await api.call("POST", "/v1/payments/\(paymentId)/void").code == "invalid_state")
            #expect(try await api.ledger(customer) == [
                "invoice INV-000001 400 → 400", "payment PAY-000001 -1000 → -600", "invoice INV-000002 500 → -100",
                "invoice_void INV-000002 -500 → -600", "payment_void PAY-000001 1000 → 400",
            ])
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3: a prepayment before any invoice goes to credit_balance; a draft order takes no payment.
    @Test func orderPaymentsPayThatOrdersInvoicesAndPrepaymentsBecomeCredit() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let product = try await api.product(price: 900, extra: #","type":"service""#)
            let draft = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)
            let draftId = try #require(draft["id"] as? Int)
            #expect(try await api.call("POST", "/v1/orders/\(draftId)/payments", #"{"amount":900,"method":"cash"}"#).code == "invalid_state")
            _ = try await api.call("POST", "/v1/orders/\(draftId)/confirm")
            let other = try await api.invoicedOrder(customer: customer, price: 100)
            let prepaid = try await api.call("POST", "/v1/orders/\(draftId)/payments", #"{"amount":900,"method":"card"}"#)
            #expect(prepaid.status == 201)
            #expect(prepaid["amount_unallocated"] as? Int == 900)
            // The other order's invoice is not touched by a payment for this order.
            #expect(try await api.invoiceState(other.invoice) == "open paid 0 credited 0 due 100")
            #expect(try await api.balance(customer) == ["receivable": 100, "credit_balance": 900, "net_balance": -800, "open_orders_amount": 900])
            let invoice = try await api.call("POST", "/v1/orders/\(draftId)/invoices")
            let invoiceId = try #require(invoice["id"] as? Int)
            #expect(try await api.call("POST", "/v1/invoices/\(invoiceId)/apply-credit")["status"] as? String == "paid")
            #expect(try await api.call("POST", "/v1/orders/\(draftId)/payments", #"{"amount":5,"method":"cash","currency":"JPY"}"#).errorFields == ["currency"])
            #expect(try await api.call("POST", "/v1/orders/\(draftId)/payments", #"{"amount":5,"method":"cash","customer_id":1}"#).errorFields == ["customer_id"])
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3: credit refunds pay credit back out, at most credit_balance.
    @Test func creditRefundsPayCreditBackOut() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":750,"method":"bank_transfer","allocations":[]}"#)
            let over = try await api.call("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":751,"method":"bank_transfer"}"#)
            #expect(over.code == "quantity_exceeded")
            #expect(over.text.contains(#""requested":751,"remaining":750"#))
            let refund = try await api.call("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":700,"method":"bank_transfer","reference":"IBAN x"}"#)
            #expect(refund.status == 201)
            #expect(refund["number"] as? String == "RF-000001")
            #expect(try await api.call("GET", "/v1/credit-refunds/\(try #require(refund["id"] as? Int))")["amount"] as? Int == 700)
            #expect(try await api.call("GET", "/v1/credit-refunds?customer_id=\(customer)").data.count == 1)
            #expect(try await api.balance(customer)["credit_balance"] == 50)
            #expect(try await api.ledger(customer) == ["payment PAY-000001 -750 → -750", "credit_refund RF-000001 700 → -50"])
            #expect(try await api.call("POST", "/v1/customers/999/credit-refunds", #"{"amount":1,"method":"cash"}"#).status == 404)
            #expect(try await api.call("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":1}"#).errorFields == ["method"])
            // The payment whose credit was refunded can no longer be voided.
            #expect(try await api.call("POST", "/v1/payments/1/void").code == "invalid_state")
            // A customer with payments is not deleted.
            #expect(try await api.call("DELETE", "/v1/customers/\(customer)").code == "in_use")
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// docs/api.md §3 Sales orders confirm: credit limit against the real net_balance.
    @Test func creditLimitCountsPaymentsAndCredit() async throws {
        try await withAPI { api in
            let customer = try await api.customer(#","credit_limit":1000"#)
            _ = try await api.invoicedOrder(customer: customer, price: 800)
            let product = try await api.product(price: 300, extra: #","type":"service""#)
            let order = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":1}]}"#)
            let id = try #require(order["id"] as? Int)
            #expect(try await api.call("POST", "/v1/orders/\(id)/confirm").code == "credit_limit_exceeded")
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1000,"method":"cash"}"#)
            // Receivable 0, credit 200: net −200, so 300 more fits and leaves 900 available.
            let confirmed = try await api.call("POST", "/v1/orders/\(id)/confirm")
            #expect(confirmed.status == 200)
            #expect((confirmed["customer_balance"] as? [String: Any])?["available_credit"] as? Int == 900)
        }
    }

    /// The ledger pages oldest first and refuses filters it cannot honour.
    @Test func ledgerPagesAndRefusesFeedParameters() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            for price in [100, 200, 300] { _ = try await api.invoicedOrder(customer: customer, price: price) }
            let first = try await api.call("GET", "/v1/customers/\(customer)/ledger?limit=2")
            #expect(first.data.map { $0["balance_after"] as? Int ?? 0 } == [100, 300])
            let cursor = try #require(first["next_cursor"] as? String)
            let second = try await api.call("GET", "/v1/customers/\(customer)/ledger?limit=2&cursor=\(cursor)")
            #expect(second.data.map { $0["balance_after"] as? Int ?? 0 } == [600])
            #expect(second["has_more"] as? Bool == false)
            #expect(try await api.call("GET", "/v1/customers/\(customer)/ledger?updated_since=2026-01-01").status == 400)
            #expect(try await api.call("GET", "/v1/customers/999/ledger").status == 404)
        }
    }

    /// Issue 6 item 7: check covers invariants 2 (payments) and 3, from the documents.
    @Test func checkReportsCreditAndAllocationDrift() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let invoice = try await api.invoicedOrder(customer: customer, price: 400).invoice
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":500,"method":"cash"}"#)
            #expect(try await api.checkClean().isEmpty)
            try await api.app.writeDirect { db in
                try db.execute("UPDATE customers SET credit_balance = credit_balance + 1 WHERE id = ?", [customer])
                try db.execute("UPDATE allocations SET amount = 300 WHERE invoice_id = ?", [invoice])
            }
            let breaches = try await api.checkClean()
            #expect(breaches.contains("customer \(customer): credit_balance 101 ≠ payments, credit applied and refunds 100"))
            #expect(breaches.contains("customer \(customer): ledger ends at -100, net_balance is -101"))
            #expect(breaches.contains("payment 1: amount_allocated 400, Σ allocations 300, amount 500"))
            #expect(breaches.contains("invoice \(invoice): amount_paid 400 ≠ Σ allocations 300"))
            // The ledger itself cannot be rewritten.
            await #expect(throws: (any Error).self) {
                try await api.app.writeDirect { db in try db.execute("UPDATE customer_ledger SET amount = 0") }
            }
        }
    }
}
