import GazetteLayout
import GazetteRead

/// Finds tables drawn without a full grid: columns set apart by whitespace
/// (no rules at all), or framed by horizontal rules only (top, under the
/// header, bottom). Columns come from where the segments of successive
/// lines start; a row starts where the first column starts a new entry, so
/// a cell's wrapped lines stay in one row.
///
/// Prose is told apart by its shape: prose lines are single long segments,
/// table rows are several short segments aligned with the rows around them.
public enum AlignedTableDetector {
    /// The tables of `layout` that are not ruled tables already (their
    /// glyphs are in `taken`).
    public static func detect(layout: PageLayout, page: Page, taken: Set<Int>) -> (tables: [PageTable], usedGlyphs: Set<Int>) {
        let furniture = Set(layout.furniture.map(\.line))
        // Horizontal text lines outside ruled tables, grouped into visual rows.
        var rowsByNumber: [Int: [TextLine]] = [:]
        for (index, line) in layout.lines.enumerated()
        where line.direction == .horizontal && !furniture.contains(index) && !line.isFaint
            && !line.glyphs.contains(where: taken.contains) && !line.glyphs.isEmpty {
            rowsByNumber[line.row, default: []].append(line)
        }
        let rows = rowsByNumber.keys.sorted().map { TextRow(segments: rowsByNumber[$0]!.sorted { $0.box.x0 < $1.box.x0 }) }
        guard rows.count >= 2 else { return ([], []) }

        var tables: [PageTable] = []
        var used = Set<Int>()  // row indices already in a table
        // 1. Tables framed by horizontal rules only.
        for band in ruleBands(page: page) {
            let inside = rows.indices.filter { !used.contains($0) && rows[$0].box.midY > band.top && rows[$0].box.midY < band.bottom }
            guard inside.count >= 2 else { continue }
            if let table = build(rows: inside.map { rows[$0] }, page: page, bounds: band, shape: .headerRulesOnly) {
                tables.append(table)
                used.formUnion(inside)
            }
        }
        // 2. Tables with no rules: runs of rows of several aligned segments.
        var i = 0
        while i < rows.count {
            guard !used.contains(i), rows[i].segments.count >= 2, !rows[i].isProse else { i += 1; continue }
            // Grow the run: multi-segment rows, and single segments that sit
            // in a column of the run (a wrapped cell), with no wide gap.
            var run = [i]
            var j = i + 1
            while j < rows.count, !used.contains(j) {
                let previous = rows[run.last!]
                let gap = rows[j].box.y0 - previous.box.y1
                let height = max(previous.box.height, rows[j].box.height)
                guard gap < 1.6 * height, !rows[j].isProse else { break }
                if rows[j].segments.count >= 2 {
                    run.append(j)
                } else if let only = rows[j].segments.first,
                          run.contains(where: { r in rows[r].segments.dropFirst().contains { abs($0.box.x0 - only.box.x0) < 3 } }) {
                    run.append(j)
                } else {
                    break
                }
                j += 1
            }
            let multi = run.filter { rows[$0].segments.count >= 2 }
            if multi.count >= 2, let table = build(rows: run.map { rows[$0] }, page: page, bounds: nil, shape: .unruled) {
                tables.append(table)
                used.formUnion(run)
                i = j
            } else {
                i += 1
            }
        }
        var glyphs = Set<Int>()
        for table in tables { glyphs.formUnion(CellText.assign(grid: table.grid, glyphs: page.glyphs).joined()) }
        return (tables.sorted { $0.box.y0 < $1.box.y0 }, glyphs)
    }

    /// A visual row: the segments of one baseline, left to right.
    struct TextRow {
        var segments: [TextLine]
        var box: Rect { segments.dropFirst().reduce(segments[0].box) { $0.union($1.box) } }
        /// One long segment of running text (a sentence), not a table row.
        var isProse: Bool {
            segments.count == 1 && segments[0].text.count > 40
                || segments.contains { $0.text.count > 60 }
        }
    }

    /// Vertical bands between the top and bottom of groups of two or more
    /// long horizontal rules of the same extent, with no vertical rule
    /// touching them (a header-rules-only table).
    static func ruleBands(page: Page) -> [(top: Double, bottom: Double, left: Double, right: Double)] {
        let network = RulingNetwork(rulings: page.rulings)
        let long = network.horizontals.filter { $0.length > 100 }.sorted { $0.position < $1.position }
        var bands: [(top: Double, bottom: Double, left: Double, right: Double)] = []
        var k = 0
        while k < long.count {
            var group = [long[k]]
            var m = k + 1
            while m < long.count, abs(long[m].start - long[k].start) < 4, abs(long[m].end - long[k].end) < 4,
                  long[m].position - group.last!.position < 300 {
                group.append(long[m])
                m += 1
            }
            let top = group.first!.position, bottom = group.last!.position
            let crossed = network.verticals.contains {
                $0.position > long[k].start - 3 && $0.position < long[k].end + 3 && $0.end > top - 2 && $0.start < bottom + 2
            }
            if group.count >= 2 && !crossed && bottom - top > 20 {
                bands.append((top, bottom, long[k].start, long[k].end))
            }
            k = m
        }
        return bands
    }

    /// Builds the grid of an aligned table from its rows: column boundaries
    /// between clusters of segment starts, a row boundary above every row
    /// whose first column starts an entry.
    static func build(rows: [TextRow], page: Page, bounds: (top: Double, bottom: Double, left: Double, right: Double)?,
                      shape: PageTable.Shape) -> PageTable? {
        // Column starts: cluster the left edges of all segments.
        let starts = rows.flatMap { $0.segments.map(\.box.x0) }.sorted()
        var clusters: [[Double]] = []
        for x in starts {
            if let last = clusters.last?.last, x - last < 6 { clusters[clusters.count - 1].append(x) } else { clusters.append([x]) }
        }
        let multiRows = rows.filter { $0.segments.count >= 2 }.count
        // A column is a start shared by enough rows.
        let columnStarts = clusters.filter { $0.count >= max(2, multiRows / 3) }.map { $0.min()! }
        guard columnStarts.count >= 2 else { return nil }
        // Every segment must begin at a column start (else the alignment is accidental).
        let misaligned = rows.flatMap(\.segments).filter { s in !columnStarts.contains { abs($0 - s.box.x0) < 6 } }.count
        guard misaligned * 5 <= rows.flatMap(\.segments).count else { return nil }

        let left = min(bounds?.left ?? .infinity, rows.map(\.box.x0).min()!) - 1
        let right = max(bounds?.right ?? -.infinity, rows.map(\.box.x1).max()!) + 1
        var xs = [left]
        for k in 1..<columnStarts.count {
            // Between the end of the text of column k-1 and the start of column k.
            let previousEnds = rows.flatMap(\.segments).filter { s in
                s.box.x0 >= columnStarts[k - 1] - 6 && s.box.x0 < columnStarts[k] - 6
            }.map(\.box.x1)
            let end = previousEnds.filter { $0 < columnStarts[k] }.max() ?? columnStarts[k] - 2
            xs.append((end + columnStarts[k]) / 2)
        }
        xs.append(right)

        // Rows: an entry starts where the first column has text.
        let firstColumnEnd = xs[1]
        var ys: [Double] = []
        var previousBottom: Double?
        for row in rows {
            let startsEntry = row.segments.contains { $0.box.x0 < firstColumnEnd }
            if startsEntry || ys.isEmpty {
                let cut = previousBottom.map { ($0 + row.box.y0) / 2 } ?? (row.box.y0 - 1)
                ys.append(cut)
            }
            previousBottom = row.box.y1
        }
        ys.append((previousBottom ?? 0) + 1)
        if let bounds {
            ys[0] = min(ys[0], bounds.top)
            ys[ys.count - 1] = max(ys[ys.count - 1], bounds.bottom)
        }
        guard ys.count >= 3 else { return nil }
        var cells: [TableGrid.GridCell] = []
        for r in 0..<(ys.count - 1) {
            for c in 0..<(xs.count - 1) {
                cells.append(TableGrid.GridCell(row: r, col: c, rowSpan: 1, colSpan: 1,
                                                box: Rect(x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1])))
            }
        }
        let grid = TableGrid(xs: xs, ys: ys, cells: cells)
        let (layouts, _) = CellText.layouts(for: grid, glyphs: page.glyphs)
        // A table has text in more than one column of most rows.
        let filledRows = (0..<grid.rowCount).filter { r in
            (0..<grid.columnCount).filter { c in !layouts[r * grid.columnCount + c].text.isEmpty }.count >= 2
        }.count
        guard filledRows * 2 >= grid.rowCount else { return nil }
        return PageTable(page: page.number, shape: shape, grid: grid, cells: layouts)
    }
}
