import Foundation
import Testing
import SalesJSON

@Suite struct JSONParsing {
    @Test func parsesEveryKindOfValueAndKeepsNumberText() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.50, 3e2, true, false, null], "b": {"c": "d\u00e9\n\"q\""}, "e": 0.125} "#)
        guard case .object(let o) = value else { Issue.record("not an object"); return }
        #expect(o.keys == ["a", "b", "e"])
        #expect(o["a"] == .array([.number("1"), .number("-2.50"), .number("3e2"), .bool(true), .bool(false), .null]))
        #expect(o["b"] == .object(JSONObject([("c", .string("dé\n\"q\""))])))
        #expect(o["e"] == .number("0.125"))
    }

    @Test func surrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "1e", "[1 2]", "{'a':1}",
                      "{\"a\" 1}", "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "tru", "nul", "1 2",
                      "{\"a\":1,\"a\":2}", "// c\n1", "NaN", "Infinity", "\"abc"])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func nestingIsCapped() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONParser.parse(ok)) != nil)
    }
}

@Suite struct JSONWriting {
    @Test func writesCommasAndEscapesExactly() {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.int(Int64(-42))
        w.key("name"); w.string("A \"quoted\" \\ name\n\t\u{01}é")
        w.key("list"); w.beginArray(); w.int(Int64(0)); w.bool(true); w.null(); w.rawNumber("2.5"); w.endArray()
        w.key("empty"); w.beginObject(); w.endObject()
        w.key("max"); w.int(Int64.max)
        w.key("min"); w.int(Int64.min)
        w.endObject()
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text == #"{"id":-42,"name":"A \"quoted\" \\ name\n\t\u0001é","list":[0,true,null,2.5],"empty":{},"max":9223372036854775807,"min":-9223372036854775808}"#)
        // And it is valid JSON by an independent parser.
        #expect((try? JSONSerialization.jsonObject(with: Data(w.bytes))) != nil)
    }

    @Test func roundTripsThroughTheParser() throws {
        let text = #"{"a":[1,-2.50,3e2,true,false,null],"b":{"c":"d\u00e9"},"e":""}"#
        var w = JSONWriter()
        w.value(try JSONParser.parse(text))
        #expect(try JSONParser.parse(w.bytes) == JSONParser.parse(text))
    }

    /// The writer's fast path (no escape needed) and slow path agree with Foundation's parser on
    /// random strings: every one comes back exactly, as valid JSON.
    @Test func randomStringsRoundTripThroughFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "é", "€", "😀", "/", "\u{7F}"]
        for _ in 0..<500 {
            let value = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            var w = JSONWriter()
            w.beginObject(); w.key(value); w.string(value); w.endObject()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: String])
            #expect(object == [value: value], "\(value.debugDescription)")
        }
    }
}
