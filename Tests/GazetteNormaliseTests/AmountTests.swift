import Testing

@testable import GazetteNormalise

@Suite struct AmountParserTests {
    @Test(arguments: [
        ("新臺幣 51 萬 2,005 元", 512_005, Currency.TWD),
        ("新台幣4703萬1,836元", 47_031_836, .TWD),
        ("1,200 萬元", 12_000_000, .TWD),
        ("新臺幣五十一萬二千零五元", 512_005, .TWD),
        ("新臺幣壹佰萬元整", 1_000_000, .TWD),
        ("3.2825百萬元", 3_282_500, .TWD),
        ("壹萬貳仟圓整", 12_000, .TWD),
        ("約 148萬 5,000元", 1_485_000, .TWD),
        ("31億2581萬元", 3_125_810_000, .TWD),
        ("NT$23,727,645", 23_727_645, .TWD),
        ("NT$ 1,000", 1_000, .TWD),
        ("NTD 500", 500, .TWD),
        ("71,912,826元", 71_912_826, .TWD),
        ("878 萬元", 8_780_000, .TWD),
        ("3,282千元", 3_282_000, .TWD),
        ("3.282百萬元", 3_282_000, .TWD),
        ("5千萬元", 50_000_000, .TWD),
        ("5千元", 5_000, .TWD),
        ("2億5千萬元", 250_000_000, .TWD),
        ("1.5億元", 150_000_000, .TWD),
        ("新臺幣 24 萬 1,221 元", 241_221, .TWD),
        ("新臺幣 10 萬 8,170 元", 108_170, .TWD),
        ("20億美元", 2_000_000_000, .USD),
        ("US$1,000", 1_000, .USD),
        ("美金 300 元", 300, .USD),
        ("500萬日圓", 5_000_000, .JPY),
        ("合計 1,000 元", 1_000, .TWD),
        ("共計新臺幣 2,000 元", 2_000, .TWD),
        ("△1,234元", -1_234, .TWD),
        ("０元", 0, .TWD),
        ("１２３元", 123, .TWD),
    ])
    func parses(input: String, value: Int64, currency: Currency) throws {
        let amount = try #require(AmountParser.parse(input), "\(input) should parse")
        #expect(amount.value == value, "\(input)")
        #expect(amount.currency == currency, "\(input)")
    }

    @Test func approximateIsFlagged() {
        #expect(AmountParser.parse("約 148萬 5,000元")?.isApproximate == true)
        #expect(AmountParser.parse("148萬 5,000元")?.isApproximate == false)
    }

    @Test(arguments: [
        "核銷中", "", "元", "1,234", "51 萬 2,005", "新臺幣", "1.5元", "3.2825001百萬元", "新臺幣 100 美元",
        "99.8%元", "約", "$100", "100 萬餘元", "148萬餘元", "新臺幣 51 萬 2,005 元 整理", "尚待彙整",
        "5千", "1,23元", "NT$", "五十一萬XYZ元", "1000 件",
    ])
    func rejects(input: String) {
        #expect(AmountParser.parse(input) == nil, "\(input) should be rejected")
    }

    @Test func notAWholeNumberIsRejectedWithAReason() {
        do {
            _ = try AmountParser.validate("1.5元")
            Issue.record("1.5元 accepted")
        } catch {
            #expect(error.localizedDescription.contains("1.5"))
        }
    }
}

@Suite struct TableUnitTests {
    @Test(arguments: [
        ("單位：新臺幣千元", Currency.TWD as Currency?, 3, nil as String?),
        ("單位:千元", .TWD, 3, nil),
        ("(百萬元)", .TWD, 6, nil),
        ("（百萬元）", .TWD, 6, nil),
        ("單位：元", .TWD, 0, nil),
        ("單位：新台幣元", .TWD, 0, nil),
        ("（單位：新臺幣萬元）", .TWD, 4, nil),
        ("單位：億元", .TWD, 8, nil),
        ("金額單位：千元", .TWD, 3, nil),
        ("單位：千美元", .USD, 3, nil),
        ("單位：件", nil, 0, "件"),
        ("單位：人次", nil, 0, "人次"),
        ("單位：%", nil, 0, "%"),
        ("(%)", nil, 0, "%"),
    ])
    func parsesUnitLines(line: String, currency: Currency?, exponent: Int, unit: String?) throws {
        let parsed = try #require(TableUnit.parse(line), "\(line)")
        #expect(parsed.currency == currency)
        #expect(parsed.exponent == exponent)
        #expect(parsed.unit == unit)
    }

    @Test(arguments: ["單位", "單位：", "千元", "百萬元", "新臺幣千元", "(一)", "(百萬元", "單位：新臺幣美元", "單位：公分貝"])
    func rejectsNonUnitLines(line: String) {
        #expect(TableUnit.parse(line) == nil, "\(line)")
    }

    @Test func findsTheUnitInAHeaderOrTitle() {
        #expect(TableUnit.find(in: "表 5-1-2 綱要計畫 1.2 經費需求及財源表 (百萬元)")?.exponent == 6)
        #expect(TableUnit.find(in: "各年度經費需求 (百萬元)")?.exponent == 6)
        #expect(TableUnit.find(in: "表1 各機關預算 單位：新臺幣千元")?.exponent == 3)
        #expect(TableUnit.find(in: "稀釋倍數 (倍)")?.unit == "倍")
        #expect(TableUnit.find(in: "（一）平臺運作事務報告") == nil)
        #expect(TableUnit.find(in: "經費來源") == nil)
    }

    @Test func appliesToBareCells() throws {
        let unit = try #require(TableUnit.parse("(百萬元)"))
        #expect(unit.multiplier == 1_000_000)
        #expect(unit.amount(fromCell: "3.282") == Amount(value: 3_282_000, currency: .TWD))
        #expect(unit.amount(fromCell: "0.891") == Amount(value: 891_000, currency: .TWD))
        #expect(unit.amount(fromCell: "11.564") == Amount(value: 11_564_000, currency: .TWD))
        #expect(unit.amount(fromCell: "0") == Amount(value: 0, currency: .TWD))
        #expect(unit.amount(fromCell: "1") == Amount(value: 1_000_000, currency: .TWD))
        #expect(unit.amount(fromCell: "△0.5") == Amount(value: -500_000, currency: .TWD))
        #expect(unit.amount(fromCell: "1,234.5") == Amount(value: 1_234_500_000, currency: .TWD))
        #expect(unit.amount(fromCell: "0.0000001") == nil)  // not a whole dollar
        #expect(unit.amount(fromCell: "") == nil)
        #expect(unit.amount(fromCell: "-") == nil)
        #expect(unit.amount(fromCell: "－") == nil)
        #expect(unit.amount(fromCell: "核銷中") == nil)
        #expect(unit.amount(fromCell: "3.282元") == nil)
        #expect(unit.amount(fromCell: "5%") == nil)
        let thousands = try #require(TableUnit.parse("單位：新臺幣千元"))
        #expect(thousands.amount(fromCell: "1,234") == Amount(value: 1_234_000, currency: .TWD))
        #expect(thousands.amount(fromCell: "0.5") == Amount(value: 500, currency: .TWD))
        #expect(thousands.amount(fromCell: "0.0005") == nil)
    }

    @Test func countUnitsGiveQuantities() throws {
        let unit = try #require(TableUnit.parse("單位：件"))
        #expect(unit.amount(fromCell: "12") == nil)
        #expect(unit.quantity(fromCell: "1,000") == Quantity(value: NumberValue(1000), unit: "件"))
        let percent = try #require(TableUnit.parse("單位：%"))
        #expect(percent.quantity(fromCell: "99.8") == Quantity(value: NumberValue(significand: 998, scale: 1), unit: "%"))
    }
}
