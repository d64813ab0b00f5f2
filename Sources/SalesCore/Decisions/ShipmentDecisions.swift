/// One line of a new shipment: `quantity` of `line`, of which `fromReserved` comes out of its reservation.
public struct ShipmentPick: Sendable, Equatable {
    public var line: DocumentLine
    public var quantity: Quantity
    public var fromReserved: Quantity

    public init(line: DocumentLine, quantity: Quantity, fromReserved: Quantity) {
        self.line = line
        self.quantity = quantity
        self.fromReserved = fromReserved
    }

    /// The part that takes unreserved stock (and lowers the line's backorder).
    public var fromUnreserved: Quantity { Quantity(thousandths: quantity.thousandths - fromReserved.thousandths) }
}

/// The shipment rules of docs/api.md §3 "Shipments — only from a confirmed order".
public enum ShipmentDecisions {
    /// What to ship. Explicit lines are checked against what remains (409 quantity_exceeded; a
    /// service line is 422 not_stockable) and against the stock that can serve them, the line's
    /// reservation plus unreserved stock (409 insufficient_stock). Without lines, each stockable
    /// line ships min(remaining, reservation + unreserved stock); nothing remaining → 409
    /// nothing_to_ship; nothing in stock → 409 insufficient_stock. Lines of one product share its
    /// unreserved stock in line order. `stock` holds every stockable product of the order.
    public static func picks(_ order: Order, requests: [LineRequest]?, stock: [Int64: StockLevel]) throws -> [ShipmentPick] {
        guard order.storedStatus == .confirmed else {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue); only a confirmed order can ship")
        }
        var unreservedLeft: [Int64: Int64] = [:]
        func unreserved(_ productId: Int64) throws -> Int64 {
            if let left = unreservedLeft[productId] { return left }
            guard let level = stock[productId] else { throw SalesError.notFound(resource: "product", id: String(productId)) }
            return level.unreserved
        }
        var picks: [ShipmentPick] = []
        var shortages: [StockShortage] = []
        if let requests {
            let matched = try LineRequests.match(requests, in: order.lines, idKey: "order_line_id", owner: "order \(order.number)",
                                                 id: \.id, remaining: \.quantityToShip,
                                                 refuse: { $0.stockable ? nil : ("not_stockable", "line \($0.id) is a service and is not shipped") })
            for (index, line, quantity) in matched {
                let fromReserved = min(quantity.thousandths, line.reserved.thousandths)
                let unreservedNow = try unreserved(line.productId)
                let available = line.reserved.thousandths + unreservedNow
                guard quantity.thousandths <= available else {
                    shortages.append(StockShortage(productId: line.productId, requested: quantity,
                                                   available: Quantity(thousandths: available), field: "lines[\(index)].quantity"))
                    continue
                }
                unreservedLeft[line.productId] = unreservedNow - (quantity.thousandths - fromReserved)
                picks.append(ShipmentPick(line: line, quantity: quantity, fromReserved: Quantity(thousandths: fromReserved)))
            }
            if !shortages.isEmpty { throw SalesError.insufficientStock(shortages) }
            return picks
        }
        let remaining = order.lines.enumerated().filter { $0.element.stockable && $0.element.quantityToShip.thousandths > 0 }
        guard !remaining.isEmpty else { throw SalesError.nothingTo("ship", detail: "order \(order.number) has nothing left to ship") }
        for (index, line) in remaining {
            let toShip = line.quantityToShip.thousandths
            let fromReserved = min(toShip, line.reserved.thousandths)
            let unreservedNow = try unreserved(line.productId)
            let fromFree = min(toShip - fromReserved, unreservedNow)
            unreservedLeft[line.productId] = unreservedNow - fromFree
            if fromReserved + fromFree > 0 {
                picks.append(ShipmentPick(line: line, quantity: Quantity(thousandths: fromReserved + fromFree),
                                          fromReserved: Quantity(thousandths: fromReserved)))
            } else {
                shortages.append(StockShortage(productId: line.productId, requested: line.quantityToShip,
                                               available: Quantity(thousandths: 0), field: "lines[\(index)].quantity"))
            }
        }
        if picks.isEmpty { throw SalesError.insufficientStock(shortages) }
        return picks
    }

    /// shipped → delivered.
    public static func deliver(_ shipment: Shipment) throws {
        guard shipment.status == .shipped else {
            throw SalesError.invalidState("shipment \(shipment.number) is \(shipment.status.rawValue); only a shipped one can be delivered")
        }
    }

    /// Only while shipped and before any return: stock and reservation are restored.
    public static func cancel(_ shipment: Shipment) throws {
        guard shipment.status == .shipped else {
            throw SalesError.invalidState("shipment \(shipment.number) is \(shipment.status.rawValue); only a shipped one can be canceled")
        }
        guard shipment.lines.allSatisfy({ $0.returned.thousandths == 0 }) else {
            throw SalesError.invalidState("shipment \(shipment.number) has returns; it cannot be canceled")
        }
    }

    /// A return takes at most what was shipped and not yet returned, from a shipment that is not canceled.
    public static func returnPicks(_ shipment: Shipment, requests: [LineRequest]) throws -> [(line: ShipmentLine, quantity: Quantity)] {
        guard shipment.status != .canceled else {
            throw SalesError.invalidState("shipment \(shipment.number) is canceled; nothing can be returned from it")
        }
        return try LineRequests.match(requests, in: shipment.lines, idKey: "shipment_line_id", owner: "shipment \(shipment.number)",
                                      id: \.id, remaining: \.returnable).map { ($0.line, $0.quantity) }
    }
}
