import SalesCore

/// Invoices (docs/api.md §3 "Invoices — only from a confirmed order"). Quantities and amounts are
/// checked against the order inside the write transaction, so concurrent invoicing can never
/// exceed what was ordered (§4 invariants 1, 2, 5).
public enum InvoiceStore {
    public struct Filter: Sendable {
        public var status: InvoiceState?
        public var customerId: Int64?
        public var orderId: Int64?
        public var overdue: Bool?
        public var dueBefore: String?
        public init() {}
    }

    // MARK: - Reading

    static func decodeLine(_ r: any SQLRow) -> InvoiceLine {
        InvoiceLine(id: r["id"], orderLineId: r["order_line_id"], productId: r["product_id"], description: r["description"],
                    pricing: LinePricing(quantity: Quantity(thousandths: r["quantity"]), unitPrice: r["unit_price"], discountE2: r["discount_e2"],
                                         taxPercentE4: r["tax_percent_e4"], taxInclusive: r["tax_inclusive"]),
                    amounts: LineAmounts(subtotal: r["subtotal"], tax: r["tax"], total: r["total"]),
                    quantityCredited: Quantity(thousandths: r["quantity_credited"]))
    }

    static func decodeCreditNote(_ r: any SQLRow) -> CreditNoteSummary {
        CreditNoteSummary(id: r["id"], number: r["number"], total: r["total"])
    }

    static func decode(_ db: SQLTransaction, _ row: any SQLRow) throws -> Invoice {
        let id: Int64 = row["id"]
        let lines = try db.fetchAll("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position", [id], decodeLine)
        let creditNotes = try db.fetchAll("SELECT id, number, total FROM credit_notes WHERE invoice_id = ? ORDER BY id", [id], decodeCreditNote)
        return decode(row, lines: lines, creditNotes: creditNotes, allocations: try Allocations.of(invoiceId: id, db))
    }

    static func decode(_ row: any SQLRow, lines: [InvoiceLine], creditNotes: [CreditNoteSummary], allocations: [Allocation]) -> Invoice {
        var invoice = Invoice(id: row["id"], number: row["number"], orderId: row["order_id"], customerId: row["customer_id"],
                       status: InvoiceState(rawValue: row["status"]) ?? .open, currency: row["currency"], issueDate: row["issue_date"],
                       dueDate: row["due_date"], notes: row["notes"], lines: lines,
                       totals: LineAmounts(subtotal: row["subtotal"], tax: row["tax_total"], total: row["total"]),
                       amountPaid: row["amount_paid"], amountCredited: row["amount_credited"], amountDue: row["amount_due"],
                       metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"], voidedAt: row["voided_at"],
                       createdAt: row["created_at"], updatedAt: row["updated_at"])
        invoice.creditNotes = creditNotes
        invoice.allocations = allocations
        return invoice
    }

    /// A page of invoices, their lines, credit notes and allocations read for the whole page
    /// (PageAssembly).
    static func decode(_ db: SQLTransaction, _ rows: [SQLRecord]) throws -> [Invoice] {
        let ids = PageAssembly.ids(rows)
        let lines = try PageAssembly.children(db, "invoice_lines", key: "invoice_id", of: ids, orderBy: "position", decodeLine)
        let creditNotes = try PageAssembly.children(db, "credit_notes", key: "invoice_id", of: ids, orderBy: "id", decodeCreditNote)
        let allocations = Dictionary(grouping: try Allocations.of(invoiceIds: ids, db), by: \.invoiceId)
        return rows.map { row in
            let id: Int64 = row["id"]
            return decode(row, lines: lines[id] ?? [], creditNotes: creditNotes[id] ?? [], allocations: allocations[id] ?? [])
        }
    }

    public static func find(_ db: SQLTransaction, id: Int64) throws -> Invoice? {
        try db.fetchOne("SELECT * FROM invoices WHERE id = ?", [id]) { try decode(db, $0) }
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Invoice {
        guard let invoice = try find(db, id: id) else { throw SalesError.notFound(resource: "invoice", id: String(id)) }
        return invoice
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Invoice> {
        var conditions = SQLConditions()
        if let v = filter.status { conditions.add("status = ?", v.rawValue) }
        if let v = filter.customerId { conditions.add("customer_id = ?", v) }
        if let v = filter.orderId { conditions.add("order_id = ?", v) }
        if let v = filter.overdue {
            conditions.add(v ? "(status = 'open' AND due_date < ?)" : "NOT (status = 'open' AND due_date < ?)", Timestamp.today())
        }
        if let v = filter.dueBefore { conditions.add("due_date < ?", v) }
        return try PageAssembly.list(db, table: "invoices", options: options, conditions: conditions,
                                     each: { try decode(db, $0) }, page: { try decode(db, $0) })
    }

    // MARK: - Creating

    /// POST /v1/orders/{id}/invoices. Without `requests`, every line's quantity_to_invoice.
    /// More than remains → 409 quantity_exceeded; nothing remains → 409 nothing_to_invoice;
    /// draft or canceled order → 409 invalid_state.
    public static func create(_ db: SQLTransaction, orderId: Int64, requests: [LineRequest]?, issueDate: String?, dueDate: String?,
                              notes: String?) throws -> Invoice {
        try apply(db, try plan(db, orderId: orderId, requests: requests, issueDate: issueDate, dueDate: dueDate, notes: notes))
    }

    /// A new invoice as decided from the order read now, before anything is written.
    struct Plan {
        var order: Order
        var issue: String, due: String, notes: String?
        var lines: [DocumentPortion<DocumentLine>]
        var totals: LineAmounts
    }

    static func plan(_ db: SQLTransaction, orderId: Int64, requests: [LineRequest]?, issueDate: String?, dueDate: String?,
                     notes: String?) throws -> Plan {
        let order = try OrderStore.get(db, id: orderId)
        let picks = try InvoiceDecisions.picks(order, requests: requests)
        let customer = try CustomerStore.get(db, id: order.customerId)
        let issue = issueDate ?? Timestamp.today()
        let due = try InvoiceDecisions.dueDate(issue: issue, given: dueDate, paymentTermsDays: customer.paymentTermsDays)
        let lines = try InvoiceDecisions.portions(picks) { try invoicedAmounts(db, orderLineId: $0.id) }
        // bounded: what remains of one order's lines, at most its total.
        let totals = lines.reduce(LineAmounts.zero) { $0 + $1.amounts }
        return Plan(order: order, issue: issue, due: due, notes: notes, lines: lines, totals: totals)
    }

    /// Writes a plan. Each line's quantity moves by a conditional UPDATE, so a plan made from state
    /// another writer has changed since cannot invoice more than the order allows (409 quantity_exceeded).
    static func apply(_ db: SQLTransaction, _ plan: Plan) throws -> Invoice {
        let (order, issue, due, notes, invoiceLines, totals) = (plan.order, plan.issue, plan.due, plan.notes, plan.lines, plan.totals)
        let number = try DocumentNumbers.next(db, kind: "INV")
        let now = Timestamp.now()
        let invoiceId = try db.insert("""
            INSERT INTO invoices (number, order_id, customer_id, status, currency, issue_date, due_date, notes, subtotal, tax_total, total,
              amount_due, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, [number, order.id, order.customerId, totals.total == 0 ? "paid" : "open", order.currency, issue, due, notes,
                             totals.subtotal, totals.tax, totals.total, totals.total, now, now])
        for (position, portion) in invoiceLines.enumerated() {
            let (line, quantity, amounts) = (portion.line, portion.quantity, portion.amounts)
            let p = line.pricing
            try db.execute("""
                INSERT INTO invoice_lines (invoice_id, order_line_id, position, product_id, description, quantity, unit_price, discount_e2,
                  tax_percent_e4, tax_inclusive, subtotal, tax, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [invoiceId, line.id, position, line.productId, line.description, quantity.thousandths, p.unitPrice,
                                 p.discountE2, p.taxPercentE4, p.taxInclusive, amounts.subtotal, amounts.tax, amounts.total])
            // Never more invoiced than the policy allows (docs/api.md §3 `quantity_to_invoice`).
            try CheckedCounter.move(db, """
                UPDATE order_lines SET quantity_invoiced = quantity_invoiced + ?1 WHERE id = ?2
                  AND quantity_invoiced + ?1 <= CASE WHEN invoice_policy = 'delivered' AND stockable = 1 THEN quantity_shipped ELSE quantity END
                """, [quantity.thousandths, line.id], field: "lines[\(position)].quantity", lineId: line.id, requested: quantity,
                remaining: { try OrderStore.line(db, id: line.id).quantityToInvoice })
        }
        try changeInvoicedAmount(db, order: order, by: totals.total)
        // Ledger: invoice +total (docs/api.md §3 Customers); a zero-total invoice is paid at once.
        try CustomerAccount.post(db, customerId: order.customerId, receivable: totals.total, credit: 0,
                                 entry: .init(kind: .invoice, documentType: "invoice", documentId: invoiceId, number: number))
        return try get(db, id: invoiceId)
    }

    /// Σ amounts of an order line on invoices that still count (not void), less what credit
    /// notes took back from them.
    static func invoicedAmounts(_ db: SQLTransaction, orderLineId: Int64) throws -> LineAmounts {
        let row = try db.fetchRecord("""
            SELECT COALESCE(SUM(l.subtotal - (SELECT COALESCE(SUM(c.subtotal), 0) FROM credit_note_lines c WHERE c.invoice_line_id = l.id)), 0) AS s,
                   COALESCE(SUM(l.tax - (SELECT COALESCE(SUM(c.tax), 0) FROM credit_note_lines c WHERE c.invoice_line_id = l.id)), 0) AS t,
                   COALESCE(SUM(l.total - (SELECT COALESCE(SUM(c.total), 0) FROM credit_note_lines c WHERE c.invoice_line_id = l.id)), 0) AS g
            FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
            WHERE l.order_line_id = ? AND i.status <> 'void'
            """, [orderLineId])!
        return LineAmounts(subtotal: row["s"], tax: row["t"], total: row["g"])
    }

    /// Moves the order's amount_invoiced and, in step, the customer's open_orders_amount.
    static func changeInvoicedAmount(_ db: SQLTransaction, order: Order, by delta: Int64) throws {
        try db.execute("UPDATE orders SET amount_invoiced = amount_invoiced + ?, version = version + 1, updated_at = ? WHERE id = ?", [delta, Timestamp.now(), order.id])
        if order.storedStatus == .confirmed {
            try OrderStore.adjustOpenOrders(db, customerId: order.customerId, by: -delta)
        }
    }

    // MARK: - Void

    /// open|paid → void (docs/api.md §3): its not-credited quantities become invoiceable again and
    /// whatever was paid on it moves to the customer's credit_balance.
    public static func void(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws -> Invoice {
        let invoice = try get(db, id: id)
        try Versions.require(expectedVersion, current: invoice.version)
        let plan = try InvoiceDecisions.void(invoice)
        try Allocations.release(db, invoiceId: invoice.id, amount: invoice.amountPaid)
        for back in plan.quantitiesBack {
            try db.execute("UPDATE order_lines SET quantity_invoiced = quantity_invoiced - ? WHERE id = ?", [back.quantity.thousandths, back.orderLineId])
        }
        try changeInvoicedAmount(db, order: try OrderStore.get(db, id: invoice.orderId), by: plan.orderInvoicedDelta)
        let now = Timestamp.now()
        try db.execute("UPDATE invoices SET status = 'void', amount_due = 0, amount_paid = 0, voided_at = ?, version = version + 1, updated_at = ? WHERE id = ?", [now, now, id])
        // Ledger: invoice_void −(its not-yet-credited total) = receivable −amount_due, credit +amount_paid.
        try CustomerAccount.post(db, customerId: invoice.customerId, receivable: plan.receivableDelta, credit: plan.creditDelta,
                                 entry: .init(kind: .invoice_void, documentType: "invoice", documentId: id, number: invoice.number))
        return try get(db, id: id)
    }
}
