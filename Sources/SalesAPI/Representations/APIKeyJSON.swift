import SalesCore
import SalesJSON
import SalesStore

/// The JSON of API keys, as the API answers it and events carry it (docs/api.md §3).
enum APIKeyJSON {
    static func write(_ k: APIKeyRecord, secret: String?, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(k.id)
        w.key("name"); w.string(k.name)
        w.key("role"); w.string(k.role.rawValue)
        w.key("sales_rep_id"); w.int(k.salesRepId)
        w.key("prefix"); w.string(k.prefix)
        if let secret { w.key("key"); w.string(secret) }
        w.key("revoked"); w.bool(k.revokedAt != nil)
        w.key("revoked_at"); w.string(k.revokedAt)
        w.key("created_at"); w.string(k.createdAt)
        w.endObject()
    }
}
