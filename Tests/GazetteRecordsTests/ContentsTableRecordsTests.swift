import GazetteNormalise
import GazetteRead
import Testing
@testable import GazetteRecords
import GazetteTables

/// A table of contents lists the document's parts: `RecordBuilder` makes
/// no records of it, whatever its rows look like.
@Suite struct ContentsTableRecordsTests {
    /// `rows` as a closed table of the given shape, with no header (as a
    /// table of contents closes) or with `header`.
    static func table(_ shape: PageTable.Shape, header: [String] = [], _ rows: [[String]], title: String? = nil) -> LogicalTable {
        LogicalTable(id: "t1", pages: [1], title: title, unit: nil, headerRows: header.isEmpty ? [] : [header], rows: rows,
                     spans: [], shape: shape, rowPages: rows.map { _ in 1 }, firstBox: Rect(x0: 0, y0: 0, x1: 100, y1: 100),
                     headerLabels: header.isEmpty ? [] : [header])
    }

    /// An agenda's contents page: as a ruled table the rows are schedule
    /// items; as a table of contents they are none.
    @Test func aContentsTableGivesNoRecords() {
        let rows = [["14:00-14:10", "主席致詞"], ["14:10-14:30", "業務報告"], ["14:30-15:00", "提案討論"]]
        let ruled = Self.table(.ruled, header: ["時間", "議程"], rows)
        #expect(RecordBuilder.records(tables: [ruled], documentYear: 2025).map(\.type) == ["scheduleItem", "scheduleItem", "scheduleItem"])
        let contents = Self.table(.contents, header: ["時間", "議程"], rows)
        #expect(RecordBuilder.records(tables: [contents], documentYear: 2025).isEmpty)
    }

    /// A budget book's contents (entry | page) beside a statistics table:
    /// the statistics give records, the contents none.
    @Test func onlyTheOtherTablesGiveRecords() {
        let contents = Self.table(.contents, [
            ["一、預算總說明", "第1頁"], ["二、歲入來源別預算表", "第13頁"], ["三、歲出機關別預算表", "第25頁"]], title: "目次")
        let statistics = LogicalTable(
            id: "t2", title: "派員出國計畫預算彙總表", unit: "單位：新臺幣千元",
            header: ["機關名稱", "考察", "視察", "訪問", "開會", "談判", "合計"],
            rows: [["1. 監察院", "2,967", "-", "809", "7,190", "-", "10,966"]])
        let records = RecordBuilder.records(tables: [contents, statistics], documentYear: 2025)
        #expect(!records.isEmpty)
        #expect(records.allSatisfy { $0.provenance.table == "t2" })
    }

    /// A key–value form's table is a form of its own shape: its blocks are
    /// form records (the contents rule takes nothing else away).
    @Test func aKeyValueTableGivesForms() {
        let form = Self.table(.keyValue, header: ["登記日期", "登記原因", "面積"], [
            ["民國105年03月08日", "分割", "384.98平方公尺"], ["民國106年01月02日", "買賣", "100平方公尺"]], title: "土地標示部")
        let records = RecordBuilder.records(tables: [form], documentYear: 2025)
        #expect(records.map(\.type) == ["form", "form"])
        #expect(RecordBuilder.records(tables: [Self.table(.contents, form.rows)], documentYear: 2025).isEmpty)
    }
}
