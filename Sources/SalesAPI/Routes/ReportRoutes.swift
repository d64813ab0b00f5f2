import SalesCore
import SalesJSON
import SalesStore

/// Reports, the journal export and its account settings (docs/api.md §3 "Reports", "Accounting
/// export"). JSON by default; CSV (RFC 4180, one header row) for `Accept: text/csv` or
/// `?format=csv`, streamed from one read transaction.
enum ReportRoutes {
    enum Format { case json, csv }

    /// `?format=json|csv` wins; otherwise `Accept: text/csv` asks for CSV (docs/api.md §1 "CSV").
    static func format(_ request: APIRequest) throws -> Format {
        if let f = request.query["format"] {
            switch f {
            case "json": return .json
            case "csv": return .csv
            default: throw APIError.badRequest("format must be json or csv")
            }
        }
        let accept = request.http.headers["accept"]?.lowercased() ?? ""
        return accept.contains("text/csv") ? .csv : .json
    }

    static func date(_ request: APIRequest, _ name: String) throws -> String? {
        guard let text = request.query[name] else { return nil }
        guard Timestamp.isValidDate(text) else { throw APIError.badRequest("\(name) must be a date like 2026-11-23") }
        return text
    }

    /// from/to (inclusive UTC days; default the 30 days up to today) and currency (default the
    /// server's: a report answers in one currency).
    static func period(_ request: APIRequest, _ app: APIContext) throws -> ReportPeriod {
        let to = try date(request, "to") ?? Timestamp.today()
        let from = try date(request, "from") ?? (Timestamp.date(to, plusDays: -29) ?? to)
        // from after to is an empty period, not an error.
        return ReportPeriod(from: from, to: to, currency: try currency(request, app))
    }

    static func currency(_ request: APIRequest, _ app: APIContext) throws -> String {
        guard let c = request.query["currency"] else { return app.configuration.currency }
        guard Currencies.isKnown(c) else {
            throw APIError.badRequest("currency must be an ISO 4217 currency code like USD")
        }
        return c
    }

    /// Runs `build` in one read and answers with the table as JSON (with `header` fields) or CSV.
    static func answer(_ app: APIContext, _ request: APIRequest, name: String, header: [(String, String)],
                       build: @escaping @Sendable (SQLTransaction) throws -> ReportTable) async throws -> APIResponse {
        // Built whole in one read before anything is sent, so a sum past its bound is a 409, not
        // a 200 cut off (CheckedSums; docs/api.md §1 "money").
        let table = try await app.read { db in try CheckedSums.guarding { try build(db) } }
        switch try format(request) {
        case .csv:
            var csv: [UInt8] = []
            csv.append(contentsOf: CSV.row(table.columns))
            for row in table.rows { csv.append(contentsOf: CSV.row(row.map(CSV.text))) }
            return APIResponse(status: 200, body: csv, contentType: "text/csv; charset=utf-8",
                               headers: [("Content-Disposition", "attachment; filename=\"\(name).csv\"")])
        case .json:
            return ReportJSON.tableResponse(name: name, header: header, table)
        }
    }

    /// A CSV body streamed from one read transaction.
    static func csvResponse(_ app: APIContext, filename: String,
                            _ produce: @escaping @Sendable (SQLTransaction, inout ChunkBuffer) throws -> Void) -> APIResponse {
        var response = APIResponse(status: 200, body: [], contentType: "text/csv; charset=utf-8",
                                   headers: [("Content-Disposition", "attachment; filename=\"\(filename).csv\"")])
        response.stream = StreamedBody.make(app.database) { db, emit in
            var out = ChunkBuffer(emit: emit)
            try produce(db, &out)
            try out.flush()
        }
        return response
    }

    static let common: Set<String> = ["from", "to", "currency", "format"]

    static func sales(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: common.union(["group_by"]), list: false)
            let period = try period(request, app)
            let groupBy = try request.query.oneOf("group_by", Reports.SalesGrouping.self) ?? .day
            return try await answer(app, request, name: "sales", header: header(period) + [("group_by", groupBy.rawValue)]) { db in
                try Reports.sales(db, period, groupBy: groupBy)
            }
        }
    }

    static func aging(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["as_of", "currency", "format"], list: false)
            let asOf = try date(request, "as_of") ?? Timestamp.today()
            let currency = try currency(request, app)
            return try await answer(app, request, name: "receivables_aging", header: [("currency", currency), ("as_of", asOf)]) { db in
                try Reports.aging(db, asOf: asOf, currency: currency)
            }
        }
    }

    static func collections(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: common.union(["group_by"]), list: false)
            let period = try period(request, app)
            let groupBy = try request.query.oneOf("group_by", Reports.CollectionsGrouping.self) ?? .day
            return try await answer(app, request, name: "collections", header: header(period) + [("group_by", groupBy.rawValue)]) { db in
                try Reports.collections(db, period, groupBy: groupBy)
            }
        }
    }

    static func salesReps(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: common, list: false)
            let period = try period(request, app)
            return try await answer(app, request, name: "sales_reps", header: header(period)) { db in try Reports.salesReps(db, period) }
        }
    }

    static func topProducts(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: common.union(["limit"]), list: false)
            let period = try period(request, app)
            let limit = Int(try request.query.int("limit", range: 1...100) ?? 10)
            return try await answer(app, request, name: "top_products", header: header(period)) { db in
                try Reports.topProducts(db, period, limit: limit)
            }
        }
    }

    static func header(_ p: ReportPeriod) -> [(String, String)] { [("currency", p.currency), ("from", p.from), ("to", p.to)] }

    // MARK: - Journal export

    /// GET /v1/exports/journal?from&to&currency: every document's balanced lines in one currency
    /// (default the server's; docs/api.md §3 "Accounting export"), streamed as JSON
    /// `{from, to, currency, lines: [...], totals: {debit, credit}}` or CSV in the documented column
    /// order. The totals are checked against their bound before anything is sent.
    static func journal(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: ["from", "to", "format", "currency"], list: false)
            let to = try date(request, "to") ?? Timestamp.today()
            let from = try date(request, "from") ?? (Timestamp.date(to, plusDays: -29) ?? to)
            let currency = try currency(request, app)
            _ = try await app.read { db in try Journal.totals(db, from: from, to: to, currency: currency, codes: try SettingsStore.accounting(db)) }
            switch try format(request) {
            case .csv:
                return csvResponse(app, filename: "journal-\(from)-\(to)") { db, out in
                    try out.append(CSV.row(Journal.columns))
                    try Journal.lines(db, from: from, to: to, currency: currency, codes: try SettingsStore.accounting(db)) { lines in
                        for l in lines {
                            try out.append(CSV.row([l.date, l.documentType, l.documentNumber, String(l.customerId), l.account, String(l.debit),
                                                    String(l.credit), l.currency, l.memo]))
                        }
                    }
                }
            case .json:
                var response = APIResponse(status: 200, body: [])
                response.stream = StreamedBody.make(app.database) { db, emit in
                    var out = ChunkBuffer(emit: emit)
                    var w = JSONWriter()
                    w.beginObject()
                    w.key("from"); w.string(from)
                    w.key("to"); w.string(to)
                    w.key("currency"); w.string(currency)
                    w.key("lines")
                    w.beginArray()
                    var debit: Int64 = 0, credit: Int64 = 0
                    try Journal.lines(db, from: from, to: to, currency: currency, codes: try SettingsStore.accounting(db)) { lines in
                        for l in lines {
                            // Checked before the stream began; a document added since that passes
                            // the bound ends the stream rather than the process.
                            try CheckedSums.add(&debit, l.debit)
                            try CheckedSums.add(&credit, l.credit)
                            ReportJSON.writeJournalLine(l, to: &w)
                        }
                        if w.bytes.count >= 32 * 1024 { try out.append(w.takeBytes()) }
                    }
                    w.endArray()
                    w.key("totals")
                    w.beginObject()
                    w.key("debit"); w.int(debit)
                    w.key("credit"); w.int(credit)
                    w.endObject()
                    w.endObject()
                    try out.append(w.bytes)
                    try out.flush()
                }
                return response
            }
        }
    }

    // MARK: - Settings

    static func getAccounting(_ app: APIContext) -> APIHandler {
        { request in
            try request.query.validate(allowed: [], list: false)
            let codes = try await app.read { db in try SettingsStore.accounting(db) }
            return ReportJSON.accountingResponse(codes)
        }
    }

    /// PATCH /v1/settings/accounting (admin): any of the seven account codes.
    static func updateAccounting(_ app: APIContext) -> APIHandler {
        { request in
            let expected = try request.ifMatchVersion()
            var r = BodyReader(try request.jsonObject())
            r.rejectUnknown(Set(AccountCodes.names))
            var changes: [String: String] = [:]
            for name in AccountCodes.names {
                if let code = r.text(name, maxLength: 40, nullable: false).value { changes[name] = code }
            }
            try r.finish()
            let input = changes
            return try await app.write(request) { db in
                try SettingsService.updateAccounting(db, request.actor, changes: input, expectedVersion: expected)
            }
        }
    }
}
