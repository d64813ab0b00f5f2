import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import SalesClient
import Testing

/// A transport that sends every request to the real server and, for the first `losing`
/// attempts, throws away the answer as a dropped connection would: the server did the work, the
/// app never heard. It records what each attempt sent and got.
final class LosingTransport: ClientTransport, @unchecked Sendable {
    struct Attempt { var method: HTTPRequest.Method; var idempotencyKey: String?; var status: Int; var replayed: String? }
    private let lock = NSLock()
    private var lost = 0
    private var log: [Attempt] = []
    let losing: Int
    let real = URLSessionTransport()

    init(losing: Int) { self.losing = losing }

    var attempts: [Attempt] { lock.withLock { log } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await real.send(request, body: body, baseURL: baseURL, operationID: operationID)
        let drop: Bool = lock.withLock {
            log.append(Attempt(method: request.method, idempotencyKey: request.headerFields[HTTPField.Name("Idempotency-Key")!],
                               status: response.status.code, replayed: response.headerFields[HTTPField.Name("Idempotent-Replayed")!]))
            guard lost < losing else { return false }
            lost += 1
            return true
        }
        if drop { throw URLError(.networkConnectionLost) }
        return (response, responseBody)
    }
}

@Suite struct MiddlewareTests {
    static let quickRetries = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(10), maxDelay: .seconds(1))

    /// A POST whose answer is lost twice is sent three times with one key; the server runs it once.
    @Test func aRetriedPostKeepsItsIdempotencyKeyAndHasOneEffect() async throws {
        let transport = LosingTransport(losing: 2)
        let sales = Sales(serverURL: try LiveServer.url(), apiKey: try LiveServer.apiKey(), retry: Self.quickRetries, transport: transport)
        let name = LiveServer.unique("Retried")

        let customer = try await sales.api.createCustomer(body: .json(.init(name: name))).created.body.json

        let attempts = transport.attempts
        #expect(attempts.count == 3)
        #expect(Set(attempts.map(\.idempotencyKey)).count == 1)
        #expect(attempts[0].idempotencyKey?.isEmpty == false)
        #expect(attempts.map(\.status) == [201, 201, 201])
        #expect(attempts.map(\.replayed) == [nil, "true", "true"])
        let same = try await LiveServer.sales().api.listCustomers(query: .init(q: name)).ok.body.json
        #expect(same.data.map(\.id) == [customer.id])
    }

    /// A key the caller chose is the one sent (to carry one sale's key across an app restart).
    @Test func aCallersOwnKeyIsKept() async throws {
        let transport = LosingTransport(losing: 0)
        let sales = Sales(serverURL: try LiveServer.url(), apiKey: try LiveServer.apiKey(), transport: transport)
        let key = "pos-7-sale-\(UUID().uuidString)"
        let first = try await sales.api.createCustomer(headers: .init(idempotencyKey: key), body: .json(.init(name: LiveServer.unique("Own key"))))
            .created.body.json
        let again = try await sales.api.createCustomer(headers: .init(idempotencyKey: key), body: .json(.init(name: first.name)))
            .created.body.json
        #expect(again.id == first.id)
        #expect(transport.attempts.map(\.idempotencyKey) == [key, key])
        #expect(transport.attempts.map(\.replayed) == [nil, "true"])
    }

    /// PATCH is not sent again: after a first success its If-Match would be stale.
    @Test func aPatchIsNotRetried() async throws {
        let created = try await LiveServer.sales().api.createCustomer(body: .json(.init(name: LiveServer.unique("Patched")))).created.body.json
        let transport = LosingTransport(losing: 1)
        let sales = Sales(serverURL: try LiveServer.url(), apiKey: try LiveServer.apiKey(), retry: Self.quickRetries, transport: transport)
        await #expect(throws: (any Error).self) {
            _ = try await sales.api.updateCustomer(path: .init(id: created.id), body: .json(.init(phone: "+1 555 0100")))
        }
        #expect(transport.attempts.count == 1)
        #expect(transport.attempts.first?.method == .patch)
    }

    /// A 422 arrives as an APIProblem naming each bad field.
    @Test func aValidationErrorNamesItsFields() async throws {
        do {
            _ = try await LiveServer.sales().api.createCustomer(body: .json(.init(name: "Ok", email: "not an email", paymentTermsDays: 4000)))
            Issue.record("an invalid customer was accepted")
        } catch {
            let problem = try #require(error.apiProblem)
            #expect(problem.status == 422)
            #expect(problem.code == "validation_failed")
            #expect(Set(problem.errors.map(\.field)) == ["email", "payment_terms_days"])
            #expect(problem.errors(for: "payment_terms_days").count == 1)
        }
    }

    /// Every item of a list, across pages of two, in order.
    @Test func aListIsOneSequenceAcrossPages() async throws {
        let sales = try LiveServer.sales()
        let tag = LiveServer.unique("Paged")
        var made: [Int64] = []
        for index in 1...5 {
            made.append(try await sales.api.createCustomer(body: .json(.init(name: "\(tag) \(index)"))).created.body.json.id)
        }
        var seen: [Int64] = []
        for try await customer in sales.customers(.init(q: tag, limit: 2)) { seen.append(customer.id) }
        #expect(seen == made)

        var none = 0
        for try await _ in sales.customers(.init(q: LiveServer.unique("Nobody"))) { none += 1 }
        #expect(none == 0)
    }

    /// The event feed from an id: the events a new customer made, in order.
    @Test func theEventFeedFollowsFromAnId() async throws {
        let sales = try LiveServer.sales()
        var last: Int64 = 0
        for try await event in sales.events() { last = event.id }
        let customer = try await sales.api.createCustomer(body: .json(.init(name: LiveServer.unique("Evented")))).created.body.json
        _ = try await sales.api.updateCustomer(path: .init(id: customer.id), body: .json(.init(phone: "+1 555 0101")))
        var types: [String] = []
        for try await event in sales.events(after: last) where event.resourceType == "customer" && event.resourceId == customer.id {
            types.append(event._type)
        }
        #expect(types == ["customer.created", "customer.updated"])
    }
}
