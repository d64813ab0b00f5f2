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
}
