import SalesCore

/// Quotes (docs/api.md §3 "Quotes"): draft → sent → accepted (by convert) | declined; draft|sent →
/// canceled; expired is derived. Quotes never touch stock.
public enum QuoteStore {
    public static let validityDays = 30

    public struct Draft: Sendable {
        public var customerId: Int64
        public var lines: [LineInput]
        public var validUntil: String?
        public var notes: String?
        public var salesRepId: Int64?
        public var metadata: Metadata = [:]
        public init(customerId: Int64, lines: [LineInput]) {
            self.customerId = customerId
            self.lines = lines
        }
    }

    public struct Filter: Sendable {
        public var status: QuoteStatus?
        public var customerId: Int64?
        public var salesRepId: Int64?
        public init() {}
    }

    static func decodeLine(_ r: any SQLRow) -> DocumentLine {
        let pricing = LinePricing(quantity: Quantity(thousandths: r["quantity"]), unitPrice: r["unit_price"], discountE2: r["discount_e2"],
                                  taxPercentE4: r["tax_percent_e4"], taxInclusive: r["tax_inclusive"])
        return DocumentLine(id: r["id"], productId: r["product_id"], description: r["description"], pricing: pricing,
                            taxRateId: r["tax_rate_id"], amounts: LineAmounts(subtotal: r["subtotal"], tax: r["tax"], total: r["total"]),
                            stockable: false, invoicePolicy: .ordered)
    }

    static func decode(_ db: SQLTransaction, _ row: any SQLRow) throws -> Quote {
        let id: Int64 = row["id"]
        return decode(row, lines: try db.fetchAll("SELECT * FROM quote_lines WHERE quote_id = ? ORDER BY position", [id], decodeLine))
    }

    static func decode(_ row: any SQLRow, lines: [DocumentLine]) -> Quote {
        Quote(id: row["id"], number: row["number"], customerId: row["customer_id"], storedStatus: QuoteStatus(rawValue: row["status"]) ?? .draft,
              currency: row["currency"], validUntil: row["valid_until"], notes: row["notes"], salesRepId: row["sales_rep_id"],
              orderId: row["order_id"], lines: lines, metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"],
              createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    /// A page of quotes, their lines read for the whole page (PageAssembly).
    static func decode(_ db: SQLTransaction, _ rows: [SQLRecord]) throws -> [Quote] {
        let lines = try PageAssembly.children(db, "quote_lines", key: "quote_id", of: PageAssembly.ids(rows), orderBy: "position", decodeLine)
        return rows.map { decode($0, lines: lines[$0["id"] as Int64] ?? []) }
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Quote {
        guard let found = try db.fetchOne("SELECT * FROM quotes WHERE id = ?", [id], { try decode(db, $0) }) else {
            throw SalesError.notFound(resource: "quote", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Quote> {
        var conditions = SQLConditions()
        let today = Timestamp.today()
        switch filter.status {
        case .some(.expired): conditions.add("status IN ('draft', 'sent') AND valid_until < ?", today)
        case .some(let s) where s == .draft || s == .sent: conditions.add("status = ? AND valid_until >= ?", s.rawValue, today)
        case .some(let s): conditions.add("status = ?", s.rawValue)
        case .none: break
        }
        if let v = filter.customerId { conditions.add("customer_id = ?", v) }
        if let v = filter.salesRepId { conditions.add("sales_rep_id = ?", v) }
        return try PageAssembly.list(db, table: "quotes", options: options, conditions: conditions,
                                     each: { try decode(db, $0) }, page: { try decode(db, $0) })
    }

    public static func create(_ db: SQLTransaction, _ draft: Draft, serverCurrency: String) throws -> Quote {
        let customer = try CustomerStore.get(db, id: draft.customerId)
        if let rep = draft.salesRepId, try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sales_reps WHERE id = ?)", [rep], as: Bool.self) != true {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(rep)")
        }
        let lines = try LinePricer.price(db, draft.lines, currency: customer.currency, serverCurrency: serverCurrency)
        let number = try DocumentNumbers.next(db, kind: "Q")
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO quotes (number, customer_id, status, currency, valid_until, notes, sales_rep_id, metadata, version, created_at, updated_at)
            VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, 1, ?, ?)
            """, [number, customer.id, customer.currency, draft.validUntil ?? Timestamp.date(daysFromToday: validityDays),
                             draft.notes, draft.salesRepId ?? customer.salesRepId, JSONColumns.encode(draft.metadata), now, now])
        try DocumentLines.write(db, .quote, id: id, lines, replacing: false)
        return try get(db, id: id)
    }

    public struct Patch: Sendable {
        public var lines: [LineInput]?
        public var validUntil: String?
        public var notes: String??
        public var salesRepId: Int64??
        public var metadata: Metadata?
        public init() {}
    }

    /// Only a draft is editable (docs/api.md §3); lines are replaced whole.
    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, patch: Patch, serverCurrency: String) throws -> Quote {
        let quote = try get(db, id: id)
        try Versions.require(expectedVersion, current: quote.version)
        let status = quote.status(today: Timestamp.today())
        guard status == .draft else { throw SalesError.invalidState("quote \(quote.number) is \(status.rawValue); only a draft is editable") }
        if let rep = patch.salesRepId, let rep,
           try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sales_reps WHERE id = ?)", [rep], as: Bool.self) != true {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(rep)")
        }
        if let inputs = patch.lines {
            try DocumentLines.write(db, .quote, id: id, try LinePricer.price(db, inputs, currency: quote.currency, serverCurrency: serverCurrency))
        }
        var notes = quote.notes, rep = quote.salesRepId
        if let v = patch.notes { notes = v }
        if let v = patch.salesRepId { rep = v }
        try db.execute("""
            UPDATE quotes SET valid_until = ?, notes = ?, sales_rep_id = ?, metadata = ?, version = version + 1, updated_at = ? WHERE id = ?
            """, [patch.validUntil ?? quote.validUntil, notes, rep, JSONColumns.encode(patch.metadata ?? quote.metadata),
                             Timestamp.now(), id])
        return try get(db, id: id)
    }

    public enum Action: String, Sendable { case send, decline, cancel }

    /// send: draft → sent; decline: sent → declined; cancel: draft|sent → canceled.
    /// An expired quote can do none of these (409 invalid_state naming both states).
    public static func transition(_ db: SQLTransaction, id: Int64, action: Action, expectedVersion: Int64?) throws -> Quote {
        let quote = try get(db, id: id)
        try Versions.require(expectedVersion, current: quote.version)
        let status = quote.status(today: Timestamp.today())
        let allowed: [QuoteStatus]
        let target: QuoteStatus
        switch action {
        case .send: allowed = [.draft]; target = .sent
        case .decline: allowed = [.sent]; target = .declined
        case .cancel: allowed = [.draft, .sent]; target = .canceled
        }
        guard allowed.contains(status) else {
            throw SalesError.invalidState("quote \(quote.number) is \(status.rawValue); \(action.rawValue) needs "
                                          + allowed.map(\.rawValue).joined(separator: " or "))
        }
        let now = Timestamp.now()
        try db.execute("""
            UPDATE quotes SET status = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, version = version + 1, updated_at = ?
            WHERE id = ?
            """, [target.rawValue, target.rawValue, now, now, id])
        return try get(db, id: id)
    }

    /// docs/api.md §3 convert: a new order with the quote's lines and prices (source "quote",
    /// quote_id set); the quote becomes accepted with order_id. Converting twice, or a declined,
    /// canceled or expired quote, is 409 invalid_state.
    public static func convert(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, serverCurrency: String) throws -> (Quote, Order) {
        let quote = try get(db, id: id)
        try Versions.require(expectedVersion, current: quote.version)
        let inputs = try QuoteDecisions.convert(quote, today: Timestamp.today())
        var draft = OrderStore.Draft(customerId: quote.customerId, lines: inputs)
        draft.source = .quote
        draft.salesRepId = quote.salesRepId
        draft.notes = quote.notes
        draft.quoteId = quote.id
        // Keep the quoted tax percent even if the rate changed since: the quote is what was agreed.
        var order = try OrderStore.create(db, draft, serverCurrency: serverCurrency)
        for (line, quoted) in zip(order.lines, quote.lines) where line.amounts != quoted.amounts || line.pricing != quoted.pricing {
            try db.execute("""
                UPDATE order_lines SET tax_percent_e4 = ?, tax_inclusive = ?, subtotal = ?, tax = ?, total = ? WHERE id = ?
                """, [quoted.pricing.taxPercentE4, quoted.pricing.taxInclusive, quoted.amounts.subtotal, quoted.amounts.tax,
                                 quoted.amounts.total, line.id])
        }
        let totals = quote.totals
        try db.execute("UPDATE orders SET subtotal = ?, tax_total = ?, total = ? WHERE id = ?", [totals.subtotal, totals.tax, totals.total, order.id])
        order = try OrderStore.get(db, id: order.id)
        let now = Timestamp.now()
        try db.execute("UPDATE quotes SET status = 'accepted', order_id = ?, accepted_at = ?, version = version + 1, updated_at = ? WHERE id = ?", [order.id, now, now, id])
        return (try get(db, id: id), order)
    }
}
