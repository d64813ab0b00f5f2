import Foundation
import HTTPTypes
import OpenAPIRuntime

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
    static let retryAfter = Self("Retry-After")!
}

/// Gives every `POST` an `Idempotency-Key` unless the caller set one (docs/api.md §1
/// "idempotency"). It sits outside `RetryMiddleware`, so the key is chosen once per logical call
/// and every retry of that call sends the same key: the server runs it once and replays its
/// answer to the others.
///
/// A key chosen here lives only as long as the call. To retry across an app restart (a POS
/// terminal that lost power mid-sale), pass your own key — `headers: .init(idempotencyKey:)` — and
/// keep it with the sale until an answer arrives.
struct IdempotencyMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if request.method == .post, request.headerFields[.idempotencyKey] == nil {
            request.headerFields[.idempotencyKey] = UUID().uuidString.lowercased()
        }
        return try await next(request, body, baseURL)
    }
}
