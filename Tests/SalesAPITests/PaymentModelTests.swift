import Foundation
import Testing
import HTTPTestSupport

/// Issue 6's randomized model test: thousands of random money operations against the real
/// server, each compared with a small reference model of docs/api.md §3 written here, with the
/// invariants of §4 (2, 3) checked throughout by `sales-server check`'s own code.
@Suite struct PaymentModel {
    /// The reference model: only what docs/api.md says, in plain integers.
    struct Model {
        struct OrderLine { var id: Int; var quantity: Int; var invoiced = 0 }
        struct Order { var id: Int; var customer: Int; var total: Int; var lines: [OrderLine] }
        struct InvoiceLine { var id: Int; var orderLine: Int; var quantity: Int; var credited = 0 }
        struct Invoice {
            var id: Int; var order: Int; var customer: Int; var issue: String; var total: Int
            var paid = 0, credited = 0, due: Int, void = false
            var lines: [InvoiceLine]
            var status: String { void ? "void" : (due == 0 ? "paid" : "open") }
        }
        struct Allocation { var invoice: Int; var payment: Int?; var amount: Int }
        struct Payment { var id: Int; var customer: Int; var amount: Int; var allocated = 0; var void = false }

        var credit: [Int: Int] = [:]
        var ledger: [Int: [String]] = [:]
        var orders: [Int: Order] = [:]
        var invoices: [Int: Invoice] = [:]
        /// In creation order, which is also allocation id order ("newest first" = from the end).
        var allocations: [Allocation] = []
        var payments: [Int: Payment] = [:]

        func receivable(_ customer: Int) -> Int { invoices.values.filter { $0.customer == customer && !$0.void }.reduce(0) { $0 + $1.due } }
        func net(_ customer: Int) -> Int { receivable(customer) - credit[customer, default: 0] }

        /// docs/api.md §3 Sales orders: what an order reads of its invoices, stated from them —
        /// `paid` when none of its invoices is due and what was paid covers the total less their
        /// credit notes.
        func moneyState(_ id: Int) -> String {
            let order = orders[id]!
            let counted = invoices.values.filter { $0.order == id && !$0.void }
            let invoiced = counted.reduce(0) { $0 + $1.total - $1.credited }
            let paid = counted.reduce(0) { $0 + $1.paid }, due = counted.reduce(0) { $0 + $1.due }
            let credited = counted.reduce(0) { $0 + $1.credited }
            let invoiceStatus = order.lines.allSatisfy { $0.invoiced == 0 } ? "not_invoiced"
                : order.lines.allSatisfy { $0.invoiced == $0.quantity } ? "invoiced" : "partially_invoiced"
            let paymentStatus = due == 0 && paid >= order.total - credited && (paid > 0 || invoiceStatus != "not_invoiced") ? "paid"
                : paid > 0 ? "partially_paid" : "unpaid"
            return "invoiced \(invoiced) paid \(paid) \(invoiceStatus) \(paymentStatus)"
        }

        mutating func post(_ customer: Int, _ type: String, _ number: String, _ amount: Int) {
            ledger[customer, default: []].append("\(type) \(number) \(amount) → \(net(customer))")
        }

        /// Open invoices (of `customer`, or of `order`), oldest due date first (terms are equal,
        /// so issue date orders them), each taking what it can.
        func plan(amount: Int, customer: Int, order: Int?) -> [(Int, Int)] {
            var left = amount
            var out: [(Int, Int)] = []
            let open = invoices.values.filter { $0.customer == customer && !$0.void && $0.due > 0 && (order == nil || $0.order == order) }
                .sorted { ($0.issue, $0.id) < ($1.issue, $1.id) }
            for invoice in open where left > 0 {
                let take = min(left, invoice.due)
                out.append((invoice.id, take))
                left -= take
            }
            return out
        }

        mutating func allocate(_ invoice: Int, _ amount: Int, payment: Int?) {
            invoices[invoice]!.paid += amount
            invoices[invoice]!.due -= amount
            allocations.append(Allocation(invoice: invoice, payment: payment, amount: amount))
        }

        /// Takes `amount` off an invoice's allocations, newest first (docs/api.md §3 void, credit notes).
        mutating func release(_ invoice: Int, _ amount: Int) {
            var left = amount
            for index in allocations.indices.reversed() where left > 0 && allocations[index].invoice == invoice && allocations[index].amount > 0 {
                let take = min(left, allocations[index].amount)
                allocations[index].amount -= take
                if let p = allocations[index].payment { payments[p]!.allocated -= take }
                left -= take
            }
            precondition(left == 0, "model released more than was allocated")
            invoices[invoice]!.paid -= amount
        }
    }

    /// A failing run names its seed; SALES_MODEL_SEED=… replays it (SALES_MODEL_STEPS sets the length).
    @Test func randomOperationsAgreeWithTheModel() async throws {
        let seed = ProcessInfo.processInfo.environment["SALES_MODEL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        let steps = ProcessInfo.processInfo.environment["SALES_MODEL_STEPS"].flatMap(Int.init) ?? 2000
        try await withAPI { api in
            let run = try await ModelRun(api: api, seed: seed)
            try await run.go(steps: steps)
            // Every kind of operation happened at least once.
            #expect(run.counts.count == 10, "seed \(seed): \(run.counts)")
        }
    }
}

/// Drives the server and the model side by side.
final class ModelRun {
    typealias Model = PaymentModel.Model
    let api: TestServer
    let seed: UInt64
    var rng: SeededGenerator
    var m = Model()
    var counts: [String: Int] = [:]
    var products: [Int] = []
    var customers: [Int] = []
    let dates = ["2026-10-01", "2026-10-15", "2026-11-01"]

    init(api: TestServer, seed: UInt64) async throws {
        self.api = api
        self.seed = seed
        rng = SeededGenerator(seed: seed)
        let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"7.25","percent":7.25}"#)["id"] as? Int)
        for (price, taxed) in [(333, true), (1999, false), (5, true)] {
            products.append(try await api.product(price: price, extra: #","type":"service""# + (taxed ? #","tax_rate_id":\#(tax)"# : "")))
        }
        for _ in 0..<3 {
            let id = try await api.customer()
            customers.append(id)
            m.credit[id] = 0
        }
    }

    func expect(_ reply: Reply, _ status: Int, _ code: String? = nil, _ what: String) {
        #expect(reply.status == status && (code == nil || reply.code == code),
                "seed \(seed): \(what) → \(reply.status) \(reply.code ?? "") \(reply.text.prefix(300))")
    }

    func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    func coin() -> Bool { Bool.random(using: &rng) }

    func go(steps: Int) async throws {
        for step in 1...steps {
            let customer = customers.randomElement(using: &rng)!
            let roll = int(0...99)
            switch roll {
            case 0..<14: try await order(customer)
            case 14..<30: try await invoice(customer)
            case 30..<44: try await payment(customer)
            case 44..<50: try await orderPayment(customer)
            case 50..<58: try await voidInvoice(customer)
            case 58..<68: try await creditNote(customer)
            case 68..<80: try await applyCredit(customer)
            case 80..<88: try await refund(customer)
            default: try await voidPayment(customer)
            }
            // After each step: the touched customer's balance; now and then everything.
            let b = try await api.balance(customer)
            let agrees = b["receivable"] == m.receivable(customer) && b["credit_balance"] == m.credit[customer] && b["net_balance"] == m.net(customer)
            #expect(agrees, "seed \(seed) step \(step) (roll \(roll)): \(b) vs receivable \(m.receivable(customer)) credit \(m.credit[customer]!)")
            if !agrees { break }
            if step % 250 == 0 { try await compareAll(step) }
        }
        try await compareAll(steps)
        // The whole statement of account, entry by entry, with running balances.
        for customer in customers {
            var served: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.call("GET", "/v1/customers/\(customer)/ledger?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""))
                served += page.data.map { "\($0["type"] as? String ?? "?") \($0["number"] as? String ?? "?") \($0["amount"] as? Int ?? 0) → \($0["balance_after"] as? Int ?? 0)" }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            #expect(served == m.ledger[customer, default: []], "seed \(seed): ledger of customer \(customer)")
        }
    }

    func compareAll(_ step: Int) async throws {
        for customer in customers {
            let b = try await api.balance(customer)
            #expect(b["receivable"] == m.receivable(customer) && b["credit_balance"] == m.credit[customer],
                    "seed \(seed) step \(step): customer \(customer) balance \(b)")
        }
        for invoice in m.invoices.values {
            let state = try await api.invoiceState(invoice.id)
            #expect(state == "\(invoice.status) paid \(invoice.paid) credited \(invoice.credited) due \(invoice.due)",
                    "seed \(seed) step \(step): invoice \(invoice.id)")
        }
        for order in m.orders.keys {
            let o = try await api.call("GET", "/v1/orders/\(order)")
            let state = "invoiced \(o["amount_invoiced"] as? Int ?? -1) paid \(o["amount_paid"] as? Int ?? -1) "
                + "\(o["invoice_status"] as? String ?? "?") \(o["payment_status"] as? String ?? "?")"
            #expect(state == m.moneyState(order), "seed \(seed) step \(step): order \(order)")
        }
        for payment in m.payments.values {
            let p = try await api.call("GET", "/v1/payments/\(payment.id)")
            #expect(p["amount_allocated"] as? Int == payment.allocated && p["status"] as? String == (payment.void ? "void" : "posted"),
                    "seed \(seed) step \(step): payment \(payment.id) \(p.text.prefix(200))")
        }
        let breaches = try await api.checkClean()
        #expect(breaches.isEmpty, "seed \(seed) step \(step): \(breaches)")
    }

    func invoicesOf(_ customer: Int) -> [Model.Invoice] { m.invoices.values.filter { $0.customer == customer }.sorted { $0.id < $1.id } }
    func ordersOf(_ customer: Int) -> [Model.Order] { m.orders.values.filter { $0.customer == customer }.sorted { $0.id < $1.id } }

    /// A confirmed order of one or two lines.
    func order(_ customer: Int) async throws {
        var lines: [String] = []
        for product in products.shuffled(using: &rng).prefix(int(1...2)) {
            lines.append(#"{"product_id":\#(product),"quantity":\#(int(1...6))}"#)
        }
        let reply = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"confirm":true,"lines":[\#(lines.joined(separator: ","))]}"#)
        expect(reply, 201, nil, "order")
        let id = try #require(reply["id"] as? Int)
        let modelLines = (reply["lines"] as? [[String: Any]] ?? []).map { Model.OrderLine(id: $0["id"] as? Int ?? 0, quantity: $0["quantity"] as? Int ?? 0) }
        m.orders[id] = Model.Order(id: id, customer: customer, total: try #require(reply["total"] as? Int), lines: modelLines)
        counts["order", default: 0] += 1
    }

    /// Invoice an order: everything, or part of one line (sometimes too much).
    func invoice(_ customer: Int) async throws {
        guard let order = ordersOf(customer).randomElement(using: &rng) else { return }
        let issue = dates.randomElement(using: &rng)!
        let partial = coin()
        let line = order.lines.randomElement(using: &rng)!
        let asked = int(1...max(1, line.quantity - line.invoiced + 1))
        let body = partial ? #"{"issue_date":"\#(issue)","lines":[{"order_line_id":\#(line.id),"quantity":\#(asked)}]}"# : #"{"issue_date":"\#(issue)"}"#
        let reply = try await api.call("POST", "/v1/orders/\(order.id)/invoices", body)
        let remaining = order.lines.reduce(0) { $0 + $1.quantity - $1.invoiced }
        if partial && asked > line.quantity - line.invoiced { return expect(reply, 409, "quantity_exceeded", "invoice too much") }
        if !partial && remaining == 0 { return expect(reply, 409, "nothing_to_invoice", "invoice nothing") }
        expect(reply, 201, nil, "invoice")
        let id = try #require(reply["id"] as? Int)
        let total = try #require(reply["total"] as? Int)
        var invoiceLines: [Model.InvoiceLine] = []
        for l in reply["lines"] as? [[String: Any]] ?? [] {
            let orderLine = l["order_line_id"] as? Int ?? 0, quantity = l["quantity"] as? Int ?? 0
            invoiceLines.append(Model.InvoiceLine(id: l["id"] as? Int ?? 0, orderLine: orderLine, quantity: quantity))
            let index = try #require(m.orders[order.id]!.lines.firstIndex { $0.id == orderLine })
            m.orders[order.id]!.lines[index].invoiced += quantity
        }
        m.invoices[id] = Model.Invoice(id: id, order: order.id, customer: customer, issue: issue, total: total, due: total, lines: invoiceLines)
        m.post(customer, "invoice", reply["number"] as? String ?? "?", total)
        counts["invoice", default: 0] += 1
    }

    /// A payment: automatic, explicit (sometimes over amount_due), or on account.
    func payment(_ customer: Int) async throws {
        let kind = int(0...2)
        if kind == 1, let target = invoicesOf(customer).filter({ !$0.void && $0.due > 0 }).randomElement(using: &rng) {
            let allocate = int(1...(target.due + 20))
            let amount = allocate + int(0...50)
            let reply = try await api.call("POST", "/v1/payments",
                                           #"{"customer_id":\#(customer),"amount":\#(amount),"method":"card","allocations":[{"invoice_id":\#(target.id),"amount":\#(allocate)}]}"#)
            if allocate > target.due { return expect(reply, 409, "quantity_exceeded", "allocation over due") }
            expect(reply, 201, nil, "explicit payment")
            try record(reply, customer: customer, amount: amount, plan: [(target.id, allocate)])
            counts["payment explicit", default: 0] += 1
            return
        }
        let amount = int(1...max(1, m.receivable(customer) + 300))
        let onAccount = kind == 2
        let body = #"{"customer_id":\#(customer),"amount":\#(amount),"method":"cash""# + (onAccount ? #","allocations":[]}"# : "}")
        let reply = try await api.call("POST", "/v1/payments", body)
        expect(reply, 201, nil, "payment")
        try record(reply, customer: customer, amount: amount, plan: onAccount ? [] : m.plan(amount: amount, customer: customer, order: nil))
        counts["payment", default: 0] += 1
    }

    /// Pay an order: its open invoices first, the rest to credit.
    func orderPayment(_ customer: Int) async throws {
        guard let order = ordersOf(customer).randomElement(using: &rng) else { return }
        let amount = int(1...2000)
        let reply = try await api.call("POST", "/v1/orders/\(order.id)/payments", #"{"amount":\#(amount),"method":"card"}"#)
        expect(reply, 201, nil, "order payment")
        try record(reply, customer: customer, amount: amount, plan: m.plan(amount: amount, customer: customer, order: order.id))
        counts["order payment", default: 0] += 1
    }

    func record(_ reply: Reply, customer: Int, amount: Int, plan: [(Int, Int)]) throws {
        let id = try #require(reply["id"] as? Int)
        let allocated = plan.reduce(0) { $0 + $1.1 }
        m.payments[id] = Model.Payment(id: id, customer: customer, amount: amount, allocated: allocated)
        let served = (reply["allocations"] as? [[String: Any]] ?? []).map { "\($0["invoice_id"] as? Int ?? 0):\($0["amount"] as? Int ?? 0)" }
        #expect(served == plan.map { "\($0.0):\($0.1)" }, "seed \(seed): payment \(id) allocations")
        for (invoice, take) in plan { m.allocate(invoice, take, payment: id) }
        m.credit[customer]! += amount - allocated
        m.post(customer, "payment", reply["number"] as? String ?? "?", -amount)
    }

    /// Void an invoice: paid → credit, quantities invoiceable again.
    func voidInvoice(_ customer: Int) async throws {
        guard let invoice = invoicesOf(customer).randomElement(using: &rng) else { return }
        let reply = try await api.call("POST", "/v1/invoices/\(invoice.id)/void")
        if invoice.void { return expect(reply, 409, "invalid_state", "void twice") }
        expect(reply, 200, nil, "void invoice")
        let paid = invoice.paid
        m.release(invoice.id, paid)
        m.credit[customer]! += paid
        m.invoices[invoice.id]!.due = 0
        m.invoices[invoice.id]!.void = true
        for line in invoice.lines {
            let index = m.orders[invoice.order]!.lines.firstIndex { $0.id == line.orderLine }!
            m.orders[invoice.order]!.lines[index].invoiced -= line.quantity - line.credited
        }
        m.post(customer, "invoice_void", reply["number"] as? String ?? "?", -(invoice.total - invoice.credited))
        counts["invoice void", default: 0] += 1
    }

    /// A credit note: part of a line, or the whole remaining invoice.
    func creditNote(_ customer: Int) async throws {
        guard let invoice = invoicesOf(customer).randomElement(using: &rng) else { return }
        let line = invoice.lines.randomElement(using: &rng)!
        let whole = coin()
        let asked = int(1...(line.quantity - line.credited + 1))
        let body = whole ? #"{"reason":"model"}"# : #"{"reason":"model","lines":[{"invoice_line_id":\#(line.id),"quantity":\#(asked)}]}"#
        let reply = try await api.call("POST", "/v1/invoices/\(invoice.id)/credit-notes", body)
        let creditable = invoice.lines.reduce(0) { $0 + $1.quantity - $1.credited }
        if invoice.void { return expect(reply, 409, "invalid_state", "credit void") }
        if whole && creditable == 0 { return expect(reply, 409, "invalid_state", "credit nothing") }
        if !whole && asked > line.quantity - line.credited { return expect(reply, 409, "quantity_exceeded", "credit too much") }
        expect(reply, 201, nil, "credit note")
        let total = try #require(reply["total"] as? Int)
        for l in reply["lines"] as? [[String: Any]] ?? [] {
            let invoiceLine = l["invoice_line_id"] as? Int ?? 0, quantity = l["quantity"] as? Int ?? 0
            let index = m.invoices[invoice.id]!.lines.firstIndex { $0.id == invoiceLine }!
            m.invoices[invoice.id]!.lines[index].credited += quantity
            let orderLine = m.invoices[invoice.id]!.lines[index].orderLine
            let o = m.orders[invoice.order]!.lines.firstIndex { $0.id == orderLine }!
            m.orders[invoice.order]!.lines[o].invoiced -= quantity
        }
        let fromDue = min(invoice.due, total)
        m.release(invoice.id, total - fromDue)
        m.invoices[invoice.id]!.due -= fromDue
        m.invoices[invoice.id]!.credited += total
        m.credit[customer]! += total - fromDue
        m.post(customer, "credit_note", reply["number"] as? String ?? "?", -total)
        counts["credit note", default: 0] += 1
    }

    /// Apply credit: the default, or an amount that may be too much.
    func applyCredit(_ customer: Int) async throws {
        guard let invoice = invoicesOf(customer).randomElement(using: &rng) else { return }
        let credit = m.credit[customer]!
        let requested: Int? = coin() ? nil : int(1...max(1, credit + 20))
        let reply = try await api.call("POST", "/v1/invoices/\(invoice.id)/apply-credit", requested.map { #"{"amount":\#($0)}"# })
        if invoice.void || invoice.due == 0 { return expect(reply, 409, "invalid_state", "apply to closed") }
        let amount = requested ?? min(credit, invoice.due)
        if amount == 0 || amount > credit || amount > invoice.due { return expect(reply, 409, "quantity_exceeded", "apply too much") }
        expect(reply, 200, nil, "apply credit")
        m.allocate(invoice.id, amount, payment: nil)
        m.credit[customer]! -= amount
        counts["apply credit", default: 0] += 1
    }

    /// Refund credit, sometimes more than there is.
    func refund(_ customer: Int) async throws {
        let amount = int(1...(m.credit[customer]! + 30))
        let reply = try await api.call("POST", "/v1/customers/\(customer)/credit-refunds", #"{"amount":\#(amount),"method":"bank_transfer"}"#)
        if amount > m.credit[customer]! { return expect(reply, 409, "quantity_exceeded", "refund too much") }
        expect(reply, 201, nil, "refund")
        m.credit[customer]! -= amount
        m.post(customer, "credit_refund", reply["number"] as? String ?? "?", amount)
        counts["refund", default: 0] += 1
    }

    /// Void a payment: allocations undone, its credit part taken back if still there.
    func voidPayment(_ customer: Int) async throws {
        guard let payment = m.payments.values.filter({ $0.customer == customer }).sorted(by: { $0.id < $1.id }).randomElement(using: &rng) else { return }
        let reply = try await api.call("POST", "/v1/payments/\(payment.id)/void", #"{"reason":"bounced"}"#)
        let unallocated = payment.amount - payment.allocated
        if payment.void || m.credit[customer]! < unallocated { return expect(reply, 409, "invalid_state", "payment void refused") }
        expect(reply, 200, nil, "payment void")
        for index in m.allocations.indices where m.allocations[index].payment == payment.id && m.allocations[index].amount > 0 {
            let a = m.allocations[index]
            m.invoices[a.invoice]!.paid -= a.amount
            m.invoices[a.invoice]!.due += a.amount
            m.allocations[index].amount = 0
        }
        m.payments[payment.id]!.allocated = 0
        m.payments[payment.id]!.void = true
        m.credit[customer]! -= unallocated
        m.post(customer, "payment_void", reply["number"] as? String ?? "?", payment.amount)
        counts["payment void", default: 0] += 1
    }
}
