import Foundation
import Testing
import SalesAPI
import SalesCore

@Suite struct OpenAPISpec {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The served document is docs/openapi.yaml: fails when the spec is edited without `make openapi`.
    @Test func embeddedCopyEqualsTheFile() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let generated = try String(contentsOf: Self.root.appendingPathComponent("Sources/SalesAPI/Resources/EmbeddedOpenAPI.swift"), encoding: .utf8)
        #expect(generated.contains(file.hasSuffix("\n") ? String(file.dropLast()) : file))
        // One list of currencies: the spec's enum is Currencies' (SalesCore).
        let line = try #require(file.split(separator: "\n").first { $0.hasPrefix("      enum: [AED, ") })
        let listed = line.dropFirst("      enum: [".count).dropLast().components(separatedBy: ", ")
        #expect(listed == Currencies.minorUnits.keys.sorted())
        // One version: what `sales-server --version` prints is the spec's info.version.
        #expect(file.contains("\ninfo:\n  title: sales-server API\n  version: \(ServerVersion.current)\n"))
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
            let routed = Set(SalesApplication(app: api.app).makeResponder().routeList.map { "\($0.method.rawValue) \($0.template)" })
            #expect(routed.subtracting(inSpec).sorted() == [], "routes missing from docs/openapi.yaml")
            #expect(inSpec.subtracting(routed).sorted() == [], "operations in the spec that no route serves")
            #expect(routed.count == inSpec.count)
        }
    }
}
