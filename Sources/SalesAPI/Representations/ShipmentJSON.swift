import SalesCore
import SalesJSON
import SalesStore

/// The JSON of shipments, as the API answers it and events carry it (docs/api.md §3).
enum ShipmentJSON {
    static func response(_ s: Shipment, status: Int = 200) -> APIResponse {
        APIResponse.json(status, etag: s.version) { w in write(s, to: &w) }
    }

    static func write(_ s: Shipment, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(s.id)
        w.key("number"); w.string(s.number)
        w.key("order_id"); w.int(s.orderId)
        w.key("customer_id"); w.int(s.customerId)
        w.key("status"); w.string(s.status.rawValue)
        w.key("carrier"); w.string(s.carrier)
        w.key("tracking_number"); w.string(s.trackingNumber)
        w.key("lines")
        w.beginArray()
        for l in s.lines {
            w.beginObject()
            w.key("id"); w.int(l.id)
            w.key("order_line_id"); w.int(l.orderLineId)
            w.key("product_id"); w.int(l.productId)
            w.key("quantity"); w.rawNumber(l.quantity.decimalText)
            w.key("quantity_returned"); w.rawNumber(l.returned.decimalText)
            w.endObject()
        }
        w.endArray()
        w.key("metadata"); w.metadata(s.metadata)
        w.key("version"); w.int(s.version)
        w.key("delivered_at"); w.string(s.deliveredAt)
        w.key("canceled_at"); w.string(s.canceledAt)
        w.key("created_at"); w.string(s.createdAt)
        w.key("updated_at"); w.string(s.updatedAt)
        w.endObject()
    }

    /// A return as POST /v1/shipments/{id}/returns answers it.
    static func returnResponse(_ record: ReturnRecord) -> APIResponse {
        APIResponse.json(201) { w in
            w.beginObject()
            w.key("id"); w.int(record.id)
            w.key("number"); w.string(record.number)
            w.key("shipment_id"); w.int(record.shipmentId)
            w.key("order_id"); w.int(record.orderId)
            w.key("restock"); w.bool(record.restock)
            w.key("reason"); w.string(record.reason)
            w.key("lines")
            w.beginArray()
            for line in record.lines {
                w.beginObject()
                w.key("shipment_line_id"); w.int(line.shipmentLineId)
                w.key("quantity"); w.rawNumber(line.quantity.decimalText)
                w.endObject()
            }
            w.endArray()
            w.key("created_at"); w.string(record.createdAt)
            w.endObject()
        }
    }
}
