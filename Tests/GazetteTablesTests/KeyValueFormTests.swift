import GazetteRead
import Testing
@testable import GazetteTables

/// Key–value forms (`KeyValueForm`): a ruled box of `label：value` pairs in
/// blocks of the same labels (a 土地登記謄本) becomes one row per block and
/// one column per label, in the order printed.
/// The separator `CellText` sets between two pairs on one line of a cell.
private let sep = CellText.pairSeparator

@Suite struct KeyValueFormTests {
    /// A closed table of one column of cells (as the assembler gives it,
    /// before folding), with a one-cell header row when `heading` is given.
    static func raw(_ cells: [String], heading: String? = nil, header: [String]? = nil) -> LogicalTable {
        let headerRow = header ?? heading.map { [$0] } ?? []
        let width = max(1, headerRow.count)
        return LogicalTable(id: "t1", pages: [1], title: nil, unit: nil, headerRows: headerRow.isEmpty ? [] : [headerRow],
                            rows: cells.map { [$0] + Array(repeating: "", count: width - 1) }, spans: [], shape: .ruled,
                            rowPages: cells.map { _ in 1 }, firstBox: Rect(x0: 0, y0: 0, x1: 500, y1: 300),
                            headerLabels: headerRow.isEmpty ? [] : [headerRow])
    }

    static let register = [
        "登記日期：民國105年03月08日\(sep)登記原因：分割",
        "地目：建\(sep)面積：384.98平方公尺",
        "登記日期：民國106年01月02日\(sep)登記原因：買賣",
        "地目：田\(sep)面積：100平方公尺",
    ]

    @Test func oneRowPerBlockOneColumnPerLabel() throws {
        let form = try #require(KeyValueForm(Self.raw(Self.register, heading: "土地標示部")))
        let table = form.table
        #expect(table.shape == .keyValue)
        #expect(table.title == "土地標示部")
        #expect(table.headerRows == [["登記日期", "登記原因", "地目", "面積"]])
        #expect(table.header == ["登記日期", "登記原因", "地目", "面積"])
        #expect(table.rows == [["民國105年03月08日", "分割", "建", "384.98平方公尺"],
                               ["民國106年01月02日", "買賣", "田", "100平方公尺"]])
        #expect(table.rowPages == [1, 1])
        #expect(table.spans.isEmpty)
    }

    /// A label met again starts the next block; a label a block lacks is
    /// an empty cell of its row.
    @Test func aBlockWithoutALabelHasAnEmptyCell() throws {
        let cells = [
            "所有權人：張淑芳\(sep)住址：臺北市中正區",
            "權利範圍：10000分之42",
            "所有權人：李大同\(sep)權利範圍：全部",
        ]
        let form = try #require(KeyValueForm(Self.raw(cells, heading: "土地所有權部")))
        #expect(form.table.header == ["所有權人", "住址", "權利範圍"])
        #expect(form.table.rows == [["張淑芳", "臺北市中正區", "10000分之42"], ["李大同", "", "全部"]])
    }

    /// Letter-spaced labels (地　目：) are the same label as 地目：.
    @Test func letterSpacedLabelsAreOneLabel() throws {
        let cells = ["地　目：建\(sep)面　積：10平方公尺", "地目：田\(sep)面積：20平方公尺", "地 目：旱\(sep)面 積：30平方公尺"]
        let form = try #require(KeyValueForm(Self.raw(cells)))
        #expect(form.table.header == ["地目", "面積"])
        #expect(form.table.rows.map { $0.first } == ["建", "田", "旱"])
    }

    /// Text without a label is the rest of the value before it.
    @Test func textWithoutALabelContinuesTheValue() throws {
        let cells = ["所有權人：張淑芳\(sep)住址：臺北市中正區\(sep)重慶南路一段122號", "權利範圍：全部"]
        let form = try #require(KeyValueForm(Self.raw(cells)))
        #expect(form.table.header == ["所有權人", "住址", "權利範圍"])
        #expect(form.table.rows == [["張淑芳", "臺北市中正區重慶南路一段122號", "全部"]])
    }

    /// The box's heading in the first row (no header row): the title, not a block.
    @Test func aHeadingInTheFirstRowIsTheTitle() throws {
        let form = try #require(KeyValueForm(Self.raw(["土地標示部"] + Self.register)))
        #expect(form.table.title == "土地標示部")
        #expect(form.table.rows.count == 2)
        #expect(form.table.rowPages.count == 2)
    }

    /// Pairs printed in the header row too are the first block's.
    @Test func pairsInTheHeaderRowAreRead() throws {
        let first = try #require(Self.register.first)
        let table = Self.raw(Array(Self.register.dropFirst()), header: [first])
        let form = try #require(KeyValueForm(table))
        #expect(form.table.rows == [["民國105年03月08日", "分割", "建", "384.98平方公尺"],
                                    ["民國106年01月02日", "買賣", "田", "100平方公尺"]])
    }

    /// An exam paper's head set in columns: one pair in the header row, two
    /// below it (座號： without a value): three pairs, one block.
    @Test func aHeaderOfPairsCountsTowardsTheForm() throws {
        let table = Self.raw(["考試時間：1小時", "座號："], header: ["科目：統計學大意"])
        let form = try #require(KeyValueForm(table))
        #expect(form.table.headerRows == [["科目", "考試時間", "座號"]])
        #expect(form.table.rows == [["統計學大意", "1小時", ""]])
    }

    // MARK: what is no form

    /// A table of columns, a table with a few colons, two pairs only.
    @Test func tablesOfColumnsAreNoForms() {
        let columns = LogicalTable(id: "t1", header: ["項目", "說明"], rows: [["旅費", "依規定編列"], ["業務費", "辦理活動"]])
        #expect(KeyValueForm(columns) == nil)
        // One pair among five cells: under three fifths.
        let few = Self.raw(["說明：略", "旅費", "100", "日本", "考察"])
        #expect(KeyValueForm(few) == nil)
        // Two pairs: not enough.
        #expect(KeyValueForm(Self.raw(["地目：建", "面積：10平方公尺"])) == nil)
        // Times and ratios are values, not labels.
        #expect(KeyValueForm(Self.raw(["14:00", "15:30", "1:2", "3:4"])) == nil)
    }

    @Test func pairsOfACell() {
        let pairs = KeyValueForm.pairs("登記日期：民國105年03月08日\(sep)登記原因：分割\(sep)附記")
        #expect(pairs.map(\.label) == ["登記日期", "登記原因", ""])
        #expect(pairs.map(\.value) == ["民國105年03月08日", "分割", "附記"])
        // A letter-spaced label comes without its spaces (`FieldLabel`).
        #expect(KeyValueForm.pairs("住  址：臺北市").map(\.label) == ["住址"])
        #expect(KeyValueForm.pairs("").isEmpty)
    }

    // MARK: through the tables stage

    /// Two pairs side by side on one line of a cell are set apart by the
    /// pair separator; a line without a second label is not.
    @Test func cellTextMarksPairsSideBySide() {
        let glyphs = Synthetic.glyphs("登記日期：民國105年03月08日", x: 2, y: 4) + Synthetic.glyphs("登記原因：分割", x: 250, y: 4)
        #expect(CellText.layout(of: Array(glyphs.indices), in: glyphs).text == "登記日期：民國105年03月08日\(sep)登記原因：分割")
        // The same gap before text that has no colon: an ordinary space.
        let plain = Synthetic.glyphs("登記日期：民國105年", x: 2, y: 4) + Synthetic.glyphs("分割", x: 250, y: 4)
        #expect(CellText.layout(of: Array(plain.indices), in: plain).text == "登記日期：民國105年 分割")
        // No colon before it: a label-like text after a gap starts no pair.
        let noColon = Synthetic.glyphs("備註", x: 2, y: 4) + Synthetic.glyphs("登記原因：分割", x: 250, y: 4)
        #expect(!CellText.layout(of: Array(noColon.indices), in: noColon).text.contains(sep))
    }

    /// A ruled box of pairs comes out of the assembler as a form; the
    /// separator never leaves the tables stage.
    @Test func theAssemblerClosesAFormAsAForm() throws {
        let xs = [50.0, 550], ys = [100.0, 120, 140, 160, 180, 200]
        var glyphs = Synthetic.glyphs("土地標示部", x: 52, y: 104)
        let lines = [("登記日期：民國105年03月08日", "登記原因：分割"), ("地目：建", "面積：384.98平方公尺"),
                     ("登記日期：民國106年01月02日", "登記原因：買賣"), ("地目：田", "面積：100平方公尺")]
        for (k, (a, b)) in lines.enumerated() {
            glyphs += Synthetic.glyphs(a, x: 52, y: 124 + Double(k) * 20) + Synthetic.glyphs(b, x: 300, y: 124 + Double(k) * 20)
        }
        let rulings = ys.map { Synthetic.h($0, 50, 550) } + xs.map { Synthetic.v($0, 100, 200) }
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: rulings)
        let tables = RuledTableDetector.detect(on: page).tables
        try #require(tables.count == 1)
        let assembler = TableAssembler()
        let closed = assembler.add(page: 1, tables: tables, lines: [
            TableContextLine(text: "以下空白", box: Rect(x0: 50, y0: 400, x1: 100, y1: 410))]) + assembler.finish()
        let table = try #require(closed.first)
        #expect(table.shape == .keyValue)
        #expect(table.header == ["登記日期", "登記原因", "地目", "面積"])
        #expect(table.rows.count == 2)
        #expect(!table.rows.joined().contains { $0.contains(sep) })
    }

    /// Anywhere else the separator becomes a space again.
    @Test func inATableOfColumnsTheSeparatorIsASpace() throws {
        let xs = [50.0, 300, 550], ys = [100.0, 120, 140, 160]
        var glyphs = Synthetic.glyphs("項目", x: 52, y: 104) + Synthetic.glyphs("說明", x: 302, y: 104)
        glyphs += Synthetic.glyphs("旅費", x: 52, y: 124) + Synthetic.glyphs("依規定", x: 302, y: 124)
        glyphs += Synthetic.glyphs("業務費", x: 52, y: 144)
        // One cell with two pairs side by side: not enough for a form.
        glyphs += Synthetic.glyphs("甲：1", x: 302, y: 144) + Synthetic.glyphs("乙：2", x: 402, y: 144)
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: try Synthetic.gridRulings(xs: xs, ys: ys))
        let tables = RuledTableDetector.detect(on: page).tables
        try #require(tables.count == 1)
        let assembler = TableAssembler()
        let closed = assembler.add(page: 1, tables: tables, lines: [
            TableContextLine(text: "以下空白", box: Rect(x0: 50, y0: 400, x1: 100, y1: 410))]) + assembler.finish()
        let table = try #require(closed.first)
        #expect(table.shape == .ruled)
        #expect(table.rows == [["旅費", "依規定"], ["業務費", "甲：1 乙：2"]])
    }
}
