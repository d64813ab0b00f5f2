import SalesCore

/// Customers (docs/api.md §3 Customers). Every check against stored state runs inside the caller's
/// write transaction.
public enum CustomerStore {
    public struct Filter: Sendable {
        public var query: String?
        public var active: Bool?
        public var salesRepId: Int64?
        public init() {}
    }

    static func decode(_ row: any SQLRow) -> Customer {
        var customer = Customer(id: row["id"], name: row["name"], email: row["email"], phone: row["phone"],
                 billingAddress: JSONColumns.decodeAddress(row["billing_address"]),
                 shippingAddress: JSONColumns.decodeAddress(row["shipping_address"]),
                 currency: row["currency"], creditLimit: row["credit_limit"], paymentTermsDays: row["payment_terms_days"],
                 salesRepId: row["sales_rep_id"], externalRef: row["external_ref"], active: row["active"],
                 metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"],
                 createdAt: row["created_at"], updatedAt: row["updated_at"], openOrdersAmount: row["open_orders_amount"])
        customer.receivable = row["receivable"]
        customer.creditBalance = row["credit_balance"]
        return customer
    }

    public static func find(_ db: SQLTransaction, id: Int64) throws -> Customer? {
        try db.fetchOne("SELECT * FROM customers WHERE id = ?", [id], decode)
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Customer {
        guard let customer = try find(db, id: id) else { throw SalesError.notFound(resource: "customer", id: String(id)) }
        return customer
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Customer> {
        var conditions = SQLConditions()
        if let q = filter.query {
            let like = "%" + escapeLike(q) + "%"
            let columns = ["name", "email", "phone", "external_ref"]
            conditions.add("(" + columns.map(db.dialect.containsIgnoringCase).joined(separator: " OR ") + ")", like, like, like, like)
        }
        if let active = filter.active { conditions.add("active = ?", active) }
        if let rep = filter.salesRepId { conditions.add("sales_rep_id = ?", rep) }
        return try KeysetList.fetch(db, table: "customers", options: options, conditions: conditions, decode: decode)
    }

    /// Inserts a customer; `external_ref` must be unique (409 duplicate naming the holder).
    public static func create(_ db: SQLTransaction, _ c: Customer) throws -> Customer {
        try checkReferences(db, c)
        let now = Timestamp.now()
        let id = try uniqueExternalRef(db, c.externalRef) {
            try db.insert("""
                INSERT INTO customers (name, email, phone, billing_address, shipping_address, currency, credit_limit,
                  payment_terms_days, sales_rep_id, external_ref, active, metadata, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """, [c.name, c.email, c.phone, JSONColumns.encode(c.billingAddress), JSONColumns.encode(c.shippingAddress),
                      c.currency, c.creditLimit, c.paymentTermsDays, c.salesRepId, c.externalRef, c.active,
                      JSONColumns.encode(c.metadata), now, now])
        }
        return try get(db, id: id)
    }

    /// Applies `change` to the current row and saves it with version + 1. `expectedVersion`
    /// (from If-Match) is compared inside the transaction (docs/api.md §1 "versions").
    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?,
                              change: (inout Customer) throws -> Void) throws -> Customer {
        try VersionedRows.update(db, id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }, change: change, check: { before, c in
            if c.currency != before.currency { try requireNoDocuments(db, id: id, toChange: "currency") }
            try checkReferences(db, c)
        }) { c in
            try uniqueExternalRef(db, c.externalRef) {
                try db.execute("""
                    UPDATE customers SET name = ?, email = ?, phone = ?, billing_address = ?, shipping_address = ?, currency = ?,
                      credit_limit = ?, payment_terms_days = ?, sales_rep_id = ?, external_ref = ?, active = ?, metadata = ?,
                      version = version + 1, updated_at = ?
                    WHERE id = ?
                    """, [c.name, c.email, c.phone, JSONColumns.encode(c.billingAddress), JSONColumns.encode(c.shippingAddress),
                          c.currency, c.creditLimit, c.paymentTermsDays, c.salesRepId, c.externalRef, c.active,
                          JSONColumns.encode(c.metadata), Timestamp.now(), id])
            }
        }
    }

    /// docs/api.md §3 Customers: the currency is fixed once any document names the customer
    /// (its amounts are in that currency: a yen credit must never pay a dollar invoice); 409
    /// invalid_state naming what it has.
    static func requireNoDocuments(_ db: SQLTransaction, id: Int64, toChange field: String) throws {
        let held = try referencing(db, id: id).filter { $0 != "activities" && $0 != "ledger entries" }
        guard held.isEmpty else {
            throw SalesError.invalidState("customer \(id)'s \(field) is fixed: it has \(held.joined(separator: ", ")) in that currency")
        }
    }

    /// Deletes a customer without documents; otherwise 409 in_use (archive with active: false).
    public static func delete(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws {
        try VersionedRows.delete(db, table: "customers", id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }) {
            try referencing(db, id: id).first.map { "customer \(id) has \($0); archive it with active: false instead" }
        }
    }

    /// What names the customer: the labels of DocumentTables.referencingCustomers that have a row for it.
    static func referencing(_ db: SQLTransaction, id: Int64) throws -> [String] {
        try DocumentTables.referencingCustomers.compactMap { table, label in
            try VersionedRows.firstReferencing(db, id: id, column: "customer_id", tables: [(table, label)])
        }
    }

    /// external_ref is unique (the customers table's UNIQUE): a write that would repeat one is 409
    /// duplicate naming the holder.
    private static func uniqueExternalRef<T>(_ db: SQLTransaction, _ ref: String?, _ write: () throws -> T) throws -> T {
        guard let ref else { return try write() }
        return try UniqueValues.write(db, write) {
            try db.fetchValue("SELECT id FROM customers WHERE external_ref = ?", [ref], as: Int64.self).map { existing in
                SalesError.duplicate(field: "external_ref", existingId: existing,
                                     detail: "a customer with external_ref \"\(ref)\" already exists (id \(existing))")
            }
        }
    }

    private static func checkReferences(_ db: SQLTransaction, _ c: Customer) throws {
        if let rep = c.salesRepId, try db.fetchValue("SELECT EXISTS (SELECT 1 FROM sales_reps WHERE id = ?)", [rep], as: Bool.self) != true {
            throw SalesError.invalid("sales_rep_id", "not_found", "no sales rep \(rep)")
        }
    }

    /// The balance object (docs/api.md §3 Customers), from the figures the document transactions
    /// maintain on the customer row (CustomerAccount.post, OrderStore.adjustOpenOrders).
    public static func balance(_ db: SQLTransaction, customer: Customer) throws -> CustomerBalance {
        CustomerAccount.balance(of: customer)
    }
}

/// Documents that reference customers and products: their presence makes a delete 409 in_use.
enum DocumentTables {
    static let referencingCustomers = [("quotes", "quotes"), ("orders", "orders"), ("invoices", "invoices"), ("payments", "payments"),
                                       ("shipments", "shipments"), ("credit_notes", "credit notes"), ("customer_ledger", "ledger entries"),
                                       ("activities", "activities"),
                                       ("credit_refunds", "credit refunds")]
    static let referencingProducts = [("quote_lines", "quote lines"), ("order_lines", "order lines")]
}

/// Escapes LIKE wildcards so a search for "50%" matches the text, not a pattern.
func escapeLike(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_")
}
