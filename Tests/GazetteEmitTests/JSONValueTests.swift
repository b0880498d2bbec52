import Foundation
import Testing

@testable import GazetteEmit

@Suite("JSONValue parsing and serialisation")
struct JSONValueTests {
    static let sample = #"""
        {
          "id": "2024-000123",
          "title": "行政院公報 第030卷 第001期",
          "path": "a/b\\c \"quoted\"\n\ttab\u0001",
          "pages": [1, 2, 3],
          "ratio": 0.1,
          "big": 123456789012345678901234567890,
          "tiny": 1e-400,
          "huge": 1e400,
          "negativeZero": -0,
          "float": 1.50,
          "nested": {"z": null, "a": [true, false, {}], "m": []},
          "emoji": "\ud83d\ude00 😀"
        }
        """#

    @Test func parseSerializeParseRoundTrip() throws {
        let value = try JSONValue(parsing: Self.sample)
        let compact = value.serialized()
        let pretty = value.serialized(.pretty)
        #expect(try JSONValue(parsing: compact) == value)
        #expect(try JSONValue(parsing: pretty) == value)
        // A second round gives the same bytes (a fixed point).
        #expect(try JSONValue(parsing: compact).serialized() == compact)
        #expect(try JSONValue(parsing: pretty).serialized(.pretty) == pretty)
    }

    @Test func compactOutputIsExact() throws {
        let value = try JSONValue(parsing: Self.sample)
        #expect(
            value.serialized()
                == #"{"id":"2024-000123","title":"行政院公報 第030卷 第001期","path":"a/b\\c \"quoted\"\n\ttab\u0001","pages":[1,2,3],"ratio":0.1,"big":123456789012345678901234567890,"tiny":1e-400,"huge":1e+400,"negativeZero":-0,"float":1.5,"nested":{"z":null,"a":[true,false,{}],"m":[]},"emoji":"😀 😀"}"#
        )
    }

    @Test func prettyOutputIsExact() throws {
        let value: JSONValue = ["b": [1, "x"], "a": [:], "c": []]
        #expect(value.serialized(.pretty) == "{\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"a\": {},\n  \"c\": []\n}")
        #expect(value.serialized(JSONFormat(pretty: true, indentWidth: 4, sortedKeys: true))
            == "{\n    \"a\": {},\n    \"b\": [\n        1,\n        \"x\"\n    ],\n    \"c\": []\n}")
    }

    @Test func outputIsDeterministic() throws {
        func build() -> JSONValue {
            var object = JSONObject()
            for i in 0..<200 { object["k\(i)"] = .array([.int(i), .double(Double(i) / 8), .string("第\(i)頁")]) }
            return .object(object)
        }
        let first = build().serializedData()
        let second = build().serializedData()
        #expect(first == second)
        // Member order is kept as inserted, and sortedKeys gives one canonical order.
        let a: JSONValue = ["x": 1, "y": 2]
        let b: JSONValue = ["y": 2, "x": 1]
        #expect(a == b)
        #expect(a.serialized() == #"{"x":1,"y":2}"#)
        #expect(b.serialized() == #"{"y":2,"x":1}"#)
        #expect(a.serialized(JSONFormat(sortedKeys: true)) == b.serialized(JSONFormat(sortedKeys: true)))
    }

    @Test func keyOrderIsKeptFromParsing() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        // Large objects (with a key index) keep order too and still find keys.
        let many = "{" + (0..<50).reversed().map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let object = try JSONValue(parsing: many).objectValue!
        #expect(object.keys.first == "k49")
        #expect(object["k7"] == 7)
    }

    @Test func numbersCompareMathematically() throws {
        func n(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }
        #expect(try n("1") == n("1.0"))
        #expect(try n("1") == n("10e-1"))
        #expect(try n("-0") == n("0"))
        #expect(try n("-0.0") == n("0"))
        #expect(try n("1e400") != n("1e399"))
        #expect(try n("9007199254740993") != n("9007199254740992"))
        #expect(try n("123456789012345678901234567890") == n("1.2345678901234567890123456789e29"))
        #expect(try Set([n("1"), n("1.0"), n("1e0")]).count == 1)
        #expect(try n("1.0").schemaType == "integer")
        #expect(try n("1e2").schemaType == "integer")
        #expect(try n("1.5").schemaType == "number")
        #expect(try n("1e-400").schemaType == "number")
        let small = JSONNumber(parsing: "0.1")!, big = JSONNumber(parsing: "1e400")!, negative = JSONNumber(parsing: "-1e400")!
        #expect(negative < small && small < big)
        #expect(JSONNumber(parsing: "12345678901234567890123")! < JSONNumber(parsing: "12345678901234567890124")!)
        #expect(JSONNumber(parsing: "0.00751")!.isMultiple(of: JSONNumber(parsing: "0.0001")!) == false)
        #expect(JSONNumber(parsing: "0.0075")!.isMultiple(of: JSONNumber(parsing: "0.0001")!))
        #expect(JSONNumber(parsing: "1e308")!.isMultiple(of: JSONNumber(parsing: "0.123456789")!) == false)
        #expect(JSONNumber(parsing: "-4.5")!.isMultiple(of: JSONNumber(parsing: "1.5")!))
    }

    @Test func numberSpelling() {
        #expect(JSONNumber(0.1)?.description == "0.1")
        #expect(JSONNumber(1e21)?.description == "1e+21")
        #expect(JSONNumber(1e20)?.description == "100000000000000000000")
        #expect(JSONNumber(1e-7)?.description == "1e-7")
        #expect(JSONNumber(parsing: "1230000000000000000000000")?.description == "1.23e+24")
        #expect(JSONNumber(parsing: "1234567890123456789012.5")?.description == "1.2345678901234567890125e+21")
        #expect(JSONNumber(0.000001)?.description == "0.000001")
        #expect(JSONNumber(-2.5)?.description == "-2.5")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Int.min).description == String(Int.min))
        #expect(JSONNumber(Int.min).intValue == Int.min)
        #expect(JSONNumber(parsing: "1.0")?.intValue == 1)
        #expect(JSONNumber(parsing: "1e3")?.description == "1000")
        #expect(JSONNumber(parsing: "2.5e-3")?.doubleValue == 0.0025)
        #expect(JSONNumber(parsing: "01") == nil)
        #expect(JSONNumber(parsing: "1.") == nil)
        #expect(JSONNumber(parsing: "+1") == nil)
    }

    @Test func stringsCompareByCodePoints() throws {
        let precomposed = JSONValue.string("\u{E9}")
        let decomposed = JSONValue.string("e\u{301}")
        #expect(precomposed != decomposed)
        #expect(Set([precomposed, decomposed]).count == 2)
        // Keys too: both spellings can be members of one object.
        let object = try JSONValue(parsing: "{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(object.objectValue?.count == 2)
        #expect(object["e\u{301}"] == 2)
    }

    @Test(arguments: [
        ("[1,2,]", "unexpected character"),
        ("{\"a\":1,}", "expected a string key in object"),
        ("{\"a\":1,\"a\":2}", "duplicate key \"a\" in object"),
        ("01", "unexpected text after the JSON value"),
        ("NaN", "unexpected character"),
        ("\"\\ud800\"", "unpaired surrogate escape"),
        ("\"a\u{1}\"", "control character in string"),
        ("[1] x", "unexpected text after the JSON value"),
        ("", "unexpected end of input"),
        ("\"abc", "unterminated string"),
        ("1e", "malformed number"),
        ("1e9999999999", "number exponent out of range"),
    ])
    func malformedTextIsRejected(text: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func parseErrorsCarryLineAndColumn() {
        do {
            _ = try JSONValue(parsing: "{\n  \"名\": tru\n}")
            Issue.record("parsed invalid JSON")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
            #expect(error.description.contains("line 2, column 8"))
        }
    }

    @Test func invalidUTF8AndDeepNestingAreRejected() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data([0x22, 0xC3, 0x28, 0x22])) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data([0x22, 0xED, 0xA0, 0x80, 0x22])) }  // surrogate
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) }
        #expect(throws: Never.self) { try JSONValue(parsing: String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) }
    }

    @Test func pointerAccess() throws {
        let value = try JSONValue(parsing: #"{"a/b":{"~x":[10,20]},"":0}"#)
        #expect(value.value(at: "/a~1b/~0x/1") == 20)
        #expect(value.value(at: "/") == 0)
        #expect(value.value(at: "") == value)
        #expect(value.value(at: "/a~1b/~0x/01") == nil)
        #expect(value.value(at: "a") == nil)
    }

    @Test func objectEditing() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["c"] = 3
        object["a"] = 10
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(JSONValue.object(object).serialized() == #"{"a":10,"c":3}"#)
    }
}
