import SalesCore
import SalesStore

/// The writes of /v1/orders (docs/api.md §3 "Sales orders"), each inside the request's write
/// transaction: the rep-bound key's rule against the order as stored, the store's change (whose
/// rules are SalesCore's OrderDecisions), the events, and the answer, whose JSON is also the
/// events' data.
enum OrderService {
    static func create(_ db: SQLTransaction, _ actor: Actor, _ draft: OrderStore.Draft, confirm: Bool, override: Bool,
                       serverCurrency: String) throws -> APIResponse {
        let order = try OrderStore.create(db, draft, serverCurrency: serverCurrency)
        return try createdOrConfirmed(db, actor, order, confirm: confirm, override: override)
    }

    static func update(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?, patch: OrderStore.Patch,
                       serverCurrency: String) throws -> APIResponse {
        let before = try mayChange(db, actor, id, assigning: patch.salesRepId).version
        let order = try OrderStore.update(db, id: id, expectedVersion: expectedVersion, patch: patch, serverCurrency: serverCurrency)
        let answer = try OrderJSON.response(db, order)
        if order.version != before { try EventLog.record(db, actor, "order.updated", "order", id, answer) }
        return answer
    }

    static func confirm(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?, override: Bool) throws -> APIResponse {
        _ = try mayChange(db, actor, id)
        return try confirmed(db, actor, try OrderStore.confirm(db, id: id, expectedVersion: expectedVersion, overrideCreditLimit: override))
    }

    static func cancel(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?) throws -> APIResponse {
        _ = try mayChange(db, actor, id)
        let answer = try OrderJSON.response(db, try OrderStore.cancel(db, id: id, expectedVersion: expectedVersion))
        try EventLog.record(db, actor, "order.canceled", "order", id, answer)
        return answer
    }

    /// order.confirmed, and with auto_invoice the invoice made in the same transaction
    /// (invoice.created, invoice.paid for a zero total) and order.completed when it completes.
    /// A new order's order.created event and 201 answer — confirmed first when asked (POST
    /// /v1/orders and quote conversion): each encoding serves both the event and the answer.
    static func createdOrConfirmed(_ db: SQLTransaction, _ actor: Actor, _ order: Order, confirm: Bool, override: Bool) throws -> APIResponse {
        let created = try OrderJSON.response(db, order, status: 201)
        try EventLog.record(db, actor, "order.created", "order", order.id, created)
        guard confirm else { return created }
        var answer = try confirmed(db, actor, try OrderStore.confirm(db, order, overrideCreditLimit: override))
        answer.status = 201
        return answer
    }

    /// The events of a confirmation; returns the confirmed order's answer (the order.confirmed
    /// event's data).
    static func confirmed(_ db: SQLTransaction, _ actor: Actor, _ order: Order) throws -> APIResponse {
        let answer = try OrderJSON.response(db, order)
        try EventLog.record(db, actor, "order.confirmed", "order", order.id, answer)
        guard order.autoInvoice else { return answer }
        var mine = InvoiceStore.Filter()
        mine.orderId = order.id
        let invoices = try InvoiceStore.list(db, filter: mine, options: ListOptions()).items
        for invoice in invoices {
            try EventLog.record(db, actor, "invoice.created", "invoice", invoice.id, InvoiceJSON.response(invoice))
        }
        try EventLog.invoicesPaid(db, actor, invoices.map(\.id))
        try EventLog.orderCompleted(db, actor, orderId: order.id, before: .confirmed)
        return answer
    }

    /// The order as stored, once the key may change it (docs/api.md §2, rep-bound keys).
    static func mayChange(_ db: SQLTransaction, _ actor: Actor, _ id: Int64, assigning newRep: Int64?? = nil) throws -> Order {
        let current = try OrderStore.get(db, id: id)
        try actor.requireMayChange("order \(current.number)", ownedBy: current.salesRepId, assigning: newRep)
        return current
    }
}
