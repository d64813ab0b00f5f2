import Foundation
import Testing
import SalesCore

/// Issue 16 findings 4 and 8, docs/api.md §1 "text": strings are stored exactly or refused.
@Suite struct ExactText {
    @Test func controlCharactersAreRefusedNeverTruncated() async throws {
        try await withAPI { api in
            let nul = try await api.call("POST", "/v1/customers", #"{"name":"nul\u0000byte","external_ref":"ref\u0000A"}"#)
            #expect(nul.status == 422 && nul.errorFields == ["name", "external_ref"] && nul.errorCodes == ["control_character", "control_character"], "\(nul.text)")
            #expect((nul.json["errors"] as? [[String: Any]])?.first?["message"] as? String
                    == "name contains the control character U+0000; only tab and newlines are allowed")
            for bad in [#"\u0007"#, #"\u001b[31m"#, #"\u007f"#, #"\u0085"#] {
                #expect(try await api.call("POST", "/v1/customers", #"{"name":"x\#(bad)"}"#).errorCodes == ["control_character"], "\(bad)")
            }
            #expect(try await api.call("POST", "/v1/products", #"{"sku":"X\u0000x","name":"n","unit_price":1}"#).errorFields == ["sku"])
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"m","metadata":{"k\u0000":"v"}}"#).errorFields == ["metadata"])
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"m","metadata":{"k":"v\u0000"}}"#).errorFields == ["metadata.k"])
            // Nothing was created by any refusal.
            #expect(try await api.call("GET", "/v1/customers").data.isEmpty)
            // A filter cannot carry one either.
            #expect(try await api.call("GET", "/v1/customers?q=a%00b").status == 400)

            // What is allowed comes back exactly: tab, newlines, accents, emoji sequences.
            let exact = "Zoë \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} Café\tTab\r\nLine e\u{301}"
            let escaped = String(data: try JSONSerialization.data(withJSONObject: ["name": exact, "notes": "x"]), encoding: .utf8)!
            let created = try await api.call("POST", "/v1/customers", escaped.replacingOccurrences(of: #","notes":"x""#, with: "").replacingOccurrences(of: #""notes":"x","#, with: ""))
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created["id"] as? Int)
            #expect(try await api.call("GET", "/v1/customers/\(id)")["name"] as? String == exact)
        }
    }

    /// Limits count Unicode scalars: one grapheme of 300,001 scalars is far over a 200 limit.
    @Test func limitsCountUnicodeScalars() async throws {
        try await withAPI { api in
            // As raw UTF-8 (2 bytes each: 600 KB, inside the 1 MiB body limit).
            let accents = String(repeating: "\u{301}", count: 300_000)
            let long = try await api.call("POST", "/v1/customers", #"{"name":"a\#(accents)"}"#)
            #expect(long.status == 422 && long.errorFields == ["name"] && long.errorCodes == ["too_long"], "\(long.text.prefix(200))")
            let key = String(repeating: "\u{301}", count: 100_000)
            let metadata = try await api.call("POST", "/v1/customers", #"{"name":"m","metadata":{"\#(key)":"v"}}"#)
            #expect(metadata.status == 422 && metadata.errorFields == ["metadata"] && metadata.errorCodes == ["invalid_key"])
            // Exactly at the limit: 200 scalars (a and 199 accents) is accepted.
            let atLimit = try await api.call("POST", "/v1/customers", #"{"name":"a\#(String(repeating: #"\u0301"#, count: 199))"}"#)
            #expect(atLimit.status == 201)
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"a\#(String(repeating: #"\u0301"#, count: 200))"}"#).status == 422)
        }
    }

    /// docs/api.md §3 Products: a SKU is exact (no white space at its ends) and its identity
    /// ignores ASCII case.
    @Test func skuIdentity() async throws {
        try await withAPI { api in
            let first = try await api.call("POST", "/v1/products", #"{"sku":"SKU-1","name":"n","unit_price":1}"#)
            let id = try #require(first["id"] as? Int)
            for padded in [" SKU-1", "SKU-1 ", "\tSKU-1"] {
                let reply = try await api.call("POST", "/v1/products", #"{"sku":"\#(padded.replacingOccurrences(of: "\t", with: "\\t"))","name":"n","unit_price":1}"#)
                #expect(reply.status == 422 && reply.errorCodes == ["invalid_sku"], "\(padded): \(reply.text)")
            }
            let lower = try await api.call("POST", "/v1/products", #"{"sku":"sku-1","name":"n","unit_price":1}"#)
            #expect(lower.status == 409 && lower.code == "duplicate", "\(lower.text)")
            #expect((lower.json["errors"] as? [[String: Any]])?.first?["existing_id"] as? Int == id)
            #expect(try await api.call("GET", "/v1/stock?sku=sku-1").data.compactMap { $0["product_id"] as? Int } == [id])
            // Renaming another product onto it is the same conflict.
            let other = try #require(try await api.call("POST", "/v1/products", #"{"sku":"SKU-2","name":"n","unit_price":1}"#)["id"] as? Int)
            #expect(try await api.call("PATCH", "/v1/products/\(other)", #"{"sku":"Sku-1"}"#).code == "duplicate")
            // The index holds even for a writer that skipped the check.
            let direct: Bool = try await api.app.writeDirect { db in
                do {
                    try db.execute("INSERT INTO products (sku, name, unit_price, created_at, updated_at) VALUES ('sKu-1', 'x', 1, 'now', 'now')")
                    return true
                } catch { return false }
            }
            #expect(!direct)
        }
    }
}

/// Issue 16 findings 3 and "ZZZ": currencies are real ISO 4217 codes, and a customer's is fixed
/// once a document is in it.
@Suite struct CurrencyRules {
    @Test func aCustomersCurrencyIsFixedOnceItHasDocuments() async throws {
        try await withAPI { api in
            let yen = try await api.customer(#","currency":"JPY""#)
            // No documents yet: it may still change.
            #expect(try await api.call("PATCH", "/v1/customers/\(yen)", #"{"currency":"EUR"}"#)["currency"] as? String == "EUR")
            #expect(try await api.call("PATCH", "/v1/customers/\(yen)", #"{"currency":"JPY"}"#)["currency"] as? String == "JPY")
            #expect(try await api.call("POST", "/v1/payments", #"{"customer_id":\#(yen),"amount":100000,"method":"cash"}"#).status == 201)
            let refused = try await api.call("PATCH", "/v1/customers/\(yen)", #"{"currency":"USD"}"#)
            #expect(refused.status == 409 && refused.code == "invalid_state", "\(refused.text)")
            #expect(refused["detail"] as? String == "customer \(yen)'s currency is fixed: it has payments in that currency")
            let after = try await api.call("GET", "/v1/customers/\(yen)")
            #expect(after["currency"] as? String == "JPY" && (after["balance"] as? [String: Any])?["credit_balance"] as? Int == 100000)
            // Other fields still change.
            #expect(try await api.call("PATCH", "/v1/customers/\(yen)", #"{"phone":"+81 3"}"#).status == 200)
        }
    }

    @Test func onlyRealISO4217Codes() async throws {
        #expect(Currencies.minorUnits["JPY"] == 0 && Currencies.minorUnits["USD"] == 2 && Currencies.minorUnits["KWD"] == 3
                && Currencies.minorUnits["CLF"] == 4)
        #expect(!Currencies.isKnown("ZZZ") && !Currencies.isKnown("XAU") && !Currencies.isKnown("usd") && !Currencies.isKnown("HRK"))
        #expect(Currencies.minorUnits.count > 150)
        try await withAPI { api in
            let zzz = try await api.call("POST", "/v1/customers", #"{"name":"Z","currency":"ZZZ"}"#)
            #expect(zzz.status == 422 && zzz.errorFields == ["currency"] && zzz.errorCodes == ["invalid_currency"])
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"K","currency":"KWD"}"#).status == 201)
            #expect(try await api.call("GET", "/v1/reports/sales?currency=ZZZ").status == 400)
            #expect(try await api.call("GET", "/v1/exports/journal?currency=ZZZ").status == 400)
        }
    }
}
