import SalesCore
import SalesJSON
import SalesStore

/// Payments, credit applications, credit refunds and the statement of account (docs/api.md §3
/// "Payments (collections)", Customers `balance` and ledger).
enum PaymentRoutes {
    static let createFields: Set<String> = ["customer_id", "amount", "currency", "method", "reference", "received_at", "allocations", "metadata"]

    /// POST /v1/payments.
    static func create(_ app: APIContext) -> APIHandler {
        { request in
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(createFields)
            r.require("customer_id", "amount", "method")
            let customerId = r.id("customer_id", nullable: false).value
            var allocations: [(invoiceId: Int64, amount: Int64)]?
            if let value = r.object["allocations"] { allocations = readAllocations(value, into: &r) }
            let fields = readPaymentFields(&r)
            try r.finish()
            guard let customerId, let fields else { throw APIError.badRequest("unreachable: validated fields missing") }
            let new = PaymentStore.NewPayment(customerId: customerId, amount: fields.amount, currency: fields.currency, method: fields.method,
                                              reference: fields.reference, receivedAt: fields.receivedAt, allocations: allocations,
                                              metadata: fields.metadata)
            return try await app.write(request) { db in try PaymentService.create(db, request.actor, new) }
        }
    }

    /// POST /v1/orders/{id}/payments: the order's open invoices first, the rest to credit.
    static func createForOrder(_ app: APIContext) -> APIHandler {
        { request in
            let orderId = try request.id()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["amount", "currency", "method", "reference", "received_at", "metadata"])
            r.require("amount", "method")
            let fields = readPaymentFields(&r)
            try r.finish()
            guard let fields else { throw APIError.badRequest("unreachable: validated fields missing") }
            let new = PaymentStore.NewPayment(customerId: 0, amount: fields.amount, currency: fields.currency, method: fields.method,
                                              reference: fields.reference, receivedAt: fields.receivedAt, allocations: nil, metadata: fields.metadata)
            return try await app.write(request) { db in try PaymentService.createForOrder(db, request.actor, orderId: orderId, new) }
        }
    }

    /// payment.created, then invoice.paid for each invoice the payment paid off.
    struct PaymentFields {
        var amount: Int64
        var currency: String?
        var method: PaymentMethod
        var reference: String?
        var receivedAt: String?
        var metadata: Metadata
    }

    /// The fields a payment and a credit refund share: amount* (> 0), currency (the customer's),
    /// method*, reference; payments also take received_at and metadata.
    static func readPaymentFields(_ r: inout BodyReader) -> PaymentFields? {
        let amount = r.integer("amount", range: 1...Money.maxAmount).value
        let currency = r.currency("currency").value
        let method = r.choice("method", PaymentMethod.self).value
        let reference = r.text("reference", maxLength: 200).value
        let receivedAt = r.timestamp("received_at").value
        let metadata = r.metadata().value ?? [:]
        guard let amount, let method else { return nil }
        return PaymentFields(amount: amount, currency: currency, method: method, reference: reference, receivedAt: receivedAt, metadata: metadata)
    }

    /// `allocations: [{invoice_id, amount}]`; an empty array puts the whole payment on credit.
    static func readAllocations(_ value: JSONValue, into r: inout BodyReader) -> [(invoiceId: Int64, amount: Int64)]? {
        guard case .array(let items) = value else {
            r.fail("allocations", "invalid_type", "allocations must be an array of {invoice_id, amount}")
            return nil
        }
        guard items.count <= OrderRoutes.maxLines else {
            r.fail("allocations", "too_many", "at most \(OrderRoutes.maxLines) allocations")
            return nil
        }
        var out: [(invoiceId: Int64, amount: Int64)] = []
        for (index, item) in items.enumerated() {
            guard case .object(let o) = item else {
                r.fail("allocations[\(index)]", "invalid_type", "each allocation is an object {invoice_id, amount}")
                continue
            }
            var ar = BodyReader(o, prefix: "allocations[\(index)].")
            ar.rejectUnknown(["invoice_id", "amount"])
            ar.require("invoice_id", "amount")
            let invoiceId = ar.id("invoice_id", nullable: false).value
            let amount = ar.integer("amount", range: 1...Money.maxAmount).value
            r.absorb(ar)
            if let invoiceId, let amount { out.append((invoiceId, amount)) }
        }
        return out
    }

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["customer_id", "order_id", "invoice_id", "status", "method"], list: true)
            var filter = PaymentStore.Filter()
            filter.customerId = try request.query.int("customer_id")
            filter.orderId = try request.query.int("order_id")
            filter.invoiceId = try request.query.int("invoice_id")
            filter.status = try request.query.oneOf("status", PaymentState.self)
            filter.method = try request.query.oneOf("method", PaymentMethod.self)
            let options = try ListParameters.parse(request.query)
            let query = filter
            let page = try await app.read { db in try PaymentStore.list(db, filter: query, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: PaymentJSON.write)
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in PaymentJSON.response(try PaymentStore.get(db, id: id)) }
    }

    /// PATCH /v1/payments/{id}: `reference` and `metadata`; amounts change only by voiding.
    static func update(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["reference", "metadata"])
            let reference = r.text("reference", maxLength: 200).patch
            let metadata = r.metadata().value
            try r.finish()
            return try await app.write(request) { db in
                try PaymentService.update(db, request.actor, id: id, expectedVersion: expected, reference: reference, metadata: metadata)
            }
        }
    }

    /// POST /v1/payments/{id}/void {reason}.
    static func void(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["reason"])
            let reason = r.text("reason", maxLength: 500).value
            try r.finish()
            return try await app.write(request) { db in
                try PaymentService.void(db, request.actor, id: id, reason: reason, expectedVersion: expected)
            }
        }
    }

    /// POST /v1/invoices/{id}/apply-credit {amount?} → the invoice.
    static func applyCredit(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["amount"])
            let amount = r.integer("amount", range: 1...Money.maxAmount).value
            try r.finish()
            return try await app.write(request) { db in
                try PaymentService.applyCredit(db, request.actor, invoiceId: id, amount: amount)
            }
        }
    }

    /// POST /v1/customers/{id}/credit-refunds {amount*, method*, reference, currency, metadata}.
    static func createRefund(_ app: APIContext) -> APIHandler {
        { request in
            let customerId = try request.id()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["amount", "currency", "method", "reference", "metadata"])
            r.require("amount", "method")
            let fields = readPaymentFields(&r)
            try r.finish()
            guard let fields else { throw APIError.badRequest("unreachable: validated fields missing") }
            return try await app.write(request) { db in
                try PaymentService.createRefund(db, request.actor, customerId: customerId, fields: fields)
            }
        }
    }

    static func listRefunds(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["customer_id"], list: true)
            let customerId = try request.query.int("customer_id")
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try CreditRefundStore.list(db, customerId: customerId, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: PaymentJSON.writeRefund)
        }
    }

    static func getRefund(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in
            let refund = try CreditRefundStore.get(db, id: id)
            return APIResponse.json { w in PaymentJSON.writeRefund(refund, to: &w) }
        }
    }

    /// GET /v1/customers/{id}/ledger: the statement of account, oldest first. Entries are never
    /// updated and carry no metadata, so only limit, cursor and the created range apply.
    static func ledger(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["limit", "cursor", "created_from", "created_to"], list: false)
            let id = try request.id()
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try CustomerAccount.ledger(db, customerId: id, options: options) }
            return ListResponse.make(page, cursor: { .id($0.id) }) { e, w in CustomerJSON.writeLedgerEntry(e, to: &w) }
        }
    }
}
