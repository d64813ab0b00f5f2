import SalesCore
import SalesJSON
import SalesStore

/// The JSON of quotes, as the API answers it and events carry it (docs/api.md §3).
enum QuoteJSON {
    static func response(_ q: Quote, status: Int = 200) -> APIResponse {
        let today = Timestamp.today()
        return APIResponse.json(status, etag: q.version) { w in write(q, today: today, to: &w) }
    }

    static func write(_ q: Quote, today: String, to w: inout JSONWriter) {
        let totals = q.totals
        w.beginObject()
        w.key("id"); w.int(q.id)
        w.key("number"); w.string(q.number)
        w.key("customer_id"); w.int(q.customerId)
        w.key("status"); w.string(q.status(today: today).rawValue)
        w.key("currency"); w.string(q.currency)
        w.key("valid_until"); w.string(q.validUntil)
        w.key("notes"); w.string(q.notes)
        w.key("sales_rep_id"); w.int(q.salesRepId)
        w.key("order_id"); w.int(q.orderId)
        w.key("lines")
        w.beginArray()
        for line in q.lines { DocumentJSON.line(line, orderCounters: false, to: &w) }
        w.endArray()
        w.key("subtotal"); w.int(totals.subtotal)
        w.key("tax_total"); w.int(totals.tax)
        w.key("total"); w.int(totals.total)
        w.key("metadata"); w.metadata(q.metadata)
        w.key("version"); w.int(q.version)
        w.key("created_at"); w.string(q.createdAt)
        w.key("updated_at"); w.string(q.updatedAt)
        w.endObject()
    }
}
