import Foundation
import Testing

/// Issue 16 finding 5, docs/api.md §2: authorization that follows the data. A rep-bound key acts
/// only on its rep's quotes and orders, through every route; credit terms are an admin's.
@Suite struct FieldLevelAuthorization {
    @Test func aRepBoundKeyCannotTakeOverAnotherRepsWork() async throws {
        try await withAPI { api in
            let ana = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Ana"}"#)["id"] as? Int)
            let ben = try #require(try await api.call("POST", "/v1/sales-reps", #"{"name":"Ben"}"#)["id"] as? Int)
            let anaKey = try await api.key(role: "sales", salesRepId: ana)
            let customer = try await api.customer()
            let product = try await api.product(price: 100, extra: #","type":"service""#)
            let lines = #"[{"product_id":\#(product),"quantity":1}]"#
            func order(rep: Int?) async throws -> Int {
                let field = rep.map { #","sales_rep_id":\#($0)"# } ?? ""
                return try #require(try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":\#(lines)\#(field)}"#)["id"] as? Int)
            }
            func quote(rep: Int?) async throws -> Int {
                let field = rep.map { #","sales_rep_id":\#($0)"# } ?? ""
                return try #require(try await api.call("POST", "/v1/quotes", #"{"customer_id":\#(customer),"lines":\#(lines)\#(field)}"#)["id"] as? Int)
            }
            // Ben's order and quote: every write of Ana's key is 403, and nothing changes.
            let bensOrder = try await order(rep: ben)
            let bensQuote = try await quote(rep: ben)
            _ = try await api.call("POST", "/v1/quotes/\(bensQuote)/send")
            let refusals: [(String, String, String?)] = [
                ("PATCH", "/v1/orders/\(bensOrder)", #"{"sales_rep_id":\#(ana)}"#), ("PATCH", "/v1/orders/\(bensOrder)", #"{"notes":"mine"}"#),
                ("POST", "/v1/orders/\(bensOrder)/confirm", nil), ("POST", "/v1/orders/\(bensOrder)/cancel", nil),
                ("PATCH", "/v1/quotes/\(bensQuote)", #"{"sales_rep_id":\#(ana)}"#), ("POST", "/v1/quotes/\(bensQuote)/decline", nil),
                ("POST", "/v1/quotes/\(bensQuote)/cancel", nil), ("POST", "/v1/quotes/\(bensQuote)/convert", nil),
            ]
            for (method, path, body) in refusals {
                let reply = try await api.call(method, path, body, key: anaKey)
                #expect(reply.status == 403 && reply.code == "forbidden", "\(method) \(path) \(body ?? ""): \(reply.status) \(reply.text)")
            }
            let untouched = try await api.call("GET", "/v1/orders/\(bensOrder)")
            #expect(untouched["sales_rep_id"] as? Int == ben && untouched["status"] as? String == "draft" && untouched["version"] as? Int == 1)
            let quoteNow = try await api.call("GET", "/v1/quotes/\(bensQuote)")
            #expect(quoteNow["sales_rep_id"] as? Int == ben && quoteNow["status"] as? String == "sent")

            // Her own order: edits and confirms, but cannot give it to Ben or to nobody.
            let hers = try await order(rep: ana)
            #expect(try await api.call("PATCH", "/v1/orders/\(hers)", #"{"notes":"call first"}"#, key: anaKey).status == 200)
            #expect(try await api.call("PATCH", "/v1/orders/\(hers)", #"{"sales_rep_id":\#(ben)}"#, key: anaKey).status == 403)
            #expect(try await api.call("PATCH", "/v1/orders/\(hers)", #"{"sales_rep_id":null}"#, key: anaKey).status == 403)
            #expect(try await api.call("POST", "/v1/orders/\(hers)/confirm", nil, key: anaKey).status == 200)
            // An order of no rep: she may take it, not hand it to Ben.
            let nobodys = try await order(rep: nil)
            #expect(try await api.call("PATCH", "/v1/orders/\(nobodys)", #"{"sales_rep_id":\#(ben)}"#, key: anaKey).status == 403)
            let taken = try await api.call("PATCH", "/v1/orders/\(nobodys)", #"{"sales_rep_id":\#(ana)}"#, key: anaKey)
            #expect(taken.status == 200 && taken["sales_rep_id"] as? Int == ana)
            // An admin reassigns freely.
            #expect(try await api.call("PATCH", "/v1/orders/\(bensOrder)", #"{"sales_rep_id":\#(ana)}"#).status == 200)
        }
    }

    @Test func creditTermsAreAnAdminsDecision() async throws {
        try await withAPI { api in
            let sales = try await api.key(role: "sales")
            let customer = try await api.customer(#","credit_limit":1000"#)
            for body in [#"{"credit_limit":100000000}"#, #"{"credit_limit":null}"#, #"{"payment_terms_days":365}"#] {
                let reply = try await api.call("PATCH", "/v1/customers/\(customer)", body, key: sales)
                #expect(reply.status == 403 && reply.code == "forbidden", "\(body): \(reply.text)")
            }
            let created = try await api.call("POST", "/v1/customers", #"{"name":"New","credit_limit":5}"#, key: sales)
            #expect(created.status == 403 && (created["detail"] as? String) == "only an admin key may set credit_limit")
            // Everything else stays the sales role's; the admin sets the terms.
            #expect(try await api.call("PATCH", "/v1/customers/\(customer)", #"{"phone":"1"}"#, key: sales).status == 200)
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"Plain"}"#, key: sales).status == 201)
            let raised = try await api.call("PATCH", "/v1/customers/\(customer)", #"{"credit_limit":2000,"payment_terms_days":45}"#)
            #expect(raised.status == 200 && raised["credit_limit"] as? Int == 2000 && raised["payment_terms_days"] as? Int == 45)
        }
    }
}
