/// Exact money arithmetic for document lines (docs/api.md §3 "Lines and totals").
///
/// Every intermediate value is an exact rational over 128-bit integers; the only rounding in the
/// money path is `roundHalfAwayFromZero`, applied where docs/api.md says R(…).
public enum Money {
    /// The largest amount the API takes or computes for one document or line, in minor units
    /// (10^15): sums over many documents stay far inside Int64.
    public static let maxAmount: Int64 = 1_000_000_000_000_000

    /// The bound of every running total the server keeps or reports (docs/api.md §1 "money"): a
    /// customer's receivable, credit balance, net balance and open orders, and each sum a report or
    /// the journal answers (10^18 minor units, a thousand times the largest document, still far
    /// inside Int64). A write that would take a total past it is refused with 409 `limit_exceeded`.
    public static let maxTotal: Int64 = 1_000_000_000_000_000_000

    /// `a + b` when it stays within ±`bound`; nil otherwise (never traps).
    public static func add(_ a: Int64, _ b: Int64, bound: Int64 = maxTotal) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return !overflow && sum >= -bound && sum <= bound ? sum : nil
    }

    /// The sum of `values` when every partial sum stays within ±`bound`; nil otherwise.
    public static func sum<S: Sequence>(_ values: S, bound: Int64 = maxTotal) -> Int64? where S.Element == Int64 {
        var total: Int64 = 0
        for value in values {
            guard let next = add(total, value, bound: bound) else { return nil }
            total = next
        }
        return total
    }

    /// R: divides exactly and rounds half away from zero to a whole minor unit.
    public static func roundHalfAwayFromZero(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        precondition(denominator > 0)
        let magnitude = numerator.magnitude
        let d = UInt128(denominator)
        var q = magnitude / d
        if (magnitude % d) * 2 >= d { q += 1 }
        let value = Int128(q)
        return Int64(numerator < 0 ? -value : value)
    }
}

/// The pricing of one line: what docs/api.md's formula takes as input.
public struct LinePricing: Sendable, Equatable {
    public var quantity: Quantity
    /// Minor units per unit.
    public var unitPrice: Int64
    /// Discount percent scaled by 10^2 (12.5% = 1250), 0...10000.
    public var discountE2: Int64
    /// Tax percent scaled by 10^4 (8.875% = 88750), 0...1000000.
    public var taxPercentE4: Int64
    public var taxInclusive: Bool

    public init(quantity: Quantity, unitPrice: Int64, discountE2: Int64 = 0, taxPercentE4: Int64 = 0, taxInclusive: Bool = false) {
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discountE2 = discountE2
        self.taxPercentE4 = taxPercentE4
        self.taxInclusive = taxInclusive
    }
}

/// subtotal + tax = total, all in minor units.
public struct LineAmounts: Sendable, Equatable {
    public var subtotal: Int64
    public var tax: Int64
    public var total: Int64

    public init(subtotal: Int64, tax: Int64, total: Int64) {
        self.subtotal = subtotal
        self.tax = tax
        self.total = total
    }

    public static let zero = LineAmounts(subtotal: 0, tax: 0, total: 0)

    /// `compute`, or nil when the line's total would exceed `Money.maxAmount` (checked in 128 bits
    /// before anything is narrowed: 10^9 units at 10^15 is 10^24).
    public static func checkedCompute(_ p: LinePricing) -> LineAmounts? {
        let base = (Int128(p.quantity.thousandths) * Int128(p.unitPrice) * Int128(10_000 - p.discountE2)).magnitude / 10_000_000
        guard base <= UInt128(Money.maxAmount) else { return nil }
        let amounts = compute(p)   // tax ≤ 100%: total ≤ 2 × 10^15, inside Int64
        return amounts.total.magnitude <= UInt64(Money.maxAmount) ? amounts : nil
    }

    public static func + (a: LineAmounts, b: LineAmounts) -> LineAmounts {
        LineAmounts(subtotal: a.subtotal + b.subtotal, tax: a.tax + b.tax, total: a.total + b.total)
    }

    public static func - (a: LineAmounts, b: LineAmounts) -> LineAmounts {
        LineAmounts(subtotal: a.subtotal - b.subtotal, tax: a.tax - b.tax, total: a.total - b.total)
    }

    /// docs/api.md §3: with base = quantity × unit_price × (1 − discount/100), exactly:
    /// - no tax or exclusive tax: subtotal = R(base), tax = R(subtotal × percent/100), total = subtotal + tax;
    /// - inclusive tax: total = R(base), tax = R(total × percent/(100 + percent)), subtotal = total − tax.
    public static func compute(_ p: LinePricing) -> LineAmounts {
        // base = q/1000 × price × (10000 − d)/10000
        let baseNumerator = Int128(p.quantity.thousandths) * Int128(p.unitPrice) * Int128(10_000 - p.discountE2)
        let baseDenominator = Int128(1000) * Int128(10_000)
        let rounded = Money.roundHalfAwayFromZero(baseNumerator, baseDenominator)
        let percent = Int128(p.taxPercentE4)
        if p.taxInclusive {
            // percent/(100 + percent) with percent = e4/10^4  →  e4 / (10^6 + e4)
            let tax = percent == 0 ? 0 : Money.roundHalfAwayFromZero(Int128(rounded) * percent, 1_000_000 + percent)
            return LineAmounts(subtotal: rounded - tax, tax: tax, total: rounded)
        }
        // percent/100 with percent = e4/10^4  →  e4 / 10^6
        let tax = Money.roundHalfAwayFromZero(Int128(rounded) * percent, 1_000_000)
        return LineAmounts(subtotal: rounded, tax: tax, total: rounded + tax)
    }

    /// The amounts of `quantity` out of a line (invoices, credit notes). The portion that takes
    /// the line's remaining quantity takes its remaining amounts, so the portions of a line add
    /// up to the line exactly, to the minor unit (docs/api.md §3, "No rounding drift").
    /// `remainingAmounts` is evaluated only in that case: it sums earlier portions.
    public static func portion(of pricing: LinePricing, quantity: Quantity, remainingQuantity: Quantity,
                               remainingAmounts: @autoclosure () throws -> LineAmounts) rethrows -> LineAmounts {
        if quantity == remainingQuantity { return try remainingAmounts() }
        var part = pricing
        part.quantity = quantity
        return compute(part)
    }
}
