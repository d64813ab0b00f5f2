import Foundation
import HTTPServer
import SalesStore

/// Bodies produced from one read transaction while they are sent (CSV reports, the journal
/// export): the producer runs on its own thread inside `pool.read`, so the whole body comes
/// from one consistent snapshot, and hands chunks over a small bounded channel. When the
/// channel is full the producer waits (back-pressure from a slow client); when the connection
/// goes away the channel is canceled and the producer's next `emit` throws, which ends the read.
enum StreamedBody {
    /// `produce` writes through `emit`; each call hands over one chunk (callers batch ~32 KiB).
    static func make(_ database: any SalesStorage, _ produce: @escaping @Sendable (SQLTransaction, @escaping ([UInt8]) throws -> Void) throws -> Void) -> HTTPBodyStream {
        let channel = ChunkChannel(capacity: 4)
        let thread = Thread {
            do {
                try database.readNow { db in try produce(db, channel.send) }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        thread.name = "sales-stream"
        thread.start()
        return HTTPBodyStream(next: { try await channel.next() }, cancel: { channel.cancel() })
    }
}

/// A bounded single-producer, single-consumer queue of chunks: a blocking producer thread and
/// an async consumer.
final class ChunkChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var finished = false
    private var failure: Error?
    private var canceled = false
    private var waiter: CheckedContinuation<[UInt8]?, Error>?
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Producer side: blocks while `capacity` chunks wait; throws once the consumer is gone.
    func send(_ chunk: [UInt8]) throws {
        condition.lock()
        while chunks.count >= capacity && !canceled { condition.wait() }
        if canceled {
            condition.unlock()
            throw CancellationError()
        }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: chunk)
            return
        }
        chunks.append(chunk)
        condition.unlock()
    }

    /// Producer side: the end, or the error that cut the body short.
    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        let waiter = self.waiter
        self.waiter = nil
        condition.unlock()
        if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
    }

    /// Consumer side: the next chunk, nil at the end.
    func next() async throws -> [UInt8]? {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if !chunks.isEmpty {
                let chunk = chunks.removeFirst()
                condition.broadcast()
                condition.unlock()
                continuation.resume(returning: chunk)
            } else if finished {
                let failure = self.failure
                condition.unlock()
                if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: nil) }
            } else {
                waiter = continuation
                condition.unlock()
            }
        }
    }

    /// Consumer side: stop; a blocked or later `send` throws.
    func cancel() {
        condition.lock()
        canceled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Accumulates output and emits it in chunks of about 32 KiB.
struct ChunkBuffer {
    var bytes: [UInt8] = []
    let emit: ([UInt8]) throws -> Void

    init(emit: @escaping ([UInt8]) throws -> Void) {
        self.emit = emit
        bytes.reserveCapacity(36 * 1024)
    }

    mutating func append(_ data: [UInt8]) throws {
        bytes.append(contentsOf: data)
        if bytes.count >= 32 * 1024 { try flush() }
    }

    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
