import SalesCore
import SalesJSON
import SalesStore

/// The JSON of tax rates, as the API answers it and events carry it (docs/api.md §3).
enum TaxRateJSON {
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
        w.key("metadata"); w.metadata(t.metadata)
        w.key("version"); w.int(t.version)
        w.key("created_at"); w.string(t.createdAt)
        w.key("updated_at"); w.string(t.updatedAt)
        w.endObject()
    }
}
