import SalesCore

/// The read-compare-change-write that every versioned resource's PATCH and DELETE share
/// (docs/api.md §1 "versions"): the row is read in the write transaction, `If-Match` is compared
/// with it there, and an update that changes nothing writes nothing (the version stays).
enum VersionedRows {
    /// Applies `change` to the current row; when it changed, `check` may refuse it and `write`
    /// saves it (with version + 1). Returns the row as stored afterwards.
    static func update<Model: VersionedModel>(_ db: SQLTransaction, id: Int64, expectedVersion: Int64?,
                                              get: (SQLTransaction, Int64) throws -> Model,
                                              change: (inout Model) throws -> Void,
                                              check: (_ before: Model, _ after: Model) throws -> Void = { _, _ in },
                                              write: (Model) throws -> Void) throws -> Model {
        var model = try get(db, id)
        try Versions.require(expectedVersion, current: model.version)
        let before = model
        try change(&model)
        if model == before { return model }
        try check(before, model)
        try write(model)
        return try get(db, id)
    }

    /// Deletes the row of `table` once `If-Match` matches and `inUse` names nothing that refers to
    /// it; otherwise 409 in_use with `inUse`'s answer.
    static func delete<Model: VersionedModel>(_ db: SQLTransaction, table: String, id: Int64, expectedVersion: Int64?,
                                              get: (SQLTransaction, Int64) throws -> Model,
                                              inUse: () throws -> String? = { nil }) throws {
        let model = try get(db, id)
        try Versions.require(expectedVersion, current: model.version)
        if let refusal = try inUse() { throw SalesError.inUse(refusal) }
        try db.execute("DELETE FROM \(table) WHERE id = ?", [id])
    }

    /// The first of `tables` with a row whose `column` is `id`: its label, or nil.
    static func firstReferencing(_ db: SQLTransaction, id: Int64, column: String, tables: [(table: String, label: String)]) throws -> String? {
        for (table, label) in tables
        where try db.fetchValue("SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(column) = ?)", [id], cached: false, as: Bool.self) == true {
            return label
        }
        return nil
    }
}
