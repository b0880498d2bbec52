import GazetteRead
import Testing
@testable import GazetteTables

/// The unruled body of a table split into entries, on synthetic tables: three
/// columns 100 pt wide (x 0–100–200–300), a header row from y 0 to 20, and a
/// body row from y 20 to `bottom` that holds every entry. Text is 10 pt
/// (CJK 10 pt wide, ASCII 5 pt), set 2 pt from its cell's left edge unless
/// a line says otherwise.
@Suite struct RowSplitterTests {
    /// Text set in `column` with its top at `y`, starting at `x` (nil: the
    /// column's left edge + 2).
    struct Line {
        var column: Int
        var y: Double
        var text: String
        var x: Double?

        init(_ column: Int, _ y: Double, _ text: String, x: Double? = nil) {
            self.column = column
            self.y = y
            self.text = text
            self.x = x
        }
    }

    static let xs: [Double] = [0, 100, 200, 300]
    static let headerBottom = 20.0

    /// The grid: a header cell per column, and the body's cells (one per
    /// column; `merged` columns share the body cell of the column before them).
    static func grid(bottom: Double, merged: Set<Int> = []) -> TableGrid {
        let ys = [0, headerBottom, bottom]
        var cells: [TableGrid.GridCell] = []
        for c in 0..<(xs.count - 1) {
            cells.append(TableGrid.GridCell(row: 0, col: c, rowSpan: 1, colSpan: 1,
                                            box: Rect(x0: xs[c], y0: ys[0], x1: xs[c + 1], y1: ys[1])))
        }
        var c = 0
        while c < xs.count - 1 {
            var span = 1
            while merged.contains(c + span) { span += 1 }
            cells.append(TableGrid.GridCell(row: 1, col: c, rowSpan: 1, colSpan: span,
                                            box: Rect(x0: xs[c], y0: ys[1], x1: xs[c + span], y1: ys[2])))
            c += span
        }
        return TableGrid(xs: xs, ys: ys, cells: cells)
    }

    static func glyphs(_ lines: [Line]) -> [Glyph] {
        lines.flatMap { Synthetic.glyphs($0.text, x: $0.x ?? xs[$0.column] + 2, y: $0.y) }
    }

    /// The body's new row boundaries, or nil when it stays one row.
    static func cuts(_ lines: [Line], bottom: Double = 100, merged: Set<Int> = []) -> [Double]? {
        let grid = grid(bottom: bottom, merged: merged)
        let glyphs = glyphs(lines)
        return RowSplitter.boundaries(grid: grid, row: 1, glyphs: glyphs, members: CellText.assign(grid: grid, glyphs: glyphs))
    }

    /// The texts of each entry, in the order the lines are given; nil when
    /// the body stays one row.
    static func entries(_ lines: [Line], bottom: Double = 100, merged: Set<Int> = []) -> [[String]]? {
        guard let cuts = cuts(lines, bottom: bottom, merged: merged) else { return nil }
        var entries = Array(repeating: [String](), count: cuts.count - 1)
        for line in lines {
            let middle = line.y + 5
            guard let entry = cuts.indices.dropLast().first(where: { cuts[$0] <= middle && middle < cuts[$0 + 1] }) else {
                Issue.record("\(line.text) lies outside the body")
                continue
            }
            entries[entry].append(line.text)
        }
        return entries
    }

    // MARK: when a body is split

    @Test func oneLineIsOneEntry() {
        #expect(Self.entries([Line(0, 25, "旅費")]) == nil)
    }

    @Test func linesSideBySideAreOneEntry() {
        // Three columns, one line: one slot, nothing to cut.
        #expect(Self.entries([Line(0, 25, "旅費"), Line(1, 25, "100"), Line(2, 25, "出國開會")]) == nil)
    }

    /// A row is split only when it is several lines tall and most of the table.
    @Test func onlyATallBodyIsSplit() {
        let grid = TableGrid(xs: [0, 100], ys: [0, 20, 40, 200],
                             cells: [TableGrid.GridCell(row: 0, col: 0, rowSpan: 1, colSpan: 1, box: Rect(x0: 0, y0: 0, x1: 100, y1: 20))])
        #expect(RowSplitter.shouldSplit(grid: grid, row: 2, lineCount: 4, typicalLineHeight: 10))
        #expect(!RowSplitter.shouldSplit(grid: grid, row: 2, lineCount: 1, typicalLineHeight: 10))
        #expect(!RowSplitter.shouldSplit(grid: grid, row: 2, lineCount: 4, typicalLineHeight: 0))
        // 20 pt: two lines at most.
        #expect(!RowSplitter.shouldSplit(grid: grid, row: 1, lineCount: 2, typicalLineHeight: 10))
        // 160 pt of a 200 pt table, but the lines are 70 pt tall.
        #expect(!RowSplitter.shouldSplit(grid: grid, row: 2, lineCount: 2, typicalLineHeight: 70))
        // A wrapped row among many ruled ones (a third of the table) is not a body.
        let ruled = TableGrid(xs: [0, 100], ys: [0, 20, 80, 140, 200], cells: [])
        #expect(!RowSplitter.shouldSplit(grid: ruled, row: 2, lineCount: 5, typicalLineHeight: 10))
    }

    @Test func twoLinesInAShortBodyStayOneEntry() {
        // The body is 24 pt tall: not more than 2.6 lines.
        #expect(Self.entries([Line(0, 21, "甲案"), Line(0, 33, "乙案")], bottom: 44) == nil)
    }

    /// A budget book's 歲出計畫說明提要 head, ruled round but not between its
    /// lines: a plan's name of four lines (72 pt body) beside a label of two
    /// lines and a unit of one, both centred. One entry, not four rows.
    @Test func cellsCentredInTheRowAreOneEntry() {
        let centred = [
            Line(0, 34, "業務計畫"), Line(0, 46, "名稱編號"),
            Line(1, 22, "7670a030201"), Line(1, 34, "公務人員執行"), Line(1, 46, "職務意外傷亡"), Line(1, 58, "慰問金"),
            Line(2, 40, "新北市政府人事處"),
        ]
        #expect(Self.entries(centred, bottom: 72) == nil)
        // The same lines with the unit at the top: entries begin at the top
        // of their columns, and the one-entry reading does not hold.
        let topAligned = centred.dropLast() + [Line(2, 22, "新北市政府人事處")]
        #expect(Self.entries(Array(topAligned), bottom: 72) != nil)
    }

    // MARK: tight setting

    /// 監察院's budget tables: no blank lines, one entry per line.
    @Test func equallySpacedLinesAreOneEntryEach() throws {
        let lines = [25.0, 40, 55, 70].enumerated().flatMap { n, y in
            [Line(0, y, ["一般行政", "業務費", "設備費", "獎補助費"][n]), Line(1, y, "\(n + 1)00"), Line(2, y, "說明")]
        }
        let cuts = try #require(Self.cuts(lines))
        // Cut halfway between a line's bottom and the next line's top.
        #expect(cuts == [20, 37.5, 52.5, 67.5, 100])
        #expect(Self.entries(lines) == [["一般行政", "100", "說明"], ["業務費", "200", "說明"], ["設備費", "300", "說明"],
                                        ["獎補助費", "400", "說明"]])
    }

    /// A line that fills its cell to the right edge wraps: the next line of
    /// that column continues the entry, even in the first column.
    @Test func aWrappedLineContinuesItsEntry() {
        let lines = [
            Line(0, 25, "赴日本考察智慧城市"), Line(1, 25, "日本"),
            Line(0, 40, "計畫"),
            Line(0, 55, "赴荷蘭考察"), Line(1, 55, "荷蘭"),
        ]
        #expect(Self.entries(lines) == [["赴日本考察智慧城市", "日本", "計畫"], ["赴荷蘭考察", "荷蘭"]])
    }

    /// A short line ends where its text ends: the next line is an entry of its own.
    @Test func aShortLineDoesNotWrap() {
        let lines = [
            Line(0, 25, "赴日本考察"), Line(1, 25, "日本"),
            Line(0, 40, "計畫"),
            Line(0, 55, "赴荷蘭考察"), Line(1, 55, "荷蘭"),
        ]
        #expect(Self.entries(lines) == [["赴日本考察", "日本"], ["計畫"], ["赴荷蘭考察", "荷蘭"]])
    }

    /// The next line's first word must not have fitted on the line above:
    /// a long Latin word that would not fit makes a wrap where a CJK
    /// character would have fitted.
    @Test func theNextLinesFirstWordDecides() {
        // "赴日本考察智慧城" ends at x 82: one more CJK character (10 pt)
        // fits before 97, "Bacillus" (40 pt) does not.
        let wrapped = [Line(0, 25, "赴日本考察智慧城"), Line(1, 25, "日本"), Line(0, 40, "Bacillus"),
                       Line(0, 55, "赴荷蘭考察"), Line(1, 55, "荷蘭")]
        #expect(Self.entries(wrapped)?.count == 2)
        let fits = [Line(0, 25, "赴日本考察智慧城"), Line(1, 25, "日本"), Line(0, 40, "計畫"),
                    Line(0, 55, "赴荷蘭考察"), Line(1, 55, "荷蘭")]
        #expect(Self.entries(fits)?.count == 3)
    }

    /// A continuation starts at the column's left edge: an indented line starts anew.
    @Test func anIndentedLineIsNoContinuation() {
        let lines = [
            Line(0, 25, "赴日本考察智慧城市"), Line(1, 25, "日本"),
            Line(0, 40, "計畫", x: 12), Line(1, 40, "東京"),
            Line(0, 55, "赴荷蘭考察"), Line(1, 55, "荷蘭"),
        ]
        #expect(Self.entries(lines)?.count == 3)
    }

    /// Figures and one-character items are values of their own, never the
    /// first part of a wrapped cell.
    @Test func numbersDoNotWrap() {
        let lines = [
            Line(0, 25, "1234567890123456"), Line(1, 25, "考察"),
            Line(0, 40, "78901234"), Line(1, 40, "訪問"),
            Line(0, 55, "5"), Line(1, 55, "開會"),
        ]
        #expect(Self.entries(lines)?.count == 3)
        let glyphs = Synthetic.glyphs("1,234.5%", x: 2, y: 25) + Synthetic.glyphs("甲", x: 2, y: 40)
        let lineOf = { (range: Range<Int>) in
            RowSplitter.ColumnLine(column: 0, top: 25, bottom: 35, x0: 2, x1: 50, firstTokenWidth: 5, glyphs: Array(range))
        }
        #expect(!RowSplitter.mayWrap(lineOf(0..<8), glyphs: glyphs))
        #expect(!RowSplitter.mayWrap(lineOf(8..<9), glyphs: glyphs))
        #expect(RowSplitter.mayWrap(lineOf(0..<9), glyphs: glyphs))
    }

    /// 合　　計 spread over its cell fills it but is not wrapped.
    @Test func aLetterSpacedLabelDoesNotWrap() {
        let lines = [
            Line(0, 25, "合"), Line(0, 25, "計", x: 85), Line(1, 25, "2,344"),
            Line(0, 40, "一般行政"), Line(1, 40, "914"),
            Line(0, 55, "業務費"), Line(1, 55, "1,430"),
        ]
        #expect(Self.entries(lines) == [["合", "計", "2,344"], ["一般行政", "914"], ["業務費", "1,430"]])
        // Set close, the same two characters could be cut text.
        let glyphs = Synthetic.glyphs("合", x: 2, y: 25) + Synthetic.glyphs("計", x: 85, y: 25) + Synthetic.glyphs("合計", x: 2, y: 40)
        let spread = RowSplitter.ColumnLine(column: 0, top: 25, bottom: 35, x0: 2, x1: 95, firstTokenWidth: 10, glyphs: [0, 1])
        let close = RowSplitter.ColumnLine(column: 0, top: 40, bottom: 50, x0: 2, x1: 22, firstTokenWidth: 10, glyphs: [2, 3])
        #expect(!RowSplitter.mayWrap(spread, glyphs: glyphs))
        #expect(RowSplitter.mayWrap(close, glyphs: glyphs))
    }

    /// A column whose text stands away from its left edge (figures set to
    /// the right, centred labels) gives no evidence of wrapping.
    @Test func aRightAlignedColumnGivesNoWrapEvidence() {
        let aligned = [
            Line(0, 25, "甲案"), Line(2, 25, "核銷中核銷中核銷中", x: 202),
            Line(1, 40, "乙"), Line(2, 40, "中", x: 202),
            Line(0, 55, "丙案"), Line(2, 55, "已結案", x: 202),
        ]
        #expect(Self.entries(aligned)?.count == 2)
        // Every line 32 pt in: the first ends at x 292, past where a full
        // line would end for that padding (267), yet it is no evidence.
        let standingAway = [
            Line(0, 25, "甲案"), Line(2, 25, "核銷中核銷中", x: 232),
            Line(1, 40, "乙"), Line(2, 40, "中", x: 232),
            Line(0, 55, "丙案"), Line(2, 55, "已結案", x: 232),
        ]
        #expect(Self.entries(standingAway)?.count == 3)
    }

    /// A merged body cell wraps at its own right edge, not at its column's.
    @Test func aMergedCellWrapsAtItsRightEdge() {
        let lines = [
            Line(0, 25, "甲案"), Line(1, 25, "智慧城市交通建設計"),
            Line(0, 40, "乙案"), Line(1, 40, "畫"),
            Line(0, 55, "丙案"), Line(1, 55, "說明"),
        ]
        #expect(Self.entries(lines)?.count == 2)
        #expect(Self.entries(lines, merged: [2])?.count == 3)
        let grid = Self.grid(bottom: 100, merged: [2])
        #expect(RowSplitter.cellRightEdge(grid: grid, row: 1, column: 1) == 3)
        #expect(RowSplitter.cellRightEdge(grid: grid, row: 1, column: 0) == 1)
        #expect(RowSplitter.cellRightEdge(grid: grid, row: 0, column: 1) == 2)
    }

    /// An entry starts in the first column or in two columns at once; a
    /// line in one other column only is more of that cell (the rest of a
    /// row broken by a page).
    @Test func aLineOfOneOtherColumnJoinsTheEntry() {
        let lines = [
            Line(0, 25, "甲案"), Line(1, 25, "第一段"),
            Line(1, 40, "第二段"),
            Line(1, 55, "第三段"),
            Line(0, 70, "乙案"), Line(1, 70, "說明"),
        ]
        #expect(Self.entries(lines) == [["甲案", "第一段", "第二段", "第三段"], ["乙案", "說明"]])
    }

    @Test func noLineStartingAnEntryLeavesOneEntry() {
        let lines = [Line(0, 25, "甲案"), Line(1, 25, "第一段"), Line(1, 40, "第二段"), Line(2, 55, "備註")]
        #expect(Self.entries(lines) == nil)
    }

    // MARK: a lone line between two entries

    /// 監察院: a budget line's code set just above its name leads that entry.
    @Test func aLoneCodeCloserToTheEntryBelowLeadsIt() throws {
        let lines = [
            Line(1, 25, "審計部"), Line(2, 25, "914,402"),
            Line(1, 45, "0051010000"),
            Line(1, 57, "監察院"), Line(2, 57, "820,000"),
        ]
        #expect(try #require(Self.cuts(lines)) == [20, 40, 100])
        #expect(Self.entries(lines) == [["審計部", "914,402"], ["0051010000", "監察院", "820,000"]])
    }

    /// 台北市: the name set just below its code; a lone line closer to the
    /// entry above ends it.
    @Test func aLoneLineCloserToTheEntryAboveEndsIt() throws {
        let lines = [
            Line(1, 25, "審計部"), Line(2, 25, "914,402"),
            Line(1, 37, "0051010000"),
            Line(1, 57, "監察院"), Line(2, 57, "820,000"),
        ]
        #expect(try #require(Self.cuts(lines)) == [20, 52, 100])
        #expect(Self.entries(lines) == [["審計部", "914,402", "0051010000"], ["監察院", "820,000"]])
    }

    /// Where a lone line sits halfway, the table's other entries decide.
    @Test func aLoneLineHalfwayGoesTheWayOfTheOthers() {
        // Two codes lead their entries; the third is halfway and leads too.
        let leading = [
            Line(1, 25, "審計部"), Line(2, 25, "914"),
            Line(1, 41, "0051"), Line(1, 53, "監察院"), Line(2, 53, "820"),
            Line(1, 69, "0052"), Line(1, 81, "秘書處"), Line(2, 81, "310"),
            Line(1, 95, "0053"), Line(1, 109, "人事室"), Line(2, 109, "120"),
        ]
        #expect(Self.entries(leading, bottom: 140) == [
            ["審計部", "914"], ["0051", "監察院", "820"], ["0052", "秘書處", "310"], ["0053", "人事室", "120"]])
        // Two end the entry above: so does the third.
        let ending = [
            Line(1, 25, "審計部"), Line(2, 25, "914"),
            Line(1, 37, "0051"), Line(1, 53, "監察院"), Line(2, 53, "820"),
            Line(1, 65, "0052"), Line(1, 81, "秘書處"), Line(2, 81, "310"),
            Line(1, 95, "0053"), Line(1, 109, "人事室"), Line(2, 109, "120"),
        ]
        #expect(Self.entries(ending, bottom: 140) == [
            ["審計部", "914", "0051"], ["監察院", "820", "0052"], ["秘書處", "310", "0053"], ["人事室", "120"]])
    }

    /// A lone line in a column the entry below does not fill stays above.
    @Test func aLoneLineOfAnotherColumnStaysAbove() {
        let lines = [
            Line(1, 25, "審計部"), Line(2, 25, "914,402"),
            Line(0, 45, "註"),
            Line(1, 57, "監察院"), Line(2, 57, "820,000"),
        ]
        // 註 in the first column starts an entry of its own.
        #expect(Self.entries(lines)?.count == 3)
        let note = [
            Line(0, 25, "審計部"), Line(2, 25, "914,402"),
            Line(1, 45, "附註"),
            Line(0, 57, "監察院"), Line(2, 57, "820,000"),
        ]
        #expect(Self.entries(note) == [["審計部", "914,402", "附註"], ["監察院", "820,000"]])
    }

    // MARK: blank lines between entries

    /// rid-01: a pesticide's name over three lines, its other columns on
    /// the first, a blank line before the next.
    @Test func blankLinesSeparateEntries() {
        let lines = [
            Line(0, 25, "25.9%得克利"), Line(1, 25, "1,000倍"), Line(2, 25, "發病初期施藥"),
            Line(0, 38, "乳劑"),
            Line(0, 51, "(Tebuconazole)"),
            Line(0, 76, "50%免賴得"), Line(1, 76, "2,000倍"), Line(2, 76, "每隔7天施藥"),
            Line(0, 89, "可濕性粉劑"),
            Line(0, 102, "(Benomyl)"),
        ]
        #expect(Self.entries(lines, bottom: 130) == [
            ["25.9%得克利", "1,000倍", "發病初期施藥", "乳劑", "(Tebuconazole)"],
            ["50%免賴得", "2,000倍", "每隔7天施藥", "可濕性粉劑", "(Benomyl)"]])
    }

    /// Without the blank line, each line of the first column is an entry.
    @Test func withoutBlankLinesEachFirstColumnLineIsAnEntry() {
        let lines = [
            Line(0, 25, "25.9%得克利"), Line(1, 25, "1,000倍"), Line(2, 25, "發病初期施藥"),
            Line(0, 38, "乳劑"),
            Line(0, 51, "(Tebuconazole)"),
            Line(0, 64, "50%免賴得"), Line(1, 64, "2,000倍"), Line(2, 64, "每隔7天施藥"),
        ]
        #expect(Self.entries(lines)?.count == 4)
    }

    /// A line that clearly starts an entry (three columns) inside a
    /// blank-separated group: the blank lines are not what separates the
    /// entries, and the tight reading stands.
    @Test func aStrongStartInsideABlankGroupKeepsTheTightReading() {
        let lines = [
            Line(0, 25, "一般行政"), Line(1, 25, "100"), Line(2, 25, "說明"),
            Line(0, 38, "業務費"), Line(1, 38, "200"), Line(2, 38, "說明"),
            Line(0, 63, "設備費"), Line(1, 63, "300"), Line(2, 63, "說明"),
            Line(0, 76, "獎補助費"), Line(1, 76, "400"), Line(2, 76, "說明"),
        ]
        #expect(Self.entries(lines)?.count == 4)
    }

    /// After a blank line, a note in one other column starts no entry.
    @Test func aNoteAfterABlankLineJoinsTheEntryAbove() {
        let lines = [
            Line(0, 25, "得克利"), Line(1, 25, "1,000倍"),
            Line(0, 38, "乳劑"),
            Line(0, 51, "(Tebuconazole)"),
            Line(2, 76, "採收前6天停用"),
            Line(0, 101, "免賴得"), Line(1, 101, "2,000倍"),
            Line(0, 114, "粉劑"),
            Line(0, 127, "(Benomyl)"),
        ]
        #expect(Self.entries(lines, bottom: 150) == [
            ["得克利", "1,000倍", "乳劑", "(Tebuconazole)", "採收前6天停用"], ["免賴得", "2,000倍", "粉劑", "(Benomyl)"]])
    }

    // MARK: lines and words

    @Test func aCellsGlyphsMakeLinesTopToBottom() throws {
        let glyphs = Synthetic.glyphs("萬 2,005 元", x: 2, y: 40) + Synthetic.glyphs("新臺幣 51", x: 2, y: 25)
        let lines = RowSplitter.columnLines(Array(glyphs.indices), column: 1, glyphs: glyphs)
        try #require(lines.count == 2)
        #expect(lines.map(\.top) == [25, 40] && lines.allSatisfy { $0.column == 1 })
        // Spaces are no glyphs of a line.
        #expect(lines[0].glyphs.count == 5 && lines[1].glyphs.count == 7)
        #expect(lines[0].x0 == 2 && lines[0].x1 == 2 + 30 + 5 + 10)
        #expect(lines[0].firstTokenWidth == 10 && lines[1].firstTokenWidth == 10)
    }

    @Test func theFirstWordIsOneCJKCharacterOrALatinRun() {
        func width(_ text: String) -> Double {
            let glyphs = Synthetic.glyphs(text, x: 0, y: 0).filter { $0.text != " " }
            return RowSplitter.firstTokenWidth(Array(glyphs.indices), glyphs: glyphs)
        }
        #expect(width("旅費") == 10)
        #expect(width("Bacillus thuringiensis") == 40)
        #expect(width("2,005元") == 25)
        #expect(width("（一）") == 10)
        #expect(width("") == 0)
    }

    // MARK: through the table detector

    /// A page with column rules and a header rule only: the body comes out
    /// one row per entry.
    @Test func anUnruledBodyComesOutOneRowPerEntry() throws {
        var glyphs = Synthetic.glyphs("科目", x: 2, y: 5) + Synthetic.glyphs("金額", x: 102, y: 5) + Synthetic.glyphs("說明", x: 202, y: 5)
        for (n, y) in [25.0, 40, 55, 70].enumerated() {
            glyphs += Synthetic.glyphs(["一般行政", "業務費", "設備費", "獎補助費"][n], x: 2, y: y)
            glyphs += Synthetic.glyphs("\(n + 1)00", x: 102, y: y) + Synthetic.glyphs("依法編列", x: 202, y: y)
        }
        let rulings = [Synthetic.h(0, 0, 300), Synthetic.h(20, 0, 300), Synthetic.h(100, 0, 300)]
            + Self.xs.map { Synthetic.v($0, 0, 100) }
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: rulings)
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        #expect(table.matrix == [["科目", "金額", "說明"], ["一般行政", "100", "依法編列"], ["業務費", "200", "依法編列"],
                                 ["設備費", "300", "依法編列"], ["獎補助費", "400", "依法編列"]])
    }
}
