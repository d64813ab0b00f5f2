import Testing
@testable import SalesAPI

/// docs/api.md §1 rate limit: a token bucket per key, `rate` a second with a burst of one second's
/// worth, checked with explicit clock readings so the arithmetic is exact.
@Suite struct RateLimiterArithmetic {
    let second: UInt64 = 1_000_000_000

    @Test func burstThenRefillAndRetryAfter() {
        let limiter = RateLimiter(rate: 2)
        let t0: UInt64 = 1_000 * second
        #expect(limiter.check(keyId: 1, now: t0) == nil)
        #expect(limiter.check(keyId: 1, now: t0) == nil)
        // The burst of 2 is spent: the next token comes in half a second → Retry-After 1.
        #expect(limiter.check(keyId: 1, now: t0) == 1)
        // Another key has its own bucket.
        #expect(limiter.check(keyId: 2, now: t0) == nil)
        // Half a second later one token is back, and only one.
        #expect(limiter.check(keyId: 1, now: t0 + second / 2) == nil)
        #expect(limiter.check(keyId: 1, now: t0 + second / 2) == 1)
        // A long pause refills to the burst, never beyond it.
        #expect(limiter.check(keyId: 1, now: t0 + 100 * second) == nil)
        #expect(limiter.check(keyId: 1, now: t0 + 100 * second) == nil)
        #expect(limiter.check(keyId: 1, now: t0 + 100 * second) == 1)
    }

    @Test func slowRatesWaitWholeSeconds() {
        // 0.05 a second: a burst of 1, then 20 s to the next token.
        let limiter = RateLimiter(rate: 0.05)
        let t0: UInt64 = 5 * second
        #expect(limiter.check(keyId: 7, now: t0) == nil)
        #expect(limiter.check(keyId: 7, now: t0) == 20)
        #expect(limiter.check(keyId: 7, now: t0 + 15 * second) == 5)
        #expect(limiter.check(keyId: 7, now: t0 + 20 * second) == nil)
    }

    @Test func zeroIsOff() {
        let limiter = RateLimiter(rate: 0)
        for _ in 0..<100 { #expect(limiter.check(keyId: 1, now: 0) == nil) }
    }
}
