/// Character classes the layout stage needs, decided from one scalar
/// without allocating.
enum Script {
    /// CJK ideographs, kana, hangul, bopomofo, CJK and full-width punctuation,
    /// enclosed numbers and the private-use area (which these documents use
    /// for ideographs missing from Big5): text written without spaces.
    @inline(__always)
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x11FF, 0x2460...0x24FF, 0x2E80...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7FF,
             0xE000...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x3000 || (0x2000...0x200B).contains(v)
            || v == 0x0A || v == 0x0D || v == 0x202F || v == 0xFEFF
    }

    /// The first scalar of a glyph's text (glyphs are nearly always one scalar).
    @inline(__always)
    static func firstScalar(_ s: String) -> UInt32 {
        var u = s.utf8.makeIterator()
        guard let b0 = u.next() else { return 0 }
        if b0 < 0x80 { return UInt32(b0) }
        return s.unicodeScalars.first?.value ?? 0
    }

    /// True when every scalar of the text is whitespace.
    static func isBlank(_ s: String) -> Bool {
        for u in s.unicodeScalars where !isSpace(u.value) { return false }
        return true
    }

    /// Characters of a table-of-contents dot leader.
    @inline(__always)
    static func isLeader(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0xFF0E || v == 0x2026 || v == 0xB7 || v == 0x2027 || v == 0x30FB || v == 0x22EF
            || v == 0x2025 || v == 0xFF65 || v == 0x2219 || v == 0x5F || v == 0x2E31
    }
}
