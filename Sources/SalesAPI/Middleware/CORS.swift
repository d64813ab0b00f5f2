import HTTPServer

/// CORS for browser frontends (docs/api.md §1 "CORS"): allowed origins are configured (default
/// none; "*" allows any). Preflight OPTIONS requests are answered here.
struct CORSPolicy: Sendable {
    let origins: Set<String>

    static let allowedHeaders = "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id, Accept, Accept-Encoding"
    static let exposedHeaders = "ETag, X-Request-Id, Idempotent-Replayed, Retry-After, Location"

    func allows(_ origin: String) -> Bool { origins.contains("*") || origins.contains(origin) }

    /// The preflight answer, or nil when this is not a preflight request.
    func preflight(_ request: HTTPRequest, allowedMethods: [HTTPMethod]?) -> HTTPResponse? {
        guard request.method == .OPTIONS, let origin = request.headers["origin"],
              request.headers["access-control-request-method"] != nil else { return nil }
        var response = HTTPResponse(status: 204)
        response.headers.add(name: "vary", value: "Origin")
        guard allows(origin), let methods = allowedMethods else { return response }
        response.headers.add(name: "access-control-allow-origin", value: origin)
        response.headers.add(name: "access-control-allow-methods", value: methods.map(\.rawValue).joined(separator: ", "))
        response.headers.add(name: "access-control-allow-headers", value: CORSPolicy.allowedHeaders)
        response.headers.add(name: "access-control-max-age", value: "600")
        return response
    }

    func decorate(_ response: inout HTTPResponse, for request: HTTPRequest) {
        guard let origin = request.headers["origin"], allows(origin) else { return }
        response.headers.add(name: "access-control-allow-origin", value: origin)
        response.headers.add(name: "access-control-expose-headers", value: CORSPolicy.exposedHeaders)
        response.headers.add(name: "vary", value: "Origin")
    }
}
