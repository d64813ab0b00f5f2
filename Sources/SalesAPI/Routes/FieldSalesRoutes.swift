import SalesCore
import SalesJSON
import SalesStore

/// Sales reps, shifts and activities (docs/api.md §3). Clocking in and out and logging activities
/// with a key bound to a rep works only for that rep (docs/api.md §2; 403 otherwise).
enum FieldSalesRoutes {
    static let repFields: Set<String> = ["name", "email", "phone", "active", "metadata"]

    static let reps = VersionedResource<SalesRep>(
        eventResource: "sales_rep",
        blank: { _ in SalesRep() },
        apply: { reader, rep, creating, _ in
            reader.rejectUnknown(repFields)
            if creating { reader.require("name") }
            reader.text("name", maxLength: 200, nullable: false).assign(to: &rep.name)
            reader.email("email").assign(to: &rep.email)
            reader.text("phone", maxLength: 40).assign(to: &rep.phone)
            reader.boolean("active").assign(to: &rep.active)
            reader.metadata().assign(to: &rep.metadata)
        },
        insert: SalesRepStore.create,
        fetch: { db, id in try SalesRepStore.get(db, id: id) },
        modify: { db, id, expected, change in try SalesRepStore.update(db, id: id, expectedVersion: expected, change: change) },
        remove: { db, id, expected in try SalesRepStore.delete(db, id: id, expectedVersion: expected) },
        respond: { _, rep, status in APIResponse.json(status, etag: rep.version) { w in FieldSalesJSON.writeRep(rep, to: &w) } }
    )

    static func listReps(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["active", "q"], list: true)
            let active = try request.query.bool("active")
            let q = try request.query.nonEmpty("q")
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try SalesRepStore.list(db, active: active, query: q, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: FieldSalesJSON.writeRep)
        }
    }

    /// POST /v1/sales-reps/{id}/clock-in {at?, location?: {lat, lon}, note?} → 201 the open shift.
    static func clockIn(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["at", "location", "note"])
            let at = r.timestamp("at").value
            let location = readLocation(&r)
            let note = r.text("note", maxLength: 1000).value
            try r.finish()
            try request.actor.requireActsFor(salesRep: id)
            return try await app.write(request) { db in
                try FieldSalesService.clockIn(db, request.actor, repId: id, at: at, location: location, note: note)
            }
        }
    }

    /// POST /v1/sales-reps/{id}/clock-out {at?, note?} → the closed shift with duration_seconds.
    static func clockOut(_ app: APIContext) -> APIHandler {
        { request in
            let id = try request.id()
            var r = BodyReader(try request.jsonObject(allowEmpty: true))
            r.rejectUnknown(["at", "note"])
            let at = r.timestamp("at").value
            let note = r.text("note", maxLength: 1000).value
            try r.finish()
            try request.actor.requireActsFor(salesRep: id)
            return try await app.write(request) { db in
                try FieldSalesService.clockOut(db, request.actor, repId: id, at: at, note: note)
            }
        }
    }

    /// GET /v1/sales-reps/{id}/shifts?from&to (dates or timestamps bounding the clock-in).
    static func shifts(_ app: APIContext) -> APIHandler {
        { request in
            // Shifts carry no metadata: the list parameters without metadata filters.
            try request.query.validate(allowed: ["from", "to", "limit", "cursor", "created_from", "created_to", "updated_since"], list: false)
            let id = try request.id()
            let from = try ListParameters.timestamp(request.query, "from")
            let to = try ListParameters.timestamp(request.query, "to", endOfDay: true)
            let options = try ListParameters.parse(request.query)
            let page = try await app.read { db in try SalesRepStore.shifts(db, repId: id, from: from, to: to, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: FieldSalesJSON.writeShift)
        }
    }

    /// `location: {lat, lon}` in degrees, at most 7 decimals, kept exactly.
    static func readLocation(_ r: inout BodyReader) -> GeoPoint? {
        guard let value = r.object["location"], value != .null else { return nil }
        guard case .object(let o) = value else {
            r.fail("location", "invalid_type", "location must be an object {lat, lon}")
            return nil
        }
        var lr = BodyReader(o, prefix: "location.")
        lr.rejectUnknown(["lat", "lon"])
        lr.require("lat", "lon")
        let lat = lr.scaledDecimal("lat", scale: 7, range: -900_000_000...900_000_000).value
        let lon = lr.scaledDecimal("lon", scale: 7, range: -1_800_000_000...1_800_000_000).value
        r.absorb(lr)
        guard let lat, let lon else { return nil }
        return GeoPoint(latitudeE7: lat, longitudeE7: lon)
    }

    // MARK: - Activities

    static let activityFields: Set<String> = ["sales_rep_id", "customer_id", "type", "at", "notes", "outcome", "metadata"]

    /// POST /v1/activities {sales_rep_id*, customer_id, type*, at?, notes, outcome?, metadata}.
    static func createActivity(_ app: APIContext) -> APIHandler {
        { request in
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(activityFields)
            r.require("sales_rep_id", "type")
            let rep = r.id("sales_rep_id", nullable: false).value
            let customer = r.id("customer_id").value
            let type = r.choice("type", ActivityType.self).value
            let at = r.timestamp("at").value
            let notes = r.text("notes", maxLength: 5000).value
            let outcome = r.text("outcome", maxLength: 500).value
            let metadata = r.metadata().value ?? [:]
            try r.finish()
            guard let rep, let type else { throw APIError.badRequest("unreachable: validated fields missing") }
            try request.actor.requireActsFor(salesRep: rep)
            let activity = Activity(salesRepId: rep, customerId: customer, type: type, at: at ?? "", notes: notes, outcome: outcome, metadata: metadata)
            return try await app.write(request) { db in
                try FieldSalesService.createActivity(db, request.actor, activity: activity)
            }
        }
    }

    /// GET /v1/activities?sales_rep_id&customer_id&type&from&to (bounds on `at`).
    static func listActivities(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["sales_rep_id", "customer_id", "type", "from", "to"], list: true)
            var filter = ActivityStore.Filter()
            filter.salesRepId = try request.query.int("sales_rep_id")
            filter.customerId = try request.query.int("customer_id")
            filter.type = try request.query.oneOf("type", ActivityType.self)
            filter.from = try ListParameters.timestamp(request.query, "from")
            filter.to = try ListParameters.timestamp(request.query, "to", endOfDay: true)
            let options = try ListParameters.parse(request.query)
            let query = filter
            let page = try await app.read { db in try ActivityStore.list(db, filter: query, options: options) }
            return ListResponse.make(page, cursor: { .after(id: $0.id, updatedAt: $0.updatedAt, in: options) }, write: FieldSalesJSON.writeActivity)
        }
    }

    static func getActivity(_ app: APIContext) -> APIHandler {
        ReadHandlers.byId(app) { db, id in
            let activity = try ActivityStore.get(db, id: id)
            return APIResponse.json(etag: activity.version) { w in FieldSalesJSON.writeActivity(activity, to: &w) }
        }
    }

    // MARK: - JSON
}
