import SalesJSON
import SalesCore
import SalesStore

/// The create / get / update / delete handlers that every versioned resource shares:
/// the body is validated before the transaction (every bad field in one 422), the rules that
/// compare against stored state run inside it, `If-Match` is compared inside it
/// (docs/api.md §1 "versions"), and every answer carries the resource's ETag.
struct VersionedResource<Model: VersionedModel>: Sendable {
    /// The event resource type ("customer" → customer.created / .updated / .deleted, docs/api.md §3
    /// "Events"); nil records none.
    let eventResource: String?
    /// A model holding the defaults, for create and for validating a PATCH up front.
    let blank: @Sendable (APIContext) -> Model
    /// Applies the body's fields; `creating` makes the mandatory ones required.
    let apply: @Sendable (inout BodyReader, inout Model, _ creating: Bool, APIContext) -> Void
    let insert: @Sendable (SQLTransaction, Model) throws -> Model
    let fetch: @Sendable (SQLTransaction, Int64) throws -> Model
    let modify: @Sendable (SQLTransaction, Int64, Int64?, (inout Model) throws -> Void) throws -> Model
    let remove: @Sendable (SQLTransaction, Int64, Int64?) throws -> Void
    /// The response body for a model, built in the same transaction or read.
    let respond: @Sendable (SQLTransaction, Model, _ status: Int) throws -> APIResponse
    /// Field-level rules of docs/api.md §2 (who may set which field), checked on the request body
    /// before create and update.
    var authorize: (@Sendable (APIRequest, JSONObject) throws -> Void)? = nil
    /// Checks that wait on something outside the database (a webhook URL's DNS), on the body as
    /// `apply` read it, awaited once before the transaction — never inside it, where the write
    /// would wait with them; their field errors join the body's in one 422.
    var vet: (@Sendable (Model, APIContext) async -> [FieldError])? = nil

    func create(_ app: APIContext) -> APIHandler {
        { request in
            let object = try request.jsonObject()
            try authorize?(request, object)
            var reader = BodyReader(object)
            var model = blank(app)
            apply(&reader, &model, true, app)
            if let vet { reader.absorb(await vet(model, app)) }
            try reader.finish()
            let input = model
            return try await app.write(request) { db in
                let created = try insert(db, input)
                let response = try respond(db, created, 201)
                if let resource = eventResource { try EventLog.record(db, request.actor, resource + ".created", resource, created.id, response) }
                return response
            }
        }
    }

    func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in try respond(db, try fetch(db, id), 200) }
    }

    func update(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            let object = try request.jsonObject()
            try authorize?(request, object)
            var probe = BodyReader(object)
            var scratch = blank(app)
            apply(&probe, &scratch, false, app)
            if let vet { probe.absorb(await vet(scratch, app)) }
            try probe.finish()
            return try await app.write(request) { db in
                let updated = try modify(db, id, expected) { model in
                    var reader = BodyReader(object)
                    apply(&reader, &model, false, app)
                }
                let response = try respond(db, updated, 200)
                if let resource = eventResource, !response.body.isEmpty {
                    try EventLog.record(db, request.actor, resource + ".updated", resource, updated.id, response)
                }
                return response
            }
        }
    }

    func delete(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            return try await app.write(request) { db in
                try remove(db, id, expected)
                if let resource = eventResource { try EventLog.record(db, request.actor, resource + ".deleted", resource, id, body: Array("{\"id\":\(id)}".utf8)) }
                return .noContent
            }
        }
    }
}
