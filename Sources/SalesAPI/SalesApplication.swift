import HTTPServer
import Logging
import SalesStore

/// Builds the API's responder from the services.
public struct SalesApplication: Sendable {
    public let app: SalesApp

    public init(app: SalesApp) {
        self.app = app
    }

    public func makeResponder() -> APIResponder {
        APIResponder(app: app, routes: RouteTable.routes(app))
    }
}
