import GazetteRead
import Testing
@testable import GazetteTables

/// `TableGrid.stackedParts()`: two tables ruled one onto the other in one
/// frame (a budget book's 計畫說明 block over its 各項費用明細表) are split
/// where no interior column border carries on across a rule. The frame is
/// 400 pt wide; the table above has one interior border at x 200, the one
/// below has two, at x 100 and 300.
@Suite struct StackedTablesTests {
    /// The grid of rulings that form one component.
    static func grid(_ rulings: [Ruling]) throws -> TableGrid {
        let network = RulingNetwork(rulings: rulings)
        let components = network.components()
        try #require(components.count == 1)
        let component = try #require(components.first)
        return try #require(TableGrid(network: network, horizontals: component.horizontals, verticals: component.verticals))
    }

    /// Rows at `ys` across the whole frame, the frame's sides, and the
    /// interior borders of each band of rows.
    static func rulings(ys: [Double], interior: [(x: Double, y0: Double, y1: Double)]) throws -> [Ruling] {
        let top = try #require(ys.first), bottom = try #require(ys.last)
        return ys.map { Synthetic.h($0, 0, 400) } + [Synthetic.v(0, top, bottom), Synthetic.v(400, top, bottom)]
            + interior.map { Synthetic.v($0.x, $0.y0, $0.y1) }
    }

    /// The 計畫說明 block (two rows of 名稱 | 說明) straight onto a
    /// three-column 明細表 (two rows).
    static func twoTablesRuledTogether() throws -> [Ruling] {
        try rulings(ys: [0, 20, 40, 60, 80],
                    interior: [(200, 0, 40), (100, 40, 80), (300, 40, 80)])
    }

    @Test func twoTablesRuledOneOnTheOtherAreTwoParts() throws {
        let grid = try Self.grid(Self.twoTablesRuledTogether())
        // As one grid: four columns, the upper rows' cells each spanning two.
        #expect(grid.xs == [0, 100, 200, 300, 400])
        #expect(grid.cells.contains { $0.row == 0 && $0.col == 0 && $0.colSpan == 2 })

        let parts = grid.stackedParts()
        try #require(parts.count == 2)
        let upper = parts[0], lower = parts[1]
        #expect(upper.ys == [0, 20, 40])
        #expect(lower.ys == [40, 60, 80])
        // Each part keeps only its own column boundaries.
        #expect(upper.xs == [0, 200, 400])
        #expect(lower.xs == [0, 100, 300, 400])
        #expect(upper.columnCount == 2 && upper.rowCount == 2)
        #expect(lower.columnCount == 3 && lower.rowCount == 2)
        // Its cells renumbered to its own rows and columns, one slot each,
        // their boxes where they were.
        #expect(upper.cells.map { [$0.row, $0.col, $0.rowSpan, $0.colSpan] } == [[0, 0, 1, 1], [0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 1]])
        #expect(lower.cells.map { [$0.row, $0.col, $0.rowSpan, $0.colSpan] }
            == [[0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1], [1, 0, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1]])
        #expect(lower.cells.map(\.box.x0) == [0, 100, 300, 0, 100, 300])
        #expect(lower.cells.map(\.box.y0) == [40, 40, 40, 60, 60, 60])
        #expect(upper.cell(coveringRow: 1, col: 1)?.box == Rect(x0: 200, y0: 20, x1: 400, y1: 40))
    }

    /// A band without interior borders between the two frames (a blank
    /// row ruled across) is a part of its own.
    @Test func theBlankBandBetweenTheFramesIsAPartOfItsOwn() throws {
        let grid = try Self.grid(Self.rulings(ys: [0, 20, 40, 60, 80, 100],
                                              interior: [(200, 0, 40), (100, 60, 100), (300, 60, 100)]))
        let parts = grid.stackedParts()
        try #require(parts.count == 3)
        #expect(parts.map(\.ys) == [[0, 20, 40], [40, 60], [60, 80, 100]])
        #expect(parts.map(\.xs) == [[0, 200, 400], [0, 400], [0, 100, 300, 400]])
        let band = parts[1]
        #expect(band.cells.map { [$0.row, $0.col, $0.rowSpan, $0.colSpan] } == [[0, 0, 1, 1]])
    }

    /// Through the detector: two tables, each with its own columns and text;
    /// the empty band between them is no table.
    @Test func theDetectorGivesEachStackedTableItsOwnColumns() throws {
        let rulings = try Self.rulings(ys: [0, 20, 40, 60, 80, 100],
                                       interior: [(200, 0, 40), (100, 60, 100), (300, 60, 100)])
        var glyphs = Synthetic.glyphs("計畫名稱", x: 2, y: 4) + Synthetic.glyphs("國際交流", x: 202, y: 4)
        glyphs += Synthetic.glyphs("承辦單位", x: 2, y: 24) + Synthetic.glyphs("秘書處", x: 202, y: 24)
        glyphs += Synthetic.glyphs("用途別", x: 2, y: 64) + Synthetic.glyphs("預算數", x: 102, y: 64)
            + Synthetic.glyphs("說明", x: 302, y: 64)
        glyphs += Synthetic.glyphs("旅費", x: 2, y: 84) + Synthetic.glyphs("1,234", x: 102, y: 84)
            + Synthetic.glyphs("出國", x: 302, y: 84)
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: rulings)
        let tables = RuledTableDetector.detect(on: page).tables
        try #require(tables.count == 2)
        #expect(tables[0].matrix == [["計畫名稱", "國際交流"], ["承辦單位", "秘書處"]])
        #expect(tables[1].matrix == [["用途別", "預算數", "說明"], ["旅費", "1,234", "出國"]])
        #expect(tables[0].box == Rect(x0: 0, y0: 0, x1: 400, y1: 40))
        #expect(tables[1].box == Rect(x0: 0, y0: 60, x1: 400, y1: 100))
    }

    /// A header whose labels span sub-columns (金額 over 上年度 | 本年度):
    /// the label's borders carry on below it, so the table stays whole.
    @Test func aHeaderWithSpanningLabelsIsNotSplit() throws {
        // 名稱 | 金額 (over two columns), then 名稱 | 上年度 | 本年度, then data.
        let rulings = [Synthetic.h(0, 0, 300), Synthetic.h(20, 0, 300), Synthetic.h(40, 0, 300), Synthetic.h(60, 0, 300),
                       Synthetic.v(0, 0, 60), Synthetic.v(100, 0, 60), Synthetic.v(200, 20, 60), Synthetic.v(300, 0, 60)]
        let grid = try Self.grid(rulings)
        #expect(grid.cells.contains { $0.row == 0 && $0.col == 1 && $0.colSpan == 2 })
        #expect(grid.stackedParts() == [grid])

        // Two labels over two sub-columns each: the border between the
        // labels carries on, the sub-columns' borders start under them.
        let wide = [Synthetic.h(0, 0, 400), Synthetic.h(20, 0, 400), Synthetic.h(40, 0, 400),
                    Synthetic.v(0, 0, 40), Synthetic.v(200, 0, 40), Synthetic.v(400, 0, 40),
                    Synthetic.v(100, 20, 40), Synthetic.v(300, 20, 40)]
        let wideGrid = try Self.grid(wide)
        #expect(wideGrid.stackedParts().count == 1)

        // A label over two rows beside the spanning one (科目 | 金額 over
        // 上年度 | 本年度) is a cell over the rule.
        let merged = [Synthetic.h(0, 0, 300), Synthetic.h(20, 100, 300), Synthetic.h(40, 0, 300), Synthetic.h(60, 0, 300),
                      Synthetic.v(0, 0, 60), Synthetic.v(100, 0, 60), Synthetic.v(200, 20, 60), Synthetic.v(300, 0, 60)]
        let mergedGrid = try Self.grid(merged)
        #expect(mergedGrid.cells.contains { $0.row == 0 && $0.col == 0 && $0.rowSpan == 2 })
        #expect(mergedGrid.stackedParts().count == 1)
    }

    /// A cell over the rule between the two tables (the band between them
    /// one cell two rows tall) joins them: no split. The same band ruled
    /// across its middle does split.
    @Test func aCellSpanningTheRulePreventsASplit() throws {
        let xs: [Double] = [0, 100, 200, 300, 400], ys: [Double] = [0, 20, 40, 60, 80]
        func cell(_ row: Int, _ col: Int, rowSpan: Int = 1, colSpan: Int = 1) -> TableGrid.GridCell {
            TableGrid.GridCell(row: row, col: col, rowSpan: rowSpan, colSpan: colSpan,
                               box: Rect(x0: xs[col], y0: ys[row], x1: xs[col + colSpan], y1: ys[row + rowSpan]))
        }
        let above = [cell(0, 0, colSpan: 2), cell(0, 2, colSpan: 2)]
        let below = [cell(3, 0), cell(3, 1, colSpan: 2), cell(3, 3)]
        let spanning = TableGrid(xs: xs, ys: ys, cells: above + [cell(1, 0, rowSpan: 2, colSpan: 4)] + below)
        #expect(spanning.stackedParts() == [spanning])

        let ruled = TableGrid(xs: xs, ys: ys, cells: above + [cell(1, 0, colSpan: 4), cell(2, 0, colSpan: 4)] + below)
        let parts = ruled.stackedParts()
        #expect(parts.map(\.rowCount) == [1, 2, 1])
        #expect(parts.map(\.xs) == [[0, 200, 400], [0, 400], [0, 100, 300, 400]])
    }

    /// A cell of the last column reaching up over the rule at y 40: the
    /// border on its left carries on across the rule, so there is no split.
    @Test func aColumnCellReachingOverTheRuleKeepsTheTableWhole() throws {
        // The last column is one cell from the upper table's second row
        // down: the border at x 300 runs on both sides of the rule at 40.
        let rulings = [Synthetic.h(0, 0, 400), Synthetic.h(20, 0, 400), Synthetic.h(40, 0, 300), Synthetic.h(60, 0, 400),
                       Synthetic.v(0, 0, 60), Synthetic.v(400, 0, 60),
                       Synthetic.v(200, 0, 40), Synthetic.v(300, 20, 60), Synthetic.v(100, 40, 60)]
        let grid = try Self.grid(rulings)
        #expect(grid.cells.contains { $0.col == 3 && $0.rowSpan == 2 })
        #expect(grid.stackedParts().count == 1)
    }

    /// An ordinary grid, a one-row grid, a full-width title row over a
    /// table and a full-width note row under it are not split.
    @Test func tablesOfOnePieceStayWhole() throws {
        let plain = try Self.grid(Synthetic.gridRulings(xs: [0, 100, 200, 300], ys: [0, 20, 40, 60]))
        #expect(plain.stackedParts() == [plain])
        let oneRow = try Self.grid(Synthetic.gridRulings(xs: [0, 100, 200, 300], ys: [0, 20]))
        #expect(oneRow.stackedParts() == [oneRow])
        // 派員出國計畫 over its columns, inside the frame.
        let titled = try Self.grid(Self.rulings(ys: [0, 20, 40, 60], interior: [(100, 20, 60), (300, 20, 60)]))
        #expect(titled.stackedParts() == [titled])
        // 附註 across the bottom.
        let noted = try Self.grid(Self.rulings(ys: [0, 20, 40, 60], interior: [(100, 0, 40), (300, 0, 40)]))
        #expect(noted.stackedParts() == [noted])
    }
}
