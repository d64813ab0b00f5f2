/// A product's stock as read inside the write transaction that will change it.
public struct StockLevel: Sendable, Equatable {
    public var onHand: Quantity
    public var reserved: Quantity

    public init(onHand: Quantity, reserved: Quantity) {
        self.onHand = onHand
        self.reserved = reserved
    }

    /// What no order has reserved yet, never below zero (an adjustment may take on_hand under reserved).
    public var unreserved: Int64 { max(0, onHand.thousandths - reserved.thousandths) }
}

/// What confirming reserves for one stockable line: `reserve` now, and `backorder` to wait for stock.
public struct LineReservation: Sendable, Equatable {
    public var lineId: Int64
    public var productId: Int64
    public var reserve: Quantity
    public var backorder: Quantity

    public init(lineId: Int64, productId: Int64, reserve: Quantity, backorder: Quantity) {
        self.lineId = lineId
        self.productId = productId
        self.reserve = reserve
        self.backorder = backorder
    }
}

/// The order rules of docs/api.md §3 "Sales orders", as decisions over values read in the write
/// transaction: the store loads, asks, and applies the answer.
public enum OrderDecisions {
    /// confirm: only a draft with at least one line, for an active customer, within the credit
    /// limit (net_balance + open orders + this order ≤ credit_limit, unless an admin overrides);
    /// each stockable line reserves its quantity, or with allow_backorder what is available and
    /// the rest backordered; otherwise 409 insufficient_stock naming every short line. Lines of
    /// the same product see each other's reservations.
    public static func confirm(_ order: Order, customer: Customer, balance: CustomerBalance, overrideCreditLimit: Bool,
                               stock: [Int64: StockLevel]) throws -> [LineReservation] {
        guard order.storedStatus == .draft else {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue); only a draft can be confirmed")
        }
        guard !order.lines.isEmpty else { throw SalesError.invalid("lines", "required", "an order needs at least one line to be confirmed") }
        guard customer.active else {
            throw SalesError.invalidState("customer \(customer.id) is archived (active: false); reactivate it to confirm orders")
        }
        if let limit = customer.creditLimit, !overrideCreditLimit {
            // Each term is within ±Money.maxTotal (docs/api.md §1), so three of them fit in Int64.
            let exposure = balance.netBalance + balance.openOrdersAmount + order.totals.total
            if exposure > limit {
                throw SalesError.creditLimitExceeded(limit: limit, exposure: exposure, currency: customer.currency)
            }
        }
        var shortages: [StockShortage] = []
        var reservations: [LineReservation] = []
        var reservedHere: [Int64: Int64] = [:]
        for (index, line) in order.lines.enumerated() where line.stockable {
            guard let level = stock[line.productId] else { throw SalesError.notFound(resource: "product", id: String(line.productId)) }
            let available = max(0, level.unreserved - reservedHere[line.productId, default: 0])
            let wanted = line.quantity.thousandths
            if wanted <= available {
                reservations.append(LineReservation(lineId: line.id, productId: line.productId, reserve: line.quantity, backorder: Quantity(thousandths: 0)))
                reservedHere[line.productId, default: 0] += wanted   // bounded: ≤ 500 lines of 10^12 thousandths
            } else if order.allowBackorder {
                reservations.append(LineReservation(lineId: line.id, productId: line.productId, reserve: Quantity(thousandths: available),
                                                    backorder: Quantity(thousandths: wanted - available)))
                reservedHere[line.productId, default: 0] += available   // bounded: ≤ 500 lines of 10^12 thousandths
            } else {
                shortages.append(StockShortage(productId: line.productId, requested: line.quantity,
                                               available: Quantity(thousandths: available), field: "lines[\(index)].quantity"))
            }
        }
        if !shortages.isEmpty { throw SalesError.insufficientStock(shortages) }
        return reservations
    }

    /// cancel: a draft, or a confirmed order while nothing is shipped and no invoice is open or
    /// paid. Returns the reservations to release (line, product, quantity).
    public static func cancel(_ order: Order, hasOpenOrPaidInvoices: Bool) throws -> [LineReservation] {
        guard order.storedStatus == .draft || order.storedStatus == .confirmed else {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue) and cannot be canceled")
        }
        if order.lines.contains(where: { $0.shipped.thousandths > 0 }) {
            throw SalesError.invalidState("order \(order.number) has shipped goods; cancel or return the shipments first")
        }
        if hasOpenOrPaidInvoices {
            throw SalesError.invalidState("order \(order.number) has open or paid invoices; void them first")
        }
        return order.lines.filter { $0.reserved.thousandths > 0 }.map {
            LineReservation(lineId: $0.id, productId: $0.productId, reserve: $0.reserved, backorder: $0.backordered)
        }
    }

    /// PATCH (docs/api.md §3): everything while draft; a canceled order never changes; once
    /// confirmed, lines, external_ref, allow_backorder and auto_invoice are locked.
    public static func update(_ order: Order, touchesDraftOnlyFields: Bool) throws {
        if order.storedStatus == .canceled { throw SalesError.invalidState("order \(order.number) is canceled and cannot change") }
        if touchesDraftOnlyFields && order.storedStatus != .draft {
            throw SalesError.invalidState("order \(order.number) is \(order.status.rawValue): lines, external_ref, allow_backorder and auto_invoice are locked once confirmed")
        }
    }
}
