import SalesCore

/// Who makes a change: the API key behind the request (nil when the server itself acts). It is
/// recorded on the change's events (docs/api.md §3 "Events and webhooks"), and a key bound to a
/// sales rep may change only that rep's documents (docs/api.md §2): the services check that here,
/// inside the write transaction, against the document as stored.
struct Actor: Sendable {
    let principal: Principal?

    /// docs/api.md §2: a key bound to a sales rep acts only for that rep; for anyone else → 403.
    func requireActsFor(salesRep id: Int64) throws {
        if let bound = principal?.salesRepId, bound != id {
            throw APIError.forbidden("this API key acts only for sales rep \(bound), not \(id)")
        }
    }

    /// docs/api.md §2: a rep-bound key changes only quotes and orders of its own rep (or of no
    /// rep) — edit, send, decline, convert, confirm, cancel — and may assign them only to its rep.
    /// Checked inside the write transaction against the document as stored.
    func requireMayChange(_ document: String, ownedBy rep: Int64?, assigning newRep: Int64?? = nil) throws {
        guard let bound = principal?.salesRepId else { return }
        if let rep, rep != bound {
            throw APIError.forbidden("this API key acts only for sales rep \(bound); \(document) is sales rep \(rep)'s")
        }
        if let newRep, newRep != bound {
            throw APIError.forbidden("this API key acts only for sales rep \(bound) and may not assign \(document) to "
                                     + (newRep.map { "sales rep \($0)" } ?? "no sales rep"))
        }
    }

    /// The sales rep a new document is for: the one given, else the key's own rep (a
    /// rep-bound key's quotes and orders are its rep's); another rep than the key's → 403.
    func salesRepForNewDocument(_ given: Int64?) throws -> Int64? {
        if let given { try requireActsFor(salesRep: given) }
        return given ?? principal?.salesRepId
    }
}
