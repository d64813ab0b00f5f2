import HTTPServer
import SalesCore

/// Every route of the API with the roles allowed to call it: the one place where docs/api.md §2 is
/// enforced. Reads are open to every role; each write names its functional role (admin always
/// included); API keys are admin-only, reads included, since they describe who can access what.
enum RouteTable {
    static func routes(_ app: APIContext) -> [APIRoute] {
        let read = Access.anyRole
        let sales = Access.write(.sales)
        let warehouse = Access.write(.warehouse)
        let accounting = Access.write(.accounting)
        func r(_ method: HTTPMethod, _ template: String, _ access: Access, _ handler: @escaping APIHandler) -> APIRoute {
            APIRoute(method: method, template: template, access: access, handler: handler)
        }
        return [
            // docs/api.md §1 open routes
            r(.GET, "/healthz", .open, SystemRoutes.healthz(app)),
            r(.GET, "/readyz", .open, SystemRoutes.readyz(app)),
            r(.GET, "/metrics", .open, SystemRoutes.metrics(app)),
            r(.GET, "/openapi.json", .open, SystemRoutes.openapi(app)),

            // docs/api.md §2 API keys
            r(.GET, "/v1/api-keys", .adminOnly, APIKeyRoutes.list(app)),
            r(.GET, "/v1/api-keys/current", read, APIKeyRoutes.current(app)),
            r(.POST, "/v1/api-keys", .adminOnly, APIKeyRoutes.create(app)),
            r(.DELETE, "/v1/api-keys/{id}", .adminOnly, APIKeyRoutes.revoke(app)),

            // docs/api.md §3 Customers
            r(.GET, "/v1/customers", read, CustomerRoutes.list(app)),
            r(.POST, "/v1/customers", sales, CustomerRoutes.resource.create(app)),
            r(.GET, "/v1/customers/{id}", read, CustomerRoutes.resource.get(app)),
            r(.PATCH, "/v1/customers/{id}", sales, CustomerRoutes.resource.update(app)),
            r(.DELETE, "/v1/customers/{id}", sales, CustomerRoutes.resource.delete(app)),
            r(.GET, "/v1/customers/{id}/balance", read, CustomerRoutes.balance(app)),

            // docs/api.md §3 Tax rates (they drive invoice amounts: accounting)
            r(.GET, "/v1/tax-rates", read, TaxRateRoutes.list(app)),
            r(.POST, "/v1/tax-rates", accounting, TaxRateRoutes.resource.create(app)),
            r(.GET, "/v1/tax-rates/{id}", read, TaxRateRoutes.resource.get(app)),
            r(.PATCH, "/v1/tax-rates/{id}", accounting, TaxRateRoutes.resource.update(app)),
            r(.DELETE, "/v1/tax-rates/{id}", accounting, TaxRateRoutes.resource.delete(app)),

            // docs/api.md §3 Products and stock
            r(.GET, "/v1/products", read, ProductRoutes.list(app)),
            r(.POST, "/v1/products", warehouse, ProductRoutes.resource.create(app)),
            r(.GET, "/v1/products/{id}", read, ProductRoutes.resource.get(app)),
            r(.PATCH, "/v1/products/{id}", warehouse, ProductRoutes.resource.update(app)),
            r(.DELETE, "/v1/products/{id}", warehouse, ProductRoutes.resource.delete(app)),
            r(.POST, "/v1/products/{id}/stock-adjustments", warehouse, ProductRoutes.adjustStock(app)),
            r(.GET, "/v1/products/{id}/stock-movements", read, ProductRoutes.movements(app)),
            r(.GET, "/v1/stock", read, ProductRoutes.stockInquiry(app)),

            // docs/api.md §3 Quotes
            r(.GET, "/v1/quotes", read, QuoteRoutes.list(app)),
            r(.POST, "/v1/quotes", sales, QuoteRoutes.create(app)),
            r(.GET, "/v1/quotes/{id}", read, QuoteRoutes.get(app)),
            r(.PATCH, "/v1/quotes/{id}", sales, QuoteRoutes.update(app)),
            r(.POST, "/v1/quotes/{id}/send", sales, QuoteRoutes.transition(app, .send)),
            r(.POST, "/v1/quotes/{id}/decline", sales, QuoteRoutes.transition(app, .decline)),
            r(.POST, "/v1/quotes/{id}/cancel", sales, QuoteRoutes.transition(app, .cancel)),
            r(.POST, "/v1/quotes/{id}/convert", sales, QuoteRoutes.convert(app)),

            // docs/api.md §3 Sales orders (override_credit_limit is further limited to admin)
            r(.GET, "/v1/orders", read, OrderRoutes.list(app)),
            r(.POST, "/v1/orders", sales, OrderRoutes.create(app)),
            r(.GET, "/v1/orders/{id}", read, OrderRoutes.get(app)),
            r(.PATCH, "/v1/orders/{id}", sales, OrderRoutes.update(app)),
            r(.POST, "/v1/orders/{id}/confirm", sales, OrderRoutes.confirm(app)),
            r(.POST, "/v1/orders/{id}/cancel", sales, OrderRoutes.cancel(app)),
            r(.GET, "/v1/orders/{id}/availability", read, OrderRoutes.availability(app)),

            // docs/api.md §3 Invoices (only from a confirmed order; POST /v1/invoices is 405)
            r(.POST, "/v1/orders/{id}/invoices", accounting, InvoiceRoutes.create(app)),
            r(.GET, "/v1/invoices", read, InvoiceRoutes.list(app)),
            r(.GET, "/v1/invoices/{id}", read, InvoiceRoutes.get(app)),
            r(.POST, "/v1/invoices/{id}/void", accounting, InvoiceRoutes.void(app)),
            r(.POST, "/v1/invoices/{id}/credit-notes", accounting, InvoiceRoutes.createCreditNote(app)),
            r(.GET, "/v1/credit-notes", read, InvoiceRoutes.listCreditNotes(app)),
            r(.GET, "/v1/credit-notes/{id}", read, InvoiceRoutes.getCreditNote(app)),

            // docs/api.md §3 Payments (collections) and customer credit
            r(.GET, "/v1/payments", read, PaymentRoutes.list(app)),
            r(.POST, "/v1/payments", accounting, PaymentRoutes.create(app)),
            r(.GET, "/v1/payments/{id}", read, PaymentRoutes.get(app)),
            r(.PATCH, "/v1/payments/{id}", accounting, PaymentRoutes.update(app)),
            r(.POST, "/v1/payments/{id}/void", accounting, PaymentRoutes.void(app)),
            r(.POST, "/v1/orders/{id}/payments", accounting, PaymentRoutes.createForOrder(app)),
            r(.POST, "/v1/invoices/{id}/apply-credit", accounting, PaymentRoutes.applyCredit(app)),
            r(.POST, "/v1/customers/{id}/credit-refunds", accounting, PaymentRoutes.createRefund(app)),
            r(.GET, "/v1/credit-refunds", read, PaymentRoutes.listRefunds(app)),
            r(.GET, "/v1/credit-refunds/{id}", read, PaymentRoutes.getRefund(app)),
            r(.GET, "/v1/customers/{id}/ledger", read, PaymentRoutes.ledger(app)),

            // docs/api.md §3 Sales reps, shifts and activities. Managing reps is admin's (staff
            // records); reps (sales keys, rep-bound or not) clock in/out and log activities.
            r(.GET, "/v1/sales-reps", read, FieldSalesRoutes.listReps(app)),
            r(.POST, "/v1/sales-reps", .adminOnly, FieldSalesRoutes.reps.create(app)),
            r(.GET, "/v1/sales-reps/{id}", read, FieldSalesRoutes.reps.get(app)),
            r(.PATCH, "/v1/sales-reps/{id}", .adminOnly, FieldSalesRoutes.reps.update(app)),
            r(.DELETE, "/v1/sales-reps/{id}", .adminOnly, FieldSalesRoutes.reps.delete(app)),
            r(.POST, "/v1/sales-reps/{id}/clock-in", sales, FieldSalesRoutes.clockIn(app)),
            r(.POST, "/v1/sales-reps/{id}/clock-out", sales, FieldSalesRoutes.clockOut(app)),
            r(.GET, "/v1/sales-reps/{id}/shifts", read, FieldSalesRoutes.shifts(app)),
            r(.GET, "/v1/activities", read, FieldSalesRoutes.listActivities(app)),
            r(.POST, "/v1/activities", sales, FieldSalesRoutes.createActivity(app)),
            r(.GET, "/v1/activities/{id}", read, FieldSalesRoutes.getActivity(app)),

            // docs/api.md §3 Reports and the accounting export (reads: every role); settings are admin's.
            r(.GET, "/v1/reports/sales", read, ReportRoutes.sales(app)),
            r(.GET, "/v1/reports/receivables-aging", read, ReportRoutes.aging(app)),
            r(.GET, "/v1/reports/collections", read, ReportRoutes.collections(app)),
            r(.GET, "/v1/reports/sales-reps", read, ReportRoutes.salesReps(app)),
            r(.GET, "/v1/reports/top-products", read, ReportRoutes.topProducts(app)),
            r(.GET, "/v1/exports/journal", read, ReportRoutes.journal(app)),
            r(.GET, "/v1/settings/accounting", read, ReportRoutes.getAccounting(app)),
            r(.PATCH, "/v1/settings/accounting", .adminOnly, ReportRoutes.updateAccounting(app)),

            // docs/api.md §3 Events and webhooks (endpoints decide where data goes: admin's)
            r(.GET, "/v1/events", read, EventRoutes.list(app)),
            r(.GET, "/v1/events/{id}", read, EventRoutes.get(app)),
            r(.GET, "/v1/webhook-endpoints", .adminOnly, WebhookRoutes.list(app)),
            r(.POST, "/v1/webhook-endpoints", .adminOnly, WebhookRoutes.create(app)),
            r(.GET, "/v1/webhook-endpoints/{id}", .adminOnly, WebhookRoutes.resource.get(app)),
            r(.PATCH, "/v1/webhook-endpoints/{id}", .adminOnly, WebhookRoutes.resource.update(app)),
            r(.DELETE, "/v1/webhook-endpoints/{id}", .adminOnly, WebhookRoutes.resource.delete(app)),
            r(.GET, "/v1/webhook-endpoints/{id}/deliveries", .adminOnly, WebhookRoutes.deliveries(app)),

            // docs/api.md §3 Shipments and returns (only from a confirmed order; POST /v1/shipments is 405)
            r(.POST, "/v1/orders/{id}/shipments", warehouse, ShipmentRoutes.create(app)),
            r(.GET, "/v1/shipments", read, ShipmentRoutes.list(app)),
            r(.GET, "/v1/shipments/{id}", read, ShipmentRoutes.get(app)),
            r(.POST, "/v1/shipments/{id}/deliver", warehouse, ShipmentRoutes.transition(app, deliver: true)),
            r(.POST, "/v1/shipments/{id}/cancel", warehouse, ShipmentRoutes.transition(app, deliver: false)),
            r(.POST, "/v1/shipments/{id}/returns", warehouse, ShipmentRoutes.createReturn(app)),
        ] + ConsoleRoutes.routes().map { r(.GET, $0.template, .open, $0.handler) }
    }
}
