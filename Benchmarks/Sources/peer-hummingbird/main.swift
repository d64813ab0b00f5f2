// The peer: Hummingbird 2 written the idiomatic way (Codable, JSONDecoder/JSONEncoder, async
// GRDB), over the same SalesStore/SalesCore code as our server, so a comparison measures the
// HTTP layer and request handling rather than different storage code.
//
//   peer-hummingbird PORT                 GET /hello only
//   peer-hummingbird PORT DB_PATH KEY     also the customer, order, invoice, shipment and payment routes the bench uses
import Foundation
import Hummingbird
import Logging
import SalesAPI
import SalesCore
import SalesStore

let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 18082 : 18082
let router = Router()
router.get("hello") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"],
             body: .init(byteBuffer: ByteBuffer(string: "{\"message\":\"hello\"}")))
}

struct AddressBody: Codable {
    var line1, line2, city, region, postal_code, country: String?
}

struct BalanceBody: Codable {
    var currency: String
    var receivable, credit_balance, net_balance, open_orders_amount: Int64
    var credit_limit, available_credit: Int64?
}

struct CustomerBody: Codable, ResponseEncodable {
    var id: Int64
    var name: String
    var email, phone: String?
    var billing_address, shipping_address: AddressBody?
    var currency: String
    var credit_limit: Int64?
    var payment_terms_days: Int
    var sales_rep_id: Int64?
    var external_ref: String?
    var active: Bool
    var metadata: [String: String]
    var balance: BalanceBody
    var version: Int64
    var created_at, updated_at: String

    init(_ c: Customer, _ b: CustomerBalance) {
        func address(_ a: Address?) -> AddressBody? {
            a.map { AddressBody(line1: $0.line1, line2: $0.line2, city: $0.city, region: $0.region, postal_code: $0.postalCode, country: $0.country) }
        }
        id = c.id; name = c.name; email = c.email; phone = c.phone
        billing_address = address(c.billingAddress); shipping_address = address(c.shippingAddress)
        currency = c.currency; credit_limit = c.creditLimit; payment_terms_days = c.paymentTermsDays
        sales_rep_id = c.salesRepId; external_ref = c.externalRef; active = c.active; metadata = c.metadata
        balance = BalanceBody(currency: b.currency, receivable: b.receivable, credit_balance: b.creditBalance,
                              net_balance: b.netBalance, open_orders_amount: b.openOrdersAmount,
                              credit_limit: b.creditLimit, available_credit: b.availableCredit)
        version = c.version; created_at = c.createdAt; updated_at = c.updatedAt
    }
}

struct CustomerInput: Decodable {
    var name: String
    var email, phone, external_ref: String?
    var credit_limit: Int64?
    var metadata: [String: String]?
}

if arguments.count > 3 {
    let database = try SalesDatabase(path: arguments[2], durability: .full)
    try database.migrate()
    _ = try Bootstrap.ensureAdminKey(database, bootstrapSecret: arguments[3])

    @Sendable func authenticate(_ request: Request) async throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized)
        }
        let hash = APIKeys.hash(String(header.dropFirst(7)))
        guard try await database.pool.read({ db in try APIKeyStore.findActive(db, hash: hash) }) != nil else {
            throw HTTPError(.unauthorized)
        }
    }

    router.get("v1/customers/:id") { request, context -> CustomerBody in
        try await authenticate(request)
        let id = try context.parameters.require("id", as: Int64.self)
        return try await database.pool.read { db in
            let c = try CustomerStore.get(db, id: id)
            return CustomerBody(c, try CustomerStore.balance(db, customer: c))
        }
    }
    router.post("v1/customers") { request, context -> EditedResponse<CustomerBody> in
        try await authenticate(request)
        let input = try await request.decode(as: CustomerInput.self, context: context)
        let customer = Customer(id: 0, name: input.name, email: input.email, phone: input.phone, billingAddress: nil, shippingAddress: nil,
                                currency: "USD", creditLimit: input.credit_limit, paymentTermsDays: 30, salesRepId: nil,
                                externalRef: input.external_ref, active: true, metadata: input.metadata ?? [:], version: 1,
                                createdAt: "", updatedAt: "")
        let body = try await database.pool.write { db in
            let created = try CustomerStore.create(db, customer)
            return CustomerBody(created, try CustomerStore.balance(db, customer: created))
        }
        return EditedResponse(status: .created, response: body)
    }
}

struct LineBody: Codable {
    var id, product_id: Int64
    var description: String?
    var quantity, discount_percent, tax_percent: Decimal
    var unit_price, subtotal, tax, total: Int64
    var tax_rate_id: Int64?
    var tax_inclusive: Bool
    var quantity_reserved, quantity_backordered, quantity_shipped, quantity_invoiced, quantity_to_ship, quantity_to_invoice: Decimal

    init(_ l: DocumentLine) {
        func q(_ x: Quantity) -> Decimal { Decimal(x.thousandths) / 1000 }
        id = l.id; product_id = l.productId; description = l.description; quantity = q(l.quantity)
        discount_percent = Decimal(l.pricing.discountE2) / 100; tax_percent = Decimal(l.pricing.taxPercentE4) / 10_000
        unit_price = l.pricing.unitPrice; subtotal = l.amounts.subtotal; tax = l.amounts.tax; total = l.amounts.total
        tax_rate_id = l.taxRateId; tax_inclusive = l.pricing.taxInclusive
        quantity_reserved = q(l.reserved); quantity_backordered = q(l.backordered); quantity_shipped = q(l.shipped)
        quantity_invoiced = q(l.invoiced); quantity_to_ship = q(l.quantityToShip); quantity_to_invoice = q(l.quantityToInvoice)
    }
}

struct OrderBody: Codable, ResponseEncodable {
    var id, customer_id: Int64
    var number, status, source, currency, invoice_status, shipment_status, payment_status, created_at, updated_at: String
    var external_ref, notes, confirmed_at: String?
    var sales_rep_id, quote_id: Int64?
    var allow_backorder, auto_invoice: Bool
    var lines: [LineBody]
    var subtotal, tax_total, total, amount_invoiced, amount_paid, version: Int64
    var customer_balance: BalanceBody
    var metadata: [String: String]

    init(_ o: Order, _ b: CustomerBalance) {
        let t = o.totals
        id = o.id; customer_id = o.customerId; number = o.number; status = o.status.rawValue; source = o.source.rawValue
        currency = o.currency; invoice_status = o.invoiceStatus.rawValue; shipment_status = o.shipmentStatus.rawValue
        payment_status = o.paymentStatus.rawValue; created_at = o.createdAt; updated_at = o.updatedAt; external_ref = o.externalRef
        notes = o.notes; confirmed_at = o.confirmedAt; sales_rep_id = o.salesRepId; quote_id = o.quoteId
        allow_backorder = o.allowBackorder; auto_invoice = o.autoInvoice; lines = o.lines.map(LineBody.init)
        subtotal = t.subtotal; tax_total = t.tax; total = t.total; amount_invoiced = o.amountInvoiced; amount_paid = o.amountPaid
        version = o.version; metadata = o.metadata
        customer_balance = BalanceBody(currency: b.currency, receivable: b.receivable, credit_balance: b.creditBalance,
                                       net_balance: b.netBalance, open_orders_amount: b.openOrdersAmount,
                                       credit_limit: b.creditLimit, available_credit: b.availableCredit)
    }
}

struct LineInputBody: Decodable { var product_id: Int64; var quantity: Decimal; var unit_price: Int64? }
struct OrderInputBody: Decodable {
    var customer_id: Int64
    var lines: [LineInputBody]
    var source: String?
    var confirm: Bool?
}

if arguments.count > 3 {
    let database = try SalesDatabase(path: arguments[2], durability: .full)
    @Sendable func authenticateOrders(_ request: Request) async throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw HTTPError(.unauthorized) }
        let hash = APIKeys.hash(String(header.dropFirst(7)))
        guard try await database.pool.read({ db in try APIKeyStore.findActive(db, hash: hash) }) != nil else { throw HTTPError(.unauthorized) }
    }
    router.get("v1/orders/:id") { request, context -> OrderBody in
        try await authenticateOrders(request)
        let id = try context.parameters.require("id", as: Int64.self)
        return try await database.pool.read { db in
            let o = try OrderStore.get(db, id: id)
            return OrderBody(o, try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: o.customerId)))
        }
    }
    router.post("v1/orders") { request, context -> EditedResponse<OrderBody> in
        try await authenticateOrders(request)
        let input = try await request.decode(as: OrderInputBody.self, context: context)
        let lines = input.lines.map { l in
            LineInput(productId: l.product_id, quantity: Quantity(thousandths: NSDecimalNumber(decimal: l.quantity * 1000).int64Value),
                      unitPrice: l.unit_price)
        }
        var draft = OrderStore.Draft(customerId: input.customer_id, lines: lines)
        draft.source = OrderSource(rawValue: input.source ?? "api") ?? .api
        let finalDraft = draft
        let body = try await database.pool.write { db in
            var order = try OrderStore.create(db, finalDraft, serverCurrency: "USD")
            if input.confirm == true { order = try OrderStore.confirm(db, id: order.id, expectedVersion: nil, overrideCreditLimit: false) }
            return OrderBody(order, try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: order.customerId)))
        }
        return EditedResponse(status: .created, response: body)
    }
}

struct InvoiceLineBody: Codable {
    var id, order_line_id, product_id, unit_price, subtotal, tax, total: Int64
    var description: String?
    var quantity, discount_percent, tax_percent, quantity_credited: Decimal
    var tax_inclusive: Bool
}

struct InvoiceBody: Codable, ResponseEncodable {
    var id, order_id, customer_id, subtotal, tax_total, total, amount_paid, amount_credited, amount_due, version: Int64
    var number, status, currency, issue_date, due_date, created_at, updated_at: String
    var notes, voided_at: String?
    var overdue: Bool
    var lines: [InvoiceLineBody]
    var metadata: [String: String]

    init(_ i: Invoice) {
        func q(_ x: Quantity) -> Decimal { Decimal(x.thousandths) / 1000 }
        id = i.id; order_id = i.orderId; customer_id = i.customerId; subtotal = i.totals.subtotal; tax_total = i.totals.tax
        total = i.totals.total; amount_paid = i.amountPaid; amount_credited = i.amountCredited; amount_due = i.amountDue
        version = i.version; number = i.number; status = i.status.rawValue; currency = i.currency; issue_date = i.issueDate
        due_date = i.dueDate; created_at = i.createdAt; updated_at = i.updatedAt; notes = i.notes; voided_at = i.voidedAt
        overdue = i.isOverdue(today: Timestamp.today()); metadata = i.metadata
        lines = i.lines.map { l in
            InvoiceLineBody(id: l.id, order_line_id: l.orderLineId, product_id: l.productId, unit_price: l.pricing.unitPrice,
                            subtotal: l.amounts.subtotal, tax: l.amounts.tax, total: l.amounts.total, description: l.description,
                            quantity: q(l.pricing.quantity), discount_percent: Decimal(l.pricing.discountE2) / 100,
                            tax_percent: Decimal(l.pricing.taxPercentE4) / 10_000, quantity_credited: q(l.quantityCredited),
                            tax_inclusive: l.pricing.taxInclusive)
        }
    }
}

struct ShipmentBody: Codable, ResponseEncodable {
    struct Line: Codable { var id, order_line_id, product_id: Int64; var quantity, quantity_returned: Decimal }
    var id, order_id, customer_id, version: Int64
    var number, status, created_at, updated_at: String
    var carrier, tracking_number: String?
    var lines: [Line]

    init(_ s: Shipment) {
        func q(_ x: Quantity) -> Decimal { Decimal(x.thousandths) / 1000 }
        id = s.id; order_id = s.orderId; customer_id = s.customerId; version = s.version; number = s.number
        status = s.status.rawValue; created_at = s.createdAt; updated_at = s.updatedAt; carrier = s.carrier; tracking_number = s.trackingNumber
        lines = s.lines.map { Line(id: $0.id, order_line_id: $0.orderLineId, product_id: $0.productId, quantity: q($0.quantity),
                                   quantity_returned: q($0.returned)) }
    }
}

struct LineRequestBody: Decodable { var order_line_id: Int64; var quantity: Decimal }
struct LinesBody: Decodable { var lines: [LineRequestBody]? }

if arguments.count > 3 {
    let database = try SalesDatabase(path: arguments[2], durability: .full)
    @Sendable func authenticateDocuments(_ request: Request) async throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw HTTPError(.unauthorized) }
        let hash = APIKeys.hash(String(header.dropFirst(7)))
        guard try await database.pool.read({ db in try APIKeyStore.findActive(db, hash: hash) }) != nil else { throw HTTPError(.unauthorized) }
    }
    @Sendable func requests(_ body: LinesBody) -> [LineRequest]? {
        body.lines?.map { LineRequest(lineId: $0.order_line_id, quantity: Quantity(thousandths: NSDecimalNumber(decimal: $0.quantity * 1000).int64Value)) }
    }
    router.post("v1/orders/:id/invoices") { request, context -> EditedResponse<InvoiceBody> in
        try await authenticateDocuments(request)
        let id = try context.parameters.require("id", as: Int64.self)
        let lines = requests(try await request.decode(as: LinesBody.self, context: context))
        let body = try await database.pool.write { db in
            InvoiceBody(try InvoiceStore.create(db, orderId: id, requests: lines, issueDate: nil, dueDate: nil, notes: nil))
        }
        return EditedResponse(status: .created, response: body)
    }
    router.post("v1/orders/:id/shipments") { request, context -> EditedResponse<ShipmentBody> in
        try await authenticateDocuments(request)
        let id = try context.parameters.require("id", as: Int64.self)
        let lines = requests(try await request.decode(as: LinesBody.self, context: context))
        let body = try await database.pool.write { db in
            ShipmentBody(try ShipmentStore.create(db, orderId: id, requests: lines, carrier: nil, trackingNumber: nil))
        }
        return EditedResponse(status: .created, response: body)
    }
}

struct AllocationBody: Codable {
    var id, invoice_id, amount, amount_original: Int64
    var payment_id: Int64?
    var source, invoice_number, created_at: String
    var payment_number: String?
}

struct PaymentBody: Codable, ResponseEncodable {
    var id, customer_id, amount, amount_allocated, amount_unallocated, version: Int64
    var order_id: Int64?
    var number, status, currency, method, received_at, created_at, updated_at: String
    var reference, void_reason, voided_at: String?
    var allocations: [AllocationBody]
    var metadata: [String: String]

    init(_ p: Payment) {
        id = p.id; customer_id = p.customerId; amount = p.amount; amount_allocated = p.amountAllocated
        amount_unallocated = p.amountUnallocated; version = p.version; order_id = p.orderId; number = p.number
        status = p.status.rawValue; currency = p.currency; method = p.method.rawValue; received_at = p.receivedAt
        created_at = p.createdAt; updated_at = p.updatedAt; reference = p.reference; void_reason = p.voidReason
        voided_at = p.voidedAt; metadata = p.metadata
        allocations = p.allocations.map {
            AllocationBody(id: $0.id, invoice_id: $0.invoiceId, amount: $0.amount, amount_original: $0.amountOriginal, payment_id: $0.paymentId,
                           source: $0.source.rawValue, invoice_number: $0.invoiceNumber, created_at: $0.createdAt, payment_number: $0.paymentNumber)
        }
    }
}

struct AllocationInputBody: Decodable { var invoice_id, amount: Int64 }
struct PaymentInputBody: Decodable {
    var customer_id, amount: Int64
    var currency, reference, received_at: String?
    var method: String
    var allocations: [AllocationInputBody]?
    var metadata: [String: String]?
}

if arguments.count > 3 {
    let database = try SalesDatabase(path: arguments[2], durability: .full)
    @Sendable func authenticatePayments(_ request: Request) async throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw HTTPError(.unauthorized) }
        let hash = APIKeys.hash(String(header.dropFirst(7)))
        guard try await database.pool.read({ db in try APIKeyStore.findActive(db, hash: hash) }) != nil else { throw HTTPError(.unauthorized) }
    }
    router.post("v1/payments") { request, context -> EditedResponse<PaymentBody> in
        try await authenticatePayments(request)
        let input = try await request.decode(as: PaymentInputBody.self, context: context)
        guard let method = PaymentMethod(rawValue: input.method) else { throw HTTPError(.unprocessableContent) }
        let new = PaymentStore.NewPayment(customerId: input.customer_id, amount: input.amount, currency: input.currency, method: method,
                                          reference: input.reference, receivedAt: input.received_at,
                                          allocations: input.allocations?.map { ($0.invoice_id, $0.amount) }, metadata: input.metadata ?? [:])
        let body = try await database.pool.write { db in PaymentBody(try PaymentStore.create(db, new)) }
        return EditedResponse(status: .created, response: body)
    }
}

var logger = Logger(label: "peer")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
print("ready on \(port)")
try await app.runService()
