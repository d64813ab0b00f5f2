#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Locking
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where a webhook may be sent (docs/api.md §3 "Events and webhooks"): an absolute http or https
/// URL without user name or password, whose host resolves only to public addresses. Loopback,
/// private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified,
/// multicast and reserved addresses are refused — at registration and again before every attempt,
/// since DNS can change — unless the operator allows them (`--webhook-allow-private`, for
/// receivers on the same machine or network). Otherwise the deliveries list would be a port
/// scanner of the server's own network.
enum WebhookDestination {
    enum Verdict: Equatable {
        case allowed
        /// Why it may not be used, in words safe to show an API user.
        case refused(String)
        /// The host does not resolve now (registration accepts it; an attempt fails).
        case unresolved
    }

    /// The URL's form: http(s), a host, no userinfo. nil when fine, else why not.
    static func formProblem(_ text: String) -> String? {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty else {
            return "url must be an absolute http or https URL"
        }
        if parts.user != nil || parts.password != nil { return "url may not contain a user name or password" }
        return nil
    }

    /// `check` on a thread of its own: getaddrinfo blocks for as long as DNS takes (seconds when a
    /// resolver does not answer), and on Swift's cooperative threads — as many as cores — that
    /// stalls every request of the node. Callers await it before any transaction, never inside one
    /// (a write would hold the database's writer, or PostgreSQL's write gate, for as long).
    static func judge(_ text: String, allowPrivate: Bool) async -> Verdict {
        await withCheckedContinuation { continuation in
            lookups.async { continuation.resume(returning: check(text, allowPrivate: allowPrivate)) }
        }
    }

    /// A queue of its own: libdispatch gives a blocked work item's successors new threads.
    private static let lookups = DispatchQueue(label: "sales-server.webhook-dns", attributes: .concurrent)

    /// How hosts are resolved: getaddrinfo, or what a test puts in its place (WebhookDestinationTests).
    static let resolver = Locked<@Sendable (String) -> [[UInt8]]?>(resolve)

    /// Resolves the URL's host and judges every address it has (blocking: see `judge`).
    static func check(_ text: String, allowPrivate: Bool) -> Verdict {
        if let problem = formProblem(text) { return .refused(problem) }
        if allowPrivate { return .allowed }
        guard var host = URLComponents(string: text)?.host else { return .refused("url has no host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let lookUp = resolver.withLock { $0 }
        guard let addresses = lookUp(host) else { return .unresolved }
        for address in addresses where !isPublic(address) {
            return .refused("url's host resolves to a loopback, private, link-local or reserved address; "
                            + "such destinations need the server's --webhook-allow-private")
        }
        return .allowed
    }

    /// The IPv4 (4 bytes) and IPv6 (16 bytes) addresses of `host`; nil when it does not resolve.
    static func resolve(_ host: String) -> [[UInt8]]? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(first) }
        var out: [[UInt8]] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            if let address = current.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                        var a = v4.pointee.sin_addr
                        out.append(withUnsafeBytes(of: &a) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                        var a = v6.pointee.sin6_addr
                        out.append(withUnsafeBytes(of: &a) { Array($0) })
                    }
                default: break
                }
            }
            node = current.pointee.ai_next
        }
        return out.isEmpty ? nil : out
    }

    /// True for a globally routable unicast address (RFC 6890's special-purpose registries).
    static func isPublic(_ a: [UInt8]) -> Bool {
        if a.count == 4 { return isPublicV4(a) }
        guard a.count == 16 else { return false }
        // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
        if a[0..<10].allSatisfy({ $0 == 0 }) && a[10] == 0xff && a[11] == 0xff { return isPublicV4(Array(a[12...])) }
        if a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b && a[4..<12].allSatisfy({ $0 == 0 }) { return isPublicV4(Array(a[12...])) }
        if a[0..<15].allSatisfy({ $0 == 0 }) { return false }          // :: and ::1
        if a[0] & 0xfe == 0xfc { return false }                          // fc00::/7 unique local
        if a[0] == 0xfe && a[1] & 0xc0 == 0x80 { return false }          // fe80::/10 link-local
        if a[0] == 0xfe && a[1] & 0xc0 == 0xc0 { return false }          // fec0::/10 site-local (deprecated)
        if a[0] == 0xff { return false }                                 // multicast
        if a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8 { return false }   // 2001:db8::/32 documentation
        return true
    }

    static func isPublicV4(_ a: [UInt8]) -> Bool {
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): return false                    // this network, private, loopback
        case (100, 64...127): return false                               // carrier-grade NAT
        case (169, 254): return false                                    // link-local (cloud metadata)
        case (172, 16...31): return false                                // private
        case (192, 168): return false                                    // private
        case (192, 0) where a[2] == 0 || a[2] == 2: return false         // IETF protocol, TEST-NET-1
        case (198, 18...19): return false                                // benchmarking
        case (198, 51) where a[2] == 100: return false                   // TEST-NET-2
        case (203, 0) where a[2] == 113: return false                    // TEST-NET-3
        case (224...255, _): return false                                // multicast, reserved, broadcast
        default: return true
        }
    }

    /// What a failed send says to API users: the kind of failure, never resolver or socket text
    /// (addresses, ports, library messages).
    static func describe(_ error: Error) -> String {
        guard let error = error as? URLError else { return "the request failed" }
        switch error.code {
        case .timedOut: return "no answer in time"
        case .cannotFindHost, .dnsLookupFailed: return "the host was not found"
        case .cannotConnectToHost: return "the connection was refused"
        case .networkConnectionLost: return "the connection closed before the answer"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return "the TLS handshake failed"
        case .badServerResponse, .cannotParseResponse: return "the answer was not HTTP"
        default: return "the request failed"
        }
    }
}

/// Redirects are not followed: a webhook goes to the URL registered, and a 3xx is a failed attempt
/// (a followed 307 once re-sent the request with an empty body and was recorded delivered).
final class RefuseRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
