import SalesCore
import SalesJSON
import SalesStore

/// The JSON of orders (with the customer's balance), as the API answers it and events carry it (docs/api.md §3).
enum OrderJSON {
    static func balance(_ db: SQLTransaction, _ order: Order) throws -> CustomerBalance {
        try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: order.customerId))
    }

    static func response(_ db: SQLTransaction, _ order: Order, status: Int = 200) throws -> APIResponse {
        let b = try balance(db, order)
        return APIResponse.json(status, etag: order.version) { w in write(order, balance: b, to: &w) }
    }

    static func write(_ o: Order, balance: CustomerBalance, to w: inout JSONWriter) {
        let totals = o.totals
        w.beginObject()
        w.key("id"); w.int(o.id)
        w.key("number"); w.string(o.number)
        w.key("customer_id"); w.int(o.customerId)
        w.key("status"); w.string(o.status.rawValue)
        w.key("source"); w.string(o.source.rawValue)
        w.key("external_ref"); w.string(o.externalRef)
        w.key("sales_rep_id"); w.int(o.salesRepId)
        w.key("currency"); w.string(o.currency)
        w.key("shipping_address"); w.address(o.shippingAddress)
        w.key("notes"); w.string(o.notes)
        w.key("allow_backorder"); w.bool(o.allowBackorder)
        w.key("auto_invoice"); w.bool(o.autoInvoice)
        w.key("quote_id"); w.int(o.quoteId)
        w.key("lines")
        w.beginArray()
        for line in o.lines { DocumentJSON.line(line, orderCounters: true, to: &w) }
        w.endArray()
        w.key("subtotal"); w.int(totals.subtotal)
        w.key("tax_total"); w.int(totals.tax)
        w.key("total"); w.int(totals.total)
        w.key("amount_invoiced"); w.int(o.amountInvoiced)
        w.key("amount_paid"); w.int(o.amountPaid)
        w.key("invoice_status"); w.string(o.invoiceStatus.rawValue)
        w.key("shipment_status"); w.string(o.shipmentStatus.rawValue)
        w.key("payment_status"); w.string(o.paymentStatus.rawValue)
        w.key("customer_balance"); CustomerJSON.writeBalance(balance, to: &w)
        w.key("confirmed_at"); w.string(o.confirmedAt)
        w.key("metadata"); w.metadata(o.metadata)
        w.key("version"); w.int(o.version)
        w.key("created_at"); w.string(o.createdAt)
        w.key("updated_at"); w.string(o.updatedAt)
        w.endObject()
    }

    /// GET /v1/orders/{id}/availability: per stockable line, what remains to ship and what could ship now.
    static func availabilityResponse(orderId: Int64, _ rows: [OrderStore.Availability]) -> APIResponse {
        APIResponse.json { w in
            w.beginObject()
            w.key("order_id"); w.int(orderId)
            w.key("lines")
            w.beginArray()
            for a in rows {
                w.beginObject()
                w.key("order_line_id"); w.int(a.lineId)
                w.key("product_id"); w.int(a.productId)
                w.key("quantity_to_ship"); w.rawNumber(a.quantityToShip.decimalText)
                w.key("reserved"); w.rawNumber(a.reserved.decimalText)
                w.key("available_now"); w.rawNumber(a.availableNow.decimalText)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
    }
}
