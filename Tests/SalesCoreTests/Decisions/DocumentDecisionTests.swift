import Testing
import SalesCore

/// docs/api.md §3 invoices, credit notes, shipments and returns: what each may take, decided over values.
@Suite struct DocumentQuantityRules {
    typealias F = Fixture

    @Test func anInvoiceTakesUpToWhatRemainsAndNotOneThousandthMore() throws {
        let order = F.order([F.line(quantity: F.units(5), invoiced: F.thousandths(1500))])
        let picks = try InvoiceDecisions.picks(order, requests: [LineRequest(lineId: 1, quantity: F.thousandths(3500))])
        #expect(picks.map(\.quantity) == [F.thousandths(3500)])
        #expect(throws: SalesError.quantityExceeded([QuantityExcess(field: "lines[0].quantity", lineId: 1, requested: F.thousandths(3501),
                                                                    remaining: F.thousandths(3500))])) {
            try InvoiceDecisions.picks(order, requests: [LineRequest(lineId: 1, quantity: F.thousandths(3501))])
        }
        #expect(throws: SalesError.validation([FieldError(field: "lines[0].order_line_id", code: "not_found", message: "order SO-000007 has no line 9")])) {
            try InvoiceDecisions.picks(order, requests: [LineRequest(lineId: 9, quantity: F.units(1))])
        }
    }

    @Test func withoutLinesAnInvoiceTakesEverythingInvoiceableUnderEachPolicy() throws {
        let order = F.order([F.line(id: 1, quantity: F.units(5), invoiced: F.units(5)),
                             F.line(id: 2, quantity: F.units(4), policy: .delivered, shipped: F.units(3), invoiced: F.units(1))])
        #expect(try InvoiceDecisions.picks(order, requests: nil).map { [$0.line.id, $0.quantity.thousandths] } == [[2, 2000]])
        let done = F.order([F.line(quantity: F.units(5), invoiced: F.units(5))])
        #expect(throws: SalesError.nothingTo("invoice", detail: "order SO-000007 has nothing left to invoice")) {
            try InvoiceDecisions.picks(done, requests: nil)
        }
        #expect(throws: SalesError.invalidState("order SO-000007 is draft; only a confirmed order can be invoiced")) {
            try InvoiceDecisions.picks(F.order([F.line(quantity: F.units(1))], status: .draft), requests: nil)
        }
    }

    @Test func thePortionThatTakesTheRemainderTakesTheRemainingAmounts() throws {
        // 3 × 100 at 33.33% off: the line is round(199.99..)= 200; one unit is round(66.67) = 67.
        let line = F.line(quantity: F.units(3), discountE2: 3333)
        #expect(line.amounts.total == 200)
        let first = try InvoiceDecisions.portions([(line, F.units(1))]) { _ in Issue.record("not a remainder"); return .zero }
        #expect(first.map(\.amounts.total) == [67])
        var last = line
        last.invoiced = F.units(2)
        let rest = try InvoiceDecisions.portions([(last, F.units(1))]) { _ in LineAmounts(subtotal: 134, tax: 0, total: 134) }
        #expect(rest.map(\.amounts) == [LineAmounts(subtotal: 66, tax: 0, total: 66)])   // 67 + 67 + 66 = 200, no drift
    }

    @Test func theDueDateFollowsThePaymentTermsUnlessGiven() throws {
        #expect(try InvoiceDecisions.dueDate(issue: "2028-02-15", given: nil, paymentTermsDays: 14) == "2028-02-29")
        #expect(try InvoiceDecisions.dueDate(issue: "2028-02-15", given: "2028-03-01", paymentTermsDays: 14) == "2028-03-01")
        #expect(throws: SalesError.invalid("issue_date", "invalid_date", "issue_date must be a date like 2026-11-23")) {
            try InvoiceDecisions.dueDate(issue: "2028-02-30", given: nil, paymentTermsDays: 14)
        }
    }

    @Test func voidingGivesBackWhatNoCreditNoteTookAndTurnsPaymentsIntoCredit() throws {
        let invoice = F.invoice(lines: [F.invoiceLine(id: 11, orderLine: 1, quantity: F.units(3), credited: F.units(1)),
                                        F.invoiceLine(id: 12, orderLine: 2, quantity: F.units(2), credited: F.units(2))],
                                total: 500, paid: 250, credited: 100)
        let plan = try InvoiceDecisions.void(invoice)
        #expect(plan.quantitiesBack.map(\.orderLineId) == [1])
        #expect(plan.quantitiesBack.map(\.quantity) == [F.units(2)])
        #expect([plan.orderInvoicedDelta, plan.receivableDelta, plan.creditDelta] == [-400, -150, 250])
        #expect(throws: SalesError.invalidState("invoice INV-000021 is already void")) {
            try InvoiceDecisions.void(F.invoice(status: .void, total: 500))
        }
    }

    @Test func aCreditNoteTakesAtMostWhatIsNotCreditedAndReducesWhatIsDueFirst() throws {
        let invoice = F.invoice(lines: [F.invoiceLine(quantity: F.units(2), credited: F.thousandths(500))], total: 200, paid: 120)
        #expect(try CreditNoteDecisions.picks(invoice, requests: [LineRequest(lineId: 11, quantity: F.thousandths(1500))]).map(\.quantity)
                == [F.thousandths(1500)])
        #expect(throws: SalesError.quantityExceeded([QuantityExcess(field: "lines[0].quantity", lineId: 11, requested: F.thousandths(1501),
                                                                    remaining: F.thousandths(1500))])) {
            try CreditNoteDecisions.picks(invoice, requests: [LineRequest(lineId: 11, quantity: F.thousandths(1501))])
        }
        // amount_due 80: a credit of 80 comes from it alone; 81 takes 1 off the payments (→ customer credit).
        #expect(CreditNoteDecisions.split(total: 80, invoice: invoice) == (80, 0))
        #expect(CreditNoteDecisions.split(total: 81, invoice: invoice) == (80, 1))
        let credited = F.invoice(lines: [F.invoiceLine(quantity: F.units(2), credited: F.units(2))], total: 200)
        #expect(throws: SalesError.invalidState("invoice INV-000021 is fully credited already")) {
            try CreditNoteDecisions.picks(credited, requests: nil)
        }
        #expect(throws: SalesError.invalidState("invoice INV-000021 is void and cannot be credited")) {
            try CreditNoteDecisions.picks(F.invoice(status: .void, total: 200), requests: nil)
        }
    }

    @Test func aShipmentTakesItsReservationThenUnreservedStockToTheLastThousandth() throws {
        // 2 reserved for the line, 1.5 unreserved (on hand 5.5, reserved 4 in all).
        let order = F.order([F.line(quantity: F.units(6), reserved: F.units(2))])
        let stock = F.stock(onHand: F.thousandths(5500), reserved: F.units(4))
        let picks = try ShipmentDecisions.picks(order, requests: [LineRequest(lineId: 1, quantity: F.thousandths(3500))], stock: stock)
        #expect(picks.map { [$0.quantity.thousandths, $0.fromReserved.thousandths, $0.fromUnreserved.thousandths] } == [[3500, 2000, 1500]])
        #expect(throws: SalesError.insufficientStock([StockShortage(productId: 1, requested: F.thousandths(3501), available: F.thousandths(3500),
                                                                    field: "lines[0].quantity")])) {
            try ShipmentDecisions.picks(order, requests: [LineRequest(lineId: 1, quantity: F.thousandths(3501))], stock: stock)
        }
        #expect(throws: SalesError.quantityExceeded([QuantityExcess(field: "lines[0].quantity", lineId: 1, requested: F.thousandths(6001),
                                                                    remaining: F.units(6))])) {
            try ShipmentDecisions.picks(order, requests: [LineRequest(lineId: 1, quantity: F.thousandths(6001))], stock: stock)
        }
    }

    @Test func withoutLinesEachLineShipsWhatStockServesInLineOrder() throws {
        let order = F.order([F.line(id: 1, quantity: F.units(2)), F.line(id: 2, quantity: F.units(2)),
                             F.line(id: 3, product: 9, quantity: F.units(1), stockable: false)])
        let picks = try ShipmentDecisions.picks(order, requests: nil, stock: F.stock(onHand: F.units(3)))
        #expect(picks.map { [$0.line.id, $0.quantity.thousandths] } == [[1, 2000], [2, 1000]])
        #expect(throws: SalesError.insufficientStock([StockShortage(productId: 1, requested: F.units(2), available: F.units(0), field: "lines[0].quantity"),
                                                      StockShortage(productId: 1, requested: F.units(2), available: F.units(0), field: "lines[1].quantity")])) {
            try ShipmentDecisions.picks(order, requests: nil, stock: F.stock(onHand: F.units(0)))
        }
        let shipped = F.order([F.line(quantity: F.units(2), shipped: F.units(2))])
        #expect(throws: SalesError.nothingTo("ship", detail: "order SO-000007 has nothing left to ship")) {
            try ShipmentDecisions.picks(shipped, requests: nil, stock: F.stock(onHand: F.units(3)))
        }
        #expect(throws: SalesError.validation([FieldError(field: "lines[0].order_line_id", code: "not_stockable", message: "line 3 is a service and is not shipped")])) {
            try ShipmentDecisions.picks(order, requests: [LineRequest(lineId: 3, quantity: F.units(1))], stock: F.stock(onHand: F.units(3)))
        }
    }

    @Test func aReturnTakesAtMostWhatWasShippedAndNotReturned() throws {
        let shipment = F.shipment([F.shipmentLine(quantity: F.units(3), returned: F.thousandths(999))])
        #expect(try ShipmentDecisions.returnPicks(shipment, requests: [LineRequest(lineId: 41, quantity: F.thousandths(2001))]).map(\.quantity)
                == [F.thousandths(2001)])
        #expect(throws: SalesError.quantityExceeded([QuantityExcess(field: "lines[0].quantity", lineId: 41, requested: F.thousandths(2002),
                                                                    remaining: F.thousandths(2001))])) {
            try ShipmentDecisions.returnPicks(shipment, requests: [LineRequest(lineId: 41, quantity: F.thousandths(2002))])
        }
        #expect(throws: SalesError.invalidState("shipment SH-000051 is canceled; nothing can be returned from it")) {
            try ShipmentDecisions.returnPicks(F.shipment([], status: .canceled), requests: [])
        }
        #expect(throws: SalesError.invalidState("shipment SH-000051 has returns; it cannot be canceled")) {
            try ShipmentDecisions.cancel(shipment)
        }
        #expect(throws: SalesError.invalidState("shipment SH-000051 is delivered; only a shipped one can be delivered")) {
            try ShipmentDecisions.deliver(F.shipment([], status: .delivered))
        }
    }
}
