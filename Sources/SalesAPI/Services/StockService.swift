import SalesCore
import SalesStore

/// Stock changes that no document makes (docs/api.md §3 "Products"): adjustments.
enum StockService {
    /// POST /v1/products/{id}/stock-adjustments: a stock movement of type adjustment, and stock.adjusted.
    static func adjust(_ db: SQLTransaction, _ actor: Actor, productId: Int64, quantity: Quantity, reason: String?) throws -> APIResponse {
        let movement = try ProductStore.moveStock(db, productId: productId, quantity: quantity, type: .adjustment, reason: reason)
        let answer = APIResponse.json(201) { w in ProductJSON.writeMovement(movement, to: &w) }
        try EventLog.record(db, actor, "stock.adjusted", "product", productId, answer)
        return answer
    }
}
