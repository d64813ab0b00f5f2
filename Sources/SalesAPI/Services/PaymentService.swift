import SalesCore
import SalesStore

/// The writes of payments, credit and refunds (docs/api.md §3 "Payments (collections)"), each inside
/// the request's write transaction with its events, including the invoice.paid they cause.
enum PaymentService {
    /// POST /v1/payments: payment.created, and invoice.paid for each invoice it settles.
    static func create(_ db: SQLTransaction, _ actor: Actor, _ new: PaymentStore.NewPayment) throws -> APIResponse {
        try created(db, actor, try PaymentStore.create(db, new))
    }

    /// POST /v1/orders/{id}/payments: the same, allocated to that order's invoices.
    static func createForOrder(_ db: SQLTransaction, _ actor: Actor, orderId: Int64, _ new: PaymentStore.NewPayment) throws -> APIResponse {
        try created(db, actor, try PaymentStore.createForOrder(db, orderId: orderId, new))
    }

    static func update(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?, reference: String??, metadata: Metadata?) throws -> APIResponse {
        let before = try PaymentStore.get(db, id: id).version
        let payment = try PaymentStore.update(db, id: id, expectedVersion: expectedVersion, reference: reference, metadata: metadata)
        let answer = PaymentJSON.response(payment)
        if payment.version != before { try EventLog.record(db, actor, "payment.updated", "payment", id, answer) }
        return answer
    }

    /// A bounced check: its allocations are undone (docs/api.md §3 "Payments").
    static func void(_ db: SQLTransaction, _ actor: Actor, id: Int64, reason: String?, expectedVersion: Int64?) throws -> APIResponse {
        let answer = PaymentJSON.response(try PaymentStore.void(db, id: id, reason: reason, expectedVersion: expectedVersion))
        try EventLog.record(db, actor, "payment.voided", "payment", id, answer)
        return answer
    }

    /// Customer credit onto an open invoice: invoice.credit_applied, and invoice.paid when it settles it.
    static func applyCredit(_ db: SQLTransaction, _ actor: Actor, invoiceId: Int64, amount: Int64?) throws -> APIResponse {
        let invoice = try PaymentStore.applyCredit(db, invoiceId: invoiceId, amount: amount)
        let answer = InvoiceJSON.response(invoice)
        try EventLog.record(db, actor, "invoice.credit_applied", "invoice", invoiceId, answer)
        if invoice.status == .paid { try EventLog.record(db, actor, "invoice.paid", "invoice", invoiceId, answer) }
        return answer
    }

    /// Customer credit paid back out: credit_refund.created.
    static func createRefund(_ db: SQLTransaction, _ actor: Actor, customerId: Int64, fields: PaymentRoutes.PaymentFields) throws -> APIResponse {
        let refund = try CreditRefundStore.create(db, customerId: customerId, amount: fields.amount, currency: fields.currency,
                                                  method: fields.method, reference: fields.reference, metadata: fields.metadata)
        let answer = APIResponse.json(201) { w in PaymentJSON.writeRefund(refund, to: &w) }
        try EventLog.record(db, actor, "credit_refund.created", "credit_refund", refund.id, answer)
        return answer
    }

    static func created(_ db: SQLTransaction, _ actor: Actor, _ payment: Payment) throws -> APIResponse {
        let answer = PaymentJSON.response(payment, status: 201)
        try EventLog.record(db, actor, "payment.created", "payment", payment.id, answer)
        try EventLog.invoicesPaid(db, actor, payment.allocations.map(\.invoiceId))
        return answer
    }

}
