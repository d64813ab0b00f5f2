import SalesCore
import SalesJSON
import SalesStore

/// The JSON of report cells, as the API answers it and events carry it (docs/api.md §3).
enum ReportJSON {
    static func write(_ cell: ReportTable.Cell, to w: inout JSONWriter) {
        switch cell {
        case .int(let v): w.int(v)
        case .decimal(let v, let scale): w.rawNumber(ExactDecimal.format(v, scale: scale))
        case .text(let s): w.string(s)
        }
    }

    static func accountingResponse(_ codes: AccountCodes) -> APIResponse {
        APIResponse.json(etag: codes.version) { w in
            w.beginObject()
            for name in AccountCodes.names { w.key(name); w.string(codes[name]) }
            w.key("version"); w.int(codes.version)
            w.key("updated_at"); w.string(codes.updatedAt)
            w.endObject()
        }
    }

    /// A report as JSON: its name, the `header` fields, rows of cells by column and the totals.
    static func tableResponse(name: String, header: [(String, String)], _ table: ReportTable) -> APIResponse {
        APIResponse.json { w in
            w.beginObject()
            w.key("report"); w.string(name)
            for (key, value) in header { w.key(key); w.string(value) }
            w.key("rows")
            w.beginArray()
            for row in table.rows {
                w.beginObject()
                for (column, cell) in zip(table.columns, row) { w.key(column); write(cell, to: &w) }
                w.endObject()
            }
            w.endArray()
            if !table.totals.isEmpty {
                w.key("totals")
                w.beginObject()
                for (column, cell) in table.totals { w.key(column); write(cell, to: &w) }
                w.endObject()
            }
            w.endObject()
        }
    }

    /// One line of the journal export (docs/api.md §3 "Accounting export").
    static func writeJournalLine(_ l: Journal.Line, to w: inout JSONWriter) {
                w.beginObject()
                w.key("date"); w.string(l.date)
                w.key("document_type"); w.string(l.documentType)
                w.key("document_number"); w.string(l.documentNumber)
                w.key("customer_id"); w.int(l.customerId)
                w.key("account"); w.string(l.account)
                w.key("debit"); w.int(l.debit)
                w.key("credit"); w.int(l.credit)
                w.key("currency"); w.string(l.currency)
                w.key("memo"); w.string(l.memo)
                w.endObject()
    }
}
