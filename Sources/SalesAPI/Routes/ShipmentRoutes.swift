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
                let before = try OrderStore.status(db, id: orderId)
                let shipment = try ShipmentStore.create(db, orderId: orderId, requests: lineRequests, carrier: carrier, trackingNumber: tracking)
                let answer = ShipmentJSON.response(shipment, status: 201)
                try Events.record(db, request, "shipment.created", "shipment", shipment.id, answer)
                try Events.orderCompleted(db, request, orderId: orderId, before: before)
                return answer
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
                let answer = ShipmentJSON.response(deliver ? try ShipmentStore.deliver(db, id: id, expectedVersion: expected)
                                              : try ShipmentStore.cancel(db, id: id, expectedVersion: expected))
                try Events.record(db, request, deliver ? "shipment.delivered" : "shipment.canceled", "shipment", id, answer)
                return answer
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
                let record = try ShipmentStore.createReturn(db, shipmentId: id, requests: lineRequests, restock: restock, reason: reason)
                let answer = APIResponse.json(201) { w in
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
                try Events.record(db, request, "return.created", "return", record.id, answer)
                return answer
            }
        }
    }

}
