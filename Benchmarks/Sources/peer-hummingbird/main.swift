// The peer: Hummingbird 2 written the idiomatic way (Codable, JSONDecoder/JSONEncoder, async
// GRDB), over the same SalesStore/SalesCore code as our server, so a comparison measures the
// HTTP layer and request handling rather than different storage code.
//
//   peer-hummingbird PORT                 GET /hello only
//   peer-hummingbird PORT DB_PATH KEY     also the customer, order, invoice, shipment, payment and report routes the bench uses
import Foundation
import Hummingbird
import Logging
import SalesAPI
import SalesCore
import SalesStore

let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 18082 : 18082
let router = Router()
// One database (one writer pool) for every route, as a real service has.
let sharedDatabase = arguments.count > 3 ? try SalesDatabase(path: arguments[2], durability: .full) : nil

/// The event row written with every change, as our server writes it (the resource as answered).
func outbox(_ db: SQLTransaction, _ type: String, _ resourceType: String, _ id: Int64, _ body: some Encodable) throws {
    try EventStore.record(db, type: type, actor: nil, resourceType: resourceType, resourceId: id, data: [UInt8](try JSONEncoder().encode(body)))
}

/// Bearer key → the key's record, or 401 (the lookup every /v1 route of the peer makes).
@Sendable func authenticated(_ request: Request) async throws -> APIKeyRecord {
    guard let database = sharedDatabase, let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
        throw HTTPError(.unauthorized)
    }
    let hash = APIKeys.hash(String(header.dropFirst(7)))
    guard let key = try await database.read({ db in try APIKeyStore.findActive(db, hash: hash) }) else { throw HTTPError(.unauthorized) }
    return key.0
}
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
    let database = sharedDatabase!
    try database.migrate()
    _ = try Bootstrap.ensureAdminKey(database, bootstrapSecret: arguments[3])


    router.get("v1/customers/:id") { request, context -> CustomerBody in
        _ = try await authenticated(request)
        let id = try context.parameters.require("id", as: Int64.self)
        return try await database.read { db in
            let c = try CustomerStore.get(db, id: id)
            return CustomerBody(c, try CustomerStore.balance(db, customer: c))
        }
    }
    router.post("v1/customers") { request, context -> EditedResponse<CustomerBody> in
        _ = try await authenticated(request)
        let input = try await request.decode(as: CustomerInput.self, context: context)
        let customer = Customer(id: 0, name: input.name, email: input.email, phone: input.phone, billingAddress: nil, shippingAddress: nil,
                                currency: "USD", creditLimit: input.credit_limit, paymentTermsDays: 30, salesRepId: nil,
                                externalRef: input.external_ref, active: true, metadata: input.metadata ?? [:], version: 1,
                                createdAt: "", updatedAt: "")
        let body = try await database.writeAlone { db in
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
    let database = sharedDatabase!
    router.get("v1/orders/:id") { request, context -> OrderBody in
        _ = try await authenticated(request)
        let id = try context.parameters.require("id", as: Int64.self)
        return try await database.read { db in
            let o = try OrderStore.get(db, id: id)
            return OrderBody(o, try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: o.customerId)))
        }
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
    let database = sharedDatabase!
    @Sendable func requests(_ body: LinesBody) -> [LineRequest]? {
        body.lines?.map { LineRequest(lineId: $0.order_line_id, quantity: Quantity(thousandths: NSDecimalNumber(decimal: $0.quantity * 1000).int64Value)) }
    }
    router.post("v1/orders/:id/invoices") { request, context -> EditedResponse<InvoiceBody> in
        _ = try await authenticated(request)
        let id = try context.parameters.require("id", as: Int64.self)
        let lines = requests(try await request.decode(as: LinesBody.self, context: context))
        let body = try await database.writeAlone { db in
            let body = InvoiceBody(try InvoiceStore.create(db, orderId: id, requests: lines, issueDate: nil, dueDate: nil, notes: nil))
            try outbox(db, "invoice.created", "invoice", body.id, body)
            return body
        }
        return EditedResponse(status: .created, response: body)
    }
    router.post("v1/orders/:id/shipments") { request, context -> EditedResponse<ShipmentBody> in
        _ = try await authenticated(request)
        let id = try context.parameters.require("id", as: Int64.self)
        let lines = requests(try await request.decode(as: LinesBody.self, context: context))
        let body = try await database.writeAlone { db in
            let body = ShipmentBody(try ShipmentStore.create(db, orderId: id, requests: lines, carrier: nil, trackingNumber: nil))
            try outbox(db, "shipment.created", "shipment", body.id, body)
            return body
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
    let database = sharedDatabase!
    router.post("v1/payments") { request, context -> EditedResponse<PaymentBody> in
        _ = try await authenticated(request)
        let input = try await request.decode(as: PaymentInputBody.self, context: context)
        guard let method = PaymentMethod(rawValue: input.method) else { throw HTTPError(.unprocessableContent) }
        let new = PaymentStore.NewPayment(customerId: input.customer_id, amount: input.amount, currency: input.currency, method: method,
                                          reference: input.reference, receivedAt: input.received_at,
                                          allocations: input.allocations?.map { ($0.invoice_id, $0.amount) }, metadata: input.metadata ?? [:])
        let body = try await database.writeAlone { db in
            let body = PaymentBody(try PaymentStore.create(db, new))
            try outbox(db, "payment.created", "payment", body.id, body)
            return body
        }
        return EditedResponse(status: .created, response: body)
    }
}

// GET /healthz, the order list, the sales report, and the outbox and Idempotency-Key work our
// server does on POST /v1/orders, written the idiomatic way (Codable, one write transaction).
router.get("healthz") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}")))
}

struct OrderListBody: ResponseEncodable {
    var data: [OrderBody]
    var has_more: Bool
    var next_cursor: String?
}

struct ReportBody: ResponseEncodable {
    enum Value: Encodable {
        case int(Int64), text(String?), decimal(Decimal)
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .int(let v): try c.encode(v)
            case .text(let s): try c.encode(s)
            case .decimal(let d): try c.encode(d)
            }
        }
        init(_ cell: ReportTable.Cell) {
            switch cell {
            case .int(let v): self = .int(v)
            case .text(let s): self = .text(s)
            case .decimal(let v, let scale): self = .decimal(Decimal(v) / pow(Decimal(10), scale))
            }
        }
    }
    var report, from, to, currency, group_by: String
    var rows: [[String: Value]]
    var totals: [String: Value]
}

if arguments.count > 3 {
    let database = sharedDatabase!
    let encoder = JSONEncoder()
    router.get("v1/orders") { request, context -> OrderListBody in
        _ = try await authenticated(request)
        var filter = OrderStore.Filter()
        filter.customerId = request.uri.queryParameters.get("customer_id", as: Int64.self)
        var options = ListOptions()
        options.limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 50
        let (f, o) = (filter, options)
        return try await database.read { db in
            let page = try OrderStore.list(db, filter: f, options: o)
            let data = try page.items.map { o in OrderBody(o, try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: o.customerId))) }
            return OrderListBody(data: data, has_more: page.hasMore, next_cursor: page.hasMore ? data.last.map { "i\($0.id)" } : nil)
        }
    }
    // POST /v1/orders as our server does it: an Idempotency-Key replays the stored answer; the
    // order.created and order.confirmed events and the stored answer commit with the order.
    router.post("v1/orders") { request, context -> Response in
        let key = try await authenticated(request)
        let raw = try await request.body.collect(upTo: 1 << 20)
        let bodyBytes = [UInt8](buffer: raw)
        let input = try JSONDecoder().decode(OrderInputBody.self, from: Data(bodyBytes))
        let idempotencyKey = request.headers[.init("Idempotency-Key")!]
        let fingerprint = Crypto.sha256(Array("POST /v1/orders\n".utf8) + bodyBytes)
        let lines = input.lines.map { l in
            LineInput(productId: l.product_id, quantity: Quantity(thousandths: NSDecimalNumber(decimal: l.quantity * 1000).int64Value), unitPrice: l.unit_price)
        }
        let draft = OrderStore.Draft(customerId: input.customer_id, lines: lines)
        let actor = EventActor(keyId: key.id, name: key.name)
        let (status, body) = try await database.writeAlone { db -> (Int, [UInt8]) in
            let now = Int64(Date().timeIntervalSince1970)
            if let idempotencyKey, let stored = try IdempotencyStore.find(db, apiKeyId: key.id, key: idempotencyKey, now: now) {
                return (stored.status, stored.body)
            }
            var order = try OrderStore.create(db, draft, serverCurrency: "USD")
            func encoded(_ o: Order) throws -> [UInt8] {
                [UInt8](try encoder.encode(OrderBody(o, try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: o.customerId)))))
            }
            try EventStore.record(db, type: "order.created", actor: actor, resourceType: "order", resourceId: order.id, data: try encoded(order))
            if input.confirm == true {
                order = try OrderStore.confirm(db, id: order.id, expectedVersion: nil, overrideCreditLimit: false)
                try EventStore.record(db, type: "order.confirmed", actor: actor, resourceType: "order", resourceId: order.id, data: try encoded(order))
            }
            let body = try encoded(order)
            if let idempotencyKey {
                try IdempotencyStore.save(db, apiKeyId: key.id, key: idempotencyKey,
                                          stored: .init(fingerprint: fingerprint, status: 201, headers: [("Content-Type", "application/json")], body: body), now: now)
            }
            return (201, body)
        }
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
    router.get("v1/reports/sales") { request, context -> ReportBody in
        _ = try await authenticated(request)
        let q = request.uri.queryParameters
        guard let from = q.get("from"), let to = q.get("to"),
              let grouping = Reports.SalesGrouping(rawValue: q.get("group_by") ?? "day") else { throw HTTPError(.badRequest) }
        let period = ReportPeriod(from: from, to: to, currency: "USD")
        let table = try await database.read { db in try Reports.sales(db, period, groupBy: grouping) }
        return ReportBody(report: "sales", from: from, to: to, currency: "USD", group_by: grouping.rawValue,
                          rows: table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.columns, row.map(ReportBody.Value.init))) },
                          totals: Dictionary(uniqueKeysWithValues: table.totals.map { ($0.0, ReportBody.Value($0.1)) }))
    }
}

// peer-hummingbird --micro DB_PATH: encode/decode microbenchmarks, µs per operation, of an order
// as our routes do it (OrderCodec) and as Codable does it here. Order 1 of DB_PATH is the sample.
if arguments.count == 3 && arguments[1] == "--micro" {
    let database = try SalesDatabase(path: arguments[2], durability: .normal)
    let (order, balance) = try await database.read { db in
        let o = try OrderStore.get(db, id: 1)
        return (o, try CustomerStore.balance(db, customer: try CustomerStore.get(db, id: o.customerId)))
    }
    let body = Array(#"{"customer_id":1,"confirm":true,"lines":[{"product_id":1,"quantity":1},{"product_id":2,"quantity":2},{"product_id":3,"quantity":1.5}]}"#.utf8)
    func measure(_ name: String, _ operation: () throws -> Int) rethrows {
        var sink = 0
        for _ in 0..<2_000 { sink &+= try operation() }   // warm-up
        var best = Double.infinity
        for _ in 0..<5 {
            let n = 20_000
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n { sink &+= try operation() }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1000 / Double(n))
        }
        print("\(name): \(String(format: "%.2f", best)) µs/op (\(sink % 2))")
    }
    let encoder = JSONEncoder(), decoder = JSONDecoder()
    try measure("encode order, ours (JSONWriter)") { OrderCodec.encode(order, balance: balance).count }
    try measure("encode order, Codable (JSONEncoder)") { try encoder.encode(OrderBody(order, balance)).count }
    try measure("decode POST /v1/orders, ours (JSONParser + BodyReader)") { try OrderCodec.decodeCreate(body).lines.count }
    try measure("decode POST /v1/orders, Codable (JSONDecoder)") {
        let input = try decoder.decode(OrderInputBody.self, from: Data(body))
        return input.lines.map { LineInput(productId: $0.product_id, quantity: Quantity(thousandths: NSDecimalNumber(decimal: $0.quantity * 1000).int64Value),
                                           unitPrice: $0.unit_price) }.count
    }
    exit(0)
}

var logger = Logger(label: "peer")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
print("ready on \(port)")
try await app.runService()
