import Foundation
import Testing
import HTTPTestSupport

/// Issue 7 item 3: the double-entry export over a randomized history — every document balances,
/// and the receivable account of each customer ends at its net_balance.
@Suite struct JournalExport {
    @Test func everyDocumentBalancesOverARandomHistory() async throws {
        let seed = ProcessInfo.processInfo.environment["SALES_MODEL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        try await withAPI { api in
            let run = try await ModelRun(api: api, seed: seed)
            try await run.go(steps: 400)
            let codes = try await api.call("GET", "/v1/settings/accounting")
            #expect(codes.text.contains(#""receivable":"1200","revenue":"4000","tax":"2200","cash":"1000","bank":"1010","card":"1020","other":"1090","version":1"#))

            let journal = try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=9999-12-31")
            #expect(journal.status == 200)
            #expect(journal.header("transfer-encoding") == "chunked")
            let lines = journal.json["lines"] as? [[String: Any]] ?? []
            #expect(lines.count > 200, "seed \(seed)")
            var perDocument: [String: Int] = [:]
            var receivable: [Int: Int] = [:]
            var types = Set<String>()
            for line in lines {
                let debit = line["debit"] as? Int ?? 0, credit = line["credit"] as? Int ?? 0
                #expect((debit == 0) != (credit == 0), "seed \(seed): a line is a debit or a credit: \(line)")
                let document = "\(line["document_type"] ?? "")/\(line["document_number"] ?? "")"
                types.insert(line["document_type"] as? String ?? "")
                perDocument[document, default: 0] += debit - credit
                if line["account"] as? String == "1200" { receivable[line["customer_id"] as? Int ?? 0, default: 0] += debit - credit }
            }
            #expect(perDocument.values.allSatisfy { $0 == 0 }, "seed \(seed): unbalanced \(perDocument.filter { $0.value != 0 })")
            #expect(types == ["invoice", "credit_note", "invoice_void", "payment", "payment_void", "credit_refund"], "seed \(seed): \(types)")
            let totals = journal.json["totals"] as? [String: Int] ?? [:]
            #expect(totals["debit"] == totals["credit"] && (totals["debit"] ?? 0) > 0)
            for customer in run.customers {
                #expect(receivable[customer, default: 0] == run.m.net(customer), "seed \(seed): customer \(customer) receivable account vs net_balance")
            }

            // CSV: the documented columns, one header row, the same lines.
            let csv = try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=9999-12-31&format=csv")
            let rows = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.first == "date,document_type,document_number,customer_id,account,debit,credit,currency,memo")
            #expect(rows.count == lines.count + 1)

            // Account codes come from the settings; only admin changes them.
            let accounting = try await api.key(role: "accounting")
            #expect(try await api.call("PATCH", "/v1/settings/accounting", #"{"cash":"1001"}"#, key: accounting).status == 403)
            #expect(try await api.call("PATCH", "/v1/settings/accounting", #"{"cash":"1001"}"#, headers: [#"If-Match: "7""#]).status == 412)
            #expect(try await api.call("PATCH", "/v1/settings/accounting", #"{"cash":""}"#).errorFields == ["cash"])
            let patched = try await api.call("PATCH", "/v1/settings/accounting", #"{"cash":"1001","receivable":"AR-1"}"#)
            #expect(patched["version"] as? Int == 2 && patched["cash"] as? String == "1001")
            let renamed = try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=9999-12-31")
            let accounts = Set((renamed.json["lines"] as? [[String: Any]] ?? []).compactMap { $0["account"] as? String })
            #expect(accounts.contains("AR-1") && !accounts.contains("1200"))
            // A period selects documents by their accounting date.
            let empty = try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=2000-01-31")
            #expect(empty.text == #"{"from":"2000-01-01","to":"2000-01-31","currency":"USD","lines":[],"totals":{"debit":0,"credit":0}}"#)
        }
    }

    /// One of each document, line by line, as docs/api.md §3 lists them.
    @Test func linesOfEachDocument() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"10","percent":10}"#)["id"] as? Int)
            let product = try await api.product(price: 1000, extra: #","type":"service","tax_rate_id":\#(tax)"#)
            let order = try #require(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":2}]}"#)["id"] as? Int)
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices", #"{"issue_date":"2026-11-01"}"#)
            let invoiceId = try #require(invoice["id"] as? Int)
            let line = try #require((invoice["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(customer),"amount":2500,"method":"card","received_at":"2026-11-02T10:00:00Z"}"#)
            _ = try await api.call("POST", "/v1/invoices/\(invoiceId)/credit-notes", #"{"lines":[{"invoice_line_id":\#(line),"quantity":1}],"reason":"r"}"#)
            _ = try await api.call("POST", "/v1/invoices/\(invoiceId)/void")
            _ = try await api.call("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":2500,"method":"bank_transfer"}"#)
            let journal = try await api.call("GET", "/v1/exports/journal?from=2026-01-01&to=9999-12-31")
            let lines = (journal.json["lines"] as? [[String: Any]] ?? []).map {
                "\($0["document_type"]!) \($0["account"]!) \($0["debit"]!) \($0["credit"]!)"
            }
            #expect(lines == [
                "invoice 1200 2200 0", "invoice 4000 0 2000", "invoice 2200 0 200",
                "payment 1020 2500 0", "payment 1200 0 2500",
                "credit_note 4000 1000 0", "credit_note 2200 100 0", "credit_note 1200 0 1100",
                "invoice_void 4000 1000 0", "invoice_void 2200 100 0", "invoice_void 1200 0 1100",
                "credit_refund 1200 2500 0", "credit_refund 1010 0 2500",
            ])
        }
    }
}

/// Issue 16 finding 7: the journal never adds two currencies together.
@Suite struct JournalCurrencies {
    @Test func oneCurrencyPerExport() async throws {
        try await withAPI { api in
            let dollars = try await api.customer(), yen = try await api.customer(#","currency":"JPY""#)
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(dollars),"amount":2500,"method":"card"}"#).status == 201)
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(yen),"amount":100000,"method":"cash"}"#).status == 201)
            func summary(_ query: String) async throws -> String {
                let j = try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=9999-12-31\(query)")
                let lines = (j["lines"] as? [[String: Any]] ?? []).map { "\($0["currency"] as? String ?? "?")" }
                let totals = j["totals"] as? [String: Any] ?? [:]
                return "\(j["currency"] as? String ?? "?") \(Set(lines).sorted()) \(totals["debit"] as? Int ?? -1)/\(totals["credit"] as? Int ?? -1)"
            }
            #expect(try await summary("") == "USD [\"USD\"] 2500/2500")
            #expect(try await summary("&currency=JPY") == "JPY [\"JPY\"] 100000/100000")
            #expect(try await summary("&currency=EUR") == "EUR [] 0/0")
            let csv = try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=9999-12-31&currency=JPY&format=csv").text
            #expect(!csv.contains(",USD,") && csv.contains(",JPY,"))
        }
    }
}
