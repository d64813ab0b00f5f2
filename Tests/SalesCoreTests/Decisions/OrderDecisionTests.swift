import Testing
import SalesCore

/// docs/api.md §3 "Sales orders" confirm and cancel, decided over values at their boundaries.
@Suite struct OrderConfirmationRules {
    typealias F = Fixture

    /// A $10.00 order (one line of 10 × 100).
    let tenDollars = F.order([F.line(quantity: F.units(10))], status: .draft)

    @Test func exposureExactlyAtTheLimitConfirmsAndOneMinorUnitOverIsRefused() throws {
        // net 300 (400 receivable − 100 credit) + open orders 200 + this order 1000 = 1500.
        let balance = F.balance(receivable: 400, credit: 100, openOrders: 200)
        _ = try OrderDecisions.confirm(tenDollars, customer: F.customer(limit: 1500), balance: balance, overrideCreditLimit: false,
                                       stock: F.stock(onHand: F.units(10)))
        #expect(throws: SalesError.creditLimitExceeded(limit: 1499, exposure: 1500, currency: "USD")) {
            try OrderDecisions.confirm(tenDollars, customer: F.customer(limit: 1499), balance: balance, overrideCreditLimit: false,
                                       stock: F.stock(onHand: F.units(10)))
        }
        // The admin override (docs/api.md §2) confirms past the limit; no limit means no check.
        _ = try OrderDecisions.confirm(tenDollars, customer: F.customer(limit: 1499), balance: balance, overrideCreditLimit: true,
                                       stock: F.stock(onHand: F.units(10)))
        _ = try OrderDecisions.confirm(tenDollars, customer: F.customer(limit: nil), balance: F.balance(receivable: 1_000_000),
                                       overrideCreditLimit: false, stock: F.stock(onHand: F.units(10)))
    }

    @Test func creditBalanceLowersTheExposure() throws {
        // receivable 1000, credit 1000: net 0, so a 1000 order fits a limit of 1000 exactly.
        _ = try OrderDecisions.confirm(tenDollars, customer: F.customer(limit: 1000), balance: F.balance(receivable: 1000, credit: 1000),
                                       overrideCreditLimit: false, stock: F.stock(onHand: F.units(10)))
    }

    @Test func stockExactlyAvailableIsReservedAndOneThousandthShortIsRefused() throws {
        let order = F.order([F.line(quantity: F.thousandths(2500))], status: .draft)
        let plan = try OrderDecisions.confirm(order, customer: F.customer(), balance: F.balance(), overrideCreditLimit: false,
                                              stock: F.stock(onHand: F.thousandths(3500), reserved: F.units(1)))
        #expect(plan == [LineReservation(lineId: 1, productId: 1, reserve: F.thousandths(2500), backorder: F.units(0))])
        #expect(throws: SalesError.insufficientStock([StockShortage(productId: 1, requested: F.thousandths(2500), available: F.thousandths(2499),
                                                                    field: "lines[0].quantity")])) {
            try OrderDecisions.confirm(order, customer: F.customer(), balance: F.balance(), overrideCreditLimit: false,
                                       stock: F.stock(onHand: F.thousandths(3499), reserved: F.units(1)))
        }
    }

    @Test func backorderReservesWhatThereIsAndWaitsForTheRest() throws {
        let order = F.order([F.line(quantity: F.units(5))], status: .draft, backorder: true)
        let plan = try OrderDecisions.confirm(order, customer: F.customer(), balance: F.balance(), overrideCreditLimit: false,
                                              stock: F.stock(onHand: F.thousandths(1999)))
        #expect(plan == [LineReservation(lineId: 1, productId: 1, reserve: F.thousandths(1999), backorder: F.thousandths(3001))])
        // Stock below what is reserved (an adjustment) counts as none available, never negative.
        let short = try OrderDecisions.confirm(order, customer: F.customer(), balance: F.balance(), overrideCreditLimit: false,
                                               stock: F.stock(onHand: F.units(1), reserved: F.units(3)))
        #expect(short == [LineReservation(lineId: 1, productId: 1, reserve: F.units(0), backorder: F.units(5))])
    }

    @Test func linesOfOneProductShareItsStockAndEveryShortLineIsNamed() {
        let order = F.order([F.line(id: 1, quantity: F.units(3)), F.line(id: 2, quantity: F.units(2)),
                             F.line(id: 3, quantity: F.units(1), stockable: false)], status: .draft)
        #expect(throws: SalesError.insufficientStock([StockShortage(productId: 1, requested: F.units(2), available: F.units(1),
                                                                    field: "lines[1].quantity")])) {
            try OrderDecisions.confirm(order, customer: F.customer(), balance: F.balance(), overrideCreditLimit: false,
                                       stock: F.stock(onHand: F.units(4)))
        }
    }

    @Test func onlyADraftWithLinesForAnActiveCustomerConfirms() {
        let stock = F.stock(onHand: F.units(10))
        #expect(throws: SalesError.invalidState("order SO-000007 is confirmed; only a draft can be confirmed")) {
            try OrderDecisions.confirm(F.order([F.line(quantity: F.units(1))]), customer: F.customer(), balance: F.balance(),
                                       overrideCreditLimit: false, stock: stock)
        }
        #expect(throws: SalesError.invalid("lines", "required", "an order needs at least one line to be confirmed")) {
            try OrderDecisions.confirm(F.order([], status: .draft), customer: F.customer(), balance: F.balance(), overrideCreditLimit: false, stock: stock)
        }
        #expect(throws: SalesError.invalidState("customer 3 is archived (active: false); reactivate it to confirm orders")) {
            try OrderDecisions.confirm(tenDollars, customer: F.customer(active: false), balance: F.balance(), overrideCreditLimit: false, stock: stock)
        }
        #expect(throws: SalesError.notFound(resource: "product", id: "1")) {
            try OrderDecisions.confirm(tenDollars, customer: F.customer(), balance: F.balance(), overrideCreditLimit: false, stock: [:])
        }
    }

    @Test func cancelReleasesReservationsUnlessGoodsShippedOrInvoicesCount() throws {
        let reserved = F.order([F.line(id: 1, quantity: F.units(4), reserved: F.units(4)), F.line(id: 2, product: 2, quantity: F.units(1))])
        #expect(try OrderDecisions.cancel(reserved, hasOpenOrPaidInvoices: false)
                == [LineReservation(lineId: 1, productId: 1, reserve: F.units(4), backorder: F.units(0))])
        #expect(throws: SalesError.invalidState("order SO-000007 has open or paid invoices; void them first")) {
            try OrderDecisions.cancel(reserved, hasOpenOrPaidInvoices: true)
        }
        let shipped = F.order([F.line(quantity: F.units(4), shipped: F.thousandths(1))])
        #expect(throws: SalesError.invalidState("order SO-000007 has shipped goods; cancel or return the shipments first")) {
            try OrderDecisions.cancel(shipped, hasOpenOrPaidInvoices: false)
        }
        #expect(throws: SalesError.invalidState("order SO-000007 is canceled and cannot be canceled")) {
            try OrderDecisions.cancel(F.order([], status: .canceled), hasOpenOrPaidInvoices: false)
        }
    }

    @Test func confirmedOrdersKeepTheirLinesLocked() throws {
        try OrderDecisions.update(F.order([], status: .draft), touchesDraftOnlyFields: true)
        try OrderDecisions.update(F.order([F.line(quantity: F.units(1))]), touchesDraftOnlyFields: false)
        #expect(throws: SalesError.invalidState("order SO-000007 is confirmed: lines, external_ref, allow_backorder and auto_invoice are locked once confirmed")) {
            try OrderDecisions.update(F.order([F.line(quantity: F.units(1))]), touchesDraftOnlyFields: true)
        }
        #expect(throws: SalesError.invalidState("order SO-000007 is canceled and cannot change")) {
            try OrderDecisions.update(F.order([], status: .canceled), touchesDraftOnlyFields: false)
        }
    }

    @Test func aVersionOtherThanTheStoredOneIsAConflict() throws {
        try Versions.require(nil, current: 4)
        try Versions.require(4, current: 4)
        #expect(throws: SalesError.versionConflict(current: 4)) { try Versions.require(3, current: 4) }
    }
}
