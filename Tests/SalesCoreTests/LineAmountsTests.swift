import Testing
import HTTPTestSupport
import SalesCore

@Suite struct Rounding {
    @Test(arguments: [(Int128(5), Int128(10), Int64(1)), (-5, 10, -1), (4, 10, 0), (-4, 10, 0), (15, 10, 2), (-15, 10, -2),
                      (25, 10, 3), (14999, 10000, 1), (15000, 10000, 2), (0, 7, 0), (7, 7, 1)])
    func halfAwayFromZero(_ n: Int128, _ d: Int128, _ expected: Int64) {
        #expect(Money.roundHalfAwayFromZero(n, d) == expected)
    }
}

@Suite struct LineFormulas {
    @Test func exclusiveTaxAndDiscount() {
        // 3 × 333 = 999; 10% tax → 99.9 → 100.
        #expect(LineAmounts.compute(LinePricing(quantity: Quantity(thousandths: 3000), unitPrice: 333, taxPercentE4: 100_000))
                == LineAmounts(subtotal: 999, tax: 100, total: 1099))
        // 2.5 × 1999 × (1 − 12.5%) = 4372.8125 → 4373; 8.875% of 4373 = 388.10… → 388.
        #expect(LineAmounts.compute(LinePricing(quantity: Quantity(thousandths: 2500), unitPrice: 1999, discountE2: 1250, taxPercentE4: 88_750))
                == LineAmounts(subtotal: 4373, tax: 388, total: 4761))
        // No tax.
        #expect(LineAmounts.compute(LinePricing(quantity: Quantity(thousandths: 125), unitPrice: 4)) == LineAmounts(subtotal: 1, tax: 0, total: 1))
    }

    @Test func inclusiveTax() {
        // total = 1000; tax = 1000 × 20/120 = 166.67 → 167; subtotal 833.
        #expect(LineAmounts.compute(LinePricing(quantity: Quantity(thousandths: 1000), unitPrice: 1000, taxPercentE4: 200_000, taxInclusive: true))
                == LineAmounts(subtotal: 833, tax: 167, total: 1000))
    }

    @Test func largeValuesDoNotOverflow() {
        let p = LinePricing(quantity: Quantity(thousandths: 1_000_000_000_000), unitPrice: 1_000_000, discountE2: 1, taxPercentE4: 999_999)
        let a = LineAmounts.compute(p)
        #expect(a.subtotal + a.tax == a.total)
        #expect(a.subtotal == 999_900_000_000_000)
    }
}

/// Property tests over random lines (issue 4 item 1).
@Suite struct LineProperties {
    func randomPricing(_ g: inout SeededGenerator) -> LinePricing {
        LinePricing(quantity: Quantity(thousandths: Int64.random(in: 1...500_000, using: &g)),
                    unitPrice: Int64.random(in: 0...2_000_000, using: &g),
                    discountE2: Bool.random(using: &g) ? 0 : Int64.random(in: 0...10_000, using: &g),
                    taxPercentE4: Bool.random(using: &g) ? 0 : Int64.random(in: 0...1_000_000, using: &g),
                    taxInclusive: Bool.random(using: &g))
    }

    @Test func subtotalPlusTaxIsTotal() {
        var g = SeededGenerator(seed: 42)
        var failures: [LinePricing] = []
        for _ in 0..<20_000 {
            let p = randomPricing(&g)
            let a = LineAmounts.compute(p)
            if a.subtotal + a.tax != a.total || a.tax < 0 || a.subtotal < 0 { failures.append(p) }
        }
        #expect(failures.isEmpty)
    }

    /// Splitting a line's quantity into any partition of invoices reproduces its amounts exactly
    /// (the remainder rule), and every part keeps subtotal + tax = total.
    @Test func anyPartitionSumsExactlyToTheLine() {
        var g = SeededGenerator(seed: 7)
        var failures = 0
        for _ in 0..<5_000 {
            let p = randomPricing(&g)
            let line = LineAmounts.compute(p)
            var remainingQuantity = p.quantity
            var remaining = line
            var sum = LineAmounts.zero
            while remainingQuantity.thousandths > 0 {
                let take = Quantity(thousandths: Int64.random(in: 1...remainingQuantity.thousandths, using: &g))
                let part = LineAmounts.portion(of: p, quantity: take, remainingQuantity: remainingQuantity, remainingAmounts: remaining)
                if part.subtotal + part.tax != part.total { failures += 1 }
                sum = sum + part
                remaining = remaining - part
                remainingQuantity = Quantity(thousandths: remainingQuantity.thousandths - take.thousandths)
            }
            if sum != line { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test func threeAt333With10PercentInvoicedOneByOneSumsExactly() {
        // The scenario: 1 + 1 + 1 of a line of 3 at 333 with 10% tax.
        let p = LinePricing(quantity: Quantity(thousandths: 3000), unitPrice: 333, taxPercentE4: 100_000)
        let line = LineAmounts.compute(p)
        var remainingQ = p.quantity
        var remaining = line
        var parts: [LineAmounts] = []
        for _ in 0..<3 {
            let part = LineAmounts.portion(of: p, quantity: Quantity(thousandths: 1000), remainingQuantity: remainingQ, remainingAmounts: remaining)
            parts.append(part)
            remaining = remaining - part
            remainingQ = Quantity(thousandths: remainingQ.thousandths - 1000)
        }
        #expect(parts == [LineAmounts(subtotal: 333, tax: 33, total: 366), LineAmounts(subtotal: 333, tax: 33, total: 366),
                          LineAmounts(subtotal: 333, tax: 34, total: 367)])
        #expect(parts.reduce(LineAmounts.zero, +) == line)
    }
}
