import GazetteRead
import GazetteTestSupport
import Testing
@testable import GazetteTables

@Suite struct RuledTableTests {
    @Test func collinearPiecesJoinIntoOneRuling() throws {
        // Word draws one border as several short filled rectangles.
        let pieces = [
            Ruling(orientation: .horizontal, position: 100, start: 10, end: 50, thickness: 0.5, source: .filledRect),
            Ruling(orientation: .horizontal, position: 100.4, start: 50.5, end: 120, thickness: 0.5, source: .filledRect),
            Ruling(orientation: .horizontal, position: 100, start: 121, end: 200, thickness: 0.5, source: .filledRect),
            Ruling(orientation: .horizontal, position: 140, start: 10, end: 200, thickness: 0.5),
        ]
        let network = RulingNetwork(rulings: pieces)
        try #require(network.horizontals.count == 2)
        #expect(network.horizontals[0].start == 10 && network.horizontals[0].end == 200)
    }

    @Test func gridWithMergedCells() throws {
        // 3 columns × 3 rows; the top-left cell spans two rows (no border
        // between rows 0 and 1 in column 0), the bottom row's last two cells
        // are merged (no border between columns 1 and 2 in row 2).
        let xs = [0.0, 100, 200, 300], ys = [0.0, 20, 40, 60]
        var rulings = ys.map { Synthetic.h($0, 0, 300) }.filter { $0.position != 20 }
        rulings.append(Synthetic.h(20, 100, 300))
        rulings += [Synthetic.v(0, 0, 60), Synthetic.v(100, 0, 60), Synthetic.v(200, 0, 40), Synthetic.v(300, 0, 60)]
        let network = RulingNetwork(rulings: rulings)
        let component = try #require(network.components().first)
        let grid = try #require(TableGrid(network: network, horizontals: component.horizontals, verticals: component.verticals))
        #expect(grid.xs.count == xs.count && grid.ys.count == ys.count)
        #expect(grid.cells.contains { $0.row == 0 && $0.col == 0 && $0.rowSpan == 2 && $0.colSpan == 1 })
        #expect(grid.cells.contains { $0.row == 2 && $0.col == 1 && $0.rowSpan == 1 && $0.colSpan == 2 })
        #expect(grid.cells.count == 7)
    }

    @Test func aFrameIsNotATable() throws {
        let page = Page(number: 1, width: 600, height: 800,
                        glyphs: Synthetic.glyphs("附註", x: 12, y: 12),
                        rulings: try Synthetic.gridRulings(xs: [10, 300], ys: [10, 60]))
        #expect(RuledTableDetector.detect(on: page).tables.isEmpty)
    }

    @Test func cellTextFromGlyphBoxes() throws {
        let xs = [0.0, 100, 220], ys = [0.0, 20, 60]
        var glyphs = Synthetic.glyphs("項目", x: 2, y: 4) + Synthetic.glyphs("說明", x: 102, y: 4)
        glyphs += Synthetic.glyphs("旅費", x: 2, y: 24)
        // A wrapped cell: two lines, CJK then a number.
        glyphs += Synthetic.glyphs("新臺幣 51", x: 102, y: 24) + Synthetic.glyphs("萬 2,005 元", x: 102, y: 38)
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: try Synthetic.gridRulings(xs: xs, ys: ys))
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        #expect(table.matrix == [["項目", "說明"], ["旅費", "新臺幣 51 萬 2,005 元"]])
    }

    @Test func watermarksAreNotCellText() throws {
        let xs = [0.0, 100, 200], ys = [0.0, 30, 60]
        var glyphs = Synthetic.glyphs("甲", x: 2, y: 4) + Synthetic.glyphs("乙", x: 102, y: 4)
            + Synthetic.glyphs("丙", x: 2, y: 34) + Synthetic.glyphs("丁", x: 102, y: 34)
        glyphs.append(Glyph(text: "草", box: Rect(x0: 40, y0: 10, x1: 80, y1: 50), size: 40, angle: 45, color: 0xCCCCCC))
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: try Synthetic.gridRulings(xs: xs, ys: ys))
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        #expect(table.matrix == [["甲", "乙"], ["丙", "丁"]])
    }

    @Test func joinLinesFollowsTheCellsStyle() {
        #expect(CellText.joinLines(["中華民國", "一百年"]) == "中華民國一百年")
        #expect(CellText.joinLines(["Bacillus", "thuringiensis"]) == "Bacillus thuringiensis")
        #expect(CellText.joinLines(["106/", "11/19-11/21"]) == "106/11/19-11/21")
        #expect(CellText.joinLines(["新臺幣 51", "萬 2,005 元"]) == "新臺幣 51 萬 2,005 元")
        #expect(CellText.joinLines(["新臺幣51", "萬2,005元"]) == "新臺幣51萬2,005元")
    }

    @Test func unruledBodyOfAHandbookTableSplitsIntoEntries() throws {
        // rid-01: only vertical rules and a header rule; entries separated by blank space.
        let page = try PDFDocument(path: Fixtures.shared("pte__rid-01.pdf")).page(1)
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        try #require(table.grid.columnCount >= 1)
        let firstColumn = table.matrix.map { $0[0] }
        #expect(firstColumn.count >= 11)
        #expect(firstColumn.contains { $0.hasPrefix("25.9%得克利") && $0.contains("Tebuconazole") })
        #expect(firstColumn.contains { $0.hasPrefix("50%免賴得") && $0.contains("Benomyl") })
    }

    @Test func tightBudgetTableGivesOneRowPerLine() throws {
        // 監察院 p.36: the body has no row rules and one entry per line.
        let page = try PDFDocument(path: Fixtures.shared("tbpp__監察院.pdf")).page(36)
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        try #require(table.grid.columnCount >= 3)
        let names = table.matrix.map { $0[2] }
        #expect(names.contains("監察院主管"))
        #expect(names.contains("審計部高雄市審計處"))
        #expect(table.grid.rowCount >= 11)
    }
}
