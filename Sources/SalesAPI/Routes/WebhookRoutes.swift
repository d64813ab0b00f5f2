import Foundation
import SalesCore
import SalesJSON
import SalesStore

/// /v1/webhook-endpoints (docs/api.md §3 "Events and webhooks"; admin: they decide where data goes).
/// The signing secret is generated unless given and shown only in the create response.
enum WebhookRoutes {
    static let fields: Set<String> = ["url", "events", "secret", "description", "active", "metadata"]

    /// The body's fields; `url`'s form only — where it leads is `destination`'s, awaited before.
    static func apply(_ r: inout BodyReader, to e: inout WebhookEndpoint, creating: Bool) {
        r.rejectUnknown(creating ? fields : fields.subtracting(["secret"]))
        if creating { r.require("url") }
        if case .value(let url) = r.text("url", maxLength: 2000, nullable: false) {
            if let problem = WebhookDestination.formProblem(url) {
                r.fail("url", "invalid_url", problem)
            } else {
                e.url = url
            }
        }
        if let value = r.object["events"] {
            if case .array(let items) = value, !items.isEmpty, items.count <= 100 {
                var events: [String] = []
                for (index, item) in items.enumerated() {
                    guard case .string(let type) = item, type == "*" || isEventPattern(type) else {
                        r.fail("events[\(index)]", "invalid_event_type", "an event type like \"order.confirmed\", a family like \"order.*\", or \"*\"")
                        continue
                    }
                    events.append(type)
                }
                e.events = events
            } else {
                r.fail("events", "invalid_type", "events must be a non-empty array of event types (at most 100)")
            }
        }
        r.text("description", maxLength: 500).assign(to: &e.description)
        r.boolean("active").assign(to: &e.active)
        r.metadata().assign(to: &e.metadata)
    }

    static func isEventPattern(_ type: String) -> Bool {
        let parts = type.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, type.utf8.count <= 100 else { return false }
        let word = { (s: Substring) in !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F } }
        return word(parts[0]) && (word(parts[1]) || parts[1] == "*")
    }

    static let resource = VersionedResource<WebhookEndpoint>(
        eventResource: nil,
        blank: { _ in WebhookEndpoint() },
        apply: { reader, endpoint, creating, _ in apply(&reader, to: &endpoint, creating: creating) },
        insert: { db, e in try WebhookStore.create(db, e, secret: newSecret()) },
        fetch: { db, id in try WebhookStore.get(db, id: id) },
        modify: { db, id, expected, change in try WebhookStore.update(db, id: id, expectedVersion: expected, change: change) },
        remove: { db, id, expected in try WebhookStore.delete(db, id: id, expectedVersion: expected) },
        respond: { _, e, status in APIResponse.json(status, etag: e.version) { w in WebhookJSON.write(e, secret: nil, to: &w) } },
        vet: { endpoint, app in await destination(endpoint.url, app) }
    )

    /// Where the `url` that `apply` accepted leads (WebhookDestination.judge): refused when it
    /// resolves to an address that is not public and the operator has not allowed those. Resolved
    /// once, off the cooperative threads and before the write transaction. Empty when the body
    /// has no url, or one `apply` refused (it is then left blank).
    static func destination(_ url: String, _ app: APIContext) async -> [FieldError] {
        guard !url.isEmpty,
              case .refused(let why) = await WebhookDestination.judge(url, allowPrivate: app.configuration.webhookAllowPrivate) else {
            return []
        }
        return [FieldError(field: "url", code: "destination_not_allowed", message: why)]
    }

    static func newSecret() -> String { "whsec_" + Crypto.randomBytes(24).map { String(format: "%02x", $0) }.joined() }

    /// POST: 201 with `secret`, the only time it is shown.
    static func create(_ app: APIContext) -> APIHandler {
        { request in
            var r = BodyReader(try request.jsonObject())
            var endpoint = WebhookEndpoint()
            apply(&r, to: &endpoint, creating: true)
            r.absorb(await destination(endpoint.url, app))
            var secret = newSecret()
            if case .value(let given) = r.text("secret", maxLength: 200, nullable: false) {
                // Characters are Unicode scalars, as every length in docs/api.md §1 and the spec's
                // minLength: 16 (bytes let 15 characters through when one took four).
                if given.unicodeScalars.count >= 16 { secret = given } else { r.fail("secret", "too_short", "a secret has at least 16 characters") }
            }
            try r.finish()
            let input = endpoint
            let key = secret
            return try await app.write(request) { db in
                let created = try WebhookStore.create(db, input, secret: key)
                return APIResponse.json(201, etag: created.version) { w in WebhookJSON.write(created, secret: key, to: &w) }
            }
        }
    }

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: true)
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try WebhookStore.list(db, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }) { e, w in WebhookJSON.write(e, secret: nil, to: &w) }
        }
    }

    /// GET /v1/webhook-endpoints/{id}/deliveries?status: each delivery with its attempts.
    static func deliveries(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["status", "limit", "cursor"], list: false)
            let id = try request.id()
            let status = request.query["status"]
            if let status, !["pending", "delivered", "failed"].contains(status) { throw APIError.badRequest("status must be pending, delivered or failed") }
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try WebhookStore.deliveries(db, endpointId: id, status: status, options: options) }
            return ListResponse.make(page, cursor: { .id($0.id) }) { d, w in WebhookJSON.writeDelivery(d, to: &w) }
        }
    }
}
