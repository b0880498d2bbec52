import Foundation
import Testing

@testable import GazetteNormalise

@Suite struct NumberParserTests {
    @Test(arguments: [
        // Arabic.
        ("0", "0"), ("105", "105"), ("1,234", "1234"), ("123,456,789", "123456789"), ("１２３，４５６", "123456"),
        ("99.8", "99.8"), ("0.891", "0.891"), ("3.282", "3.282"), ("1.50", "1.5"), ("007", "7"),
        ("-1000", "-1000"), ("+2", "2"), ("－１，２３４", "-1234"), ("△1,234", "-1234"), ("△ 5", "-5"),
        ("(1,234)", "-1234"), ("（1,234）", "-1234"), ("−12", "-12"), ("1,234.5", "1234.5"),
        // Chinese positional, financial, digit-by-digit.
        ("十", "10"), ("十五", "15"), ("一十五", "15"), ("二十", "20"), ("兩千", "2000"), ("兩百", "200"),
        ("兩萬", "20000"), ("一百零五", "105"), ("一百一十", "110"), ("一百十", "110"), ("一千零五十", "1050"),
        ("一千五十", "1050"), ("五十一萬二千零五", "512005"), ("十萬", "100000"), ("十萬零一十", "100010"),
        ("一千萬零一十", "10000010"), ("八千三百九十萬三千八百零四", "83903804"), ("三億五千萬", "350000000"),
        ("一億零五百萬", "105000000"), ("十億", "1000000000"), ("廿", "20"), ("廿五", "25"), ("卅", "30"),
        ("卅一", "31"), ("壹佰貳拾叁", "123"), ("壹佰貳拾參", "123"), ("壹佰貳拾叄", "123"), ("伍拾壹萬貳仟零伍", "512005"),
        ("拾", "10"), ("玖仟玖佰玖拾玖", "9999"), ("陸柒捌", "678"), ("一○五", "105"), ("一〇五", "105"),
        ("一零五", "105"), ("五零", "50"), ("五〇", "50"), ("一一三", "113"), ("八三", "83"), ("〇", "0"), ("零", "0"), ("五", "5"),
        // 萬 and 億 mixed with Arabic digits.
        ("51 萬 2,005", "512005"), ("129萬 4,421", "1294421"), ("1,200 萬", "12000000"), ("458萬 0,441", "4580441"),
        ("2萬 2,173", "22173"), ("4703萬1,836", "47031836"), ("31億2581萬", "3125810000"), ("1.5億", "150000000"),
        ("1.5萬", "15000"), ("3億 2,000萬 5", "320000005"), ("2萬2173", "22173"),
        ("5千", "5000"), ("3千萬", "30000000"), ("2億5千萬", "250000000"), ("1億2千萬", "120000000"),
        ("兩萬五千", "25000"), ("一千兩百", "1200"),
        // Percent.
        ("99.8%", "99.8"), ("100%", "100"), ("99.9 %", "99.9"), ("-5%", "-5"), ("百分之五十", "50"),
        ("１１．８％", "11.8"),
    ])
    func parses(input: String, expected: String) throws {
        let quantity = try #require(NumberParser.parse(input), "\(input) should parse")
        #expect(quantity.value.description == expected, "\(input)")
    }

    @Test func percentAndCounterUnits() {
        #expect(NumberParser.parse("99.8%")?.unit == "%")
        #expect(NumberParser.parse("百分之五十")?.unit == "%")
        #expect(NumberParser.parse("1,784件")?.unit == "件")
        #expect(NumberParser.parse("129萬 4,421件")?.value == NumberValue(1_294_421))
        #expect(NumberParser.parse("485 人")?.unit == "人")
        #expect(NumberParser.parse("338 人次")?.unit == "人次")
        #expect(NumberParser.parse("105")?.unit == nil)
    }

    @Test(arguments: [
        "", "五十一萬XYZ", "abc", "1,23", "1,2345", "12,34,567", "01,234", "1.", ".5", "1.2.3", "1 2", "--1",
        "(1,234", "1,234)", "一千五", "一百五", "三億五千", "二十萬五", "一千零五百", "零五", "〇一", "一千零",
        "兩", "兩十", "十兩", "萬", "百", "千", "一十一百", "零零", "一千零零五", "五十一萬 2,005", "51萬二千",
        "3億500", "1.5萬 2,000", "5千5", "5千五", "12千", "0.5千", "二萬五", "0萬", "1萬 10,000", "1萬 12345", "第 3 次", "3 次方", "12 月",
        "112年", "104/4/06", "14:30", "1,234元", "NT$5", "30 mins", "9999999999999999999",
    ])
    func rejects(input: String) {
        #expect(NumberParser.parse(input) == nil, "\(input) should be rejected")
    }

    @Test func errorsSayWhy() {
        #expect(throws: NormaliseError.self) { try NumberParser.validate("五十一萬XYZ") }
        do {
            _ = try NumberParser.validate("一千五")
            Issue.record("一千五 accepted")
        } catch {
            #expect(error.localizedDescription.contains("零"))
        }
    }
}

@Suite struct ChineseNumeralTests {
    @Test func formatsLikeICU() throws {
        let icu = try #require(ICUSpellout(locale: "zh_Hant", ruleSet: "%spellout-cardinal"))
        let financial = try #require(ICUSpellout(locale: "zh_Hant", ruleSet: "%spellout-cardinal-financial"))
        for v: Int64 in [1, 9, 10, 11, 20, 100, 101, 110, 1000, 1001, 1010, 10_000, 10_010, 100_000, 100_010,
                         1_000_000, 10_000_010, 83_903_804, 512_005, 1_000_000_000, 123_456_789]
        {
            #expect(ChineseNumeral.format(v, style: .positional) == icu.format(v), "\(v)")
            // ICU's financial set spells 參 for 3, as we do.
            #expect(ChineseNumeral.format(v, style: .financial) == financial.format(v), "\(v)")
        }
        #expect(ChineseNumeral.format(105, style: .digitByDigit) == "一〇五")
        #expect(ChineseNumeral.format(0) == "零")
    }

    @Test func parsesWholeNumeralsOnly() {
        #expect(ChineseNumeral.parse("五十一萬二千零五") == 512_005)
        #expect(ChineseNumeral.parse("五十一萬二千零五元") == nil)
        #expect(ChineseNumeral.parse("") == nil)
    }

    /// ≥ 100,000 seeded draws in 0...10^9: ICU zh_Hant spell-out (default and
    /// financial rule sets) and our own three styles all parse back.
    @Test func icuSpelloutRoundTrips() throws {
        let numbering = try #require(ICUSpellout(locale: "zh_Hant"))
        let financial = try #require(ICUSpellout(locale: "zh_Hant", ruleSet: "%spellout-cardinal-financial"))
        let cardinal = try #require(ICUSpellout(locale: "zh_Hant", ruleSet: "%spellout-cardinal"))
        var rng = SeededGenerator(seed: 0x6A7A_6574_7465)
        var draws = 0
        var failures: [String] = []
        func check(_ text: String?, _ value: Int64, _ style: String) {
            guard let text else {
                failures.append("\(style) \(value): no text")
                return
            }
            let parsed = NumberParser.parse(text)
            if parsed?.value != NumberValue(value) || parsed?.unit != nil {
                failures.append("\(style) \(value): \(text) -> \(parsed.map { "\($0.value)" } ?? "nil")")
            }
        }
        for round in 0..<100_000 {
            let value = round == 0 ? 1_000_000_000 : rng.numeral()
            check(numbering.format(value), value, "icu")
            if round % 4 == 0 { check(financial.format(value), value, "icu-financial") }
            if round % 10 == 0 {
                // Our formatter writes exactly what ICU writes.
                if ChineseNumeral.format(value, style: .positional) != cardinal.format(value) {
                    failures.append("format \(value): \(ChineseNumeral.format(value)) vs ICU \(cardinal.format(value) ?? "")")
                }
                if ChineseNumeral.format(value, style: .financial) != financial.format(value) {
                    failures.append("financial \(value): \(ChineseNumeral.format(value, style: .financial))")
                }
                check(ChineseNumeral.format(value, style: .positional), value, "positional")
                check(ChineseNumeral.format(value, style: .financial), value, "financial")
                check(ChineseNumeral.format(value, style: .digitByDigit), value, "digit-by-digit")
                check(ChineseNumeral.format(value, style: .digitByDigit).replacingOccurrences(of: "〇", with: "○"),
                      value, "digit-by-digit ○")
            }
            draws += 1
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
        #expect(draws == 100_000)
    }

    /// Every value below 20,000 through ICU: the small range has the most
    /// special cases (十, 一十, 零).
    @Test func icuSpelloutExhaustiveBelow20000() throws {
        let numbering = try #require(ICUSpellout(locale: "zh_Hant"))
        var failures: [String] = []
        for value: Int64 in 0..<20_000 {
            let text = numbering.format(value) ?? ""
            if NumberParser.parse(text)?.value != NumberValue(value) { failures.append("\(value): \(text)") }
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A decimal read from a table is the Double nearest to it, as a
    /// spreadsheet or pandas would read the printed figure (t 分配表's 3.078,
    /// 1.638), not the sum of rounding errors of one division per digit.
    @Test(arguments: ["3.078", "1.638", "2.0149", "0.0005", "-12.706", "123456789.123", "0.1", "99.8"])
    func doubleValueIsTheNearestDouble(_ text: String) throws {
        let value = try #require(NumberParser.parse(text)?.value)
        #expect(value.doubleValue == Double(text))
    }

    @Test func doubleValueOfEveryThreeDecimalFigure() {
        var failures: [String] = []
        for n: Int64 in stride(from: 0, to: 100_000, by: 7) {
            let value = NumberValue(significand: n, scale: 3)
            if value.doubleValue != Double(value.description) { failures.append(value.description) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }
}
