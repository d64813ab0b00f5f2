import Foundation
import Testing
import HTTPServer
import HTTPTestSupport
import SalesAPI

/// Every /v1 route the router knows, without a key (401) and with each role (allowed, or 403),
/// against docs/api.md §2 written out independently here — not read back from RouteTable.
@Suite struct GeneratedRoleMatrix {
    /// docs/api.md §2: admin everything; sales customers, quotes, orders; warehouse products, stock,
    /// shipments, returns; accounting invoices, credit notes, payments (an order's too), credits,
    /// tax rates (our reading);
    /// readonly every GET. API keys are admin's alone (our reading of "admin … API keys").
    static func allowed(_ method: HTTPMethod, _ template: String) -> Set<String> {
        let everyone: Set<String> = ["admin", "sales", "warehouse", "accounting", "readonly"]
        // docs/api.md §2: every key may read itself (GET /v1/api-keys/current), and only that.
        if template == "/v1/api-keys/current" { return everyone }
        if template.hasPrefix("/v1/api-keys") || template.hasPrefix("/v1/webhook-endpoints") { return ["admin"] }
        if method == .GET { return everyone }
        // Settings are admin's; so is managing reps (staff records) — reps clock in/out themselves.
        if template.hasPrefix("/v1/settings") { return ["admin"] }
        if template.hasSuffix("/clock-in") || template.hasSuffix("/clock-out") || template.hasPrefix("/v1/activities") { return ["admin", "sales"] }
        if template.hasPrefix("/v1/sales-reps") { return ["admin"] }
        let area: String
        switch template {
        // accounting: payments (also an order's), credits (apply, refunds)
        case let t where t.hasSuffix("/payments"), let t where t.hasPrefix("/v1/payments"), let t where t.hasSuffix("/apply-credit"),
             let t where t.hasSuffix("/credit-refunds"): area = "accounting"
        case let t where t.hasPrefix("/v1/customers"), let t where t.hasPrefix("/v1/quotes"): area = "sales"
        case let t where t.hasSuffix("/invoices"), let t where t.hasPrefix("/v1/invoices"), let t where t.hasPrefix("/v1/tax-rates"): area = "accounting"
        case let t where t.hasSuffix("/shipments"), let t where t.hasPrefix("/v1/shipments"), let t where t.hasPrefix("/v1/products"): area = "warehouse"
        case let t where t.hasPrefix("/v1/orders"): area = "sales"
        default: area = "unknown route: extend this table from docs/api.md §2"
        }
        return ["admin", area]
    }

    @Test func everyRouteChecksKeyAndRole() async throws {
        try await withAPI { api in
            var keys: [String: String] = ["admin": api.adminKey]
            for role in ["sales", "warehouse", "accounting", "readonly"] { keys[role] = try await api.key(role: role) }
            let routes = APIResponder(context: api.app).routeList.filter { $0.template.hasPrefix("/v1/") }
            #expect(routes.count > 40)
            var failures: [String] = []
            for route in routes {
                // An id that does not exist: allowed roles get 404 or a validation error, never 403, and
                // nothing is changed (DELETE /v1/api-keys/1 would revoke the admin key itself).
                let path = route.template.replacingOccurrences(of: "{id}", with: "999999")
                let body: String? = route.method == .GET ? nil : "{}"
                let anonymous = try await api.call(route.method.rawValue, path, body, key: nil)
                if anonymous.status != 401 { failures.append("\(route.method) \(route.template) without a key → \(anonymous.status)") }
                let expected = Self.allowed(route.method, route.template)
                for (role, key) in keys {
                    let reply = try await api.call(route.method.rawValue, path, body, key: key)
                    let denied = reply.status == 403
                    if expected.contains(role) == denied {
                        failures.append("\(route.method) \(route.template) as \(role) → \(reply.status)")
                    }
                    if reply.status == 401 || reply.status >= 500 {
                        failures.append("\(route.method) \(route.template) as \(role) → \(reply.status) \(reply.text)")
                    }
                }
            }
            #expect(failures == [])
        }
    }

    /// docs/api.md §2's field-level rules, for every role that may call the route at all: a
    /// customer's credit terms are admin's; `override_credit_limit` is admin's.
    @Test func fieldLevelRulesForEveryRole() async throws {
        try await withAPI { api in
            var keys: [String: String] = ["admin": api.adminKey]
            for role in ["sales", "warehouse", "accounting", "readonly"] { keys[role] = try await api.key(role: role) }
            let customer = try await api.customer()
            let product = try await api.product(price: 1, extra: #","type":"service""#)
            let writes: [(field: String, method: String, path: String, body: String)] = [
                ("credit_limit", "POST", "/v1/customers", #"{"name":"N","credit_limit":10}"#),
                ("payment_terms_days", "POST", "/v1/customers", #"{"name":"N","payment_terms_days":10}"#),
                ("credit_limit", "PATCH", "/v1/customers/\(customer)", #"{"credit_limit":10}"#),
                ("payment_terms_days", "PATCH", "/v1/customers/\(customer)", #"{"payment_terms_days":10}"#),
                ("override_credit_limit", "POST", "/v1/orders",
                 #"{"customer_id":\#(customer),"confirm":true,"override_credit_limit":true,"lines":[{"product_id":\#(product),"quantity":1}]}"#),
            ]
            var failures: [String] = []
            for write in writes {
                for (role, key) in keys.sorted(by: { $0.key < $1.key }) {
                    let status = try await api.call(write.method, write.path, write.body, key: key).status
                    let expected = role == "admin" ? [200, 201] : [403]
                    if !expected.contains(status) { failures.append("\(write.field) by \(role) with \(write.method) \(write.path) → \(status)") }
                }
            }
            #expect(failures == [])
        }
    }
}
