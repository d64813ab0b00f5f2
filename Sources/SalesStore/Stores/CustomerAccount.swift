import SalesCore

/// The customer's money position and statement of account (docs/api.md §3 Customers `balance` and
/// ledger; §4 invariant 3). Every document that changes what a customer owes or holds calls
/// `post` inside its own write transaction, so the maintained `receivable` and
/// `credit_balance`, and the ledger's running `balance_after`, can never disagree with the
/// documents, whatever runs concurrently.
public enum CustomerAccount {
    /// The document a ledger entry points at.
    struct Entry {
        var kind: LedgerEntry.Kind
        var documentType: String
        var documentId: Int64
        var number: String
    }

    /// Moves receivable and credit balance by the given deltas and, with `entry`, appends the
    /// ledger line whose amount is the change in net balance (receivable − credit). Moves
    /// between the two sides that leave the net unchanged (credit applied to an invoice) have
    /// no ledger line. Callers check credit before taking it; the CHECK on credit_balance ≥ 0
    /// is the last line of defence.
    ///
    /// Each total stays within ±Money.maxTotal (docs/api.md §1 "money"): the UPDATE's condition
    /// refuses the change otherwise (409 limit_exceeded), so SQLite never turns an overflowing
    /// INTEGER into a REAL. Stored totals are within the bound and a delta is one document's
    /// amount, so the sums in the condition cannot overflow either.
    static func post(_ db: SQLTransaction, customerId: Int64, receivable: Int64, credit: Int64, entry: Entry?) throws {
        guard let row = try db.fetchRecord("""
            UPDATE customers SET receivable = receivable + ?1, credit_balance = credit_balance + ?2 WHERE id = ?3
              AND receivable + ?1 BETWEEN -?4 AND ?4 AND credit_balance + ?2 BETWEEN -?4 AND ?4
              AND (receivable + ?1) - (credit_balance + ?2) BETWEEN -?4 AND ?4
            RETURNING receivable, credit_balance
            """, [receivable, credit, customerId, Money.maxTotal]) else {
            _ = try CustomerStore.get(db, id: customerId)
            throw SalesError.limitExceeded(field: "amount", detail: "customer \(customerId)'s receivable or credit balance would pass "
                                           + "\(Money.maxTotal) minor units, the bound of every running total")
        }
        guard let entry else { return }
        let newReceivable: Int64 = row["receivable"], newCredit: Int64 = row["credit_balance"]
        try db.execute("""
            INSERT INTO customer_ledger (customer_id, type, document_type, document_id, number, amount, balance_after, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [customerId, entry.kind.rawValue, entry.documentType, entry.documentId, entry.number, receivable - credit,
                             newReceivable - newCredit, Timestamp.now()])
    }

    /// The balance object (docs/api.md §3 Customers) from the customer row's maintained figures.
    public static func balance(of customer: Customer) -> CustomerBalance {
        CustomerBalance(currency: customer.currency, receivable: customer.receivable, creditBalance: customer.creditBalance,
                        openOrdersAmount: customer.openOrdersAmount, creditLimit: customer.creditLimit)
    }

    /// GET /v1/customers/{id}/ledger: oldest first, keyset by id.
    public static func ledger(_ db: SQLTransaction, customerId: Int64, options: ListOptions) throws -> Page<LedgerEntry> {
        _ = try CustomerStore.get(db, id: customerId)
        var conditions = SQLConditions()
        conditions.add("customer_id = ?", customerId)
        return try KeysetList.fetch(db, table: "customer_ledger", options: options, conditions: conditions) { row in
            LedgerEntry(id: row["id"], at: row["created_at"], kind: LedgerEntry.Kind(rawValue: row["type"]) ?? .invoice,
                        documentType: row["document_type"], documentId: row["document_id"], number: row["number"],
                        amount: row["amount"], balanceAfter: row["balance_after"])
        }
    }
}
