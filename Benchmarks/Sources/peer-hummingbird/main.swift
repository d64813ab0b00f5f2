// The peer: Hummingbird 2 written the idiomatic way (Codable, JSONDecoder/JSONEncoder, async
// GRDB), over the same SalesStore/SalesCore code as our server, so a comparison measures the
// HTTP layer and request handling rather than different storage code.
//
//   peer-hummingbird PORT                 GET /hello only
//   peer-hummingbird PORT DB_PATH KEY     also GET /v1/customers/{id}, POST /v1/customers
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

var logger = Logger(label: "peer")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
print("ready on \(port)")
try await app.runService()
