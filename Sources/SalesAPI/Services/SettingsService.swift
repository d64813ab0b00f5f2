import SalesCore
import SalesStore

/// The account codes of the journal export (docs/api.md §3 "Accounting export").
enum SettingsService {
    /// PATCH /v1/settings/accounting: the journal's account codes, and settings.updated when they change.
    static func updateAccounting(_ db: SQLTransaction, _ actor: Actor, changes: [String: String], expectedVersion: Int64?) throws -> APIResponse {
        let before = try SettingsStore.accounting(db).version
        let codes = try SettingsStore.updateAccounting(db, changes: changes, expectedVersion: expectedVersion)
        let answer = ReportJSON.accountingResponse(codes)
        if codes.version != before { try EventLog.record(db, actor, "settings.updated", "settings", 1, answer) }
        return answer
    }
}
