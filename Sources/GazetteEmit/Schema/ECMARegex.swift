// `pattern` / `patternProperties` regular expressions.
//
// JSON Schema patterns are ECMA-262 regular expressions with Unicode ("u" flag) semantics.
// They are translated once, at compile time, into ICU syntax for NSRegularExpression:
//   \d \w \s \D \W \S  -> the ECMA-262 (ASCII digits and word characters, ECMA whitespace) sets
//   \b \B              -> boundaries between ASCII word and non-word characters
//   .                  -> anything but the ECMA line terminators (\n \r U+2028 U+2029)
//   $                  -> end of input only (ICU's also matches before a final newline)
//   \v \0 \u{...}      -> explicit code points; \uHHHH\uHHHH surrogate pairs -> one code point
//   inside [...]: "[" "&" "$" are literal in ECMA-262 but operators in ICU, so they are escaped
// Everything else (groups, lookaround, quantifiers, \p{...}, back references) is passed through.
// Matching is unanchored, as the specification requires.

import Foundation

/// A compiled ECMA-262 pattern.
final class ECMARegex: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe
    let source: String
    private let expression: NSRegularExpression
    /// When the pattern is a plain literal with no special characters, a substring test suffices.
    private let literal: String?

    init(_ source: String) throws(PatternError) {
        self.source = source
        let translated = try ECMARegex.translate(source)
        do {
            expression = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw PatternError(message: "not a valid regular expression")
        }
        if !source.isEmpty, source.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "_" || ("0"..."9").contains($0) }) {
            literal = source
        } else {
            literal = nil
        }
    }

    /// True when the pattern matches anywhere in `string`.
    func matches(_ string: String) -> Bool {
        if let literal { return literal.isEmpty || string.contains(literal) }
        let range = NSRange(location: 0, length: string.utf16.count)
        return expression.firstMatch(in: string, options: [], range: range) != nil
    }

    struct PatternError: Error { let message: String }

    static let wordSet = "A-Za-z0-9_"
    static let spaceSet = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"

    /// Rewrites an ECMA-262 pattern as an ICU pattern with the same meaning.
    static func translate(_ source: String) throws(PatternError) -> String {
        let scalars = Array(source.unicodeScalars)
        var out = ""
        var i = 0
        var inClass = false
        var classStart = false  // just after "[" or "[^"

        func hex(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
            guard !digits.isEmpty else { return nil }
            var value: UInt32 = 0
            for d in digits {
                guard d.isASCII, let v = UInt32(String(d), radix: 16) else { return nil }
                value = value &* 16 &+ v
                if value > 0x10FFFF { return nil }
            }
            return value
        }
        func codePoint(_ value: UInt32) -> String { "\\x{" + String(value, radix: 16, uppercase: true) + "}" }

        while i < scalars.count {
            let c = scalars[i]
            let wasClassStart = classStart
            classStart = false
            if c == "\\" {
                guard i + 1 < scalars.count else { throw PatternError(message: "pattern ends with a backslash") }
                let e = scalars[i + 1]
                i += 2
                switch e {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "[^0-9]" : "[^0-9]"
                case "w": out += inClass ? wordSet : "[\(wordSet)]"
                case "W": out += "[^\(wordSet)]"
                case "s": out += inClass ? spaceSet : "[\(spaceSet)]"
                case "S": out += "[^\(spaceSet)]"
                case "b":
                    if inClass {
                        out += "\\x{08}"
                    } else {
                        out += "(?:(?<=[\(wordSet)])(?![\(wordSet)])|(?<![\(wordSet)])(?=[\(wordSet)]))"
                    }
                case "B":
                    out += "(?:(?<=[\(wordSet)])(?=[\(wordSet)])|(?<![\(wordSet)])(?![\(wordSet)]))"
                case "v": out += "\\x{0B}"
                case "0":
                    if i < scalars.count, ("0"..."9").contains(scalars[i]) {
                        throw PatternError(message: "octal escapes are not allowed with Unicode semantics")
                    }
                    out += "\\x{0}"
                case "u":
                    if i < scalars.count, scalars[i] == "{" {
                        guard let close = scalars[i...].firstIndex(of: "}"), let value = hex(scalars[(i + 1)..<close])
                        else { throw PatternError(message: "malformed \\u{...} escape") }
                        out += codePoint(value)
                        i = close + 1
                    } else {
                        guard i + 4 <= scalars.count, let value = hex(scalars[i..<(i + 4)])
                        else { throw PatternError(message: "malformed \\u escape") }
                        i += 4
                        if (0xD800...0xDBFF).contains(value), i + 6 <= scalars.count, scalars[i] == "\\", scalars[i + 1] == "u",
                            let low = hex(scalars[(i + 2)..<(i + 6)]), (0xDC00...0xDFFF).contains(low)
                        {
                            out += codePoint(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
                            i += 6
                        } else {
                            out += codePoint(value)
                        }
                    }
                case "x":
                    guard i + 2 <= scalars.count, let value = hex(scalars[i..<(i + 2)])
                    else { throw PatternError(message: "malformed \\x escape") }
                    out += codePoint(value)
                    i += 2
                case "c":
                    guard i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic
                    else { throw PatternError(message: "malformed \\c escape") }
                    out += codePoint(scalars[i].value % 32)
                    i += 1
                case "p", "P":
                    // Unicode property escapes: ICU accepts the ECMA-262 names (\p{Letter}, \p{Lu}, \p{Script=Han}).
                    guard i < scalars.count, scalars[i] == "{", let close = scalars[i...].firstIndex(of: "}")
                    else { throw PatternError(message: "malformed \\\(e) escape") }
                    out += "\\" + String(e) + String(String.UnicodeScalarView(scalars[i...close]))
                    i = close + 1
                case "t", "n", "r", "f", "k", "1"..."9":
                    out += "\\" + String(e)
                default:
                    if e.isASCII && (e.properties.isAlphabetic || ("0"..."9").contains(e)) {
                        // With Unicode semantics, unknown letter escapes are syntax errors.
                        throw PatternError(message: "unknown escape \\\(e)")
                    }
                    out += "\\" + String(e)  // an escaped syntax character, always literal in ICU too
                }
                continue
            }
            if inClass {
                switch c {
                case "]":
                    if wasClassStart {
                        // "[]" matches nothing, "[^]" anything, in ECMA-262.
                        if out.hasSuffix("[^") {
                            out.removeLast(2)
                            out += "[\\s\\S]"
                        } else {
                            out.removeLast()
                            out += "(?!)"
                        }
                    } else {
                        out += "]"
                    }
                    inClass = false
                case "[", "&", "$", "{", "}", "~", "=", "!", "#", ":":
                    out += "\\" + String(c)
                case "^":
                    out += wasClassStart ? "^" : "\\^"
                    classStart = wasClassStart  // "[^" is still the start of the class
                default:
                    out.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                classStart = true
                out += "["
            case ".": out += "[^\\n\\r\\x{2028}\\x{2029}]"
            case "$": out += "(?![\\s\\S])"
            default: out.unicodeScalars.append(c)
            }
            i += 1
        }
        if inClass { throw PatternError(message: "unterminated character class") }
        return out
    }
}
