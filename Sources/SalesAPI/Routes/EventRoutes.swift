import SalesCore
import SalesJSON
import SalesStore

/// The event feed (docs/api.md §3 "Events and webhooks"): GET /v1/events and /v1/events/{id}.
/// Events are recorded by the services, through EventLog.
enum EventRoutes {
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
            return EventJSON.feedResponse(page, after: start)
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in
            let event = try EventStore.get(db, id: id)
            return APIResponse.json { w in EventJSON.write(event, to: &w) }
        }
    }
}
