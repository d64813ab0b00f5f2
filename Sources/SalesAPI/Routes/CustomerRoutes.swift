import SalesCore
import SalesJSON
import SalesStore

/// /v1/customers (docs/api.md §3 Customers).
enum CustomerRoutes {
    static let fields: Set<String> = ["name", "email", "phone", "billing_address", "shipping_address", "currency", "credit_limit",
                                      "payment_terms_days", "sales_rep_id", "external_ref", "active", "metadata"]

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["q", "active", "sales_rep_id"], list: true)
            var filter = CustomerStore.Filter()
            filter.query = try request.query.nonEmpty("q")
            filter.active = try request.query.bool("active")
            filter.salesRepId = try request.query.int("sales_rep_id")
            let options = try ListParameters.parse(request.query)
            let query = filter
            let rows = try await app.read { db in
                let page = try CustomerStore.list(db, filter: query, options: options)
                let items = try page.items.map { ($0, try CustomerStore.balance(db, customer: $0)) }
                return Page(items: items, hasMore: page.hasMore)
            }
            return ListResponse.make(rows, cursor: { .after(id: $0.0.id, updatedAt: $0.0.updatedAt, in: options) }) { item, w in
                CustomerJSON.write(item.0, balance: item.1, to: &w)
            }
        }
    }

    static let resource = VersionedResource<Customer>(
        eventResource: "customer",
        blank: { app in
            Customer(id: 0, name: "", email: nil, phone: nil, billingAddress: nil, shippingAddress: nil,
                     currency: app.configuration.currency, creditLimit: nil, paymentTermsDays: 30, salesRepId: nil,
                     externalRef: nil, active: true, metadata: [:], version: 1, createdAt: "", updatedAt: "")
        },
        apply: { reader, customer, creating, _ in apply(&reader, to: &customer, creating: creating) },
        insert: CustomerStore.create,
        fetch: { db, id in try CustomerStore.get(db, id: id) },
        modify: { db, id, expected, change in try CustomerStore.update(db, id: id, expectedVersion: expected, change: change) },
        remove: { db, id, expected in try CustomerStore.delete(db, id: id, expectedVersion: expected) },
        respond: { db, customer, status in CustomerJSON.response(customer, try CustomerStore.balance(db, customer: customer), status: status) },
        authorize: { request, body in try authorizeCreditTerms(request, body) }
    )

    static func balance(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: false)
            let id = try request.id()
            return try await app.read { db in
                let c = try CustomerStore.get(db, id: id)
                let b = try CustomerStore.balance(db, customer: c)
                return APIResponse.json { w in CustomerJSON.writeBalance(b, to: &w) }
            }
        }
    }

    /// docs/api.md §2: a customer's credit terms are a credit decision, an admin's — otherwise a
    /// sales key could raise the limit that only an admin may override.
    static let creditTerms = ["credit_limit", "payment_terms_days"]

    static func authorizeCreditTerms(_ request: APIRequest, _ body: JSONObject) throws {
        guard request.principal?.role != .admin, let field = creditTerms.first(where: { body[$0] != nil }) else { return }
        throw APIError.forbidden("only an admin key may set \(field)")
    }

    /// Create and PATCH share this: absent fields keep their value; null clears a nullable one.
    static func apply(_ r: inout BodyReader, to c: inout Customer, creating: Bool) {
        r.rejectUnknown(fields)
        if creating { r.require("name") }
        r.text("name", maxLength: 200, nullable: false).assign(to: &c.name)
        r.email("email").assign(to: &c.email)
        r.text("phone", maxLength: 40).assign(to: &c.phone)
        r.address("billing_address").assign(to: &c.billingAddress)
        r.address("shipping_address").assign(to: &c.shippingAddress)
        r.currency("currency").assign(to: &c.currency)
        r.integer("credit_limit", range: 0...Money.maxAmount, nullable: true).assign(to: &c.creditLimit)
        if case .value(let days) = r.integer("payment_terms_days", range: 0...3650) { c.paymentTermsDays = Int(days) }
        r.id("sales_rep_id").assign(to: &c.salesRepId)
        r.text("external_ref", maxLength: 200).assign(to: &c.externalRef)
        r.boolean("active").assign(to: &c.active)
        r.metadata().assign(to: &c.metadata)
    }
}
