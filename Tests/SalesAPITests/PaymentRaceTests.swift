import Foundation
import Testing
import HTTPTestSupport

/// Issue 6: clients racing to apply the same credit or allocate to the same invoice never push
/// credit_balance or amount_due below 0, and exactly as many succeed as the money allows.
@Suite struct PaymentRaces {
    @Test func applyingTheSameCreditToManyInvoicesNeverOverdrawsIt() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            var invoices: [Int] = []
            for _ in 0..<8 { invoices.append(try await api.invoicedOrder(customer: customer, price: 300).invoice) }
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1000,"method":"cash","allocations":[]}"#)
            // Two clients per invoice, 300 each: the credit pays three, each invoice at most once.
            let statuses = try await api.race((invoices + invoices).map { ("POST", "/v1/invoices/\($0)/apply-credit", #"{"amount":300}"#) })
            #expect(statuses.filter { $0 == 200 }.count == 3)
            #expect(statuses.filter { $0 == 409 }.count == 13)
            #expect(try await api.balance(customer)["credit_balance"] == 100)
            #expect(try await api.balance(customer)["receivable"] == 8 * 300 - 900)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    @Test func manyPaymentsForTheSameInvoiceAllocateItOnce() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let invoice = try await api.invoicedOrder(customer: customer, price: 500).invoice
            let body = #"{"customer_id":\#(customer),"amount":500,"method":"card","allocations":[{"invoice_id":\#(invoice),"amount":500}]}"#
            let statuses = try await api.race(Array(repeating: ("POST", "/v1/payments", body), count: 16))
            // The first pays it; the others find it paid (422 invoice_paid) — never a second allocation.
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 422 }.count == 15)
            #expect(try await api.invoiceState(invoice) == "paid paid 500 credited 0 due 0")
            #expect(try await api.call("GET", "/v1/payments?customer_id=\(customer)").data.count == 1)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    @Test func refundsAndApplicationsShareOneCreditPool() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let invoice = try await api.invoicedOrder(customer: customer, price: 5000).invoice
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":1000,"method":"cash","allocations":[]}"#)
            let requests = Array(repeating: ("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":100,"method":"cash"}"# as String?), count: 15)
                + Array(repeating: ("POST", "/v1/invoices/\(invoice)/apply-credit", #"{"amount":100}"# as String?), count: 15)
            let statuses = try await api.race(requests)
            #expect(statuses.filter { $0 == 200 || $0 == 201 }.count == 10)
            #expect(statuses.filter { $0 == 409 }.count == 20)
            #expect(try await api.balance(customer)["credit_balance"] == 0)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    /// A payment void and an application of its credit race: exactly one wins.
    @Test func voidingAPaymentWhileItsCreditIsAppliedLetsExactlyOneWin() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let invoice = try await api.invoicedOrder(customer: customer, price: 5000).invoice
            for round in 0..<6 {
                let payment = try #require(try await api.call("POST", "/v1/payments",
                                                             #"{"customer_id":\#(customer),"amount":1000,"method":"check","allocations":[]}"#)["id"] as? Int)
                let statuses = try await api.race([("POST", "/v1/payments/\(payment)/void", nil),
                                                    ("POST", "/v1/invoices/\(invoice)/apply-credit", #"{"amount":600}"#)])
                #expect(statuses.sorted() == [200, 409], "round \(round): \(statuses)")
                // Whichever won, nothing of this payment is left in credit but the unapplied 400 (or nothing).
                let credit = try #require(try await api.balance(customer)["credit_balance"])
                #expect(credit == 0 || credit == 400)
                if credit == 400 { _ = try await api.call("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":400,"method":"check"}"#) }
            }
            #expect(try await api.checkClean().isEmpty)
        }
    }
}
