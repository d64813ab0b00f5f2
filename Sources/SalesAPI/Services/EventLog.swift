import SalesCore
import SalesStore

/// Every event is recorded here (docs/api.md §3 "Events and webhooks"), by the services, inside the
/// write transaction of its change, so an event is committed exactly with it — including the
/// transitions a change causes without asking for them: invoice.paid and order.completed.
enum EventLog {
    /// Records `type` for a resource whose JSON (as answered) is `response`'s body.
    static func record(_ db: SQLTransaction, _ actor: Actor, _ type: String, _ resourceType: String, _ id: Int64, _ response: APIResponse) throws {
        try record(db, actor, type, resourceType, id, body: response.body)
    }

    static func record(_ db: SQLTransaction, _ actor: Actor, _ type: String, _ resourceType: String, _ id: Int64, body: [UInt8]) throws {
        let recorded = actor.principal.map { EventActor(keyId: $0.keyId, name: $0.name) }
        try EventStore.record(db, type: type, actor: recorded, resourceType: resourceType, resourceId: id, data: body)
    }

    /// invoice.paid for each of `invoiceIds` that is paid now (callers pass invoices that were
    /// open before the change).
    static func invoicesPaid(_ db: SQLTransaction, _ actor: Actor, _ invoiceIds: [Int64]) throws {
        for id in invoiceIds {
            let invoice = try InvoiceStore.get(db, id: id)
            if invoice.status == .paid { try record(db, actor, "invoice.paid", "invoice", id, InvoiceJSON.response(invoice)) }
        }
    }

    /// order.completed when the change completed the order (its derived status, docs/api.md §3).
    static func orderCompleted(_ db: SQLTransaction, _ actor: Actor, orderId: Int64, before: OrderStatus) throws {
        guard before != .completed, try OrderStore.status(db, id: orderId) == .completed else { return }
        try record(db, actor, "order.completed", "order", orderId, try OrderJSON.response(db, try OrderStore.get(db, id: orderId)))
    }
}
