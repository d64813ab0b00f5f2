import SalesCore

/// Sums for the reports and the journal export, each within Money.maxTotal (docs/api.md §1
/// "money"): a Swift `+` that overflowed would trap and end the process, and SQLite's SUM() over
/// integers fails with "integer overflow". Both become one refusal, 409 limit_exceeded, naming
/// the bound.
public enum CheckedSums {
    public static var exceeded: SalesError {
        .limitExceeded(field: "from", detail: "the sums of this period pass \(Money.maxTotal) minor units, the bound of every total; "
                       + "ask for a shorter period")
    }

    /// `total += value`, or the refusal.
    public static func add(_ total: inout Int64, _ value: Int64) throws {
        guard let sum = Money.add(total, value) else { throw exceeded }
        total = sum
    }

    /// Runs a report's queries; SQLite's integer overflow in SUM() becomes the refusal.
    public static func guarding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch where StorageFailure.isIntegerOverflow(error) {
            throw exceeded
        }
    }
}
