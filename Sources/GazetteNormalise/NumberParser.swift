/// An exact decimal number as printed (99.8 stays 99.8): `significand` ×
/// 10^-`scale`, with trailing fractional zeros removed.
public struct NumberValue: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The digits, with the sign.
    public let significand: Int64
    /// How many of the digits are after the decimal point (≥ 0).
    public let scale: Int

    /// `significand` × 10^-`scale`, normalised (1.50 becomes 1.5).
    public init(significand: Int64, scale: Int = 0) {
        var s = significand
        var k = max(0, scale)
        while k > 0 && s % 10 == 0 {
            s /= 10
            k -= 1
        }
        self.significand = s
        self.scale = k
    }

    /// A whole number.
    public init(_ integer: Int64) { self.init(significand: integer, scale: 0) }

    /// The value as an integer, or nil if it has a fractional part.
    public var integerValue: Int64? { scale == 0 ? significand : nil }

    /// The value as a Double, the nearest to the decimal (3.078 is 3.078,
    /// not 3.0780000000000003): one division by an exact power of ten, which
    /// IEEE rounds correctly while the significand is below 2⁵³; the decimal
    /// text parsed otherwise.
    public var doubleValue: Double {
        if scale == 0 { return Double(significand) }
        if (1...22).contains(scale), significand.magnitude < 1 << 53 {
            return Double(significand) / Self.powersOfTen[scale]
        }
        return Double(description) ?? .nan
    }

    /// 10⁰ … 10²², each exact as a Double.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

    /// Plain decimal notation: "-1234", "99.8", "0.891".
    public var description: String {
        if scale == 0 { return String(significand) }
        let negative = significand < 0
        var digits = String(significand.magnitude)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    /// This value × 10^`power` (power ≥ 0), or nil on overflow.
    public func multiplied(byPowerOfTen power: Int) -> NumberValue? {
        var s = significand
        var k = scale
        var p = power
        while p > 0 {
            if k > 0 {
                k -= 1
            } else {
                let (r, overflow) = s.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                s = r
            }
            p -= 1
        }
        return NumberValue(significand: s, scale: k)
    }

    /// The value with its sign flipped.
    public var negated: NumberValue { NumberValue(significand: -significand, scale: scale) }

    public static func < (a: NumberValue, b: NumberValue) -> Bool {
        let k = max(a.scale, b.scale)
        guard let x = a.multiplied(byPowerOfTen: k - a.scale), let y = b.multiplied(byPowerOfTen: k - b.scale)
        else { return a.doubleValue < b.doubleValue }
        return x.significand < y.significand
    }
}

/// A number with an optional unit: "%" for percentages, or the counter word
/// printed after it (件, 人次, 箱 ...), as a statistics cell gives it.
public struct Quantity: Hashable, Sendable {
    /// The number.
    public let value: NumberValue
    /// "%" for a percentage, a counter word as printed, or nil.
    public let unit: String?

    public init(value: NumberValue, unit: String? = nil) {
        self.value = value
        self.unit = unit
    }
}

/// Parses numbers as printed in Taiwanese government documents: Arabic with
/// thousands separators and decimals, full-width digits, percentages,
/// negatives (-1,234, △1,234, (1,234)), Chinese numerals (positional,
/// financial, digit-by-digit, 廿 卅), and 萬/億 mixed with Arabic digits
/// (51 萬 2,005, 458萬 0,441, 1,200 萬, 1.5億). The whole text must be one
/// number, optionally followed by a counter word from a closed list.
public enum NumberParser {
    /// The quantity `text` spells, or nil if it is not exactly one number.
    public static func parse(_ text: String) -> Quantity? {
        try? validate(text)
    }

    /// The quantity `text` spells, or an error saying why it is not one.
    public static func validate(_ text: String) throws(NormaliseError) -> Quantity {
        let grammar = GrammarText(TextFolder.fold(text))
        switch parseQuantity(grammar, from: 0) {
        case .success(let (quantity, end)):
            let rest = grammar.skipSpaces(end)
            if rest != grammar.count {
                throw NormaliseError(kind: "number", text: text,
                                     reason: "“\(grammar.string(rest..<grammar.count))” is not part of a number")
            }
            return quantity
        case .failure(let rejection):
            throw NormaliseError(kind: "number", text: text, reason: rejection.reason)
        }
    }

    /// Counter words accepted after a number (longest first where one is a
    /// prefix of another).
    static let counterWords: [String] = [
        "平方公尺", "平方公里", "人次", "場次", "架次", "小時", "分鐘", "公尺", "公里", "公頃", "公斤", "公噸",
        "件", "人", "次", "場", "案", "項", "箱", "輛", "則", "筆", "期", "團", "名", "位", "個", "家", "所",
        "種", "本", "份", "倍", "天", "噸", "戶", "棟", "處", "座", "台", "臺", "部", "支", "張", "頁",
        "篇", "門", "班", "株", "隻", "條", "組", "艘", "床", "校", "間", "堂", "樣", "冊", "顆", "片",
    ]

    /// First scalars of `counterWords`, to skip the list quickly.
    static let counterInitials: Set<UInt32> = Set(counterWords.map { $0.unicodeScalars.first!.value })

    // MARK: - Grammar (shared with amounts, times and table cells)

    /// sign? magnitude percent? counter?, starting at `i` (spaces skipped).
    static func parseQuantity(_ t: GrammarText, from i: Int) -> Result<(Quantity, Int), Rejection> {
        switch parseSigned(t, from: i) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let (value, percent, end)):
            if percent { return .success((Quantity(value: value, unit: "%"), end)) }
            let j = t.skipSpaces(end)
            if counterInitials.contains(t[j]), let (word, wordEnd) = t.matchAny(counterWords, at: j) {
                return .success((Quantity(value: value, unit: word), wordEnd))
            }
            return .success((Quantity(value: value, unit: nil), end))
        }
    }

    /// A signed number with an optional percent sign: -1,234 / △1,234 /
    /// (1,234) / +2 / 99.8% / 百分之五十. `arabicOnly`: Arabic digits with
    /// thousands separators and decimals alone (a table cell's plain
    /// figure: no Chinese numerals, 萬 or 億, 百分之).
    static func parseSigned(_ t: GrammarText, from i: Int, arabicOnly: Bool = false)
        -> Result<(NumberValue, Bool, Int), Rejection>
    {
        var j = t.skipSpaces(i)
        var negative = false
        var parenthesised = false
        switch t[j] {
        case 0x2D: negative = true; j += 1  // -
        case 0x2B: j += 1  // +
        case 0x25B3: negative = true; j = t.skipSpaces(j + 1)  // △
        case 0x28: negative = true; parenthesised = true; j = t.skipSpaces(j + 1)  // (
        default: break
        }
        var percent = false
        if !arabicOnly && t.matches("百分之", at: j) {
            percent = true
            j += 3
        }
        let magnitude: NumberValue
        let end: Int
        if arabicOnly {
            guard GrammarText.isDigit(t[j]) else {
                return .failure(Rejection(t[j] == 0 ? "no number" : "“\(t.string(j..<j + 1))” does not start a figure"))
            }
            guard let (value, e) = parseArabic(t, from: j, leadingZeroGroupAllowed: false) else {
                return .failure(Rejection("malformed digits"))
            }
            (magnitude, end) = (value, e)
        } else {
            switch parseMagnitude(t, from: j) {
            case .success(let (value, e)): (magnitude, end) = (value, e)
            case .failure(let rejection): return .failure(rejection)
            }
        }
        var k = end
        if !percent {
            let p = t.skipSpaces(k)
            if t[p] == 0x25 {  // %
                percent = true
                k = p + 1
            }
        }
        if parenthesised {
            let p = t.skipSpaces(k)
            guard t[p] == 0x29 else { return .failure(Rejection("“(” without “)”")) }
            k = p + 1
        }
        return .success((negative ? magnitude.negated : magnitude, percent, k))
    }

    /// An unsigned number: Chinese numeral, or Arabic optionally grouped by 萬/億/兆.
    static func parseMagnitude(_ t: GrammarText, from i: Int) -> Result<(NumberValue, Int), Rejection> {
        let v = t[i]
        if ChineseNumeral.isNumeral(v) {
            let end = ChineseNumeral.runEnd(t, from: i)
            return ChineseNumeral.parse(t.scalars[i..<end], allowDigitByDigit: true)
                .map { (NumberValue($0), end) }
        }
        guard GrammarText.isDigit(v) else {
            return .failure(Rejection(v == 0 ? "no number" : "“\(t.string(i..<i + 1))” does not start a number"))
        }
        return parseArabicGrouped(t, from: i)
    }

    /// The big unit (萬 億 兆) at `i` as a power of ten, or nil.
    static func bigUnit(_ v: UInt32) -> Int? {
        switch v {
        case 0x842C, 0x4E07: return 4
        case 0x5104, 0x4EBF: return 8
        case 0x5146: return 12
        default: return nil
        }
    }

    /// Arabic digits grouped by big units: 51 萬 2,005 / 31億2581萬 / 1.5億.
    static func parseArabicGrouped(_ t: GrammarText, from i: Int) -> Result<(NumberValue, Int), Rejection> {
        guard var first = parseArabic(t, from: i, leadingZeroGroupAllowed: false) else {
            return .failure(Rejection("malformed digits"))
        }
        if let multiplied = smallUnit(after: first, t) { first = multiplied }
        var u = t.skipSpaces(first.end)
        guard let firstUnit = bigUnit(t[u]) else { return .success((first.value, first.end)) }
        if first.value.significand <= 0 { return .failure(Rejection("萬 or 億 after zero")) }
        guard var total = first.value.multiplied(byPowerOfTen: firstUnit) else {
            return .failure(Rejection("number too large"))
        }
        var end = u + 1
        if first.value.scale > 0 { return .success((total, end)) }  // 1.5億: nothing may follow
        var lastUnit = firstUnit
        while true {
            let s = t.skipSpaces(end)
            guard GrammarText.isDigit(t[s]) else { break }
            guard var section = parseArabic(t, from: s, leadingZeroGroupAllowed: true) else {
                return .failure(Rejection("malformed digits"))
            }
            if let multiplied = smallUnit(after: section, t) { section = multiplied }
            guard section.value.scale == 0, let sectionValue = section.value.integerValue,
                sectionValue < 10_000
            else {
                return .failure(Rejection("a part after 萬 or 億 must be below 10,000"))
            }
            u = t.skipSpaces(section.end)
            if let unit = bigUnit(t[u]) {
                if unit >= lastUnit { return .failure(Rejection("萬 and 億 out of order")) }
                if sectionValue == 0 { return .failure(Rejection("0 before 萬 or 億")) }
                if lastUnit - unit > 4 { return .failure(Rejection("a skipped 萬 group")) }
                guard let add = NumberValue(sectionValue).multiplied(byPowerOfTen: unit),
                    case let (sum, false) = total.significand.addingReportingOverflow(add.significand)
                else { return .failure(Rejection("number too large")) }
                total = NumberValue(sum)
                lastUnit = unit
                end = u + 1
                continue
            }
            if lastUnit != 4 { return .failure(Rejection("digits after 億 need 萬 (3億500萬)")) }
            guard case let (sum, false) = total.significand.addingReportingOverflow(sectionValue) else {
                return .failure(Rejection("number too large"))
            }
            total = NumberValue(sum)
            end = section.end
            break
        }
        return .success((total, end))
    }

    /// A single Arabic digit times 十, 百 or 千 (2億5千萬, 5千): the
    /// multiplied value, or nil if `section` is not followed by one.
    static func smallUnit(after section: (value: NumberValue, end: Int), _ t: GrammarText)
        -> (value: NumberValue, end: Int)?
    {
        guard section.end - 1 >= 0, t.digitRunEnd(section.end - 1) == section.end,
            let digit = section.value.integerValue, (1...9).contains(digit),
            GrammarText.isDigit(t[section.end - 1]), !GrammarText.isDigit(t[section.end - 2])
        else { return nil }
        let power: Int
        switch t[section.end] {
        case 0x5341: power = 1  // 十
        case 0x767E: power = 2  // 百
        case 0x5343: power = 3  // 千
        default: return nil
        }
        // 5千萬 is 5000萬, but 5千5 or 5千五 is not a number we read.
        let next = t[section.end + 1]
        if GrammarText.isDigit(next) || ChineseNumeral.isNumeral(next) && bigUnit(next) == nil { return nil }
        return (NumberValue(digit).multiplied(byPowerOfTen: power)!, section.end + 1)
    }

    /// Arabic digits with optional thousands separators and decimals at `i`.
    /// `leadingZeroGroupAllowed` admits 0,441 (after 萬).
    static func parseArabic(_ t: GrammarText, from i: Int, leadingZeroGroupAllowed: Bool)
        -> (value: NumberValue, end: Int)?
    {
        var j = t.digitRunEnd(i)
        let run = j - i
        guard run > 0 else { return nil }
        var integerDigits = Array(t.scalars[i..<j])
        // Thousands separators: 1-3 digits, then groups of exactly 3.
        if run <= 3 && t[j] == 0x2C && isThreeDigitGroup(t, at: j + 1) {
            if t[i] == 0x30 && !(run == 1 && leadingZeroGroupAllowed) { return nil }
            while t[j] == 0x2C && isThreeDigitGroup(t, at: j + 1) {
                integerDigits.append(contentsOf: t.scalars[(j + 1)..<(j + 4)])
                j += 4
            }
        }
        var fraction: [UInt32] = []
        if t[j] == 0x2E && GrammarText.isDigit(t[j + 1]) {
            let f = t.digitRunEnd(j + 1)
            fraction = Array(t.scalars[(j + 1)..<f])
            j = f
        }
        // Strip leading zeros for the size check.
        let significant = integerDigits.drop(while: { $0 == 0x30 })
        guard significant.count + fraction.count <= 18 else { return nil }
        var value: Int64 = 0
        for d in significant { value = value * 10 + Int64(d - 0x30) }
        for d in fraction { value = value * 10 + Int64(d - 0x30) }
        return (NumberValue(significand: value, scale: fraction.count), j)
    }

    private static func isThreeDigitGroup(_ t: GrammarText, at i: Int) -> Bool {
        GrammarText.isDigit(t[i]) && GrammarText.isDigit(t[i + 1]) && GrammarText.isDigit(t[i + 2])
            && !GrammarText.isDigit(t[i + 3])
    }
}
