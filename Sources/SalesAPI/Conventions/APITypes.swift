import Foundation
import HTTPServer
import SalesCore
import SalesJSON

/// Who may call a route (docs/api.md §2). Declared per route in RouteTable.swift, the one place.
public enum Access: Sendable, Equatable {
    /// No key needed (docs/api.md §1 "open routes").
    case open
    /// Any key whose role is in the set.
    case roles(Set<Role>)

    /// Every role may read.
    public static let anyRole = Access.roles(Set(Role.allCases))
    public static let adminOnly = Access.roles([.admin])
    /// Writes of a functional area: admin plus that area's role.
    public static func write(_ role: Role) -> Access { .roles([.admin, role]) }

    public func allows(_ role: Role) -> Bool {
        switch self {
        case .open: return true
        case .roles(let roles): return roles.contains(role)
        }
    }
}

public typealias APIHandler = @Sendable (APIRequest) async throws -> APIResponse

public struct APIRoute: Sendable {
    public let method: HTTPMethod
    public let template: String
    public let access: Access
    public let handler: APIHandler
}

/// A request as handlers see it: authenticated, routed, with parsed query parameters.
public struct APIRequest: Sendable {
    public let http: HTTPRequest
    public let context: RequestContext
    public let principal: Principal?
    public let query: QueryParameters
    /// Set when the request carries an Idempotency-Key: successful writes store their response
    /// with it in the same transaction (see APIContext.write).
    public var idempotency: IdempotencyClaim?

    /// Who makes the change this request asks for (the services' view of the key).
    var actor: Actor { Actor(principal: principal) }

    /// A positive integer path parameter; anything else is 404 (no such resource).
    public func id(_ name: String = "id") throws -> Int64 {
        guard let text = context.parameters[name], let value = Int64(text), value > 0 else {
            throw APIError.notFound("no resource \(context.parameters[name] ?? "")")
        }
        return value
    }

    /// The JSON body as an object: 415 unless JSON, 400 if malformed, 422 unless an object.
    public func jsonObject(allowEmpty: Bool = false) throws -> JSONObject {
        if http.body.isEmpty && allowEmpty { return JSONObject() }
        guard let type = http.headers["content-type"], isJSONMediaType(type) else {
            if http.body.isEmpty && !allowEmpty {
                throw APIError.validation([FieldError(field: "body", code: "required", message: "a JSON object is required")])
            }
            throw APIError.unsupportedMediaType("send the body as application/json")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(http.body)
        } catch {
            throw APIError.badRequest("malformed JSON: \(error.description)")
        }
        guard case .object(let object) = value else {
            throw APIError.validation([FieldError(field: "body", code: "invalid_type", message: "the body must be a JSON object")])
        }
        return object
    }

    /// For actions that take no fields: an empty body or `{}`; any field is 422 unknown_field.
    public func requireNoFields() throws {
        var reader = BodyReader(try jsonObject(allowEmpty: true))
        reader.rejectUnknown([])
        try reader.finish()
    }

    /// `If-Match: "<n>"` (docs/api.md §1 "versions"); a malformed value is 400. `If-Match: *`
    /// matches any current version (RFC 9110 §13.1.1): the resource need only exist.
    public func ifMatchVersion() throws -> Int64? {
        guard let raw = http.headers["if-match"] else { return nil }
        if raw.trimmingCharacters(in: .whitespaces) == "*" { return nil }
        guard let v = parseETag(raw) else { throw APIError.badRequest("If-Match must be an ETag like \"3\"") }
        return v
    }
}

func isJSONMediaType(_ value: String) -> Bool {
    let media = value.split(separator: ";", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces).lowercased()
    return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
}

/// Parses `"3"` or `W/"3"` into 3.
/// `"3"` or `W/"3"` (RFC 9110 §8.8.3); a bare `3` is read the same, leniently.
func parseETag(_ raw: String) -> Int64? {
    var text = raw.trimmingCharacters(in: .whitespaces)
    if text.hasPrefix("W/") { text.removeFirst(2) }
    if text.count >= 3, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Int64(text)
}

/// A handler's answer. `etag` carries the resource version (docs/api.md §1 "versions").
public struct APIResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var contentType: String
    public var etag: Int64?
    public var headers: [(String, String)]
    /// A body produced while it is sent (CSV and the journal export); `body` is then empty.
    public var stream: HTTPBodyStream?

    public init(status: Int, body: [UInt8], contentType: String = "application/json", etag: Int64? = nil,
                headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.headers = headers
    }

    public static func json(_ status: Int = 200, etag: Int64? = nil, _ write: (inout JSONWriter) -> Void) -> APIResponse {
        var w = JSONWriter(capacity: 2048)   // an order with a few lines fits without regrowing
        write(&w)
        return APIResponse(status: status, body: w.bytes, etag: etag)
    }

    public static let noContent = APIResponse(status: 204, body: [], contentType: "")

    var http: HTTPResponse {
        var response = HTTPResponse(status: status, body: body)
        response.stream = stream
        if !contentType.isEmpty { response.headers.add(name: "content-type", value: contentType) }
        if let etag { response.headers.add(name: "etag", value: "\"\(etag)\"") }
        for (name, value) in headers { response.headers.add(name: name, value: value) }
        return response
    }
}

