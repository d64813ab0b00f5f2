import SalesCore

/// The double-entry journal export (docs/api.md §3 "Accounting export"): every document that moves
/// money becomes balanced debit/credit lines on the accounts of `/v1/settings/accounting`,
/// dated by the document's accounting date.
///
/// - invoice (issue_date): Dr receivable total; Cr revenue subtotal; Cr tax tax_total.
/// - credit_note (day created): Dr revenue subtotal; Dr tax tax; Cr receivable total.
/// - invoice_void (day voided): the invoice less its credit notes, reversed.
/// - payment (day received): Dr cash/bank/card/other amount; Cr receivable amount.
/// - payment_void (day voided): Dr receivable; Cr the payment's account.
/// - credit_refund (day created): Dr receivable; Cr the refund's account.
/// Customer credit is money the customer holds against receivables, so it stays on the
/// receivable account: the receivable balance per customer is its net_balance. Zero lines are
/// left out.
public enum Journal {
    public static let columns = ["date", "document_type", "document_number", "customer_id", "account", "debit", "credit", "currency", "memo"]

    public struct Line: Sendable, Equatable {
        public var date: String
        public var documentType: String
        public var documentNumber: String
        public var customerId: Int64
        public var account: String
        public var debit: Int64
        public var credit: Int64
        public var currency: String
        public var memo: String
    }

    /// Calls `emit` with each document's lines in `currency`, in date order, from one read of the
    /// database (one currency per export, like every report: docs/api.md §3 "Accounting export").
    public static func lines(_ db: SQLTransaction, from: String, to: String, currency: String, codes: AccountCodes,
                             emit: ([Line]) throws -> Void) throws {
        let start = from + "T00:00:00.000Z", end = to + "T23:59:59.999Z"
        try db.forEachRow("""
            SELECT issue_date AS d, 1 AS seq, 'invoice' AS kind, id, number, customer_id, currency, subtotal AS a, tax_total AS b, total AS c,
                   NULL AS method, (SELECT number FROM orders o WHERE o.id = order_id) AS ref
              FROM invoices WHERE issue_date BETWEEN ?1 AND ?2 AND currency = ?5
            UNION ALL
            SELECT substr(created_at, 1, 10), 2, 'credit_note', id, number, customer_id, currency, subtotal, tax_total, total, NULL,
                   (SELECT number FROM invoices i WHERE i.id = invoice_id)
              FROM credit_notes WHERE created_at BETWEEN ?3 AND ?4 AND currency = ?5
            UNION ALL
            SELECT substr(i.voided_at, 1, 10), 3, 'invoice_void', i.id, i.number, i.customer_id, i.currency,
                   i.subtotal - COALESCE((SELECT SUM(subtotal) FROM credit_notes c WHERE c.invoice_id = i.id), 0),
                   i.tax_total - COALESCE((SELECT SUM(tax_total) FROM credit_notes c WHERE c.invoice_id = i.id), 0),
                   i.total - i.amount_credited, NULL, NULL
              FROM invoices i WHERE i.status = 'void' AND i.voided_at BETWEEN ?3 AND ?4 AND i.currency = ?5
            UNION ALL
            SELECT substr(received_at, 1, 10), 4, 'payment', id, number, customer_id, currency, amount, 0, amount, method, reference
              FROM payments WHERE received_at BETWEEN ?3 AND ?4 AND currency = ?5
            UNION ALL
            SELECT substr(voided_at, 1, 10), 5, 'payment_void', id, number, customer_id, currency, amount, 0, amount, method, void_reason
              FROM payments WHERE status = 'void' AND voided_at BETWEEN ?3 AND ?4 AND currency = ?5
            UNION ALL
            SELECT substr(created_at, 1, 10), 6, 'credit_refund', id, number, customer_id, currency, amount, 0, amount, method, reference
              FROM credit_refunds WHERE created_at BETWEEN ?3 AND ?4 AND currency = ?5
            ORDER BY d, seq, id
            """, [from, to, start, end, currency]) { row in
            let date: String = row["d"], kind: String = row["kind"], number: String = row["number"]
            let customer: Int64 = row["customer_id"], currency: String = row["currency"]
            let subtotal: Int64 = row["a"], tax: Int64 = row["b"], total: Int64 = row["c"]
            let ref: String? = row["ref"]
            let method = (row["method"] as String?).flatMap(PaymentMethod.init(rawValue:))
            func line(_ account: String, debit: Int64 = 0, credit: Int64 = 0, _ memo: String) -> Line {
                Line(date: date, documentType: kind, documentNumber: number, customerId: customer, account: account, debit: debit,
                     credit: credit, currency: currency, memo: memo)
            }
            var out: [Line] = []
            switch kind {
            case "invoice":
                let memo = "Invoice \(number)" + (ref.map { " for order \($0)" } ?? "")
                out = [line(codes["receivable"], debit: total, memo), line(codes["revenue"], credit: subtotal, memo), line(codes["tax"], credit: tax, memo)]
            case "credit_note":
                let memo = "Credit note \(number)" + (ref.map { " on invoice \($0)" } ?? "")
                out = [line(codes["revenue"], debit: subtotal, memo), line(codes["tax"], debit: tax, memo), line(codes["receivable"], credit: total, memo)]
            case "invoice_void":
                let memo = "Void of invoice \(number)"
                out = [line(codes["revenue"], debit: subtotal, memo), line(codes["tax"], debit: tax, memo), line(codes["receivable"], credit: total, memo)]
            case "payment":
                let memo = "Payment \(number)" + (method.map { " by \($0.rawValue)" } ?? "") + (ref.map { ", ref \($0)" } ?? "")
                out = [line(codes.account(for: method ?? .other), debit: total, memo), line(codes["receivable"], credit: total, memo)]
            case "payment_void":
                let memo = "Void of payment \(number)" + (ref.map { ": \($0)" } ?? "")
                out = [line(codes["receivable"], debit: total, memo), line(codes.account(for: method ?? .other), credit: total, memo)]
            default:
                let memo = "Credit refund \(number)" + (ref.map { ", ref \($0)" } ?? "")
                out = [line(codes["receivable"], debit: total, memo), line(codes.account(for: method ?? .other), credit: total, memo)]
            }
            try emit(out.filter { $0.debit != 0 || $0.credit != 0 })
            return true
        }
    }

    /// Σ debit and Σ credit of the export, checked against Money.maxTotal before anything is sent
    /// (409 limit_exceeded rather than a 200 cut off when a sum would not fit).
    public static func totals(_ db: SQLTransaction, from: String, to: String, currency: String, codes: AccountCodes) throws -> (debit: Int64, credit: Int64) {
        var debit: Int64 = 0, credit: Int64 = 0
        try CheckedSums.guarding {
            try lines(db, from: from, to: to, currency: currency, codes: codes) { lines in
                for l in lines {
                    try CheckedSums.add(&debit, l.debit)
                    try CheckedSums.add(&credit, l.credit)
                }
            }
        }
        return (debit, credit)
    }
}
