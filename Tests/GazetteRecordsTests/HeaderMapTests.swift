import GazetteNormalise
import Testing
@testable import GazetteRecords
import GazetteTables

/// Columns found by what their header says, and the units tables state.
struct HeaderMapTests {
    @Test func labelsAreSqueezedAndLeavesAreTheirLastPart() {
        let map = HeaderMap(["機 關 名 稱", "旅費預算/交通費", "合計"])
        #expect(map.labels == ["機關名稱", "旅費預算/交通費", "合計"])
        #expect(map.leaves == ["機關名稱", "交通費", "合計"])
        #expect(map.count == 3)
    }

    /// Each column gets one role: the first free match, not an excluded one.
    @Test func takeMarksAColumnTaken() {
        var map = HeaderMap(["機關名稱", "計畫名稱", "擬前往國家", "預計前往期間"])
        #expect(map.take("名稱", excluding: "機關") == 1)
        #expect(map.take("名稱") == 0)
        #expect(map.take("名稱") == nil)
        #expect(map.take("前往", excluding: "期間") == 2)
        #expect(map.taken == [0, 1, 2])
        #expect(map.any("期間") && !map.any("人數"))
    }

    @Test func takeByLeafOnly() {
        var map = HeaderMap(["旅費預算/交通費", "旅費預算/合計"])
        #expect(map.take("^合計$", leafOnly: true) == 1)
        #expect(map.take("^旅費", leafOnly: true) == nil)
        #expect(map.take("^旅費") == 0)
    }

    // MARK: units

    @Test func unitWordsOfUnitLines() {
        #expect(UnitText.tableUnitWord("單位：新臺幣千元") == "千元")
        #expect(UnitText.tableUnitWord("(百萬元)") == "百萬元")
        #expect(UnitText.tableUnitWord("單位：元") == "元")
        #expect(UnitText.tableUnitWord("單位：件") == "件")
        #expect(UnitText.tableUnitWord("單位：新臺幣萬元") == "萬元")
        #expect(UnitText.tableUnitWord("執行成果（人次）") == "人次")
        #expect(UnitText.tableUnitWord("本府各局處") == nil)
        #expect(UnitText.tableUnitWord(nil) == nil)
    }

    @Test func wordsOfUnits() {
        #expect(UnitText.word(of: TableUnit(currency: .TWD, exponent: 8)) == "億元")
        #expect(UnitText.word(of: TableUnit(currency: .TWD, exponent: 7)) == "千萬元")
        #expect(UnitText.word(of: TableUnit(currency: .TWD, exponent: 2)) == nil)
        #expect(UnitText.word(of: TableUnit(currency: nil, unit: "件")) == "件")
    }

    /// The column's own header first, then the unit line, the title, the
    /// other headers and the lines above; a sentence beside the table last.
    @Test func theMoneyUnitOfATable() {
        func exponent(_ table: LogicalTable, column: Int? = nil) -> Int? {
            UnitText.moneyUnit(of: table, column: column)?.exponent
        }
        let headers = table(["計畫名稱", "經費（元）", "備註"], [], unit: "單位：新臺幣千元")
        #expect(exponent(headers, column: 1) == 0)
        #expect(exponent(headers) == 3)
        #expect(exponent(table(["計畫名稱", "經費"], [], title: "經費需求表（萬元）")) == 4)
        #expect(exponent(table(["計畫名稱", "經費（百萬元）"], [])) == 6)
        #expect(exponent(table(["計畫名稱", "經費"], [], linesAbove: ["單位：新臺幣千元"])) == 3)
        #expect(exponent(table(["計畫名稱", "經費"], [], linesBelow: ["註：表列金額單位為新臺幣千元。"])) == 3)
        // A count unit is no money unit.
        #expect(exponent(table(["計畫名稱", "經費"], [], unit: "單位：件")) == nil)
        #expect(exponent(table(["計畫名稱", "經費"], [])) == nil)
    }

    @Test func moneyStatedInASentenceOrInParentheses() {
        #expect(UnitText.statedMoney(in: "表列金額單位為新臺幣千元")?.exponent == 3)
        #expect(UnitText.statedMoney(in: "單位：萬元")?.exponent == 4)
        #expect(UnitText.statedMoney(in: "單位為人") == nil)
        #expect(UnitText.parenthesisedMoney(in: "（千元）")?.exponent == 3)
        #expect(UnitText.parenthesisedMoney(in: "經費(單位：百萬元)")?.exponent == 6)
        #expect(UnitText.parenthesisedMoney(in: "(件)") == nil)
        #expect(UnitText.exponentUnit("千萬元").exponent == 7)
        #expect(UnitText.exponentUnit("億元").exponent == 8)
        #expect(UnitText.exponentUnit("元") == TableUnit(currency: .TWD, exponent: 0))
    }

    @Test func unitsInParenthesesOfALabel() {
        #expect(UnitText.parenthesised(in: "支援縣市（件）") == "件")
        #expect(UnitText.parenthesised(in: "比率（％）") == "%")
        #expect(UnitText.parenthesised(in: "預算(單位：千元)") == "千元")
        #expect(UnitText.parenthesised(in: "說明（詳附件）（人）") == "人")
        #expect(UnitText.parenthesised(in: "說明（詳附件）") == nil)
    }
}
