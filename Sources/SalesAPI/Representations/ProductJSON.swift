import SalesCore
import SalesJSON
import SalesStore

/// The JSON of products and stock movements, as the API answers it and events carry it (docs/api.md §3).
enum ProductJSON {
    static func response(_ p: Product, status: Int = 200) -> APIResponse {
        APIResponse.json(status, etag: p.version) { w in write(p, to: &w) }
    }

    static func write(_ p: Product, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(p.id)
        w.key("sku"); w.string(p.sku)
        w.key("name"); w.string(p.name)
        w.key("description"); w.string(p.description)
        w.key("type"); w.string(p.type.rawValue)
        w.key("unit_price"); w.int(p.unitPrice)
        w.key("prices")
        w.beginObject()
        for code in p.prices.keys.sorted() { w.key(code); w.int(p.prices[code]!) }
        w.endObject()
        w.key("tax_rate_id"); w.int(p.taxRateId)
        w.key("reorder_level")
        if let level = p.reorderLevel { w.rawNumber(level.decimalText) } else { w.null() }
        w.key("invoice_policy"); w.string(p.invoicePolicy.rawValue)
        w.key("active"); w.bool(p.active)
        w.key("metadata"); w.metadata(p.metadata)
        w.key("stock")
        if p.type == .stockable {
            w.beginObject()
            w.key("on_hand"); w.rawNumber(p.onHand.decimalText)
            w.key("reserved"); w.rawNumber(p.reserved.decimalText)
            w.key("available"); w.rawNumber(p.available.decimalText)
            w.endObject()
        } else {
            w.null()
        }
        w.key("version"); w.int(p.version)
        w.key("created_at"); w.string(p.createdAt)
        w.key("updated_at"); w.string(p.updatedAt)
        w.endObject()
    }

    static func writeMovement(_ m: StockMovement, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(m.id)
        w.key("product_id"); w.int(m.productId)
        w.key("type"); w.string(m.type.rawValue)
        w.key("quantity"); w.rawNumber(m.quantity.decimalText)
        w.key("on_hand_after"); w.rawNumber(m.onHandAfter.decimalText)
        w.key("reason"); w.string(m.reason)
        w.key("document_type"); w.string(m.documentType)
        w.key("document_id"); w.int(m.documentId)
        w.key("created_at"); w.string(m.createdAt)
        w.endObject()
    }

    /// A product's stock as the stock inquiry answers it: on hand, reserved, available.
    static func writeStockLevel(_ p: Product, to w: inout JSONWriter) {
        w.beginObject()
        w.key("product_id"); w.int(p.id)
        w.key("sku"); w.string(p.sku)
        w.key("name"); w.string(p.name)
        w.key("on_hand"); w.rawNumber(p.onHand.decimalText)
        w.key("reserved"); w.rawNumber(p.reserved.decimalText)
        w.key("available"); w.rawNumber(p.available.decimalText)
        w.endObject()
    }
}
