import Testing
import SalesCore

/// docs/api.md §1 "quantities": JSON numbers with at most 3 decimal places, kept exactly.
@Suite struct QuantityParsing {
    @Test(arguments: [("2", 2000), ("2.5", 2500), ("0.125", 125), ("2.500", 2500), ("1e2", 100_000),
                      ("1.5E1", 15_000), ("12.25e-1", 1225), ("0", 0), ("-3.5", -3500), ("0.1000", 100)])
    func exactValues(_ text: String, _ thousandths: Int64) {
        #expect(Quantity(decimalText: text)?.thousandths == thousandths)
    }

    @Test(arguments: ["0.0001", "1.2345", "1e-4", "abc", "", "1.", ".5", "1..2", "--1", "1e", "99999999999999999999"])
    func rejected(_ text: String) {
        #expect(Quantity(decimalText: text) == nil)
    }

    @Test(arguments: [(Int64(2000), "2"), (2500, "2.5"), (125, "0.125"), (1, "0.001"), (-3500, "-3.5"), (10, "0.01")])
    func formatting(_ thousandths: Int64, _ text: String) {
        #expect(Quantity(thousandths: thousandths).decimalText == text)
    }

    @Test func roundTripsEveryThousandthUpToTen() {
        let failures = (Int64(0)...10_000).filter { Quantity(decimalText: Quantity(thousandths: $0).decimalText)?.thousandths != $0 }
        #expect(failures.isEmpty)
    }

    @Test func percentagesUseTheSameExactPath() {
        // Tax percent: at most 4 decimals (docs/api.md §1 "percentages").
        #expect(ExactDecimal.parse("8.875", scale: 4) == 88_750)
        #expect(ExactDecimal.parse("8.87501", scale: 4) == nil)
    }
}
