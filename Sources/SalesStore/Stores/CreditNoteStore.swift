import SalesCore

/// Credit notes against an invoice (docs/api.md §3 "Credit notes"): credited quantities become
/// invoiceable again on the order; the credit reduces the invoice's amount_due first.
public enum CreditNoteStore {
    static func decode(_ db: SQLTransaction, _ row: any SQLRow) throws -> CreditNote {
        let id: Int64 = row["id"]
        let lines = try db.fetchAll("SELECT * FROM credit_note_lines WHERE credit_note_id = ? ORDER BY position", [id]) { r -> (invoiceLineId: Int64, quantity: Quantity, amounts: LineAmounts) in
            (r["invoice_line_id"], Quantity(thousandths: r["quantity"]), LineAmounts(subtotal: r["subtotal"], tax: r["tax"], total: r["total"]))
        }
        return CreditNote(id: id, number: row["number"], invoiceId: row["invoice_id"], orderId: row["order_id"], customerId: row["customer_id"],
                          currency: row["currency"], reason: row["reason"], lines: lines,
                          totals: LineAmounts(subtotal: row["subtotal"], tax: row["tax_total"], total: row["total"]), createdAt: row["created_at"])
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> CreditNote {
        guard let found = try db.fetchOne("SELECT * FROM credit_notes WHERE id = ?", [id], { try decode(db, $0) }) else {
            throw SalesError.notFound(resource: "credit_note", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, invoiceId: Int64?, customerId: Int64?, options: ListOptions) throws -> Page<CreditNote> {
        var conditions = SQLConditions()
        if let invoiceId { conditions.add("invoice_id = ?", invoiceId) }
        if let customerId { conditions.add("customer_id = ?", customerId) }
        return try KeysetList.fetch(db, table: "credit_notes", options: options, conditions: conditions) { try decode(db, $0) }
    }

    /// Numbers and totals of an invoice's credit notes, for the invoice's `credit_notes`.
    public static func summaries(_ db: SQLTransaction, invoiceId: Int64) throws -> [(id: Int64, number: String, total: Int64)] {
        try db.fetchAll("SELECT id, number, total FROM credit_notes WHERE invoice_id = ? ORDER BY id", [invoiceId]) { ($0["id"], $0["number"], $0["total"]) }
    }

    /// POST /v1/invoices/{id}/credit-notes. Without `requests`, the whole remaining invoice.
    public static func create(_ db: SQLTransaction, invoiceId: Int64, requests: [LineRequest]?, reason: String) throws -> CreditNote {
        let invoice = try InvoiceStore.get(db, id: invoiceId)
        let picks = try CreditNoteDecisions.picks(invoice, requests: requests)
        let creditLines = try CreditNoteDecisions.portions(picks) { try creditedAmounts(db, invoiceLineId: $0.id) }
        // bounded: what remains of one invoice's lines, at most its total.
        let totals = creditLines.reduce(LineAmounts.zero) { $0 + $1.amounts }
        let (fromDue, fromPaid) = CreditNoteDecisions.split(total: totals.total, invoice: invoice)
        let number = try DocumentNumbers.next(db, kind: "CN")
        let now = Timestamp.now()
        let noteId = try db.insert("""
            INSERT INTO credit_notes (number, invoice_id, order_id, customer_id, currency, reason, subtotal, tax_total, total, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [number, invoice.id, invoice.orderId, invoice.customerId, invoice.currency, reason, totals.subtotal, totals.tax,
                             totals.total, now, now])
        for (position, portion) in creditLines.enumerated() {
            let (line, quantity, amounts) = (portion.line, portion.quantity, portion.amounts)
            try db.execute("""
                INSERT INTO credit_note_lines (credit_note_id, invoice_line_id, position, quantity, subtotal, tax, total) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [noteId, line.id, position, quantity.thousandths, amounts.subtotal, amounts.tax, amounts.total])
            // Never more credited than invoiced.
            try CheckedCounter.move(db, "UPDATE invoice_lines SET quantity_credited = quantity_credited + ?1 WHERE id = ?2 AND quantity_credited + ?1 <= quantity",
                                    [quantity.thousandths, line.id], field: "lines[\(position)].quantity", lineId: line.id, requested: quantity,
                                    remaining: { try InvoiceStore.get(db, id: invoiceId).lines.first { $0.id == line.id }?.creditable ?? Quantity(thousandths: 0) })
            // Credited quantities become invoiceable again on the order.
            try db.execute("UPDATE order_lines SET quantity_invoiced = quantity_invoiced - ? WHERE id = ?", [quantity.thousandths, line.orderLineId])
        }
        try Allocations.release(db, invoiceId: invoice.id, amount: fromPaid)
        let due = invoice.amountDue - fromDue
        try db.execute("""
            UPDATE invoices SET amount_credited = amount_credited + ?, amount_paid = amount_paid - ?, amount_due = ?,
              status = CASE WHEN ? = 0 THEN 'paid' ELSE 'open' END, version = version + 1, updated_at = ? WHERE id = ?
            """, [totals.total, fromPaid, due, due, now, invoice.id])
        try InvoiceStore.changeInvoicedAmount(db, order: try OrderStore.get(db, id: invoice.orderId), by: -totals.total)
        // Ledger: credit_note −total = receivable −(part of amount_due), credit +(part of amount_paid).
        try CustomerAccount.post(db, customerId: invoice.customerId, receivable: -fromDue, credit: fromPaid,
                                 entry: .init(kind: .credit_note, documentType: "credit_note", documentId: noteId, number: number))
        return try get(db, id: noteId)
    }

    /// Σ amounts already credited on an invoice line.
    static func creditedAmounts(_ db: SQLTransaction, invoiceLineId: Int64) throws -> LineAmounts {
        let row = try db.fetchRecord("""
            SELECT COALESCE(SUM(subtotal), 0) AS s, COALESCE(SUM(tax), 0) AS t, COALESCE(SUM(total), 0) AS g
            FROM credit_note_lines WHERE invoice_line_id = ?
            """, [invoiceLineId])!
        return LineAmounts(subtotal: row["s"], tax: row["t"], total: row["g"])
    }
}
