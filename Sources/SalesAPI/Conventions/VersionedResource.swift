import GRDB
import SalesCore

/// The create / get / update / delete handlers that every versioned resource shares:
/// the body is validated before the transaction (every bad field in one 422), the rules that
/// compare against stored state run inside it, `If-Match` is compared inside it
/// (API.md §1 "versions"), and every answer carries the resource's ETag.
struct VersionedResource<Model: Sendable>: Sendable {
    /// A model holding the defaults, for create and for validating a PATCH up front.
    let blank: @Sendable (SalesApp) -> Model
    /// Applies the body's fields; `creating` makes the mandatory ones required.
    let apply: @Sendable (inout BodyReader, inout Model, _ creating: Bool, SalesApp) -> Void
    let insert: @Sendable (Database, Model) throws -> Model
    let fetch: @Sendable (Database, Int64) throws -> Model
    let modify: @Sendable (Database, Int64, Int64?, (inout Model) throws -> Void) throws -> Model
    let remove: @Sendable (Database, Int64, Int64?) throws -> Void
    /// The response body for a model, built in the same transaction or read.
    let respond: @Sendable (Database, Model, _ status: Int) throws -> APIResponse

    func create(_ app: SalesApp) -> APIHandler {
        { request in
            var reader = BodyReader(try request.jsonObject())
            var model = blank(app)
            apply(&reader, &model, true, app)
            try reader.finish()
            let input = model
            return try await app.write(request) { db in try respond(db, try insert(db, input), 201) }
        }
    }

    func get(_ app: SalesApp) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: false)
            let id = try request.id()
            return try await app.read { db in try respond(db, try fetch(db, id), 200) }
        }
    }

    func update(_ app: SalesApp) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            let object = try request.jsonObject()
            var probe = BodyReader(object)
            var scratch = blank(app)
            apply(&probe, &scratch, false, app)
            try probe.finish()
            return try await app.write(request) { db in
                let updated = try modify(db, id, expected) { model in
                    var reader = BodyReader(object)
                    apply(&reader, &model, false, app)
                }
                return try respond(db, updated, 200)
            }
        }
    }

    func delete(_ app: SalesApp) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            return try await app.write(request) { db in
                try remove(db, id, expected)
                return .noContent
            }
        }
    }
}
