import GazetteRead

/// One table as it stands on one page: its grid and cell texts. Tables that
/// run over pages are several PageTables joined later into one logical table.
public struct PageTable: Sendable, Hashable {
    /// How the table's structure was found.
    public enum Shape: String, Sendable, Hashable, Codable {
        /// Rows and columns from drawn borders.
        case ruled
        /// Columns from vertical rules, rows from where the first column starts an entry.
        case verticalRulesOnly
        /// Header rules only, rows and columns from alignment.
        case headerRulesOnly
        /// No rules: columns from whitespace alignment.
        case unruled
        /// A table of contents: entries and their page references (see `ContentsTable`).
        case contents
        /// `label：value` pairs in blocks (a 謄本): one row per block, one
        /// column per label (see `KeyValueForm`).
        case keyValue
    }

    public var page: Int
    public var shape: Shape
    public var grid: TableGrid
    /// Text and line geometry of each cell, in the order of `grid.cells`
    /// (raw text, not yet folded).
    public var cells: [CellLayout]
    /// Where the entries of an unruled body were cut when they are
    /// numbered (01, 02 …): the facing page of a spread cuts its rows there.
    public var numberedEntryCuts: [Double]?

    /// Text of each cell, in the order of `grid.cells`.
    public var texts: [String] { cells.map(\.text) }

    public init(page: Int, shape: Shape, grid: TableGrid, cells: [CellLayout]) {
        self.page = page
        self.shape = shape
        self.grid = grid
        self.cells = cells
    }

    /// The layout of the cell covering slot (row, col).
    public func cellLayout(row: Int, col: Int) -> CellLayout? {
        guard let index = grid.cells.firstIndex(where: {
            row >= $0.row && row < $0.row + $0.rowSpan && col >= $0.col && col < $0.col + $0.colSpan
        }) else { return nil }
        return cells[index]
    }

    public var box: Rect { grid.box }

    /// The table as a rectangular array: a merged cell's text in its first
    /// slot, "" in the slots it covers.
    public var matrix: [[String]] {
        var m = Array(repeating: Array(repeating: "", count: grid.columnCount), count: grid.rowCount)
        for (cell, text) in zip(grid.cells, texts) { m[cell.row][cell.col] = text }
        return m
    }
}

/// Finds ruled tables on a page from its rulings.
public enum RuledTableDetector {
    /// The ruled tables of `page`, top to bottom, with the indices of the
    /// glyphs that went into their cells.
    /// `facing`: the tables of the page before, whose numbered entries a
    /// spread's right page (the money columns, no numbers of its own) is
    /// cut by.
    public static func detect(on page: Page, facing: [PageTable] = []) -> (tables: [PageTable], usedGlyphs: Set<Int>) {
        let facingCuts = facing.compactMap(\.numberedEntryCuts)
        var network = RulingNetwork(rulings: TextDecoration.withoutDecorations(page.rulings, glyphs: page.glyphs))
        var tables: [PageTable] = []
        var used = Set<Int>()
        var components = network.components()
        var verticalOnly = Set<Int>()
        // Columns drawn with vertical rules only: three or more parallel rules
        // of the same extent get a virtual top and bottom border, so the
        // body between them becomes one grid row that the row splitter cuts
        // into entries.
        let lone = components.filter { $0.horizontals.isEmpty && $0.verticals.count == 1 }.map { $0.verticals[0] }
        var groups: [[Int]] = []
        for v in lone.sorted(by: { network.verticals[$0].position < network.verticals[$1].position }) {
            let seg = network.verticals[v]
            if let g = groups.indices.first(where: { k in
                let first = network.verticals[groups[k][0]]
                return abs(first.start - seg.start) < 4 && abs(first.end - seg.end) < 4 && seg.length > 40
            }) {
                groups[g].append(v)
            } else {
                groups.append([v])
            }
        }
        for group in groups where group.count >= 3 {
            let segs = group.map { network.verticals[$0] }
            let top = segs.map(\.start).min()!, bottom = segs.map(\.end).max()!
            let left = segs.map(\.position).min()!, right = segs.map(\.position).max()!
            let h0 = network.horizontals.count
            network.horizontals.append(RulingNetwork.Segment(position: top, start: left, end: right, thickness: 0))
            network.horizontals.append(RulingNetwork.Segment(position: bottom, start: left, end: right, thickness: 0))
            components.removeAll { $0.horizontals.isEmpty && $0.verticals.count == 1 && group.contains($0.verticals[0]) }
            components.append((horizontals: [h0, h0 + 1], verticals: group))
            verticalOnly.insert(components.count - 1)
        }
        for (componentIndex, component) in components.enumerated() {
            guard component.horizontals.count + component.verticals.count >= 4,
                  let wholeGrid = TableGrid(network: network, horizontals: component.horizontals, verticals: component.verticals)
            else { continue }
            for ruledGrid in wholeGrid.stackedParts() {
                // Tiny grids (a checkbox, a stamp frame) are not tables.
                guard ruledGrid.box.width > 30, ruledGrid.box.height > 12 else { continue }
                // Cell text once; again only when the body had to be split into rows.
                var (grid, (cells, glyphs)) = (ruledGrid, CellText.layouts(for: ruledGrid, glyphs: page.glyphs))
                var numberedCuts: [Double]?
                if let split = splitUnruledRows(ruledGrid, glyphs: page.glyphs, cells: cells, facing: facingCuts) {
                    grid = split.grid
                    numberedCuts = split.numberedCuts
                    (cells, glyphs) = CellText.layouts(for: split.grid, glyphs: page.glyphs)
                }
                // A grid with no text at all is a drawing, not a table.
                guard cells.contains(where: { !$0.text.isEmpty }) else { continue }
                var table = PageTable(page: page.number, shape: verticalOnly.contains(componentIndex) ? .verticalRulesOnly : .ruled,
                                      grid: grid, cells: cells)
                table.numberedEntryCuts = numberedCuts
                tables.append(table)
                used.formUnion(glyphs)
            }
        }
        tables.sort { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        return (tables, used)
    }

    /// Splits grid rows that hold several entries separated only by
    /// whitespace (see `RowSplitter`) into one grid row per entry.
    /// Nil when no row needs splitting; `cells` are the grid's cell layouts.
    static func splitUnruledRows(_ grid: TableGrid, glyphs: [Glyph], cells: [CellLayout], facing: [[Double]] = [])
        -> (grid: TableGrid, numberedCuts: [Double]?)? {
        // Only a table whose entries share one unruled body: when several
        // grid rows hold multi-line text, the rules do separate the entries.
        // (A multi-line header row does not count: the body's row is most of
        // the table's height.)
        var tallRows = Set<Int>()
        let total = grid.box.height
        for (cell, layout) in zip(grid.cells, cells) where cell.rowSpan == 1 && layout.lineCount >= 3
            && grid.ys[cell.row + 1] - grid.ys[cell.row] > 0.25 * total {
            tallRows.insert(cell.row)
        }
        // A spread's right page: the row its left page's numbered entries
        // cut, however few lines it holds.
        let facingRows = Set((0..<grid.rowCount).filter { r in
            facing.contains { cuts in
                abs((cuts.first ?? -99) - grid.ys[r]) <= 3 && cuts.contains { $0 > grid.ys[r] + 1 && $0 < grid.ys[r + 1] - 1 }
            }
        })
        // Otherwise (and in a row that is not the body) only rows that hold
        // one entry per line of values.
        let oneBody = tallRows.count == 1 || (tallRows.isEmpty && facingRows.count == 1)
        let members = CellText.assign(grid: grid, glyphs: glyphs)
        var newYs: [Double] = [grid.ys[0]]
        var rowMap: [Int] = []  // old row -> first new row
        var rowCounts: [Int] = []
        var numberedCuts: [Double]?
        for r in 0..<grid.rowCount {
            rowMap.append(newYs.count - 1)
            let own = (oneBody ? RowSplitter.split(grid: grid, row: r, glyphs: glyphs, members: members) : nil)
                ?? RowSplitter.valueLines(grid: grid, row: r, glyphs: glyphs, members: members).map { RowSplitter.Split(cuts: $0, numbered: false) }
            let borrowed = !oneBody || own?.numbered == true ? nil : facing.lazy.compactMap {
                RowSplitter.borrowed($0, grid: grid, row: r, glyphs: glyphs, members: members)
            }.first
            if own?.numbered == true { numberedCuts = own?.cuts }
            if let cuts = borrowed ?? own?.cuts {
                newYs += cuts.dropFirst()
                rowCounts.append(cuts.count - 1)
            } else {
                newYs.append(grid.ys[r + 1])
                rowCounts.append(1)
            }
        }
        guard rowCounts.contains(where: { $0 > 1 }) else { return nil }
        var cells: [TableGrid.GridCell] = []
        for cell in grid.cells {
            let firstNew = rowMap[cell.row]
            let lastOld = cell.row + cell.rowSpan - 1
            let lastNew = rowMap[lastOld] + rowCounts[lastOld] - 1
            if cell.rowSpan == 1 && rowCounts[cell.row] > 1 {
                // A cell of a split row becomes one cell per new row.
                for k in 0..<rowCounts[cell.row] {
                    let r = firstNew + k
                    cells.append(TableGrid.GridCell(
                        row: r, col: cell.col, rowSpan: 1, colSpan: cell.colSpan,
                        box: Rect(x0: cell.box.x0, y0: newYs[r], x1: cell.box.x1, y1: newYs[r + 1])))
                }
            } else {
                var c = cell
                c.row = firstNew
                c.rowSpan = lastNew - firstNew + 1
                cells.append(c)
            }
        }
        cells.sort { ($0.row, $0.col) < ($1.row, $1.col) }
        return (TableGrid(xs: grid.xs, ys: newYs, cells: cells), numberedCuts)
    }
}
