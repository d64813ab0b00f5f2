import SalesCore
import SalesJSON
import SalesStore

/// The event feed (docs/api.md §3 "Events and webhooks"). Handlers record events inside their write
/// transaction with `Events.record`, so an event is committed exactly with its change.
enum Events {
    /// Records `type` for a resource whose JSON (as answered) is `response`'s body.
    static func record(_ db: SQLTransaction, _ request: APIRequest, _ type: String, _ resourceType: String, _ id: Int64, _ response: APIResponse) throws {
        try record(db, request, type, resourceType, id, body: response.body)
    }

    static func record(_ db: SQLTransaction, _ request: APIRequest, _ type: String, _ resourceType: String, _ id: Int64, body: [UInt8]) throws {
        let actor = request.principal.map { EventActor(keyId: $0.keyId, name: $0.name) }
        try EventStore.record(db, type: type, actor: actor, resourceType: resourceType, resourceId: id, data: body)
    }

    /// invoice.paid for each of `invoiceIds` that is paid now (callers pass invoices that were
    /// open before the change).
    static func invoicesPaid(_ db: SQLTransaction, _ request: APIRequest, _ invoiceIds: [Int64]) throws {
        for id in invoiceIds {
            let invoice = try InvoiceStore.get(db, id: id)
            if invoice.status == .paid { try record(db, request, "invoice.paid", "invoice", id, InvoiceJSON.response(invoice)) }
        }
    }

    /// order.completed when the change completed the order (its derived status, docs/api.md §3).
    static func orderCompleted(_ db: SQLTransaction, _ request: APIRequest, orderId: Int64, before: OrderStatus) throws {
        guard before != .completed, try OrderStore.status(db, id: orderId) == .completed else { return }
        try record(db, request, "order.completed", "order", orderId, try OrderJSON.response(db, try OrderStore.get(db, id: orderId)))
    }

    /// GET /v1/events?after=<event id>&type=&limit: oldest first; next_cursor is the last id,
    /// to pass as `after` (a `cursor` works too).
    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["after", "type", "limit", "cursor"], list: false)
            var after = try request.query.int("after", range: 0...Int64.max) ?? 0
            if let cursor = request.query["cursor"] {
                guard let id = Int64(cursor), id >= 0 else { throw APIError.badRequest("cursor must be a next_cursor from this feed") }
                after = max(after, id)
            }
            let type = try request.query.nonEmpty("type")
            let limit = Int(try request.query.int("limit", range: 1...200) ?? 50)
            let start = after
            let page = try await app.read { db in try EventStore.list(db, after: start, type: type, limit: limit) }
            return APIResponse.json { w in
                w.beginObject()
                w.key("data")
                w.beginArray()
                for e in page.items { EventJSON.write(e, to: &w) }
                w.endArray()
                w.key("has_more"); w.bool(page.hasMore)
                w.key("next_cursor")
                if let last = page.items.last { w.string(String(last.id)) } else { w.string(String(after)) }
                w.endObject()
            }
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in
            let event = try EventStore.get(db, id: id)
            return APIResponse.json { w in EventJSON.write(event, to: &w) }
        }
    }
}
