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

    /// A delivery of an event to an endpoint, with its attempts.
    static func writeDelivery(_ d: WebhookDelivery, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(d.id)
        w.key("endpoint_id"); w.int(d.endpointId)
        w.key("event_id"); w.int(d.eventId)
        w.key("event_type"); w.string(d.eventType)
        w.key("status"); w.string(d.status)
        w.key("attempt_count"); w.int(Int64(d.attempts.count))
        w.key("attempts")
        w.beginArray()
        for a in d.attempts {
            w.beginObject()
            w.key("at"); w.string(a.at)
            w.key("status_code"); w.int(a.statusCode)
            w.key("error"); w.string(a.error)
            w.key("duration_ms"); w.int(a.durationMs)
            w.endObject()
        }
        w.endArray()
        w.key("next_attempt_at"); w.string(d.nextAttemptAt)
        w.key("delivered_at"); w.string(d.deliveredAt)
        w.key("created_at"); w.string(d.createdAt)
        w.endObject()
    }
}
