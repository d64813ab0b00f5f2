import SalesCore

/// Money on invoices (docs/api.md §3 "Payments (collections)"): allocating moves an invoice's
/// amount_due into amount_paid; releasing (invoice void, credit beyond amount_due) and
/// reversing (payment void) take it back. These keep the invoice, the allocation rows and the
/// payments' amount_allocated in step; the caller moves the customer's account.
enum Allocations {
    static func decode(_ row: any SQLRow) -> Allocation {
        let paymentId: Int64? = row["payment_id"]
        return Allocation(id: row["id"], source: paymentId == nil ? .credit : .payment, paymentId: paymentId, paymentNumber: row["payment_number"],
                          invoiceId: row["invoice_id"], invoiceNumber: row["invoice_number"], amount: row["amount"],
                          amountOriginal: row["amount_original"], createdAt: row["created_at"])
    }

    private static let select = """
        SELECT a.*, p.number AS payment_number, i.number AS invoice_number FROM allocations a
        JOIN invoices i ON i.id = a.invoice_id LEFT JOIN payments p ON p.id = a.payment_id
        """

    static func of(invoiceId: Int64, _ db: SQLTransaction) throws -> [Allocation] {
        try db.fetchAll(select + " WHERE a.invoice_id = ? ORDER BY a.id", [invoiceId], decode)
    }

    /// The allocations of several invoices, in id order (InvoiceStore's page on PostgreSQL).
    static func of(invoiceIds ids: IdSet, _ db: SQLTransaction) throws -> [Allocation] {
        try db.fetchAll(select + " WHERE a.invoice_id IN (\(ids.placeholders)) ORDER BY a.id", ids.arguments, decode)
    }

    static func of(paymentId: Int64, _ db: SQLTransaction) throws -> [Allocation] {
        try db.fetchAll(select + " WHERE a.payment_id = ? ORDER BY a.id", [paymentId], decode)
    }

    /// Allocates `amount` (> 0, ≤ amount_due, checked by the caller against the row read in this
    /// transaction) to an open invoice; the status follows amount_due (docs/api.md §3 Invoices). A
    /// payment's amount_allocated is written by the payment itself, with all its allocations.
    static func allocate(_ db: SQLTransaction, invoice: Invoice, amount: Int64, paymentId: Int64?) throws {
        let now = Timestamp.now()
        try db.execute("""
            UPDATE invoices SET amount_paid = amount_paid + ?1, amount_due = amount_due - ?1,
              status = CASE WHEN amount_due - ?1 = 0 THEN 'paid' ELSE 'open' END, version = version + 1, updated_at = ?2
            WHERE id = ?3 AND status = 'open' AND amount_due >= ?1
            """, [amount, now, invoice.id])
        guard db.changedRows == 1 else { throw SalesError.invalidState("invoice \(invoice.number) changed while allocating") }
        try db.execute("INSERT INTO allocations (invoice_id, payment_id, customer_id, amount_original, amount, created_at) VALUES (?, ?, ?, ?, ?, ?)", [invoice.id, paymentId, invoice.customerId, amount, amount, now])
    }

    /// Takes `amount` of what was paid on an invoice off its allocations, newest first; the money
    /// goes to the customer's credit (the caller posts it). The caller lowers the invoice's
    /// amount_paid in the same statement that moves its amount_due or status, so the invoice's
    /// CHECK (paid + credited + due = total) holds after every statement.
    static func release(_ db: SQLTransaction, invoiceId: Int64, amount: Int64) throws {
        guard amount > 0 else { return }
        let now = Timestamp.now()
        var left = amount
        for row in try db.fetchRecords("SELECT id, payment_id, amount FROM allocations WHERE invoice_id = ? AND amount > 0 ORDER BY id DESC", [invoiceId]) where left > 0 {
            let take = min(left, row["amount"] as Int64)
            try db.execute("UPDATE allocations SET amount = amount - ? WHERE id = ?", [take, row["id"] as Int64])
            if let paymentId = row["payment_id"] as Int64? { try changeAllocated(db, paymentId: paymentId, by: -take, at: now) }
            left -= take
        }
        guard left == 0 else { throw SalesError.invalidState("invoice \(invoiceId) has less allocated than its amount_paid") }
    }

    /// Undoes every allocation of a payment being voided: each invoice gets its amount_due back
    /// and reopens. Returns what went back to receivables; the void itself zeroes the payment's
    /// amount_allocated.
    static func reverse(_ db: SQLTransaction, paymentId: Int64) throws -> Int64 {
        let now = Timestamp.now()
        var reopened: Int64 = 0
        for row in try db.fetchRecords("SELECT id, invoice_id, amount FROM allocations WHERE payment_id = ? AND amount > 0", [paymentId]) {
            let amount: Int64 = row["amount"]
            try db.execute("""
                UPDATE invoices SET amount_paid = amount_paid - ?1, amount_due = amount_due + ?1, status = 'open', version = version + 1, updated_at = ?2
                WHERE id = ?3 AND status <> 'void'
                """, [amount, now, row["invoice_id"] as Int64])
            guard db.changedRows == 1 else { throw SalesError.invalidState("allocation \(row["id"] as Int64) points at a void invoice") }
            try db.execute("UPDATE allocations SET amount = 0 WHERE id = ?", [row["id"] as Int64])
            reopened += amount   // bounded: one invoice's allocations sum to at most its total
        }
        return reopened
    }

    private static func changeAllocated(_ db: SQLTransaction, paymentId: Int64, by delta: Int64, at now: String) throws {
        guard delta != 0 else { return }
        try db.execute("UPDATE payments SET amount_allocated = amount_allocated + ?, version = version + 1, updated_at = ? WHERE id = ?", [delta, now, paymentId])
    }
}
