import Foundation
import SalesCore
import SalesJSON
import SalesStore

/// The JSON of webhook endpoints, as the API answers it and events carry it (docs/api.md §3).
enum WebhookJSON {
    static func write(_ e: WebhookEndpoint, secret: String?, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(e.id)
        w.key("url"); w.string(e.url)
        w.key("description"); w.string(e.description)
        w.key("events")
        w.beginArray()
        for type in e.events { w.string(type) }
        w.endArray()
        w.key("active"); w.bool(e.active)
        if let secret { w.key("secret"); w.string(secret) }
        w.key("secret_prefix"); w.string(e.secretPrefix)
        w.key("metadata"); w.metadata(e.metadata)
        w.key("version"); w.int(e.version)
        w.key("created_at"); w.string(e.createdAt)
        w.key("updated_at"); w.string(e.updatedAt)
        w.endObject()
    }
}
