import Foundation
import Testing
@testable import GazetteEmit

@Suite struct JSONValueEncoderTests {
    struct Sample: Encodable {
        var name = "臺北市"
        var count: Int64 = 42
        var small: UInt8 = 7
        var big: UInt64 = 18_446_744_073_709_551_615
        var ratio: Float = 0.5
        var missing: String? = nil
        var nested = [["a": 1.25]]

        enum CodingKeys: String, CodingKey { case name, count, small, big, ratio, missing, nested }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(count, forKey: .count)
            try c.encode(small, forKey: .small)
            try c.encode(big, forKey: .big)
            try c.encode(ratio, forKey: .ratio)
            try c.encode(missing, forKey: .missing)
            try c.encode(nested, forKey: .nested)
        }
    }

    @Test func encodesInOrderWithEveryNumberType() throws {
        let value = try JSONValueEncoder().encode(Sample())
        #expect(value.serialized() == #"{"name":"臺北市","count":42,"small":7,"big":18446744073709551615,"ratio":0.5,"missing":null,"nested":[{"a":1.25}]}"#)
    }

    @Test func nonFiniteNumbersAreAnError() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.nan]) }
    }
}
