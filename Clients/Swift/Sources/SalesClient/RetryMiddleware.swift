import Foundation
import HTTPTypes
import OpenAPIRuntime

/// When and how often `Sales` sends a request again.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; 1 never retries.
    public var maxAttempts: Int
    /// The wait before the second attempt; it doubles each time (with jitter), up to `maxDelay`.
    public var baseDelay: Duration
    /// The longest wait. A `Retry-After` longer than this ends the retries: the answer is returned.
    public var maxDelay: Duration

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static let `default` = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(200), maxDelay: .seconds(5))
    public static let never = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero)

    /// Exponential backoff with jitter: between half and all of base × 2^(retry − 1), capped.
    func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(retry - 1, 20)
        let full = min(baseDelay * (1 << exponent), maxDelay)
        return full * Double.random(in: 0.5...1.0)
    }
}

/// Sends a request again after a lost connection, 429 `rate_limited`, 503 `unavailable` or 409
/// `idempotency_in_progress` (docs/api.md §1), when sending it again cannot do a second thing:
/// GET, HEAD, PUT, DELETE, and POST, which `IdempotencyMiddleware` (outside this one) has given
/// a key that every attempt repeats. PATCH is never repeated.
struct RetryMiddleware: ClientMiddleware {
    let policy: RetryPolicy

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard policy.maxAttempts > 1, Self.isSafeToRepeat(request) else {
            return try await next(request, body, baseURL)
        }
        let body = try await Self.repeatable(body)
        var attempt = 1
        while true {
            let wait: Duration
            do {
                let (response, responseBody) = try await next(request, body, baseURL)
                guard attempt < policy.maxAttempts else { return (response, responseBody) }
                let (retryAfter, keptBody) = try await Self.retryAfter(response, responseBody)
                guard let retryAfter else { return (response, keptBody) }
                let backoff = max(retryAfter, policy.backoff(beforeRetry: attempt))
                guard backoff <= policy.maxDelay else { return (response, keptBody) }
                wait = backoff
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // The transport failed: no answer, or an answer cut off. The request may or may not
                // have run; repeating it is safe for exactly the requests let through above.
                guard attempt < policy.maxAttempts else { throw error }
                wait = policy.backoff(beforeRetry: attempt)
            }
            try await Task.sleep(for: wait)
            attempt += 1
        }
    }

    static func isSafeToRepeat(_ request: HTTPRequest) -> Bool {
        switch request.method {
        case .get, .head, .put, .delete, .options: true
        case .post: request.headerFields[.idempotencyKey] != nil
        default: false
        }
    }

    /// The body as one that can be sent more than once (the generated client's JSON bodies
    /// already are; a streamed one is read into memory, up to the server's 1 MiB limit).
    static func repeatable(_ body: HTTPBody?) async throws -> HTTPBody? {
        guard let body, body.iterationBehavior == .single else { return body }
        return HTTPBody(try await ArraySlice<UInt8>(collecting: body, upTo: 1 << 20))
    }

    /// Whether the answer asks to be tried again, and how long to wait at least; the body is read
    /// only for a 409, to tell `idempotency_in_progress` from other conflicts, and handed back.
    static func retryAfter(_ response: HTTPResponse, _ body: HTTPBody?) async throws -> (Duration?, HTTPBody?) {
        let hinted = response.headerFields[.retryAfter].flatMap(Int.init).map { Duration.seconds(max(0, $0)) } ?? .zero
        switch response.status.code {
        case 429, 503:
            return (hinted, body)
        case 409:
            guard let body else { return (nil, nil) }
            let bytes = try await ArraySlice<UInt8>(collecting: body, upTo: 1 << 20)
            let problem = try? JSONDecoder().decode(APIProblem.self, from: Data(bytes))
            return (problem?.code == "idempotency_in_progress" ? hinted : nil, HTTPBody(bytes))
        default:
            return (nil, body)
        }
    }
}
