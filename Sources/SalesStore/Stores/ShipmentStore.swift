import GRDB
import SalesCore

public enum ShipmentState: String, Sendable, CaseIterable { case shipped, delivered, canceled }

public struct ShipmentLine: Sendable, Equatable {
    public var id: Int64
    public var orderLineId: Int64
    public var productId: Int64
    public var quantity: Quantity
    public var fromReserved: Quantity
    public var returned: Quantity
}

public struct Shipment: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var orderId: Int64
    public var customerId: Int64
    public var status: ShipmentState
    public var carrier: String?
    public var trackingNumber: String?
    public var lines: [ShipmentLine]
    public var metadata: Metadata
    public var version: Int64
    public var deliveredAt: String?
    public var canceledAt: String?
    public var createdAt: String
    public var updatedAt: String
}

public struct ReturnRecord: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var shipmentId: Int64
    public var orderId: Int64
    public var restock: Bool
    public var reason: String?
    public var lines: [(shipmentLineId: Int64, quantity: Quantity)]
    public var createdAt: String

    public static func == (a: ReturnRecord, b: ReturnRecord) -> Bool { a.id == b.id }
}

/// Shipments and returns (docs/api.md §3 "Shipments"). Stock, reservations and the order line's
/// shipped quantity change together, in the caller's transaction, with a stock movement for every
/// change of on_hand (§4 invariants 1 and 4).
public enum ShipmentStore {
    static func decode(_ db: Database, _ row: Row) throws -> Shipment {
        let id: Int64 = row["id"]
        let lines = try Row.decodeAll(db.cachedStatement(sql: "SELECT * FROM shipment_lines WHERE shipment_id = ? ORDER BY position"),
                                     arguments: [id]) { r in
            ShipmentLine(id: r["id"], orderLineId: r["order_line_id"], productId: r["product_id"], quantity: Quantity(thousandths: r["quantity"]),
                         fromReserved: Quantity(thousandths: r["from_reserved"]), returned: Quantity(thousandths: r["quantity_returned"]))
        }
        return Shipment(id: id, number: row["number"], orderId: row["order_id"], customerId: row["customer_id"],
                        status: ShipmentState(rawValue: row["status"]) ?? .shipped, carrier: row["carrier"], trackingNumber: row["tracking_number"],
                        lines: lines, metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"],
                        deliveredAt: row["delivered_at"], canceledAt: row["canceled_at"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    public static func get(_ db: Database, id: Int64) throws -> Shipment {
        guard let found = try Row.decodeOne(db.cachedStatement(sql: "SELECT * FROM shipments WHERE id = ?"), arguments: [id], { try decode(db, $0) }) else {
            throw SalesError.notFound(resource: "shipment", id: String(id))
        }
        return found
    }

    public static func list(_ db: Database, orderId: Int64?, customerId: Int64?, status: ShipmentState?, options: ListOptions) throws -> Page<Shipment> {
        var conditions = SQLConditions()
        if let orderId { conditions.add("order_id = ?", orderId) }
        if let customerId { conditions.add("customer_id = ?", customerId) }
        if let status { conditions.add("status = ?", status.rawValue) }
        return try KeysetList.fetch(db, table: "shipments", options: options, conditions: conditions) { try decode(db, $0) }
    }

    /// POST /v1/orders/{id}/shipments. Explicit lines are checked against what remains and the
    /// stock that can serve them (the line's reservation plus unreserved stock); without lines,
    /// each stockable line ships min(remaining, reservation + unreserved stock).
    public static func create(_ db: Database, orderId: Int64, requests: [LineRequest]?, carrier: String?,
                              trackingNumber: String?) throws -> Shipment {
        let order = try OrderStore.get(db, id: orderId)
        guard order.storedStatus == .confirmed else {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue); only a confirmed order can ship")
        }
        // Unreserved stock per product, consumed as lines take it.
        var free: [Int64: Int64] = [:]
        func unreserved(_ productId: Int64) throws -> Int64 {
            if let v = free[productId] { return v }
            let p = try ProductStore.get(db, id: productId)
            let v = max(0, p.onHand.thousandths - p.reserved.thousandths)
            free[productId] = v
            return v
        }
        var picks: [(line: DocumentLine, quantity: Int64, fromReserved: Int64)] = []
        if let requests {
            let matched = try LineRequests.match(requests, in: order.lines, idKey: "order_line_id", owner: "order \(order.number)",
                                                 id: \.id, remaining: \.quantityToShip,
                                                 refuse: { $0.stockable ? nil : ("not_stockable", "line \($0.id) is a service and is not shipped") })
            var shortages: [StockShortage] = []
            for (index, line, quantity) in matched {
                let q = quantity.thousandths
                let fromReserved = min(q, line.reserved.thousandths)
                let available = line.reserved.thousandths + (try unreserved(line.productId))
                if q > available {
                    shortages.append(StockShortage(productId: line.productId, requested: quantity,
                                                   available: Quantity(thousandths: available), field: "lines[\(index)].quantity"))
                    continue
                }
                free[line.productId] = (try unreserved(line.productId)) - (q - fromReserved)
                picks.append((line, q, fromReserved))
            }
            if !shortages.isEmpty { throw SalesError.insufficientStock(shortages) }
        } else {
            let remaining = order.lines.filter { $0.stockable && $0.quantityToShip.thousandths > 0 }
            guard !remaining.isEmpty else {
                throw SalesError.nothingTo("ship", detail: "order \(order.number) has nothing left to ship")
            }
            var shortages: [StockShortage] = []
            for line in remaining {
                let fromReserved = min(line.quantityToShip.thousandths, line.reserved.thousandths)
                let fromFree = min(line.quantityToShip.thousandths - fromReserved, try unreserved(line.productId))
                free[line.productId] = (try unreserved(line.productId)) - fromFree
                if fromReserved + fromFree > 0 {
                    picks.append((line, fromReserved + fromFree, fromReserved))
                } else if let index = order.lines.firstIndex(where: { $0.id == line.id }) {
                    shortages.append(StockShortage(productId: line.productId, requested: line.quantityToShip,
                                                   available: Quantity(thousandths: 0), field: "lines[\(index)].quantity"))
                }
            }
            if picks.isEmpty { throw SalesError.insufficientStock(shortages) }
        }

        let number = try DocumentNumbers.next(db, kind: "SH")
        let now = Timestamp.now()
        try db.cachedStatement(sql: """
            INSERT INTO shipments (number, order_id, customer_id, status, carrier, tracking_number, version, created_at, updated_at)
            VALUES (?, ?, ?, 'shipped', ?, ?, 1, ?, ?)
            """).execute(arguments: [number, order.id, order.customerId, carrier, trackingNumber, now, now])
        let shipmentId = db.lastInsertedRowID
        for (position, pick) in picks.enumerated() {
            let fromFree = pick.quantity - pick.fromReserved
            try db.cachedStatement(sql: """
                INSERT INTO shipment_lines (shipment_id, order_line_id, position, product_id, quantity, from_reserved) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [shipmentId, pick.line.id, position, pick.line.productId, pick.quantity, pick.fromReserved])
            try db.cachedStatement(sql: """
                UPDATE order_lines SET quantity_shipped = quantity_shipped + ?, quantity_reserved = quantity_reserved - ?,
                  quantity_backordered = MAX(0, quantity_backordered - ?) WHERE id = ?
                """).execute(arguments: [pick.quantity, pick.fromReserved, fromFree, pick.line.id])
            try db.cachedStatement(sql: "UPDATE products SET reserved = reserved - ? WHERE id = ?").execute(arguments: [pick.fromReserved, pick.line.productId])
            try ProductStore.moveStock(db, productId: pick.line.productId, quantity: Quantity(thousandths: -pick.quantity), type: .shipment,
                                       reason: nil, documentType: "shipment", documentId: shipmentId)
        }
        try touchOrder(db, order.id)
        return try get(db, id: shipmentId)
    }

    /// shipped → delivered.
    public static func deliver(_ db: Database, id: Int64, expectedVersion: Int64?) throws -> Shipment {
        let shipment = try get(db, id: id)
        if let expected = expectedVersion, expected != shipment.version { throw SalesError.versionConflict(current: shipment.version) }
        guard shipment.status == .shipped else {
            throw SalesError.invalidState("shipment \(shipment.number) is \(shipment.status.rawValue); only a shipped one can be delivered")
        }
        let now = Timestamp.now()
        try db.cachedStatement(sql: "UPDATE shipments SET status = 'delivered', delivered_at = ?, version = version + 1, updated_at = ? WHERE id = ?").execute(
                       arguments: [now, now, id])
        return try get(db, id: id)
    }

    /// Only while shipped (docs/api.md §3): stock and reservation restored, quantities shippable again.
    public static func cancel(_ db: Database, id: Int64, expectedVersion: Int64?) throws -> Shipment {
        let shipment = try get(db, id: id)
        if let expected = expectedVersion, expected != shipment.version { throw SalesError.versionConflict(current: shipment.version) }
        guard shipment.status == .shipped else {
            throw SalesError.invalidState("shipment \(shipment.number) is \(shipment.status.rawValue); only a shipped one can be canceled")
        }
        guard shipment.lines.allSatisfy({ $0.returned.thousandths == 0 }) else {
            throw SalesError.invalidState("shipment \(shipment.number) has returns; it cannot be canceled")
        }
        for line in shipment.lines {
            let fromFree = line.quantity.thousandths - line.fromReserved.thousandths
            try ProductStore.moveStock(db, productId: line.productId, quantity: line.quantity, type: .shipmentCancel, reason: nil,
                                       documentType: "shipment", documentId: id)
            try db.cachedStatement(sql: "UPDATE products SET reserved = reserved + ? WHERE id = ?").execute(arguments: [line.fromReserved.thousandths, line.productId])
            try db.cachedStatement(sql: """
                UPDATE order_lines SET quantity_shipped = quantity_shipped - ?, quantity_reserved = quantity_reserved + ?,
                  quantity_backordered = quantity_backordered + ? WHERE id = ?
                """).execute(arguments: [line.quantity.thousandths, line.fromReserved.thousandths, fromFree, line.orderLineId])
        }
        let now = Timestamp.now()
        try db.cachedStatement(sql: "UPDATE shipments SET status = 'canceled', canceled_at = ?, version = version + 1, updated_at = ? WHERE id = ?").execute(
                       arguments: [now, now, id])
        try touchOrder(db, shipment.orderId)
        return try get(db, id: id)
    }

    /// POST /v1/shipments/{id}/returns: quantity shipped goes down (≤ shipped and not yet
    /// returned); stock comes back when `restock`. Money is a separate credit note.
    public static func createReturn(_ db: Database, shipmentId: Int64, requests: [LineRequest], restock: Bool,
                                    reason: String?) throws -> ReturnRecord {
        let shipment = try get(db, id: shipmentId)
        guard shipment.status != .canceled else {
            throw SalesError.invalidState("shipment \(shipment.number) is canceled; nothing can be returned from it")
        }
        let picks = try LineRequests.match(requests, in: shipment.lines, idKey: "shipment_line_id", owner: "shipment \(shipment.number)",
                                           id: \.id, remaining: { Quantity(thousandths: $0.quantity.thousandths - $0.returned.thousandths) })
            .map { ($0.line, $0.quantity.thousandths) }
        let number = try DocumentNumbers.next(db, kind: "RT")
        let now = Timestamp.now()
        try db.cachedStatement(sql: "INSERT INTO returns (number, shipment_id, order_id, restock, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)").execute(
                       arguments: [number, shipmentId, shipment.orderId, restock, reason, now])
        let returnId = db.lastInsertedRowID
        for (line, quantity) in picks {
            try db.cachedStatement(sql: "INSERT INTO return_lines (return_id, shipment_line_id, quantity) VALUES (?, ?, ?)").execute(
                           arguments: [returnId, line.id, quantity])
            try db.cachedStatement(sql: "UPDATE shipment_lines SET quantity_returned = quantity_returned + ? WHERE id = ?").execute(arguments: [quantity, line.id])
            try db.cachedStatement(sql: "UPDATE order_lines SET quantity_shipped = quantity_shipped - ? WHERE id = ?").execute(arguments: [quantity, line.orderLineId])
            if restock {
                try ProductStore.moveStock(db, productId: line.productId, quantity: Quantity(thousandths: quantity), type: .return, reason: reason,
                                           documentType: "return", documentId: returnId)
            }
        }
        try touchOrder(db, shipment.orderId)
        return ReturnRecord(id: returnId, number: number, shipmentId: shipmentId, orderId: shipment.orderId, restock: restock, reason: reason,
                            lines: picks.map { ($0.0.id, Quantity(thousandths: $0.1)) }, createdAt: now)
    }

    /// The order's derived statuses changed: bump it for sync feeds (updated_since) and ETags.
    static func touchOrder(_ db: Database, _ orderId: Int64) throws {
        try db.cachedStatement(sql: "UPDATE orders SET version = version + 1, updated_at = ? WHERE id = ?").execute(arguments: [Timestamp.now(), orderId])
    }
}
