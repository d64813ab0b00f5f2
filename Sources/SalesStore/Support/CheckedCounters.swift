import SalesCore

/// Quantities that must stay within a bound (docs/api.md §4 invariants 1 and 2: never more invoiced,
/// shipped, credited or returned than there is) move with one conditional UPDATE whose WHERE
/// states the bound. The decision in SalesCore already checked the request against the row read
/// in this transaction; the condition makes the rule hold even when another writer changed the row
/// since (several writers on PostgreSQL), answering 409 quantity_exceeded instead of overshooting.
enum CheckedCounter {
    /// Runs `sql` (an `UPDATE … WHERE id = ? AND <the new value within its bound>`); when no row
    /// changed, throws quantity_exceeded for `field`, with what `remaining()` reads now.
    static func move(_ db: SQLTransaction, _ sql: String, _ arguments: SQLArguments, field: String, lineId: Int64, requested: Quantity,
                     remaining: () throws -> Quantity) throws {
        try db.execute(sql, arguments)
        guard db.changedRows == 1 else {
            throw SalesError.quantityExceeded([QuantityExcess(field: field, lineId: lineId, requested: requested, remaining: try remaining())])
        }
    }
}
