import SalesCore
import SalesJSON
import SalesStore

/// The JSON of sales reps, shifts and activities, as the API answers it and events carry it (docs/api.md §3).
enum FieldSalesJSON {
    static func writeRep(_ rep: SalesRep, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(rep.id)
        w.key("name"); w.string(rep.name)
        w.key("email"); w.string(rep.email)
        w.key("phone"); w.string(rep.phone)
        w.key("active"); w.bool(rep.active)
        w.key("clocked_in"); w.bool(rep.openShiftId != nil)
        w.key("open_shift_id"); w.int(rep.openShiftId)
        w.key("metadata"); w.metadata(rep.metadata)
        w.key("version"); w.int(rep.version)
        w.key("created_at"); w.string(rep.createdAt)
        w.key("updated_at"); w.string(rep.updatedAt)
        w.endObject()
    }

    static func writeShift(_ s: Shift, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(s.id)
        w.key("sales_rep_id"); w.int(s.salesRepId)
        w.key("status"); w.string(s.clockOutAt == nil ? "open" : "closed")
        w.key("clock_in_at"); w.string(s.clockInAt)
        w.key("clock_out_at"); w.string(s.clockOutAt)
        w.key("duration_seconds"); w.int(s.durationSeconds)
        w.key("location")
        if let l = s.location {
            w.beginObject()
            w.key("lat"); w.rawNumber(ExactDecimal.format(l.latitudeE7, scale: 7))
            w.key("lon"); w.rawNumber(ExactDecimal.format(l.longitudeE7, scale: 7))
            w.endObject()
        } else {
            w.null()
        }
        w.key("clock_in_note"); w.string(s.clockInNote)
        w.key("clock_out_note"); w.string(s.clockOutNote)
        w.key("created_at"); w.string(s.createdAt)
        w.key("updated_at"); w.string(s.updatedAt)
        w.endObject()
    }

    static func writeActivity(_ a: Activity, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.int(a.id)
        w.key("sales_rep_id"); w.int(a.salesRepId)
        w.key("customer_id"); w.int(a.customerId)
        w.key("type"); w.string(a.type.rawValue)
        w.key("at"); w.string(a.at)
        w.key("notes"); w.string(a.notes)
        w.key("outcome"); w.string(a.outcome)
        w.key("metadata"); w.metadata(a.metadata)
        w.key("version"); w.int(a.version)
        w.key("created_at"); w.string(a.createdAt)
        w.key("updated_at"); w.string(a.updatedAt)
        w.endObject()
    }
}
