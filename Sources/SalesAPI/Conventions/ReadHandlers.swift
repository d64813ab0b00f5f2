import SalesStore

/// GET /v1/<resource>/{id}, the same for every resource: no query parameters (400 for any), the id
/// from the path (404 when it is not one), one read transaction that answers.
enum ReadHandlers {
    static func byId(_ app: APIContext, _ answer: @escaping @Sendable (SQLTransaction, Int64) throws -> APIResponse) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: false)
            let id = try request.id()
            return try await app.read { db in try answer(db, id) }
        }
    }
}
