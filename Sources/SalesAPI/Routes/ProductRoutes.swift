import SalesCore
import SalesJSON
import SalesStore

/// /v1/products, stock adjustments and movements, and /v1/stock (docs/api.md §3 Products).
enum ProductRoutes {
    static let fields: Set<String> = ["sku", "name", "description", "type", "unit_price", "prices", "tax_rate_id", "reorder_level",
                                      "invoice_policy", "active", "metadata"]

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["q", "type", "active", "low_stock"], list: true)
            let filter = try productFilter(request.query)
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try ProductStore.list(db, filter: filter, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: ProductJSON.write)
        }
    }

    static func productFilter(_ query: QueryParameters) throws -> ProductStore.Filter {
        var filter = ProductStore.Filter()
        filter.query = try query.nonEmpty("q")
        filter.sku = try query.nonEmpty("sku")
        filter.type = try query.oneOf("type", ProductType.self)
        filter.active = try query.bool("active")
        filter.lowStock = try query.bool("low_stock")
        return filter
    }

    static let resource = VersionedResource<Product>(
        eventResource: "product",
        blank: { _ in blank() },
        apply: { reader, product, creating, app in
            apply(&reader, to: &product, creating: creating, serverCurrency: app.configuration.currency)
        },
        insert: ProductStore.create,
        fetch: { db, id in try ProductStore.get(db, id: id) },
        modify: { db, id, expected, change in try ProductStore.update(db, id: id, expectedVersion: expected, change: change) },
        remove: { db, id, expected in try ProductStore.delete(db, id: id, expectedVersion: expected) },
        respond: { _, product, status in ProductJSON.response(product, status: status) }
    )

    /// POST /v1/products/{id}/stock-adjustments {quantity (signed, ≠ 0), reason} → 201 movement.
    static func adjustStock(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            var reader = BodyReader(try request.jsonObject())
            reader.rejectUnknown(["quantity", "reason"])
            reader.require("quantity")
            let quantity = reader.quantity("quantity", allowNegative: true).value
            let reason = reader.text("reason", maxLength: 500).value
            try reader.finish()
            guard let quantity else { throw APIError.badRequest("quantity is required") }
            return try await app.write(request) { db in
                try StockService.adjust(db, request.actor, productId: id, quantity: quantity, reason: reason)
            }
        }
    }

    static func movements(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["limit", "cursor"], list: false)
            let id = try request.id()
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try ProductStore.movements(db, productId: id, afterId: options.afterId, limit: options.limit) }
            return ListResponse.make(page, cursor: { .id($0.id) }, write: ProductJSON.writeMovement)
        }
    }

    /// GET /v1/stock?sku=&q=&product_id=&low_stock= → rows {product_id, sku, name, on_hand, reserved, available}.
    static func stockInquiry(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["sku", "q", "product_id", "low_stock", "limit", "cursor"], list: false)
            var stockFilter = try productFilter(request.query)
            stockFilter.type = .stockable
            let filter = stockFilter
            let productId = try request.query.int("product_id")
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db -> Page<Product> in
                if let productId {
                    let p = try ProductStore.get(db, id: productId)
                    return Page(items: p.type == .stockable ? [p] : [], hasMore: false)
                }
                return try ProductStore.list(db, filter: filter, options: options)
            }
            return ListResponse.make(page, cursor: { .id($0.id) }) { p, w in ProductJSON.writeStockLevel(p, to: &w) }
        }
    }

    static func blank() -> Product {
        Product(id: 0, sku: "", name: "", description: nil, type: .stockable, unitPrice: 0, prices: [:], taxRateId: nil, reorderLevel: nil,
                invoicePolicy: .ordered, active: true, metadata: [:], onHand: Quantity(thousandths: 0), reserved: Quantity(thousandths: 0),
                version: 1, createdAt: "", updatedAt: "")
    }

    static func apply(_ r: inout BodyReader, to p: inout Product, creating: Bool, serverCurrency: String) {
        r.rejectUnknown(fields)
        if creating { r.require("sku", "name", "unit_price") }
        // docs/api.md §3 Products: a SKU is kept exactly, so one with white space at either end
        // is refused rather than trimmed; its identity ignores ASCII case (migration 0009).
        if case .value(let sku) = r.text("sku", maxLength: 64, nullable: false) {
            if sku.unicodeScalars.first.map({ $0.properties.isWhitespace }) == true || sku.unicodeScalars.last.map({ $0.properties.isWhitespace }) == true {
                r.fail("sku", "invalid_sku", "sku may not start or end with white space")
            } else {
                p.sku = sku
            }
        }
        r.text("name", maxLength: 200, nullable: false).assign(to: &p.name)
        r.text("description", maxLength: 2000).assign(to: &p.description)
        r.choice("type", ProductType.self).assign(to: &p.type)
        r.integer("unit_price", range: 0...Money.maxAmount).assign(to: &p.unitPrice)
        r.id("tax_rate_id").assign(to: &p.taxRateId)
        r.quantity("reorder_level", allowZero: true, nullable: true).assign(to: &p.reorderLevel)
        r.choice("invoice_policy", InvoicePolicy.self).assign(to: &p.invoicePolicy)
        r.boolean("active").assign(to: &p.active)
        r.metadata().assign(to: &p.metadata)
        if let value = r.object["prices"] {
            switch value {
            case .null:
                p.prices = [:]
            case .object(let o):
                var prices: [String: Int64] = [:]
                var nested = BodyReader(o, prefix: "prices.")
                for code in o.keys {
                    guard Currencies.isKnown(code) else {
                        nested.fail(code, "invalid_currency", "price keys are ISO 4217 codes in upper case, like \"EUR\"")
                        continue
                    }
                    guard case .value(let amount) = nested.integer(code, range: 0...Money.maxAmount) else { continue }
                    if code == serverCurrency {
                        nested.fail(code, "redundant", "the price in \(serverCurrency) is unit_price")
                    } else {
                        prices[code] = amount
                    }
                }
                r.absorb(nested)
                if nested.errors.isEmpty { p.prices = prices }
            default:
                r.fail("prices", "invalid_type", "prices must be an object of currency code → amount")
            }
        }
    }
}
