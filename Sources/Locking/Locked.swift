#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a pthread mutex: the lock every module of the server uses.
///
/// Not the standard library's `Synchronization.Mutex`: on Linux that one locks with raw futex
/// system calls, which ThreadSanitizer cannot see, so every access it guards is reported as a
/// data race (four threads appending under `Mutex.withLock` reproduce it) and `make
/// sanitize-thread` could not tell a real race from the lock. pthread mutexes are intercepted by
/// ThreadSanitizer, and glibc's uncontended path is the same single atomic operation.
public final class Locked<Value: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: consuming Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock.
    @inline(__always)
    public func withLock<Result: ~Copyable>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
