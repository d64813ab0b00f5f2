import Foundation
import SalesJSON
import SalesStore
import Yams

/// Open routes (docs/api.md §1): /healthz, /readyz, /metrics, /openapi.json.
enum SystemRoutes {
    static func healthz(_ app: APIContext) -> APIHandler {
        { _ in APIResponse(status: 200, body: Array("{\"status\":\"ok\"}".utf8)) }
    }

    /// Ready when the database answers and every embedded migration is applied.
    static func readyz(_ app: APIContext) -> APIHandler {
        { _ in
            do {
                let pending = try await app.read { db -> [String] in
                    _ = try db.fetchValue("SELECT 1", as: Int.self)
                    return try app.database.pendingMigrations(db)
                }
                guard pending.isEmpty else {
                    throw APIError.unavailable("migrations not applied: " + pending.joined(separator: ", "))
                }
                return APIResponse(status: 200, body: Array("{\"status\":\"ready\"}".utf8))
            } catch let error as APIError {
                throw error
            } catch {
                throw APIError.unavailable("database unreachable")
            }
        }
    }

    static func metrics(_ app: APIContext) -> APIHandler {
        { _ in
            APIResponse(status: 200, body: Array(app.metrics.render(openConnections: app.openConnections, writeRetries: app.database.writeRetries).utf8),
                        contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    static func openapi(_ app: APIContext) -> APIHandler {
        { _ in
            guard let json = OpenAPIDocument.json else { throw APIError.internalError }
            return APIResponse(status: 200, body: json)
        }
    }
}

/// docs/openapi.yaml, embedded at build time (Plugins/EmbedFiles) and turned into JSON once, on
/// first use.
enum OpenAPIDocument {
    static let json: [UInt8]? = {
        guard let file = EmbeddedFiles.all.first(where: { $0.name == "docs/openapi.yaml" }),
              let tree = try? Yams.load(yaml: file.text) else { return nil }
        guard let data = try? JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys]) else { return nil }
        return [UInt8](data)
    }()
}
