import HTTPServer

/// The console (issue 19; docs/api.md §0 "The console"): the static files of Console/, embedded at
/// build time (Plugins/EmbedFiles), served without a key under /console/ — the data they show
/// needs a key, which the page sends as any client does. `/` redirects to /console/.
enum ConsoleRoutes {
    struct File: Sendable {
        /// The path below /console/, like "js/api.js".
        let path: String
        let body: [UInt8]
        let contentType: String
    }

    static let folder = "Console/"

    static let files: [File] = EmbeddedFiles.all.filter { $0.name.hasPrefix(folder) }.map { file in
        let path = String(file.name.dropFirst(folder.count))
        return File(path: path, body: Array((file.text + "\n").utf8), contentType: contentType(of: path))
    }

    /// Only this origin's scripts, styles and API; no inline script or style, no plugins, no
    /// framing (clickjacking), no `<base>` rewriting: a value that slipped into the page as HTML
    /// still could not run. Every value is written as text in the first place (Console/js/dom.js).
    static let securityHeaders: [(String, String)] = [
        ("content-security-policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-cache"),
    ]

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        default: "text/plain; charset=utf-8"
        }
    }

    static func serve(_ file: File) -> APIHandler {
        { _ in APIResponse(status: 200, body: file.body, contentType: file.contentType, headers: securityHeaders) }
    }

    /// RFC 9110 §15.4.3: the console is the server's page for people.
    static let redirect: APIHandler = { _ in
        APIResponse(status: 302, body: [], contentType: "", headers: [("location", "/console/")])
    }

    /// `/`, `/console/` (the index) and each file, for RouteTable.
    static func routes() -> [(template: String, handler: APIHandler)] {
        var routes: [(template: String, handler: APIHandler)] = [("/", redirect)]
        for file in files {
            routes.append(("/console/" + file.path, serve(file)))
            if file.path == "index.html" { routes.append(("/console/", serve(file))) }
        }
        return routes
    }
}
