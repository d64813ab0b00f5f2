import Locking
import Foundation
import Testing
import HTTPTestSupport
import SalesStore

@Suite struct Shipping {
    /// Issue 5: "ship 1 of 2, invoice under the delivered policy, ship the rest".
    @Test func shipOneInvoiceDeliveredShipTheRest() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 500, stock: "5", extra: #","invoice_policy":"delivered""#)
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":2}]"#)
            let line = try #require(try await api.lineIds(order).first)
            let first = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(line),"quantity":1}],"carrier":"DHL","tracking_number":"JD01"}"#)
            #expect(first.status == 201)
            #expect(first["number"] as? String == "SH-000001")
            #expect(first["status"] as? String == "shipped")
            #expect(first["carrier"] as? String == "DHL")
            #expect(try await api.stock(product) == #""stock":{"on_hand":4,"reserved":1,"available":3}"#)
            var o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["shipment_status"] as? String == "partially_shipped")
            #expect(o.text.contains(#""quantity_reserved":1,"quantity_backordered":0,"quantity_shipped":1,"quantity_invoiced":0,"quantity_to_ship":1,"quantity_to_invoice":1"#))

            // Delivered policy: only what shipped is invoiceable.
            let invoice = try await api.call("POST", "/v1/orders/\(order)/invoices")
            #expect(invoice["total"] as? Int == 500)
            #expect(try await api.call("POST", "/v1/orders/\(order)/invoices").code == "nothing_to_invoice")

            let rest = try await api.call("POST", "/v1/orders/\(order)/shipments")
            #expect(rest["number"] as? String == "SH-000002")
            #expect(try await api.call("POST", "/v1/orders/\(order)/shipments").code == "nothing_to_ship")
            _ = try await api.call("POST", "/v1/orders/\(order)/invoices")
            o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o["status"] as? String == "completed")
            #expect(o["shipment_status"] as? String == "shipped")
            #expect(o["invoice_status"] as? String == "invoiced")
            #expect(try await api.stock(product) == #""stock":{"on_hand":3,"reserved":0,"available":3}"#)

            let movements = try await api.call("GET", "/v1/products/\(product)/stock-movements")
            #expect(movements.data.compactMap { $0["type"] as? String } == ["adjustment", "shipment", "shipment"])
            #expect(movements.text.contains(#""type":"shipment","quantity":-1,"on_hand_after":4,"reason":null,"document_type":"shipment","document_id":1"#))
            #expect(try await api.call("POST", "/v1/shipments", "{}").status == 405)
            #expect(try await api.checkClean().isEmpty)
        }
    }

    @Test func cancelRestoresStockAndReservationDeliverAndReturns() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "3")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":3}]"#)
            let shipment = try await api.call("POST", "/v1/orders/\(order)/shipments")
            let id = try #require(shipment["id"] as? Int)
            #expect(try await api.stock(product) == #""stock":{"on_hand":0,"reserved":0,"available":0}"#)
            let canceled = try await api.call("POST", "/v1/shipments/\(id)/cancel")
            #expect(canceled["status"] as? String == "canceled")
            #expect(try await api.stock(product) == #""stock":{"on_hand":3,"reserved":3,"available":0}"#)
            #expect(try await api.call("POST", "/v1/shipments/\(id)/cancel").code == "invalid_state")
            #expect(try await api.call("POST", "/v1/shipments/\(id)/deliver").code == "invalid_state")

            let again = try await api.call("POST", "/v1/orders/\(order)/shipments")
            let second = try #require(again["id"] as? Int)
            #expect(try await api.call("POST", "/v1/shipments/\(second)/deliver")["status"] as? String == "delivered")
            #expect(try await api.call("POST", "/v1/shipments/\(second)/cancel").code == "invalid_state")

            // Return 1 with restock and 0.5 without: shipped goes down, stock comes back only when restocked.
            let shipmentLine = try #require((again["lines"] as? [[String: Any]])?.first?["id"] as? Int)
            let ret = try await api.call("POST", "/v1/shipments/\(second)/returns", #"{"lines":[{"shipment_line_id":\#(shipmentLine),"quantity":1}],"reason":"damaged box"}"#)
            #expect(ret.status == 201)
            #expect(ret["number"] as? String == "RT-000001")
            #expect(ret["restock"] as? Bool == true)
            let kept = try await api.call("POST", "/v1/shipments/\(second)/returns", #"{"lines":[{"shipment_line_id":\#(shipmentLine),"quantity":0.5}],"restock":false}"#)
            #expect(kept["number"] as? String == "RT-000002")
            #expect(try await api.stock(product) == #""stock":{"on_hand":1,"reserved":0,"available":1}"#)
            let tooMany = try await api.call("POST", "/v1/shipments/\(second)/returns", #"{"lines":[{"shipment_line_id":\#(shipmentLine),"quantity":2}]}"#)
            #expect(tooMany.code == "quantity_exceeded")
            #expect(tooMany.text.contains(#""requested":2,"remaining":1.5"#))
            let o = try await api.call("GET", "/v1/orders/\(order)")
            #expect(o.text.contains(#""quantity_shipped":1.5"#))
            #expect(o["shipment_status"] as? String == "partially_shipped")
            #expect(try await api.checkClean().isEmpty)
        }
    }

    @Test func servicesStockAndExplicitLineErrors() async throws {
        try await withAPI { api in
            let goods = try await api.product(price: 100, stock: "2")
            let service = try await api.product(price: 100, extra: #","type":"service""#)
            let order = try await api.confirmedOrder(#"[{"product_id":\#(goods),"quantity":2},{"product_id":\#(service),"quantity":1}]"#)
            let ids = try await api.lineIds(order)
            let svc = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(ids[1]),"quantity":1}]}"#)
            #expect(svc.status == 422)
            #expect(svc.errorCodes == ["not_stockable"])
            let over = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(ids[0]),"quantity":3}]}"#)
            #expect(over.code == "quantity_exceeded")
            // Stock taken out from under the reservation cannot happen; another order's reservation is respected.
            let other = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(try await api.customer()),"lines":[{"product_id":\#(goods),"quantity":1}]}"#)
            #expect(try await api.call("POST", "/v1/orders/\(try #require(other["id"] as? Int))/confirm").code == "insufficient_stock")
            let draft = try #require(other["id"] as? Int)
            #expect(try await api.call("POST", "/v1/orders/\(draft)/shipments").code == "invalid_state")
            // A confirmed order can no longer be canceled once something shipped.
            _ = try await api.call("POST", "/v1/orders/\(order)/shipments", #"{"lines":[{"order_line_id":\#(ids[0]),"quantity":1}]}"#)
            #expect(try await api.call("POST", "/v1/orders/\(order)/cancel").code == "invalid_state")
            #expect(try await api.checkClean().isEmpty)
        }
    }
}

/// Issue 5 item 5: racing shipments of the last units never exceed the order or the stock.
@Suite struct ShipmentRace {
    @Test func racingShipmentsNeverOvership() async throws {
        try await withAPI { api in
            let product = try await api.product(price: 100, stock: "8")
            let order = try await api.confirmedOrder(#"[{"product_id":\#(product),"quantity":8}]"#)
            let line = try #require(try await api.lineIds(order).first)
            let all = try await api.race(Array(repeating: ("POST", "/v1/orders/\(order)/shipments",
                                                           #"{"lines":[{"order_line_id":\#(line),"quantity":1}]}"#), count: 20))
            #expect(all.count == 20)
            #expect(all.filter { $0 == 201 }.count == 8)
            #expect(all.filter { $0 == 409 }.count == 12)
            #expect(try await api.stock(product) == #""stock":{"on_hand":0,"reserved":0,"available":0}"#)
            #expect(try await api.checkClean().isEmpty)
        }
    }
}
