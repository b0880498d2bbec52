/// The character classes of the pipeline, each defined once and decided
/// from one scalar value without allocating. The layout stage (word gaps,
/// dot leaders), the tables stage (line breaks, labels) and folding (which
/// spaces go) all ask here.
public enum CharacterClass {
    /// Wide characters, written without spaces between them: Han (unified,
    /// extensions, radicals, compatibility ideographs), kana, hangul and its
    /// jamo, bopomofo, yi, CJK and full-width punctuation and forms, the
    /// half-width katakana and hangul forms, enclosed numbers (①), ○ and ◯
    /// (used as zero), and the private-use areas (user-defined ideographs of
    /// Big5 documents).
    ///
    /// Folding removes whitespace between two of them; a line may break
    /// after one without a hyphen; a gap between two is not a word space.
    @inline(__always)
    public static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x11FF, 0x2460...0x24FF, 0x25CB, 0x25EF, 0x2E80...0xA4CF, 0xA960...0xA97F,
             0xAC00...0xD7FF, 0xE000...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x20000...0x3FFFF, 0xF0000...0x10FFFF:
            return true
        default:
            return false
        }
    }

    /// `isWide` of a scalar.
    @inline(__always)
    public static func isWide(_ s: Unicode.Scalar) -> Bool { isWide(s.value) }

    /// A space of any kind: blanks, tabs and line breaks, no-break,
    /// ideographic, typographic and zero-width spaces, the byte-order mark.
    /// What folding turns into one space (or drops), and what stages that
    /// compare text without its spacing leave out.
    @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B)
            || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    /// Invisible characters folding drops outright (zero-width space, word
    /// joiner, byte-order mark); the other spaces become one space.
    @inline(__always)
    public static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x200B || v == 0x2060 || v == 0xFEFF
    }

    /// True when every scalar of the text is a space (or there is none).
    public static func isBlank(_ text: String) -> Bool {
        for u in text.unicodeScalars where !isSpace(u.value) { return false }
        return true
    }

    /// The text with every space of any kind left out (機 關 名 稱 → 機關名稱),
    /// for comparing labels printed with letter spacing.
    public static func removingSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars where !isSpace(u.value) { out.append(u) }
        return String(out)
    }

    /// CJK punctuation: the CJK symbols block, and the full-width forms of
    /// ASCII punctuation (！ （ ） ， ： ； ？ …).
    @inline(__always)
    public static func isCJKPunctuation(_ v: UInt32) -> Bool {
        (0x3000...0x303F).contains(v) || (0xFF00...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v)
    }

    /// Characters of a table-of-contents dot leader (…… ‧‧‧ ．．．).
    @inline(__always)
    public static func isLeader(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0xFF0E || v == 0x2026 || v == 0xB7 || v == 0x2027 || v == 0x30FB || v == 0x22EF
            || v == 0x2025 || v == 0xFF65 || v == 0x2219 || v == 0x5F || v == 0x2E31
    }

    /// An ASCII or full-width digit.
    @inline(__always)
    public static func isDigit(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    /// The ASCII digit for an ASCII or full-width one (１ → 1); any other
    /// scalar as it is.
    public static func asciiDigit(_ u: Unicode.Scalar) -> Unicode.Scalar {
        (0xFF10...0xFF19).contains(u.value) ? Unicode.Scalar(u.value - 0xFF10 + 0x30)! : u
    }

    /// The first scalar of a text, fast for ASCII (a glyph's text is nearly
    /// always one scalar); 0 for an empty text.
    @inline(__always)
    public static func firstScalar(_ s: String) -> UInt32 {
        var u = s.utf8.makeIterator()
        guard let b0 = u.next() else { return 0 }
        if b0 < 0x80 { return UInt32(b0) }
        return s.unicodeScalars.first?.value ?? 0
    }
}

extension StringProtocol {
    /// The text without the spaces of any kind (`CharacterClass.isSpace`:
    /// blanks, tabs, line breaks, ideographic and no-break spaces) at its
    /// two ends: "　單位：千元 " → "單位：千元". What every stage trims with;
    /// Foundation's `trimmingCharacters(in:)` goes through NSString and a
    /// CharacterSet and costs about twenty times as much on Linux.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        // Most text has nothing to trim: no search, no copy of a String's storage.
        if let head = scalars.first, let tail = scalars.last,
           !CharacterClass.isSpace(head.value), !CharacterClass.isSpace(tail.value) { return String(self) }
        guard let first = scalars.firstIndex(where: { !CharacterClass.isSpace($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !CharacterClass.isSpace($0.value) })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    /// Whether `part` occurs in the text, code unit for code unit (no
    /// locale, no canonical equivalence: the stages compare folded text):
    /// `"單位：千元".includes("千元")`. Foundation's `contains(_:)` goes
    /// through NSString's search, which costs more than the rest of a
    /// table cell's reading.
    public func includes(_ part: String) -> Bool {
        var part = part
        return part.withUTF8 { needle in
            guard let first = needle.first else { return true }
            func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
                guard hay.count >= needle.count else { return false }
                var i = 0
                while i <= hay.count - needle.count {
                    if hay[i] == first {
                        var k = 1
                        while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
            if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
            return Array(utf8).withUnsafeBufferPointer(search)
        }
    }
}
