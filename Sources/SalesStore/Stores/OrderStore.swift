import SalesCore

/// Sales orders (docs/api.md §3 "Sales orders"). Every rule that compares against stored state —
/// external_ref uniqueness, draft-only edits, credit limit, stock reservation — is checked in
/// the caller's write transaction.
public enum OrderStore {
    public struct Draft: Sendable {
        public var customerId: Int64
        public var lines: [LineInput]
        public var source: OrderSource = .api
        public var externalRef: String?
        public var salesRepId: Int64?
        public var shippingAddress: Address??
        public var notes: String?
        public var allowBackorder = false
        public var autoInvoice = false
        public var metadata: Metadata = [:]
        public var quoteId: Int64?

        public init(customerId: Int64, lines: [LineInput]) {
            self.customerId = customerId
            self.lines = lines
        }
    }

    public struct Filter: Sendable {
        public var status: OrderStatus?
        public var customerId: Int64?
        public var salesRepId: Int64?
        public var source: OrderSource?
        public var externalRef: String?
        public var invoiceStatus: InvoiceStatus?
        public var shipmentStatus: ShipmentStatus?
        public var query: String?
        public init() {}
    }

    // MARK: - Reading

    static func decodeLine(_ row: any SQLRow) -> DocumentLine {
        let pricing = LinePricing(quantity: Quantity(thousandths: row["quantity"]), unitPrice: row["unit_price"],
                                  discountE2: row["discount_e2"], taxPercentE4: row["tax_percent_e4"], taxInclusive: row["tax_inclusive"])
        var line = DocumentLine(id: row["id"], productId: row["product_id"], description: row["description"], pricing: pricing,
                                taxRateId: row["tax_rate_id"],
                                amounts: LineAmounts(subtotal: row["subtotal"], tax: row["tax"], total: row["total"]),
                                stockable: row["stockable"], invoicePolicy: InvoicePolicy(rawValue: row["invoice_policy"]) ?? .ordered)
        line.reserved = Quantity(thousandths: row["quantity_reserved"])
        line.backordered = Quantity(thousandths: row["quantity_backordered"])
        line.shipped = Quantity(thousandths: row["quantity_shipped"])
        line.invoiced = Quantity(thousandths: row["quantity_invoiced"])
        return line
    }

    /// One order line as it is now in the caller's transaction (for a refusal's `remaining`).
    static func line(_ db: SQLTransaction, id: Int64) throws -> DocumentLine {
        guard let line = try db.fetchOne("SELECT * FROM order_lines WHERE id = ?", [id], decodeLine) else {
            throw SalesError.notFound(resource: "order line", id: String(id))
        }
        return line
    }

    static func decode(_ row: any SQLRow, lines: [DocumentLine], amountPaid: Int64) -> Order {
        Order(id: row["id"], number: row["number"], customerId: row["customer_id"],
              storedStatus: OrderStatus(rawValue: row["status"]) ?? .draft, source: OrderSource(rawValue: row["source"]) ?? .api,
              externalRef: row["external_ref"], salesRepId: row["sales_rep_id"], currency: row["currency"],
              shippingAddress: JSONColumns.decodeAddress(row["shipping_address"]), notes: row["notes"],
              allowBackorder: row["allow_backorder"], autoInvoice: row["auto_invoice"], quoteId: row["quote_id"], lines: lines,
              amountInvoiced: row["amount_invoiced"], amountPaid: amountPaid, metadata: JSONColumns.decodeMetadata(row["metadata"]),
              version: row["version"], confirmedAt: row["confirmed_at"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    /// An order's amount_paid and amount_credited: Σ over its invoices that are not void (which
    /// allocations and credit notes maintain), as two columns of a query on `orders` — the one
    /// definition `get` and both `assemble`s read.
    static let invoiceSums = """
        (SELECT COALESCE(SUM(amount_paid), 0) FROM invoices WHERE order_id = orders.id AND status <> 'void') AS invoices_paid,
        (SELECT COALESCE(SUM(amount_credited), 0) FROM invoices WHERE order_id = orders.id AND status <> 'void') AS invoices_credited
        """

    /// `row` with its lines and the `invoiceSums` columns of `sums`.
    static func decode(_ row: any SQLRow, lines: [DocumentLine], sums: any SQLRow) -> Order {
        var order = decode(row, lines: lines, amountPaid: sums["invoices_paid"])
        order.amountCredited = sums["invoices_credited"]
        return order
    }

    /// One order: its row with its invoice sums in one statement, then its lines — two round trips
    /// on PostgreSQL instead of three; a write reads its order back several times inside the
    /// write gate (docs/performance.md §5d).
    public static func get(_ db: SQLTransaction, id: Int64) throws -> Order {
        guard let row = try db.fetchRecord("SELECT orders.*, \(invoiceSums) FROM orders WHERE id = ?", [id]) else {
            throw SalesError.notFound(resource: "order", id: String(id))
        }
        let lines = try db.fetchAll("SELECT * FROM order_lines WHERE order_id = ? ORDER BY position", [id], decodeLine)
        return decode(row, lines: lines, sums: row)
    }

    /// The order's status (derived from its stored status and lines, docs/api.md §3) without the
    /// money sums `get` reads: for checks that only need to know whether it is completed.
    public static func status(_ db: SQLTransaction, id: Int64) throws -> OrderStatus {
        let lines = try db.fetchAll("SELECT * FROM order_lines WHERE order_id = ? ORDER BY position", [id], decodeLine)
        guard let order = try db.fetchOne("SELECT * FROM orders WHERE id = ?", [id], {
            decode($0, lines: lines, amountPaid: 0)
        }) else {
            throw SalesError.notFound(resource: "order", id: String(id))
        }
        return order.status
    }

    static func assemble(_ db: SQLTransaction, _ row: any SQLRow) throws -> Order {
        let id: Int64 = row["id"]
        let lines = try db.fetchAll("SELECT * FROM order_lines WHERE order_id = ? ORDER BY position", [id], decodeLine)
        guard let sums = try db.fetchRecord("SELECT \(invoiceSums) FROM orders WHERE id = ?", [id]) else {
            throw SalesError.notFound(resource: "order", id: String(id))
        }
        return decode(row, lines: lines, sums: sums)
    }

    /// Orders assembled as `assemble` does. On PostgreSQL with two queries for all of them (their
    /// lines; their invoices' paid and credited sums) instead of two per order (PageAssembly: a
    /// page of 50 orders took 101 round trips; on SQLite the batch measured 0.96x, so there each
    /// order is assembled as before).
    static func assemble(_ db: SQLTransaction, _ rows: [SQLRecord]) throws -> [Order] {
        guard db.dialect.statementIsRoundTrip else { return try rows.map { try assemble(db, $0) } }
        guard !rows.isEmpty else { return [] }
        let ids = PageAssembly.ids(rows)
        let lines = try PageAssembly.children(db, "order_lines", key: "order_id", of: ids, orderBy: "position", decodeLine)
        var sums: [Int64: SQLRecord] = [:]
        for sum in try db.fetchRecords("SELECT id, \(invoiceSums) FROM orders WHERE id IN (\(ids.placeholders))", ids.arguments) {
            sums[sum["id"] as Int64] = sum
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            guard let sum = sums[id] else { throw SalesError.notFound(resource: "order", id: String(id)) }
            return decode(row, lines: lines[id] ?? [], sums: sum)
        }
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Order> {
        var conditions = SQLConditions()
        switch filter.status {
        case .some(.completed): conditions.add("status = 'confirmed'")
        case .some(.confirmed): conditions.add("status = 'confirmed'")
        case .some(let s): conditions.add("status = ?", s.rawValue)
        case .none: break
        }
        if let v = filter.customerId { conditions.add("customer_id = ?", v) }
        if let v = filter.salesRepId { conditions.add("sales_rep_id = ?", v) }
        if let v = filter.source { conditions.add("source = ?", v.rawValue) }
        if let v = filter.externalRef { conditions.add("external_ref = ?", v) }
        if let q = filter.query {
            let like = "%" + escapeLike(q) + "%"
            conditions.add("(\(db.dialect.containsIgnoringCase("number")) OR \(db.dialect.containsIgnoringCase("external_ref")))", like, like)
        }
        // Derived statuses are filtered after assembly; keyset pages stay correct because the
        // page is cut from rows in id order, fetched until it is full.
        let derived = filter.status == .completed || filter.status == .confirmed || filter.invoiceStatus != nil || filter.shipmentStatus != nil
        if !derived {
            return try PageAssembly.list(db, table: "orders", options: options, conditions: conditions,
                                         each: { try assemble(db, $0) }, page: { try assemble(db, $0) })
        }
        var items: [Order] = []
        var cursorOptions = options
        cursorOptions.limit = max(options.limit, 50)
        while true {
            let page = try KeysetList.fetch(db, table: "orders", options: cursorOptions, conditions: conditions) { SQLRecord($0) }
            for order in try assemble(db, page.items) {
                if let s = filter.status, order.status != s { continue }
                if let s = filter.invoiceStatus, order.invoiceStatus != s { continue }
                if let s = filter.shipmentStatus, order.shipmentStatus != s { continue }
                if items.count == options.limit { return Page(items: items, hasMore: true) }
                items.append(order)
            }
            guard page.hasMore, let last = page.items.last else { return Page(items: items, hasMore: false) }
            if options.updatedSince != nil {
                cursorOptions.afterUpdate = (last["updated_at"], last["id"])
            } else {
                cursorOptions.afterId = last["id"]
            }
        }
    }

    // MARK: - Writing

    /// Creates a draft order; the caller confirms it in the same transaction when asked to.
    public static func create(_ db: SQLTransaction, _ draft: Draft, serverCurrency: String) throws -> Order {
        let customer = try CustomerStore.get(db, id: draft.customerId)
        if let rep = draft.salesRepId, try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sales_reps WHERE id = ?)", [rep], as: Bool.self) != true {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(rep)")
        }
        let lines = try LinePricer.price(db, draft.lines, currency: customer.currency, serverCurrency: serverCurrency)
        let number = try DocumentNumbers.next(db, kind: "SO")
        let now = Timestamp.now()
        let shipping = draft.shippingAddress ?? customer.shippingAddress
        let id = try uniqueExternalRef(db, draft.externalRef, source: draft.source) {
            try db.insert("""
                INSERT INTO orders (number, customer_id, status, source, external_ref, sales_rep_id, currency, shipping_address, notes,
                  allow_backorder, auto_invoice, quote_id, metadata, version, created_at, updated_at)
                VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """, [number, customer.id, draft.source.rawValue, draft.externalRef, draft.salesRepId ?? customer.salesRepId,
                      customer.currency, JSONColumns.encode(shipping), draft.notes, draft.allowBackorder, draft.autoInvoice,
                      draft.quoteId, JSONColumns.encode(draft.metadata), now, now])
        }
        try DocumentLines.write(db, .order, id: id, lines, replacing: false)
        return try get(db, id: id)
    }

    /// external_ref is unique per source (index orders_by_source_ref): a write that would repeat one
    /// is 409 duplicate naming the order that has it. Without a new external_ref the write runs as is.
    static func uniqueExternalRef<T>(_ db: SQLTransaction, _ ref: String?, source: OrderSource, _ write: () throws -> T) throws -> T {
        guard let ref else { return try write() }
        return try UniqueValues.write(db, write) {
            try db.fetchOne("SELECT id, number FROM orders WHERE source = ? AND external_ref = ?", [source.rawValue, ref]) { row -> SalesError in
                let id: Int64 = row["id"], number: String = row["number"]
                return SalesError.duplicate(field: "external_ref", existingId: id,
                                            detail: "order \(number) (id \(id)) already has external_ref \"\(ref)\" for source \(source.rawValue)")
            }
        }
    }

    /// What PATCH may change (docs/api.md §3): everything while draft; afterwards only notes,
    /// shipping_address, sales_rep_id and metadata (lines are locked: 409 invalid_state).
    public struct Patch: Sendable {
        public var lines: [LineInput]?
        public var notes: String??
        public var shippingAddress: Address??
        public var salesRepId: Int64??
        public var metadata: Metadata?
        public var externalRef: String??
        public var allowBackorder: Bool?
        public var autoInvoice: Bool?
        public init() {}

        var touchesDraftOnlyFields: Bool {
            lines != nil || externalRef != nil || allowBackorder != nil || autoInvoice != nil
        }
    }

    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, patch: Patch, serverCurrency: String) throws -> Order {
        let order = try get(db, id: id)
        try Versions.require(expectedVersion, current: order.version)
        try OrderDecisions.update(order, touchesDraftOnlyFields: patch.touchesDraftOnlyFields)
        if let rep = patch.salesRepId, let rep,
           try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sales_reps WHERE id = ?)", [rep], as: Bool.self) != true {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(rep)")
        }
        if let inputs = patch.lines {
            try DocumentLines.write(db, .order, id: id, try LinePricer.price(db, inputs, currency: order.currency, serverCurrency: serverCurrency))
        }
        var notes = order.notes, shipping = order.shippingAddress, rep = order.salesRepId, ref = order.externalRef
        if let v = patch.notes { notes = v }
        if let v = patch.shippingAddress { shipping = v }
        if let v = patch.salesRepId { rep = v }
        if let v = patch.externalRef { ref = v }
        try uniqueExternalRef(db, patch.externalRef == nil ? nil : ref, source: order.source) {
            try db.execute("""
                UPDATE orders SET notes = ?, shipping_address = ?, sales_rep_id = ?, external_ref = ?, allow_backorder = ?, auto_invoice = ?,
                  metadata = ?, version = version + 1, updated_at = ? WHERE id = ?
                """, [notes, JSONColumns.encode(shipping), rep, ref, patch.allowBackorder ?? order.allowBackorder,
                      patch.autoInvoice ?? order.autoInvoice, JSONColumns.encode(patch.metadata ?? order.metadata), Timestamp.now(), id])
        }
        return try get(db, id: id)
    }

    /// docs/api.md §3 confirm, in one transaction: at least one line; customer active; credit limit
    /// (unless an admin overrides); each stockable line reserves its quantity, or with
    /// allow_backorder what is available with the rest backordered; otherwise 409
    /// insufficient_stock naming every short line.
    public static func confirm(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, overrideCreditLimit: Bool) throws -> Order {
        let order = try get(db, id: id)
        try Versions.require(expectedVersion, current: order.version)
        return try confirm(db, order, overrideCreditLimit: overrideCreditLimit)
    }

    /// Confirms `order`, read in this transaction and unchanged since (POST /v1/orders with
    /// confirm: true hands over the order it has just created instead of reading it again).
    public static func confirm(_ db: SQLTransaction, _ order: Order, overrideCreditLimit: Bool) throws -> Order {
        let id = order.id
        let customer = try CustomerStore.get(db, id: order.customerId)
        let reservations = try OrderDecisions.confirm(order, customer: customer, balance: CustomerAccount.balance(of: customer),
                                                      overrideCreditLimit: overrideCreditLimit, stock: try ProductStore.stock(db, of: order.lines))
        let now = Timestamp.now()
        for r in reservations {
            try db.execute("UPDATE order_lines SET quantity_reserved = ?, quantity_backordered = ? WHERE id = ?", [r.reserve.thousandths, r.backorder.thousandths, r.lineId])
            if r.reserve.thousandths > 0 {
                try db.execute("UPDATE products SET reserved = reserved + ?, version = version + 1, updated_at = ? WHERE id = ?", [r.reserve.thousandths, now, r.productId])
            }
        }
        try db.execute("UPDATE orders SET status = 'confirmed', confirmed_at = ?, version = version + 1, updated_at = ? WHERE id = ?", [now, now, id])
        try adjustOpenOrders(db, customerId: order.customerId, by: order.totals.total - order.amountInvoiced)
        // docs/api.md §3: with auto_invoice the full invoice is created in the same transaction
        // (under the delivered policy only what is already shipped is invoiceable: possibly nothing).
        if order.autoInvoice {
            let confirmed = try get(db, id: id)
            if confirmed.lines.contains(where: { $0.quantityToInvoice.thousandths > 0 }) {
                _ = try InvoiceStore.create(db, orderId: id, requests: nil, issueDate: nil, dueDate: nil, notes: nil)
            }
        }
        return try get(db, id: id)
    }

    /// Keeps customers.open_orders_amount = Σ over confirmed orders of (total − amount_invoiced)
    /// (docs/api.md §3 Customers): every change to either side of that sum calls this in the same
    /// transaction. It is a derived figure, so the customer's version does not change.
    /// Moves the customer's open_orders_amount, within ±Money.maxTotal (409 limit_exceeded).
    static func adjustOpenOrders(_ db: SQLTransaction, customerId: Int64, by delta: Int64) throws {
        guard delta != 0 else { return }
        try db.execute("""
            UPDATE customers SET open_orders_amount = open_orders_amount + ?1 WHERE id = ?2 AND open_orders_amount + ?1 BETWEEN -?3 AND ?3
            """, [delta, customerId, Money.maxTotal])
        if db.changedRows == 0 {
            _ = try CustomerStore.get(db, id: customerId)
            throw SalesError.limitExceeded(field: "lines", detail: "customer \(customerId)'s open orders would pass \(Money.maxTotal) minor units, "
                                           + "the bound of every running total")
        }
    }

    /// docs/api.md §3 cancel: a draft, or a confirmed order while nothing is shipped and no invoice is
    /// open or paid; releases its reservations.
    public static func cancel(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws -> Order {
        let order = try get(db, id: id)
        try Versions.require(expectedVersion, current: order.version)
        let hasInvoices = try db.fetchValue("SELECT EXISTS (SELECT 1 FROM invoices WHERE order_id = ? AND status IN ('open', 'paid'))", [id], as: Bool.self) == true
        let now = Timestamp.now()
        for release in try OrderDecisions.cancel(order, hasOpenOrPaidInvoices: hasInvoices) {
            try db.execute("UPDATE products SET reserved = reserved - ?, version = version + 1, updated_at = ? WHERE id = ?", [release.reserve.thousandths, now, release.productId])
        }
        try db.execute("UPDATE order_lines SET quantity_reserved = 0, quantity_backordered = 0 WHERE order_id = ?", [id])
        if order.storedStatus == .confirmed {
            try adjustOpenOrders(db, customerId: order.customerId, by: -(order.totals.total - order.amountInvoiced))
        }
        try db.execute("UPDATE orders SET status = 'canceled', canceled_at = ?, version = version + 1, updated_at = ? WHERE id = ?", [now, now, id])
        return try get(db, id: id)
    }

    /// GET /v1/orders/{id}/availability: per stockable line, what remains to ship, what is
    /// reserved for it, and what could ship now (its reservation plus unreserved stock).
    public struct Availability: Sendable {
        public var lineId: Int64
        public var productId: Int64
        public var quantityToShip: Quantity
        public var reserved: Quantity
        public var availableNow: Quantity
    }

    public static func availability(_ db: SQLTransaction, id: Int64) throws -> [Availability] {
        let order = try get(db, id: id)
        return try order.lines.filter(\.stockable).map { line in
            let product = try ProductStore.get(db, id: line.productId)
            let unreserved = max(0, product.available.thousandths)
            let now = min(line.quantityToShip.thousandths, line.reserved.thousandths + unreserved)
            return Availability(lineId: line.id, productId: line.productId, quantityToShip: line.quantityToShip,
                                reserved: line.reserved, availableNow: Quantity(thousandths: now))
        }
    }
}
