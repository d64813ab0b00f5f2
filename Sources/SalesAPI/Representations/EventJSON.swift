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

    /// A page of the feed: next_cursor is the last id (or, on an empty page, the `after` asked
    /// for), to pass as `after`.
    static func feedResponse(_ page: Page<EventRecord>, after: Int64) -> APIResponse {
        APIResponse.json { w in
            w.beginObject()
            w.key("data")
            w.beginArray()
            for e in page.items { write(e, to: &w) }
            w.endArray()
            w.key("has_more"); w.bool(page.hasMore)
            w.key("next_cursor")
            if let last = page.items.last { w.string(String(last.id)) } else { w.string(String(after)) }
            w.endObject()
        }
    }
}
