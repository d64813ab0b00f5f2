import SalesCore
import SalesJSON
import SalesStore

/// /v1/orders (docs/api.md §3 "Sales orders").
enum OrderRoutes {
    /// The most lines a document, or entries a request's `lines` or `allocations`, may have.
    static let maxLines = 500

    static let createFields: Set<String> = ["customer_id", "lines", "source", "external_ref", "sales_rep_id", "shipping_address", "notes",
                                            "allow_backorder", "auto_invoice", "confirm", "override_credit_limit", "metadata"]
    static let patchFields: Set<String> = ["lines", "external_ref", "sales_rep_id", "shipping_address", "notes", "allow_backorder",
                                           "auto_invoice", "metadata"]

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["status", "customer_id", "sales_rep_id", "source", "external_ref", "invoice_status",
                                                 "shipment_status", "q"], list: true)
            var filter = OrderStore.Filter()
            filter.status = try request.query.oneOf("status", OrderStatus.self)
            filter.customerId = try request.query.int("customer_id")
            filter.salesRepId = try request.query.int("sales_rep_id")
            filter.source = try request.query.oneOf("source", OrderSource.self)
            filter.externalRef = try request.query.nonEmpty("external_ref")
            filter.invoiceStatus = try request.query.oneOf("invoice_status", InvoiceStatus.self)
            filter.shipmentStatus = try request.query.oneOf("shipment_status", ShipmentStatus.self)
            filter.query = try request.query.nonEmpty("q")
            let options = try ListParameters.parse(request.query)
            let query = filter
            let page = try await app.read { db in
                let orders = try OrderStore.list(db, filter: query, options: options)
                return Page(items: try orders.items.map { ($0, try OrderJSON.balance(db, $0)) }, hasMore: orders.hasMore)
            }
            return ListResponse.make(page, cursor: { .after(id: $0.0.id, updatedAt: $0.0.updatedAt, in: options) }) { item, w in
                OrderJSON.write(item.0, balance: item.1, to: &w)
            }
        }
    }

    /// The body of POST /v1/orders: the draft and the confirm / override_credit_limit flags.
    static func readCreate(_ body: JSONObject) throws -> (draft: OrderStore.Draft, confirm: Bool, override: Bool) {
        var r = BodyReader(body)
        r.rejectUnknown(createFields)
        r.require("customer_id", "lines")
        let customerId = r.id("customer_id", nullable: false).value
        let lines = readLines(&r)
        var draft = OrderStore.Draft(customerId: customerId ?? 0, lines: lines ?? [])
        r.choice("source", OrderSource.self).assign(to: &draft.source)
        r.text("external_ref", maxLength: 200).assign(to: &draft.externalRef)
        r.id("sales_rep_id").assign(to: &draft.salesRepId)
        draft.shippingAddress = r.address("shipping_address").patch
        r.text("notes", maxLength: 5000).assign(to: &draft.notes)
        r.boolean("allow_backorder").assign(to: &draft.allowBackorder)
        r.boolean("auto_invoice").assign(to: &draft.autoInvoice)
        r.metadata().assign(to: &draft.metadata)
        let confirm = r.boolean("confirm").value ?? false
        let override = r.boolean("override_credit_limit").value ?? false
        try r.finish()
        return (draft, confirm, override)
    }

    static func create(_ app: APIContext) -> APIHandler {
        { request in
            let (parsed, confirm, override) = try readCreate(try request.jsonObject())
            var draft = parsed
            try checkOverride(override, request)
            draft.salesRepId = try request.actor.salesRepForNewDocument(draft.salesRepId)
            let input = draft
            let currency = app.configuration.currency
            return try await app.write(request) { db in
                try OrderService.create(db, request.actor, input, confirm: confirm, override: override, serverCurrency: currency)
            }
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in try OrderJSON.response(db, try OrderStore.get(db, id: id)) }
    }

    static func update(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(patchFields)
            var patch = OrderStore.Patch()
            if r.has("lines") { patch.lines = readLines(&r) }
            patch.externalRef = r.text("external_ref", maxLength: 200).patch
            patch.salesRepId = r.id("sales_rep_id").patch
            patch.shippingAddress = r.address("shipping_address").patch
            patch.notes = r.text("notes", maxLength: 5000).patch
            patch.allowBackorder = r.boolean("allow_backorder").value
            patch.autoInvoice = r.boolean("auto_invoice").value
            patch.metadata = r.metadata().value
            try r.finish()
            let input = patch
            let currency = app.configuration.currency
            return try await app.write(request) { db in
                try OrderService.update(db, request.actor, id: id, expectedVersion: expected, patch: input, serverCurrency: currency)
            }
        }
    }

    static func confirm(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["override_credit_limit"])
            let override = r.boolean("override_credit_limit").value ?? false
            try r.finish()
            try checkOverride(override, request)
            return try await app.write(request) { db in
                try OrderService.confirm(db, request.actor, id: id, expectedVersion: expected, override: override)
            }
        }
    }

    static func cancel(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            try request.requireNoFields()
            return try await app.write(request) { db in
                try OrderService.cancel(db, request.actor, id: id, expectedVersion: expected)
            }
        }
    }

    static func availability(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in OrderJSON.availabilityResponse(orderId: id, try OrderStore.availability(db, id: id)) }
    }

    /// docs/api.md §3: only an admin key may send override_credit_limit: true.
    static func checkOverride(_ override: Bool, _ request: APIRequest) throws {
        if override && request.principal?.role != .admin {
            throw APIError.forbidden("only an admin key may override a credit limit")
        }
    }

    /// Reads `lines` as request lines, reporting errors as lines[i].field.
    static func readLines(_ r: inout BodyReader) -> [LineInput]? {
        guard let value = r.object["lines"] else { return nil }
        guard case .array(let items) = value else {
            r.fail("lines", "invalid_type", "lines must be an array of line objects")
            return nil
        }
        if items.isEmpty { r.fail("lines", "required", "at least one line") }
        if items.count > maxLines { r.fail("lines", "too_many", "at most \(maxLines) lines") }
        var lines: [LineInput] = []
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item else {
                r.fail("lines[\(index)]", "invalid_type", "each line is an object")
                continue
            }
            var lr = BodyReader(object, prefix: r.prefix + "lines[\(index)].")
            lr.rejectUnknown(["product_id", "quantity", "unit_price", "discount_percent", "tax_rate_id", "description"])
            lr.require("product_id", "quantity")
            let productId = lr.id("product_id", nullable: false).value
            let quantity = lr.quantity("quantity").value
            var line = LineInput(productId: productId ?? 0, quantity: quantity ?? Quantity(thousandths: 0))
            line.unitPrice = lr.integer("unit_price", range: 0...Money.maxAmount).value
            line.discountE2 = lr.scaledDecimal("discount_percent", scale: 2, range: 0...10_000).value
            line.taxRateId = lr.id("tax_rate_id").patch
            line.description = lr.text("description", maxLength: 1000).value
            r.absorb(lr)
            if lr.errors.isEmpty { lines.append(line) }
        }
        return lines
    }
}
