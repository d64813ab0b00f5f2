import SalesCore
import SalesJSON
import SalesStore

/// /v1/tax-rates (API.md §3 Tax rates). `percent` is 0–100 with at most 4 decimals, kept exactly.
enum TaxRateRoutes {
    static let fields: Set<String> = ["name", "percent", "inclusive", "active", "metadata"]

    static func list(_ app: SalesApp) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["active"], list: true)
            let active = try request.query.bool("active")
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try TaxRateStore.list(db, active: active, options: options) }
            return ListResponse.make(page, options: options, cursor: { options.updatedSince != nil ? .update($0.updatedAt, $0.id) : .id($0.id) },
                                     write: write)
        }
    }

    static func create(_ app: SalesApp) -> APIHandler {
        { request in
            var reader = BodyReader(try request.jsonObject())
            var rate = TaxRate(id: 0, name: "", percentE4: 0, inclusive: false, active: true, metadata: [:], version: 1, createdAt: "", updatedAt: "")
            apply(&reader, to: &rate, creating: true)
            try reader.finish()
            let input = rate
            return try await app.write(request) { db in response(try TaxRateStore.create(db, input), status: 201) }
        }
    }

    static func get(_ app: SalesApp) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: false)
            let id = try request.id()
            return try await app.read { db in response(try TaxRateStore.get(db, id: id)) }
        }
    }

    static func update(_ app: SalesApp) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            let object = try request.jsonObject()
            var probe = BodyReader(object)
            var scratch = TaxRate(id: 0, name: "x", percentE4: 0, inclusive: false, active: true, metadata: [:], version: 1, createdAt: "", updatedAt: "")
            apply(&probe, to: &scratch, creating: false)
            try probe.finish()
            return try await app.write(request) { db in
                response(try TaxRateStore.update(db, id: id, expectedVersion: expected) { t in
                    var reader = BodyReader(object)
                    apply(&reader, to: &t, creating: false)
                })
            }
        }
    }

    static func delete(_ app: SalesApp) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            return try await app.write(request) { db in
                try TaxRateStore.delete(db, id: id, expectedVersion: expected)
                return .noContent
            }
        }
    }

    static func apply(_ r: inout BodyReader, to t: inout TaxRate, creating: Bool) {
        r.rejectUnknown(fields)
        if creating { r.require("name", "percent") }
        r.text("name", maxLength: 100, nullable: false).assign(to: &t.name)
        r.scaledDecimal("percent", scale: 4, range: 0...1_000_000).assign(to: &t.percentE4)
        r.boolean("inclusive").assign(to: &t.inclusive)
        r.boolean("active").assign(to: &t.active)
        r.metadata().assign(to: &t.metadata)
    }

    static func response(_ t: TaxRate, status: Int = 200) -> APIResponse {
        APIResponse.json(status, etag: t.version) { w in write(t, to: &w) }
    }

    static func write(_ t: TaxRate, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(t.id)
        w.key("name"); w.string(t.name)
        w.key("percent"); w.rawNumber(ExactDecimal.format(t.percentE4, scale: 4))
        w.key("inclusive"); w.bool(t.inclusive)
        w.key("active"); w.bool(t.active)
        w.key("metadata"); ResourceJSON.metadata(t.metadata, to: &w)
        w.key("version"); w.int(t.version)
        w.key("created_at"); w.string(t.createdAt)
        w.key("updated_at"); w.string(t.updatedAt)
        w.endObject()
    }
}
