import SalesCore

/// Gapless numbers per kind (docs/api.md §1 "ids", §4 invariant 6): taken inside the transaction that
/// creates the document, so a rolled-back document gives its number back.
public enum DocumentNumbers {
    public static func next(_ db: SQLTransaction, kind: String) throws -> String {
        guard let n = try db.fetchValue("UPDATE document_counters SET last = last + 1 WHERE kind = ? RETURNING last", [kind], as: Int64.self) else {
            throw SalesError.invalidState("no counter for \(kind)")
        }
        let digits = String(n)
        return kind + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// Writes a quote's or an order's lines (replacing any) and the document's totals, the same way for
/// both; an order's lines also keep what makes them stockable and how they are invoiced, and the
/// order its quantity total. The SQL of each kind is fixed (built once, so each statement stays
/// prepared and no SQL text is assembled per line).
enum DocumentLines {
    enum Document { case quote, order }

    private struct Statements {
        let delete, insert, totals: String

        init(_ document: String, lineColumns: String, lineValues: String, totals: String) {
            delete = "DELETE FROM \(document)_lines WHERE \(document)_id = ?"
            insert = """
                INSERT INTO \(document)_lines (\(document)_id, position, product_id, description, quantity, unit_price, discount_e2,
                  tax_rate_id, tax_percent_e4, tax_inclusive, subtotal, tax, total\(lineColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?\(lineValues))
                """
            self.totals = totals
        }
    }

    private static let quote = Statements("quote", lineColumns: "", lineValues: "",
                                          totals: "UPDATE quotes SET subtotal = ?, tax_total = ?, total = ? WHERE id = ?")
    private static let order = Statements("order", lineColumns: ", stockable, invoice_policy", lineValues: ", ?, ?",
                                          totals: "UPDATE orders SET subtotal = ?, tax_total = ?, total = ?, quantity_total = ? WHERE id = ?")

    /// `replacing: false` for a document created in this transaction, which has no lines yet.
    static func write(_ db: SQLTransaction, _ document: Document, id: Int64, _ lines: [DocumentLine], replacing: Bool = true) throws {
        let sql = document == .order ? order : quote
        if replacing { try db.execute(sql.delete, [id]) }
        for (position, line) in lines.enumerated() {
            let p = line.pricing
            let arguments: SQLArguments = document == .order
                ? [id, position, line.productId, line.description, p.quantity.thousandths, p.unitPrice, p.discountE2, line.taxRateId,
                   p.taxPercentE4, p.taxInclusive, line.amounts.subtotal, line.amounts.tax, line.amounts.total, line.stockable,
                   line.invoicePolicy.rawValue]
                : [id, position, line.productId, line.description, p.quantity.thousandths, p.unitPrice, p.discountE2, line.taxRateId,
                   p.taxPercentE4, p.taxInclusive, line.amounts.subtotal, line.amounts.tax, line.amounts.total]
            try db.execute(sql.insert, arguments)
        }
        // bounded: LinePricer held the total within Money.maxAmount.
        let totals = lines.reduce(LineAmounts.zero) { $0 + $1.amounts }
        if document == .order {
            // bounded: at most 500 quantities of 10^12 thousandths.
            let quantity = lines.reduce(Int64(0)) { $0 + $1.quantity.thousandths }
            try db.execute(sql.totals, [totals.subtotal, totals.tax, totals.total, quantity, id])
        } else {
            try db.execute(sql.totals, [totals.subtotal, totals.tax, totals.total, id])
        }
    }
}

/// Prices request lines from their products inside the write transaction (docs/api.md §3 "Lines and
/// totals"): unit_price, tax_rate_id and description default from the product; the default
/// price is the product's price in the document's currency.
enum LinePricer {
    static func price(_ db: SQLTransaction, _ inputs: [LineInput], currency: String, serverCurrency: String) throws -> [DocumentLine] {
        var errors: [FieldError] = []
        var lines: [DocumentLine] = []
        for (index, input) in inputs.enumerated() {
            let field = "lines[\(index)]"
            guard let product = try db.fetchOne("SELECT * FROM products WHERE id = ?", [input.productId],
                                                  ProductStore.decode) else {
                errors.append(FieldError(field: "\(field).product_id", code: "not_found", message: "no product \(input.productId)"))
                continue
            }
            if !product.active {
                errors.append(FieldError(field: "\(field).product_id", code: "inactive", message: "product \(product.id) is archived"))
                continue
            }
            let defaultPrice = currency == serverCurrency ? product.unitPrice : product.prices[currency]
            guard let unitPrice = input.unitPrice ?? defaultPrice else {
                errors.append(FieldError(field: "\(field).unit_price", code: "required",
                                         message: "product \(product.id) has no price in \(currency); give unit_price"))
                continue
            }
            let taxRateId: Int64? = input.taxRateId ?? product.taxRateId
            var percent: Int64 = 0
            var inclusive = false
            if let taxRateId {
                guard let rate = try db.fetchRecord("SELECT percent_e4, inclusive FROM tax_rates WHERE id = ?", [taxRateId]) else {
                    errors.append(FieldError(field: "\(field).tax_rate_id", code: "not_found", message: "no tax rate \(taxRateId)"))
                    continue
                }
                percent = rate["percent_e4"]
                inclusive = rate["inclusive"]
            }
            let pricing = LinePricing(quantity: input.quantity, unitPrice: unitPrice, discountE2: input.discountE2 ?? 0,
                                      taxPercentE4: percent, taxInclusive: inclusive)
            guard let amounts = LineAmounts.checkedCompute(pricing) else {
                errors.append(FieldError(field: "\(field).quantity", code: "out_of_range",
                                         message: "the line's total would exceed \(Money.maxAmount) minor units"))
                continue
            }
            // The product's description, or its name when it has none (docs/api.md §3 "Lines and totals").
            let description = input.description ?? product.description.flatMap { $0.isEmpty ? nil : $0 } ?? product.name
            lines.append(DocumentLine(id: 0, productId: product.id, description: description, pricing: pricing,
                                      taxRateId: taxRateId, amounts: amounts, stockable: product.type == .stockable,
                                      invoicePolicy: product.invoicePolicy))
        }
        if errors.isEmpty, lines.reduce(Int128(0), { $0 + Int128($1.amounts.total) }).magnitude > UInt128(Money.maxAmount) {
            errors.append(FieldError(field: "lines", code: "out_of_range", message: "the document's total would exceed \(Money.maxAmount) minor units"))
        }
        if !errors.isEmpty { throw SalesError.validation(errors) }
        return lines
    }
}

