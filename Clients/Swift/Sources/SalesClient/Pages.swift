import Foundation

/// Every item of a keyset-paginated list (docs/api.md §1 "lists"), fetched a page at a time as
/// the loop asks for more, following `next_cursor` until `has_more` is false.
///
///     for try await customer in sales.customers(.init(active: true)) { … }
///
/// Any list operation works with `Sales.all`: give it how to read the page after a cursor.
public struct Pages<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item
    /// One page: its items and the cursor of the next, nil on the last.
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> (items: [Item], nextCursor: String?)

    let fetch: Fetch

    public init(_ fetch: @escaping Fetch) { self.fetch = fetch }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let fetch: Fetch
        var buffered: [Item] = []
        var index = 0
        var cursor: String?
        var finished = false

        public mutating func next() async throws -> Item? {
            while index == buffered.count {
                if finished { return nil }
                let page = try await fetch(cursor)
                (buffered, index) = (page.items, 0)
                cursor = page.nextCursor
                finished = page.nextCursor == nil
            }
            defer { index += 1 }
            return buffered[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(fetch: fetch) }
}

extension Sales {
    /// Any list, given how to read one page: `sales.all { try await sales.api.listInvoices(query: .init(cursor: $0)).ok.body.json }`
    /// with a closure that answers the page's `data` and `next_cursor`.
    public func all<Item: Sendable>(_ fetch: @escaping Pages<Item>.Fetch) -> Pages<Item> { Pages(fetch) }

    /// Every customer the query matches, oldest first (the query's `cursor` is where to start).
    public func customers(_ query: Operations.ListCustomers.Input.Query = .init()) -> Pages<Components.Schemas.Customer> {
        pages(query) { api, query in
            let page = try await api.listCustomers(query: query).ok.body.json
            return (page.data, page.nextCursor)
        }
    }

    /// Every order the query matches.
    public func orders(_ query: Operations.ListOrders.Input.Query = .init()) -> Pages<Components.Schemas.Order> {
        pages(query) { api, query in
            let page = try await api.listOrders(query: query).ok.body.json
            return (page.data, page.nextCursor)
        }
    }

    /// Every invoice the query matches.
    public func invoices(_ query: Operations.ListInvoices.Input.Query = .init()) -> Pages<Components.Schemas.Invoice> {
        pages(query) { api, query in
            let page = try await api.listInvoices(query: query).ok.body.json
            return (page.data, page.nextCursor)
        }
    }

    /// The pages of one list: the query again with each next cursor.
    func pages<Query: CursorQuery, Item: Sendable>(
        _ query: Query,
        _ read: @escaping @Sendable (Client, Query) async throws -> (items: [Item], nextCursor: String?)
    ) -> Pages<Item> {
        let api = api
        return Pages { cursor in
            var query = query
            if let cursor { query.cursor = cursor }
            return try await read(api, query)
        }
    }

    /// The event feed after an event id, oldest first, to the newest event now (docs/api.md §3
    /// "events"). Keep the last id you handled and start from it next time.
    public func events(after: Int64 = 0, type: String? = nil) -> Pages<Components.Schemas.Event> {
        let api = api
        return Pages { cursor in
            let from = cursor.flatMap(Int64.init) ?? after
            let page = try await api.listEvents(query: .init(after: from, _type: type, limit: 200)).ok.body.json
            return (page.data, page.hasMore ? page.nextCursor : nil)
        }
    }
}

/// A list operation's query: it takes the `cursor` of the page to read.
protocol CursorQuery: Sendable {
    var cursor: String? { get set }
}

extension Operations.ListCustomers.Input.Query: CursorQuery {}
extension Operations.ListOrders.Input.Query: CursorQuery {}
extension Operations.ListInvoices.Input.Query: CursorQuery {}
