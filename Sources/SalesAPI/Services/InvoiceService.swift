import SalesCore
import SalesStore

/// The writes of invoices and credit notes (docs/api.md §3 "Invoices", "Credit notes"), each inside
/// the request's write transaction with its events, including the transitions they cause.
enum InvoiceService {
    /// POST /v1/orders/{id}/invoices: invoice.created, invoice.paid for a zero total, order.completed when it completes the order.
    static func create(_ db: SQLTransaction, _ actor: Actor, orderId: Int64, requests: [LineRequest]?, issueDate: String?, dueDate: String?, notes: String?) throws -> APIResponse {
        let before = try OrderStore.status(db, id: orderId)
        let invoice = try InvoiceStore.create(db, orderId: orderId, requests: requests, issueDate: issueDate, dueDate: dueDate, notes: notes)
        let answer = InvoiceJSON.response(invoice, status: 201)
        try EventLog.record(db, actor, "invoice.created", "invoice", invoice.id, answer)
        // A zero total is paid at creation (docs/api.md §3).
        if invoice.status == .paid { try EventLog.record(db, actor, "invoice.paid", "invoice", invoice.id, answer) }
        try EventLog.orderCompleted(db, actor, orderId: orderId, before: before)
        return answer
    }

    static func void(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?) throws -> APIResponse {
        let answer = InvoiceJSON.response(try InvoiceStore.void(db, id: id, expectedVersion: expectedVersion))
        try EventLog.record(db, actor, "invoice.voided", "invoice", id, answer)
        return answer
    }

    /// POST /v1/invoices/{id}/credit-notes: credit_note.created, and invoice.paid when it settles an open invoice.
    static func createCreditNote(_ db: SQLTransaction, _ actor: Actor, invoiceId: Int64, requests: [LineRequest]?, reason: String) throws -> APIResponse {
        let wasOpen = try InvoiceStore.get(db, id: invoiceId).status == .open
        let note = try CreditNoteStore.create(db, invoiceId: invoiceId, requests: requests, reason: reason)
        let answer = InvoiceJSON.creditNoteResponse(note, status: 201)
        try EventLog.record(db, actor, "credit_note.created", "credit_note", note.id, answer)
        if wasOpen { try EventLog.invoicesPaid(db, actor, [invoiceId]) }
        return answer
    }
}
