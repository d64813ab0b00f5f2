import SalesCore
import SalesJSON
import SalesStore

/// /v1/tax-rates (docs/api.md §3 Tax rates). `percent` is 0–100 with at most 4 decimals, kept exactly.
enum TaxRateRoutes {
    static let fields: Set<String> = ["name", "percent", "inclusive", "active", "metadata"]

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["active"], list: true)
            let active = try request.query.bool("active")
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try TaxRateStore.list(db, active: active, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) },
                                     write: TaxRateJSON.write)
        }
    }

    static let resource = VersionedResource<TaxRate>(
        eventResource: "tax_rate",
        blank: { _ in TaxRate(id: 0, name: "", percentE4: 0, inclusive: false, active: true, metadata: [:], version: 1, createdAt: "", updatedAt: "") },
        apply: { reader, rate, creating, _ in apply(&reader, to: &rate, creating: creating) },
        insert: TaxRateStore.create,
        fetch: { db, id in try TaxRateStore.get(db, id: id) },
        modify: { db, id, expected, change in try TaxRateStore.update(db, id: id, expectedVersion: expected, change: change) },
        remove: { db, id, expected in try TaxRateStore.delete(db, id: id, expectedVersion: expected) },
        respond: { _, rate, status in TaxRateJSON.response(rate, status: status) }
    )

    static func apply(_ r: inout BodyReader, to t: inout TaxRate, creating: Bool) {
        r.rejectUnknown(fields)
        if creating { r.require("name", "percent") }
        r.text("name", maxLength: 100, nullable: false).assign(to: &t.name)
        r.scaledDecimal("percent", scale: 4, range: 0...1_000_000).assign(to: &t.percentE4)
        r.boolean("inclusive").assign(to: &t.inclusive)
        r.boolean("active").assign(to: &t.active)
        r.metadata().assign(to: &t.metadata)
    }
}
