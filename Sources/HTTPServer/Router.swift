import Foundation
import Synchronization

/// Routes `METHOD /path/{param}` templates to handlers of any type (the API layer attaches
/// its own metadata, such as roles, to each route). Static segments win over parameters.
public struct Router<Handler: Sendable>: Sendable {
    public struct Route: Sendable {
        public let method: HTTPMethod
        public let template: String
        public let handler: Handler
    }

    public struct Match: Sendable {
        public let route: Route
        /// Path parameters, percent-decoded.
        public let parameters: [String: String]
    }

    public enum Lookup: Sendable {
        case found(Match)
        /// The path exists, the method does not (RFC 9110 §15.5.6: answer 405 with Allow);
        /// `template` is the path's route template, for logs and metrics.
        case methodNotAllowed(allowed: [HTTPMethod], template: String)
        case notFound
    }

    private struct Node: Sendable {
        var statics: [String: Int] = [:]
        var parameter: (name: String, node: Int)?
        var handlers: [HTTPMethod: Int] = [:]
    }

    private var nodes: [Node] = [Node()]
    public private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route. `template` is like "/v1/orders/{id}/invoices".
    public mutating func add(_ method: HTTPMethod, _ template: String, _ handler: Handler) {
        precondition(template.hasPrefix("/"), "route templates start with /")
        var current = 0
        for segment in template.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                if let existing = nodes[current].parameter {
                    precondition(existing.name == name, "conflicting parameter names at \(template)")
                    current = existing.node
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = (name, nodes.count - 1)
                    current = nodes.count - 1
                }
            } else {
                let key = String(segment)
                if let next = nodes[current].statics[key] {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].statics[key] = nodes.count - 1
                    current = nodes.count - 1
                }
            }
        }
        precondition(nodes[current].handlers[method] == nil, "duplicate route \(method) \(template)")
        routes.append(Route(method: method, template: template, handler: handler))
        nodes[current].handlers[method] = routes.count - 1
    }

    public func lookup(method: HTTPMethod, path: String) -> Lookup {
        guard path.hasPrefix("/") else { return .notFound }
        var current = 0
        var parameters: [String: String] = [:]
        for segment in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            let text = String(decoding: segment, as: UTF8.self)
            if let next = nodes[current].statics[text] {
                current = next
            } else if let parameter = nodes[current].parameter, !segment.isEmpty,
                      let decoded = text.removingPercentEncoding {
                parameters[parameter.name] = decoded
                current = parameter.node
            } else {
                return .notFound
            }
        }
        let handlers = nodes[current].handlers
        if handlers.isEmpty { return .notFound }
        if let index = handlers[method] {
            return .found(Match(route: routes[index], parameters: parameters))
        }
        // RFC 9110 §9.3.2: HEAD is answered like GET.
        if method == .HEAD, let index = handlers[.GET] {
            return .found(Match(route: routes[index], parameters: parameters))
        }
        var allowed = Set(handlers.keys)
        if allowed.contains(.GET) { allowed.insert(.HEAD) }
        let template = routes[handlers.values.min() ?? 0].template
        return .methodNotAllowed(allowed: HTTPMethod.allCases.filter { allowed.contains($0) }, template: template)
    }
}

/// What a handler learns about its request besides the request itself.
public struct RequestContext: Sendable {
    /// From a well-formed `X-Request-Id` header, or generated.
    public var requestId: String
    /// The matched template ("/v1/orders/{id}"), or nil when no route matched; metrics and
    /// logs use it instead of the raw path to keep cardinality bounded.
    public var routeTemplate: String?
    public var parameters: [String: String]
    /// Monotonic nanoseconds when handling began.
    public var startedAt: UInt64

    public init(requestId: String, routeTemplate: String?, parameters: [String: String], startedAt: UInt64) {
        self.requestId = requestId
        self.routeTemplate = routeTemplate
        self.parameters = parameters
        self.startedAt = startedAt
    }
}

public typealias RouteHandler = @Sendable (HTTPRequest, RequestContext) async -> HTTPResponse

/// Request ids: a random per-process prefix and a counter, so ids are unique and cheap.
public enum RequestIdGenerator {
    private static let prefix = String(UInt32.random(in: .min ... .max), radix: 16)
    private static let counter = Atomic<UInt64>(0)

    public static func next() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return "req_\(prefix)\(String(n, radix: 16))"
    }

    /// Takes the client's id when it is 1–200 visible ASCII characters, else generates one.
    public static func fromHeader(_ value: String?) -> String {
        if let value, !value.isEmpty, value.utf8.count <= 200,
           value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            return value
        }
        return next()
    }
}

/// A responder that routes with a `Router<RouteHandler>`, answers 404 / 405 (with Allow) and
/// OPTIONS (204 with Allow) itself, and echoes `X-Request-Id` on every response.
public struct RouterResponder: HTTPResponder {
    public let router: Router<RouteHandler>
    let errorResponse: @Sendable (Int, String) -> HTTPResponse

    public init(router: Router<RouteHandler>,
                errorResponse: @escaping @Sendable (Int, String) -> HTTPResponse = problemResponse) {
        self.router = router
        self.errorResponse = errorResponse
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let requestId = RequestIdGenerator.fromHeader(request.headers["x-request-id"])
        var response: HTTPResponse
        switch router.lookup(method: request.method, path: request.path) {
        case .found(let match):
            let context = RequestContext(requestId: requestId, routeTemplate: match.route.template,
                                         parameters: match.parameters, startedAt: monotonicNanos())
            response = await match.route.handler(request, context)
        case .methodNotAllowed(let allowed, _):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            if request.method == .OPTIONS {
                response = HTTPResponse(status: 204)
            } else {
                response = errorResponse(405, "\(request.method.rawValue) is not allowed here; allowed: \(allow)")
            }
            response.headers.replaceOrAdd(name: "allow", value: allow)
        case .notFound:
            response = errorResponse(404, "no route for \(request.path)")
        }
        response.headers.replaceOrAdd(name: "x-request-id", value: requestId)
        return response
    }
}
