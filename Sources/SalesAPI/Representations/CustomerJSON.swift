import SalesCore
import SalesJSON
import SalesStore

/// The JSON of customers and their balance, as the API answers it and events carry it (docs/api.md §3).
enum CustomerJSON {
    static func response(_ c: Customer, _ b: CustomerBalance, status: Int = 200) -> APIResponse {
        APIResponse.json(status, etag: c.version) { w in write(c, balance: b, to: &w) }
    }

    static func write(_ c: Customer, balance: CustomerBalance, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(c.id)
        w.key("name"); w.string(c.name)
        w.key("email"); w.string(c.email)
        w.key("phone"); w.string(c.phone)
        w.key("billing_address"); w.address(c.billingAddress)
        w.key("shipping_address"); w.address(c.shippingAddress)
        w.key("currency"); w.string(c.currency)
        w.key("credit_limit"); w.int(c.creditLimit)
        w.key("payment_terms_days"); w.int(c.paymentTermsDays)
        w.key("sales_rep_id"); w.int(c.salesRepId)
        w.key("external_ref"); w.string(c.externalRef)
        w.key("active"); w.bool(c.active)
        w.key("metadata"); w.metadata(c.metadata)
        w.key("balance"); writeBalance(balance, to: &w)
        w.key("version"); w.int(c.version)
        w.key("created_at"); w.string(c.createdAt)
        w.key("updated_at"); w.string(c.updatedAt)
        w.endObject()
    }

    static func writeBalance(_ b: CustomerBalance, to w: inout JSONWriter) {
        w.beginObject()
        w.key("currency"); w.string(b.currency)
        w.key("receivable"); w.int(b.receivable)
        w.key("credit_balance"); w.int(b.creditBalance)
        w.key("net_balance"); w.int(b.netBalance)
        w.key("open_orders_amount"); w.int(b.openOrdersAmount)
        w.key("credit_limit"); w.int(b.creditLimit)
        w.key("available_credit"); w.int(b.availableCredit)
        w.endObject()
    }

    /// An entry of a customer's statement (GET /v1/customers/{id}/ledger).
    static func writeLedgerEntry(_ e: LedgerEntry, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(e.id)
        w.key("at"); w.string(e.at)
        w.key("type"); w.string(e.kind.rawValue)
        w.key("document_type"); w.string(e.documentType)
        w.key("document_id"); w.int(e.documentId)
        w.key("number"); w.string(e.number)
        w.key("amount"); w.int(e.amount)
        w.key("balance_after"); w.int(e.balanceAfter)
        w.endObject()
    }
}
