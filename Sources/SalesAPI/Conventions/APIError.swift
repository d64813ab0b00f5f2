import HTTPServer
import SalesCore
import SalesJSON

/// An error answered as RFC 9457 problem+json with the API's `code` (docs/api.md §1 "Errors").
public struct APIError: Error, Sendable {
    public var status: Int
    public var code: String
    public var detail: String
    /// Entries of `errors[]`: field/code/message plus extra members for quantity errors.
    public var errors: [JSONObject]
    public var headers: [(String, String)]

    public init(_ status: Int, _ code: String, _ detail: String, errors: [JSONObject] = [], headers: [(String, String)] = []) {
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    public static func badRequest(_ detail: String) -> APIError { APIError(400, "bad_request", detail) }
    public static func unauthorized(_ detail: String) -> APIError {
        APIError(401, "unauthorized", detail, headers: [("WWW-Authenticate", "Bearer")])
    }
    public static func forbidden(_ detail: String) -> APIError { APIError(403, "forbidden", detail) }
    public static func notFound(_ detail: String) -> APIError { APIError(404, "not_found", detail) }
    public static func unsupportedMediaType(_ detail: String) -> APIError { APIError(415, "unsupported_media_type", detail) }
    public static func unavailable(_ detail: String) -> APIError { APIError(503, "unavailable", detail) }
    public static let internalError = APIError(500, "internal", "an internal error occurred; quote the request id when reporting it")

    public static func validation(_ fieldErrors: [FieldError]) -> APIError {
        let detail = fieldErrors.count == 1 ? "1 field is invalid" : "\(fieldErrors.count) fields are invalid"
        return APIError(422, "validation_failed", detail, errors: fieldErrors.map(entry))
    }

    static func entry(_ e: FieldError) -> JSONObject {
        JSONObject([("field", .string(e.field)), ("code", .string(e.code)), ("message", .string(e.message))])
    }

    /// The one place where domain errors become HTTP statuses and codes.
    public init(_ error: SalesError) {
        switch error {
        case .notFound(let resource, let id):
            self.init(404, "not_found", "no \(resource.replacingOccurrences(of: "_", with: " ")) \(id)")
        case .validation(let errors):
            self = .validation(errors)
        case .invalidState(let detail):
            self.init(409, "invalid_state", detail)
        case .duplicate(let field, let existingId, let detail):
            var entry = APIError.entry(FieldError(field: field, code: "duplicate", message: detail))
            if let existingId { entry.set("existing_id", .number(String(existingId))) }
            self.init(409, "duplicate", detail, errors: [entry])
        case .inUse(let detail):
            self.init(409, "in_use", detail)
        case .versionConflict(let current):
            self.init(412, "version_conflict", "the resource is at version \(current); fetch it again and retry",
                      headers: [("ETag", "\"\(current)\"")])
        case .insufficientStock(let shortages):
            let entries = shortages.map { s -> JSONObject in
                var e = APIError.entry(FieldError(field: s.field, code: "insufficient_stock",
                                                  message: "requested \(s.requested.decimalText), available \(s.available.decimalText)"))
                e.set("product_id", .number(String(s.productId)))
                e.set("requested", .number(s.requested.decimalText))
                e.set("available", .number(s.available.decimalText))
                return e
            }
            self.init(409, "insufficient_stock", "not enough stock for \(shortages.count) line\(shortages.count == 1 ? "" : "s")", errors: entries)
        case .quantityExceeded(let excesses):
            let entries = excesses.map { x -> JSONObject in
                var e = APIError.entry(FieldError(field: x.field, code: "quantity_exceeded",
                                                  message: "requested \(x.requested.decimalText), remaining \(x.remaining.decimalText)"))
                e.set("line_id", .number(String(x.lineId)))
                e.set("requested", .number(x.requested.decimalText))
                e.set("remaining", .number(x.remaining.decimalText))
                return e
            }
            self.init(409, "quantity_exceeded", "\(excesses.count) line\(excesses.count == 1 ? " asks" : "s ask") for more than remains", errors: entries)
        case .amountExceeded(let excesses):
            let entries = excesses.map { x -> JSONObject in
                var e = APIError.entry(FieldError(field: x.field, code: "quantity_exceeded", message: x.message))
                if let invoiceId = x.invoiceId { e.set("invoice_id", .number(String(invoiceId))) }
                e.set("requested", .number(String(x.requested)))
                e.set("remaining", .number(String(x.remaining)))
                return e
            }
            self.init(409, "quantity_exceeded", excesses.map(\.message).joined(separator: "; "), errors: entries)
        case .nothingTo(let what, let detail):
            self.init(409, "nothing_to_\(what)", detail)
        case .creditLimitExceeded(let limit, let exposure, let currency):
            self.init(409, "credit_limit_exceeded",
                      "confirming would bring the customer's exposure to \(exposure) \(currency) (minor units), over its credit limit of \(limit)")
        case .limitExceeded(let field, let detail):
            self.init(409, "limit_exceeded", detail, errors: [APIError.entry(FieldError(field: field, code: "limit_exceeded", message: detail))])
        }
    }

    public var response: HTTPResponse {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.key("type"); w.string("about:blank")
        w.key("title"); w.string(reasonPhrase(status))
        w.key("status"); w.int(status)
        w.key("code"); w.string(code)
        w.key("detail"); w.string(detail)
        if !errors.isEmpty {
            w.key("errors")
            w.beginArray()
            for e in errors { w.value(.object(e)) }
            w.endArray()
        }
        w.endObject()
        var response = HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/problem+json")]), body: w.bytes)
        for (name, value) in headers { response.headers.add(name: name, value: value) }
        return response
    }
}
