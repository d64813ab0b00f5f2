import Foundation
import Testing
import HTTPTestSupport
import SalesCore
import SalesStore
@testable import SalesAPI

/// Issue 16 findings 1, 2 and 7: money and quantities at their bounds. Every sum is checked;
/// crossing a bound is a 409 or 422 that names it, never a trap, a REAL in an INTEGER column or
/// a 500, and the server stays up with `check` clean.
@Suite struct MoneyAtItsBounds {
    /// `count` POSTs of `body` on one keep-alive connection; their statuses.
    func post(_ api: TestServer, _ path: String, _ body: String, count: Int) async throws -> [Int] {
        let port = api.port, key = api.adminKey
        return try await offPool {
            let client = try RawClient(port: port)
            return try (0..<count).map { _ in
                try client.request("POST", path, headers: ["Authorization: Bearer \(key)", "Content-Type: application/json"], body: body).status
            }
        }
    }

    func healthy(_ api: TestServer) async throws {
        #expect(try await api.call("GET", "/healthz", key: nil).status == 200)
        let breaches = try await api.app.read { db in try IntegrityCheck.run(db) }
        #expect(breaches.isEmpty, "\(breaches)")
    }

    /// Finding 1: one payment with thousands of allocations of 10^15 (each valid alone).
    @Test func thousandsOfHugeAllocationsAreRefusedNotATrap() async throws {
        try await withAPI { api in
            let customer = try await api.customer()
            func payment(_ n: Int) -> String {
                let allocations = (0..<n).map { #"{"invoice_id":\#($0 + 1),"amount":\#(Money.maxAmount)}"# }.joined(separator: ",")
                return #"{"customer_id":\#(customer),"amount":1,"method":"cash","allocations":[\#(allocations)]}"#
            }
            let tooMany = try await api.call("POST", "/v1/payments", payment(9_224))
            #expect(tooMany.status == 422 && tooMany.errorFields == ["allocations"] && tooMany.errorCodes == ["too_many"], "\(tooMany.text.prefix(300))")
            // 500 of them: the sum (5 × 10^17) is checked against the amount, and every unknown invoice named.
            let most = try await api.call("POST", "/v1/payments", payment(500))
            #expect(most.status == 422)
            #expect(most.errorFields.count == 501 && most.errorFields.last == "allocations", "\(most.text.prefix(300))")
            #expect((most.json["errors"] as? [[String: Any]])?.last?["message"] as? String
                    == "allocations sum to 500000000000000000, over the payment's amount 1")
            try await healthy(api)
        }
    }

    /// Finding 2: a customer's credit passes 10^18 → 409 limit_exceeded; the reports and the
    /// journal whose sums would pass it → 409; nothing stored as REAL, the server stays up.
    @Test func runningTotalsStopAtTheirBound() async throws {
        try await withAPI { api in
            let rich = try await api.customer(), other = try await api.customer()
            let maxPayment = #"{"customer_id":\#(rich),"amount":\#(Money.maxAmount),"method":"bank_transfer"}"#
            // 1,000 payments of 10^15 reach the bound exactly; the next one is refused.
            let statuses = try await post(api, "/v1/payments", maxPayment, count: 1_000)
            #expect(statuses.allSatisfy { $0 == 201 }, "\(Set(statuses))")
            let over = try await api.call("POST", "/v1/payments", maxPayment)
            #expect(over.status == 409 && over.code == "limit_exceeded" && over.errorFields == ["amount"], "\(over.text)")
            #expect((over["detail"] as? String)?.contains("1000000000000000000") == true)
            let balance = try await api.call("GET", "/v1/customers/\(rich)/balance")
            #expect(balance["credit_balance"] as? Int == 1_000_000_000_000_000_000 && balance["net_balance"] as? Int == -1_000_000_000_000_000_000)
            // Refunds take it back down, within the bound.
            #expect(try await api.call("POST", "/v1/customers/\(rich)/credit-refunds", #"{"amount":1,"method":"cash"}"#).status == 201)

            // Another customer's payment: the period's collections now pass 10^18.
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(other),"amount":\#(Money.maxAmount),"method":"card"}"#).status == 201)
            for path in ["/v1/reports/collections", "/v1/reports/collections?format=csv", "/v1/exports/journal", "/v1/exports/journal?format=csv"] {
                let refused = try await api.call("GET", path)
                #expect(refused.status == 409 && refused.code == "limit_exceeded", "\(path): \(refused.status) \(refused.text.prefix(200))")
            }
            // A period inside the bound still answers (a day with no payments).
            #expect(try await api.call("GET", "/v1/exports/journal?from=2000-01-01&to=2000-01-02").status == 200)
            if TestStore.isSQLite { // PostgreSQL's columns are BIGINT: a REAL cannot be stored there
                let stored = try await api.sqlite.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT typeof(credit_balance) || typeof(receivable) FROM customers") }
                #expect(stored == ["integerinteger"])
            }
            try await healthy(api)
        }
    }

    /// A product's on_hand stops at 10^12 units; one quantity at 10^9.
    @Test func stockStopsAtItsBound() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 1)
            let tooBig = try await api.call("POST", "/v1/products/\(product)/stock-adjustments", #"{"quantity":1000000001}"#)
            #expect(tooBig.status == 422 && tooBig.errorFields == ["quantity"])
            let statuses = try await post(api, "/v1/products/\(product)/stock-adjustments", #"{"quantity":1000000000}"#, count: 1_000)
            #expect(statuses.allSatisfy { $0 == 201 }, "\(Set(statuses))")
            let over = try await api.call("POST", "/v1/products/\(product)/stock-adjustments", #"{"quantity":0.001}"#)
            #expect(over.status == 409 && over.code == "limit_exceeded" && over.errorFields == ["quantity"], "\(over.text)")
            #expect(try await api.stock(product) == #""stock":{"on_hand":1000000000000,"reserved":0,"available":1000000000000}"#)
            try await healthy(api)
        }
    }
}

/// Issue 16 finding 9, docs/api.md §2: a key revoked by another process (the CLI) stops working on
/// a running server within one second.
@Suite struct RevocationWithinASecond {
    @Test func theCacheNeverServesAKeyForASecond() {
        let cache = AuthCache()
        let principal = Principal(keyId: 7, name: "k", role: .sales, salesRepId: nil)
        cache.remember(principal, for: [1, 2, 3], now: 1_000)
        #expect(cache.principal(for: [1, 2, 3], now: 1_000 + AuthCache.ttlNanoseconds - 1) != nil)
        #expect(cache.principal(for: [1, 2, 3], now: 1_000 + AuthCache.ttlNanoseconds) == nil)
        #expect(AuthCache.ttlNanoseconds <= 500_000_000, "a TTL over half a second cannot keep the one-second promise")
    }

    @Test func aKeyRevokedBehindTheServersBackStopsWithinASecond() async throws {
        try await withAPI { api in
            let key = try await api.key(role: "sales")
            #expect(try await api.call("GET", "/v1/customers", key: key).status == 200)   // now cached
            // As `sales-server keys revoke` does: straight to the database, the cache untouched.
            try await api.app.writeDirect { db in _ = try APIKeyStore.revoke(db, id: 2) }
            try await Task.sleep(for: .seconds(1))
            #expect(try await api.call("GET", "/v1/customers", key: key).status == 401)
        }
    }
}
