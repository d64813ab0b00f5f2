import Testing
import HTTPServer
import HTTPTestSupport
import SalesAPI

/// End to end: the application's router on a real server, over a socket.
@Suite struct HealthEndpoint {
    @Test func healthzAnswersOK() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: SalesApplication().makeResponder())
        try server.start()
        let port = server.port
        let response = try await offPool { try RawClient(port: port).request("GET", "/healthz") }
        await server.shutdownGracefully()
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.bodyText == "{\"status\":\"ok\"}")
    }
}
