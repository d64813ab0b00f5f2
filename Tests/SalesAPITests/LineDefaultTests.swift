import Foundation
import Testing

/// docs/api.md §3 "Lines and totals": what a request line takes from its product when it does
/// not say (issue 15 item 7), and the line fields' limits.
@Suite struct LineDefaults {
    @Test func aLineTakesDescriptionPriceAndTaxFromItsProduct() async throws {
        try await withAPI { api in
            let tax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"VAT","percent":20}"#)["id"] as? Int)
            let otherTax = try #require(try await api.call("POST", "/v1/tax-rates", #"{"name":"Reduced","percent":5}"#)["id"] as? Int)
            let described = try #require(try await api.call("POST", "/v1/products",
                #"{"sku":"D-1","name":"Desk","description":"Oak desk, 160 cm","unit_price":1000,"prices":{"EUR":900},"type":"service","tax_rate_id":\#(tax)}"#)["id"] as? Int)
            let plain = try #require(try await api.call("POST", "/v1/products", #"{"sku":"P-1","name":"Pencil","unit_price":50,"type":"service"}"#)["id"] as? Int)
            let dollars = try #require(try await api.call("POST", "/v1/customers", #"{"name":"Dollar Co"}"#)["id"] as? Int)
            let euros = try #require(try await api.call("POST", "/v1/customers", #"{"name":"Euro GmbH","currency":"EUR"}"#)["id"] as? Int)

            func lines(_ customer: Int, _ lines: String) async throws -> [String] {
                let order = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(customer),"lines":\#(lines)}"#)
                #expect(order.status == 201, "\(order.text)")
                return (order["lines"] as? [[String: Any]] ?? []).map { l in
                    ["description", "unit_price", "tax_rate_id", "discount_percent", "subtotal", "tax", "total"].map { "\(l[$0].map { "\($0)" } ?? "nil")" }.joined(separator: "|")
                }
            }
            // Description: the product's, else its name; the request's wins. Price and tax: the product's.
            #expect(try await lines(dollars, #"[{"product_id":\#(described),"quantity":1},{"product_id":\#(plain),"quantity":2},"#
                                    + #"{"product_id":\#(plain),"quantity":1,"description":"Red pencil"}]"#)
                    == ["Oak desk, 160 cm|1000|\(tax)|0|1000|200|1200", "Pencil|50|<null>|0|100|0|100", "Red pencil|50|<null>|0|50|0|50"])
            // In another currency the price comes from prices[currency]; a given price and tax rate win.
            #expect(try await lines(euros, #"[{"product_id":\#(described),"quantity":1},"#
                                    + #"{"product_id":\#(described),"quantity":1,"unit_price":800,"tax_rate_id":\#(otherTax),"discount_percent":12.5}]"#)
                    == ["Oak desk, 160 cm|900|\(tax)|0|900|180|1080", "Oak desk, 160 cm|800|\(otherTax)|12.5|700|35|735"])
            // No price in the order's currency and none given → 422 on that line's unit_price.
            let unpriced = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(euros),"lines":[{"product_id":\#(plain),"quantity":1}]}"#)
            #expect(unpriced.status == 422 && unpriced.errorFields == ["lines[0].unit_price"], "\(unpriced.text)")
            // discount_percent has at most 2 decimals.
            let fine = try await api.call("POST", "/v1/orders", #"{"customer_id":\#(dollars),"lines":[{"product_id":\#(plain),"quantity":1,"discount_percent":12.345}]}"#)
            #expect(fine.status == 422 && fine.errorFields == ["lines[0].discount_percent"], "\(fine.text)")
        }
    }
}
