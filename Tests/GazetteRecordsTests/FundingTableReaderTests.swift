import GazetteNormalise
import Testing
@testable import GazetteRecords
import GazetteTables

/// Multi-year funding tables: one line per source × year, in the table's
/// money unit; totals left out.
struct FundingTableReaderTests {
    static func lines(_ table: LogicalTable) -> [FundingLineRecord] {
        FundingTableReader.records(table, context()).compactMap(\.fundingLine)
    }

    @Test func mergedGroupsInMillions() throws {
        let t = table(
            ["經費來源", "經費來源", "各年度經費需求 (百萬元)/108 年以前", "各年度經費需求 (百萬元)/109 年",
             "各年度經費需求 (百萬元)/110 年", "109-112 合計", "總計", "備註"],
            [["非自償", "中央預算", "0", "0", "0", "0", "0", ""],
             ["", "地方預算", "0", "3.282", "0.891", "4.173", "4.173", ""],
             ["自償", "民間投資", "0", "-", "0", "0", "0", ""],
             ["合計", "", "0", "3.282", "0.891", "4.173", "4.173", ""]],
            title: "表 5-1-2 經費需求及財源表 (百萬元)", unit: "(百萬元)",
            spans: [(row: 0, col: 0, rowSpan: 2, colSpan: 1), (row: 3, col: 0, rowSpan: 1, colSpan: 2)])
        let lines = Self.lines(t)
        // Three sources × three years; the 合計 row and the total columns left out.
        try #require(lines.count == 9)
        let local = lines.filter { $0.source == "地方預算" }
        #expect(local.map(\.category) == ["非自償", "非自償", "非自償"])
        #expect(local.map(\.period) == ["108 年以前", "109 年", "110 年"])
        #expect(local.map(\.amountTWD) == [0, 3_282_000, 891_000])
        #expect(local.map(\.provenance.row) == [1, 1, 1])
        #expect(lines.first { $0.source == "民間投資" && $0.period == "109 年" }?.amountTWD == nil)
        #expect(lines.first { $0.source == "民間投資" }?.category == "自償")
    }

    @Test func oneSourceColumnInThousands() {
        let t = table(["經費來源", "112年度", "113年度", "合計"],
                      [["中央補助", "1,000", "2,500", "3,500"], ["市府自籌", "500", "", "500"], ["合計", "1,500", "2,500", "4,000"]],
                      unit: "單位：新臺幣千元")
        let lines = Self.lines(t)
        #expect(lines.map(\.source) == ["中央補助", "中央補助", "市府自籌", "市府自籌"])
        #expect(lines.map(\.period) == ["112年度", "113年度", "112年度", "113年度"])
        #expect(lines.map(\.amountTWD) == [1_000_000, 2_500_000, 500_000, nil])
        #expect(lines.allSatisfy { $0.category == nil })
    }

    /// The unit may stand in the title (萬元), full-width parentheses and all.
    @Test func theUnitInTheTitle() {
        let t = table(["財源", "114年", "115年以後"], [["前瞻基礎建設計畫", "12.5", "30"]], title: "經費需求表（萬元）")
        #expect(Self.lines(t).map(\.amountTWD) == [125_000, 300_000])
        #expect(Self.lines(t).map(\.period) == ["114年", "115年以後"])
    }

    @Test func tablesThatAreNoFundingTables() {
        // No unit: the figures cannot be read as money.
        #expect(Self.lines(table(["經費來源", "112年", "113年"], [["中央補助", "1,000", "2,000"]])).isEmpty)
        // One year.
        #expect(Self.lines(table(["經費來源", "112年", "備註"], [["中央補助", "1,000", ""]], unit: "單位：千元")).isEmpty)
        // Years but no source column: statistics by year.
        #expect(Self.lines(table(["機關", "112年", "113年"], [["交通局", "1,000", "2,000"]], unit: "單位：千元")).isEmpty)
        // Years without 年: not periods.
        #expect(Self.lines(table(["經費來源", "112", "113"], [["中央補助", "1,000", "2,000"]], unit: "單位：千元")).isEmpty)
    }

    @Test func periodLabels() {
        for label in ["108年以前", "109年", "113年以後", "110年度", "民國112年", "2025年"] {
            #expect(label.matches(pattern: FundingTableReader.period), "\(label)")
        }
        for label in ["109-112合計", "總計", "112", "第1年"] {
            #expect(!label.matches(pattern: FundingTableReader.period), "\(label)")
        }
    }
}
