/// Text prepared for the value grammars: one entry per Unicode scalar of the
/// input (so positions map back to it), each mapped to a canonical form:
/// full-width ASCII (including （）：，) to ASCII, every space to U+0020,
/// dash and tilde variants to "-" and "~", ratio sign to ":".
struct GrammarText {
    /// Canonical scalars.
    let scalars: [UInt32]
    /// The scalars as given (for telling ： from : at match boundaries).
    let raw: [UInt32]

    init(_ text: String) {
        var scalars: [UInt32] = []
        var raw: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        raw.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            raw.append(scalar.value)
            scalars.append(Self.canonical(scalar.value))
        }
        self.scalars = scalars
        self.raw = raw
    }

    var count: Int { scalars.count }

    /// The scalar at `i`, or 0 past either end.
    @inline(__always)
    subscript(i: Int) -> UInt32 {
        i >= 0 && i < scalars.count ? scalars[i] : 0
    }

    static func canonical(_ v: UInt32) -> UInt32 {
        if v < 0x80 {
            return (v >= 0x09 && v <= 0x0D) ? 0x20 : v
        }
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
        if CharacterClass.isSpace(v) && !CharacterClass.isInvisible(v) { return 0x20 }
        switch v {
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63: return 0x2D  // -
        case 0x301C, 0x223C: return 0x7E  // 〜 ∼ -> ~
        case 0x2236, 0xFE30, 0xFE55: return 0x3A  // ∶ ︰ ﹕ -> :
        case 0xFE59: return 0x28  // ﹙
        case 0xFE5A: return 0x29  // ﹚
        default: return TextFolder.mapScalar(v)
        }
    }

    // MARK: - Small helpers used by every grammar

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Index of the first non-space scalar at or after `i`.
    @inline(__always)
    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < scalars.count && scalars[j] == 0x20 { j += 1 }
        return j
    }

    /// End of the run of ASCII digits starting at `i` (== i if none).
    @inline(__always)
    func digitRunEnd(_ i: Int) -> Int {
        var j = i
        while j < scalars.count && Self.isDigit(scalars[j]) { j += 1 }
        return j
    }

    /// Value of the ASCII digits in `range` (at most 18 of them).
    func digitValue(_ range: Range<Int>) -> Int64 {
        var value: Int64 = 0
        for k in range { value = value * 10 + Int64(scalars[k] - 0x30) }
        return value
    }

    /// True if the scalars at `i` spell `literal`.
    func matches(_ literal: String, at i: Int) -> Bool {
        var j = i
        for scalar in literal.unicodeScalars {
            if self[j] != scalar.value { return false }
            j += 1
        }
        return true
    }

    /// The first of `literals` (longest first) found at `i`, with its end.
    func matchAny(_ literals: [String], at i: Int) -> (literal: String, end: Int)? {
        for literal in literals where matches(literal, at: i) {
            return (literal, i + literal.unicodeScalars.count)
        }
        return nil
    }

    /// The text of `range` as a String (for messages).
    func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        for k in range.clamped(to: 0..<scalars.count) {
            if let scalar = Unicode.Scalar(scalars[k]) { s.append(scalar) }
        }
        return String(s)
    }
}
