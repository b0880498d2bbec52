import Foundation
import GazetteNormalise
import GazetteRecords
import GazetteTables
import Testing
import ZIPFoundation
@testable import GazetteEmit

/// The spreadsheet exports on synthetic tables: sheet names, figures,
/// widths, merges, and the workbook's archive.
@Suite struct SheetNameTests {
    @Test func namesAreUniqueWithoutRegardToCase() {
        var names = SheetNames()
        #expect(names.claim("index") == "index")
        #expect(names.claim("trip") == "trip")
        #expect(names.claim("Trip") == "Trip (2)")
        #expect(names.claim("trip") == "trip (3)")
        #expect(names.claim("INDEX") == "INDEX (2)")
        #expect(names.isTaken("TRIP (2)"))
        // Excel keeps History for itself.
        #expect(names.claim("History") == "History (2)")
    }

    @Test func namesFitInThirtyOneUnits() {
        var names = SheetNames()
        let long = "表 5-1-2 綱要計畫 1.2 經費需求及財源表 (百萬元) 續表"
        let first = names.claim(long)
        #expect(first.utf16.count <= 31)
        #expect(long.hasPrefix(first))
        // The suffix fits too: the stem is shortened for it.
        let second = names.claim(long)
        #expect(second.utf16.count <= 31)
        #expect(second.hasSuffix(" (2)"))
        #expect(second != first)
        var many = SheetNames()
        let claimed = (0..<12).map { _ in many.claim(String(repeating: "經", count: 40)) }
        #expect(Set(claimed.map { $0.lowercased() }).count == 12)
        #expect(claimed.allSatisfy { $0.utf16.count <= 31 })
        #expect(claimed.last?.hasSuffix(" (12)") == true)
        // A character outside the BMP counts two units and is never split.
        let wide = String(repeating: "𠀀", count: 20)
        let cut = SheetNames().claimed(wide)
        #expect(cut.utf16.count == 30 && cut.unicodeScalars.count == 15)
    }

    @Test func forbiddenCharactersAndApostrophes() {
        var names = SheetNames()
        #expect(names.claim("經費/年度[1]: a*b?c\\d") == "經費_年度_1__ a_b_c_d")
        #expect(names.claim("'引號'") == "引號")
        #expect(names.claim("兩行\n標題\t表") == "兩行 標題 表")
        // Nothing left: the fallback, then a generic name.
        #expect(names.claim("   ", fallback: "p. 3-5") == "p. 3-5")
        #expect(names.claim("''", fallback: "") == "Sheet")
    }
}

extension SheetNames {
    /// A name claimed in a fresh set.
    func claimed(_ wanted: String) -> String {
        var copy = self
        return copy.claim(wanted)
    }
}

@Suite struct ColumnWidthTests {
    @Test func wideCharactersCountDouble() {
        #expect(ColumnWidths.width(of: "abc") == 3)
        #expect(ColumnWidths.width(of: "經費來源") == 8)
        #expect(ColumnWidths.width(of: "經費A") == 5)
        #expect(ColumnWidths.width(of: "（一）") == 6)
        #expect(ColumnWidths.width(of: "短\n很長的一行") == 10)
        #expect(ColumnWidths.width(of: "e\u{301}") == 1)
    }

    @Test func cellsAreMeasuredAsShown() {
        #expect(ColumnWidths.width(of: .figure(NumberValue(1_234_567), decimals: 0, percent: false)) == 9)
        #expect(ColumnWidths.width(of: .figure(NumberValue(-525), decimals: 0, percent: false)) == 4)
        #expect(ColumnWidths.width(of: .figure(NumberValue(significand: 12345, scale: 1), decimals: 1, percent: false)) == 7)
        #expect(ColumnWidths.width(of: .figure(NumberValue(significand: 125, scale: 1), decimals: 1, percent: true)) == 5)
        #expect(ColumnWidths.width(of: .date("2015-04-06")) == 10)
        #expect(ColumnWidths.width(of: .date("2025-08")) == 7)
        #expect(ColumnWidths.width(of: .time("14:30")) == 5)
        #expect(ColumnWidths.width(of: .integer(-1000)) == 5)
        #expect(ColumnWidths.width(of: .null) == 0)
    }

    @Test func widthsHaveMarginsAndBounds() {
        var widths = ColumnWidths()
        widths.measure([.text("a"), .text("經費需求及財源表"), .text(String(repeating: "長", count: 100))])
        widths.measure([.text("abcdefghij")], from: 0)
        #expect(widths.width(ofColumn: 0) == 12)
        #expect(widths.width(ofColumn: 1) == 18)
        #expect(widths.width(ofColumn: 2) == ColumnWidths.maximum)
        #expect(widths.width(ofColumn: 7) == ColumnWidths.minimum)
    }
}

@Suite struct TableSheetTests {
    /// 經費來源 over two header rows and two columns, 各年度 over two year
    /// columns; 非自償 over two body rows.
    static func fundingTable() -> LogicalTable {
        var table = LogicalTable(
            id: "t2", title: "經費需求及財源表 (百萬元)", unit: "(百萬元)", header: [],
            rows: [["非自償", "中央", "1,234", "△525"], ["", "地方", "(3.5)", "-"], ["合計", "", "12.5%", "—"]],
            spans: [TableSpan(row: 0, col: 0, rowSpan: 2, colSpan: 1), TableSpan(row: 2, col: 0, rowSpan: 1, colSpan: 2)])
        table.headerRows = [["經費來源", "", "各年度", ""], ["", "", "112年", "113年"]]
        table.headerLabels = [["經費來源", "經費來源", "各年度", "各年度"], ["經費來源", "經費來源", "112年", "113年"]]
        return table
    }

    @Test func cellsAreFiguresDashesOrText() {
        #expect(TableSheet.cell("1,234") == .figure(NumberValue(1234), decimals: 0, percent: false))
        #expect(TableSheet.cell("△525") == .figure(NumberValue(-525), decimals: 0, percent: false))
        #expect(TableSheet.cell("(525)") == .figure(NumberValue(-525), decimals: 0, percent: false))
        #expect(TableSheet.cell("-") == .null)
        #expect(TableSheet.cell("—") == .null)
        #expect(TableSheet.cell(" ") == .null)
        #expect(TableSheet.cell("007") == .text("007"))
        #expect(TableSheet.cell("1,200萬") == .text("1,200萬"))
    }

    /// One type a column: 預計前往期間 mixes 114.08-114.09 with 114.05 and
    /// 114.10 (October, not 114.1), 編號 names codes; a column of figures
    /// with a note beside them (依實際需要 among head counts) keeps its
    /// figures as numbers.
    @Test func periodAndCodeColumnsStayText() {
        let table = LogicalTable(
            id: "t3", header: ["計畫名稱", "預計前往期間", "擬派人數", "編號", "合計"],
            rows: [["考察", "114.08-114.09", "2", "12", "243"], ["開會", "114.10", "依實際需要", "13", "1,284.5"],
                   ["訪問", "114.05", "3", "14", "-"]])
        let sheet = TableSheet(table)
        #expect(sheet.textColumns == [1, 3])
        #expect(sheet.columnCount == 5)
        #expect(!sheet.textColumns.contains(2))
        #expect(!sheet.textColumns.contains(4))
    }

    @Test func spansAreTheDocumentsSpans() {
        let sheet = TableSheet(Self.fundingTable())
        #expect(sheet.columnCount == 4)
        #expect(sheet.unitWord == "百萬元")
        #expect(sheet.bodyStart == 5)
        let header = sheet.spans.filter { $0.part == .header }
        #expect(Set(header) == [TableSpan(row: 0, col: 0, rowSpan: 2, colSpan: 2, part: .header),
                                TableSpan(row: 0, col: 2, rowSpan: 1, colSpan: 2, part: .header)])
        #expect(sheet.spans.filter { $0.part == .body }.count == 2)
        // What the document's JSON says, part for part.
        let json = try? JSONValueEncoder().encode(Self.fundingTable())
        let spans = json?["spans"]?.arrayValue ?? []
        #expect(spans.count == sheet.spans.count)
        #expect(sheet.printedRows.count == 5 && sheet.printedRows.allSatisfy { $0.count == 4 })
    }

    @Test func theSheetHasMergesFiltersFrozenHeaderAndWidths() throws {
        let workbook = Workbook()
        let sheet = workbook.addSheet(named: "經費")
        try TableSheet(Self.fundingTable()).write(to: sheet)
        #expect(Set(sheet.mergedRanges) == ["A3:B4", "C3:D3", "A5:A6", "A7:B7"])
        #expect(sheet.frozenRows == 4)
        #expect(sheet.rowCount == 7)
        let xml = try Self.entry("xl/worksheets/sheet1.xml", of: workbook.bytes())
        #expect(xml.contains(#"<autoFilter ref="A4:D7"/>"#), "\(xml)")
        #expect(xml.contains(#"<pane ySplit="4" topLeftCell="A5""#))
        // Figures are numbers; dashes leave no cell; △525 is −525; 12.5% is 0.125.
        #expect(xml.contains(#"<c r="C5" s="7"><v>1234</v></c>"#), "\(xml)")
        #expect(xml.contains(#"<c r="D5" s="7"><v>-525</v></c>"#))
        #expect(xml.contains(#"<c r="C6" s="8"><v>-3.5</v></c>"#))
        #expect(xml.contains(#"<c r="C7" s="9"><v>0.125</v></c>"#))
        #expect(!xml.contains(#"r="D6""#) && !xml.contains(#"r="D7""#))
        // Widths: 非自償 (6) in column A, not the title nor 經費來源 (merged
        // across two columns); 1,234, 112年 and 12.5% (5) in C.
        #expect(xml.contains(#"<col min="1" max="1" width="8.0" customWidth="1"/>"#), "\(xml)")
        #expect(xml.contains(#"<col min="3" max="3" width="7.0" customWidth="1"/>"#))
        let styles = try Self.entry("xl/styles.xml", of: workbook.bytes())
        #expect(styles.contains(##"formatCode="#,##0""##) && styles.contains(##"formatCode="#,##0.0""##)
                && styles.contains(#"formatCode="0.0%""#))
    }

    @Test func overlappingMergesAreRefused() {
        let sheet = Workbook().addSheet(named: "x")
        #expect(sheet.merge(rows: 1...2, columns: 0...1))
        #expect(!sheet.merge(rows: 2...3, columns: 1...2))
        #expect(!sheet.merge(rows: 5...5, columns: 3...3))
        #expect(sheet.merge(rows: 3...3, columns: 0...2))
        #expect(sheet.mergedRanges == ["A1:B2", "A3:C3"])
    }

    @Test func spansPastTheTableAreClipped() throws {
        var table = LogicalTable(id: "t1", header: ["a", "b"], rows: [["1", "2"]],
                                 spans: [TableSpan(row: 0, col: 1, rowSpan: 5, colSpan: 4)])
        table.title = nil
        let sheet = Workbook().addSheet(named: "p. 1")
        try TableSheet(table).write(to: sheet)
        #expect(sheet.mergedRanges.isEmpty)  // clipped to one cell: nothing to merge
        let page = TableSheet(table)
        #expect(page.wantedName == "p. 1" && page.titleText == "t1 · p. 1")
    }

    /// An entry of a workbook's archive, as text; it must be deflated.
    static func entry(_ path: String, of bytes: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path], "no \(path)")
        #expect(entry.compressedSize < entry.uncompressedSize || entry.uncompressedSize < 200, "\(path) is not deflated")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite struct WorkbookTests {
    @Test func documentWorkbookHasAnIndexTablesAndRecords() throws {
        let table = TableSheetTests.fundingTable()
        var untitled = LogicalTable(id: "t3", header: ["項目"], rows: [["甲"]], rowPages: [4])
        untitled.title = nil
        var twin = table
        twin.id = "t4"
        let records: [Record] = [.fundingLine(FundingLineRecord(provenance: Provenance(table: "t2", row: 0, page: 2),
                                                                category: "非自償", source: "中央", period: "112年", amountTWD: 1))]
        let bytes = try DocumentWorkbook.bytes(tables: [table, untitled, twin], records: records, file: "a.pdf")
        let workbook = try TableSheetTests.entry("xl/workbook.xml", of: bytes)
        let names = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(names == ["index", "經費需求及財源表 (百萬元)", "p. 4", "經費需求及財源表 (百萬元) (2)", "fundingLine"])
        #expect(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'index'!$A$1:$H$5</definedName>"#),
                "\(workbook)")
        let index = try TableSheetTests.entry("xl/worksheets/sheet1.xml", of: bytes)
        #expect(index.contains(#"<hyperlink ref="A2" location="'經費需求及財源表 (百萬元)'!A1""#), "\(index)")
        #expect(index.contains(#"<hyperlink ref="A5" location="'fundingLine'!A1""#))
        #expect(index.contains(">百萬元<"))
        // The same rows give the same bytes.
        #expect(try DocumentWorkbook.bytes(tables: [table, untitled, twin], records: records, file: "a.pdf") == bytes)
    }

    @Test func spooledSheetsReadBackWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spooled = Workbook(spoolDirectory: directory)
        let inMemory = Workbook()
        for workbook in [spooled, inMemory] {
            let sheet = workbook.addSheet(named: "rows")
            for i in 0..<30_000 { try sheet.append([.integer(i), .text("第\(i)列 經費"), .date("2015-04-06")]) }
        }
        // Past a mebibyte: the spool went to a file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 1)
        let a = try TableSheetTests.entry("xl/worksheets/sheet1.xml", of: spooled.bytes())
        let b = try TableSheetTests.entry("xl/worksheets/sheet1.xml", of: inMemory.bytes())
        #expect(a.utf8.count > Spool.spillSize)
        #expect(a == b)
        #expect(a.hasSuffix("</worksheet>") && a.contains(#"<row r="30000">"#))
    }

    @Test func arrangedSheetsKeepTheirRows() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "b").append([.text("B")])
        try workbook.addSheet(named: "a").append([.text("A")])
        workbook.arrange(["a"])
        let bytes = try workbook.bytes()
        let xml = try TableSheetTests.entry("xl/workbook.xml", of: bytes)
        #expect(xml.contains(#"<sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/>"#))
        #expect(try TableSheetTests.entry("xl/worksheets/sheet1.xml", of: bytes).contains(">A<"))
    }

    @Test func spreadsheetDates() {
        #expect(Workbook.serial(ofDate: "2015-04-06")?.0 == 42100)
        #expect(Workbook.serial(ofDate: "1900-03-01")?.0 == 61)
        #expect(Workbook.serial(ofDate: "2025-08")! == (45870, true))
        #expect(Workbook.serial(ofDate: "2025") == nil)
        #expect(Workbook.columnName(0) == "A" && Workbook.columnName(25) == "Z" && Workbook.columnName(26) == "AA")
        #expect(Workbook.absolute("A3:F20") == "$A$3:$F$20")
        #expect(Workbook.quotedSheetName("O'Neil") == "'O''Neil'")
    }
}
