import HTTPServer

/// Builds the HTTP routes of the sales API. Later issues register resources here.
public struct SalesApplication: Sendable {
    public init() {}

    public func makeRouter() -> Router<RouteHandler> {
        var router = Router<RouteHandler>()
        // API.md §1 "open routes": liveness needs no key.
        router.add(.GET, "/healthz") { _, _ in
            HTTPResponse(status: 200, contentType: "application/json", body: "{\"status\":\"ok\"}")
        }
        return router
    }

    public func makeResponder() -> RouterResponder {
        RouterResponder(router: makeRouter())
    }
}
