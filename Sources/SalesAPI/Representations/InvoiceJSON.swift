import SalesCore
import SalesJSON
import SalesStore

/// The JSON of invoices and credit notes, as the API answers it and events carry it (docs/api.md §3).
enum InvoiceJSON {
    static func writeCreditNote(_ c: CreditNote, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(c.id)
        w.key("number"); w.string(c.number)
        w.key("invoice_id"); w.int(c.invoiceId)
        w.key("order_id"); w.int(c.orderId)
        w.key("customer_id"); w.int(c.customerId)
        w.key("currency"); w.string(c.currency)
        w.key("reason"); w.string(c.reason)
        w.key("lines")
        w.beginArray()
        for line in c.lines {
            w.beginObject()
            w.key("invoice_line_id"); w.int(line.invoiceLineId)
            w.key("quantity"); w.rawNumber(line.quantity.decimalText)
            w.key("subtotal"); w.int(line.amounts.subtotal)
            w.key("tax"); w.int(line.amounts.tax)
            w.key("total"); w.int(line.amounts.total)
            w.endObject()
        }
        w.endArray()
        w.key("subtotal"); w.int(c.totals.subtotal)
        w.key("tax_total"); w.int(c.totals.tax)
        w.key("total"); w.int(c.totals.total)
        w.key("created_at"); w.string(c.createdAt)
        w.endObject()
    }

    static func response(_ invoice: Invoice, status: Int = 200) -> APIResponse {
        let today = Timestamp.today()
        return APIResponse.json(status, etag: invoice.version) { w in write(invoice, today: today, to: &w) }
    }

    static func write(_ i: Invoice, today: String, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(i.id)
        w.key("number"); w.string(i.number)
        w.key("order_id"); w.int(i.orderId)
        w.key("customer_id"); w.int(i.customerId)
        w.key("status"); w.string(i.status.rawValue)
        w.key("currency"); w.string(i.currency)
        w.key("issue_date"); w.string(i.issueDate)
        w.key("due_date"); w.string(i.dueDate)
        w.key("overdue"); w.bool(i.isOverdue(today: today))
        w.key("notes"); w.string(i.notes)
        w.key("lines")
        w.beginArray()
        for l in i.lines {
            w.beginObject()
            w.key("id"); w.int(l.id)
            w.key("order_line_id"); w.int(l.orderLineId)
            w.key("product_id"); w.int(l.productId)
            w.key("description"); w.string(l.description)
            w.key("quantity"); w.rawNumber(l.pricing.quantity.decimalText)
            w.key("unit_price"); w.int(l.pricing.unitPrice)
            w.key("discount_percent"); w.rawNumber(ExactDecimal.format(l.pricing.discountE2, scale: 2))
            w.key("tax_percent"); w.rawNumber(ExactDecimal.format(l.pricing.taxPercentE4, scale: 4))
            w.key("tax_inclusive"); w.bool(l.pricing.taxInclusive)
            w.key("subtotal"); w.int(l.amounts.subtotal)
            w.key("tax"); w.int(l.amounts.tax)
            w.key("total"); w.int(l.amounts.total)
            w.key("quantity_credited"); w.rawNumber(l.quantityCredited.decimalText)
            w.endObject()
        }
        w.endArray()
        w.key("subtotal"); w.int(i.totals.subtotal)
        w.key("tax_total"); w.int(i.totals.tax)
        w.key("total"); w.int(i.totals.total)
        w.key("amount_paid"); w.int(i.amountPaid)
        w.key("amount_credited"); w.int(i.amountCredited)
        w.key("amount_due"); w.int(i.amountDue)
        w.key("allocations"); PaymentJSON.writeAllocations(i.allocations, to: &w)
        w.key("credit_notes")
        w.beginArray()
        for note in i.creditNotes {
            w.beginObject()
            w.key("id"); w.int(note.id)
            w.key("number"); w.string(note.number)
            w.key("total"); w.int(note.total)
            w.endObject()
        }
        w.endArray()
        w.key("metadata"); w.metadata(i.metadata)
        w.key("version"); w.int(i.version)
        w.key("voided_at"); w.string(i.voidedAt)
        w.key("created_at"); w.string(i.createdAt)
        w.key("updated_at"); w.string(i.updatedAt)
        w.endObject()
    }

    static func creditNoteResponse(_ note: CreditNote, status: Int = 200) -> APIResponse {
        APIResponse.json(status) { w in InvoiceJSON.writeCreditNote(note, to: &w) }
    }
}
