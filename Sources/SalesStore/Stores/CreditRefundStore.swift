import SalesCore

/// Credit paid back out to a customer (`POST /v1/customers/{id}/credit-refunds`, docs/api.md §3
/// Payments): at most the credit balance, read in the same transaction that takes it.
/// Numbered `RF-…`, gapless like every document kind.
public enum CreditRefundStore {
    static func decode(_ row: any SQLRow) -> CreditRefund {
        CreditRefund(id: row["id"], number: row["number"], customerId: row["customer_id"], amount: row["amount"], currency: row["currency"],
                     method: PaymentMethod(rawValue: row["method"]) ?? .other, reference: row["reference"],
                     metadata: JSONColumns.decodeMetadata(row["metadata"]), createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> CreditRefund {
        guard let found = try db.fetchOne("SELECT * FROM credit_refunds WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "credit_refund", id: String(id))
        }
        return found
    }

    public static func list(_ db: SQLTransaction, customerId: Int64?, options: ListOptions) throws -> Page<CreditRefund> {
        var conditions = SQLConditions()
        if let customerId { conditions.add("customer_id = ?", customerId) }
        return try KeysetList.fetch(db, table: "credit_refunds", options: options, conditions: conditions, decode: decode)
    }

    public static func create(_ db: SQLTransaction, customerId: Int64, amount: Int64, currency: String?, method: PaymentMethod, reference: String?,
                              metadata: Metadata) throws -> CreditRefund {
        let customer = try CustomerStore.get(db, id: customerId)
        if let currency, currency != customer.currency {
            throw SalesError.invalid("currency", "currency_mismatch", "customer \(customer.id) is in \(customer.currency), not \(currency)")
        }
        guard amount <= customer.creditBalance else {
            throw SalesError.amountExceeded([AmountExcess(field: "amount", invoiceId: nil, requested: amount, remaining: customer.creditBalance,
                                                          message: "the customer has \(customer.creditBalance) of credit, \(amount) was asked")])
        }
        let number = try DocumentNumbers.next(db, kind: "RF")
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO credit_refunds (number, customer_id, amount, currency, method, reference, metadata, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [number, customer.id, amount, customer.currency, method.rawValue, reference, JSONColumns.encode(metadata), now, now])
        try CustomerAccount.post(db, customerId: customer.id, receivable: 0, credit: -amount,
                                 entry: .init(kind: .credit_refund, documentType: "credit_refund", documentId: id, number: number))
        return try get(db, id: id)
    }
}
