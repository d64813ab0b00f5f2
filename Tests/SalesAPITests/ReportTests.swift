import Foundation
import Testing
import HTTPTestSupport
import SalesCore

/// Issue 7 item 2: a known set of orders, invoices, payments, shifts and activities, and every
/// figure of every report checked against it.
@Suite struct ReportFigures {
    /// Rows as "key|label|col=value…" strings, for exact comparison.
    func rows(_ reply: Reply, _ columns: [String]) -> [String] {
        (reply["rows"] as? [[String: Any]] ?? []).map { row in columns.map { "\(row[$0].map { "\($0)" } ?? "nil")" }.joined(separator: "|") }
    }

    func totals(_ reply: Reply, _ columns: [String]) -> String {
        let t = reply["totals"] as? [String: Any] ?? [:]
        return columns.map { "\(t[$0].map { "\($0)" } ?? "nil")" }.joined(separator: "|")
    }

    /// docs/api.md §3 receivables aging: days past due = as_of − due_date; 0 or fewer is
    /// current, then 1–30, 31–60, 61–90, over 90 — each boundary from both sides. Nine invoices,
    /// of 2^k minor units each, due 1 day after as_of down to 91 days before it.
    @Test func agingBucketsAtTheirBoundaries() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            let dues = ["2026-07-01", "2026-06-30", "2026-06-29", "2026-05-31", "2026-05-30", "2026-05-01", "2026-04-30", "2026-04-01", "2026-03-31"]
            var lines: [String] = []
            for k in dues.indices {
                lines.append(#"{"product_id":\#(try await api.product(price: 1 << k, extra: #","type":"service""#)),"quantity":1}"#)
            }
            let order = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[\#(lines.joined(separator: ","))]}"#)
            let orderLines = try #require(order["lines"] as? [[String: Any]], "\(order.text)")
            for (line, due) in zip(orderLines, dues) {
                let body = #"{"issue_date":"2026-03-01","due_date":"\#(due)","lines":[{"order_line_id":\#(line["id"] as? Int ?? 0),"quantity":1}]}"#
                #expect(try await api.call("POST", "/v1/orders/\(order["id"] as? Int ?? 0)/invoices", body).status == 201)
            }
            let aging = try await api.call("GET", "/v1/reports/receivables-aging?as_of=2026-06-30")
            let columns = ["current", "d1_30", "d31_60", "d61_90", "over_90", "total"]
            #expect(rows(aging, columns) == ["3|12|48|192|256|511"], "\(aging.text)")
        }
    }

    @Test func everyReportReconcilesWithTheDocuments() async throws {
        try await withAPI { api in
            let ana = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Ana"}"#)["id"] as? Int)
            let ben = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Ben"}"#)["id"] as? Int)
            let acme = try #require(try await api.call("POST", "/v1/customers", #"{"name":"Acme, Inc.","sales_rep_id":\#(ana)}"#)["id"] as? Int)
            let bolt = try #require(try await api.call("POST", "/v1/customers", #"{"name":"Bolt \"Co\""}"#)["id"] as? Int)
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"10","percent":10}"#)["id"] as? Int)
            let p1 = try #require(try await api.call("POST", "/v1/products", #"{"sku":"P1","name":"Widget","unit_price":1000,"type":"service","tax_rate_id":\#(tax)}"#)["id"] as? Int)
            let p2 = try #require(try await api.call("POST", "/v1/products", #"{"sku":"P2","name":"Gadget","unit_price":250,"type":"service"}"#)["id"] as? Int)
            func order(_ customer: Int, _ rep: Int?, _ lines: String, confirm: Bool = true) async throws -> Int {
                let repField = rep.map { #","sales_rep_id":\#($0)"# } ?? ""
                let reply = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":\#(confirm)\#(repField),"lines":\#(lines)}"#)
                return try #require(reply["id"] as? Int, "order: \(reply.text)")
            }
            let o1 = try await order(acme, ana, #"[{"product_id":\#(p1),"quantity":2}]"#)
            let o2 = try await order(acme, ana, #"[{"product_id":\#(p2),"quantity":4}]"#)
            let o3 = try await order(bolt, nil, #"[{"product_id":\#(p1),"quantity":1},{"product_id":\#(p2),"quantity":2}]"#)
            let o4 = try await order(bolt, ben, #"[{"product_id":\#(p2),"quantity":1}]"#)
            _ = try await api.call("POST", "/v1/orders/\(o4)/cancel")
            _ = try await order(acme, ana, #"[{"product_id":\#(p1),"quantity":9}]"#, confirm: false)
            // History: when the orders were confirmed.
            try await api.app.writeDirect { db in
                for (id, at) in [(o1, "2026-10-05T10:00:00.000Z"), (o2, "2026-10-31T23:59:59.999Z"), (o3, "2026-11-02T00:00:00.000Z"),
                                 (o4, "2026-11-02T09:00:00.000Z")] {
                    try db.execute("UPDATE orders SET confirmed_at = ? WHERE id = ?", [at, id])
                }
            }

            // Sales, every grouping.
            let columns = ["key", "label", "orders", "quantity", "subtotal", "tax", "total"]
            let sums = ["orders", "quantity", "subtotal", "tax", "total"]
            let byMonth = try await api.call("GET", "/v1/reports/sales?from=2026-10-01&to=2026-11-30&group_by=month")
            #expect(rows(byMonth, columns) == ["2026-10|2026-10|2|6|3000|200|3200", "2026-11|2026-11|1|3|1500|100|1600"])
            #expect(totals(byMonth, sums) == "3|9|4500|300|4800")
            #expect(byMonth["currency"] as? String == "USD" && byMonth["group_by"] as? String == "month")
            let byWeek = try await api.call("GET", "/v1/reports/sales?from=2026-10-01&to=2026-11-30&group_by=week")
            #expect(rows(byWeek, columns) == ["2026-10-05|2026-10-05 to 2026-10-11|1|2|2000|200|2200",
                                              "2026-10-26|2026-10-26 to 2026-11-01|1|4|1000|0|1000",
                                              "2026-11-02|2026-11-02 to 2026-11-08|1|3|1500|100|1600"])
            let byDay = try await api.call("GET", "/v1/reports/sales?from=2026-10-31&to=2026-11-02&group_by=day")
            #expect(rows(byDay, columns) == ["2026-10-31|2026-10-31|1|4|1000|0|1000", "2026-11-02|2026-11-02|1|3|1500|100|1600"])
            let byCustomer = try await api.call("GET", "/v1/reports/sales?from=2026-10-01&to=2026-11-30&group_by=customer")
            #expect(rows(byCustomer, columns) == ["\(acme)|Acme, Inc.|2|6|3000|200|3200", "\(bolt)|Bolt \"Co\"|1|3|1500|100|1600"])
            let byProduct = try await api.call("GET", "/v1/reports/sales?from=2026-10-01&to=2026-11-30&group_by=product")
            #expect(rows(byProduct, columns) == ["\(p1)|Widget|2|3|3000|300|3300", "\(p2)|Gadget|2|6|1500|0|1500"])
            let byRep = try await api.call("GET", "/v1/reports/sales?from=2026-10-01&to=2026-11-30&group_by=sales_rep")
            #expect(rows(byRep, columns) == ["\(ana)|Ana|2|6|3000|200|3200", "none|(no sales rep)|1|3|1500|100|1600"])
            let euros = try await api.call("GET", "/v1/reports/sales?from=2026-10-01&to=2026-11-30&currency=EUR")
            #expect(rows(euros, columns).isEmpty && totals(euros, sums) == "0|0|0|0|0")
            #expect(try await api.call("GET", "/v1/reports/sales?group_by=year").status == 400)
            #expect(rows(try await api.call("GET", "/v1/reports/sales?from=2026-12-01&to=2026-11-01"), columns).isEmpty)

            // Invoices with known dates, a partial payment, a voided payment, money on account.
            func invoice(_ order: Int, issue: String, due: String) async throws -> Int {
                try #require(try await api.call("POST", "/v1/orders/\(order)/invoices", #"{"issue_date":"\#(issue)","due_date":"\#(due)"}"#)["id"] as? Int)
            }
            let i1 = try await invoice(o1, issue: "2026-09-01", due: "2026-09-11")
            let i3 = try await invoice(o3, issue: "2026-11-01", due: "2026-11-20")
            _ = try await invoice(o2, issue: "2026-12-01", due: "2026-12-31")
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(acme),"amount":200,"method":"card","received_at":"2026-11-03T09:00:00Z","allocations":[{"invoice_id":\#(i1),"amount":200}]}"#)
            _ = try await api.call("POST", "/v1/payments", #"{"customer_id":\#(bolt),"amount":500,"method":"cash","received_at":"2026-11-03T15:00:00Z","allocations":[]}"#)
            let bounced = try #require(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(bolt),"amount":300,"method":"check","received_at":"2026-11-10T12:00:00Z"}"#)["id"] as? Int)
            #expect(try await api.invoiceState(i3) == "open paid 300 credited 0 due 1300")
            // The day of the void by the server's clock: the answer says it, so a run across UTC
            // midnight cannot disagree with itself.
            let voided = try await api.call("POST", "/v1/payments/\(bounced)/void", #"{"reason":"bounced"}"#)
            let voidDay = String(try #require(voided["voided_at"] as? String, "void: \(voided.text)").prefix(10))

            let agingColumns = ["customer_id", "name", "current", "d1_30", "d31_60", "d61_90", "over_90", "total"]
            let buckets = ["current", "d1_30", "d31_60", "d61_90", "over_90", "total"]
            let aging = try await api.call("GET", "/v1/reports/receivables-aging?as_of=2026-12-15")
            #expect(rows(aging, agingColumns) == ["\(acme)|Acme, Inc.|1000|0|0|0|2000|3000", "\(bolt)|Bolt \"Co\"|0|1600|0|0|0|1600"])
            #expect(totals(aging, buckets) == "1000|1600|0|0|2000|4600")
            let earlier = try await api.call("GET", "/v1/reports/receivables-aging?as_of=2026-11-25")
            #expect(rows(earlier, agingColumns) == ["\(acme)|Acme, Inc.|0|0|0|2000|0|2000", "\(bolt)|Bolt \"Co\"|0|1600|0|0|0|1600"])

            let collectionColumns = ["key", "label", "payments", "received", "voided", "net"]
            let collections = try await api.call("GET", "/v1/reports/collections?from=2026-11-01&to=2026-11-30&group_by=day")
            #expect(rows(collections, collectionColumns) == ["2026-11-03|2026-11-03|2|700|0|700", "2026-11-10|2026-11-10|1|300|0|300"])
            #expect(totals(collections, ["payments", "received", "voided", "net"]) == "3|1000|0|1000")
            // The void counts on the day it was made (today by the server's clock), not the payment's.
            let voidedToday = try await api.call("GET", "/v1/reports/collections?from=\(voidDay)&to=\(voidDay)&group_by=day")
            #expect(rows(voidedToday, collectionColumns) == ["\(voidDay)|\(voidDay)|0|0|300|-300"])
            let byMethod = try await api.call("GET", "/v1/reports/collections?from=2026-11-01&to=\(voidDay)&group_by=method")
            #expect(rows(byMethod, collectionColumns) == ["card|card|1|200|0|200", "cash|cash|1|500|0|500", "check|check|1|300|300|0"])
            #expect(totals(byMethod, ["payments", "received", "voided", "net"]) == "3|1000|300|700")

            // Reps: shifts, activities, quotes (one accepted), orders and revenue.
            for (rep, at, out) in [(ana, "2026-11-02T08:00:00Z", "2026-11-02T16:30:00Z"), (ana, "2026-11-03T09:00:00Z", "2026-11-03T11:15:30Z"),
                                   (ben, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z")] {
                _ = try await api.call("POST", "/v1/sales-reps/\(rep)/clock-in", #"{"at":"\#(at)"}"#)
                _ = try await api.call("POST", "/v1/sales-reps/\(rep)/clock-out", #"{"at":"\#(out)"}"#)
            }
            for (rep, type, at) in [(ana, "visit", "2026-11-02T10:00:00Z"), (ana, "call", "2026-11-03T10:00:00Z"), (ben, "email", "2026-11-05T10:00:00Z"),
                                    (ben, "visit", "2099-01-01T10:00:00Z")] {
                _ = try await api.call("POST", "/v1/activities", #"{"sales_rep_id":\#(rep),"type":"\#(type)","at":"\#(at)"}"#)
            }
            var quoteDays: [String] = []
            for accepted in [true, false] {
                let created = try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(acme),"sales_rep_id":\#(ana),"lines":[{"product_id":\#(p1),"quantity":1}]}"#)
                let quote = try #require(created["id"] as? Int, "quote: \(created.text)")
                quoteDays.append(String(try #require(created["created_at"] as? String).prefix(10)))
                if accepted {
                    _ = try await api.call("POST", "/v1/quotes/\(quote)/send")
                    #expect(try await api.call("POST", "/v1/quotes/\(quote)/convert").status == 201)
                }
            }
            // Fixed ranges for the history; the quotes just created count on the days the server gave them.
            let repColumns = ["sales_rep_id", "name", "hours_clocked", "seconds_clocked", "activities", "quotes", "quotes_accepted", "orders", "revenue"]
            let reps = try await api.call("GET", "/v1/reports/sales-reps?from=2026-10-01&to=2026-11-30")
            #expect(rows(reps, repColumns) == ["\(ana)|Ana|10.76|38730|2|0|0|2|3000", "\(ben)|Ben|0|0|1|0|0|0|0"])
            #expect(totals(reps, Array(repColumns.dropFirst(2))) == "10.76|38730|3|0|0|2|3000")
            let december = try await api.call("GET", "/v1/reports/sales-reps?from=2026-12-01&to=2026-12-01")
            #expect(rows(december, repColumns) == ["\(ana)|Ana|0|0|0|0|0|0|0", "\(ben)|Ben|1|3600|0|0|0|0|0"])
            let now = try await api.call("GET", "/v1/reports/sales-reps?from=\(quoteDays[0])&to=\(quoteDays[1])")
            #expect(rows(now, repColumns) == ["\(ana)|Ana|0|0|0|2|1|0|0", "\(ben)|Ben|0|0|0|0|0|0|0"])

            let top = try await api.call("GET", "/v1/reports/top-products?from=2026-10-01&to=2026-11-30")
            #expect(rows(top, ["product_id", "sku", "name", "orders", "quantity", "revenue"]) == ["\(p1)|P1|Widget|2|3|3000", "\(p2)|P2|Gadget|2|6|1500"])
            #expect(rows(try await api.call("GET", "/v1/reports/top-products?from=2026-10-01&to=2026-11-30&limit=1"), ["sku"]) == ["P1"])

            // CSV: a header row, RFC 4180 quoting.
            let csv = try await api.call("GET", "/v1/reports/receivables-aging?as_of=2026-12-15", headers: ["Accept: text/csv"])
            #expect(csv.status == 200)
            #expect(csv.header("content-type") == "text/csv; charset=utf-8")
            // Built whole before it is sent (a sum past its bound is a 409, not a cut-off 200).
            #expect(csv.header("content-length") == String(csv.raw.body.count))
            #expect(csv.text == "customer_id,name,current,d1_30,d31_60,d61_90,over_90,total\r\n"
                    + "\(acme),\"Acme, Inc.\",1000,0,0,0,2000,3000\r\n\(bolt),\"Bolt \"\"Co\"\"\",0,1600,0,0,0,1600\r\n")
            let repsCSV = try await api.call("GET", "/v1/reports/sales-reps?from=2026-10-01&to=2026-11-30&format=csv")
            #expect(repsCSV.text.hasPrefix("sales_rep_id,name,hours_clocked,seconds_clocked,activities,quotes,quotes_accepted,orders,revenue\r\n\(ana),Ana,10.76,38730,"))
            #expect(try await api.call("GET", "/v1/reports/sales?format=xml").status == 400)
        }
    }
}
