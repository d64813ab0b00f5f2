import SalesCore
import SalesJSON
import SalesStore

/// JSON of document lines, shared by quotes and orders.
enum DocumentJSON {
    static func line(_ l: DocumentLine, orderCounters: Bool, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(l.id)
        w.key("product_id"); w.int(l.productId)
        w.key("description"); w.string(l.description)
        w.key("quantity"); w.rawNumber(l.quantity.decimalText)
        w.key("unit_price"); w.int(l.pricing.unitPrice)
        w.key("discount_percent"); w.rawNumber(ExactDecimal.format(l.pricing.discountE2, scale: 2))
        w.key("tax_rate_id"); w.int(l.taxRateId)
        w.key("tax_percent"); w.rawNumber(ExactDecimal.format(l.pricing.taxPercentE4, scale: 4))
        w.key("tax_inclusive"); w.bool(l.pricing.taxInclusive)
        w.key("subtotal"); w.int(l.amounts.subtotal)
        w.key("tax"); w.int(l.amounts.tax)
        w.key("total"); w.int(l.amounts.total)
        if orderCounters {
            w.key("quantity_reserved"); w.rawNumber(l.reserved.decimalText)
            w.key("quantity_backordered"); w.rawNumber(l.backordered.decimalText)
            w.key("quantity_shipped"); w.rawNumber(l.shipped.decimalText)
            w.key("quantity_invoiced"); w.rawNumber(l.invoiced.decimalText)
            w.key("quantity_to_ship"); w.rawNumber(l.quantityToShip.decimalText)
            w.key("quantity_to_invoice"); w.rawNumber(l.quantityToInvoice.decimalText)
        }
        w.endObject()
    }
}
