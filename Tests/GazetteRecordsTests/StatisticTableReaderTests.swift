import GazetteNormalise
import Testing
@testable import GazetteRecords
import GazetteTables

/// Statistics tables in long form: one record per figure, with its row and
/// column labels, its value as printed and its unit.
struct StatisticTableReaderTests {
    static func statistics(_ table: LogicalTable) -> [StatisticRecord] {
        StatisticTableReader.records(table, context()).compactMap(\.statistic)
    }

    @Test func valuesAndUnitsAsPrinted() throws {
        let t = table(["項次", "業務內容", "全府績效", "比率"],
                      [["1", "紙本來文採線上簽核", "129萬 4,421件", "99.8%"], ["3", "紙張採購箱數", "2萬 2,173箱", "撙節 11.8%"]],
                      linesAbove: ["處公文e化成效如下：", "本府及本"])
        let s = Self.statistics(t)
        try #require(s.count == 4)
        #expect(s[0].row == "紙本來文採線上簽核" && s[0].column == "全府績效" && s[0].value == 1_294_421 && s[0].unit == "件")
        #expect(s[1].value == 99.8 && s[1].unit == "%")
        #expect(s[2].unit == "箱" && s[3].value == 11.8 && s[3].unit == "%")
        #expect(s[0].tableTitle == "本府及本處公文e化成效")
        #expect(s.map(\.provenance.row) == [0, 0, 1, 1] && s.allSatisfy { $0.provenance.table == "t1" })
    }

    @Test func twoLabelValuePairsSideBySide() {
        let t = table(["機 關 名 稱", "件數", "機 關 名 稱", "件數"],
                      [["都發局", "256", "交通局", "97"], ["客委會", "1", "", ""]], title: "陳情案件機關別統計")
        let s = Self.statistics(t)
        #expect(s.map(\.row) == ["都發局", "交通局", "客委會"])
        #expect(s.map(\.value) == [256, 97, 1] && s.allSatisfy { $0.unit == "件" && $0.column == "件數" })
        #expect(s.map(\.provenance.row) == [0, 0, 1])
        #expect(s.allSatisfy { $0.tableTitle == "陳情案件機關別統計" })
    }

    /// Counts in their own unit (人, none for 計畫數), money in the table's (千元).
    @Test func unitsFromHeadersAndTheTable() {
        let t = table(["類別", "計畫數", "擬派人數", "旅費預算/交通費", "旅費預算/合計"],
                      [["考察", "3", "7", "407", "790"], ["合計", "8", "19", "1,261", "2,344"]],
                      title: "派員出國計畫預算彙總表", unit: "單位：新臺幣千元")
        let s = Self.statistics(t)
        #expect(s.filter { $0.column == "計畫數" }.allSatisfy { $0.unit == nil })
        #expect(s.filter { $0.column == "擬派人數" }.allSatisfy { $0.unit == "人" })
        #expect(s.filter { $0.column?.hasPrefix("旅費預算") == true }.allSatisfy { $0.unit == "千元" })
        #expect(s.first { $0.row == "合計" && $0.column == "旅費預算/交通費" }?.value == 1261)

        let u = table(["協請縣市", "支援縣市（件）/宜蘭縣", "支援縣市（件）/新北市"],
                      [["宜蘭縣", "-", "81"], ["新北市", "30", "-"]], title: "各縣市跨區轉報案件統計表")
        let v = Self.statistics(u)
        #expect(v.count == 2 && v.allSatisfy { $0.unit == "件" })
        #expect(v.map(\.column) == ["支援縣市（件）/新北市", "支援縣市（件）/宜蘭縣"])

        let w = table(["縣市", "參與人次數", "環教場所到訪次數"], [["宜蘭縣", "62", "9"], ["合計", "351", "150"]])
        #expect(Self.statistics(w).map(\.unit) == ["人次", "次", "人次", "次"])
    }

    /// A 單位 column gives the unit of the row's counts.
    @Test func aUnitColumn() {
        let t = table(["品項", "單位", "112年數量", "113年數量"], [["公務車", "輛", "12", "10"], ["桌椅", "組", "40", "52"]])
        #expect(Self.statistics(t).map(\.unit) == ["輛", "輛", "組", "組"])
    }

    /// Row labels under one merged header label are joined; a category
    /// row of labels only gives no figures.
    @Test func mergedRowLabelsAndCategoryRows() {
        let t = table(["項目", "項目", "112年", "113年"],
                      [["一、歲入", "", "", ""], ["稅課收入", "房屋稅", "1,200", "1,350"], ["", "地價稅", "800", "820"]],
                      unit: "單位：新臺幣千元", spans: [(row: 1, col: 0, rowSpan: 2, colSpan: 1)])
        let s = Self.statistics(t)
        #expect(s.map(\.row) == ["稅課收入/房屋稅", "稅課收入/房屋稅", "稅課收入/地價稅", "稅課收入/地價稅"])
        #expect(s.map(\.value) == [1200, 1350, 800, 820] && s.allSatisfy { $0.unit == "千元" })
        #expect(s.map(\.provenance.row) == [1, 1, 2, 2])
    }

    @Test func tablesThatAreNoStatistics() {
        let text = table(["藥劑名稱", "稀釋倍數", "施藥方法", "注意事項"],
                         [["第滅寧乳劑", "2,000 倍", "每隔 7 天施藥一次。", "採收前 6 天停止施藥。"],
                          ["百滅寧乳劑", "1,000 倍", "幼蟲發生時施藥。", "勿污染水源。"]])
        #expect(Self.statistics(text).isEmpty)
        let phones = table(["區域", "場所", "聯絡電話"], [["北部", "桃園區農業改良場", "(03)476-8216"], ["中部", "臺中區", "(04)852-3101"]])
        #expect(Self.statistics(phones).isEmpty)
        // One figure.
        #expect(Self.statistics(table(["機關", "件數"], [["交通局", "97"]])).isEmpty)
        #expect(Self.statistics(table(["機關"], [["交通局"], ["社會局"]])).isEmpty)
        #expect(Self.statistics(table(["機關", "件數"], [])).isEmpty)
    }

    /// Codes (款 / 項, 01, 001) are neither labels nor figures.
    @Test func codesAreNoFigures() {
        let codes = table(["科目/款", "科目/項", "科目/名稱及編號", "本年度預算數"],
                          [["01", "", "臺北市議會主管", "914,402"], ["", "001", "臺北市議會", "914,402"]])
        let s = Self.statistics(codes)
        #expect(s.map(\.column) == ["本年度預算數", "本年度預算數"] && s.map(\.row) == ["臺北市議會主管", "臺北市議會"])
        let rows = [["01", "甲", "3"], ["02", "乙", "4"]]
        #expect(StatisticTableReader.kind(of: 0, rows: rows, label: "代碼") == .code)
        #expect(StatisticTableReader.kind(of: 0, rows: rows, label: "") == .code)
        #expect(StatisticTableReader.kind(of: 1, rows: rows, label: "名稱") == .text)
        #expect(StatisticTableReader.kind(of: 2, rows: rows, label: "件數") == .figures)
        #expect(StatisticTableReader.kind(of: 3, rows: rows, label: "") == .empty)
        #expect(StatisticTableReader.kind(of: 0, rows: [["-"], ["-"]], label: "") == .figures)
    }

    @Test func captionFromALeadInSentence() {
        let t = table(["肥料名稱", "氮", "磷酐"], [["硫酸銨", "21", "0"], ["尿素", "46", "0"]],
                      title: "三、合理化施肥",
                      linesAbove: ["表為常用肥料三要素含量（%），施用時應依土壤肥力調整：", "施用化學肥料前，應先辦理土壤肥力檢測。下", "三、合理化施肥"])
        let s = Self.statistics(t)
        #expect(s.count == 4 && s.allSatisfy { $0.tableTitle == "常用肥料三要素含量" && $0.unit == "%" })
    }

    @Test func captions() {
        // A plain caption line above beats a numbered heading as title.
        let t = table(["機關", "件數"], [], title: "（三）陳情案件", linesAbove: ["各機關陳情案件統計表", "（三）陳情案件"])
        #expect(StatisticTableReader.caption(of: t) == "各機關陳情案件統計表")
        // A title that reads like a caption.
        #expect(StatisticTableReader.caption(of: table(["機關", "件數"], [], title: "表 3 陳情案件統計")) == "表 3 陳情案件統計")
        // A sentence and a unit line are no captions: the heading above is.
        let sentence = table(["機關", "件數"], [], linesAbove: ["單位：件", "本年度受理陳情案件，較上年度增加。", "二、為民服務"])
        #expect(StatisticTableReader.caption(of: sentence) == "二、為民服務")
        #expect(StatisticTableReader.isCaptionLike("公文e化成效（114年）"))
        #expect(!StatisticTableReader.isCaptionLike("資料來源：本府主計處"))
        #expect(!StatisticTableReader.isCaptionLike("中華民國113年"))
        // The era name alone (its year set elsewhere on the page) and a blank
        // page's mark name no table; a spread's half title still does.
        #expect(!StatisticTableReader.isCaptionLike("中華民國"))
        #expect(!StatisticTableReader.isCaptionLike("本頁空白"))
        #expect(StatisticTableReader.isCaptionLike("現金流量"))
        #expect(StatisticTableReader.isCaptionLike("中華民國史料統計表"))
        #expect(!StatisticTableReader.isCaptionLike("本處辦理情形如下："))
    }

    /// Figures as printed; text, dates and phone numbers are none.
    @Test func values() throws {
        #expect(StatisticTableReader.value("1,208")?.value.doubleValue == 1208)
        let count = try #require(StatisticTableReader.value("129萬 4,421件"))
        #expect(count.value.doubleValue == 1_294_421 && count.unit == "件")
        let money = try #require(StatisticTableReader.value("新臺幣 5 萬元"))
        #expect(money.value.doubleValue == 50_000 && money.unit == "元")
        let saved = try #require(StatisticTableReader.value("撙節 11.8%"))
        #expect(saved.value.doubleValue == 11.8 && saved.unit == "%")
        #expect(StatisticTableReader.value("-1000")?.value.doubleValue == -1000)
        #expect(StatisticTableReader.value("五十一")?.value.doubleValue == 51)
        #expect(StatisticTableReader.value("第滅寧乳劑") == nil)
        #expect(StatisticTableReader.value("(03)476-8216") == nil)
        #expect(StatisticTableReader.value("113年5月2日") == nil)
        #expect(StatisticTableReader.value("一般行政一般行政一般行政一般行政一般行政") == nil)
    }

    @Test func unitsOfColumnLabels() {
        #expect(StatisticTableReader.columnUnit("總計（件）") == "件")
        #expect(StatisticTableReader.columnUnit("支援縣市（件）/宜蘭縣") == "件")
        #expect(StatisticTableReader.columnUnit("參與人次數") == "人次")
        #expect(StatisticTableReader.columnUnit("擬派人數") == "人")
        #expect(StatisticTableReader.columnUnit("執行百分比") == "%")
        #expect(StatisticTableReader.columnUnit("機關名稱") == nil)
        #expect(StatisticTableReader.isCount("計畫數") && StatisticTableReader.isCount("旅費/數量"))
        #expect(!StatisticTableReader.isCount("預算金額"))
    }

    @Test func theTablesUnit() {
        #expect(StatisticTableReader.tableUnitWord(table(["機關", "件數"], [], unit: "單位：件"), labels: []) == "件")
        #expect(StatisticTableReader.tableUnitWord(table(["機關", "人數"], [], title: "志工人數統計（人）"), labels: []) == "人")
        #expect(StatisticTableReader.tableUnitWord(table([], []), labels: ["總計（件）", "結案（件）"]) == "件")
        #expect(StatisticTableReader.tableUnitWord(table([], []), labels: ["總計（件）", "比率（%）"]) == nil)
    }
}
