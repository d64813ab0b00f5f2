import Locking
import Dispatch
import GRDB

/// Durable group commit: many requests' writes share one SQLite transaction and so one fsync
/// of the WAL (with `--durability full`, each COMMIT is an fsync).
///
/// One writer thread takes every write waiting when it becomes free, runs each in its own
/// SAVEPOINT inside one `BEGIN IMMEDIATE` transaction — a write that throws rolls back to its
/// savepoint and so undoes only its own work — commits once, and only then answers all of them:
/// nobody hears of a change before it is durable (docs/api.md §0 `--durability`, §4 invariant 7).
/// While one batch commits, the next requests queue up, so the batch grows with the load and a
/// lone request still commits at once.
///
/// When the transaction as a whole fails (COMMIT refused by a full disk, or an error after which
/// SQLite rolled the whole transaction back), no write of the batch happened; each is then run
/// again alone, so one request's failure never becomes another's.
public final class GroupCommitter: Sendable {
    private let pool: DatabasePool
    private let maxBatch: Int
    private let queue = DispatchQueue(label: "sales.group-commit", qos: .userInitiated)
    private let pending = Locked<Pending>(Pending())

    private struct Pending: ~Copyable {
        var jobs: [Job] = []
        var draining = false
    }

    /// One request's write: `work` runs it (storing its result), `finish` answers the request.
    private final class Job: @unchecked Sendable {
        let work: (Database) throws -> Void
        let finish: (Error?) -> Void
        init(work: @escaping (Database) throws -> Void, finish: @escaping (Error?) -> Void) {
            self.work = work
            self.finish = finish
        }
    }

    /// The result of a write, filled in on the writer thread and read after the commit.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }

    private struct TransactionAborted: Error {}

    /// - Parameter maxBatch: the most writes one transaction takes; 1 turns grouping off (one
    ///   transaction, one fsync per write — the baseline `make bench` measures against).
    public init(pool: DatabasePool, maxBatch: Int) {
        self.pool = pool
        self.maxBatch = max(1, maxBatch)
    }

    /// Writes waiting for the writer (for tests).
    var waiting: Int { pending.withLock { $0.jobs.count } }

    /// Runs `body` in the next group transaction and returns its result once that is committed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let box = ResultBox<T>()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let job = Job(work: { db in box.value = try body(db) }, finish: { error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: box.value!)
                }
            })
            let startDraining = pending.withLock { p -> Bool in
                p.jobs.append(job)
                if p.draining { return false }
                p.draining = true
                return true
            }
            if startDraining { queue.async { self.drain() } }
        }
    }

    /// The writer thread: commits batches until nothing waits.
    private func drain() {
        while true {
            let batch = pending.withLock { p -> [Job] in
                if p.jobs.isEmpty {
                    p.draining = false
                    return []
                }
                let count = min(p.jobs.count, maxBatch)
                let batch = Array(p.jobs.prefix(count))
                p.jobs.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            commit(batch)
        }
    }

    private func commit(_ batch: [Job]) {
        var outcomes = [Error?](repeating: nil, count: batch.count)
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for (index, job) in batch.enumerated() {
                        do {
                            try db.inSavepoint {
                                try job.work(db)
                                return .commit
                            }
                        } catch {
                            outcomes[index] = error
                            // Some errors (SQLITE_FULL, SQLITE_IOERR…) make SQLite roll back the whole
                            // transaction: the writes before this one are gone too.
                            if !db.isInsideTransaction { throw TransactionAborted() }
                        }
                    }
                    return .commit
                }
            }
        } catch {
            if batch.count == 1 {
                batch[0].finish(outcomes[0] ?? error)
            } else {
                for job in batch { commit([job]) }
            }
            return
        }
        for (index, job) in batch.enumerated() { job.finish(outcomes[index]) }
    }
}
