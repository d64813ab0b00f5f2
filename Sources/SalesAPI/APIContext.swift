import Locking
import Foundation
import HTTPServer
import Logging
import SalesCore
import SalesStore

/// Settings of the API layer (docs/api.md §0).
public struct SalesAPIConfiguration: Sendable {
    /// The server's currency (`--currency`): the default for customers and product prices.
    public var currency = "USD"
    /// Requests per second per API key; 0 = off (`--rate-limit`).
    public var rateLimit: Double = 0
    /// Allowed CORS origins (`--cors-origins`); "*" for any.
    public var corsOrigins: [String] = []
    /// Webhook delivery (docs/api.md §3 "Events and webhooks"): attempts per event, the first retry
    /// delay (doubling each time: 30 s … 32 min, 8 attempts ≈ an hour), the receiver's time limit,
    /// and how often the worker looks for new events.
    public var webhookMaxAttempts = 8
    public var webhookRetryBase: Duration = .seconds(30)
    public var webhookTimeout: Duration = .seconds(10)
    public var webhookPollInterval: Duration = .milliseconds(250)
    /// Lets webhooks reach loopback, private and link-local addresses (`--webhook-allow-private`):
    /// off, so a URL cannot turn deliveries into requests inside the server's network.
    public var webhookAllowPrivate = false

    public init() {}
}

/// What every handler shares (one per server process): the database, the configuration, metrics,
/// Idempotency-Key claims, the auth cache, the rate limiter and the logger.
public final class APIContext: Sendable {
    public let database: any SalesStorage
    public let configuration: SalesAPIConfiguration
    public let logger: Logger
    let metrics = Metrics()
    let claims = IdempotencyClaims()
    let authCache = AuthCache()
    let rateLimiter: RateLimiter
    let cors: CORSPolicy
    private let connectionCounter = Locked<(@Sendable () -> Int)?>(nil)

    public init(database: any SalesStorage, configuration: SalesAPIConfiguration, logger: Logger = Logger(label: "sales-server")) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
        self.rateLimiter = RateLimiter(rate: configuration.rateLimit)
        self.cors = CORSPolicy(origins: Set(configuration.corsOrigins))
    }

    /// Lets /metrics report the server's open connections (the server is built after the app).
    public func reportConnections(_ counter: @escaping @Sendable () -> Int) {
        connectionCounter.withLock { $0 = counter }
    }

    var openConnections: Int { connectionCounter.withLock { $0 }?() ?? 0 }

    /// A read on a pooled reader connection (WAL: never blocked by the writer).
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await database.read(body)
    }

    /// One request's write, in its own savepoint of the next group-commit transaction
    /// (GroupCommitter): answered only once that transaction is committed. Every rule that
    /// compares against stored state is checked inside `body`, so it holds under any concurrency.
    /// When the request carries an Idempotency-Key, its response is stored in the same savepoint
    /// (docs/api.md §1, §4 invariant 7).
    public func write(_ request: APIRequest, _ body: @escaping @Sendable (SQLTransaction) throws -> APIResponse) async throws -> APIResponse {
        let claim = request.idempotency
        let started = DispatchTime.now().uptimeNanoseconds
        let response = try await database.write { db -> APIResponse in
            let response = try body(db)
            if let claim {
                try IdempotencyStore.save(db, apiKeyId: claim.apiKeyId, key: claim.key, stored: claim.stored(response),
                                          now: Int64(Date().timeIntervalSince1970))
            }
            return response
        }
        metrics.observeCommit(seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        return response
    }

    /// Hourly upkeep: drops Idempotency-Key replays past their 24 h retention.
    public func startMaintenance(every interval: Duration = .seconds(3600)) -> Task<Void, Never> {
        Task.detached { [self] in
            while !Task.isCancelled {
                let now = Int64(Date().timeIntervalSince1970)
                do {
                    let purged = try await writeDirect { db in try IdempotencyStore.purgeExpired(db, now: now) }
                    if purged > 0 { logger.info("purged expired idempotency keys", metadata: ["count": "\(purged)"]) }
                } catch {
                    logger.warning("idempotency purge failed", metadata: ["error": "\(LogSafe.describe(error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Starts delivering events to webhook endpoints in the background (WebhookWorker).
    public func startWebhookDelivery() -> Task<Void, Never> {
        let worker = WebhookWorker(app: self)
        return Task.detached { await worker.run() }
    }

    /// A write that is not tied to a request (CLI, bootstrap, maintenance).
    public func writeDirect<T: Sendable>(_ body: @escaping @Sendable (SQLTransaction) throws -> T) async throws -> T {
        try await database.writeAlone(body)
    }
}
