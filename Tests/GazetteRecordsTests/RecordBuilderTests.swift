import GazetteNormalise
import Testing
@testable import GazetteRecords
import GazetteTables

/// Which reader takes a table (the most specific first, one kind per
/// table), and how records of tables and running text are ordered.
struct RecordBuilderTests {
    static func records(_ tables: [LogicalTable], paragraphs: [RunningParagraph] = [], year: Int? = nil) -> [Record] {
        RecordBuilder.records(tables: tables, paragraphs: paragraphs, documentYear: year)
    }

    /// A form is read as a form, though its keys would make a list or statistics.
    @Test func aFormIsAForm() {
        let form = table(["提案名稱", "港區轉型"], [["提案單位", "基隆市政府"], ["提案類型", "■ 觀光"], ["聯絡人", "李科長 2428-9225"]])
        #expect(Self.records([form]).map(\.type) == ["proposalForm"])
    }

    /// An exam paper's head: pairs in lines, then pairs in columns right
    /// below them (the table's caption is the last pair above): one form,
    /// under the paper's title, 座號 kept without a value.
    @Test func aFormRunOnIntoATableIsOneForm() throws {
        let head = keyValueTable(["科目", "考試時間", "座號"], [["統計學大意", "1小時", ""]], title: "科：統計")
        let paragraphs = [
            RunningParagraph(page: 1, text: "114年公務人員初等考試試題", fontSize: 16),
            RunningParagraph(page: 1, text: "等別：初等考試", fontSize: 12), RunningParagraph(page: 1, text: "類科：統計", fontSize: 12),
        ]
        let forms = Self.records([head], paragraphs: paragraphs).compactMap(\.form)
        try #require(forms.count == 1)
        #expect(forms[0].title == "114年公務人員初等考試試題")
        #expect(forms[0].fields.keys == ["等別", "類科", "科目", "考試時間", "座號"] && forms[0].fields["座號"] == "")
        // A table captioned by a line that is no pair stays a form of its own.
        let other = keyValueTable(["科目", "考試時間", "座號"], [["統計學大意", "1小時", ""]], title: "測驗式試題")
        #expect(Self.records([other], paragraphs: paragraphs).compactMap(\.form).count == 2)
    }

    /// A trip table full of figures gives trips, not statistics.
    @Test func aTripTableBeatsStatistics() {
        let trips = table(["計畫名稱", "擬前往國家", "預計前往期間", "擬派人數", "旅費預算"],
                          [["赴日本考察", "日本", "114.08", "3", "300"], ["赴荷蘭考察", "荷蘭", "114.05", "2", "354"]],
                          unit: "單位：新臺幣千元")
        #expect(Self.records([trips], year: 2025).map(\.type) == ["trip", "trip"])
    }

    /// The 派員出國計畫預算彙總表 of a budget book (監察院主管, 114 年度),
    /// organisations × kinds of trip: statistics in 千元, not trips.
    @Test func aBudgetSummaryByOrganisationIsStatistics() {
        let t = table(["機關名稱", "考察", "視察", "訪問", "開會", "談判", "合計"],
                      [["合計", "2,967", "2,779", "2,076", "8,110", "-", "15,932"],
                       ["1. 監察院", "2,967", "-", "809", "7,190", "-", "10,966"]],
                      title: "派員出國計畫預算彙總表", unit: "單位：新臺幣千元")
        let records = Self.records([t])
        #expect(records.compactMap(\.trip).isEmpty)
        let s = records.compactMap(\.statistic)
        #expect(s.count == 9 && s.allSatisfy { $0.unit == "千元" && $0.tableTitle == "派員出國計畫預算彙總表" })
        #expect(s.first { $0.row == "1. 監察院" && $0.column == "開會" }?.value == 7190)
    }

    @Test func aFundingTableIsNotStatistics() {
        let t = table(["經費來源", "112年度", "113年度"], [["中央補助", "1,000", "2,500"], ["市府自籌", "500", "600"]],
                      unit: "單位：新臺幣千元")
        #expect(Set(Self.records([t]).map(\.type)) == ["fundingLine"])
    }

    @Test func anAgendaIsNotStatistics() {
        let t = table(["時間", "議程"], [["14:00-14:10", "主席致詞"], ["14:10-14:30", "業務報告"]])
        #expect(Self.records([t]).map(\.type) == ["scheduleItem", "scheduleItem"])
    }

    /// Tables of text, phone numbers and land registers stay tables only.
    @Test func tablesNoReaderTakes() {
        let text = table(["藥劑名稱", "稀釋倍數", "施藥方法", "注意事項"],
                         [["第滅寧乳劑", "2,000 倍", "每隔 7 天施藥一次。", "採收前 6 天停止施藥。"],
                          ["百滅寧乳劑", "1,000 倍", "幼蟲發生時施藥。", "勿污染水源。"]])
        let phones = table(["區域", "場所", "聯絡電話"], [["北部", "桃園區農業改良場", "(03)476-8216"], ["中部", "臺中區", "(04)852-3101"]])
        #expect(Self.records([text, phones]).isEmpty)
        let register = table(["土地坐落", "面積", "權利範圍", "所有權人", "登記(取得)時間", "登記(取得)原因", "取得價額"],
                             [["東海段 0130-0002 地號", "384.98", "10000 分之 42", "張淑芳", "96 年 6 月 27 日", "受贈", "13,258"],
                              ["東海段 0130-0000 地號", "5,971.56", "10000 分之 42", "張淑芳", "96 年 6 月 27 日", "受贈", "205,660"]])
        #expect(!Self.records([register]).contains { $0.type == "scheduleItem" })
    }

    /// Records in table order; trips from running text among them by page.
    @Test func recordsInTableOrderWithRunningTextByPage() {
        let agenda = table(["時間", "議程"], [["14:00-14:10", "主席致詞"], ["14:10-14:30", "業務報告"]], id: "t1", rowPages: [3, 3])
        let list = table(["項次", "提案單位", "提案名稱"], [["1", "基隆市政府", "港區轉型"]], id: "t2", rowPages: [6])
        let paragraphs = [RunningParagraph(page: 5, text: "1、市長出國考察："),
                          RunningParagraph(page: 5, text: "（1）7月5日至7月8日蔣市長赴新加坡考察。")]
        let records = Self.records([agenda, list], paragraphs: paragraphs, year: 2023)
        #expect(records.map(\.type) == ["scheduleItem", "scheduleItem", "trip", "proposal"])
        #expect(records.map(\.provenance.table) == ["t1", "t1", nil, "t2"])
        #expect(records.map(\.provenance.page) == [3, 3, 5, 6])
    }

    /// The document's year reaches the readers: days printed without one.
    @Test func theDocumentYearReachesTheReaders() {
        let t = table(["計畫名稱", "出國日期", "出國地點", "出國人員"], [["赴韓國市政交流", "4/10-4/12", "韓國昌原市", "市長等十三人"]])
        #expect(Self.records([t], year: 2018).compactMap(\.trip).map(\.startDate) == ["2018-04-10"])
        #expect(Self.records([t]).compactMap(\.trip).map(\.startDate) == [nil])
    }
}
