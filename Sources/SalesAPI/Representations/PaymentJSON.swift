import SalesCore
import SalesJSON
import SalesStore

/// The JSON of payments, allocations and credit refunds, as the API answers it and events carry it (docs/api.md §3).
enum PaymentJSON {
    static func response(_ payment: Payment, status: Int = 200) -> APIResponse {
        APIResponse.json(status, etag: payment.version) { w in write(payment, to: &w) }
    }

    static func write(_ p: Payment, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(p.id)
        w.key("number"); w.string(p.number)
        w.key("customer_id"); w.int(p.customerId)
        w.key("order_id"); w.int(p.orderId)
        w.key("status"); w.string(p.status.rawValue)
        w.key("amount"); w.int(p.amount)
        w.key("currency"); w.string(p.currency)
        w.key("method"); w.string(p.method.rawValue)
        w.key("reference"); w.string(p.reference)
        w.key("received_at"); w.string(p.receivedAt)
        w.key("amount_allocated"); w.int(p.amountAllocated)
        w.key("amount_unallocated"); w.int(p.amountUnallocated)
        w.key("allocations"); writeAllocations(p.allocations, to: &w)
        w.key("void_reason"); w.string(p.voidReason)
        w.key("voided_at"); w.string(p.voidedAt)
        w.key("metadata"); w.metadata(p.metadata)
        w.key("version"); w.int(p.version)
        w.key("created_at"); w.string(p.createdAt)
        w.key("updated_at"); w.string(p.updatedAt)
        w.endObject()
    }

    /// Allocations as shown on payments and invoices: `amount` is what stays allocated now.
    static func writeAllocations(_ allocations: [Allocation], to w: inout JSONWriter) {
        w.beginArray()
        for a in allocations {
            w.beginObject()
            w.key("id"); w.int(a.id)
            w.key("source"); w.string(a.source.rawValue)
            w.key("payment_id"); w.int(a.paymentId)
            w.key("payment_number"); w.string(a.paymentNumber)
            w.key("invoice_id"); w.int(a.invoiceId)
            w.key("invoice_number"); w.string(a.invoiceNumber)
            w.key("amount"); w.int(a.amount)
            w.key("amount_original"); w.int(a.amountOriginal)
            w.key("created_at"); w.string(a.createdAt)
            w.endObject()
        }
        w.endArray()
    }

    static func writeRefund(_ f: CreditRefund, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(f.id)
        w.key("number"); w.string(f.number)
        w.key("customer_id"); w.int(f.customerId)
        w.key("amount"); w.int(f.amount)
        w.key("currency"); w.string(f.currency)
        w.key("method"); w.string(f.method.rawValue)
        w.key("reference"); w.string(f.reference)
        w.key("metadata"); w.metadata(f.metadata)
        w.key("created_at"); w.string(f.createdAt)
        w.key("updated_at"); w.string(f.updatedAt)
        w.endObject()
    }
}
