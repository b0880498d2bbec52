// A strict RFC 8259 JSON parser producing `JSONValue`.

import Foundation

/// Why JSON text could not be parsed, with the byte offset and 1-based line and column of the problem.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public let line: Int
    public let column: Int

    public var description: String { "JSON parse error at line \(line), column \(column) (byte \(offset)): \(message)" }
}

enum JSONParser {
    static let maximumDepth = 512

    static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = Parser(bytes: bytes)
            do throws(JSONParseError) {
                parser.skipWhitespace()
                // A UTF-8 byte order mark is not JSON text (RFC 8259 §8.1 says not to add one).
                let value = try parser.parseValue(depth: 0)
                parser.skipWhitespace()
                if parser.cursor != bytes.count { throw parser.error("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var cursor = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
            let offset = min(offset ?? cursor, bytes.count)
            var line = 1, lineStart = 0
            for k in 0..<offset where bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
            // Column in characters (code points), not bytes.
            var column = 1
            for k in lineStart..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
            return JSONParseError(message: message, offset: offset, line: line, column: column)
        }

        mutating func skipWhitespace() {
            while cursor < bytes.count {
                switch bytes[cursor] {
                case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
            guard cursor < bytes.count else { throw error("unexpected end of input") }
            switch bytes[cursor] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                do {
                    return .number(try JSONNumber.scan(bytes, &cursor))
                } catch {
                    switch error {
                    case .malformed(let at): throw self.error("malformed number", at: at)
                    case .outOfRange(let at): throw self.error("number exponent out of range", at: at)
                    }
                }
            default:
                throw error("unexpected character")
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let length = literal.utf8CodeUnitCount
            guard cursor + length <= bytes.count else { throw error("unexpected end of input") }
            let expected = UnsafeBufferPointer(start: literal.utf8Start, count: length)
            for k in 0..<length where bytes[cursor + k] != expected[k] { throw error("invalid literal") }
            cursor += length
        }

        mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
            if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
            cursor += 1
            var elements = [JSONValue]()
            skipWhitespace()
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "]") { cursor += 1; return .array(elements) }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard cursor < bytes.count else { throw error("unterminated array") }
                if bytes[cursor] == UInt8(ascii: ",") { cursor += 1; continue }
                if bytes[cursor] == UInt8(ascii: "]") { cursor += 1; return .array(elements) }
                throw error("expected ',' or ']' in array")
            }
        }

        mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
            if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
            cursor += 1
            var members = [JSONObject.Member]()
            var seen: Set<ExactString>?
            skipWhitespace()
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") {
                cursor += 1
                return .object(JSONObject(uniqueMembers: members))
            }
            while true {
                skipWhitespace()
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") else {
                    throw error("expected a string key in object")
                }
                let keyOffset = cursor
                let key = try parseString()
                // Duplicate keys make the object ambiguous; refuse them.
                if seen != nil {
                    if !seen!.insert(ExactString(key)).inserted { throw error("duplicate key \"\(key)\" in object", at: keyOffset) }
                } else {
                    for member in members where exactlyEqual(member.key, key) {
                        throw error("duplicate key \"\(key)\" in object", at: keyOffset)
                    }
                    if members.count >= 15 {
                        seen = Set(members.map { ExactString($0.key) })
                        seen!.insert(ExactString(key))
                    }
                }
                skipWhitespace()
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else {
                    throw error("expected ':' after object key")
                }
                cursor += 1
                skipWhitespace()
                let value = try parseValue(depth: depth)
                members.append((key, value))
                skipWhitespace()
                guard cursor < bytes.count else { throw error("unterminated object") }
                if bytes[cursor] == UInt8(ascii: ",") { cursor += 1; continue }
                if bytes[cursor] == UInt8(ascii: "}") {
                    cursor += 1
                    return .object(JSONObject(uniqueMembers: members))
                }
                throw error("expected ',' or '}' in object")
            }
        }

        mutating func parseString() throws(JSONParseError) -> String {
            cursor += 1  // opening quote
            let start = cursor
            var sawNonASCII = false
            // Fast path: no escapes.
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<cursor])
                    if sawNonASCII { try validateUTF8(slice, base: start) }
                    cursor += 1
                    return String(decoding: slice, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error("control character in string") }
                if byte >= 0x80 { sawNonASCII = true }
                cursor += 1
            }
            guard cursor < bytes.count else { throw error("unterminated string", at: start - 1) }
            // Slow path: escapes.
            var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<cursor]))
            if sawNonASCII { try validateUTF8(UnsafeBufferPointer(rebasing: bytes[start..<cursor]), base: start) }
            var runStart = cursor
            var runHasNonASCII = false
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<cursor])
                    if runHasNonASCII { try validateUTF8(run, base: runStart) }
                    out.append(contentsOf: run)
                    runHasNonASCII = false
                    if byte == UInt8(ascii: "\"") {
                        cursor += 1
                        return String(decoding: out, as: UTF8.self)
                    }
                    try parseEscape(into: &out)
                    runStart = cursor
                    continue
                }
                if byte < 0x20 { throw error("control character in string") }
                if byte >= 0x80 { runHasNonASCII = true }
                cursor += 1
            }
            throw error("unterminated string", at: start - 1)
        }

        mutating func parseEscape(into out: inout [UInt8]) throws(JSONParseError) {
            let escapeStart = cursor
            cursor += 1
            guard cursor < bytes.count else { throw error("unterminated string") }
            let code = bytes[cursor]
            cursor += 1
            switch code {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "\\"), bytes[cursor + 1] == UInt8(ascii: "u")
                    else { throw error("unpaired surrogate escape", at: escapeStart) }
                    cursor += 2
                    let low = try parseHex4()
                    guard low >= 0xDC00 && low <= 0xDFFF else { throw error("unpaired surrogate escape", at: escapeStart) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw error("unpaired surrogate escape", at: escapeStart)
                }
                let unicodeScalar = Unicode.Scalar(scalar)!
                out.append(contentsOf: UTF8.encode(unicodeScalar)!)
            default:
                throw error("invalid escape sequence", at: escapeStart)
            }
        }

        mutating func parseHex4() throws(JSONParseError) -> UInt32 {
            guard cursor + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[cursor]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw error("invalid hex digit in \\u escape")
                }
                value = value << 4 | digit
                cursor += 1
            }
            return value
        }

        /// Checks well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
        func validateUTF8(_ run: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONParseError) {
            var i = 0
            let n = run.count
            while i < n {
                let b0 = run[i]
                if b0 < 0x80 { i += 1; continue }
                var length = 0
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch b0 {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: throw error("invalid UTF-8", at: base + i)
                }
                guard i + length <= n else { throw error("invalid UTF-8", at: base + i) }
                let b1 = run[i + 1]
                guard b1 >= lower && b1 <= upper else { throw error("invalid UTF-8", at: base + i) }
                for k in 2..<max(length, 2) where run[i + k] & 0xC0 != 0x80 {
                    throw error("invalid UTF-8", at: base + i)
                }
                i += length
            }
        }
    }
}
