import SalesCore

/// Unique values (a product's sku, a customer's external_ref, an order's source + external_ref) are
/// kept by unique indexes, not by a SELECT before the write: two writers that both checked first
/// could both insert, and the loser would get a 500 (docs/api.md §1 "Errors": 409 duplicate). The
/// write runs in a savepoint; when the index refuses it, the holder is looked up and named.
enum UniqueValues {
    /// Runs `write`; a unique-index refusal becomes what `duplicate` says (the holder, found after
    /// the fact), or the storage error itself when it names none.
    static func write<T>(_ db: SQLTransaction, _ write: () throws -> T, duplicate: () throws -> SalesError?) throws -> T {
        do {
            return try db.savepoint(write)
        } catch where db.isUniqueViolation(error) {
            throw try duplicate() ?? error
        }
    }
}
