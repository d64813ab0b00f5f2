// Our HTTPServer serving the benchmark's tiny JSON route: GET /hello → {"message":"hello"}.
import Foundation
import HTTPServer

let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 18081 : 18081
var configuration = HTTPServerConfiguration()
configuration.port = port
var router = Router<RouteHandler>()
let body = Array("{\"message\":\"hello\"}".utf8)
router.add(.GET, "/hello") { _, _ in
    HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body)
}
let server = HTTPServer(configuration: configuration, responder: RouterResponder(router: router))
try server.start()
print("ready on \(server.port)")
fflush(nil)
while true { sleep(3600) }
