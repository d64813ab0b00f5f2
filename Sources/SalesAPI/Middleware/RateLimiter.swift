import Locking
import Dispatch

/// Per-key token bucket (docs/api.md §1 "rate limit"): `rate` requests per second with a burst of
/// one second's worth. 0 turns it off.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updatedAt: UInt64
    }

    let rate: Double
    private let buckets = Locked<[Int64: Bucket]>([:])

    init(rate: Double) { self.rate = rate }

    /// nil when allowed; otherwise the seconds to wait (for Retry-After).
    func check(keyId: Int64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Int? {
        guard rate > 0 else { return nil }
        let capacity = max(1, rate)
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[keyId] ?? Bucket(tokens: capacity, updatedAt: now)
            let elapsed = Double(now &- bucket.updatedAt) / 1e9
            bucket.tokens = min(capacity, bucket.tokens + elapsed * rate)
            bucket.updatedAt = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[keyId] = bucket
                return nil
            }
            buckets[keyId] = bucket
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }
}
