import SalesCore

/// The reports of docs/api.md §3 "Reports", each one aggregate query (or two) over the covering
/// indexes of migration 0007, in one currency at a time. Every figure is defined so it can be
/// reconciled with the documents: see docs/openapi.yaml for each definition.
public enum Reports {
    public enum SalesGrouping: String, Sendable, CaseIterable { case day, week, month, customer, product, sales_rep }
    public enum CollectionsGrouping: String, Sendable, CaseIterable { case day, week, month, method }

    // MARK: - Sales

    /// Confirmed and completed orders (stored status `confirmed`) by `confirmed_at`: rows
    /// {key, label, orders, quantity, subtotal, tax, total}. Grouped by product, the amounts are
    /// the product's lines and `orders` counts the orders that have it.
    public static func sales(_ db: SQLTransaction, _ period: ReportPeriod, groupBy: SalesGrouping) throws -> ReportTable {
        var table = ReportTable(columns: ["key", "label", "orders", "quantity", "subtotal", "tax", "total"])
        let orders = "FROM orders o WHERE o.status = 'confirmed' AND o.currency = ? AND o.confirmed_at BETWEEN ? AND ?"
        let args: SQLArguments = [period.currency, period.start, period.end]
        let sums = "SELECT COUNT(*) AS n, COALESCE(SUM(o.quantity_total), 0) AS q, COALESCE(SUM(o.subtotal), 0) AS s, "
            + "COALESCE(SUM(o.tax_total), 0) AS t, COALESCE(SUM(o.total), 0) AS g \(orders)"
        if let time = TimeGrouping(rawValue: groupBy.rawValue),
           let buckets = time.buckets(from: period.from, to: period.to, limit: 1000) {
            // One aggregate per day, week or month, each a range of the covering index
            // orders_report: no sort of the period's orders, and the totals are the groups' sums
            // (a year by month over a million orders: ~1.1 s as GROUP BY, ~0.25 s this way).
            var totals = SalesFigures()
            for bucket in buckets {
                let figures = try db.fetchOne(sums, [period.currency, bucket.first + "T00:00:00.000Z", bucket.last + "T23:59:59.999Z"],
                                              SalesFigures.init)!
                if figures.orders == 0 { continue }
                try totals.add(figures)
                table.rows.append([.text(bucket.key), .text(time.label(bucket.key))] + figures.cells)
            }
            table.totals = totals.totals
            return table
        }
        let sql: String
        switch groupBy {
        case .day, .week, .month:
            let time = TimeGrouping(rawValue: groupBy.rawValue)!
            sql = """
                SELECT \(db.dialect.dateBucket("o.confirmed_at", time)) AS k, NULL AS label, COUNT(*) AS n, SUM(o.quantity_total) AS q,
                       SUM(o.subtotal) AS s, SUM(o.tax_total) AS t, SUM(o.total) AS g \(orders) GROUP BY k ORDER BY k
                """
        case .customer:
            sql = """
                SELECT g.k, c.name AS label, g.n, g.q, g.s, g.t, g.g FROM (
                  SELECT o.customer_id AS k, COUNT(*) AS n, SUM(o.quantity_total) AS q, SUM(o.subtotal) AS s, SUM(o.tax_total) AS t,
                         SUM(o.total) AS g \(orders) GROUP BY o.customer_id) g
                LEFT JOIN customers c ON c.id = g.k ORDER BY g.k
                """
        case .sales_rep:
            sql = """
                SELECT g.k, r.name AS label, g.n, g.q, g.s, g.t, g.g FROM (
                  SELECT o.sales_rep_id AS k, COUNT(*) AS n, SUM(o.quantity_total) AS q, SUM(o.subtotal) AS s, SUM(o.tax_total) AS t,
                         SUM(o.total) AS g \(orders) GROUP BY o.sales_rep_id) g
                LEFT JOIN sales_reps r ON r.id = g.k ORDER BY g.k IS NULL, g.k
                """
        case .product:
            sql = """
                SELECT g.k, p.name AS label, g.n, g.q, g.s, g.t, g.g FROM (
                  SELECT l.product_id AS k, COUNT(DISTINCT o.id) AS n, SUM(l.quantity) AS q, SUM(l.subtotal) AS s, SUM(l.tax) AS t,
                         SUM(l.total) AS g FROM orders o JOIN order_lines l ON l.order_id = o.id
                  WHERE o.status = 'confirmed' AND o.currency = ? AND o.confirmed_at BETWEEN ? AND ? GROUP BY l.product_id) g
                LEFT JOIN products p ON p.id = g.k ORDER BY g.k
                """
        }
        for row in try db.fetchRecords(sql, args, cached: false) {
            let key = keyText(row.value("k"))
            var label: String? = row["label"]
            if let time = TimeGrouping(rawValue: groupBy.rawValue), let key { label = time.label(key) }
            if groupBy == .sales_rep && key == nil { label = "(no sales rep)" }
            table.rows.append([.text(key ?? "none"), .text(label)] + SalesFigures(row).cells)
        }
        table.totals = try db.fetchOne(sums, args, SalesFigures.init)!.totals
        return table
    }

    /// One row of the sales report (columns n, q, s, t, g of its queries) and its totals.
    private struct SalesFigures {
        var orders: Int64 = 0, quantity: Int64 = 0, subtotal: Int64 = 0, tax: Int64 = 0, total: Int64 = 0

        init() {}
        init(_ row: any SQLRow) {
            (orders, quantity, subtotal, tax, total) = (row["n"], row["q"], row["s"], row["t"], row["g"])
        }

        mutating func add(_ other: SalesFigures) throws {
            try CheckedSums.add(&orders, other.orders)
            try CheckedSums.add(&quantity, other.quantity)
            try CheckedSums.add(&subtotal, other.subtotal)
            try CheckedSums.add(&tax, other.tax)
            try CheckedSums.add(&total, other.total)
        }

        var cells: [ReportTable.Cell] {
            [.int(orders), .decimal(quantity, scale: 3), .int(subtotal), .int(tax), .int(total)]
        }

        var totals: [(String, ReportTable.Cell)] { Array(zip(["orders", "quantity", "subtotal", "tax", "total"], cells)) }
    }

    private static func keyText(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let v): return String(v)
        case .text(let s): return s
        case .real(let v): return String(v)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    // MARK: - Receivables aging

    /// Open invoices issued on or before `asOf`, their amount_due by days past due as of that
    /// date: current (not yet due), 1–30, 31–60, 61–90, over 90; per customer. Days past due
    /// d = asOf − due_date, so d ≤ 0 ⇔ due_date ≥ asOf and 1 ≤ d ≤ 30 ⇔ asOf − 30 ≤ due_date <
    /// asOf: each bucket compares due_date with a date computed here, as text (YYYY-MM-DD orders
    /// as it reads), over the covering index invoices_aging. Computing d per row instead
    /// (julianday on SQLite, text → date casts on PostgreSQL, repeated in each bucket) took most
    /// of the report's time on PostgreSQL (docs/performance.md §5b).
    public static func aging(_ db: SQLTransaction, asOf: String, currency: String) throws -> ReportTable {
        var table = ReportTable(columns: ["customer_id", "name", "current", "d1_30", "d31_60", "d61_90", "over_90", "total"])
        let buckets = ["current", "d1_30", "d31_60", "d61_90", "over_90", "total"]
        var sums = [Int64](repeating: 0, count: buckets.count)
        // The API takes as_of as a valid date; before the year 1 the boundaries sort below every date.
        let daysBefore = { (days: Int) in Timestamp.date(asOf, plusDays: -days) ?? "" }
        for row in try db.fetchRecords("""
            SELECT g.*, c.name FROM (
              SELECT customer_id,
                     SUM(CASE WHEN due_date >= ?1 THEN amount_due ELSE 0 END) AS b0,
                     SUM(CASE WHEN due_date < ?1 AND due_date >= ?3 THEN amount_due ELSE 0 END) AS b1,
                     SUM(CASE WHEN due_date < ?3 AND due_date >= ?4 THEN amount_due ELSE 0 END) AS b2,
                     SUM(CASE WHEN due_date < ?4 AND due_date >= ?5 THEN amount_due ELSE 0 END) AS b3,
                     SUM(CASE WHEN due_date < ?5 THEN amount_due ELSE 0 END) AS b4,
                     SUM(amount_due) AS b5
              FROM invoices WHERE status = 'open' AND currency = ?2 AND issue_date <= ?1
              GROUP BY customer_id) g
            JOIN customers c ON c.id = g.customer_id ORDER BY g.customer_id
            """, [asOf, currency, daysBefore(30), daysBefore(60), daysBefore(90)]) {
            var cells: [ReportTable.Cell] = [.int(row["customer_id"]), .text(row["name"])]
            for index in 0..<buckets.count {
                let value: Int64 = row["b\(index)"]
                try CheckedSums.add(&sums[index], value)
                cells.append(.int(value))
            }
            table.rows.append(cells)
        }
        table.totals = zip(buckets, sums).map { ($0, .int($1)) }
        return table
    }

    // MARK: - Collections

    /// Payments received in the period by `received_at` (including ones voided later), and
    /// voids in the period by `voided_at`: rows {key, label, payments, received, voided, net}
    /// where net = received − voided, so the figures match the journal's payment and
    /// payment_void entries day by day.
    public static func collections(_ db: SQLTransaction, _ period: ReportPeriod, groupBy: CollectionsGrouping) throws -> ReportTable {
        var table = ReportTable(columns: ["key", "label", "payments", "received", "voided", "net"])
        func keyExpr(_ column: String) -> String {
            groupBy == .method ? "method" : db.dialect.dateBucket(column, TimeGrouping(rawValue: groupBy.rawValue)!)
        }
        var rows: [String: (count: Int64, received: Int64, voided: Int64)] = [:]
        for row in try db.fetchRecords("""
            SELECT \(keyExpr("received_at")) AS k, COUNT(*) AS n, SUM(amount) AS a FROM payments
            WHERE currency = ? AND received_at BETWEEN ? AND ? GROUP BY k
            """, [period.currency, period.start, period.end], cached: false) {
            try CheckedSums.add(&rows[row["k"], default: (0, 0, 0)].count, row["n"])
            try CheckedSums.add(&rows[row["k"], default: (0, 0, 0)].received, row["a"])
        }
        for row in try db.fetchRecords("""
            SELECT \(keyExpr("voided_at")) AS k, SUM(amount) AS a FROM payments
            WHERE status = 'void' AND currency = ? AND voided_at BETWEEN ? AND ? GROUP BY k
            """, [period.currency, period.start, period.end], cached: false) {
            try CheckedSums.add(&rows[row["k"], default: (0, 0, 0)].voided, row["a"])
        }
        var totals: (count: Int64, received: Int64, voided: Int64) = (0, 0, 0)
        for key in rows.keys.sorted() {
            let r = rows[key]!
            let label = groupBy == .method ? key : TimeGrouping(rawValue: groupBy.rawValue)!.label(key)
            // Both within the bound, so their difference fits.
            table.rows.append([.text(key), .text(label), .int(r.count), .int(r.received), .int(r.voided), .int(r.received - r.voided)])
            try CheckedSums.add(&totals.count, r.count)
            try CheckedSums.add(&totals.received, r.received)
            try CheckedSums.add(&totals.voided, r.voided)
        }
        table.totals = [("payments", .int(totals.count)), ("received", .int(totals.received)), ("voided", .int(totals.voided)),
                        ("net", .int(totals.received - totals.voided))]
        return table
    }

    // MARK: - Sales reps

    /// Per rep: closed shifts clocked in during the period (hours to 2 decimals, and exact
    /// seconds), activities dated in it, quotes created in it and how many of those are
    /// accepted, orders confirmed in it in this currency and their revenue (Σ subtotal, net of
    /// tax).
    public static func salesReps(_ db: SQLTransaction, _ period: ReportPeriod) throws -> ReportTable {
        var table = ReportTable(columns: ["sales_rep_id", "name", "hours_clocked", "seconds_clocked", "activities", "quotes", "quotes_accepted",
                                          "orders", "revenue"])
        let rows = try db.fetchRecords("""
            SELECT r.id, r.name,
              (SELECT COALESCE(SUM(duration_seconds), 0) FROM shifts s WHERE s.sales_rep_id = r.id AND s.clock_in_at BETWEEN ?1 AND ?2
                 AND s.duration_seconds IS NOT NULL) AS seconds,
              (SELECT COUNT(*) FROM activities a WHERE a.sales_rep_id = r.id AND a.at BETWEEN ?1 AND ?2) AS activities,
              (SELECT COUNT(*) FROM quotes q WHERE q.sales_rep_id = r.id AND q.created_at BETWEEN ?1 AND ?2) AS quotes,
              (SELECT COUNT(*) FROM quotes q WHERE q.sales_rep_id = r.id AND q.created_at BETWEEN ?1 AND ?2 AND q.status = 'accepted') AS accepted,
              (SELECT COUNT(*) FROM orders o WHERE o.sales_rep_id = r.id AND o.status = 'confirmed' AND o.currency = ?3
                 AND o.confirmed_at BETWEEN ?1 AND ?2) AS orders,
              (SELECT COALESCE(SUM(subtotal), 0) FROM orders o WHERE o.sales_rep_id = r.id AND o.status = 'confirmed' AND o.currency = ?3
                 AND o.confirmed_at BETWEEN ?1 AND ?2) AS revenue
            FROM sales_reps r ORDER BY r.id
            """, [period.start, period.end, period.currency])
        var sums = [Int64](repeating: 0, count: 6)
        for row in rows {
            let seconds: Int64 = row["seconds"]
            let values: [Int64] = [seconds, row["activities"], row["quotes"], row["accepted"], row["orders"], row["revenue"]]
            for (index, value) in values.enumerated() { try CheckedSums.add(&sums[index], value) }
            table.rows.append([.int(row["id"]), .text(row["name"]), hours(seconds)] + values.map { .int($0) })
        }
        table.totals = [("hours_clocked", hours(sums[0])), ("seconds_clocked", .int(sums[0])), ("activities", .int(sums[1])),
                        ("quotes", .int(sums[2])), ("quotes_accepted", .int(sums[3])), ("orders", .int(sums[4])), ("revenue", .int(sums[5]))]
        return table
    }

    /// Hours to two decimals, rounded half up (seconds are never negative): whole hours and the
    /// rest apart, so no product can overflow.
    static func hours(_ seconds: Int64) -> ReportTable.Cell {
        .decimal((seconds / 3600) * 100 + ((seconds % 3600) * 100 + 1800) / 3600, scale: 2)
    }

    // MARK: - Top products

    /// Products of the period's confirmed orders by revenue (Σ line subtotal), then id.
    public static func topProducts(_ db: SQLTransaction, _ period: ReportPeriod, limit: Int) throws -> ReportTable {
        var table = ReportTable(columns: ["product_id", "sku", "name", "orders", "quantity", "revenue"])
        for row in try db.fetchRecords("""
            SELECT g.*, p.sku, p.name FROM (
              SELECT l.product_id, COUNT(DISTINCT o.id) AS n, SUM(l.quantity) AS q, SUM(l.subtotal) AS revenue
              FROM orders o JOIN order_lines l ON l.order_id = o.id
              WHERE o.status = 'confirmed' AND o.currency = ? AND o.confirmed_at BETWEEN ? AND ? GROUP BY l.product_id) g
            JOIN products p ON p.id = g.product_id ORDER BY g.revenue DESC, g.product_id LIMIT ?
            """, [period.currency, period.start, period.end, limit]) {
            table.rows.append([.int(row["product_id"]), .text(row["sku"]), .text(row["name"]), .int(row["n"]),
                               .decimal(row["q"], scale: 3), .int(row["revenue"])])
        }
        return table
    }
}
