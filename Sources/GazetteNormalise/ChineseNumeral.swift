/// Chinese numerals: positional (五十一萬二千零五, 兩千, 十, 廿五), financial
/// (壹佰貳拾參) and digit-by-digit (一○五), parsed strictly and formatted.
public enum ChineseNumeral {
    /// How `format` writes a number.
    public enum Style: Sendable, CaseIterable {
        /// 一百零五, 五十一萬二千零五 (what ICU's zh_Hant spell-out writes).
        case positional
        /// 壹佰零伍 (financial forms, as on cheques and contracts).
        case financial
        /// 一〇五 (one character per decimal digit, as in ROC years).
        case digitByDigit
    }

    /// `value` (0 ≤ value < 10^16, up to 兆) written in `style`.
    public static func format(_ value: Int64, style: Style = .positional) -> String {
        precondition(value >= 0 && value < 10_000_000_000_000_000, "ChineseNumeral.format: value out of range")
        let plain: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let financial: [Character] = ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"]
        switch style {
        case .digitByDigit:
            return String(String(value).map { plain[Int($0.asciiValue! - 48)] })
        case .positional, .financial:
            let digits = style == .financial ? financial : plain
            let small: [String] = style == .financial ? ["", "拾", "佰", "仟"] : ["", "十", "百", "千"]
            let big = ["", "萬", "億", "兆"]
            if value == 0 { return "零" }
            var groups: [Int64] = []
            var rest = value
            while rest > 0 {
                groups.append(rest % 10_000)
                rest /= 10_000
            }
            // ICU's zh_Hant spell-out conventions: 零 for skipped places inside
            // a group and before the last group when it is below 1000 or the
            // 萬 group is empty; none before a 萬 group (一億五萬); bare 十 at
            // the start of a group (十萬, 十億十萬), 一十 elsewhere.
            var out = ""
            var started = false
            for g in stride(from: groups.count - 1, through: 0, by: -1) {
                let group = groups[g]
                if group == 0 { continue }
                var zeroPending = started && g == 0 && (group < 1000 || (groups.count > 1 && groups[1] == 0))
                var first = true
                var divisor: Int64 = 1000
                for position in stride(from: 3, through: 0, by: -1) {
                    let digit = Int(group / divisor % 10)
                    divisor /= 10
                    if digit == 0 {
                        if !first { zeroPending = true }
                        continue
                    }
                    if zeroPending {
                        out += "零"
                        zeroPending = false
                        first = false
                    }
                    if !(digit == 1 && position == 1 && first) { out.append(digits[digit]) }
                    out += small[position]
                    started = true
                    first = false
                }
                out += big[g]
            }
            return out
        }
    }

    /// The value of a whole Chinese numeral, or nil if `text` is not one.
    /// Digit-by-digit numerals (一○五) are accepted.
    public static func parse(_ text: String) -> Int64? {
        let grammar = GrammarText(TextFolder.fold(text))
        return try? parse(grammar.scalars[...], allowDigitByDigit: true).get()
    }

    // MARK: - Grammar

    enum Token {
        case digit(Int, liang: Bool)
        case zero
        case small(Int)  // exponent 1, 2, 3 (十 百 千)
        case tens(Int)  // 廿 卅 卌: 20, 30, 40
        case big(Int)  // exponent 4, 8, 12 (萬 億 兆)
    }

    /// The numeral token of a (canonical) scalar, or nil.
    static func token(_ v: UInt32) -> Token? {
        switch v {
        case 0x96F6, 0x3007, 0x25CB, 0x25EF: return .zero  // 零 〇 ○ ◯
        case 0x4E00, 0x58F9: return .digit(1, liang: false)  // 一 壹
        case 0x4E8C, 0x8CB3, 0x8D30: return .digit(2, liang: false)  // 二 貳 贰
        case 0x5169, 0x4E24: return .digit(2, liang: true)  // 兩 两
        case 0x4E09, 0x53C3, 0x53C1, 0x53C4, 0x53C2: return .digit(3, liang: false)  // 三 參 叁 叄 参
        case 0x56DB, 0x8086: return .digit(4, liang: false)  // 四 肆
        case 0x4E94, 0x4F0D: return .digit(5, liang: false)  // 五 伍
        case 0x516D, 0x9678, 0x9646: return .digit(6, liang: false)  // 六 陸 陆
        case 0x4E03, 0x67D2: return .digit(7, liang: false)  // 七 柒
        case 0x516B, 0x634C: return .digit(8, liang: false)  // 八 捌
        case 0x4E5D, 0x7396: return .digit(9, liang: false)  // 九 玖
        case 0x5341, 0x62FE: return .small(1)  // 十 拾
        case 0x767E, 0x4F70: return .small(2)  // 百 佰
        case 0x5343, 0x4EDF: return .small(3)  // 千 仟
        case 0x5EFF: return .tens(2)  // 廿
        case 0x5345: return .tens(3)  // 卅
        case 0x534C: return .tens(4)  // 卌
        case 0x842C, 0x4E07: return .big(4)  // 萬 万
        case 0x5104, 0x4EBF: return .big(8)  // 億 亿
        case 0x5146: return .big(12)  // 兆
        default: return nil
        }
    }

    @inline(__always)
    static func isNumeral(_ v: UInt32) -> Bool { token(v) != nil }

    /// True for scalars that can only be digits (not 十, 萬 ...).
    @inline(__always)
    static func isDigitLike(_ v: UInt32) -> Bool {
        switch token(v) {
        case .digit, .zero: return true
        default: return false
        }
    }

    private struct Element {
        var digit: Int
        var exponent: Int
        var zeroBefore: Bool
    }

    /// Parses a whole run of numeral scalars.
    static func parse(_ scalars: ArraySlice<UInt32>, allowDigitByDigit: Bool) -> Result<Int64, Rejection> {
        if scalars.isEmpty { return .failure(Rejection("no numeral")) }
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count)
        var positional = false
        for v in scalars {
            guard let token = token(v) else {
                return .failure(Rejection("“\(String(Unicode.Scalar(v).map(Character.init) ?? "?"))” is not a numeral"))
            }
            switch token {
            case .small, .tens, .big: positional = true
            default: break
            }
            tokens.append(token)
        }
        if !positional {
            if tokens.count > 1 && !allowDigitByDigit {
                return .failure(Rejection("a digit-by-digit numeral is not accepted here"))
            }
            if tokens.count > 18 { return .failure(Rejection("too many digits")) }
            if tokens.count > 1, case .zero = tokens[0] {
                return .failure(Rejection("a digit-by-digit numeral cannot start with 零"))
            }
            var value: Int64 = 0
            for token in tokens {
                switch token {
                case .zero: value *= 10
                case .digit(let d, let liang):
                    if liang { return .failure(Rejection("兩 needs a unit (兩百, 兩千, 兩萬)")) }
                    value = value * 10 + Int64(d)
                default: break
                }
            }
            return .success(value)
        }
        return parsePositional(tokens)
    }

    private static func parsePositional(_ tokens: [Token]) -> Result<Int64, Rejection> {
        var elements: [Element] = []
        var group: [Element] = []
        var pendingDigit: (value: Int, liang: Bool)?
        var pendingZero = false
        var lastBig = Int.max
        func fail(_ reason: String) -> Result<Int64, Rejection> { .failure(Rejection(reason)) }

        for token in tokens {
            switch token {
            case .zero:
                if pendingDigit != nil { return fail("a digit before 零") }
                if pendingZero { return fail("零 twice") }
                if elements.isEmpty && group.isEmpty { return fail("a numeral cannot start with 零") }
                pendingZero = true
            case .digit(let d, let liang):
                if pendingDigit != nil { return fail("two digits without a unit between them") }
                pendingDigit = (d, liang)
            case .small(let e):
                var digit = 1
                if let pending = pendingDigit {
                    if pending.liang && e == 1 { return fail("兩 before 十") }
                    digit = pending.value
                } else if e != 1 {
                    return fail("百 or 千 without a digit")
                }
                group.append(Element(digit: digit, exponent: e, zeroBefore: pendingZero))
                pendingDigit = nil
                pendingZero = false
            case .tens(let t):
                if pendingDigit != nil { return fail("a digit before 廿/卅/卌") }
                group.append(Element(digit: t, exponent: 1, zeroBefore: pendingZero))
                pendingZero = false
            case .big(let e):
                if let pending = pendingDigit {
                    group.append(Element(digit: pending.value, exponent: 0, zeroBefore: pendingZero))
                    pendingDigit = nil
                    pendingZero = false
                }
                if pendingZero { return fail("零 before 萬 or 億") }
                if group.isEmpty { return fail("萬 or 億 without a number before it") }
                if e >= lastBig { return fail("萬 and 億 out of order") }
                for var element in group {
                    element.exponent += e
                    elements.append(element)
                }
                group.removeAll(keepingCapacity: true)
                lastBig = e
            }
        }
        if let pending = pendingDigit {
            if pending.liang { return fail("兩 needs a unit (兩百, 兩千, 兩萬)") }
            group.append(Element(digit: pending.value, exponent: 0, zeroBefore: pendingZero))
        } else if pendingZero {
            return fail("a numeral cannot end with 零")
        }
        elements.append(contentsOf: group)

        var value: Int64 = 0
        for (index, element) in elements.enumerated() {
            if index > 0 {
                let previous = elements[index - 1]
                if element.exponent >= previous.exponent { return fail("units out of order") }
                let gap = previous.exponent - element.exponent > 1
                // Zeros at the end of a 萬/億 group need no 零 (八千三百九十萬三千);
                // zeros inside a group or at the start of the next one do.
                let previousGroup = previous.exponent / 4
                let group = element.exponent / 4
                // A 萬 group right after 億 needs none either (ICU: 一億五萬).
                let needsZero = previousGroup == group
                    ? gap
                    : group == 0 && (previousGroup - group > 1 || element.exponent % 4 != 3)
                if element.zeroBefore {
                    if !gap { return fail("零 where no place is skipped") }
                } else if needsZero {
                    if !(previousGroup == group && element.exponent % 4 > 0) {
                        return fail("a skipped place needs 零 (一千零五, not 一千五)")
                    }
                }
            }
            var power: Int64 = 1
            for _ in 0..<element.exponent { power *= 10 }
            value += Int64(element.digit) * power
        }
        return .success(value)
    }

    /// End of the run of numeral scalars starting at `i`.
    static func runEnd(_ text: GrammarText, from i: Int) -> Int {
        var j = i
        while j < text.count && isNumeral(text.scalars[j]) { j += 1 }
        return j
    }
}
