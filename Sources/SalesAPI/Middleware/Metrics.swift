import Locking
import Foundation

/// Prometheus text exposition (format 0.0.4) of request counts by route template and status,
/// a request latency histogram, open connections, database commit time and write retries.
/// Hand-written: a few counters do not justify a metrics framework.
final class Metrics: Sendable {
    static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Histogram {
        var counts = [UInt64](repeating: 0, count: Metrics.bounds.count + 1)
        var sum: Double = 0
        var count: UInt64 = 0

        mutating func observe(_ seconds: Double) {
            var i = 0
            while i < Metrics.bounds.count && seconds > Metrics.bounds[i] { i += 1 }
            counts[i] += 1
            sum += seconds   // bounded: a Double of seconds for Prometheus, not money
            count += 1
        }
    }

    /// A request counter's labels; turned into text only when /metrics is read (building the
    /// label string per request showed in the profile of GET /healthz).
    private struct RequestKey: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private struct State {
        var requests: [RequestKey: UInt64] = [:]
        var latency = Histogram()
        var commits = Histogram()
    }

    private let state = Locked(State())

    func observeRequest(method: String, route: String, status: Int, seconds: Double) {
        let key = RequestKey(method: method, route: route, status: status)
        state.withLock {
            $0.requests[key, default: 0] += 1
            $0.latency.observe(seconds)
        }
    }

    func observeCommit(seconds: Double) {
        state.withLock { $0.commits.observe(seconds) }
    }

    func render(openConnections: Int, writeRetries: Int) -> String {
        let s = state.withLock { $0 }
        var out = "# HELP sales_http_requests_total HTTP requests by method, route template and status.\n"
        out += "# TYPE sales_http_requests_total counter\n"
        let labelled = s.requests.map { ("method=\"\($0.key.method)\",route=\"\(escape($0.key.route))\",status=\"\($0.key.status)\"", $0.value) }
        for (labels, count) in labelled.sorted(by: { $0.0 < $1.0 }) { out += "sales_http_requests_total{\(labels)} \(count)\n" }
        out += histogram("sales_http_request_duration_seconds", "Time from routing to response.", s.latency)
        out += "# HELP sales_http_open_connections Open client connections.\n# TYPE sales_http_open_connections gauge\n"
        out += "sales_http_open_connections \(openConnections)\n"
        out += histogram("sales_db_commit_duration_seconds", "Time of database write transactions, commit included.", s.commits)
        out += "# HELP sales_db_write_retries_total Write transactions run again after a serialization failure or deadlock (PostgreSQL).\n"
        out += "# TYPE sales_db_write_retries_total counter\nsales_db_write_retries_total \(writeRetries)\n"
        return out
    }

    private func histogram(_ name: String, _ help: String, _ h: Histogram) -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        var cumulative: UInt64 = 0
        for (i, bound) in Metrics.bounds.enumerated() {
            cumulative += h.counts[i]
            out += "\(name)_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "\(name)_bucket{le=\"+Inf\"} \(h.count)\n\(name)_sum \(h.sum)\n\(name)_count \(h.count)\n"
        return out
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

