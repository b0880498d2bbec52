/// A date or date range found in a line of text.
public struct DateMatch: Hashable, Sendable {
    /// The text of the match as printed in the line.
    public let raw: String
    /// Where the match stands in the line.
    public let range: Range<String.Index>
    /// What it means.
    public let value: DateValue
}

/// Finds every date and date range printed in a (folded) line of running
/// text, for the envelope's `dates` list. Only spans that fully parse by the
/// DateParser grammar are returned, longest first; no partial matches.
///
/// Not dates: 112年度, 112年 and 109-112年 (bare years; 民國112年 is one,
/// 民國112年度 is not),
/// 第 3 次, phone numbers, 10430302700 號, page numbers, 1.2, 99.8%, 14:00.
/// 114.08 and 5/31 are taken only as parts of ranges (114.08-114.09,
/// 4/10-4/12), and (二) after a date is not read as a weekday. Dates without
/// a year (7 月 5 日至 7 月 8 日, 今年10月下旬) need the context's document year.
public struct DateScanner: Sendable {
    /// The document's year, for dates printed without one.
    public let context: DateContext

    public init(context: DateContext = .none) {
        self.context = context
    }

    /// Every date or range in `line`, in order, not overlapping.
    public func matches(in line: String) -> [DateMatch] {
        let t = GrammarText(line)
        var found: [DateMatch] = []
        var indices: [String.Index]?
        let grammar = DateGrammar(t: t, context: context, scanning: true)
        var i = 0
        while i < t.count {
            let v = t.scalars[i]
            guard Self.mayStart(v), leftBoundary(t, i) else {
                i += 1
                continue
            }
            if let (value, end) = try? grammar.expression(at: i), end > i, rightBoundary(t, start: i, end: end),
                !(value.precision == .year && t[end] == 0x5EA6)  // 民國112年度: a fiscal year
            {
                if indices == nil {
                    var all = Array(line.unicodeScalars.indices)
                    all.append(line.endIndex)
                    indices = all
                }
                let range = indices![i]..<indices![end]
                found.append(DateMatch(raw: String(line.unicodeScalars[range]), range: range, value: value))
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    /// Scalars a date can start with: digits, Chinese numerals, 中(華民國),
    /// 民(國), 西(元), 公(元), 今 去 明 本 (relative years).
    @inline(__always)
    static func mayStart(_ v: UInt32) -> Bool {
        if v >= 0x30 && v <= 0x39 { return true }
        if v < 0x4E00 { return v == 0x3007 || v == 0x25CB }
        switch v {
        case 0x4E2D, 0x6C11, 0x897F, 0x516C, 0x4ECA, 0x53BB, 0x660E, 0x672C: return true
        default: return ChineseNumeral.isNumeral(v)
        }
    }

    /// A date cannot continue a number, a word, a code (1.2, 5-1, a/b) or an
    /// ordinal (第 3).
    private func leftBoundary(_ t: GrammarText, _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = t.raw[i - 1]
        let v = t.scalars[i]
        if GrammarText.isDigit(t.scalars[i - 1]) || GrammarText.isASCIILetter(t.scalars[i - 1]) { return false }
        switch p {
        // . / : , - + _ # $ ~ and full-width ． ／ － ～ (not ：，, which are CJK punctuation)
        case 0x2E, 0x2F, 0x3A, 0x2C, 0x2D, 0x2B, 0x5F, 0x23, 0x24, 0x7E, 0xFF0E, 0xFF0F, 0xFF0D, 0xFF5E:
            return false
        default:
            break
        }
        if ChineseNumeral.isNumeral(v) && ChineseNumeral.isNumeral(t.scalars[i - 1]) { return false }
        var k = i - 1
        while k > 0 && t.scalars[k] == 0x20 { k -= 1 }
        if t.scalars[k] == 0x7B2C { return false }  // 第
        return true
    }

    private func rightBoundary(_ t: GrammarText, start: Int, end: Int) -> Bool {
        let n = t[end]
        // 民國114年06月10日10時25分: a day ending in 日 may have its time right after.
        if t[end - 1] == 0x65E5 && GrammarText.isDigit(n) { return true }
        if GrammarText.isDigit(n) || GrammarText.isASCIILetter(n) || n == 0x25 { return false }  // %
        if (n == 0x2E || n == 0x2F || n == 0x3A || n == 0x2D) && GrammarText.isDigit(t[end + 1]) { return false }
        // A bare 7-digit run is a date only when nothing marks it as a number.
        if GrammarText.isDigit(t[end - 1]) && t.digitRunEnd(start) == end && end - start == 7 {
            let p = start > 0 ? t[start - 1] : 0
            let next = t[t.skipSpaces(end)]
            if p == 0x28 || p == 0x29 || n == 0x29 || next == 0x865F || next == 0x53F7 { return false }  // ( ) 號 号
        }
        return true
    }
}
