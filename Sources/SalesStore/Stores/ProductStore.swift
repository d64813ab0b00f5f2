import SalesCore

/// Products, their stock and stock movements (docs/api.md §3 Products). `on_hand` changes only
/// together with a movement row in the same transaction, so Σ movements = on_hand (invariant 4).
public enum ProductStore {
    public struct Filter: Sendable {
        public var query: String?
        public var sku: String?
        public var type: ProductType?
        public var active: Bool?
        public var lowStock: Bool?
        public init() {}
    }

    static func decode(_ row: any SQLRow) -> Product {
        let reorder: Int64? = row["reorder_level"]
        return Product(id: row["id"], sku: row["sku"], name: row["name"], description: row["description"],
                       type: ProductType(rawValue: row["type"]) ?? .stockable, unitPrice: row["unit_price"],
                       prices: JSONColumns.decodePrices(row["prices"]), taxRateId: row["tax_rate_id"],
                       reorderLevel: reorder.map(Quantity.init(thousandths:)),
                       invoicePolicy: InvoicePolicy(rawValue: row["invoice_policy"]) ?? .ordered, active: row["active"],
                       metadata: JSONColumns.decodeMetadata(row["metadata"]),
                       onHand: Quantity(thousandths: row["on_hand"]), reserved: Quantity(thousandths: row["reserved"]),
                       version: row["version"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> Product {
        guard let found = try db.fetchOne("SELECT * FROM products WHERE id = ?", [id], { decode($0) }) else {
            throw SalesError.notFound(resource: "product", id: String(id))
        }
        return found
    }

    /// on_hand and reserved of the stockable lines' products, read in the caller's transaction for a
    /// decision about them (OrderDecisions.confirm, ShipmentDecisions.picks). A product that is
    /// gone is left out; the decision answers 404 for it. One statement for up to 200 products
    /// (IdSet), not one per line.
    static func stock(_ db: SQLTransaction, of lines: [DocumentLine]) throws -> [Int64: StockLevel] {
        var levels: [Int64: StockLevel] = [:]
        for ids in IdSet.chunks(lines.filter(\.stockable).map(\.productId)) {
            try db.forEachRow("SELECT id, on_hand, reserved FROM products WHERE id IN (\(ids.placeholders))", ids.arguments) { row in
                levels[row["id"] as Int64] = StockLevel(onHand: Quantity(thousandths: row["on_hand"]), reserved: Quantity(thousandths: row["reserved"]))
                return true
            }
        }
        return levels
    }

    public static func list(_ db: SQLTransaction, filter: Filter, options: ListOptions) throws -> Page<Product> {
        var conditions = SQLConditions()
        if let q = filter.query {
            let like = "%" + escapeLike(q) + "%"
            conditions.add("(\(db.dialect.containsIgnoringCase("sku")) OR \(db.dialect.containsIgnoringCase("name")))", like, like)
        }
        if let sku = filter.sku { conditions.add(db.dialect.equalsIgnoringCase("sku"), sku) }
        if let type = filter.type { conditions.add("type = ?", type.rawValue) }
        if let active = filter.active { conditions.add("active = ?", active) }
        if let low = filter.lowStock {
            // Same rule as Product.isLowStock, in SQL.
            let lowSQL = "(type = 'stockable' AND (on_hand - reserved <= 0 OR (reorder_level IS NOT NULL AND on_hand - reserved <= reorder_level)))"
            conditions.add(low ? lowSQL : "NOT \(lowSQL)")
        }
        return try KeysetList.fetch(db, table: "products", options: options, conditions: conditions, decode: decode)
    }

    public static func create(_ db: SQLTransaction, _ p: Product) throws -> Product {
        try checkReferences(db, p)
        let now = Timestamp.now()
        let id = try uniqueSKU(db, p.sku) {
            try db.insert("""
                INSERT INTO products (sku, name, description, type, unit_price, prices, tax_rate_id, reorder_level, invoice_policy,
                  active, metadata, on_hand, reserved, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 1, ?, ?)
                """, [p.sku, p.name, p.description, p.type.rawValue, p.unitPrice, JSONColumns.encode(p.prices), p.taxRateId,
                      p.reorderLevel?.thousandths, p.invoicePolicy.rawValue, p.active, JSONColumns.encode(p.metadata), now, now])
        }
        return try get(db, id: id)
    }

    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, change: (inout Product) throws -> Void) throws -> Product {
        try VersionedRows.update(db, id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }, change: change, check: { before, p in
            if p.type != before.type && (before.onHand.thousandths != 0 || before.reserved.thousandths != 0) {
                throw SalesError.invalid("type", "has_stock", "the type cannot change while the product has stock or reservations")
            }
            try checkReferences(db, p)
        }) { p in
            try uniqueSKU(db, p.sku) {
                try db.execute("""
                    UPDATE products SET sku = ?, name = ?, description = ?, type = ?, unit_price = ?, prices = ?, tax_rate_id = ?,
                      reorder_level = ?, invoice_policy = ?, active = ?, metadata = ?, version = version + 1, updated_at = ?
                    WHERE id = ?
                    """, [p.sku, p.name, p.description, p.type.rawValue, p.unitPrice, JSONColumns.encode(p.prices), p.taxRateId,
                      p.reorderLevel?.thousandths, p.invoicePolicy.rawValue, p.active, JSONColumns.encode(p.metadata),
                      Timestamp.now(), id])
            }
        }
    }

    public static func delete(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws {
        try VersionedRows.delete(db, table: "products", id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }) {
            try VersionedRows.firstReferencing(db, id: id, column: "product_id", tables: [("stock_movements", "stock movements")] + DocumentTables.referencingProducts)
                .map { _ in "product \(id) has stock movements or document lines; deactivate it with active: false instead" }
        }
    }

    /// A sku is unique without regard to case (index products_sku_nocase, migration 0009): a write
    /// that would repeat one is 409 duplicate naming the holder.
    private static func uniqueSKU<T>(_ db: SQLTransaction, _ sku: String, _ write: () throws -> T) throws -> T {
        try UniqueValues.write(db, write) {
            try db.fetchValue("SELECT id FROM products WHERE \(db.dialect.equalsIgnoringCase("sku"))", [sku], as: Int64.self).map { existing in
                SalesError.duplicate(field: "sku", existingId: existing, detail: "a product with sku \"\(sku)\" already exists (id \(existing))")
            }
        }
    }

    private static func checkReferences(_ db: SQLTransaction, _ p: Product) throws {
        if let tax = p.taxRateId, try db.fetchValue("SELECT EXISTS (SELECT 1 FROM tax_rates WHERE id = ?)", [tax], as: Bool.self) != true {
            throw SalesError.invalid("tax_rate_id", "not_found", "no tax rate \(tax)")
        }
    }

    // MARK: - Stock

    /// Changes on_hand by `quantity` and records the movement, in the caller's transaction.
    /// on_hand never goes below 0 (409 insufficient_stock), nor below what is reserved for
    /// orders when stock is taken out by an adjustment.
    @discardableResult
    public static func moveStock(_ db: SQLTransaction, productId: Int64, quantity: Quantity, type: StockMovementType,
                                 reason: String?, documentType: String? = nil, documentId: Int64? = nil,
                                 field: String = "quantity") throws -> StockMovement {
        let p = try get(db, id: productId)
        guard p.type == .stockable else {
            throw SalesError.invalid("product_id", "not_stockable", "product \(productId) is a service and has no stock")
        }
        // on_hand stays within Quantity.maxStock (docs/api.md §1 "quantities"): both terms are
        // bounded, so the sum cannot overflow.
        let after = p.onHand.thousandths + quantity.thousandths
        if after > Quantity.maxStock {
            throw SalesError.limitExceeded(field: field, detail: "product \(productId)'s on_hand would pass \(Quantity(thousandths: Quantity.maxStock).decimalText) units")
        }
        if after < 0 {
            throw SalesError.insufficientStock([StockShortage(productId: productId, requested: Quantity(thousandths: -quantity.thousandths),
                                                              available: p.onHand, field: field)])
        }
        if type == .adjustment && quantity.thousandths < 0 && after < p.reserved.thousandths {
            throw SalesError.insufficientStock([StockShortage(productId: productId, requested: Quantity(thousandths: -quantity.thousandths),
                                                              available: p.available, field: field)])
        }
        let now = Timestamp.now()
        try db.execute("UPDATE products SET on_hand = ?, version = version + 1, updated_at = ? WHERE id = ?", [after, now, productId])
        let id = try db.insert("""
            INSERT INTO stock_movements (product_id, type, quantity, on_hand_after, reason, document_type, document_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [productId, type.rawValue, quantity.thousandths, after, reason, documentType, documentId, now])
        return try movement(db, id: id)
    }

    static func decodeMovement(_ row: any SQLRow) -> StockMovement {
        StockMovement(id: row["id"], productId: row["product_id"], type: StockMovementType(rawValue: row["type"]) ?? .adjustment,
                      quantity: Quantity(thousandths: row["quantity"]), onHandAfter: Quantity(thousandths: row["on_hand_after"]),
                      reason: row["reason"], documentType: row["document_type"], documentId: row["document_id"],
                      createdAt: row["created_at"])
    }

    public static func movement(_ db: SQLTransaction, id: Int64) throws -> StockMovement {
        guard let found = try db.fetchOne("SELECT * FROM stock_movements WHERE id = ?", [id], { decodeMovement($0) }) else {
            throw SalesError.notFound(resource: "stock_movement", id: String(id))
        }
        return found
    }

    public static func movements(_ db: SQLTransaction, productId: Int64, afterId: Int64?, limit: Int) throws -> Page<StockMovement> {
        _ = try get(db, id: productId)
        let rows = try db.fetchRecords("""
            SELECT * FROM stock_movements WHERE product_id = ? AND id > ? ORDER BY id LIMIT ?
            """, [productId, afterId ?? 0, limit + 1])
        return Page(items: rows.prefix(limit).map(decodeMovement), hasMore: rows.count > limit)
    }
}
