import SalesCore
import SalesJSON
import SalesStore

/// Shipments and returns (docs/api.md §3); `POST /v1/shipments` does not exist (405).
enum ShipmentRoutes {
    static func create(_ app: APIContext) -> APIHandler {
        { request in
            let orderId = try request.id()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["lines", "carrier", "tracking_number"])
            var requests: [LineRequest]?
            if let value = r.object["lines"] { requests = InvoiceRoutes.readLineRequests(value, key: "order_line_id", into: &r) }
            let carrier = r.text("carrier", maxLength: 100).value
            let tracking = r.text("tracking_number", maxLength: 200).value
            try r.finish()
            let lineRequests = requests
            return try await app.write(request) { db in
                try ShipmentService.create(db, request.actor, orderId: orderId, requests: lineRequests, carrier: carrier, trackingNumber: tracking)
            }
        }
    }

    static func list(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["order_id", "customer_id", "status"], list: true)
            let orderId = try request.query.int("order_id")
            let customerId = try request.query.int("customer_id")
            let status = try request.query.oneOf("status", ShipmentState.self)
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in
                try ShipmentStore.list(db, orderId: orderId, customerId: customerId, status: status, options: options)
            }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: ShipmentJSON.write)
        }
    }

    static func get(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in ShipmentJSON.response(try ShipmentStore.get(db, id: id)) }
    }

    static func transition(_ app: APIContext, deliver: Bool) -> APIHandler {
        { request in
            let id = try request.id()
            let expected = try request.ifMatchVersion()
            try request.requireNoFields()
            return try await app.write(request) { db in
                try ShipmentService.transition(db, request.actor, id: id, deliver: deliver, expectedVersion: expected)
            }
        }
    }

    static func createReturn(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(["lines", "restock", "reason"])
            r.require("lines")
            var requests: [LineRequest] = []
            if let value = r.object["lines"] { requests = InvoiceRoutes.readLineRequests(value, key: "shipment_line_id", into: &r) ?? [] }
            let restock = r.boolean("restock").value ?? true
            let reason = r.text("reason", maxLength: 500).value
            try r.finish()
            let lineRequests = requests
            return try await app.write(request) { db in
                try ShipmentService.createReturn(db, request.actor, shipmentId: id, requests: lineRequests, restock: restock, reason: reason)
            }
        }
    }
}
