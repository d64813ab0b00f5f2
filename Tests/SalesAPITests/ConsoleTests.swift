import Foundation
@testable import SalesAPI
import Testing

/// Issue 19 items 1 and 4: the console is served by the server itself, without a key, under a
/// Content-Security-Policy with no inline script or style and no framing; the data needs a key.
/// (What the console does in a browser: Tests/Browser, `make test-browser`.)
@Suite struct ConsoleServing {
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    @Test func theRootRedirectsToTheConsoleAndItsFilesNeedNoKey() async throws {
        try await withAPI { api in
            let root = try await api.call("GET", "/", key: nil)
            #expect(root.status == 302)
            #expect(root.header("location") == "/console/")

            let index = try await api.call("GET", "/console/", key: nil)
            #expect(index.status == 200)
            #expect(index.header("content-type") == "text/html; charset=utf-8")
            #expect(index.header("content-security-policy") == Self.policy)
            #expect(index.header("x-content-type-options") == "nosniff")
            #expect(index.text.contains(#"<script type="module" src="js/main.js"></script>"#))

            for file in ConsoleRoutes.files {
                let reply = try await api.call("GET", "/console/" + file.path, key: nil)
                #expect(reply.status == 200, "\(file.path)")
                #expect(reply.header("content-security-policy") == Self.policy, "\(file.path)")
                #expect(reply.header("content-type") == ConsoleRoutes.contentType(of: file.path))
            }
            #expect(try await api.call("GET", "/console/js/none.js", key: nil).status == 404)
            #expect(try await api.call("POST", "/console/", "{}", key: nil).status == 405)
            // The data is not open: the console's pages call the API with the pasted key.
            #expect(try await api.call("GET", "/v1/customers", key: nil).status == 401)
        }
    }

    /// The CSP forbids inline script and style, so none may be in the files; values are written
    /// as text only (dom.js), so nothing assigns innerHTML; and every module a file imports exists.
    @Test func theFilesKeepTheirOwnRules() throws {
        let byPath = Dictionary(uniqueKeysWithValues: ConsoleRoutes.files.map { ($0.path, String(decoding: $0.body, as: UTF8.self)) })
        #expect(byPath["index.html"] != nil && byPath["js/main.js"] != nil && byPath["app.css"] != nil)
        for (path, text) in byPath {
            for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
                #expect(!text.contains(forbidden), "\(path) uses \(forbidden)")
            }
            if path.hasSuffix(".html") {
                #expect(!text.contains("<script>") && !text.contains(" style=") && !text.contains("<style"), "\(path) has inline script or style")
            }
            guard path.hasSuffix(".js") else { continue }
            for match in text.matches(of: /from "(\.{1,2}\/[^"]+)"/) {
                let target = Self.resolve(String(match.1), from: path)
                #expect(byPath[target] != nil, "\(path) imports \(match.1), which is not in Console/")
            }
        }
    }

    /// "./dom.js" imported by "js/views/orders.js" → "js/views/dom.js"; "../api.js" → "js/api.js".
    static func resolve(_ relative: String, from file: String) -> String {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": parts = parts.dropLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// docs/api.md §2: every key may read itself, never its secret.
    @Test func everyKeyReadsItself() async throws {
        try await withAPI { api in
            let sales = try await api.key(role: "sales")
            let me = try await api.call("GET", "/v1/api-keys/current", key: sales)
            #expect(me.status == 200)
            #expect(me["role"] as? String == "sales")
            #expect(me["key"] == nil)
            #expect((me["prefix"] as? String).map { sales.hasPrefix($0) } == true)
            #expect(try await api.call("GET", "/v1/api-keys/current", key: nil).status == 401)
            #expect(try await api.call("GET", "/v1/api-keys", key: sales).status == 403)
        }
    }
}
