// The peer: Hummingbird 2 serving the same route, written the idiomatic way.
import Hummingbird
import Logging

let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 18082 : 18082
let router = Router()
router.get("hello") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"],
             body: .init(byteBuffer: ByteBuffer(string: "{\"message\":\"hello\"}")))
}
var logger = Logger(label: "peer")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
print("ready on \(port)")
try await app.runService()
