import SalesCore
import SalesJSON
import SalesStore

/// /v1/quotes (docs/api.md §3 "Quotes").
enum QuoteRoutes {
    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["status", "customer_id", "sales_rep_id"], list: true)
            var filter = QuoteStore.Filter()
            filter.status = try request.query.oneOf("status", QuoteStatus.self)
            filter.customerId = try request.query.int("customer_id")
            filter.salesRepId = try request.query.int("sales_rep_id")
            let options = try ListParameters.parse(request.query)
            let query = filter
            let page = try await app.read { db in try QuoteStore.list(db, filter: query, options: options) }
            let today = Timestamp.today()
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }) { q, w in
                QuoteJSON.write(q, today: today, to: &w)
            }
        }
    }

    static func create(_ app: APIContext) -> APIHandler {
        { request in
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["customer_id", "lines", "valid_until", "notes", "sales_rep_id", "metadata"])
            r.require("customer_id", "lines")
            let customerId = r.id("customer_id", nullable: false).value
            let lines = OrderRoutes.readLines(&r)
            var draft = QuoteStore.Draft(customerId: customerId ?? 0, lines: lines ?? [])
            draft.validUntil = validUntil(&r)
            r.text("notes", maxLength: 5000).assign(to: &draft.notes)
            r.id("sales_rep_id").assign(to: &draft.salesRepId)
            r.metadata().assign(to: &draft.metadata)
            try r.finish()
            draft.salesRepId = try request.actor.salesRepForNewDocument(draft.salesRepId)
            let input = draft
            let currency = app.configuration.currency
            return try await app.write(request) { db in
                try QuoteService.create(db, request.actor, draft: input, serverCurrency: currency)
            }
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in QuoteJSON.response(try QuoteStore.get(db, id: id)) }
    }

    static func update(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["lines", "valid_until", "notes", "sales_rep_id", "metadata"])
            var patch = QuoteStore.Patch()
            if r.has("lines") { patch.lines = OrderRoutes.readLines(&r) }
            patch.validUntil = validUntil(&r)
            patch.notes = r.text("notes", maxLength: 5000).patch
            patch.salesRepId = r.id("sales_rep_id").patch
            patch.metadata = r.metadata().value
            try r.finish()
            let input = patch
            let currency = app.configuration.currency
            return try await app.write(request) { db in
                try QuoteService.update(db, request.actor, id: id, expectedVersion: expected, patch: input, serverCurrency: currency)
            }
        }
    }

    static func transition(_ app: APIContext, _ action: QuoteStore.Action) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            try request.requireNoFields()
            return try await app.write(request) { db in
                try QuoteService.transition(db, request.actor, id: id, action: action, expectedVersion: expected)
            }
        }
    }

    /// POST /v1/quotes/{id}/convert {confirm?} → 201 with the new order.
    static func convert(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["confirm", "override_credit_limit"])
            let confirm = r.boolean("confirm").value ?? false
            let override = r.boolean("override_credit_limit").value ?? false
            try r.finish()
            try OrderRoutes.checkOverride(override, request)
            let currency = app.configuration.currency
            return try await app.write(request) { db in
                try QuoteService.convert(db, request.actor, id: id, expectedVersion: expected, confirm: confirm, override: override, serverCurrency: currency)
            }
        }
    }

    /// valid_until: a YYYY-MM-DD date (default: today + 30 days).
    static func validUntil(_ r: inout BodyReader) -> String? {
        guard case .value(let text) = r.text("valid_until", maxLength: 10, nullable: false) else { return nil }
        guard Timestamp.isValidDate(text) else {
            r.fail("valid_until", "invalid_date", "valid_until must be a date like 2026-12-31")
            return nil
        }
        return text
    }
}
