import Foundation
import SalesClient

/// The server these tests talk to: `scripts/with-server.sh` starts a real one on a fresh database
/// and sets SALES_SERVER_URL and SALES_API_KEY (`make test-clients` does it). Without them the
/// tests fail, naming the variables: they never pass without a server.
enum LiveServer {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String { "set SALES_SERVER_URL and SALES_API_KEY (scripts/with-server.sh does), or run make test-clients" }
    }

    static func url() throws -> URL {
        guard let text = ProcessInfo.processInfo.environment["SALES_SERVER_URL"], let url = URL(string: text) else { throw NotConfigured() }
        return url
    }

    static func apiKey() throws -> String {
        guard let key = ProcessInfo.processInfo.environment["SALES_API_KEY"] else { throw NotConfigured() }
        return key
    }

    static func sales(retry: RetryPolicy = .default) throws -> Sales {
        Sales(serverURL: try url(), apiKey: try apiKey(), retry: retry)
    }

    /// A name no other test or run uses, so tests can share one server and database.
    static func unique(_ prefix: String) -> String { "\(prefix) \(UUID().uuidString.prefix(8))" }
}
