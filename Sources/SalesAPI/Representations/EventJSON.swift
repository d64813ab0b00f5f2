import SalesCore
import SalesJSON
import SalesStore

/// The JSON of events, as the API answers it and events carry it (docs/api.md §3).
enum EventJSON {
    static func write(_ e: EventRecord, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(e.id)
        w.key("type"); w.string(e.type)
        w.key("created_at"); w.string(e.createdAt)
        w.key("actor")
        if let actor = e.actor {
            w.beginObject()
            w.key("type"); w.string("api_key")
            w.key("id"); w.int(actor.keyId)
            w.key("name"); w.string(actor.name)
            w.endObject()
        } else {
            w.null()
        }
        w.key("resource_type"); w.string(e.resourceType)
        w.key("resource_id"); w.int(e.resourceId)
        w.key("data"); w.rawJSON(e.data)
        w.endObject()
    }
}
