import Foundation
import Locking
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SalesCore
import SalesJSON
import SalesStore

/// Delivers events to webhook endpoints (docs/api.md §3 "Events and webhooks") off the request path:
/// a background task turns new events into delivery rows, then sends each endpoint's oldest
/// pending delivery — one at a time per endpoint, so its events arrive in order — signed with
/// `Sales-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. A 2xx delivers;
/// anything else is retried after base·2^(n−1) until the attempts run out. Everything is in the
/// database, so a restart resumes where it stopped (a send cut off by a crash is sent again:
/// at-least-once; receivers deduplicate on the event id).
final class WebhookWorker: Sendable {
    let app: APIContext
    let session: URLSession

    init(app: APIContext) {
        self.app = app
        let configuration = URLSessionConfiguration.ephemeral
        let timeout = Double(app.configuration.webhookTimeout.components.seconds)
            + Double(app.configuration.webhookTimeout.components.attoseconds) / 1e18
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    func run() async {
        // A URLSession holds its resources (libcurl handles in FoundationNetworking) until it
        // is invalidated; the worker's session lives exactly as long as the worker runs.
        defer { session.finishTasksAndInvalidate() }
        let config = app.configuration
        while !Task.isCancelled {
            do {
                let now = Self.nowMs()
                // A read first, so an idle server never takes the writer for nothing.
                if try await app.read({ db in try WebhookStore.needsFanOut(db) }) {
                    try await app.writeDirect { db in try WebhookStore.fanOut(db, nowMs: now) }
                }
                let heads = try await app.read { db in try WebhookStore.heads(db) }
                var due = heads.filter { $0.nextAttemptAt <= now }
                var leaseUntil: Int64?
                if !due.isEmpty && app.database.isSharedByNodes {
                    // Workers on other nodes read the same heads: each delivery is sent by the
                    // one that leases it (WebhookStore.lease), for as long as an attempt may take.
                    let until = now + Self.milliseconds(config.webhookTimeout) + Self.leaseMarginMs
                    leaseUntil = until
                    let candidates = due
                    let taken = try await app.writeDirect { db in try WebhookStore.lease(db, candidates, untilMs: until) }
                    due = due.filter { taken.contains($0.deliveryId) }
                }
                if !due.isEmpty {
                    let leased = leaseUntil
                    let allRecorded = await withTaskGroup(of: Bool.self) { group in
                        for delivery in due { group.addTask { await self.attempt(delivery, leasedUntil: leased, config: config) } }
                        return await group.allSatisfy { $0 }
                    }
                    // Straight on to the next heads — unless an attempt could not be recorded, which
                    // leaves its delivery due: waiting keeps a failing database from turning this
                    // into a loop that hammers the receiver.
                    if allRecorded { continue }
                }
            } catch is CancellationError {
                return   // shutting down
            } catch {
                app.logger.warning("webhook worker: \(LogSafe.describe(error))")
            }
            try? await Task.sleep(for: config.webhookPollInterval)
        }
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Past the request timeout, time to record the attempt before the lease lets another worker in.
    static let leaseMarginMs: Int64 = 30_000

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// The signature header for `body` at unix time `t`.
    static func signature(secret: String, timestamp: Int64, body: [UInt8]) -> String {
        let mac = Crypto.hmacSHA256(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + body)
        return "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// POSTs `request` and answers its HTTP status. Cancelling the calling task stops the wait
    /// at once (CancellationError); the request itself is left to finish or time out on its own
    /// (`webhookTimeout`), its answer unread — at-least-once: the delivery stays due.
    ///
    /// Not `URLSession.data(for:)`, and no `URLSessionTask.cancel()`: in FoundationNetworking the
    /// former's cancellation handler calls `cancel()`, which waits synchronously for the
    /// session's queue while the Swift runtime holds the cancelled task's status lock, and that
    /// queue, finishing the same request at that moment, waited for the lock to resume the
    /// continuation (a CI run under AddressSanitizer hung); and `cancel()` from another queue
    /// crashed when the request had completed in between ("Trying to access a behaviour for a
    /// task that in not in the registry").
    private func send(_ request: URLRequest) async throws -> Int? {
        let waiter = OnceContinuation<Int?>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int?, any Error>) in
                guard waiter.install(continuation) else { return }   // cancelled before it began
                session.dataTask(with: request) { _, response, error in
                    if let error { waiter.resume(with: .failure(error)) }
                    else { waiter.resume(with: .success((response as? HTTPURLResponse)?.statusCode)) }
                }.resume()
            }
        } onCancel: {
            // Resumed from another queue: the runtime holds this task's status lock while it
            // runs cancellation handlers.
            DispatchQueue.global().async { waiter.resume(with: .failure(CancellationError())) }
        }
    }

    /// Shutting down with a leased delivery unsent (or its attempt unrecorded): the lease is given
    /// back so that the next worker — this node after its restart, or another — sends it at once
    /// rather than when the lease runs out. Done outside the cancelled task; the store is closed
    /// only after the worker has ended.
    private func giveBack(_ d: WebhookStore.Due, leasedUntil: Int64?) async {
        guard let leasedUntil else { return }
        let app = self.app
        do {
            try await Task.detached {
                try await app.writeDirect { db in try WebhookStore.giveBack(db, d, leasedUntil: leasedUntil) }
            }.value
        } catch {
            app.logger.warning("webhook worker: giving a lease back failed (sent when it runs out): \(LogSafe.describe(error))")
        }
    }

    /// Sends one delivery and records the attempt; false when the attempt could not be recorded.
    private func attempt(_ d: WebhookStore.Due, leasedUntil: Int64?, config: SalesAPIConfiguration) async -> Bool {
        var w = JSONWriter()
        EventJSON.write(d.event, to: &w)
        let body = w.bytes
        guard let url = URL(string: d.url) else { return false }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("sales-server-webhooks/1", forHTTPHeaderField: "User-Agent")
        request.setValue(String(d.event.id), forHTTPHeaderField: "Sales-Event-Id")
        request.setValue(d.event.type, forHTTPHeaderField: "Sales-Event-Type")
        request.setValue(Self.signature(secret: d.secret, timestamp: Int64(Date().timeIntervalSince1970), body: body),
                         forHTTPHeaderField: "Sales-Signature")
        let started = Self.nowMs()
        var status: Int?
        var failure: String?
        // The destination again, as DNS answers now (WebhookDestination): a failed attempt.
        switch await WebhookDestination.judge(d.url, allowPrivate: config.webhookAllowPrivate) {
        case .allowed:
            do {
                status = try await send(request)
            } catch {
                // Shutting down: the attempt did not happen, so it uses none of the delivery's
                // attempts; it stays due and is sent after the restart (at-least-once).
                if Task.isCancelled {
                    await giveBack(d, leasedUntil: leasedUntil)
                    return true
                }
                failure = WebhookDestination.describe(error)
            }
        case .refused(let why): failure = "destination not allowed: " + why
        case .unresolved: failure = "the host was not found"
        }
        let delivered = status.map { (200..<300).contains($0) } ?? false
        if failure == nil && !delivered {
            failure = (300..<400).contains(status ?? 0) ? "HTTP \(status ?? 0): redirects are not followed" : "HTTP \(status ?? 0)"
        }
        let attempts = d.attempts + 1
        var retryAt: Int64?
        if !delivered && attempts < Int64(config.webhookMaxAttempts) {
            let baseMs = Self.milliseconds(config.webhookRetryBase)
            retryAt = Self.nowMs() + baseMs * (Int64(1) << min(attempts - 1, 30))
        }
        let duration = Self.nowMs() - started
        let code = status
        let retryAtMs = retryAt
        let error = failure
        do {
            try await app.writeDirect { db in
                try WebhookStore.recordAttempt(db, deliveryId: d.deliveryId, statusCode: code, error: delivered ? nil : error, durationMs: duration,
                                               delivered: delivered, retryAtMs: retryAtMs)
            }
        } catch is CancellationError {
            // Shutting down before the attempt was recorded: it is sent again later.
            await giveBack(d, leasedUntil: leasedUntil)
            return true
        } catch {
            app.logger.warning("webhook worker: recording an attempt failed: \(LogSafe.describe(error))")
            return false
        }
        return true
    }
}

/// A continuation resumed exactly once, by whichever comes first: the answer or the cancellation.
/// A cancellation that comes before the continuation is installed is remembered, and the
/// installation then resumes it at once.
private final class OnceContinuation<Value: Sendable>: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Value, any Error>)
        case done(Result<Value, any Error>?)   // nil: resumed already
    }
    private let state = Locked<State>(.idle)

    /// Installs the waiting continuation; false when a result came first (it has been resumed).
    func install(_ continuation: CheckedContinuation<Value, any Error>) -> Bool {
        let early: Result<Value, any Error>? = state.withLock { state in
            switch state {
            case .idle: state = .waiting(continuation); return nil
            case .done(let result): state = .done(nil); return result
            case .waiting: preconditionFailure("installed twice")
            }
        }
        guard let early else { return true }
        continuation.resume(with: early)
        return false
    }

    /// Resumes the continuation with `result` unless it was resumed already.
    func resume(with result: Result<Value, any Error>) {
        let waiting: CheckedContinuation<Value, any Error>? = state.withLock { state in
            switch state {
            case .idle: state = .done(result); return nil
            case .waiting(let continuation): state = .done(nil); return continuation
            case .done: return nil
            }
        }
        waiting?.resume(with: result)
    }
}
