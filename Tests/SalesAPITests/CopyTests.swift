import Foundation
import HTTPTestSupport
import Testing

/// Issue 18 item 4: `sales-server copy` moves a whole SQLite database into an empty PostgreSQL
/// one, and every resource then answers identically from both.
@Suite(.enabled(if: TestStore.isPostgres, "needs make test-postgres"), .serialized)
struct CopyIntoPostgres {
    func run(_ arguments: [String]) async throws -> (status: Int32?, output: String) {
        try await offPool {
            let child = try ChildProcess(CommandLine.binary, arguments)
            let output = child.readToEnd()
            return (child.wait(), output)
        }
    }

    /// A business's history on SQLite: every kind of document, a partial invoice and shipment, a
    /// payment, a credit note, a quote converted, a rep's shift and visit, an API key, a webhook
    /// endpoint (for an event type that never happens, so nothing is due for delivery).
    func history(_ node: Nodes) async throws -> [String] {
        let tax = try await node.created(0, "/v1/tax-rates", #"{"name":"VAT","percent":20}"#)
        let product = try await node.created(0, "/v1/products", #"{"sku":"WIDGET-1","name":"Widget","unit_price":1250,"tax_rate_id":\#(tax)}"#)
        _ = try await node.created(0, "/v1/products/\(product)/stock-adjustments", #"{"quantity":40,"reason":"opening"}"#)
        let rep = try await node.created(0, "/v1/sales-reps", #"{"name":"Ana"}"#)
        let customer = try await node.created(0, "/v1/customers", #"{"name":"Zoë & Co","credit_limit":500000,"sales_rep_id":\#(rep),"external_ref":"C-1"}"#)
        let quote = try await node.created(0, "/v1/quotes", #"{"customer_id":\#(customer),"lines":[{"product_id":\#(product),"quantity":3}]}"#)
        let converted = try await node.call(0, "POST", "/v1/quotes/\(quote)/convert")
        let fromQuote = try #require(converted["id"] as? Int, "\(converted.text)")
        let order = try await node.created(0, "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[{"product_id":\#(product),"quantity":10}]}"#)
        let line = try #require((try await node.call(0, "GET", "/v1/orders/\(order)")["lines"] as? [[String: Any]])?.first?["id"] as? Int)
        let invoice = try await node.created(0, "/v1/orders/\(order)/invoices", #"{"lines":[{"order_line_id":\#(line),"quantity":4}]}"#)
        let shipment = try await node.created(0, "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(line),"quantity":6}]}"#)
        let payment = try await node.created(0, "/v1/payments", #"{"customer_id":\#(customer),"amount":3000,"method":"card"}"#)
        let invoiceLine = try #require((try await node.call(0, "GET", "/v1/invoices/\(invoice)")["lines"] as? [[String: Any]])?.first?["id"] as? Int)
        let note = try await node.created(0, "/v1/invoices/\(invoice)/credit-notes", #"{"reason":"damaged","lines":[{"invoice_line_id":\#(invoiceLine),"quantity":1}]}"#)
        _ = try await node.created(0, "/v1/sales-reps/\(rep)/clock-in", "{}")
        _ = try await node.created(0, "/v1/activities", #"{"sales_rep_id":\#(rep),"customer_id":\#(customer),"type":"visit","notes":"démo"}"#)
        _ = try await node.created(0, "/v1/api-keys", #"{"name":"till","role":"sales"}"#)
        _ = try await node.created(0, "/v1/webhook-endpoints", #"{"url":"http://127.0.0.1:9/hook","events":["settings.updated"]}"#)
        let once = try await node.call(0, "POST", "/v1/customers", #"{"name":"Once"}"#, headers: ["Idempotency-Key: copy-1"])
        #expect(once.status == 201)
        return ["/v1/customers", "/v1/customers/\(customer)", "/v1/customers/\(customer)/balance", "/v1/customers/\(customer)/ledger",
                "/v1/products", "/v1/products/\(product)", "/v1/tax-rates", "/v1/sales-reps", "/v1/quotes", "/v1/quotes/\(quote)",
                "/v1/orders", "/v1/orders/\(order)", "/v1/orders/\(fromQuote)", "/v1/invoices", "/v1/invoices/\(invoice)",
                "/v1/shipments/\(shipment)", "/v1/payments/\(payment)", "/v1/credit-notes/\(note)", "/v1/activities",
                "/v1/api-keys", "/v1/webhook-endpoints", "/v1/events?limit=200", "/v1/settings/accounting",
                "/v1/reports/receivables-aging", "/v1/reports/sales?group_by=product", "/v1/reports/sales-reps", "/v1/exports/journal?format=csv"]
    }

    @Test func everyResourceAnswersIdenticallyFromTheCopy() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sales-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { removeTemporaryFiles(at: directory) }
        let sqlite = directory.appendingPathComponent("sales.sqlite").path
        let postgres = try PostgresTemplate.shared.emptyDatabase()

        let first = try await Nodes(databases: [sqlite])
        let paths: [String]
        do { paths = try await history(first) } catch { _ = await first.stop(); throw error }
        #expect(await first.stop() == [0])

        let copy = try await run(["copy", "--from", sqlite, "--to", postgres])
        #expect(copy.status == 0, "\(copy.output)")
        #expect(copy.output.contains("check: ok"), "\(copy.output)")
        #expect(copy.output.contains("orders: 2\n") && copy.output.contains("events: "), "\(copy.output)")
        // backup is SQLite's; on PostgreSQL it refuses and names the tools to use (docs/api.md §0).
        let backup = try await run(["backup", "--db", postgres, "--to", directory.appendingPathComponent("b.sqlite").path])
        #expect(backup.status == 64 && backup.output.contains("pg_dump") && backup.output.contains("pg_basebackup"), "\(backup)")
        // Only into an empty database.
        let again = try await run(["copy", "--from", sqlite, "--to", postgres])
        #expect(again.status != 0 && again.output.contains("is not empty"), "\(again.output)")

        let both = try await Nodes(databases: [sqlite, postgres])
        do {
            for path in paths {
                let (a, b) = (try await both.call(0, "GET", path), try await both.call(1, "GET", path))
                #expect(a.status == 200, "\(path): \(a.status)")
                #expect(a.text == b.text, "\(path) answers the same from SQLite and from the copy")
                #expect(a.header("etag") == b.header("etag"), "\(path)")
            }
            // Numbers and ids go on where they stopped, on both.
            let next = try await both.race([("POST", "/v1/customers", #"{"name":"Next"}"#, []), ("POST", "/v1/customers", #"{"name":"Next"}"#, [])])
            #expect(next.map { $0["id"] as? Int } == [3, 3], "\(next.map(\.text))")
            // The Idempotency-Key's stored answer came along.
            let replay = try await both.call(1, "POST", "/v1/customers", #"{"name":"Once"}"#, headers: ["Idempotency-Key: copy-1"])
            #expect(replay.status == 201 && replay.header("idempotent-replayed") == "true")
        } catch {
            _ = await both.stop()
            throw error
        }
        #expect(await both.stop() == [0, 0])
    }
}
