import SalesCore
import SalesJSON
import SalesStore

/// /v1/api-keys (docs/api.md §2): admin only, but for `current`. The secret is returned once, at
/// creation.
enum APIKeyRoutes {
    /// The calling key itself, for every role (docs/api.md §2): a client (the console)
    /// learns its role, and so what not to offer, without trying.
    static func current(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: false)
            guard let principal = request.principal else { throw APIError.unauthorized("an API key is required") }
            let record = try await app.read { db in try APIKeyStore.get(db, id: principal.keyId) }
            return APIResponse.json { w in APIKeyJSON.write(record, secret: nil, to: &w) }
        }
    }

    static func create(_ app: APIContext) -> APIHandler {
        { request in
            var reader = BodyReader(try request.jsonObject())
            reader.rejectUnknown(["name", "role", "sales_rep_id"])
            reader.require("name", "role")
            let name = reader.text("name", maxLength: 100, nullable: false).value
            let role = reader.choice("role", Role.self).value
            let rep = reader.id("sales_rep_id").value
            try reader.finish()
            guard let name, let role else { throw APIError.badRequest("name and role are required") }
            let secret = APIKeys.generate()
            return try await app.write(request) { db in
                let record = try APIKeyStore.create(db, name: name, role: role, salesRepId: rep, hash: APIKeys.hash(secret),
                                                    prefix: APIKeys.prefix(secret))
                return APIResponse.json(201) { w in APIKeyJSON.write(record, secret: secret, to: &w) }
            }
        }
    }

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["limit", "cursor"], list: false)
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try APIKeyStore.list(db, afterId: options.afterId, limit: options.limit) }
            return ListResponse.make(page, cursor: { .id($0.id) }) { record, w in APIKeyJSON.write(record, secret: nil, to: &w) }
        }
    }

    static func revoke(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let response = try await app.write(request) { db in
                let record = try APIKeyStore.revoke(db, id: id)
                return APIResponse.json { w in APIKeyJSON.write(record, secret: nil, to: &w) }
            }
            // docs/api.md §2: revocation is immediate, so no cached verification may outlive it.
            app.authCache.invalidateAll()
            return response
        }
    }
}
