import Foundation
import Testing
import SalesAPI
import SalesCore
import Yams

@Suite struct OpenAPISpec {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The spec states the server's own lists and version (the served copy is embedded from the
    /// file at build time; `servedDocumentIsTheFile` compares them).
    @Test func theSpecStatesTheServersCurrenciesAndVersion() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        // One list of currencies: the spec's enum is Currencies' (SalesCore).
        let line = try #require(file.split(separator: "\n").first { $0.hasPrefix("      enum: [AED, ") })
        let listed = line.dropFirst("      enum: [".count).dropLast().components(separatedBy: ", ")
        #expect(listed == Currencies.minorUnits.keys.sorted())
        // One version: what `sales-server --version` prints is the spec's info.version.
        #expect(file.contains("\ninfo:\n  title: sales-server API\n  version: \(ServerVersion.current)\n"))
    }

    /// /openapi.json is docs/openapi.yaml as it is now (embedded at build time by Plugins/EmbedFiles),
    /// converted the way the server converts it: byte for byte.
    @Test func servedDocumentIsTheFile() async throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let expected = try JSONSerialization.data(withJSONObject: try #require(try Yams.load(yaml: file)), options: [.sortedKeys])
        try await withAPI { api in
            let served = try await api.call("GET", "/openapi.json", key: nil)
            #expect(served.status == 200)
            #expect(served.raw.body == [UInt8](expected))
        }
    }

    /// Every route the router knows is in the spec, and every operation in the spec is routed.
    @Test func routesAndSpecMatchBothWays() async throws {
        try await withAPI { api in
            let spec = try await api.call("GET", "/openapi.json", key: nil)
            #expect(spec.status == 200)
            let paths = try #require(spec["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options"]
            var inSpec = Set<String>()
            for (path, item) in paths {
                for key in item.keys where methods.contains(key) { inSpec.insert("\(key.uppercased()) \(path)") }
            }
            // The console's static files are pages for people, not API operations (ConsoleTests).
            let routed = Set(APIResponder(context: api.app).routeList
                .filter { $0.template != "/" && !$0.template.hasPrefix("/console/") }
                .map { "\($0.method.rawValue) \($0.template)" })
            #expect(routed.subtracting(inSpec).sorted() == [], "routes missing from docs/openapi.yaml")
            #expect(inSpec.subtracting(routed).sorted() == [], "operations in the spec that no route serves")
            #expect(routed.count == inSpec.count)
        }
    }
}
