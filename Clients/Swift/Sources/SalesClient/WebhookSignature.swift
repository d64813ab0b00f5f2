import Crypto
import Foundation
import OpenAPIRuntime

/// Checks that a webhook delivery came from the server (docs/api.md §3 "Events and webhooks"): the
/// `Sales-Signature` header is `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
///
///     let event = try WebhookSignature.verify(payload: body, header: signature, secret: secret)
///
/// Verify the raw body bytes as they arrived, before any JSON parsing. Deliveries are at least
/// once: deduplicate on the event's `id` (the `Sales-Event-Id` header).
public enum WebhookSignature {
    public enum Failure: Error, Sendable, Equatable {
        /// The header is not `t=…,v1=…`.
        case malformedHeader
        /// The signature's time is further than the tolerance from now: a replay, or a wrong clock.
        case outsideTolerance(signedAt: Date)
        /// No `v1` signature matches the body and secret.
        case mismatch
    }

    /// Verifies the signature and decodes the event. `tolerance` bounds how old (or how far in
    /// the future) the signature's time may be; 5 minutes by default.
    public static func verify(
        payload: Data, header: String, secret: String, tolerance: TimeInterval = 300, now: Date = Date()
    ) throws -> Components.Schemas.Event {
        try check(payload: payload, header: header, secret: secret, tolerance: tolerance, now: now)
        return try eventDecoder.decode(Components.Schemas.Event.self, from: payload)
    }

    /// Timestamps as the server writes them, with milliseconds (docs/api.md §1 "time").
    static var eventDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return try ISO8601DateTranscoder.iso8601WithFractionalSeconds.decode(text)
        }
        return decoder
    }

    /// Verifies the signature only.
    public static func check(
        payload: Data, header: String, secret: String, tolerance: TimeInterval = 300, now: Date = Date()
    ) throws {
        var timestamp: String?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw Failure.malformedHeader }
            switch pair[0] {
            case "t": timestamp = pair[1]
            case "v1": signatures.append(pair[1])
            default: continue  // a scheme this client does not know
            }
        }
        guard let timestamp, let seconds = Int64(timestamp), !signatures.isEmpty else { throw Failure.malformedHeader }
        let signedAt = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard abs(signedAt.timeIntervalSince(now)) <= tolerance else { throw Failure.outsideTolerance(signedAt: signedAt) }
        let key = SymmetricKey(data: Data(secret.utf8))
        let signed = Data("\(timestamp).".utf8) + payload
        for signature in signatures {
            guard let mac = bytes(hex: signature) else { continue }
            if HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: key) { return }
        }
        throw Failure.mismatch
    }

    /// Signs a payload the way the server does, for a receiver's own tests.
    public static func header(payload: Data, secret: String, at time: Date) -> String {
        let timestamp = String(Int64(time.timeIntervalSince1970.rounded(.down)))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).".utf8) + payload, using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var data = Data(capacity: digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
