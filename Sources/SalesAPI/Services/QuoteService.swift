import SalesCore
import SalesStore

/// The writes of /v1/quotes (docs/api.md §3 "Quotes"), each inside the request's write transaction,
/// with its events; the answer's JSON is also the events' data.
enum QuoteService {
    static func create(_ db: SQLTransaction, _ actor: Actor, draft: QuoteStore.Draft, serverCurrency: String) throws -> APIResponse {
        let quote = try QuoteStore.create(db, draft, serverCurrency: serverCurrency)
        let answer = QuoteJSON.response(quote, status: 201)
        try EventLog.record(db, actor, "quote.created", "quote", quote.id, answer)
        return answer
    }

    static func update(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?, patch: QuoteStore.Patch, serverCurrency: String) throws -> APIResponse {
        let before = try mayChange(db, actor, id, assigning: patch.salesRepId).version
        let quote = try QuoteStore.update(db, id: id, expectedVersion: expectedVersion, patch: patch, serverCurrency: serverCurrency)
        let answer = QuoteJSON.response(quote)
        if quote.version != before { try EventLog.record(db, actor, "quote.updated", "quote", id, answer) }
        return answer
    }

    /// send: draft → sent; decline: sent → declined; cancel: draft|sent → canceled (docs/api.md §3 "Quotes").
    static func transition(_ db: SQLTransaction, _ actor: Actor, id: Int64, action: QuoteStore.Action, expectedVersion: Int64?) throws -> APIResponse {
        _ = try mayChange(db, actor, id)
        let answer = QuoteJSON.response(try QuoteStore.transition(db, id: id, action: action, expectedVersion: expectedVersion))
        let type: String
        switch action {
        case .send: type = "quote.sent"
        case .decline: type = "quote.declined"
        case .cancel: type = "quote.canceled"
        }
        try EventLog.record(db, actor, type, "quote", id, answer)
        return answer
    }

    /// A new order with the quote's lines and prices; the quote is accepted (docs/api.md §3 "Quotes").
    static func convert(_ db: SQLTransaction, _ actor: Actor, id: Int64, expectedVersion: Int64?, confirm: Bool, override: Bool, serverCurrency: String) throws -> APIResponse {
        _ = try mayChange(db, actor, id)
        let (quote, order) = try QuoteStore.convert(db, id: id, expectedVersion: expectedVersion, serverCurrency: serverCurrency)
        try EventLog.record(db, actor, "quote.accepted", "quote", id, QuoteJSON.response(quote))
        return try OrderService.createdOrConfirmed(db, actor, order, confirm: confirm, override: override)
    }

    /// The quote as stored, once the key may change it (docs/api.md §2, rep-bound keys).
    static func mayChange(_ db: SQLTransaction, _ actor: Actor, _ id: Int64, assigning newRep: Int64?? = nil) throws -> Quote {
        let current = try QuoteStore.get(db, id: id)
        try actor.requireMayChange("quote \(current.number)", ownedBy: current.salesRepId, assigning: newRep)
        return current
    }

}
