/// Shipments and returns (docs/api.md §3 "Shipments"): the values the rules and the API share.
public enum ShipmentState: String, Sendable, CaseIterable { case shipped, delivered, canceled }

public struct ShipmentLine: Sendable, Equatable {
    public var id: Int64
    public var orderLineId: Int64
    public var productId: Int64
    public var quantity: Quantity
    /// The part of `quantity` that came out of the order line's reservation (the rest was unreserved stock).
    public var fromReserved: Quantity
    public var returned: Quantity

    public init(id: Int64, orderLineId: Int64, productId: Int64, quantity: Quantity, fromReserved: Quantity, returned: Quantity) {
        self.id = id
        self.orderLineId = orderLineId
        self.productId = productId
        self.quantity = quantity
        self.fromReserved = fromReserved
        self.returned = returned
    }

    /// What may still be returned: shipped and not yet returned.
    public var returnable: Quantity { Quantity(thousandths: quantity.thousandths - returned.thousandths) }
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

    public init(id: Int64, number: String, orderId: Int64, customerId: Int64, status: ShipmentState, carrier: String?,
                trackingNumber: String?, lines: [ShipmentLine], metadata: Metadata, version: Int64, deliveredAt: String?,
                canceledAt: String?, createdAt: String, updatedAt: String) {
        self.id = id
        self.number = number
        self.orderId = orderId
        self.customerId = customerId
        self.status = status
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.lines = lines
        self.metadata = metadata
        self.version = version
        self.deliveredAt = deliveredAt
        self.canceledAt = canceledAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
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

    public init(id: Int64, number: String, shipmentId: Int64, orderId: Int64, restock: Bool, reason: String?,
                lines: [(shipmentLineId: Int64, quantity: Quantity)], createdAt: String) {
        self.id = id
        self.number = number
        self.shipmentId = shipmentId
        self.orderId = orderId
        self.restock = restock
        self.reason = reason
        self.lines = lines
        self.createdAt = createdAt
    }

    public static func == (a: ReturnRecord, b: ReturnRecord) -> Bool { a.id == b.id }
}

/// A credit note against an invoice (docs/api.md §3 "Credit notes").
public struct CreditNote: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var invoiceId: Int64
    public var orderId: Int64
    public var customerId: Int64
    public var currency: String
    public var reason: String
    public var lines: [(invoiceLineId: Int64, quantity: Quantity, amounts: LineAmounts)]
    public var totals: LineAmounts
    public var createdAt: String

    public init(id: Int64, number: String, invoiceId: Int64, orderId: Int64, customerId: Int64, currency: String, reason: String,
                lines: [(invoiceLineId: Int64, quantity: Quantity, amounts: LineAmounts)], totals: LineAmounts, createdAt: String) {
        self.id = id
        self.number = number
        self.invoiceId = invoiceId
        self.orderId = orderId
        self.customerId = customerId
        self.currency = currency
        self.reason = reason
        self.lines = lines
        self.totals = totals
        self.createdAt = createdAt
    }

    public static func == (a: CreditNote, b: CreditNote) -> Bool { a.id == b.id }
}
