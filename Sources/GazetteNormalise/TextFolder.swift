/// A private-use character (e.g. a Big5 user-defined character in an older
/// document) kept in folded text, with where it stands, so the pipeline can
/// report it in `warnings` with its page.
public struct PrivateUseCharacter: Hashable, Sendable {
    /// The character itself (U+E000...U+F8FF, or planes 15 and 16).
    public let scalar: Unicode.Scalar
    /// Its position in the folded text, counted in Unicode scalars.
    public let offset: Int

    /// "U+E05A" style name, for messages.
    public var codePoint: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Folded text together with the private-use characters it contains.
public struct FoldedText: Hashable, Sendable {
    /// The folded text (see `TextFolder.fold`).
    public let text: String
    /// Private-use characters kept in `text`, in order.
    public let privateUse: [PrivateUseCharacter]
}

/// Folds printed text to the contract's plain form: NFC; full-width ASCII
/// letters, digits and symbols to ASCII; U+3000 and other spaces to a space;
/// Kangxi / supplement radicals and compatibility ideographs to unified
/// ideographs; CJK punctuation （，。、：；！？「」 kept as printed; whitespace
/// between two CJK characters removed, other runs of whitespace collapsed to
/// one space, leading and trailing whitespace trimmed. Idempotent.
public enum TextFolder {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        foldCore(text).text
    }

    /// The folded form of `text` and the private-use characters kept in it.
    public static func foldReporting(_ text: String) -> FoldedText {
        let (folded, sawPrivateUse) = foldCore(text)
        return FoldedText(text: folded, privateUse: sawPrivateUse ? privateUseCharacters(in: folded) : [])
    }

    /// The private-use characters in `text` (folded or not), with their
    /// offsets in Unicode scalars.
    public static func privateUseCharacters(in text: String) -> [PrivateUseCharacter] {
        var found: [PrivateUseCharacter] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() where isPrivateUse(scalar.value) {
            found.append(PrivateUseCharacter(scalar: scalar, offset: offset))
        }
        return found
    }

    // MARK: - Character classes

    /// Full-width forms kept as printed: CJK sentence punctuation.
    @inline(__always)
    static func keepsFullWidth(_ v: UInt32) -> Bool {
        // ！ （ ） ， ： ； ？
        v == 0xFF01 || v == 0xFF08 || v == 0xFF09 || v == 0xFF0C
            || v == 0xFF1A || v == 0xFF1B || v == 0xFF1F
    }

    @inline(__always)
    static func isPrivateUse(_ v: UInt32) -> Bool {
        (v >= 0xE000 && v <= 0xF8FF) || (v >= 0xF0000 && v <= 0x10FFFD)
    }

    /// Scalars known to be NFC-stable (NFC_QC=Yes, combining class 0) whatever
    /// surrounds them; anything else sends the folded line to ICU's quick check.
    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        if v < 0x300 { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x3400 && v <= 0x4DBF { return true }
        if v >= 0x3000 && v <= 0x33FF {
            return !(v >= 0x302A && v <= 0x302F) && v != 0x3099 && v != 0x309A
        }
        if v >= 0x2010 && v <= 0x205F { return true }
        if v >= 0x2190 && v <= 0x23FF { return v != 0x2329 && v != 0x232A }
        if v >= 0x2460 && v <= 0x27BF { return true }
        if v >= 0x2E80 && v <= 0x2FFF { return true }
        if v >= 0xE000 && v <= 0xF8FF { return true }
        if v >= 0xFE30 && v <= 0xFE4F { return true }
        if v >= 0xFF00 && v <= 0xFFEF { return true }
        if v >= 0x20000 && v <= 0x2F7FF { return true }
        if v >= 0x30000 && v <= 0x3134F { return true }
        return false
    }

    /// The scalar one character folds to on its own: Kangxi and supplement
    /// radicals and compatibility ideographs to unified ideographs,
    /// full-width ASCII to ASCII (CJK punctuation kept). For stages that
    /// look at a few characters before the text is folded (outline markers).
    /// One glyph's text as one character: where a glyph maps to several
    /// code points that are all forms of one ideograph (a Kangxi radical or
    /// supplement, a compatibility ideograph, the unified ideograph), as the
    /// ToUnicode maps of macOS Quartz exports give (⽣生, ⾏行行), the unified
    /// ideograph once. Any other text is returned as it is (a ligature, an
    /// ActualText phrase, 生生 drawn as two glyphs is two glyphs).
    public static func oneCharacter(ofGlyph text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 1, let first = scalars.first else { return text }
        let target = mapScalar(first.value)
        guard target >= 0x3400, CharacterClass.isWide(target) else { return text }
        for s in scalars.dropFirst() where mapScalar(s.value) != target { return text }
        return Unicode.Scalar(target).map { String(Character($0)) } ?? text
    }

    public static func foldedScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(mapScalar(s.value)) ?? s
    }

    /// The scalar `v` folds to (itself if unchanged).
    @inline(__always)
    static func mapScalar(_ v: UInt32) -> UInt32 {
        if v < 0x2E80 { return v }
        if v >= 0xFF01 && v <= 0xFF5E { return keepsFullWidth(v) ? v : v - 0xFEE0 }
        if v <= 0x2FDF {
            let mapped = IdeographEquivalents.radicals[Int(v - IdeographEquivalents.radicalsStart)]
            return mapped == 0 ? v : mapped
        }
        if v >= 0xF900 && v <= 0xFAFF {
            let mapped = IdeographEquivalents.compatibilityBMP[Int(v - IdeographEquivalents.compatibilityBMPStart)]
            return mapped == 0 ? v : mapped
        }
        if v >= 0x2F800 && v <= 0x2FA1F {
            let mapped = IdeographEquivalents.compatibilitySupplement[
                Int(v - IdeographEquivalents.compatibilitySupplementStart)]
            return mapped == 0 ? v : mapped
        }
        return v
    }

    // MARK: - The fold

    static func foldCore(_ text: String) -> (text: String, sawPrivateUse: Bool) {
        var text = text
        let result = text.withUTF8 { bytes -> (String?, Bool) in
            if let ascii = foldASCII(bytes) { return (ascii.changed ? ascii.text : nil, false) }
            return foldGeneral(bytes)
        }
        return (result.0 ?? text, result.1)
    }

    /// Whitespace folding for pure-ASCII text; nil if `bytes` is not ASCII.
    /// `changed` false means the input is already folded.
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, changed: Bool)? {
        var needsWork = false
        var previousSpace = true  // leading whitespace must go
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if space && (previousSpace || byte != 0x20) { needsWork = true }
            previousSpace = space
        }
        if previousSpace && !bytes.isEmpty { needsWork = true }  // trailing whitespace
        if !needsWork { return ("", false) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pending = false
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pending = !out.isEmpty
                continue
            }
            if pending {
                out.append(0x20)
                pending = false
            }
            out.append(byte)
        }
        return (String(decoding: out, as: UTF8.self), true)
    }

    private static func foldGeneral(_ bytes: UnsafeBufferPointer<UInt8>) -> (String?, Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pending = false
        var lastCJK = false
        var needsNFCCheck = false
        var sawPrivateUse = false
        var changed = false
        var i = 0
        let n = bytes.count
        while i < n {
            // Decode one UTF-8 scalar (the String's storage is valid UTF-8).
            let b0 = UInt32(bytes[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            if CharacterClass.isSpace(v) && !CharacterClass.isInvisible(v) {
                // Anything but one U+0020 between two kept characters is a change.
                if v != 0x20 || pending || out.isEmpty { changed = true }
                pending = !out.isEmpty
                continue
            }
            if v >= 0x200B && CharacterClass.isInvisible(v) {
                changed = true
                continue
            }
            let mapped = mapScalar(v)
            if mapped != v {
                changed = true
                v = mapped
            }
            if !isNFCStable(v) {
                if isPrivateUse(v) { sawPrivateUse = true } else { needsNFCCheck = true }
            } else if v >= 0xE000 && v <= 0xF8FF {
                sawPrivateUse = true
            }
            let cjk = CharacterClass.isWide(v)
            if pending {
                if lastCJK && cjk { changed = true } else { out.append(0x20) }
                pending = false
            }
            lastCJK = cjk
            // Encode UTF-8.
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6))
                out.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18))
                out.append(UInt8(0x80 | (v >> 12) & 0x3F))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            }
        }
        if pending { changed = true }  // trailing whitespace
        if !needsNFCCheck {
            if !changed { return (nil, sawPrivateUse) }
            return (String(decoding: out, as: UTF8.self), sawPrivateUse)
        }
        let folded = String(decoding: out, as: UTF8.self)
        let utf16 = Array(folded.utf16)
        if ICU.isNFC(utf16) { return (folded, sawPrivateUse) }
        guard let normalised = ICU.nfc(utf16) else { return (folded, sawPrivateUse) }
        return (String(decoding: normalised, as: UTF16.self), sawPrivateUse)
    }
}
