import SalesCore
import SalesJSON
import SalesStore

/// The exact order encoder and request decoder of the /v1/orders routes, public for the
/// microbenchmarks of `make bench` (peer-hummingbird --micro compares them with Codable).
public enum OrderCodec {
    /// An order as GET /v1/orders/{id} answers it.
    public static func encode(_ order: Order, balance: CustomerBalance) -> [UInt8] {
        var w = JSONWriter()
        OrderJSON.write(order, balance: balance, to: &w)
        return w.takeBytes()
    }

    /// A POST /v1/orders body, parsed and validated as the route does.
    public static func decodeCreate(_ body: [UInt8]) throws -> OrderStore.Draft {
        guard case .object(let object) = try JSONParser.parse(body) else { throw APIError.badRequest("not an object") }
        return try OrderRoutes.readCreate(object).draft
    }
}
