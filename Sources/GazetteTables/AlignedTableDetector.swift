import GazetteLayout
import GazetteNormalise
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
        let rows = Self.splitAtSharedStarts(
            rowsByNumber.keys.sorted().map { TextRow(segments: rowsByNumber[$0]!.sorted { $0.box.x0 < $1.box.x0 }) },
            glyphs: page.glyphs)
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

    /// Segments cut where a column pair repeats side by side (機關名稱 |
    /// 件數 | 機關名稱 | 件數): a figure and the next name set only a little
    /// apart (`8,356  都市發展局`) read as one segment. A segment is cut at a
    /// gap of half an em or more between a digit and a CJK character when
    /// the CJK text starts where the segments or cuts of two other rows
    /// start too (a column of names), the figure being all the segment holds
    /// before it and not the first of its row.
    static func splitAtSharedStarts(_ rows: [TextRow], glyphs: [Glyph]) -> [TextRow] {
        // Candidate cuts: (row, segment, glyph position, x of the part after it).
        var candidates: [(row: Int, segment: Int, at: Int, x: Double)] = []
        for (r, row) in rows.enumerated() {
            // The figure ends a column pair, so a name comes before it.
            for (k, segment) in row.segments.enumerated() where k > 0 && segment.glyphs.count >= 2 {
                let g = segment.glyphs
                for i in 1..<g.count {
                    // The part before the cut is the figure alone (8,356).
                    guard g[..<i].allSatisfy({ j in
                        glyphs[j].text.unicodeScalars.allSatisfy { CharacterClass.isDigit($0.value) || ",.".unicodeScalars.contains($0) }
                    }) else { break }
                    let a = glyphs[g[i - 1]], b = glyphs[g[i]]
                    guard let va = a.text.unicodeScalars.last?.value, let vb = b.text.unicodeScalars.first?.value,
                          CharacterClass.isDigit(va), CharacterClass.isWide(vb), !CharacterClass.isCJKPunctuation(vb),
                          b.box.x0 - a.box.x1 >= 0.5 * max(a.size, b.size) else { continue }
                    candidates.append((r, k, i, b.box.x0))
                }
            }
        }
        guard !candidates.isEmpty else { return rows }
        let starts = rows.flatMap { $0.segments.map(\.box.x0) }
        var out = rows
        // Cut from the right so that earlier positions stay valid.
        for c in candidates.sorted(by: { ($0.row, $0.segment, $0.at) > ($1.row, $1.segment, $1.at) }) {
            let shared = starts.filter { abs($0 - c.x) <= 2 }.count
                + candidates.filter { $0.row != c.row && abs($0.x - c.x) <= 2 }.count
            guard shared >= 2 else { continue }
            let segment = out[c.row].segments[c.segment]
            let (left, right) = (Array(segment.glyphs[..<c.at]), Array(segment.glyphs[c.at...]))
            func piece(_ indices: [Int]) -> TextLine {
                var line = segment
                line.glyphs = indices
                line.box = indices.dropFirst().reduce(glyphs[indices[0]].box) { $0.union(glyphs[$1].box) }
                line.text = CellText.text(of: indices, in: glyphs)
                return line
            }
            out[c.row].segments.replaceSubrange(c.segment...c.segment, with: [piece(left), piece(right)])
        }
        return out
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
    /// in the gutters (x ranges no row's text covers, whatever the
    /// alignment of the columns), and a row boundary before every entry.
    static func build(rows: [TextRow], page: Page, bounds: (top: Double, bottom: Double, left: Double, right: Double)?,
                      shape: PageTable.Shape) -> PageTable? {
        let segments = rows.flatMap(\.segments)
        let left = min(bounds?.left ?? .infinity, segments.map(\.box.x0).min()!) - 1
        let right = max(bounds?.right ?? -.infinity, segments.map(\.box.x1).max()!) + 1
        // Coverage of each point of the width by the rows' segments.
        let width = Int((right - left).rounded(.up)) + 1
        var coverage = Array(repeating: 0, count: width)
        for s in segments {
            let a = max(0, Int((s.box.x0 - left).rounded(.down))), b = min(width - 1, Int((s.box.x1 - left).rounded(.up)))
            if a <= b { for x in a...b { coverage[x] += 1 } }
        }
        // A gutter may be crossed by a few long cells (a title, a note).
        let tolerance = max(0, rows.count / 10)
        var xs = [left]
        var x = 0
        while x < width {
            guard coverage[x] <= tolerance else { x += 1; continue }
            var end = x
            while end + 1 < width && coverage[end + 1] <= tolerance { end += 1 }
            if x > 0 && end < width - 1 && end - x + 1 >= 4 {
                xs.append(left + Double(x + end) / 2)
            }
            x = end + 1
        }
        xs.append(right)
        guard xs.count >= 3 else { return nil }

        // Rows: an entry starts on a row where the first column has text;
        // the cut goes above that row, or higher when a cell of another
        // column began above it (cells set in the middle of their row) —
        // but never through a cell's wrapped lines.
        let firstColumnEnd = xs[1]
        func column(of s: TextLine) -> Int { max(0, lowerBound(xs, s.box.midX) - 1) }
        // A line continues the cell above it when that line was full (its
        // next word would not have fitted) and its own row starts no entry.
        func wraps(_ above: TextLine, _ below: TextLine, belowRow: TextRow) -> Bool {
            let c = column(of: above)
            guard column(of: below) == c else { return false }
            let others = belowRow.segments.filter { $0 != below }
            if c == 0 ? !others.isEmpty : belowRow.segments.contains(where: { column(of: $0) == 0 }) { return false }
            let reach = segments.filter { column(of: $0) == c }.map(\.box.x1).max()!
            let ordered = below.glyphs.sorted { page.glyphs[$0].box.x0 < page.glyphs[$1].box.x0 }
            return above.box.x1 + RowSplitter.firstTokenWidth(ordered, glyphs: page.glyphs) > reach + 1
        }
        // forbidden[k]: no cut between rows k-1 and k.
        var forbidden = Array(repeating: false, count: rows.count)
        for k in 1..<rows.count {
            for lower in rows[k].segments {
                // The nearest row above with text in the same column.
                for j in stride(from: k - 1, through: 0, by: -1) {
                    if let upper = rows[j].segments.first(where: { column(of: $0) == column(of: lower) }) {
                        if wraps(upper, lower, belowRow: rows[k]) { for m in (j + 1)...k { forbidden[m] = true } }
                        break
                    }
                }
            }
        }
        let entryRows = rows.indices.filter { k in rows[k].segments.contains { $0.box.x0 < firstColumnEnd } }
        var cuts: [Int] = []  // row index each entry starts at
        for (n, k) in entryRows.enumerated() {
            if n == 0 { cuts.append(0); continue }
            let previous = entryRows[n - 1]
            // The last allowed cut between the previous entry row and this one.
            var chosen: Int?
            for m in stride(from: k, to: previous, by: -1) where !forbidden[m] { chosen = m; break }
            if let chosen, chosen > cuts.last! { cuts.append(chosen) }
        }
        var ys: [Double] = []
        for (n, k) in cuts.enumerated() {
            ys.append(n == 0 ? rows[0].box.y0 - 1 : (rows[k - 1].box.y1 + rows[k].box.y0) / 2)
        }
        ys.append(rows.last!.box.y1 + 1)
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
        guard !isAnswerOptions(layouts.map(\.text)) else { return nil }
        return PageTable(page: page.number, shape: shape, grid: grid, cells: layouts)
    }

    /// A multiple-choice question's options set out in columns ((A) … (B) …
    /// / (C) … (D) …): the filled cells that start with an option marker
    /// start with the next letter of one lettered style, from A, or with the
    /// next of consecutive private-use characters (an exam font's own Ⓐ Ⓑ
    /// Ⓒ Ⓓ, U+E18C…U+E18F in 考選部 papers), two at least; every other
    /// filled cell is a sub- or superscript set on a line of its own (the
    /// i of ε, the 2 of e², three characters at most). Running text of an
    /// exam paper, not a table.
    static func isAnswerOptions(_ texts: [String]) -> Bool {
        let filled = texts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let letters: [OutlineStyle] = [.upperLatin, .parenUpperLatin, .lowerLatin, .parenLowerLatin]
        // The first option: a letter A, or a private-use character.
        guard let first = filled.first(where: { text in
            CharacterClass.evidence(CharacterClass.firstScalar(text)) == .privateUse
                || OutlineMarker.parse(text).map { letters.contains($0.marker.style) && $0.marker.number == 1 } == true
        }) else { return false }
        let scalar = CharacterClass.firstScalar(first)
        let privateUse = CharacterClass.evidence(scalar) == .privateUse
        let lettered = privateUse ? nil : OutlineMarker.parse(first)?.marker
        var next = 0
        for text in filled {
            let isNext = privateUse ? CharacterClass.firstScalar(text) == scalar + UInt32(next)
                : OutlineMarker.parse(text).map { $0.marker.style == lettered!.style && $0.marker.number == next + 1 } ?? false
            if isNext {
                next += 1
            } else if text.count > 3 {
                return false
            }
        }
        return next >= 2
    }
}
