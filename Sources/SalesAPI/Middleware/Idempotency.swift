import Locking
import HTTPServer
import SalesStore

/// The key a POST is running under. While claimed, a concurrent request with the same key gets
/// 409 idempotency_in_progress (docs/api.md §1). Claims live in memory: after a crash nothing is in
/// flight, and completed requests are in the database.
public struct IdempotencyClaim: Sendable, Hashable {
    public let apiKeyId: Int64
    public let key: String
    public let fingerprint: [UInt8]

    /// What is stored for replay: the status, the headers a client relies on, the exact body.
    func stored(_ response: APIResponse) -> IdempotencyStore.Stored {
        var headers: [(String, String)] = []
        if !response.contentType.isEmpty { headers.append(("Content-Type", response.contentType)) }
        if let etag = response.etag { headers.append(("ETag", "\"\(etag)\"")) }
        headers.append(contentsOf: response.headers)
        return IdempotencyStore.Stored(fingerprint: fingerprint, status: response.status, headers: headers, body: response.body)
    }

    /// SHA-256 over method, target and body: "the same request".
    static func fingerprint(_ request: HTTPRequest) -> [UInt8] {
        var bytes = Array("\(request.method.rawValue) \(request.target)\n".utf8)
        bytes.append(contentsOf: request.body)
        return Crypto.sha256(bytes)
    }

    static func replay(_ stored: IdempotencyStore.Stored) -> HTTPResponse {
        var response = HTTPResponse(status: stored.status, body: stored.body)
        for (name, value) in stored.headers { response.headers.add(name: name, value: value) }
        response.headers.add(name: "idempotent-replayed", value: "true")
        return response
    }
}

final class IdempotencyClaims: Sendable {
    private struct Key: Hashable { let apiKeyId: Int64; let key: String }
    private let claimed = Locked<Set<Key>>([])

    func claim(_ c: IdempotencyClaim) -> Bool {
        claimed.withLock { $0.insert(Key(apiKeyId: c.apiKeyId, key: c.key)).inserted }
    }

    func release(_ c: IdempotencyClaim) {
        _ = claimed.withLock { $0.remove(Key(apiKeyId: c.apiKeyId, key: c.key)) }
    }
}
