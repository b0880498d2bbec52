import GazetteNormalise
import GazetteRead

/// Splits the tall, unruled body of a table into rows. Many budget books
/// and handbooks draw only the column rules (and the header's): the body is
/// one grid row holding every entry. A row starts where entries start:
/// after a blank gap when the table separates entries by blank lines, or,
/// in tightly set tables, at a line that is not a wrapped continuation of
/// the line above in the same cell.
enum RowSplitter {
    /// A text line inside one column of the region.
    struct ColumnLine {
        var column: Int
        var top: Double
        var bottom: Double
        var x0: Double
        var x1: Double
        var firstTokenWidth: Double
        var glyphs: [Int]
        var mid: Double { (top + bottom) / 2 }
    }

    /// Whether grid row `row` should be split: it is the body of a table
    /// that has no rules between its entries.
    static func shouldSplit(grid: TableGrid, row: Int, lineCount: Int, typicalLineHeight: Double) -> Bool {
        let height = grid.ys[row + 1] - grid.ys[row]
        guard lineCount >= 2, typicalLineHeight > 0, height > 2.6 * typicalLineHeight else { return false }
        // The row is the table's body (most of its height), not one wrapped
        // row among many ruled ones.
        return height > 0.45 * grid.box.height
    }

    /// Splits grid row `row`: returns the y boundaries of the new rows
    /// (including the region's top and bottom), or nil when the region holds
    /// one entry only.
    static func boundaries(grid: TableGrid, row: Int, glyphs: [Glyph], members: [[Int]]) -> [Double]? {
        let top = grid.ys[row], bottom = grid.ys[row + 1]
        // Lines per column (columns of the cells that lie in this row only).
        var lines: [ColumnLine] = []
        for (index, cell) in grid.cells.enumerated() where cell.row == row && cell.rowSpan == 1 {
            lines += columnLines(members[index], column: cell.col, glyphs: glyphs)
        }
        guard lines.count >= 2 else { return nil }
        let heights = lines.map { $0.bottom - $0.top }.sorted()
        let lineHeight = heights[heights.count / 2]
        guard shouldSplit(grid: grid, row: row, lineCount: lines.count, typicalLineHeight: lineHeight) else { return nil }

        // Slots: lines of all columns clustered by their vertical middle.
        let byMid = lines.indices.sorted { lines[$0].mid < lines[$1].mid }
        var slots: [[Int]] = []
        var slotMid = 0.0
        for i in byMid {
            if !slots.isEmpty && abs(lines[i].mid - slotMid) < 0.5 * lineHeight {
                slots[slots.count - 1].append(i)
            } else {
                slots.append([i])
                slotMid = lines[i].mid
            }
        }
        guard slots.count >= 2 else { return nil }
        let slotTop = slots.map { s in s.map { lines[$0].top }.min()! }
        let slotBottom = slots.map { s in s.map { lines[$0].bottom }.max()! }

        // Pitches between consecutive slots; a gap much wider than the usual
        // pitch is a blank line between entries.
        var gaps: [Double] = []
        for k in 1..<slots.count { gaps.append(slotTop[k] - slotBottom[k - 1]) }
        // Overlapping neighbours (lines of two columns set a little apart)
        // give negative gaps; the median is the usual leading.
        let sortedGaps = gaps.sorted()
        let usualGap = max(0, sortedGaps[sortedGaps.count / 2])
        let blank = usualGap + max(0.25 * lineHeight, 2.5)
        let hasBlankLines = gaps.contains { $0 > blank }

        // An entry starts in the table's first column, or in at least two
        // columns at once; a slot with text in one other column only is a
        // paragraph of that cell (e.g. the rest of a row broken by a page).
        let keyColumn = 0
        func startsEntry(_ slot: [Int]) -> Bool {
            let columns = Set(slot.map { lines[$0].column })
            return columns.contains(keyColumn) || columns.count >= 2
        }
        // Tight setting: a slot starts an entry unless a line in it
        // continues a wrapped line of its column (a cell's text runs on
        // there, so the entry does too).
        var lastLineOfColumn: [Int: ColumnLine] = [:]
        for i in slots[0] { lastLineOfColumn[lines[i].column] = lines[i] }
        // Where a full line of each left-aligned column ends: the cell's
        // right edge less the padding its text keeps on the left. A
        // column whose text stands away from its left edge (numbers set
        // to the right, centred labels) gives no evidence of wrapping.
        var leftmost: [Int: Double] = [:]
        for line in lines { leftmost[line.column] = min(leftmost[line.column] ?? .infinity, line.x0) }
        func fullLineLimit(_ column: Int) -> Double? {
            let cellLeft = grid.xs[column]
            let cellRight = grid.xs[cellRightEdge(grid: grid, row: row, column: column)]
            let padding = leftmost[column]! - cellLeft
            guard padding <= max(6, 0.2 * (cellRight - cellLeft)) else { return nil }
            return cellRight - padding - 1.0
        }
        var continues = Array(repeating: false, count: slots.count)
        var tight = [0]
        for k in 1..<slots.count {
            var continuation = false
            for i in slots[k] {
                let line = lines[i]
                guard let previous = lastLineOfColumn[line.column], let limit = fullLineLimit(line.column),
                      mayWrap(previous, glyphs: glyphs) else { continue }
                if previous.x1 + line.firstTokenWidth > limit && abs(line.x0 - leftmost[line.column]!) < 2 {
                    continuation = true
                    break
                }
            }
            continues[k] = continuation
            if !continuation && startsEntry(slots[k]) { tight.append(k) }
            for i in slots[k] { lastLineOfColumn[lines[i].column] = lines[i] }
        }
        let firstLines = tight
        // A line just above an entry's first line, in a column that line
        // also fills, that continues nothing and starts nothing itself,
        // leads that entry when it sits closer to it than to the line above
        // (a budget line's code set just above its name: 監察院's budget
        // tables); when it sits closer to the line above, it ends the entry
        // above (台北市's: the name set just below the code). Where the two
        // gaps are alike (the line above is a wrapped name), the table's
        // other entries decide.
        func isLoneLine(_ j: Int, before k: Int) -> Bool {
            !continues[j] && !startsEntry(slots[j])
                && Set(slots[j].map { lines[$0].column }).isSubset(of: Set(slots[k].map { lines[$0].column }))
        }
        var forward = 0, backward = 0
        for n in 1..<tight.count {
            let k = tight[n]
            guard k >= 2, k - 1 > tight[n - 1], isLoneLine(k - 1, before: k) else { continue }
            if gaps[k - 2] > gaps[k - 1] + 1.0 { forward += 1 } else if gaps[k - 1] > gaps[k - 2] + 1.0 { backward += 1 }
        }
        let leadsByDefault = forward > backward
        for n in stride(from: tight.count - 1, through: 1, by: -1) {
            var k = tight[n]
            while k >= 2, k - 1 > tight[n - 1], isLoneLine(k - 1, before: tight[n]) {
                let before = gaps[k - 2], after = gaps[k - 1]
                let leads = before > after + 1.0 || (abs(before - after) <= 1.0 && leadsByDefault)
                guard leads else { break }
                k -= 1
            }
            tight[n] = k
        }

        // Entries separated by blank lines: a blank gap before a slot that
        // starts an entry (or leads one). Used when the blank lines are what
        // separate the entries: no line that clearly starts an entry (in
        // three columns or more) stands inside a blank-separated group
        // (rid-01: a pesticide's name over three lines, its other columns on
        // the first).
        var starts = tight
        if hasBlankLines {
            var blankStarts = [0]
            for k in 1..<slots.count where gaps[k - 1] > blank
                && (startsEntry(slots[k]) || tight.contains(k)) {
                blankStarts.append(k)
            }
            let strongInside = zip(tight, firstLines).dropFirst().contains { start, first in
                let columns = Set(slots[first].map { lines[$0].column })
                return !blankStarts.contains(start) && columns.count >= 3
            }
            if !strongInside { starts = blankStarts }
        }
        guard starts.count >= 2 else { return nil }
        var result = [top]
        for k in starts.dropFirst() {
            // Cut halfway between the previous slot's bottom and this slot's top.
            result.append((slotBottom[k - 1] + slotTop[k]) / 2)
        }
        result.append(bottom)
        return result
    }

    /// Whether a line can be the first part of a wrapped cell: a single
    /// glyph (an item number in a narrow column) or a number standing alone
    /// is a value of its own, not text cut by the cell's edge.
    static func mayWrap(_ line: ColumnLine, glyphs: [Glyph]) -> Bool {
        guard line.glyphs.count >= 2 else { return false }
        let text = line.glyphs.map { glyphs[$0].text }.joined()
        if text.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." || $0 == "-" || $0 == "%" }) { return false }
        // A letter-spaced label (合　　計 spread over the cell) is set to fill
        // the cell, not wrapped.
        let ordered = line.glyphs.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        for (a, b) in zip(ordered, ordered.dropFirst()) where glyphs[b].box.x0 - glyphs[a].box.x1 > 0.8 * glyphs[a].size {
            return false
        }
        return true
    }

    /// Index into `grid.xs` of the right edge of the cell holding `column` in `row`.
    static func cellRightEdge(grid: TableGrid, row: Int, column: Int) -> Int {
        if let cell = grid.cell(coveringRow: row, col: column) { return cell.col + cell.colSpan }
        return column + 1
    }

    /// Groups a cell's glyphs into lines, top to bottom.
    static func columnLines(_ indices: [Int], column: Int, glyphs: [Glyph]) -> [ColumnLine] {
        let sorted = indices.filter { !CharacterClass.isBlank(glyphs[$0].text) }
            .sorted { glyphs[$0].box.midY < glyphs[$1].box.midY }
        var result: [ColumnLine] = []
        for i in sorted {
            let b = glyphs[i].box
            if var last = result.last {
                let overlap = min(b.y1, last.bottom) - max(b.y0, last.top)
                if overlap > 0.5 * min(b.height, last.bottom - last.top) {
                    last.top = min(last.top, b.y0)
                    last.bottom = max(last.bottom, b.y1)
                    last.x0 = min(last.x0, b.x0)
                    last.x1 = max(last.x1, b.x1)
                    last.glyphs.append(i)
                    result[result.count - 1] = last
                    continue
                }
            }
            result.append(ColumnLine(column: column, top: b.y0, bottom: b.y1, x0: b.x0, x1: b.x1,
                                     firstTokenWidth: 0, glyphs: [i]))
        }
        for k in result.indices {
            let ordered = result[k].glyphs.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
            result[k].firstTokenWidth = firstTokenWidth(ordered, glyphs: glyphs)
        }
        return result
    }

    /// Width of the line's first unbreakable token: one CJK character, or a
    /// run of Latin letters, digits and punctuation up to a space.
    static func firstTokenWidth(_ ordered: [Int], glyphs: [Glyph]) -> Double {
        guard let first = ordered.first else { return 0 }
        let g0 = glyphs[first]
        if g0.text.unicodeScalars.first.map(CharacterClass.isWide) ?? true { return g0.box.width }
        var right = g0.box.x1
        var previous = g0
        for i in ordered.dropFirst() {
            let g = glyphs[i]
            if g.text.unicodeScalars.first.map(CharacterClass.isWide) ?? true { break }
            if g.box.x0 - previous.box.x1 > 0.25 * g.size { break }
            right = g.box.x1
            previous = g
        }
        return right - g0.box.x0
    }
}
