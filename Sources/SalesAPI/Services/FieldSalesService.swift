import SalesCore
import SalesStore

/// The writes of field sales (docs/api.md §3 "Sales reps, shifts and activities"), each inside the
/// request's write transaction with its event.
enum FieldSalesService {
    /// POST /v1/sales-reps/{id}/clock-in: shift.started.
    static func clockIn(_ db: SQLTransaction, _ actor: Actor, repId: Int64, at: String?, location: GeoPoint?, note: String?) throws -> APIResponse {
        let shift = try SalesRepStore.clockIn(db, repId: repId, at: at, location: location, note: note)
        let answer = APIResponse.json(201) { w in FieldSalesJSON.writeShift(shift, to: &w) }
        try EventLog.record(db, actor, "shift.started", "shift", shift.id, answer)
        return answer
    }

    /// POST /v1/sales-reps/{id}/clock-out: shift.ended.
    static func clockOut(_ db: SQLTransaction, _ actor: Actor, repId: Int64, at: String?, note: String?) throws -> APIResponse {
        let shift = try SalesRepStore.clockOut(db, repId: repId, at: at, note: note)
        let answer = APIResponse.json { w in FieldSalesJSON.writeShift(shift, to: &w) }
        try EventLog.record(db, actor, "shift.ended", "shift", shift.id, answer)
        return answer
    }

    /// POST /v1/activities: activity.created.
    static func createActivity(_ db: SQLTransaction, _ actor: Actor, activity: Activity) throws -> APIResponse {
        let created = try ActivityStore.create(db, activity)
        let answer = APIResponse.json(201, etag: created.version) { w in FieldSalesJSON.writeActivity(created, to: &w) }
        try EventLog.record(db, actor, "activity.created", "activity", created.id, answer)
        return answer
    }
}
