/// A field that failed validation: `field` is a path like "lines[0].quantity".
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// Domain failures. The API layer maps each case to one problem+json status and code
/// (docs/api.md §1 "Errors") in a single place.
public enum SalesError: Error, Sendable, Equatable {
    /// 404 not_found: no such resource.
    case notFound(resource: String, id: String)
    /// 422 validation_failed: field-level errors.
    case validation([FieldError])
    /// 409 invalid_state: the action is not allowed in the current status.
    case invalidState(String)
    /// 409 duplicate: a unique value already exists; `existingId` names the holder.
    case duplicate(field: String, existingId: Int64?, detail: String)
    /// 409 in_use: deleting something documents still reference.
    case inUse(String)
    /// 412 version_conflict: If-Match no longer matches.
    case versionConflict(current: Int64)
    /// 409 insufficient_stock with product, requested and available per line (thousandths).
    case insufficientStock([StockShortage])
    /// 409 quantity_exceeded with line, requested and remaining per entry.
    case quantityExceeded([QuantityExcess])
    /// 409 quantity_exceeded for money: an allocation, credit or refund over what remains.
    case amountExceeded([AmountExcess])
    /// 409 nothing_to_invoice / nothing_to_ship: no quantity remains (`what` is invoice or ship).
    case nothingTo(String, detail: String)
    /// 409 credit_limit_exceeded: net_balance + open orders + this order > credit_limit.
    case creditLimitExceeded(limit: Int64, exposure: Int64, currency: String)
    /// 409 limit_exceeded: the change would take a running total past its documented bound
    /// (Money.maxTotal, Quantity.maxStock); `field` is what the request would push over it.
    case limitExceeded(field: String, detail: String)

    public static func invalid(_ field: String, _ code: String, _ message: String) -> SalesError {
        .validation([FieldError(field: field, code: code, message: message)])
    }
}

public struct StockShortage: Sendable, Equatable {
    public var productId: Int64
    public var requested: Quantity
    public var available: Quantity
    public var field: String

    public init(productId: Int64, requested: Quantity, available: Quantity, field: String) {
        self.productId = productId
        self.requested = requested
        self.available = available
        self.field = field
    }
}

/// One line asking for more than remains (docs/api.md §1: `errors[]` gives line, requested, remaining).
public struct QuantityExcess: Sendable, Equatable {
    public var field: String
    public var lineId: Int64
    public var requested: Quantity
    public var remaining: Quantity

    public init(field: String, lineId: Int64, requested: Quantity, remaining: Quantity) {
        self.field = field
        self.lineId = lineId
        self.requested = requested
        self.remaining = remaining
    }
}
