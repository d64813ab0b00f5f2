import Foundation
import SalesClient
import Testing

/// `Sales-Signature: t=…,v1=hex(HMAC-SHA256(secret, "t.body"))` (docs/api.md §3 "Events and webhooks").
@Suite struct WebhookSignatureTests {
    static let body = Data(#"{"id":42,"type":"invoice.paid","created_at":"2026-01-02T03:04:05.000Z","actor":null,"resource_type":"invoice","resource_id":7,"data":{"id":7}}"#.utf8)
    static let secret = "whsec_0123456789abcdef"
    /// Computed apart from this SDK, with Python's hmac module.
    static let header = "t=1767323045,v1=446e904620f16ba561c075bba081c10bc00c50c32d67d26ee41245e480d12916"
    static let signedAt = Date(timeIntervalSince1970: 1_767_323_045)

    @Test func aKnownSignatureVerifiesAndDecodesTheEvent() throws {
        let event = try WebhookSignature.verify(payload: Self.body, header: Self.header, secret: Self.secret, now: Self.signedAt + 60)
        #expect(event.id == 42)
        #expect(event._type == "invoice.paid")
        #expect(event.resourceId == 7)
    }

    @Test func signingGivesTheServersHeader() {
        #expect(WebhookSignature.header(payload: Self.body, secret: Self.secret, at: Self.signedAt) == Self.header)
    }

    @Test func aChangedBodyOrSecretIsAMismatch() {
        var tampered = Self.body
        tampered[tampered.index(tampered.startIndex, offsetBy: 6)] = UInt8(ascii: "3")
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.check(payload: tampered, header: Self.header, secret: Self.secret, now: Self.signedAt)
        }
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.check(payload: Self.body, header: Self.header, secret: "whsec_other", now: Self.signedAt)
        }
    }

    @Test func anOldSignatureIsRefusedAtTheTolerance() throws {
        try WebhookSignature.check(payload: Self.body, header: Self.header, secret: Self.secret, now: Self.signedAt + 300)
        #expect(throws: WebhookSignature.Failure.outsideTolerance(signedAt: Self.signedAt)) {
            try WebhookSignature.check(payload: Self.body, header: Self.header, secret: Self.secret, now: Self.signedAt + 301)
        }
    }

    @Test func aMalformedHeaderIsNamedSo() {
        for header in ["", "v1=abc", "t=1767323045", "t=soon,v1=00", "garbage"] {
            #expect(throws: WebhookSignature.Failure.malformedHeader) {
                try WebhookSignature.check(payload: Self.body, header: header, secret: Self.secret, now: Self.signedAt)
            }
        }
    }
}
