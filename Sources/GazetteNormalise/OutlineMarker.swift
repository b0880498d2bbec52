/// The numbering-label grammar of Taiwanese official documents, one home for
/// every stage: the layout stage's outline and blocks, the tables stage's
/// captions (a numbered heading), the records stage's numbered trips.
///
/// A numbering style of Taiwanese official documents, from the outermost
/// (第一章) to the innermost ((a)). The order is the usual hierarchy
/// 壹、 > 一、 > （一） > 1、 > （1） > 甲、 > （甲） > ① > A. > (A) > a. > (a).
public enum OutlineStyle: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 第一章
    case chapter
    /// 第一節
    case section
    /// 壹、貳、參、 (financial numerals)
    case financial
    /// 一、二、三、
    case chinese
    /// （一）(二) ㈢
    case parenChinese
    /// 1、 1. 1． ⒈
    case arabic
    /// （1） (1) ⑴
    case parenArabic
    /// 甲、乙、丙、 (heavenly stems)
    case stem
    /// （甲）
    case parenStem
    /// ① ② ③
    case circled
    /// A. B、
    case upperLatin
    /// (A)
    case parenUpperLatin
    /// a. b、
    case lowerLatin
    /// (a)
    case parenLowerLatin

    /// Position in the hierarchy: 0 for `chapter`, one more for each deeper style.
    public var rank: Int {
        switch self {
        case .chapter: 0
        case .section: 1
        case .financial: 2
        case .chinese: 3
        case .parenChinese: 4
        case .arabic: 5
        case .parenArabic: 6
        case .stem: 7
        case .parenStem: 8
        case .circled: 9
        case .upperLatin: 10
        case .parenUpperLatin: 11
        case .lowerLatin: 12
        case .parenLowerLatin: 13
        }
    }

    public static func < (a: OutlineStyle, b: OutlineStyle) -> Bool { a.rank < b.rank }
}

/// The outline number at the start of a line, e.g. "（一）" or "1."
public struct OutlineMarker: Hashable, Sendable, Codable {
    public var style: OutlineStyle
    /// The numeral as printed without the punctuation around it: "壹" for
    /// 壹、, "一" for （一） or 第一章, "1" for 1. or (1) (full-width digits
    /// given in ASCII), "甲", "A"; a circled number keeps its circle ("①"),
    /// the circle being part of the character.
    public var label: String
    /// The numeral's value: 1 for 一, 壹, 1, 甲, A and ①; 11 for 十一.
    public var number: Int
    /// The marker as printed, punctuation included: "（一）", "1.", "壹、".
    public var text: String

    public init(style: OutlineStyle, label: String, number: Int, text: String) {
        self.style = style
        self.label = label
        self.number = number
        self.text = text
    }

    /// Reads the marker at the start of `line`; returns it with the text
    /// after it (leading spaces dropped), or nil when the line does not
    /// start with an outline number.
    public static func parse(_ line: String) -> (marker: OutlineMarker, rest: Substring)? {
        // The first 16 scalars after leading spaces, on the stack.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 16) { buffer in
            var count = 0, skipped = 0
            for u in line.unicodeScalars {
                if count == 0, CharacterClass.isSpace(u.value) { skipped += 1; continue }
                // ⼀ (a Kangxi radical in the text layer) numbers like 一.
                buffer[count] = TextFolder.foldedScalar(u)
                count += 1
                if count == 16 { break }
            }
            let s = UnsafeBufferPointer(rebasing: buffer[0..<count])
            guard var (marker, used) = parseScalars(s) else { return nil }
            // The marker as printed (the scalars were folded only to read it).
            marker.text = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(skipped).prefix(used)))
            var index = line.unicodeScalars.startIndex
            line.unicodeScalars.formIndex(&index, offsetBy: skipped + used)
            var rest = Substring(line.unicodeScalars[index...])
            while let first = rest.unicodeScalars.first, CharacterClass.isSpace(first.value) {
                rest = Substring(rest.unicodeScalars.dropFirst())
            }
            return (marker, rest)
        }
    }

    typealias Scalars = UnsafeBufferPointer<Unicode.Scalar>

    /// The marker at the start of `s`, and how many scalars it takes.
    static func parseScalars(_ s: Scalars) -> (OutlineMarker, Int)? {
        guard let first = s.first else { return nil }
        func text(_ n: Int) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s[0..<n])
            return String(out)
        }
        func skipSpaces(_ i: Int) -> Int { Self.skipSpaces(s, i) }
        let v = first.value

        // Single-character markers.
        if let n = circledNumber(v) {
            return (OutlineMarker(style: .circled, label: String(Character(first)), number: n, text: text(1)), 1)
        }
        if (0x2474...0x2487).contains(v) {      // ⑴ ... ⒇
            let n = Int(v - 0x2474) + 1
            return (OutlineMarker(style: .parenArabic, label: String(n), number: n, text: text(1)), 1)
        }
        if (0x2488...0x249B).contains(v) {      // ⒈ ... ⒛
            let n = Int(v - 0x2488) + 1
            return (OutlineMarker(style: .arabic, label: String(n), number: n, text: text(1)), 1)
        }
        if (0x3220...0x3229).contains(v) {      // ㈠ ... ㈩
            let n = Int(v - 0x3220) + 1
            return (OutlineMarker(style: .parenChinese, label: chineseDigits[n], number: n, text: text(1)), 1)
        }

        // 第一章, 第一節.
        if first == "第" {
            let i = skipSpaces(1)
            guard let r = numeral(s, i), r.kind == .chinese || r.kind == .arabic else { return nil }
            let j = skipSpaces(r.end)
            guard j < s.count, s[j] == "章" || s[j] == "節" else { return nil }
            let style: OutlineStyle = s[j] == "章" ? .chapter : .section
            return (OutlineMarker(style: style, label: label(s, r), number: r.value, text: text(j + 1)), j + 1)
        }

        // Parenthesised: (一) （1） (甲) (A) (a).
        if first == "(" || first == "（" {
            let i = skipSpaces(1)
            guard let r = numeral(s, i), let style = r.kind.style(parenthesised: true) else { return nil }
            let j = skipSpaces(r.end)
            guard j < s.count, s[j] == ")" || s[j] == "）" else { return nil }
            return (OutlineMarker(style: style, label: label(s, r), number: r.value, text: text(j + 1)), j + 1)
        }

        // Numeral and delimiter: 壹、 一、 1. 甲、 A.
        guard let r = numeral(s, 0) else { return nil }
        let j = skipSpaces(r.end)
        guard j < s.count else { return nil }
        let d = s[j]
        let isComma = d == "、"
        let isStop = d == "." || d == "．"
        guard isComma || isStop else { return nil }
        // What follows the delimiter must not continue a number or a word:
        // "1.5", "e.g." and "A.B." are not markers.
        if j + 1 < s.count {
            let next = s[j + 1].value
            if isStop, isDigit(next) != nil { return nil }
            if r.kind == .upper || r.kind == .lower, isLatinLetter(next) { return nil }
        }
        guard let style = r.kind.style(parenthesised: false) else { return nil }
        return (OutlineMarker(style: style, label: label(s, r), number: r.value, text: text(j + 1)), j + 1)
    }

    /// The index of the first scalar at or after `i` that is not a space
    /// (ASCII or ideographic).
    static func skipSpaces(_ s: Scalars, _ i: Int) -> Int {
        var i = i
        while i < s.count, s[i] == " " || s[i] == "\u{3000}" { i += 1 }
        return i
    }

    enum NumeralKind {
        case financial, chinese, arabic, stem, upper, lower

        /// The style of a marker numbered so: with its delimiter (壹、 一、
        /// 1. 甲、 A. a.) or in parentheses ((一) (1) (甲) (A) (a); financial
        /// numerals are never parenthesised).
        func style(parenthesised: Bool) -> OutlineStyle? {
            switch self {
            case .financial: parenthesised ? nil : .financial
            case .chinese: parenthesised ? .parenChinese : .chinese
            case .arabic: parenthesised ? .parenArabic : .arabic
            case .stem: parenthesised ? .parenStem : .stem
            case .upper: parenthesised ? .parenUpperLatin : .upperLatin
            case .lower: parenthesised ? .parenLowerLatin : .lowerLatin
            }
        }
    }

    struct Numeral {
        var value: Int
        var start: Int
        var end: Int
        var kind: NumeralKind
    }

    /// The numeral's label: digits in ASCII, other numerals as printed.
    static func label(_ s: Scalars, _ r: Numeral) -> String {
        if r.kind == .arabic { return String(r.value) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s[r.start..<r.end])
        return String(out)
    }

    /// A numeral of any kind at `i`: up to three digits (not four: a year,
    /// an amount), a Chinese or financial numeral, a heavenly stem or a
    /// single Latin letter.
    static func numeral(_ s: Scalars, _ i: Int) -> Numeral? {
        guard i < s.count else { return nil }
        let v = s[i].value
        if isDigit(v) != nil {
            var n = 0, j = i
            while j < s.count, let d = isDigit(s[j].value) {
                if j - i == 3 { return nil }
                n = n * 10 + d
                j += 1
            }
            return Numeral(value: n, start: i, end: j, kind: .arabic)
        }
        if chineseDigit(v) != nil { return hanNumeral(s, i, kind: .chinese, digit: chineseDigit) }
        if financialDigit(v) != nil { return hanNumeral(s, i, kind: .financial, digit: financialDigit) }
        if let n = stems.firstIndex(of: v) { return Numeral(value: n + 1, start: i, end: i + 1, kind: .stem) }
        let nextIsLetter = i + 1 < s.count && isLatinLetter(s[i + 1].value)
        if (0x41...0x5A).contains(v), !nextIsLetter { return Numeral(value: Int(v - 0x41) + 1, start: i, end: i + 1, kind: .upper) }
        if (0x61...0x7A).contains(v), !nextIsLetter { return Numeral(value: Int(v - 0x61) + 1, start: i, end: i + 1, kind: .lower) }
        return nil
    }

    /// A Chinese numeral (一 ... 九十九, 一百零一): digits 0-9, 十 = 10, 百 = 100.
    static func hanNumeral(_ s: Scalars, _ i: Int, kind: NumeralKind, digit: (UInt32) -> Int?) -> Numeral? {
        var total = 0, pending = -1, j = i
        while j < s.count, j - i < 6, let d = digit(s[j].value) {
            switch d {
            case 0:
                pending = -1                           // 一百零一: 零 only holds a place
            case 1...9:
                if pending >= 0 { return nil }         // 一二: not a number
                pending = d
            default:                                   // 十, 百
                total += (pending < 0 ? 1 : pending) * d
                pending = -1
            }
            j += 1
        }
        if pending > 0 { total += pending }
        return total > 0 ? Numeral(value: total, start: i, end: j, kind: kind) : nil
    }

    static func chineseDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6: return 0                  // 〇 零
        case 0x4E00: return 1                          // 一
        case 0x4E8C, 0x5169: return 2                  // 二 兩
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        case 0x5341: return 10                         // 十
        case 0x767E: return 100                        // 百
        default: return nil
        }
    }

    static func financialDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x96F6: return 0                          // 零
        case 0x58F9: return 1                          // 壹
        case 0x8CB3: return 2                          // 貳
        case 0x53C3, 0x53C1: return 3                  // 參 叁
        case 0x8086: return 4                          // 肆
        case 0x4F0D: return 5                          // 伍
        case 0x9678: return 6                          // 陸
        case 0x67D2: return 7                          // 柒
        case 0x634C: return 8                          // 捌
        case 0x7396: return 9                          // 玖
        case 0x62FE: return 10                         // 拾
        case 0x4F70: return 100                        // 佰
        default: return nil
        }
    }

    static func isDigit(_ v: UInt32) -> Int? {
        if (0x30...0x39).contains(v) { return Int(v - 0x30) }
        if (0xFF10...0xFF19).contains(v) { return Int(v - 0xFF10) }
        return nil
    }

    static func isLatinLetter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    static func circledNumber(_ v: UInt32) -> Int? {
        if (0x2460...0x2473).contains(v) { return Int(v - 0x2460) + 1 }
        if (0x3251...0x325F).contains(v) { return Int(v - 0x3251) + 21 }
        if (0x32B1...0x32BF).contains(v) { return Int(v - 0x32B1) + 36 }
        return nil
    }

    static let chineseDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static let stems: [UInt32] = "甲乙丙丁戊己庚辛壬癸".unicodeScalars.map(\.value)
}

extension OutlineMarker {
    /// A cheap test whether a line may start with an outline number (its
    /// first character can begin one; amounts are ruled out early).
    public static func mayStartWithMarker(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        let v = TextFolder.foldedScalar(first).value
        if (0x30...0x39).contains(v) {
            // "914,402", "2024": more than three digits, or a digit run
            // ending in anything but a delimiter, cannot be a marker.
            var digits = 0
            for b in text.utf8 {
                if (0x30...0x39).contains(b) { digits += 1; if digits > 3 { return false }; continue }
                return b == 0x2E || b == 0x20 || b >= 0x80
            }
            return false
        }
        let plausible = (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) || v == 0x28 || v == 0xFF08
            || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0x2460...0x249B).contains(v)
            || (0x3220...0x3229).contains(v) || (0x3251...0x325F).contains(v) || (0x32B1...0x32BF).contains(v)
            || chineseDigit(v) != nil || financialDigit(v) != nil || stems.contains(v) || v == 0x7B2C
        return plausible
    }
}
