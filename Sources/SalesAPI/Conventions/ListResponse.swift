import SalesJSON
import SalesStore

/// The list envelope of docs/api.md §1: {"data": [...], "has_more": bool, "next_cursor": string|null}.
enum ListResponse {
    static func make<T>(_ page: Page<T>, cursor: (T) -> Cursor, write: (T, inout JSONWriter) -> Void) -> APIResponse {
        APIResponse.json { w in
            w.beginObject()
            w.key("data")
            w.beginArray()
            for item in page.items { write(item, &w) }
            w.endArray()
            w.key("has_more"); w.bool(page.hasMore)
            w.key("next_cursor")
            if page.hasMore, let last = page.items.last { w.string(cursor(last).encoded) } else { w.null() }
            w.endObject()
        }
    }
}
