import Foundation
import HTTPServer
import Logging
import SalesCore
import SalesStore

/// Applies the conventions of docs/api.md §1 to every route, in one fixed order:
/// CORS preflight → route → key (401) → role (403) → rate limit (429) → query syntax (400) →
/// Idempotency-Key replay/claim → handler → If-None-Match (304) → gzip → CORS headers →
/// X-Request-Id → metrics and one log line.
public struct APIResponder: HTTPResponder {
    let app: APIContext
    let router: Router<APIRoute>

    public init(app: APIContext, routes: [APIRoute]) {
        self.app = app
        var router = Router<APIRoute>()
        for route in routes { router.add(route.method, route.template, route) }
        self.router = router
    }

    /// The API's responder: every route of RouteTable behind the conventions.
    public init(context: APIContext) {
        self.init(app: context, routes: RouteTable.routes(context))
    }

    /// Every (method, template) the router knows, for the spec-coverage test.
    public var routeList: [(method: HTTPMethod, template: String)] { router.routes.map { ($0.method, $0.template) } }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        let requestId = RequestIdGenerator.fromHeader(request.headers["x-request-id"])
        // What the log line and the metrics say: the route template and the key as soon as they
        // are known, so an error answer of a matched route names its route ("unmatched" is only
        // a path no route has; issue 15 item 5).
        var trace = RequestTrace()
        var response: HTTPResponse
        do {
            response = try await route(request, requestId: requestId, started: started, trace: &trace)
        } catch let error as APIError {
            response = error.response
        } catch let error as SalesError {
            response = APIError(error).response
        } catch {
            response = map(unexpected: error, requestId: requestId)
        }
        finish(&response, request: request)
        response.headers.replaceOrAdd(name: "x-request-id", value: requestId)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        app.metrics.observeRequest(method: request.method.rawValue, route: trace.template, status: response.status, seconds: seconds)
        // One structured line per request (issue 3 item 7).
        app.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(trace.template)", "status": "\(response.status)",
            "duration_ms": "\(String(format: "%.3f", seconds * 1000))", "request_id": "\(requestId)",
            "key_id": "\(trace.principal.map { String($0.keyId) } ?? "-")",
        ])
        return response
    }

    /// The route template and the key of a request, filled in as the pipeline learns them.
    struct RequestTrace {
        var template = "unmatched"
        var principal: Principal?
    }

    private func route(_ request: HTTPRequest, requestId: String, started: UInt64, trace: inout RequestTrace) async throws -> HTTPResponse {
        let lookup = router.lookup(method: request.method, path: request.path)
        // A preflight is an OPTIONS request, so this lookup already lists the path's methods.
        var allowedMethods: [HTTPMethod]?
        if case .methodNotAllowed(let allowed, _) = lookup { allowedMethods = allowed }
        if let preflight = app.cors.preflight(request, allowedMethods: allowedMethods) {
            trace.template = "preflight"
            return preflight
        }
        let match: Router<APIRoute>.Match
        switch lookup {
        case .found(let m):
            match = m
        case .methodNotAllowed(let allowed, let template):
            trace.template = template
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            if request.method == .OPTIONS {
                var r = HTTPResponse(status: 204)
                r.headers.add(name: "allow", value: allow)
                return r
            }
            var r = APIError(405, "method_not_allowed", "\(request.methodName) is not allowed on \(request.path); allowed: \(allow)").response
            r.headers.add(name: "allow", value: allow)
            return r
        case .notFound:
            // RFC 9110 §9.3.7: OPTIONS * asks about the server itself.
            if request.method == .OPTIONS && request.target == "*" {
                trace.template = "options *"
                var r = HTTPResponse(status: 204)
                r.headers.add(name: "allow", value: "GET, HEAD, POST, PATCH, DELETE, OPTIONS")
                return r
            }
            throw APIError.notFound("no route for \(request.methodName) \(request.path)")
        }
        let route = match.route.handler
        let template = route.template
        trace.template = template
        var principal: Principal?
        if route.access != .open {
            let p = try await authenticate(request)
            principal = p
            trace.principal = p
            guard route.access.allows(p.role) else {
                throw APIError.forbidden("the \(p.role.rawValue) role may not \(request.methodName) \(template)")
            }
            if let wait = app.rateLimiter.check(keyId: p.keyId) {
                throw APIError(429, "rate_limited", "more than \(app.configuration.rateLimit) requests per second for this key",
                               headers: [("Retry-After", String(wait))])
            }
        }
        let context = RequestContext(requestId: requestId, routeTemplate: template, parameters: match.parameters, startedAt: started)
        var apiRequest = APIRequest(http: request, context: context, principal: principal, query: try QueryParameters(request.query))

        if request.method == .POST, let key = request.headers["idempotency-key"], let p = principal {
            return try await idempotent(apiRequest: &apiRequest, key: key, principal: p, route: route)
        }
        let response = try await route.handler(apiRequest)
        return conditional(response, request: request)
    }

    /// docs/api.md §1 "idempotency": replay the stored first response, refuse a different request
    /// under the same key (422) or one still running (409).
    private func idempotent(apiRequest: inout APIRequest, key: String, principal: Principal, route: APIRoute) async throws -> HTTPResponse {
        guard !key.isEmpty, key.utf8.count <= 255 else {
            throw APIError.badRequest("Idempotency-Key must be 1 to 255 characters")
        }
        let claim = IdempotencyClaim(apiKeyId: principal.keyId, key: key, fingerprint: IdempotencyClaim.fingerprint(apiRequest.http))
        // Claimed first, then looked up once: whoever holds the claim has either stored its
        // answer already (replayed here) or is still running (409).
        guard app.claims.claim(claim) else {
            if let replay = try await storedReplay(claim) { return replay }
            throw Self.idempotencyInProgress
        }
        defer { app.claims.release(claim) }
        if let replay = try await storedReplay(claim) { return replay }
        apiRequest.idempotency = claim
        do {
            return try await route.handler(apiRequest).http
        } catch is IdempotencyStore.AlreadyStored {
            // The same key reached another node, which committed first: this request's change
            // was rolled back; its answer is the one stored.
            guard let replay = try await storedReplay(claim) else { throw Self.idempotencyInProgress }
            return replay
        } catch {
            // An error has no side effects: store it on its own so a retry sees the same answer.
            let failure: APIError
            switch error {
            case let e as APIError: failure = e
            case let e as SalesError: failure = APIError(e)
            default: throw error
            }
            guard failure.status < 500 else { throw error }
            let http = failure.response
            var headers: [(String, String)] = []
            for field in http.headers { headers.append((field.name, field.value)) }
            let stored = IdempotencyStore.Stored(fingerprint: claim.fingerprint, status: http.status, headers: headers, body: http.body)
            do {
                try await app.writeDirect { db in
                    try IdempotencyStore.save(db, apiKeyId: claim.apiKeyId, key: claim.key, stored: stored, now: Int64(Date().timeIntervalSince1970))
                }
            } catch is IdempotencyStore.AlreadyStored {
                guard let replay = try await storedReplay(claim) else { throw Self.idempotencyInProgress }
                return replay
            }
            return http
        }
    }

    private static let idempotencyInProgress = APIError(409, "idempotency_in_progress", "a request with this Idempotency-Key is still running; retry shortly")

    private func storedReplay(_ claim: IdempotencyClaim) async throws -> HTTPResponse? {
        let now = Int64(Date().timeIntervalSince1970)
        guard let stored = try await app.read({ db in try IdempotencyStore.find(db, apiKeyId: claim.apiKeyId, key: claim.key, now: now) }) else {
            return nil
        }
        guard stored.fingerprint == claim.fingerprint else {
            throw APIError(422, "idempotency_key_reused", "this Idempotency-Key was used for a different request")
        }
        return IdempotencyClaim.replay(stored)
    }

    /// docs/api.md §2: `Authorization: Bearer <key>`; only the SHA-256 of keys is stored.
    private func authenticate(_ request: HTTPRequest) async throws -> Principal {
        guard let header = request.headers["authorization"] else {
            throw APIError.unauthorized("send an API key as Authorization: Bearer <key>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("send an API key as Authorization: Bearer <key>")
        }
        let hash = APIKeys.hash(String(parts[1]).trimmingCharacters(in: .whitespaces))
        if let cached = app.authCache.principal(for: hash) { return cached }
        guard let (record, stored) = try await app.read({ db in try APIKeyStore.findActive(db, hash: hash) }),
              Crypto.constantTimeEqual(stored, hash) else {
            throw APIError.unauthorized("unknown or revoked API key")
        }
        let principal = Principal(keyId: record.id, name: record.name, role: record.role, salesRepId: record.salesRepId)
        app.authCache.remember(principal, for: hash)
        return principal
    }

    /// `GET` with `If-None-Match` matching the ETag → 304 (docs/api.md §1 "versions").
    private func conditional(_ response: APIResponse, request: HTTPRequest) -> HTTPResponse {
        if request.method == .GET || request.method == .HEAD, response.status == 200, let etag = response.etag,
           let ifNoneMatch = request.headers["if-none-match"] {
            let tags = ifNoneMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if tags.contains("*") || tags.contains(where: { parseETag($0) == etag }) {
                var r = HTTPResponse(status: 304)
                r.headers.add(name: "etag", value: "\"\(etag)\"")
                return r
            }
        }
        return response.http
    }

    /// gzip (docs/api.md §1 "compression") and CORS headers, applied to every response.
    private func finish(_ response: inout HTTPResponse, request: HTTPRequest) {
        if response.body.count > 1024, response.headers["content-encoding"] == nil, acceptsGzip(request),
           let compressed = Gzip.compress(response.body) {
            response.body = compressed
            response.headers.add(name: "content-encoding", value: "gzip")
            response.headers.add(name: "vary", value: "Accept-Encoding")
        }
        app.cors.decorate(&response, for: request)
    }

    private func acceptsGzip(_ request: HTTPRequest) -> Bool {
        guard let header = request.headers["accept-encoding"] else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" else { continue }
            // "gzip;q=0" means not acceptable (RFC 9110 §12.5.3).
            return !parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }
        }
        return false
    }

    /// Storage failures: a full disk or read-only database is 503 (reads keep working);
    /// anything else is a bug, logged with the request id and never leaked (500).
    private func map(unexpected error: Error, requestId: String) -> HTTPResponse {
        if let condition = StorageFailure.unavailable(error) {
            app.logger.error("storage unavailable", metadata: ["request_id": "\(requestId)", "storage": "\(condition)"])
            return APIError.unavailable("storage is unavailable; retry later").response
        }
        app.logger.error("internal error", metadata: ["request_id": "\(requestId)", "error": "\(LogSafe.describe(error))"])
        return APIError.internalError.response
    }
}
