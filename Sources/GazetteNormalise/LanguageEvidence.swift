/// What one character of a text layer says about whether the layer is
/// language: the vocabulary the read stage's check for garbled text layers
/// (`GarbledTextDetector`) counts with.
///
/// A font without a usable ToUnicode map decodes to something that is not
/// language: its character ids read as code points (Devanagari, Telugu,
/// Cyrillic, Khmer … between CJK), private-use code points, the ASCII
/// punctuation a custom encoding numbers its glyphs with (`!"#$%&'()`), or
/// valid but implausible ideographs (翊 鯤 鯓 蜞 for every word of a table).
public enum LanguageEvidence: Sendable, Hashable {
    /// Plainly language: a common ideograph (`CharacterClass.isCommonIdeograph`),
    /// kana, bopomofo, an ASCII (or full-width) letter or digit.
    case language
    /// Says nothing either way: spaces, punctuation and symbols of any
    /// width (but ASCII's, see `asciiPunctuation`), Latin with diacritics
    /// (pinyin, names), Greek (the letters of formulas), IPA and modifier
    /// letters, hangul, enclosed and compatibility forms.
    case neutral
    /// ASCII punctuation and symbols: part of text, but most of what a
    /// custom-encoded font's glyphs decode to.
    case asciiPunctuation
    /// A valid ideograph outside the common set (Big5 level 2, extension
    /// A and beyond): names have a few, a broken map nothing else.
    case rareIdeograph
    /// A script a Traditional-Chinese government document is not written
    /// in (Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Thai,
    /// Tibetan, Georgian, Ethiopic, Khmer, Mongolian, jamo, Yi …), and the
    /// replacement character.
    case foreignScript
    /// A private-use code point (a symbol font's, an equation font's, an
    /// end-user-defined character of Big5).
    case privateUse
}

extension CharacterClass {
    /// `LanguageEvidence` of a scalar, after folding (radicals and
    /// compatibility ideographs count as the ideograph they fold to,
    /// full-width letters as letters).
    @inline(__always)
    public static func evidence(_ scalar: UInt32) -> LanguageEvidence {
        let v = TextFolder.mapScalar(scalar)
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .language
            case 0x21...0x7E: return .asciiPunctuation
            default: return .neutral
            }
        }
        switch v {
        case 0x4E00...0x9FFF: return isCommonIdeograph(v) ? .language : .rareIdeograph
        case 0x80...0x24F, 0x250...0x36F, 0x370...0x3FF: return .neutral
        case 0x400...0x1DFF: return .foreignScript
        case 0x1E00...0x1EFF: return .neutral  // Latin Extended Additional (Vietnamese)
        case 0x1F00...0x1FFF: return .foreignScript  // polytonic Greek
        case 0x2000...0x2BFF: return .neutral  // punctuation, symbols, arrows, box drawing, ①
        case 0x2C00...0x2DFF: return .foreignScript
        case 0x2E00...0x2FFF: return .neutral  // supplemental punctuation, unmapped radicals
        case 0x3000...0x303F: return .neutral
        case 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31BF: return .language  // kana, bopomofo
        case 0x3130...0x318F: return .foreignScript  // hangul compatibility jamo
        case 0x3190...0x33FF: return .neutral
        case 0x3400...0x4DBF: return .rareIdeograph
        case 0x4DC0...0x4DFF: return .foreignScript  // Yijing hexagrams
        case 0xA000...0xA6FF, 0xA800...0xABFF: return .foreignScript
        case 0xA700...0xA7FF: return .neutral
        case 0xAC00...0xD7FF: return .neutral  // hangul
        case 0xE000...0xF8FF: return .privateUse
        case 0xFB00...0xFB06: return .neutral  // Latin ligatures
        case 0xFB07...0xFDFF, 0xFE70...0xFEFE: return .foreignScript  // Hebrew, Arabic forms
        case 0xFFFD: return .foreignScript
        case 0x10000...0x1CFFF: return .foreignScript  // historic and minor scripts
        case 0x20000...0x3FFFF: return .rareIdeograph
        case 0xF0000...0x10FFFF: return .privateUse
        default: return .neutral  // math letters, emoji, variation selectors, forms …
        }
    }

    /// True for an ideograph of the first level of Big5, GB 2312 or JIS X
    /// 0208 (7,174 of U+4E00..U+9FFF; `scripts/gen-common-ideographs.py`
    /// makes the table from Unihan).
    @inline(__always)
    public static func isCommonIdeograph(_ v: UInt32) -> Bool {
        guard v >= CommonIdeographs.start && v <= CommonIdeographs.end else { return false }
        let i = Int(v - CommonIdeographs.start)
        return CommonIdeographs.bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
}
