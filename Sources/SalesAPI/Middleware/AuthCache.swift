import Locking
import Foundation
import SalesCore

/// Recently verified API keys (by SHA-256), so a request does not pay a database read to
/// authenticate. Entries live half a second; `DELETE /v1/api-keys/{id}` clears the cache, so a
/// revocation through the API takes effect at once (docs/api.md §2). A revocation by the CLI, from
/// another process, takes effect within the TTL — inside the one second docs/api.md §2 promises,
/// with room for a request that read the key just before the revocation and cached it after.
final class AuthCache: Sendable {
    private struct Entry {
        let principal: Principal
        let expiresAt: UInt64
    }

    static let ttlNanoseconds: UInt64 = 500_000_000
    private static let maxEntries = 10_000
    private let entries = Locked<[[UInt8]: Entry]>([:])

    func principal(for hash: [UInt8], now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Principal? {
        entries.withLock { entries in
            guard let entry = entries[hash] else { return nil }
            if entry.expiresAt <= now {
                entries[hash] = nil
                return nil
            }
            return entry.principal
        }
    }

    func remember(_ principal: Principal, for hash: [UInt8], now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        entries.withLock { entries in
            if entries.count >= AuthCache.maxEntries { entries.removeAll() }
            entries[hash] = Entry(principal: principal, expiresAt: now + AuthCache.ttlNanoseconds)
        }
    }

    func invalidateAll() {
        entries.withLock { $0.removeAll() }
    }
}
