import Foundation
import HTTPTypes
import OpenAPIRuntime

/// An answer of 400 or more, as RFC 9457 problem details with the API's `code` (docs/api.md §1
/// "errors"). `code` is what to branch on; `detail` is one sentence for a person; `errors` names
/// each bad field of a 422 (`lines[0].quantity`, say).
public struct APIProblem: Error, Sendable, Hashable, Decodable, CustomStringConvertible {
    public struct FieldError: Sendable, Hashable, Decodable {
        /// A path into the request body, like `lines[0].quantity`.
        public var field: String
        public var code: String
        public var message: String
    }

    public var status: Int
    /// Stable and machine-readable: `quantity_exceeded`, `credit_limit_exceeded`, `not_found`, ….
    /// A string, not an enum, so that a code added by a newer server does not break this client.
    public var code: String
    public var title: String
    public var detail: String
    public var errors: [FieldError]
    /// The server's `X-Request-Id` for this answer, to quote to whoever runs the server.
    public var requestID: String?

    enum CodingKeys: String, CodingKey { case status, code, title, detail, errors }

    public init(status: Int, code: String, title: String, detail: String, errors: [FieldError] = [], requestID: String? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.requestID = requestID
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(Int.self, forKey: .status)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        detail = try c.decodeIfPresent(String.self, forKey: .detail) ?? title
        errors = try c.decodeIfPresent([FieldError].self, forKey: .errors) ?? []
    }

    /// The errors about one field, e.g. `problem.errors(for: "lines[1].quantity")`.
    public func errors(for field: String) -> [FieldError] { errors.filter { $0.field == field } }

    public var description: String {
        let fields = errors.map { "\($0.field): \($0.message)" }
        return (["\(status) \(code): \(detail)"] + fields).joined(separator: "; ")
    }
}

extension Error {
    /// The problem the server answered, when this error is one (the generated client wraps
    /// middleware errors in `ClientError`).
    public var apiProblem: APIProblem? {
        if let problem = self as? APIProblem { return problem }
        if let error = self as? ClientError { return error.underlyingError.apiProblem }
        return nil
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}

/// Turns every answer of 400 or more into a thrown `APIProblem`, so a call returns only what
/// succeeded (2xx, or 304 for `If-None-Match`). An answer that is not problem+json (a proxy's
/// 502 page, say) becomes a problem with the code `http_<status>` and the start of its text.
struct ProblemMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard response.status.code >= 400 else { return (response, responseBody) }
        let bytes: ArraySlice<UInt8>
        if let responseBody {
            bytes = try await ArraySlice<UInt8>(collecting: responseBody, upTo: 1 << 20)
        } else {
            bytes = []
        }
        var problem: APIProblem
        do {
            problem = try JSONDecoder().decode(APIProblem.self, from: Data(bytes))
        } catch {
            let text = String(decoding: bytes.prefix(500), as: UTF8.self)
            problem = APIProblem(
                status: response.status.code, code: "http_\(response.status.code)",
                title: response.status.reasonPhrase, detail: text.isEmpty ? response.status.reasonPhrase : text)
        }
        problem.requestID = response.headerFields[.requestID]
        throw problem
    }
}
