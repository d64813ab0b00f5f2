import SalesCore
import SalesStore

/// The writes of shipments and returns (docs/api.md §3 "Shipments"), each inside the request's
/// write transaction with its events, including order.completed.
enum ShipmentService {
    /// POST /v1/orders/{id}/shipments: shipment.created, and order.completed when it completes the order.
    static func create(_ db: SQLTransaction, _ actor: Actor, orderId: Int64, requests: [LineRequest]?, carrier: String?, trackingNumber: String?) throws -> APIResponse {
        let before = try OrderStore.status(db, id: orderId)
        let shipment = try ShipmentStore.create(db, orderId: orderId, requests: requests, carrier: carrier, trackingNumber: trackingNumber)
        let answer = ShipmentJSON.response(shipment, status: 201)
        try EventLog.record(db, actor, "shipment.created", "shipment", shipment.id, answer)
        try EventLog.orderCompleted(db, actor, orderId: orderId, before: before)
        return answer
    }

    /// shipped → delivered, or shipped → canceled (docs/api.md §3 "Shipments").
    static func transition(_ db: SQLTransaction, _ actor: Actor, id: Int64, deliver: Bool, expectedVersion: Int64?) throws -> APIResponse {
        let answer = ShipmentJSON.response(deliver ? try ShipmentStore.deliver(db, id: id, expectedVersion: expectedVersion)
                                      : try ShipmentStore.cancel(db, id: id, expectedVersion: expectedVersion))
        try EventLog.record(db, actor, deliver ? "shipment.delivered" : "shipment.canceled", "shipment", id, answer)
        return answer
    }

    /// POST /v1/shipments/{id}/returns: return.created.
    static func createReturn(_ db: SQLTransaction, _ actor: Actor, shipmentId: Int64, requests: [LineRequest], restock: Bool, reason: String?) throws -> APIResponse {
        let record = try ShipmentStore.createReturn(db, shipmentId: shipmentId, requests: requests, restock: restock, reason: reason)
        let answer = ShipmentJSON.returnResponse(record)
        try EventLog.record(db, actor, "return.created", "return", record.id, answer)
        return answer
    }
}
