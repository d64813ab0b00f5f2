#if canImport(Glibc)
import Glibc
#endif
import Locking

/// Named gates for handlers that must stay busy until a test says so: a test proves "B was
/// answered while A was still running" by ordering, not by racing a timeout against the
/// machine's load (a handler that slept a fixed time lost that race on two busy cores).
public enum TestGates {
    private static let opened = Locked<Set<String>>([])
    private static let entered = Locked<Set<String>>([])

    /// Waits (up to `limit` seconds) until a handler is waiting on `name`: the request is in flight.
    public static func waitUntilEntered(_ name: String, limit: Double) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(limit * 1000))
        while !entered.withLock({ $0.contains(name) }) {
            if ContinuousClock.now >= deadline { return false }
            usleep(2_000)
        }
        return true
    }

    /// Lets every handler waiting on `name` (and every later one) go on.
    public static func open(_ name: String) { _ = opened.withLock { $0.insert(name) } }

    public static func isOpen(_ name: String) -> Bool { opened.withLock { $0.contains(name) } }

    /// Waits until `name` is opened, or `limit` seconds pass (so a failing test cannot hang the
    /// suite); true when it was opened.
    public static func wait(_ name: String, limit: Double) async -> Bool {
        _ = entered.withLock { $0.insert(name) }
        let deadline = ContinuousClock.now + .milliseconds(Int(limit * 1000))
        while !isOpen(name) {
            if ContinuousClock.now >= deadline { return false }
            do { try await Task.sleep(for: .milliseconds(5)) } catch { return false }   // cancelled: not opened
        }
        return true
    }
}
