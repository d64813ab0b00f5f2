import ArgumentParser
import Dispatch
import Foundation
import HTTPServer
import SalesAPI
import SalesStore
#if canImport(Glibc)
import Glibc
#endif

/// `sales-server` (API.md §0). `serve` is the default command.
struct SalesServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sales-server",
        abstract: "A REST API for the whole sales lifecycle.",
        subcommands: [Serve.self],
        defaultSubcommand: Serve.self
    )
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the HTTP server (default).")

    @Option(help: "Address to listen on (env SALES_HOST).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (env SALES_PORT).")
    var port: Int?

    @Option(help: "SQLite database file, created with its folder (env SALES_DB).")
    var db: String?

    @Option(help: "full: an acknowledged write survives power loss; normal: survives a crash.")
    var durability: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = HTTPServerConfiguration()
        // Flags win over environment variables, which win over defaults (API.md §0).
        configuration.host = host ?? environment["SALES_HOST"] ?? "127.0.0.1"
        configuration.port = port ?? environment["SALES_PORT"].flatMap(Int.init) ?? 8080

        let databasePath = db ?? environment["SALES_DB"] ?? "./data/sales.sqlite"
        let durabilityText = durability ?? environment["SALES_DURABILITY"] ?? "full"
        guard let durabilityMode = Durability(rawValue: durabilityText) else {
            throw ValidationError("--durability must be full or normal")
        }
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try SalesDatabase(path: databasePath, durability: durabilityMode)
        _ = database

        let server = HTTPServer(configuration: configuration, responder: SalesApplication().makeResponder())
        try server.start()
        print("sales-server listening on http://\(configuration.host):\(server.port)")
        print("  try: curl http://\(configuration.host):\(server.port)/healthz")
        fflush(nil)
        waitForTerminationSignal()
        print("sales-server: shutting down")
        server.shutdown()
        print("sales-server: stopped")
    }
}

/// Blocks until SIGTERM or SIGINT (API.md §0: stop accepting, finish in flight, exit 0).
func waitForTerminationSignal() {
    let received = DispatchSemaphore(value: 0)
    var sources: [DispatchSourceSignal] = []
    for sig in [SIGTERM, SIGINT] {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler { received.signal() }
        source.resume()
        sources.append(source)
    }
    received.wait()
    sources.forEach { $0.cancel() }
}

SalesServerCommand.main()
