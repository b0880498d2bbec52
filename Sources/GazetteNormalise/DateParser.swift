/// Parses ROC (民國) and Gregorian dates and date ranges with one strict
/// grammar; the whole text must be one date or range.
///
/// Single dates: 112年8月8日, 民國 076 年 10 月 07 日, 中華民國一○五年二月,
/// 中華民國八三年九月三十日, 民國前1年1月1日, 112年8月8日（星期二） (the weekday
/// is checked), 104/4/06, 104.08.06, 1040406, 2023年8月8日, 2023-08-08,
/// 10月下旬 (days 21 to the end of the month). Ranges with -, ~, ～, 至, 到,
/// where the second part may omit the year (105/3/28-4/01, 103年2月19日～2月25日)
/// or the year and month (104 年 7月 17 日至 18 日); month ranges 114.08-114.09,
/// 112年1月至5月. Precision is day or month; a bare year (112年, 109-112年) is
/// rejected, a year with its era (民國112年, 民國109年至112年) has year
/// precision. Dates without a year (5/31, 7 月 5 日, 今年10月) take the
/// context's document year and say so (`yearFromContext`). A range from
/// December to a January without a year crosses into the next year
/// (112年12月28日至1月3日); any other end before its start is rejected.
/// Calendar validity is checked.
public enum DateParser {
    /// The date or range `text` states, or nil.
    public static func parse(_ text: String, context: DateContext = .none) -> DateValue? {
        try? validate(text, context: context)
    }

    /// The date or range `text` states, or an error saying why it is not one.
    public static func validate(_ text: String, context: DateContext = .none) throws(NormaliseError) -> DateValue {
        let t = GrammarText(TextFolder.fold(text))
        let grammar = DateGrammar(t: t, context: context, scanning: false)
        let start = t.skipSpaces(0)
        do throws(Rejection) {
            guard let (value, end) = try grammar.expression(at: start) else {
                throw Rejection(start == t.count ? "empty text"
                    : "not a date form read here (112年8月8日, 104/4/06, 104.08.06, 1040406, 107年4月, ranges of these)")
            }
            let rest = t.skipSpaces(end)
            if rest != t.count {
                throw Rejection("“\(t.string(rest..<t.count))” is not part of a date")
            }
            return value
        } catch {
            throw NormaliseError(kind: "date", text: text, reason: error.reason)
        }
    }
}

/// The date grammar over canonical scalars, used whole (DateParser) and at
/// each candidate position of a line (DateScanner).
struct DateGrammar {
    let t: GrammarText
    let context: DateContext
    /// Scanning running text: forms that are only dates in a range (114.08,
    /// 5/31) are not matched alone, and (二) is not taken as a weekday.
    let scanning: Bool

    enum Style { case cjk, slash, dot, compact, iso }

    /// One side of a date expression before calendar checks.
    struct Endpoint {
        var year: Int
        var month: Int?
        var day: Int?
        /// Last day for 上旬/中旬/下旬.
        var lastDay: Int?
        var yearPrinted: Bool
        var yearFromContext: Bool
        var style: Style
        var weekday: Int?
        var end: Int
        /// A form that is a date only as part of a range when scanning.
        var onlyInRange = false
        /// A form that is a date only as the start of a range, even as a
        /// whole text: 116.1 (a number alone) in 116.1-116.12.
        var onlyAsRangeStart = false

        var precision: DatePrecision { day != nil ? .day : (month != nil ? .month : .year) }
    }

    // MARK: - Expressions

    /// The longest date or range at `i`; nil if none starts there. Throws
    /// when something date-like starts there but is not valid.
    func expression(at i: Int) throws(Rejection) -> (DateValue, Int)? {
        guard let start = try startEndpoint(at: i) else { return nil }
        let p = t.skipSpaces(start.end)
        if isRangeSeparator(t[p]) {
            let k = t.skipSpaces(p + 1)
            do {
                if let end = try endEndpoint(at: k, after: start) {
                    return (try makeValue(start, end), end.end)
                }
            } catch {
                if !scanning { throw error }
            }
        }
        if start.onlyAsRangeStart { return nil }
        if scanning && start.onlyInRange && !(start.style == .slash && inDateList(i, start.end)) { return nil }
        return (try makeValue(start, nil), start.end)
    }

    /// True when a lone 5/31 stands in a list or an open range of dates
    /// (5/31、6/3、6/6 / 5/31起 / 至10/6止 / 於5/31), where it is not a fraction.
    func inDateList(_ start: Int, _ end: Int) -> Bool {
        let next = t[t.skipSpaces(end)]
        var k = start - 1
        while k > 0 && t[k] == 0x20 { k -= 1 }
        let previous = start > 0 ? t[k] : 0
        // 、 起 止 前 / 、 至 自 於
        return next == 0x3001 || next == 0x8D77 || next == 0x6B62 || next == 0x524D
            || previous == 0x3001 || previous == 0x81F3 || previous == 0x81EA || previous == 0x65BC
    }

    func isRangeSeparator(_ v: UInt32) -> Bool {
        v == 0x2D || v == 0x7E || v == 0x81F3 || v == 0x5230  // - ~ 至 到
    }

    func makeValue(_ s: Endpoint, _ e: Endpoint?) throws(Rejection) -> DateValue {
        guard let start = PartialDate(year: s.year, month: s.month, day: s.day) else {
            throw Rejection("\(isoLike(s.year, s.month, s.day)) is not a calendar date")
        }
        try checkWeekday(s, start)
        var endDate: PartialDate
        if let e {
            var year = e.year
            if !e.yearPrinted, e.month == 1, s.month == 12 {
                year += 1  // 112年12月28日至1月3日: over the new year, nothing else
            }
            let lastDay = e.lastDay ?? e.day
            guard let date = PartialDate(year: year, month: e.month, day: lastDay) else {
                throw Rejection("\(isoLike(year, e.month, lastDay)) is not a calendar date")
            }
            if let day = e.day, e.lastDay == nil, let d = PartialDate(year: year, month: e.month, day: day) {
                try checkWeekday(e, d)
            }
            guard date.precision == start.precision else {
                throw Rejection("the two ends of the range differ in precision")
            }
            guard start <= date else { throw Rejection("the end \(date) is before the start \(start)") }
            endDate = date
        } else if let lastDay = s.lastDay {
            guard let date = PartialDate(year: s.year, month: s.month, day: lastDay) else {
                throw Rejection("\(isoLike(s.year, s.month, lastDay)) is not a calendar date")
            }
            endDate = date
        } else {
            endDate = start
        }
        return DateValue(start: start, end: endDate,
                         yearFromContext: s.yearFromContext || (e?.yearFromContext ?? false))
    }

    private func isoLike(_ y: Int, _ m: Int?, _ d: Int?) -> String {
        var s = String(y)
        if let m { s += "-" + (m < 10 ? "0" : "") + String(m) }
        if let d { s += "-" + (d < 10 ? "0" : "") + String(d) }
        return s
    }

    private func checkWeekday(_ e: Endpoint, _ date: PartialDate) throws(Rejection) {
        guard let printed = e.weekday, let actual = date.weekday, printed != actual else { return }
        let names = ["日", "一", "二", "三", "四", "五", "六"]
        throw Rejection("星期\(names[printed]) does not match \(date) (a 星期\(names[actual]))")
    }

    // MARK: - Endpoints

    func startEndpoint(at i: Int) throws(Rejection) -> Endpoint? {
        if GrammarText.isDigit(t[i]), let parts = numericParts(at: i) {
            return try numericStart(parts)
        }
        return try cjkEndpoint(at: i, after: nil)
    }

    func endEndpoint(at i: Int, after s: Endpoint) throws(Rejection) -> Endpoint? {
        if s.style == .cjk { return try cjkEndpoint(at: i, after: s) }
        guard GrammarText.isDigit(t[i]) else { return nil }
        if let parts = numericParts(at: i) { return try numericEnd(parts, after: s) }
        // 104/4/06-11, 96.07.17~19 (the day), 114.08-09 (the month).
        let e = t.digitRunEnd(i)
        guard e - i <= 2, s.style == .slash || s.style == .dot, !(t[e] == 0x3A || t[e] == 0x2F || t[e] == 0x2E)
        else { return nil }
        let n = Int(t.digitValue(i..<e))
        switch s.precision {
        case .day:
            return Endpoint(year: s.year, month: s.month, day: n, yearPrinted: false,
                            yearFromContext: s.yearFromContext, style: s.style, end: e)
        case .month where s.style == .dot && e - i == 2:
            return Endpoint(year: s.year, month: try checkMonth(n), day: nil, yearPrinted: false,
                            yearFromContext: false, style: .dot, end: e)
        default:
            return nil
        }
    }

    struct NumericParts {
        var values: [Int]
        var digits: [Int]
        /// "/", ".", "-" or 0 for the compact YYYMMDD form.
        var separator: UInt32
        var end: Int
    }

    /// 104/4/06, 104.08.06, 114.08, 5/31, 1040406, 2023-08-08 at `i`.
    func numericParts(at i: Int) -> NumericParts? {
        let aEnd = t.digitRunEnd(i)
        let la = aEnd - i
        guard la > 0, la <= 9 else { return nil }
        let s = t[aEnd]
        if (s == 0x2F || s == 0x2E) && GrammarText.isDigit(t[aEnd + 1]) {
            var values = [Int(t.digitValue(i..<aEnd))]
            var digits = [la]
            var j = aEnd
            while t[j] == s && GrammarText.isDigit(t[j + 1]) && values.count < 3 {
                let e = t.digitRunEnd(j + 1)
                guard e - j - 1 <= 4 else { return nil }
                values.append(Int(t.digitValue((j + 1)..<e)))
                digits.append(e - j - 1)
                j = e
            }
            if t[j] == s && GrammarText.isDigit(t[j + 1]) { return nil }  // 1.2.3.4
            return NumericParts(values: values, digits: digits, separator: s, end: j)
        }
        if s == 0x2D && la == 4 && t.digitRunEnd(aEnd + 1) == aEnd + 3 && t[aEnd + 3] == 0x2D
            && t.digitRunEnd(aEnd + 4) == aEnd + 6
        {
            return NumericParts(
                values: [Int(t.digitValue(i..<aEnd)), Int(t.digitValue((aEnd + 1)..<(aEnd + 3))),
                         Int(t.digitValue((aEnd + 4)..<(aEnd + 6)))],
                digits: [4, 2, 2], separator: 0x2D, end: aEnd + 6)
        }
        if la == 7 {
            return NumericParts(
                values: [Int(t.digitValue(i..<(i + 3))), Int(t.digitValue((i + 3)..<(i + 5))),
                         Int(t.digitValue((i + 5)..<(i + 7)))],
                digits: [3, 2, 2], separator: 0, end: aEnd)
        }
        return nil
    }

    private func style(of separator: UInt32) -> Style {
        switch separator {
        case 0x2F: return .slash
        case 0x2E: return .dot
        case 0x2D: return .iso
        default: return .compact
        }
    }

    /// Year of a numeric form: 2-3 digits ROC, 4 digits Gregorian.
    private func numericYear(_ value: Int, digits: Int) throws(Rejection) -> Int {
        switch digits {
        case 2, 3:
            guard (1...200).contains(value) else { throw Rejection("ROC year \(value) is out of range") }
            return value + 1911
        case 4:
            guard (1000...2999).contains(value) else { throw Rejection("year \(value) is out of range") }
            return value
        default:
            throw Rejection("a year has 2 to 4 digits")
        }
    }

    private func checkMonth(_ m: Int) throws(Rejection) -> Int {
        guard (1...12).contains(m) else { throw Rejection("month \(m) is out of range") }
        return m
    }

    private func contextYear(_ what: String) throws(Rejection) -> Int {
        guard let year = context.documentYear else {
            throw Rejection("\(what) has no year and no document year is known")
        }
        return year
    }

    func numericStart(_ p: NumericParts) throws(Rejection) -> Endpoint? {
        let style = style(of: p.separator)
        switch (p.values.count, style) {
        case (3, _):
            if p.digits[1] > 2 || p.digits[2] > 2 { return nil }
            if style == .iso && p.digits[0] != 4 { return nil }
            let year = try numericYear(p.values[0], digits: p.digits[0])
            return Endpoint(year: year, month: try checkMonth(p.values[1]), day: p.values[2],
                            yearPrinted: true, yearFromContext: false, style: style, end: p.end)
        case (2, .dot):
            // 114.08: a month, only with a two-digit month; 116.1 only as
            // the start of a month range of a three-digit ROC year
            // (116.1-116.12, a budget book's 預計前往期間), never alone.
            let oneDigit = p.digits[1] == 1 && p.digits[0] == 3
            guard p.digits[1] == 2 || oneDigit else { return nil }
            let year = try numericYear(p.values[0], digits: p.digits[0])
            return Endpoint(year: year, month: try checkMonth(p.values[1]), day: nil,
                            yearPrinted: true, yearFromContext: false, style: .dot, end: p.end,
                            onlyInRange: true, onlyAsRangeStart: oneDigit)
        case (2, .slash):
            // 5/31: month and day, in the document's year.
            guard p.digits[0] <= 2, p.digits[1] <= 2 else { return nil }
            let year = try contextYear("\(p.values[0])/\(p.values[1])")
            return Endpoint(year: year, month: try checkMonth(p.values[0]), day: p.values[1],
                            yearPrinted: false, yearFromContext: true, style: .slash, end: p.end,
                            onlyInRange: true)
        default:
            return nil
        }
    }

    func numericEnd(_ p: NumericParts, after s: Endpoint) throws(Rejection) -> Endpoint? {
        guard style(of: p.separator) == s.style else { return nil }
        switch p.values.count {
        case 3:
            if p.digits[1] > 2 || p.digits[2] > 2 { return nil }
            if s.style == .iso && p.digits[0] != 4 { return nil }
            let year = try numericYear(p.values[0], digits: p.digits[0])
            return Endpoint(year: year, month: try checkMonth(p.values[1]), day: p.values[2],
                            yearPrinted: true, yearFromContext: false, style: s.style, end: p.end)
        case 2 where s.precision == .day:
            // 104/4/06-4/11: month and day in the start's year.
            guard p.digits[0] <= 2, p.digits[1] <= 2 else { return nil }
            return Endpoint(year: s.year, month: try checkMonth(p.values[0]), day: p.values[1],
                            yearPrinted: false, yearFromContext: s.yearFromContext, style: s.style, end: p.end)
        case 2 where s.precision == .month && s.style == .dot:
            // A one-digit month at either end (116.1-116.12, 116.01-116.9):
            // three-digit ROC years at most a year apart, or it is no range
            // of months but of numbers.
            let oneDigit = p.digits[1] == 1 || s.onlyAsRangeStart
            guard p.digits[1] == 2 || (p.digits[1] == 1 && p.digits[0] == 3) else { return nil }
            let year = try numericYear(p.values[0], digits: p.digits[0])
            if oneDigit {
                guard p.digits[0] == 3, (s.year...(s.year + 1)).contains(year), s.yearPrinted else { return nil }
            }
            return Endpoint(year: year, month: try checkMonth(p.values[1]), day: nil,
                            yearPrinted: true, yearFromContext: false, style: .dot, end: p.end)
        default:
            return nil
        }
    }

    /// A number in a 年月日 date: Arabic (up to 4 digits for a year, 2 for a
    /// month or day) or a Chinese numeral (digit-by-digit only for a year).
    private func readNumber(at i: Int, forYear: Bool) -> (value: Int, end: Int, digits: Int, chinese: Bool)? {
        let v = t[i]
        if GrammarText.isDigit(v) {
            let end = t.digitRunEnd(i)
            let n = end - i
            guard n <= (forYear ? 4 : 2) else { return nil }
            return (Int(t.digitValue(i..<end)), end, n, false)
        }
        if ChineseNumeral.isNumeral(v) {
            let end = ChineseNumeral.runEnd(t, from: i)
            guard case .success(let value) = ChineseNumeral.parse(t.scalars[i..<end], allowDigitByDigit: forYear),
                value <= 9999
            else { return nil }
            return (Int(value), end, end - i, true)
        }
        return nil
    }

    private static let eras = ["中華民國", "民國", "西元", "公元"]

    /// [era] Y 年 [M 月 [D 日 | 上旬 | 中旬 | 下旬]] [weekday], or, after a
    /// start or with a document year, M 月 ... or (after a start) D 日.
    func cjkEndpoint(at i: Int, after s: Endpoint?) throws(Rejection) -> Endpoint? {
        var j = i
        var era: String?
        var beforeEra = false
        if let (literal, end) = t.matchAny(Self.eras, at: j) {
            era = literal
            j = t.skipSpaces(end)
            if literal.hasSuffix("民國") && t[j] == 0x524D {  // 前
                beforeEra = true
                j = t.skipSpaces(j + 1)
            }
        }
        var year: Int
        var yearPrinted = false
        var yearFromContext = false
        var afterYear: Int
        var monthStart: Int

        if era == nil, let relative = try relativeYear(at: j) {
            (year, yearPrinted, yearFromContext, afterYear) = relative
            monthStart = t.skipSpaces(afterYear)
            guard readNumber(at: monthStart, forYear: false) != nil else {
                throw Rejection("a year alone is not a date")
            }
        } else {
            guard let first = readNumber(at: j, forYear: true) else {
                if era != nil { throw Rejection("no year after \(era!)") }
                return nil
            }
            let k = t.skipSpaces(first.end)
            switch t[k] {
            case 0x5E74:  // 年
                year = try resolveYear(first, era: era, before: beforeEra)
                yearPrinted = true
                afterYear = k + 1
                monthStart = t.skipSpaces(afterYear)
                let hasMonth = readNumber(at: monthStart, forYear: false).map { m in
                    t[t.skipSpaces(m.end)] == 0x6708
                } ?? false
                if !hasMonth {
                    // A year alone: a date only with its era (民國112年), or
                    // as the end of a range of years.
                    if era != nil || s?.precision == .year {
                        return Endpoint(year: year, month: nil, day: nil, yearPrinted: true,
                                        yearFromContext: false, style: .cjk, end: afterYear)
                    }
                    throw Rejection("a year alone is not a date (\(first.value)年 could be a fiscal year or a duration)")
                }
            case 0x6708:  // 月: no year printed
                if era != nil { throw Rejection("no year after \(era!)") }
                if let s {
                    year = s.year
                    yearFromContext = s.yearFromContext
                } else {
                    year = try contextYear("\(first.value)月")
                    yearFromContext = true
                }
                monthStart = j
            case 0x65E5:  // 日: day only, after a start with a month
                guard era == nil, let s, s.precision == .day, let month = s.month,
                    let day = readNumber(at: j, forYear: false)
                else { return nil }
                var endpoint = Endpoint(year: s.year, month: month, day: day.value, yearPrinted: false,
                                        yearFromContext: s.yearFromContext, style: .cjk, end: k + 1)
                try weekdaySuffix(&endpoint)
                return endpoint
            default:
                if era != nil { throw Rejection("no 年 after the year") }
                return nil
            }
        }

        // Month.
        guard let m = readNumber(at: monthStart, forYear: false) else { return nil }
        let monthMark = t.skipSpaces(m.end)
        guard t[monthMark] == 0x6708 else { return nil }
        let month = try checkMonth(m.value)
        // 4月份 is 4月.
        let afterMonth = t[monthMark + 1] == 0x4EFD ? monthMark + 2 : monthMark + 1
        // A month without a printed year (7月, as in a table of months) is a
        // date when scanning only as part of a range.
        var endpoint = Endpoint(year: year, month: month, day: nil, yearPrinted: yearPrinted,
                                yearFromContext: yearFromContext, style: .cjk, end: afterMonth,
                                onlyInRange: s == nil && !yearPrinted && monthStart == j)
        // Day, or a third of the month.
        let d0 = t.skipSpaces(afterMonth)
        if let d = readNumber(at: d0, forYear: false), t[t.skipSpaces(d.end)] == 0x65E5 || t[t.skipSpaces(d.end)] == 0x865F {  // 日 號
            endpoint.day = d.value
            endpoint.end = t.skipSpaces(d.end) + 1
            endpoint.onlyInRange = false
            try weekdaySuffix(&endpoint)
        } else if t[d0 + 1] == 0x65EC {  // 旬
            let first: Int
            switch t[d0] {
            case 0x4E0A: first = 1  // 上旬
            case 0x4E2D: first = 11  // 中旬
            case 0x4E0B: first = 21  // 下旬
            default: return endpoint
            }
            endpoint.day = first
            endpoint.onlyInRange = false
            endpoint.lastDay = first == 21 ? GregorianCalendar.daysInMonth(year: year, month: month) : first + 9
            endpoint.end = d0 + 2
        }
        return endpoint
    }

    /// 今年, 今(112)年, 去年, 明年, 本年 at `i`: (Gregorian year, printed,
    /// from context, index after 年).
    private func relativeYear(at i: Int) throws(Rejection) -> (Int, Bool, Bool, Int)? {
        let offset: Int
        switch t[i] {
        case 0x4ECA, 0x672C: offset = 0  // 今 本
        case 0x53BB: offset = -1  // 去
        case 0x660E: offset = 1  // 明
        default: return nil
        }
        var j = i + 1
        if t[j] == 0x5E74 {  // 今年
            let year = try contextYear("\(t.string(i..<(j + 1)))")
            return (year + offset, false, true, j + 1)
        }
        guard t[j] == 0x28 else { return nil }
        j = t.skipSpaces(j + 1)
        let e = t.digitRunEnd(j)
        guard e > j, e - j <= 3 else { return nil }
        let roc = Int(t.digitValue(j..<e))
        let close = t.skipSpaces(e)
        guard t[close] == 0x29, t[close + 1] == 0x5E74 else { return nil }
        guard (1...200).contains(roc) else { throw Rejection("ROC year \(roc) is out of range") }
        return (roc + 1911, true, false, close + 2)
    }

    private func resolveYear(_ n: (value: Int, end: Int, digits: Int, chinese: Bool), era: String?, before: Bool)
        throws(Rejection) -> Int
    {
        if before {
            guard (1...200).contains(n.value) else { throw Rejection("民國前\(n.value)年 is out of range") }
            return 1912 - n.value
        }
        if era == "西元" || era == "公元" {
            guard (1000...2999).contains(n.value) else { throw Rejection("year \(n.value) is out of range") }
            return n.value
        }
        let gregorian = n.value >= 1000
        if gregorian {
            guard era == nil, (1000...2999).contains(n.value), n.chinese || n.digits == 4 else {
                throw Rejection("year \(n.value) is out of range")
            }
            return n.value
        }
        if !n.chinese && n.digits == 4 { throw Rejection("a four-digit year with a leading zero") }
        guard (1...200).contains(n.value) else { throw Rejection("ROC year \(n.value) is out of range") }
        return n.value + 1911
    }

    /// （星期二）, (週二), 星期二, and when parsing a whole text (二), after a day.
    private func weekdaySuffix(_ e: inout Endpoint) throws(Rejection) {
        var j = t.skipSpaces(e.end)
        let parenthesised = t[j] == 0x28
        if parenthesised { j = t.skipSpaces(j + 1) }
        var long = false
        if let (_, end) = t.matchAny(["星期", "禮拜", "週", "周"], at: j) {
            long = true
            j = t.skipSpaces(end)
        }
        guard long || (parenthesised && !scanning) else { return }
        let weekday: Int
        switch t[j] {
        case 0x65E5, 0x5929: weekday = 0  // 日 天
        case 0x4E00: weekday = 1
        case 0x4E8C: weekday = 2
        case 0x4E09: weekday = 3
        case 0x56DB: weekday = 4
        case 0x4E94: weekday = 5
        case 0x516D: weekday = 6
        default: return
        }
        j += 1
        if parenthesised {
            j = t.skipSpaces(j)
            guard t[j] == 0x29 else { return }
            j += 1
        }
        e.weekday = weekday
        e.end = j
    }
}
