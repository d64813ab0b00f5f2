import SalesCore

/// Sales reps and their shifts (docs/api.md §3 "Sales reps, shifts and activities"): one open shift
/// per rep, checked in the clock-in transaction and by a partial unique index.
public enum SalesRepStore {
    static func decode(_ row: any SQLRow) -> SalesRep {
        SalesRep(id: row["id"], name: row["name"], email: row["email"], phone: row["phone"], active: row["active"],
                 metadata: JSONColumns.decodeMetadata(row["metadata"]), version: row["version"], createdAt: row["created_at"],
                 updatedAt: row["updated_at"], openShiftId: row["open_shift_id"])
    }

    private static let select = "SELECT r.*, (SELECT id FROM shifts s WHERE s.sales_rep_id = r.id AND s.clock_out_at IS NULL) AS open_shift_id FROM sales_reps r"

    public static func find(_ db: SQLTransaction, id: Int64) throws -> SalesRep? {
        try db.fetchOne(select + " WHERE r.id = ?", [id], decode)
    }

    public static func get(_ db: SQLTransaction, id: Int64) throws -> SalesRep {
        guard let rep = try find(db, id: id) else { throw SalesError.notFound(resource: "sales_rep", id: String(id)) }
        return rep
    }

    public static func list(_ db: SQLTransaction, active: Bool?, query: String?, options: ListOptions) throws -> Page<SalesRep> {
        var conditions = SQLConditions()
        if let active { conditions.add("active = ?", active) }
        if let query {
            let like = "%" + escapeLike(query) + "%"
            conditions.add("(\(db.dialect.containsIgnoringCase("name")) OR \(db.dialect.containsIgnoringCase("email")))", like, like)
        }
        let page = try KeysetList.fetch(db, table: "sales_reps", options: options, conditions: conditions) { $0["id"] as Int64 }
        return Page(items: try page.items.map { try get(db, id: $0) }, hasMore: page.hasMore)
    }

    public static func create(_ db: SQLTransaction, _ rep: SalesRep) throws -> SalesRep {
        let now = Timestamp.now()
        let id = try db.insert("""
            INSERT INTO sales_reps (name, email, phone, active, metadata, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)
            """, [rep.name, rep.email, rep.phone, rep.active, JSONColumns.encode(rep.metadata), now, now])
        return try get(db, id: id)
    }

    public static func update(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?, change: (inout SalesRep) throws -> Void) throws -> SalesRep {
        try VersionedRows.update(db, id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }, change: change) { rep in
            try db.execute("""
                UPDATE sales_reps SET name = ?, email = ?, phone = ?, active = ?, metadata = ?, version = version + 1, updated_at = ? WHERE id = ?
                """, [rep.name, rep.email, rep.phone, rep.active, JSONColumns.encode(rep.metadata), Timestamp.now(), id])
        }
    }

    /// Deletes a rep nothing refers to; otherwise 409 in_use (archive with active: false).
    public static func delete(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?) throws {
        try VersionedRows.delete(db, table: "sales_reps", id: id, expectedVersion: expectedVersion, get: { try get($0, id: $1) }) {
            try VersionedRows.firstReferencing(db, id: id, column: "sales_rep_id", tables: [
                ("shifts", "shifts"), ("activities", "activities"), ("customers", "customers"), ("quotes", "quotes"), ("orders", "orders"),
                ("api_keys", "API keys"),
            ]).map { "sales rep \(id) has \($0); archive it with active: false instead" }
        }
    }

    // MARK: - Shifts

    static func decodeShift(_ row: any SQLRow) -> Shift {
        let lat: Int64? = row["latitude_e7"], lon: Int64? = row["longitude_e7"]
        return Shift(id: row["id"], salesRepId: row["sales_rep_id"], clockInAt: row["clock_in_at"], clockOutAt: row["clock_out_at"],
                     durationSeconds: row["duration_seconds"],
                     location: lat.flatMap { lat in lon.map { GeoPoint(latitudeE7: lat, longitudeE7: $0) } },
                     clockInNote: row["clock_in_note"], clockOutNote: row["clock_out_note"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    /// POST /v1/sales-reps/{id}/clock-in: already clocked in → 409 invalid_state; an archived
    /// rep → 409 invalid_state.
    public static func clockIn(_ db: SQLTransaction, repId: Int64, at: String?, location: GeoPoint?, note: String?) throws -> Shift {
        let rep = try get(db, id: repId)
        guard rep.active else { throw SalesError.invalidState("sales rep \(rep.id) is archived (active: false)") }
        if let open = rep.openShiftId { throw SalesError.invalidState("sales rep \(rep.id) is already clocked in (shift \(open))") }
        let now = Timestamp.now()
        if let at {
            try requireNotInTheFuture(at)
            // Shifts never overlap: the new one runs from `at` until its clock-out.
            if let overlapping = try db.fetchRecord("""
                SELECT id, clock_in_at, clock_out_at FROM shifts WHERE sales_rep_id = ? AND clock_out_at > ? ORDER BY clock_in_at LIMIT 1
                """, [repId, at]) {
                let id: Int64 = overlapping["id"], from: String = overlapping["clock_in_at"], to: String = overlapping["clock_out_at"]
                throw SalesError.invalid("at", "overlaps_shift", "a shift from \(at) would overlap shift \(id) (\(from) to \(to))")
            }
        }
        let id = try db.insert("""
            INSERT INTO shifts (sales_rep_id, clock_in_at, latitude_e7, longitude_e7, clock_in_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [repId, at ?? now, location?.latitudeE7, location?.longitudeE7, note, now, now])
        return try shift(db, id: id)
    }

    /// POST /v1/sales-reps/{id}/clock-out: not clocked in → 409 invalid_state; `at` before the
    /// clock-in → 422. duration_seconds is whole seconds between the two.
    public static func clockOut(_ db: SQLTransaction, repId: Int64, at: String?, note: String?) throws -> Shift {
        let rep = try get(db, id: repId)
        guard let openId = rep.openShiftId else { throw SalesError.invalidState("sales rep \(rep.id) is not clocked in") }
        let open = try shift(db, id: openId)
        if let at { try requireNotInTheFuture(at) }
        let end = at ?? Timestamp.now()
        guard let start = Timestamp.epochMilliseconds(open.clockInAt), let stop = Timestamp.epochMilliseconds(end), stop >= start else {
            throw SalesError.invalid("at", "before_clock_in", "clock-out at \(end) is before the clock-in at \(open.clockInAt)")
        }
        try db.execute("UPDATE shifts SET clock_out_at = ?, duration_seconds = ?, clock_out_note = ?, updated_at = ? WHERE id = ?", [end, (stop - start) / 1000, note, Timestamp.now(), openId])
        return try shift(db, id: openId)
    }

    /// A shift is clocked when it happens: `at` may be backdated, not more than five minutes
    /// (a device's clock drift) ahead of the server's clock (docs/api.md §3 "Sales reps").
    static func requireNotInTheFuture(_ at: String) throws {
        guard let ms = Timestamp.epochMilliseconds(at), ms <= WallClock.nowMilliseconds() + 300_000 else {
            throw SalesError.invalid("at", "in_the_future", "\(at) is in the future; clock in and out when it happens")
        }
    }

    static func shift(_ db: SQLTransaction, id: Int64) throws -> Shift {
        guard let found = try db.fetchOne("SELECT * FROM shifts WHERE id = ?", [id], { decodeShift($0) }) else {
            throw SalesError.notFound(resource: "shift", id: String(id))
        }
        return found
    }

    /// GET /v1/sales-reps/{id}/shifts, newest ids last; `from`/`to` bound the clock-in time.
    public static func shifts(_ db: SQLTransaction, repId: Int64, from: String?, to: String?, options: ListOptions) throws -> Page<Shift> {
        _ = try get(db, id: repId)
        var conditions = SQLConditions()
        conditions.add("sales_rep_id = ?", repId)
        if let from { conditions.add("clock_in_at >= ?", from) }
        if let to { conditions.add("clock_in_at <= ?", to) }
        return try KeysetList.fetch(db, table: "shifts", options: options, conditions: conditions, decode: decodeShift)
    }
}
