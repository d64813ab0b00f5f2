/// `{<line id>, quantity}` from a request: an order line (invoices, shipments), an invoice line
/// (credit notes) or a shipment line (returns).
public struct LineRequest: Sendable {
    public var lineId: Int64
    public var quantity: Quantity

    public init(lineId: Int64, quantity: Quantity) {
        self.lineId = lineId
        self.quantity = quantity
    }
}

/// Matches requested lines to a document's lines, the same way for every document that takes
/// quantities from another: an unknown or repeated line id is 422 (`lines[i].<idKey>`), a
/// quantity over what remains is 409 quantity_exceeded naming the line, requested and remaining
/// (docs/api.md §1), and `refuse` may reject a line outright (a service line cannot ship).
public enum LineRequests {
    public static func match<Line>(_ requests: [LineRequest], in lines: [Line], idKey: String, owner: String,
                            id: (Line) -> Int64, remaining: (Line) -> Quantity,
                            refuse: (Line) -> (code: String, message: String)? = { _ in nil }) throws -> [(index: Int, line: Line, quantity: Quantity)] {
        var errors: [FieldError] = []
        var excesses: [QuantityExcess] = []
        var matched: [(index: Int, line: Line, quantity: Quantity)] = []
        var seen = Set<Int64>()
        for (index, request) in requests.enumerated() {
            guard let line = lines.first(where: { id($0) == request.lineId }) else {
                errors.append(FieldError(field: "lines[\(index)].\(idKey)", code: "not_found", message: "\(owner) has no line \(request.lineId)"))
                continue
            }
            guard seen.insert(request.lineId).inserted else {
                errors.append(FieldError(field: "lines[\(index)].\(idKey)", code: "duplicate", message: "line \(request.lineId) appears twice"))
                continue
            }
            if let refusal = refuse(line) {
                errors.append(FieldError(field: "lines[\(index)].\(idKey)", code: refusal.code, message: refusal.message))
                continue
            }
            let left = remaining(line)
            if request.quantity > left {
                excesses.append(QuantityExcess(field: "lines[\(index)].quantity", lineId: request.lineId, requested: request.quantity, remaining: left))
                continue
            }
            matched.append((index, line, request.quantity))
        }
        if !errors.isEmpty { throw SalesError.validation(errors) }
        if !excesses.isEmpty { throw SalesError.quantityExceeded(excesses) }
        return matched
    }
}
