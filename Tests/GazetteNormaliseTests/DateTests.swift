import Testing

@testable import GazetteNormalise

private func iso(_ value: DateValue?) -> String? {
    guard let value else { return nil }
    return "\(value.start.iso)/\(value.end.iso)/\(value.precision.rawValue)"
}

@Suite struct DateParserTests {
    @Test(arguments: [
        // 年月日, with or without spaces, leading zeros, era prefixes.
        ("112年8月8日", "2023-08-08/2023-08-08/day"),
        ("112 年 8 月 8 日", "2023-08-08/2023-08-08/day"),
        ("112年08月08日", "2023-08-08/2023-08-08/day"),
        ("民國 076 年 10 月 07 日", "1987-10-07/1987-10-07/day"),
        ("中華民國 104 年 7月 17 日", "2015-07-17/2015-07-17/day"),
        ("中華民國112年8月8日", "2023-08-08/2023-08-08/day"),
        ("１１２年８月８日", "2023-08-08/2023-08-08/day"),
        ("112 年 8 月 8 日（星期二）", "2023-08-08/2023-08-08/day"),
        ("112年8月8日(星期二)", "2023-08-08/2023-08-08/day"),
        ("112年8月8日（週二）", "2023-08-08/2023-08-08/day"),
        ("112年8月8日（二）", "2023-08-08/2023-08-08/day"),
        ("112年8月8日 星期二", "2023-08-08/2023-08-08/day"),
        ("民國101年02月29日", "2012-02-29/2012-02-29/day"),
        ("民國前1年1月1日", "1911-01-01/1911-01-01/day"),
        ("民國前 10 年 3 月 5 日", "1902-03-05/1902-03-05/day"),
        ("民國1年1月1日", "1912-01-01/1912-01-01/day"),
        // Chinese numerals, ○ 〇 零 as zero.
        ("中華民國一○五年二月", "2016-02/2016-02/month"),
        ("中華民國一〇五年二月", "2016-02/2016-02/month"),
        ("中華民國一零五年二月", "2016-02/2016-02/month"),
        ("中華民國一百零五年二月二十九日", "2016-02-29/2016-02-29/day"),
        ("中華民國八三年九月三十日", "1994-09-30/1994-09-30/day"),
        ("中華民國一一三年十二月廿五日", "2024-12-25/2024-12-25/day"),
        ("民國九十九年十月卅一日", "2010-10-31/2010-10-31/day"),
        // Numeric forms.
        ("104/4/06", "2015-04-06/2015-04-06/day"),
        ("83/3/24", "1994-03-24/1994-03-24/day"),
        ("104.08.06", "2015-08-06/2015-08-06/day"),
        ("1040406", "2015-04-06/2015-04-06/day"),
        ("0710826", "1982-08-26/1982-08-26/day"),
        ("１０４／４／０６", "2015-04-06/2015-04-06/day"),
        ("114.08", "2025-08/2025-08/month"),
        // Gregorian.
        ("2023年8月8日", "2023-08-08/2023-08-08/day"),
        ("西元2023年8月", "2023-08/2023-08/month"),
        ("2023-08-08", "2023-08-08/2023-08-08/day"),
        ("2023/8/8", "2023-08-08/2023-08-08/day"),
        ("二〇二三年八月八日", "2023-08-08/2023-08-08/day"),
        // Month and year precision.
        ("107 年 4 月", "2018-04/2018-04/month"),
        ("107年4月份", "2018-04/2018-04/month"),
        ("民國112年", "2023/2023/year"),
        ("中華民國 112 年", "2023/2023/year"),
        ("民國109年至112年", "2020/2023/year"),
        // Ranges.
        ("104/4/06-4/11", "2015-04-06/2015-04-11/day"),
        ("105/3/28-4/01", "2016-03-28/2016-04-01/day"),
        ("104/4/06 - 4/11", "2015-04-06/2015-04-11/day"),
        ("104/4/06-104/4/11", "2015-04-06/2015-04-11/day"),
        ("104/4/06-11", "2015-04-06/2015-04-11/day"),
        ("96.07.17~19", "2007-07-17/2007-07-19/day"),
        ("114.08-09", "2025-08/2025-09/month"),
        ("96.07.17~96.07.19", "2007-07-17/2007-07-19/day"),
        ("96.07.17~07.19", "2007-07-17/2007-07-19/day"),
        ("114.08-114.09", "2025-08/2025-09/month"),
        ("108.07-108.07", "2019-07/2019-07/month"),
        // A one-digit month in a range of three-digit ROC years (a budget
        // book's 預計前往期間).
        ("116.1-116.12", "2027-01/2027-12/month"),
        ("116.01-116.9", "2027-01/2027-09/month"),
        ("116.11-117.2", "2027-11/2028-02/month"),
        ("100 年 09 月 27 日至 100 年 11 月 25 日", "2011-09-27/2011-11-25/day"),
        ("104 年 7月 17 日至 18 日", "2015-07-17/2015-07-18/day"),
        ("103年2月19日～2月25日", "2014-02-19/2014-02-25/day"),
        ("103年2月19日〜2月25日", "2014-02-19/2014-02-25/day"),
        ("112 年 1 月至 5 月", "2023-01/2023-05/month"),
        ("112年1月至113年2月", "2023-01/2024-02/month"),
        ("112年12月28日至1月3日", "2023-12-28/2024-01-03/day"),
        ("106/12/28-1/03", "2017-12-28/2018-01-03/day"),
        ("112年12月至1月", "2023-12/2024-01/month"),
        ("1040406-1040411", "2015-04-06/2015-04-11/day"),
        ("112年8月8日（星期二）至8月10日（星期四）", "2023-08-08/2023-08-10/day"),
        ("112年8月8日到8月10日", "2023-08-08/2023-08-10/day"),
        ("112年10月下旬", "2023-10-21/2023-10-31/day"),
        ("112年2月下旬", "2023-02-21/2023-02-28/day"),
        ("112年10月上旬", "2023-10-01/2023-10-10/day"),
        ("今(112)年10月下旬", "2023-10-21/2023-10-31/day"),
        ("去(111)年12月", "2022-12/2022-12/month"),
        ("2023-08-01~2023-08-05", "2023-08-01/2023-08-05/day"),
    ])
    func parses(input: String, expected: String) {
        #expect(iso(DateParser.parse(input)) == expected, "\(input)")
    }

    @Test(arguments: [
        "112年", "112 年", "109-112年", "109年至112年", "112年度", "112年13月1日", "112年0月1日", "112年2月29日",
        "104/4/31", "112年2月30日", "112年8月32日", "112年8月0日", "104/13/01", "1041306", "10404061",
        "104/4", "5/31", "7 月 5 日至 7 月 8 日", "今年10月", "112年8月8日（星期三）", "112年8月8日（三）",
        "112年8月8日-", "112年8月8日至", "112年8月8日至7日", "104/4/11-4/06", "114.09-114.08", "116.1", "116.1-", "116.1-120.12", "16.1-16.12", "116.1-116.123", "116.5-116.1",
        "112年8月8日至9月", "104/4/06-4/11/12", "1.2.3", "99.8", "1.2", "3.282", "11.564",
        "9/5/3", "0/1/1", "201年1月1日", "民國2023年1月1日", "0112年1月1日", "西元112年", "民國前0年1月1日",
        "中華民國", "民國年月日", "一二月", "十二月三一日", "十二月", "2023-8-8", "2023-08", "10430302700",
        "112年8月8日下午", "第112年8月8日", "112/8/8 14:00", "112.8.8.1", "112年8月8日XYZ", "",
        "104/4/06-4月11日", "104年4月6日-4/11", "八月八日", "104/4/06-05", "104/4/06-32", "114.08-9",
        "114.08-07", "112年11月28日至1月3日", "112年9月至3月", "104/4/06-11:00", "1040406-11",
    ])
    func rejects(input: String) {
        #expect(DateParser.parse(input) == nil, "\(input) should be rejected, got \(iso(DateParser.parse(input)) ?? "")")
    }

    @Test func contextGivesTheYearAndSaysSo() throws {
        let context = DateContext.roc(112)
        #expect(context.documentYear == 2023)
        let slash = try #require(DateParser.parse("5/31", context: context))
        #expect(iso(slash) == "2023-05-31/2023-05-31/day")
        #expect(slash.yearFromContext)
        let range = try #require(DateParser.parse("7 月 5 日至 7 月 8 日", context: context))
        #expect(iso(range) == "2023-07-05/2023-07-08/day")
        #expect(range.yearFromContext)
        #expect(iso(DateParser.parse("9月 24日至 26日", context: context)) == "2023-09-24/2023-09-26/day")
        #expect(iso(DateParser.parse("4/10-4/12", context: context)) == "2023-04-10/2023-04-12/day")
        let thisYear = try #require(DateParser.parse("今年10月下旬", context: context))
        #expect(iso(thisYear) == "2023-10-21/2023-10-31/day")
        #expect(thisYear.yearFromContext)
        #expect(iso(DateParser.parse("去年12月", context: context)) == "2022-12/2022-12/month")
        // A printed year wins and is not flagged.
        let printed = try #require(DateParser.parse("今(112)年10月下旬", context: .roc(113)))
        #expect(printed.start.year == 2023)
        #expect(!printed.yearFromContext)
        #expect(DateParser.parse("112年8月8日", context: context)?.yearFromContext == false)
        // Context never makes a bare year or number a date.
        #expect(DateParser.parse("112年", context: context) == nil)
        #expect(DateParser.parse("31", context: context) == nil)
        #expect(DateParser.parse("2/30", context: context) == nil)
    }

    @Test func errorsSayWhy() {
        func reason(_ text: String) -> String {
            do {
                _ = try DateParser.validate(text)
                return "accepted"
            } catch {
                return error.reason
            }
        }
        #expect(reason("112年13月1日").contains("month 13"))
        #expect(reason("112年2月29日").contains("2023-02-29"))
        #expect(reason("112年").contains("year alone"))
        #expect(reason("112年8月8日（星期三）").contains("星期三"))
        #expect(reason("5/31").contains("no year"))
        #expect(reason("104/4/11-4/06").contains("before"))
    }

    @Test func weekdaysAreRight() {
        #expect(PartialDate(year: 2023, month: 8, day: 8)?.weekday == 2)
        #expect(PartialDate(year: 1970, month: 1, day: 1)?.weekday == 4)
        #expect(PartialDate(year: 1912, month: 1, day: 1)?.weekday == 1)
        #expect(PartialDate(year: 2100, month: 12, day: 31)?.weekday == 5)
        #expect(PartialDate(year: 2000, month: 2, day: 29)?.weekday == 2)
    }
}

/// Every valid date 1912-2100 written in each style parses back to itself.
private func pad(_ n: Int, _ width: Int) -> String { DateRoundTripTests.padded(n, width) }

@Suite struct DateRoundTripTests {
    static let weekdayNames = ["日", "一", "二", "三", "四", "五", "六"]

    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { v in
            (0x21...0x7E).contains(v.value) ? Unicode.Scalar(v.value + 0xFEE0)! : v
        }))
    }

    /// The styles a date is printed in, each with its name.
    static func styles(_ y: Int, _ m: Int, _ d: Int) -> [(String, String)] {
        let roc = y - 1911
        let weekday = weekdayNames[PartialDate(year: y, month: m, day: d)!.weekday!]
        let cjkYear = ChineseNumeral.format(Int64(roc), style: .digitByDigit)
        return [
            ("年月日", "\(roc)年\(m)月\(d)日"),
            ("年月日 spaced", "\(roc) 年 \(m) 月 \(d) 日"),
            ("民國 padded", "民國\(pad(roc, 3))年\(pad(m, 2))月\(pad(d, 2))日"),
            ("中華民國 spaced", "中華民國 \(roc) 年 \(m) 月 \(d) 日"),
            ("weekday", "\(roc)年\(m)月\(d)日（星期\(weekday)）"),
            ("slash", "\(pad(roc, 2))/\(m)/\(pad(d, 2))"),
            ("dot", "\(pad(roc, 2)).\(pad(m, 2)).\(pad(d, 2))"),
            ("compact", "\(pad(roc, 3))\(pad(m, 2))\(pad(d, 2))"),
            ("chinese digits", "中華民國\(cjkYear)年\(ChineseNumeral.format(Int64(m)))月\(ChineseNumeral.format(Int64(d)))日"),
            ("chinese ○", "中華民國\(cjkYear.replacingOccurrences("〇", "○"))年\(ChineseNumeral.format(Int64(m)))月\(ChineseNumeral.format(Int64(d)))日"),
            ("chinese positional", "民國\(ChineseNumeral.format(Int64(roc)))年\(ChineseNumeral.format(Int64(m)))月\(ChineseNumeral.format(Int64(d)))日"),
            ("full-width", fullWidth("\(roc)年\(m)月\(d)日")),
            ("full-width slash", fullWidth("\(pad(roc, 2))/\(m)/\(d)")),
            ("gregorian", "\(y)年\(m)月\(d)日"),
            ("iso", "\(y)-\(pad(m, 2))-\(pad(d, 2))"),
        ]
    }

    static func check(_ y: Int, _ m: Int, _ d: Int, failures: inout [String], sample: Int? = nil) {
        let expected = PartialDate(year: y, month: m, day: d)!
        let all = styles(y, m, d)
        let chosen = sample.map { [all[$0 % all.count]] } ?? all
        for (name, text) in chosen {
            let value = DateParser.parse(text)
            if value?.start != expected || value?.end != expected {
                failures.append("\(name): \(text) -> \(value.map { "\($0.start)/\($0.end)" } ?? "nil")")
            }
        }
    }

    @Test func everyDayOfSelectedYearsInEveryStyle() {
        var failures: [String] = []
        for y in [1912, 1920, 1949, 2000, 2011, 2023, 2024, 2100] {
            for m in 1...12 {
                for d in 1...GregorianCalendar.daysInMonth(year: y, month: m) {
                    Self.check(y, m, d, failures: &failures)
                    if failures.count > 20 { break }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func randomDaysInRandomStyles() {
        var rng = SeededGenerator(seed: 20_230_808)
        var failures: [String] = []
        for _ in 0..<20_000 {
            let y = Int.random(in: 1912...2100, using: &rng)
            let m = Int.random(in: 1...12, using: &rng)
            let d = Int.random(in: 1...GregorianCalendar.daysInMonth(year: y, month: m), using: &rng)
            Self.check(y, m, d, failures: &failures, sample: Int.random(in: 0..<100, using: &rng))
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func invalidDaysAreRejectedInEveryStyle() {
        var failures: [String] = []
        for y in [1913, 1999, 2000, 2023, 2024, 2100] {
            for m in 1...12 {
                let d = GregorianCalendar.daysInMonth(year: y, month: m) + 1
                let roc = y - 1911
                for text in ["\(roc)年\(m)月\(d)日", "\(roc)/\(m)/\(d)", "\(roc).\(pad(m, 2)).\(d)",
                             "\(pad(roc, 3))\(pad(m, 2))\(d)"]
                where DateParser.parse(text) != nil {
                    failures.append(text)
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func rangesRoundTrip() {
        var rng = SeededGenerator(seed: 42)
        var failures: [String] = []
        for _ in 0..<3_000 {
            let y = Int.random(in: 1930...2099, using: &rng)
            let m = Int.random(in: 1...12, using: &rng)
            let d = Int.random(in: 1...GregorianCalendar.daysInMonth(year: y, month: m), using: &rng)
            let m2 = Int.random(in: m...12, using: &rng)
            let low = m2 == m ? d : 1
            let d2 = Int.random(in: low...GregorianCalendar.daysInMonth(year: y, month: m2), using: &rng)
            let roc = y - 1911
            let texts = [
                "\(roc)/\(m)/\(pad(d, 2))-\(m2)/\(pad(d2, 2))",
                "\(roc).\(pad(m, 2)).\(pad(d, 2))~\(roc).\(pad(m2, 2)).\(pad(d2, 2))",
                "\(roc) 年 \(m) 月 \(d) 日至 \(roc) 年 \(m2) 月 \(d2) 日",
                "\(roc)年\(m)月\(d)日～\(m2)月\(d2)日",
            ]
            for text in texts {
                let value = DateParser.parse(text)
                if value?.start != PartialDate(year: y, month: m, day: d)
                    || value?.end != PartialDate(year: y, month: m2, day: d2)
                {
                    failures.append(text)
                }
            }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func monthsRoundTrip() {
        var failures: [String] = []
        for y in 1912...2100 {
            let roc = y - 1911
            for m in [1, 2, 9, 10, 12] {
                for text in ["\(roc)年\(m)月", "民國 \(roc) 年 \(pad(m, 2)) 月", "\(pad(roc, 2)).\(pad(m, 2))",
                             "中華民國\(ChineseNumeral.format(Int64(roc), style: .digitByDigit))年\(ChineseNumeral.format(Int64(m)))月"]
                where DateParser.parse(text).map({ $0.start == PartialDate(year: y, month: m) && $0.end == $0.start }) != true {
                    failures.append(text)
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }
}

extension String {
    fileprivate func replacingOccurrences(_ a: Character, _ b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
}
