import SalesCore
import SalesJSON
import SalesStore

/// Invoices (docs/api.md §3): created only from a confirmed order; `POST /v1/invoices` does not exist
/// (the router answers 405 since the path serves GET).
enum InvoiceRoutes {
    static func create(_ app: APIContext) -> APIHandler {
        { request in
            let orderId = try request.id()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["lines", "issue_date", "due_date", "notes"])
            var requests: [LineRequest]?
            if let value = r.object["lines"] {
                requests = readLineRequests(value, key: "order_line_id", into: &r)
            }
            let issue = date(&r, "issue_date")
            let due = date(&r, "due_date")
            if let issue, let due, due < issue { r.fail("due_date", "before_issue_date", "due_date is before issue_date") }
            let notes = r.text("notes", maxLength: 5000).value
            try r.finish()
            let lineRequests = requests
            return try await app.write(request) { db in
                try InvoiceService.create(db, request.actor, orderId: orderId, requests: lineRequests, issueDate: issue, dueDate: due, notes: notes)
            }
        }
    }

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["status", "customer_id", "order_id", "overdue", "due_before"], list: true)
            var filter = InvoiceStore.Filter()
            filter.status = try request.query.oneOf("status", InvoiceState.self)
            filter.customerId = try request.query.int("customer_id")
            filter.orderId = try request.query.int("order_id")
            filter.overdue = try request.query.bool("overdue")
            if let due = request.query["due_before"] {
                guard Timestamp.isValidDate(due) else { throw APIError.badRequest("due_before must be a date like 2026-12-31") }
                filter.dueBefore = due
            }
            let options = try ListParameters.parse(request.query)
            let query = filter
            let page = try await app.read { db in try InvoiceStore.list(db, filter: query, options: options) }
            let today = Timestamp.today()
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }) { invoice, w in
                InvoiceJSON.write(invoice, today: today, to: &w)
            }
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in InvoiceJSON.response(try InvoiceStore.get(db, id: id)) }
    }

    static func void(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["reason"])
            _ = r.text("reason", maxLength: 500)
            try r.finish()
            return try await app.write(request) { db in
                try InvoiceService.void(db, request.actor, id: id, expectedVersion: expected)
            }
        }
    }

    /// POST /v1/invoices/{id}/credit-notes {lines?: [{invoice_line_id, quantity}], reason*}.
    static func createCreditNote(_ app: APIContext) -> APIHandler {
        { request in
            let invoiceId = try request.id()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["lines", "reason"])
            r.require("reason")
            var requests: [LineRequest]?
            if let value = r.object["lines"] { requests = readLineRequests(value, key: "invoice_line_id", into: &r) }
            let reason = r.text("reason", maxLength: 500, nullable: false).value
            try r.finish()
            let lineRequests = requests
            return try await app.write(request) { db in
                try InvoiceService.createCreditNote(db, request.actor, invoiceId: invoiceId, requests: lineRequests, reason: reason ?? "")
            }
        }
    }

    static func listCreditNotes(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["invoice_id", "customer_id"], list: true)
            let invoiceId = try request.query.int("invoice_id")
            let customerId = try request.query.int("customer_id")
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try CreditNoteStore.list(db, invoiceId: invoiceId, customerId: customerId, options: options) }
            return ListResponse.make(page, cursor: { .id($0.id) }, write: InvoiceJSON.writeCreditNote)
        }
    }

    static func getCreditNote(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in InvoiceJSON.creditNoteResponse(try CreditNoteStore.get(db, id: id)) }
    }

    /// `lines: [{<key>, quantity}]` as used by invoices, credit notes, shipments and returns.
    static func readLineRequests(_ value: JSONValue, key: String, into r: inout BodyReader) -> [LineRequest]? {
        guard case .array(let items) = value, !items.isEmpty else {
            r.fail("lines", "invalid_type", "lines must be a non-empty array of {\(key), quantity}")
            return nil
        }
        // As many as an order may have lines (docs/api.md §3 "Lines and totals"); more is refused whole.
        guard items.count <= OrderRoutes.maxLines else {
            r.fail("lines", "too_many", "at most \(OrderRoutes.maxLines) lines")
            return nil
        }
        var out: [LineRequest] = []
        for (index, item) in items.enumerated() {
            guard case .object(let o) = item else {
                r.fail("lines[\(index)]", "invalid_type", "each line is an object")
                continue
            }
            var lr = BodyReader(o, prefix: "lines[\(index)].")
            lr.rejectUnknown([key, "quantity"])
            lr.require(key, "quantity")
            let lineId = lr.id(key, nullable: false).value
            let quantity = lr.quantity("quantity").value
            r.absorb(lr)
            if let lineId, let quantity { out.append(LineRequest(lineId: lineId, quantity: quantity)) }
        }
        return out
    }

    static func date(_ r: inout BodyReader, _ key: String) -> String? {
        guard case .value(let text) = r.text(key, maxLength: 10, nullable: false) else { return nil }
        guard Timestamp.isValidDate(text) else {
            r.fail(key, "invalid_date", "\(key) must be a date like 2026-12-31")
            return nil
        }
        return text
    }
}
