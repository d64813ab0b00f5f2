
/// `sales-server check`: SQLite's integrity check plus the invariants of docs/api.md §4 that the
/// schema so far can break. Each later feature adds its own invariants here.
public enum IntegrityCheck {
    public static func run(_ db: SQLTransaction) throws -> [String] {
        var breaches: [String] = []
        // SQLite's own checks of its file and of foreign keys (which it enforces only while
        // `PRAGMA foreign_keys` is on). PostgreSQL enforces foreign keys always and checks its
        // pages itself; the invariants below are the same on both.
        if db.dialect == .sqlite {
            let integrity = try db.fetchAll("PRAGMA integrity_check", [], cached: false) { $0["integrity_check"] as String }
            if integrity != ["ok"] { breaches.append(contentsOf: integrity.map { "integrity_check: \($0)" }) }
            let foreignKeys = try db.fetchRecords("PRAGMA foreign_key_check", [], cached: false)
            for row in foreignKeys { breaches.append("foreign key: \(zip(row.columns, row.values).map { "\($0)=\($1)" }.joined(separator: " "))") }
        }

        // Invariant 4: on_hand ≥ 0, reserved ≥ 0, on_hand = Σ movements.
        for row in try db.fetchRecords("""
            SELECT p.id, p.on_hand, p.reserved, COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.id), 0) AS moved
            FROM products p
            WHERE p.on_hand < 0 OR p.reserved < 0
               OR p.on_hand <> COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = p.id), 0)
            """, [], cached: false) {
            let id: Int64 = row["id"], onHand: Int64 = row["on_hand"], reserved: Int64 = row["reserved"], moved: Int64 = row["moved"]
            breaches.append("product \(id): on_hand \(onHand) (thousandths), reserved \(reserved), Σ movements \(moved)")
        }
        // Each movement's on_hand_after follows from the previous one.
        for row in try db.fetchRecords("""
            SELECT id, product_id, on_hand_after, SUM(quantity) OVER (PARTITION BY product_id ORDER BY id) AS running
            FROM stock_movements
            """, [], cached: false) where (row["on_hand_after"] as Int64) != (row["running"] as Int64) {
            let id: Int64 = row["id"]
            breaches.append("stock movement \(id): on_hand_after \(row["on_hand_after"] as Int64) ≠ running sum \(row["running"] as Int64)")
        }
        // Invariant 4: reserved = Σ reservations of open (confirmed) order lines.
        do {
            for row in try db.fetchRecords("""
                SELECT p.id, p.reserved, COALESCE((SELECT SUM(l.quantity_reserved) FROM order_lines l JOIN orders o ON o.id = l.order_id
                                                   WHERE l.product_id = p.id AND o.status = 'confirmed'), 0) AS held
                FROM products p
                """, [], cached: false) where (row["reserved"] as Int64) != (row["held"] as Int64) {
                breaches.append("product \(row["id"] as Int64): reserved \(row["reserved"] as Int64) ≠ Σ open line reservations \(row["held"] as Int64)")
            }
            // Invariant 1: 0 ≤ invoiced ≤ quantity, 0 ≤ shipped ≤ quantity.
            for row in try db.fetchRecords("""
                SELECT id FROM order_lines WHERE quantity_invoiced NOT BETWEEN 0 AND quantity OR quantity_shipped NOT BETWEEN 0 AND quantity
                """, [], cached: false) {
                breaches.append("order line \(row["id"] as Int64): invoiced or shipped outside 0…quantity")
            }
            // The customer's maintained open_orders_amount equals its definition (docs/api.md §3).
            for row in try db.fetchRecords("""
                SELECT c.id, c.open_orders_amount, COALESCE((SELECT SUM(o.total - o.amount_invoiced) FROM orders o
                                                            WHERE o.customer_id = c.id AND o.status = 'confirmed'), 0) AS actual
                FROM customers c
                """, [], cached: false) where (row["open_orders_amount"] as Int64) != (row["actual"] as Int64) {
                breaches.append("customer \(row["id"] as Int64): open_orders_amount \(row["open_orders_amount"] as Int64) ≠ Σ open orders \(row["actual"] as Int64)")
            }
            // Invariant 5 (part): an order's totals are the sums of its lines.
            for row in try db.fetchRecords("""
                SELECT o.id FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id GROUP BY o.id
                HAVING o.subtotal <> COALESCE(SUM(l.subtotal), 0) OR o.tax_total <> COALESCE(SUM(l.tax), 0) OR o.total <> COALESCE(SUM(l.total), 0)
                    OR o.quantity_total <> COALESCE(SUM(l.quantity), 0)
                """, [], cached: false) {
                breaches.append("order \(row["id"] as Int64): totals differ from the sum of its lines")
            }
        }
        do {
            // Invariant 2: 0 ≤ amount_due ≤ total; paid + credited + due = total (void: due = 0);
            // an invoice's totals are the sums of its lines.
            for row in try db.fetchRecords("""
                SELECT i.id FROM invoices i
                WHERE i.amount_due < 0 OR i.amount_due > i.total
                   OR (i.status <> 'void' AND i.amount_paid + i.amount_credited + i.amount_due <> i.total)
                   OR (i.status = 'void' AND i.amount_due <> 0)
                   OR (i.status = 'open' AND i.amount_due = 0) OR (i.status = 'paid' AND i.amount_due <> 0)
                   OR i.total <> (SELECT COALESCE(SUM(l.total), 0) FROM invoice_lines l WHERE l.invoice_id = i.id)
                """, [], cached: false) {
                breaches.append("invoice \(row["id"] as Int64): amounts or status inconsistent")
            }
            // Line counters: invoiced = Σ non-void invoice quantities − credited.
            for row in try db.fetchRecords("""
                SELECT ol.id, ol.quantity_invoiced,
                       COALESCE((SELECT SUM(il.quantity - il.quantity_credited) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
                                 WHERE il.order_line_id = ol.id AND i.status <> 'void'), 0) AS actual
                FROM order_lines ol
                """, [], cached: false) where (row["quantity_invoiced"] as Int64) != (row["actual"] as Int64) {
                breaches.append("order line \(row["id"] as Int64): quantity_invoiced \(row["quantity_invoiced"] as Int64) ≠ invoices \(row["actual"] as Int64)")
            }
            // amount_invoiced = Σ non-void invoice totals − Σ credited.
            for row in try db.fetchRecords("""
                SELECT o.id, o.amount_invoiced, COALESCE((SELECT SUM(i.total - i.amount_credited) FROM invoices i
                                                        WHERE i.order_id = o.id AND i.status <> 'void'), 0) AS actual
                FROM orders o
                """, [], cached: false) where (row["amount_invoiced"] as Int64) != (row["actual"] as Int64) {
                breaches.append("order \(row["id"] as Int64): amount_invoiced \(row["amount_invoiced"] as Int64) ≠ invoices \(row["actual"] as Int64)")
            }
            // Invariant 5: a fully invoiced, uncredited order's invoices sum to its totals exactly.
            for row in try db.fetchRecords("""
                SELECT o.id FROM orders o
                WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.quantity_invoiced <> l.quantity)
                  AND EXISTS (SELECT 1 FROM invoices i WHERE i.order_id = o.id AND i.status <> 'void')
                  AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.order_id = o.id AND i.amount_credited > 0)
                  AND NOT EXISTS (SELECT 1 FROM (SELECT SUM(i.subtotal) AS subtotal, SUM(i.tax_total) AS tax_total, SUM(i.total) AS total
                                                 FROM invoices i WHERE i.order_id = o.id AND i.status <> 'void') sums
                                  WHERE sums.subtotal = o.subtotal AND sums.tax_total = o.tax_total AND sums.total = o.total)
                """, [], cached: false) {
                breaches.append("order \(row["id"] as Int64): fully invoiced but its invoices do not sum to its totals")
            }
        }
        do {
            // An invoice's amount_credited and its lines' quantity_credited match its credit notes.
            for row in try db.fetchRecords("""
                SELECT i.id FROM invoices i
                WHERE i.amount_credited <> (SELECT COALESCE(SUM(c.total), 0) FROM credit_notes c WHERE c.invoice_id = i.id)
                   OR EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id
                              AND l.quantity_credited <> (SELECT COALESCE(SUM(cl.quantity), 0) FROM credit_note_lines cl WHERE cl.invoice_line_id = l.id))
                """, [], cached: false) {
                breaches.append("invoice \(row["id"] as Int64): credited amounts differ from its credit notes")
            }
        }
        do {
            // Line counters: shipped = Σ quantities of shipments not canceled − returned.
            for row in try db.fetchRecords("""
                SELECT ol.id, ol.quantity_shipped,
                       COALESCE((SELECT SUM(sl.quantity - sl.quantity_returned) FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                                 WHERE sl.order_line_id = ol.id AND s.status <> 'canceled'), 0) AS actual
                FROM order_lines ol
                """, [], cached: false) where (row["quantity_shipped"] as Int64) != (row["actual"] as Int64) {
                breaches.append("order line \(row["id"] as Int64): quantity_shipped \(row["quantity_shipped"] as Int64) ≠ shipments \(row["actual"] as Int64)")
            }
        }
        breaches += try paymentsAndCredit(db)
        // Invariant 6: numbers per kind are unique (UNIQUE constraints) and gapless: 1…counter, each once.
        do {
            for (kind, table) in [("Q", "quotes"), ("SO", "orders"), ("INV", "invoices"), ("SH", "shipments"), ("RT", "returns"),
                                  ("CN", "credit_notes"), ("PAY", "payments"), ("RF", "credit_refunds")] {
                let counter = try db.fetchValue("SELECT last FROM document_counters WHERE kind = ?", [kind], cached: false, as: Int64.self) ?? 0
                let stats = try db.fetchRecord("""
                    SELECT COUNT(*) AS n, COALESCE(MAX(CAST(substr(number, \(kind.count + 2)) AS INTEGER)), 0) AS top FROM \(table)
                    """, [], cached: false)!
                let n: Int64 = stats["n"], top: Int64 = stats["top"]
                if n != counter || top != counter {
                    breaches.append("\(table): \(n) numbered documents, highest \(kind)-\(top), counter \(counter): numbers are not gapless")
                }
            }
        }
        return breaches
    }

    /// Invariant 2 for payments (Σ allocations ≤ amount) and invariant 3 (credit_balance ≥ 0; the
    /// ledger's last balance_after = net_balance = receivable − credit_balance), plus the
    /// maintained figures behind them, each recomputed from the documents.
    static func paymentsAndCredit(_ db: SQLTransaction) throws -> [String] {
        var breaches: [String] = []
        for row in try db.fetchRecords("""
            SELECT p.id, p.amount, p.amount_allocated, COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.payment_id = p.id), 0) AS actual
            FROM payments p
            """, [], cached: false) {
            let id: Int64 = row["id"], amount: Int64 = row["amount"], allocated: Int64 = row["amount_allocated"], actual: Int64 = row["actual"]
            if allocated != actual || allocated > amount || allocated < 0 {
                breaches.append("payment \(id): amount_allocated \(allocated), Σ allocations \(actual), amount \(amount)")
            }
        }
        for row in try db.fetchRecords("""
            SELECT i.id, i.amount_paid, COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id), 0) AS actual FROM invoices i
            """, [], cached: false) where (row["amount_paid"] as Int64) != (row["actual"] as Int64) {
            breaches.append("invoice \(row["id"] as Int64): amount_paid \(row["amount_paid"] as Int64) ≠ Σ allocations \(row["actual"] as Int64)")
        }
        // credit_balance = unallocated parts of posted payments − credit applied − credit refunded.
        for row in try db.fetchRecords("""
            SELECT c.id, c.receivable, c.credit_balance,
                   COALESCE((SELECT SUM(amount_due) FROM invoices i WHERE i.customer_id = c.id AND i.status = 'open'), 0) AS due,
                   COALESCE((SELECT SUM(amount - amount_allocated) FROM payments p WHERE p.customer_id = c.id AND p.status = 'posted'), 0)
                   - COALESCE((SELECT SUM(amount) FROM allocations a WHERE a.customer_id = c.id AND a.payment_id IS NULL), 0)
                   - COALESCE((SELECT SUM(amount) FROM credit_refunds r WHERE r.customer_id = c.id), 0) AS credit,
                   (SELECT balance_after FROM customer_ledger l WHERE l.customer_id = c.id ORDER BY l.id DESC LIMIT 1) AS last
            FROM customers c
            """, [], cached: false) {
            let id: Int64 = row["id"], receivable: Int64 = row["receivable"], credit: Int64 = row["credit_balance"]
            let due: Int64 = row["due"], actualCredit: Int64 = row["credit"], last: Int64 = row["last"] ?? 0
            if credit < 0 { breaches.append("customer \(id): credit_balance \(credit) < 0") }
            if receivable != due { breaches.append("customer \(id): receivable \(receivable) ≠ Σ open amount_due \(due)") }
            if credit != actualCredit { breaches.append("customer \(id): credit_balance \(credit) ≠ payments, credit applied and refunds \(actualCredit)") }
            if last != receivable - credit { breaches.append("customer \(id): ledger ends at \(last), net_balance is \(receivable - credit)") }
        }
        // Each entry's balance_after follows from the previous one.
        for row in try db.fetchRecords("""
            SELECT id, balance_after, SUM(amount) OVER (PARTITION BY customer_id ORDER BY id) AS running FROM customer_ledger
            """, [], cached: false) where (row["balance_after"] as Int64) != (row["running"] as Int64) {
            breaches.append("ledger entry \(row["id"] as Int64): balance_after \(row["balance_after"] as Int64) ≠ running sum \(row["running"] as Int64)")
        }
        // Every document that moves money has exactly its ledger entry.
        for row in try db.fetchRecords("""
            SELECT 'invoice' AS kind, id FROM invoices EXCEPT SELECT 'invoice', document_id FROM customer_ledger WHERE type = 'invoice'
            UNION ALL SELECT 'invoice_void', id FROM invoices WHERE status = 'void'
                EXCEPT SELECT 'invoice_void', document_id FROM customer_ledger WHERE type = 'invoice_void'
            UNION ALL SELECT 'credit_note', id FROM credit_notes EXCEPT SELECT 'credit_note', document_id FROM customer_ledger WHERE type = 'credit_note'
            UNION ALL SELECT 'payment', id FROM payments EXCEPT SELECT 'payment', document_id FROM customer_ledger WHERE type = 'payment'
            UNION ALL SELECT 'payment_void', id FROM payments WHERE status = 'void'
                EXCEPT SELECT 'payment_void', document_id FROM customer_ledger WHERE type = 'payment_void'
            UNION ALL SELECT 'credit_refund', id FROM credit_refunds
                EXCEPT SELECT 'credit_refund', document_id FROM customer_ledger WHERE type = 'credit_refund'
            """, [], cached: false) {
            breaches.append("\(row["kind"] as String) \(row["id"] as Int64): no ledger entry")
        }
        return breaches
    }
}
