import SalesCore

/// Shipments and returns (docs/api.md §3 "Shipments"). Stock, reservations and the order line's
/// shipped quantity change together, in the caller's transaction, with a stock movement for every
/// change of on_hand (§4 invariants 1 and 4).
public enum ShipmentStore {
    static func decodeLine(_ r: any SQLRow) -> ShipmentLine {
        ShipmentLine(id: r["id"], orderLineId: r["order_line_id"], productId: r["product_id"], quantity: Quantity(thousandths: r["quantity"]),
                     fromReserved: Quantity(thousandths: r["from_reserved"]), returned: Quantity(thousandths: r["quantity_returned"]))
    }

    static func decode(_ db: SQLTransaction, _ row: any SQLRow) throws -> Shipment {
        let id: Int64 = row["id"]
        return decode(row, lines: try db.fetchAll("SELECT * FROM shipment_lines WHERE shipment_id = ? ORDER BY position", [id], decodeLine))
    }

    static func decode(_ row: any SQLRow, lines: [ShipmentLine]) -> Shipment {
        Shipment(id: row["id"], number: row["number"], orderId: row["order_id"], customerId: row["customer_id"],
                 status: ShipmentState(rawValue: row["status"]) ?? .shipped, carrier: row["carrier"], trackingNumber: row["tracking_number"],
                 lines: lines, metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"],
                 deliveredAt: row["delivered_at"], canceledAt: row["canceled_at"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    /// A page of shipments, their lines read for the whole page (PageAssembly).
    static func decode(_ db: SQLTransaction, _ rows: [SQLRecord]) throws -> [Shipment] {
        let lines = try PageAssembly.children(db, "shipment_lines", key: "shipment_id", of: PageAssembly.ids(rows), orderBy: "position", decodeLine)
        return rows.map { decode($0, lines: lines[$0["id"] as Int64] ?? []) }
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Shipment {
        guard let found = try db.fetchOne("SELECT * FROM shipments WHERE id = ?", [id], { try decode(db, $0) }) else {
            throw SalesError.notFound(resource: "shipment", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, orderId: Int64?, customerId: Int64?, status: ShipmentState?, options: ListOptions) throws -> Page<Shipment> {
        var conditions = SQLConditions()
        if let orderId { conditions.add("order_id = ?", orderId) }
        if let customerId { conditions.add("customer_id = ?", customerId) }
        if let status { conditions.add("status = ?", status.rawValue) }
        return try PageAssembly.list(db, table: "shipments", options: options, conditions: conditions,
                                     each: { try decode(db, $0) }, page: { try decode(db, $0) })
    }

    /// POST /v1/orders/{id}/shipments. Explicit lines are checked against what remains and the
    /// stock that can serve them (the line's reservation plus unreserved stock); without lines,
    /// each stockable line ships min(remaining, reservation + unreserved stock).
    public static func create(_ db: SQLTransaction, orderId: Int64, requests: [LineRequest]?, carrier: String?,
                              trackingNumber: String?) throws -> Shipment {
        let order = try OrderStore.get(db, id: orderId)
        // Only the stock of the lines this shipment may take: the requested ones, or all that remain.
        let requested = requests.map { Set($0.map(\.lineId)) }
        let candidates = order.lines.filter { requested?.contains($0.id) ?? ($0.quantityToShip.thousandths > 0) }
        let picks = try ShipmentDecisions.picks(order, requests: requests, stock: try ProductStore.stock(db, of: candidates))
        let number = try DocumentNumbers.next(db, kind: "SH")
        let now = Timestamp.now()
        let shipmentId = try db.insert("""
            INSERT INTO shipments (number, order_id, customer_id, status, carrier, tracking_number, version, created_at, updated_at)
            VALUES (?, ?, ?, 'shipped', ?, ?, 1, ?, ?)
            """, [number, order.id, order.customerId, carrier, trackingNumber, now, now])
        for (position, pick) in picks.enumerated() {
            let (line, quantity, fromReserved) = (pick.line, pick.quantity.thousandths, pick.fromReserved.thousandths)
            try db.execute("""
                INSERT INTO shipment_lines (shipment_id, order_line_id, position, product_id, quantity, from_reserved) VALUES (?, ?, ?, ?, ?, ?)
                """, [shipmentId, line.id, position, line.productId, quantity, fromReserved])
            // Never more shipped than ordered, nor more taken from the reservation than it holds (§4 invariants 1, 4).
            try CheckedCounter.move(db, """
                UPDATE order_lines SET quantity_shipped = quantity_shipped + ?1, quantity_reserved = quantity_reserved - ?2,
                  quantity_backordered = \(db.dialect.greater("0", "quantity_backordered - ?3"))
                WHERE id = ?4 AND quantity_shipped + ?1 <= quantity AND quantity_reserved >= ?2
                """, [quantity, fromReserved, pick.fromUnreserved.thousandths, line.id], field: "lines[\(position)].quantity", lineId: line.id,
                requested: pick.quantity, remaining: { try OrderStore.line(db, id: line.id).quantityToShip })
            try db.execute("UPDATE products SET reserved = reserved - ? WHERE id = ?", [fromReserved, line.productId])
            try ProductStore.moveStock(db, productId: line.productId, quantity: Quantity(thousandths: -quantity), type: .shipment,
                                       reason: nil, documentType: "shipment", documentId: shipmentId)
        }
        try touchOrder(db, order.id)
        return try get(db, id: shipmentId)
    }

    /// shipped → delivered.
    public static func deliver(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws -> Shipment {
        let shipment = try get(db, id: id)
        try Versions.require(expectedVersion, current: shipment.version)
        try ShipmentDecisions.deliver(shipment)
        let now = Timestamp.now()
        try db.execute("UPDATE shipments SET status = 'delivered', delivered_at = ?, version = version + 1, updated_at = ? WHERE id = ?", [now, now, id])
        return try get(db, id: id)
    }

    /// Only while shipped (docs/api.md §3): stock and reservation restored, quantities shippable again.
    public static func cancel(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws -> Shipment {
        let shipment = try get(db, id: id)
        try Versions.require(expectedVersion, current: shipment.version)
        try ShipmentDecisions.cancel(shipment)
        for line in shipment.lines {
            let fromFree = line.quantity.thousandths - line.fromReserved.thousandths
            try ProductStore.moveStock(db, productId: line.productId, quantity: line.quantity, type: .shipmentCancel, reason: nil,
                                       documentType: "shipment", documentId: id)
            try db.execute("UPDATE products SET reserved = reserved + ? WHERE id = ?", [line.fromReserved.thousandths, line.productId])
            try db.execute("""
                UPDATE order_lines SET quantity_shipped = quantity_shipped - ?, quantity_reserved = quantity_reserved + ?,
                  quantity_backordered = quantity_backordered + ? WHERE id = ?
                """, [line.quantity.thousandths, line.fromReserved.thousandths, fromFree, line.orderLineId])
        }
        let now = Timestamp.now()
        try db.execute("UPDATE shipments SET status = 'canceled', canceled_at = ?, version = version + 1, updated_at = ? WHERE id = ?", [now, now, id])
        try touchOrder(db, shipment.orderId)
        return try get(db, id: id)
    }

    /// POST /v1/shipments/{id}/returns: quantity shipped goes down (≤ shipped and not yet
    /// returned); stock comes back when `restock`. Money is a separate credit note.
    public static func createReturn(_ db: SQLTransaction, shipmentId: Int64, requests: [LineRequest], restock: Bool,
                                    reason: String?) throws -> ReturnRecord {
        let shipment = try get(db, id: shipmentId)
        let picks = try ShipmentDecisions.returnPicks(shipment, requests: requests)
        let number = try DocumentNumbers.next(db, kind: "RT")
        let now = Timestamp.now()
        let returnId = try db.insert("INSERT INTO returns (number, shipment_id, order_id, restock, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)", [number, shipmentId, shipment.orderId, restock, reason, now])
        for (position, (line, quantity)) in picks.enumerated() {
            try db.execute("INSERT INTO return_lines (return_id, shipment_line_id, quantity) VALUES (?, ?, ?)", [returnId, line.id, quantity.thousandths])
            // Never more returned than shipped (docs/api.md §3 Shipments, returns).
            try CheckedCounter.move(db, "UPDATE shipment_lines SET quantity_returned = quantity_returned + ?1 WHERE id = ?2 AND quantity_returned + ?1 <= quantity",
                                    [quantity.thousandths, line.id], field: "lines[\(position)].quantity", lineId: line.id, requested: quantity,
                                    remaining: { try get(db, id: shipmentId).lines.first { $0.id == line.id }?.returnable ?? Quantity(thousandths: 0) })
            try db.execute("UPDATE order_lines SET quantity_shipped = quantity_shipped - ? WHERE id = ?", [quantity.thousandths, line.orderLineId])
            if restock {
                try ProductStore.moveStock(db, productId: line.productId, quantity: quantity, type: .return, reason: reason,
                                           documentType: "return", documentId: returnId)
            }
        }
        try touchOrder(db, shipment.orderId)
        return ReturnRecord(id: returnId, number: number, shipmentId: shipmentId, orderId: shipment.orderId, restock: restock, reason: reason,
                            lines: picks.map { ($0.line.id, $0.quantity) }, createdAt: now)
    }

    /// The order's derived statuses changed: bump it for sync feeds (updated_since) and ETags.
    static func touchOrder(_ db: SQLTransaction, _ orderId: Int64) throws {
        try db.execute("UPDATE orders SET version = version + 1, updated_at = ? WHERE id = ?", [Timestamp.now(), orderId])
    }
}
