import Foundation
import OpenAPIRuntime
import OpenAPIURLSession

/// A connection to one sales-server: the generated `Client` (every operation of
/// docs/openapi.yaml) behind the middlewares that make it safe to use from an app.
///
///     let sales = Sales(serverURL: URL(string: "https://sales.example.com")!, apiKey: key)
///     let customer = try await sales.api.createCustomer(body: .json(.init(name: "Acme"))).created.body.json
///
/// - Every request carries `Authorization: Bearer <apiKey>` (docs/api.md §1 "auth").
/// - Every `POST` carries an `Idempotency-Key` (yours if you set one, else a new UUID) that stays
///   the same across the retries below, so a retried call has exactly one effect (§1 "idempotency").
/// - A lost connection, 429, 503 or 409 `idempotency_in_progress` is retried with backoff for
///   requests that are safe to send again: GET, HEAD, PUT, DELETE, and POST (it has its key).
///   PATCH is never retried: its `If-Match` would answer the retry 412 after a first success.
/// - Any 4xx or 5xx answer is thrown as an `APIProblem` (read it with `error.apiProblem`).
public struct Sales: Sendable {
    /// The generated client: one method per `operationId` of docs/openapi.yaml.
    public let api: Client

    public init(
        serverURL: URL,
        apiKey: String,
        retry: RetryPolicy = .default,
        transport: any ClientTransport = URLSessionTransport()
    ) {
        api = Client(
            serverURL: serverURL,
            // Answers carry milliseconds (`2026-11-23T11:26:25.000Z`, docs/api.md §1 "time").
            configuration: Configuration(dateTranscoder: .iso8601WithFractionalSeconds),
            transport: transport,
            middlewares: [
                APIKeyMiddleware(apiKey: apiKey),
                IdempotencyMiddleware(),
                ProblemMiddleware(),
                RetryMiddleware(policy: retry),
            ]
        )
    }
}
