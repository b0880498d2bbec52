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
        split(grid: grid, row: row, glyphs: glyphs, members: members)?.cuts
    }

    /// A body row cut into entries: the boundaries, and whether they come
    /// from numbered entries (01, 02 … in the first column), the one sure
    /// sign, which the facing page of a spread can borrow.
    struct Split {
        var cuts: [Double]
        var numbered: Bool
    }

    /// As `boundaries`, saying how the entries were found.
    static func split(grid: TableGrid, row: Int, glyphs: [Glyph], members: [[Int]]) -> Split? {
        guard let body = Body(grid: grid, row: row, glyphs: glyphs, members: members) else { return nil }
        // Entries numbered 01, 02, 03 … in the first column start exactly
        // at their numbers, however their lines are spaced.
        if let numbered = body.numberedStarts() { return Split(cuts: body.cuts(at: numbered), numbered: true) }
        if body.isOneCentredEntry() { return nil }
        let continues = body.valuesStartEntries(body.continuations())
        let firstLines = body.entryStarts(continues: continues)
        let tight = body.leadingLoneLines(firstLines, continues: continues)
        let starts = body.joiningCentredFirstEntry(body.blankSeparatedStarts(tight: tight, firstLines: firstLines) ?? tight)
        guard starts.count >= 2 else { return nil }
        return Split(cuts: body.cuts(at: starts), numbered: false)
    }

    /// A ruled row of a table ruled between groups, not between entries,
    /// that holds one entry per line: every line after the first has
    /// values (codes, figures) in two columns or more right under values
    /// in the same columns (a 預算總目次's 冊 with its agencies' numbers,
    /// 030300351 板橋戶政事務所 | 030300352 三重戶政事務所). The row's cuts
    /// between its lines, or nil.
    static func valueLines(grid: TableGrid, row: Int, glyphs: [Glyph], members: [[Int]]) -> [Double]? {
        // Cheap first: a row lower than two lines of its tallest glyph holds one line.
        var tallest = 0.0
        for (index, cell) in grid.cells.enumerated() where cell.row == row && cell.rowSpan == 1 {
            for g in members[index] { tallest = max(tallest, glyphs[g].box.y1 - glyphs[g].box.y0) }
        }
        guard tallest > 0, grid.ys[row + 1] - grid.ys[row] >= 2 * tallest else { return nil }
        guard let body = Body(grid: grid, row: row, glyphs: glyphs, members: members, asBody: false),
              (1..<body.slots.count).allSatisfy({ body.repeatedValueColumns($0).count >= 2 })
        else { return nil }
        return body.cuts(at: Array(body.slots.indices))
    }

    /// Cuts borrowed from the facing page of a spread: the same entries at
    /// the same heights, where this page has no numbers of its own (the
    /// money columns of a 派員出國計畫預算類別表). Kept only where no text
    /// line of this row straddles a cut.
    static func borrowed(_ cuts: [Double], grid: TableGrid, row: Int, glyphs: [Glyph], members: [[Int]]) -> [Double]? {
        let top = grid.ys[row], bottom = grid.ys[row + 1]
        // The same body top; the bodies may end a little apart (the rules of
        // each page drawn to its own last line).
        guard abs((cuts.first ?? 0) - top) <= 3, cuts.count >= 3 else { return nil }
        var lines: [ColumnLine] = []
        for (index, cell) in grid.cells.enumerated() where cell.row == row && cell.rowSpan == 1 {
            lines += columnLines(members[index], column: cell.col, glyphs: glyphs)
        }
        let inner = cuts.dropFirst().dropLast().filter { $0 > top + 1 && $0 < bottom - 1 }
        guard !inner.isEmpty, !inner.contains(where: { cut in lines.contains { $0.top < cut - 0.5 && $0.bottom > cut + 0.5 } }) else { return nil }
        return [top] + inner + [bottom]
    }

    /// A body row to split: its lines in slots (the lines of all columns
    /// that stand side by side), and the gaps between the slots.
    struct Body {
        let grid: TableGrid
        let row: Int
        let glyphs: [Glyph]
        let lines: [ColumnLine]
        /// The median line height.
        let lineHeight: Double
        /// Indices into `lines`, clustered by their vertical middle, top to bottom.
        let slots: [[Int]]
        let slotTop: [Double]
        let slotBottom: [Double]
        /// `gaps[k - 1]`: the space between slot k - 1 and slot k. Lines of
        /// two columns set a little apart overlap: their gap is negative.
        let gaps: [Double]
        /// A gap wider than this is a blank line between entries: the usual
        /// leading (the median gap) and a quarter line more.
        let blank: Double
        /// The leftmost start of a line in each column.
        let leftmost: [Int: Double]
        /// Per line, whether it is a value (a figure, a single glyph: see
        /// `mayWrap`), which never wraps.
        let isValue: [Bool]

        /// Nil when the row is not a body to split (see `shouldSplit`) or
        /// its lines stand in one slot.
        init?(grid: TableGrid, row: Int, glyphs: [Glyph], members: [[Int]], asBody: Bool = true) {
            // Lines per column (columns of the cells that lie in this row only).
            var lines: [ColumnLine] = []
            for (index, cell) in grid.cells.enumerated() where cell.row == row && cell.rowSpan == 1 {
                lines += columnLines(members[index], column: cell.col, glyphs: glyphs)
            }
            guard lines.count >= 2 else { return nil }
            let heights = lines.map { $0.bottom - $0.top }.sorted()
            let lineHeight = heights[heights.count / 2]
            guard !asBody || shouldSplit(grid: grid, row: row, lineCount: lines.count, typicalLineHeight: lineHeight)
            else { return nil }
            let slots = Self.slots(lines, lineHeight: lineHeight)
            guard slots.count >= 2 else { return nil }
            let slotTop = slots.map { s in s.map { lines[$0].top }.min()! }
            let slotBottom = slots.map { s in s.map { lines[$0].bottom }.max()! }
            let gaps = (1..<slots.count).map { k in slotTop[k] - slotBottom[k - 1] }
            let sortedGaps = gaps.sorted()
            var leftmost: [Int: Double] = [:]
            for line in lines { leftmost[line.column] = min(leftmost[line.column] ?? .infinity, line.x0) }
            self.grid = grid
            self.row = row
            self.glyphs = glyphs
            self.lines = lines
            self.lineHeight = lineHeight
            self.slots = slots
            self.slotTop = slotTop
            self.slotBottom = slotBottom
            self.gaps = gaps
            self.blank = max(0, sortedGaps[sortedGaps.count / 2]) + max(0.25 * lineHeight, 2.5)
            self.leftmost = leftmost
            self.isValue = lines.map { !mayWrap($0, glyphs: glyphs) }
        }

        /// Lines of all columns clustered by their vertical middle: a line
        /// within half a line of a slot's first line joins that slot.
        static func slots(_ lines: [ColumnLine], lineHeight: Double) -> [[Int]] {
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
            return slots
        }

        /// Slots that start numbered entries: the first column's lines that
        /// begin with an item number (01 赴日本考察…, 2、辦理…), numbered one
        /// after another, at least two of them; nil when the first column
        /// is not numbered so. A first slot without a number is the rest of
        /// an entry from the page before.
        func numberedStarts() -> [Int]? {
            var found: [(slot: Int, number: Int)] = []
            for (k, slot) in slots.enumerated() {
                guard let i = slot.first(where: { lines[$0].column == 0 }) else { continue }
                if let n = RowSplitter.entryLabel(lines[i], glyphs: glyphs)?.item { found.append((k, n)) }
            }
            if found.count >= 2, zip(found, found.dropFirst()).allSatisfy({ $1.number == $0.number + 1 }) {
                let starts = found.map(\.slot)
                return starts.first == 0 ? starts : [0] + starts
            }
            // Articles (第三條 …, 第五條 …) in the first two columns of a
            // 條文對照表: numbered upwards, not one after another.
            var articles: [(slot: Int, number: Int)] = []
            for (k, slot) in slots.enumerated() {
                let numbers = slot.filter { lines[$0].column <= 1 }.compactMap { RowSplitter.entryLabel(lines[$0], glyphs: glyphs)?.article }
                if let n = numbers.first { articles.append((k, n)) }
            }
            guard articles.count >= 2, zip(articles, articles.dropFirst()).allSatisfy({ $1.number > $0.number }) else { return nil }
            let starts = articles.map(\.slot)
            return starts.first == 0 ? starts : [0] + starts
        }

        /// The columns slot `k` has text in.
        func columns(_ k: Int) -> Set<Int> { Set(slots[k].map { lines[$0].column }) }

        /// An entry starts in the table's first column, or in at least two
        /// columns at once; a slot with text in one other column only is a
        /// paragraph of that cell (e.g. the rest of a row broken by a page).
        func startsEntry(_ k: Int) -> Bool {
            let columns = columns(k)
            return columns.contains(0) || columns.count >= 2
        }

        /// Where a full line of a left-aligned column ends: the cell's right
        /// edge less the padding its text keeps on the left. A column whose
        /// text stands away from its left edge (numbers set to the right,
        /// centred labels) gives no evidence of wrapping (nil).
        func fullLineLimit(_ column: Int) -> Double? {
            let cellLeft = grid.xs[column]
            let cellRight = grid.xs[cellRightEdge(grid: grid, row: row, column: column)]
            let padding = leftmost[column]! - cellLeft
            guard padding <= max(6, 0.2 * (cellRight - cellLeft)) else { return nil }
            return cellRight - padding - 1.0
        }

        /// Per slot, whether a line in it continues a wrapped line of its
        /// column (a cell's text runs on there, so the entry does too): the
        /// line above filled its cell, so this line's first word did not
        /// fit on it, this line starts at the column's left edge, and it
        /// sits at the leading below that line, not a blank line or more
        /// below it.
        func continuations() -> [Bool] {
            var lastLineOfColumn: [Int: ColumnLine] = [:]
            for i in slots[0] { lastLineOfColumn[lines[i].column] = lines[i] }
            var continues = Array(repeating: false, count: slots.count)
            for k in 1..<slots.count {
                continues[k] = slots[k].contains { i in
                    let line = lines[i]
                    guard let previous = lastLineOfColumn[line.column], let limit = fullLineLimit(line.column),
                          mayWrap(previous, glyphs: glyphs) else { return false }
                    // A wrapped line follows at the leading: one after a blank
                    // gap in its column starts something new.
                    guard line.top - previous.bottom <= max(blank, lineHeight) else { return false }
                    return previous.x1 + line.firstTokenWidth > limit && abs(line.x0 - leftmost[line.column]!) < 2
                }
                for i in slots[k] { lastLineOfColumn[lines[i].column] = lines[i] }
            }
            return continues
        }

        /// The columns in which slot `k` and the slot above both hold a
        /// value: a line that cannot be wrapped text (a figure, a single
        /// glyph).
        func repeatedValueColumns(_ k: Int) -> Set<Int> {
            guard k > 0 else { return [] }
            let above = Set(slots[k - 1].filter { isValue[$0] }.map { lines[$0].column })
            return Set(slots[k].filter { isValue[$0] }.map { lines[$0].column }).intersection(above)
        }

        /// The columns in which slot `k` has a value under a value of the
        /// same column in an earlier slot (`previous`: the last line of each
        /// column so far, as an index into `lines`).
        func valueColumns(_ k: Int, previous: [Int: Int]) -> Set<Int> {
            Set(slots[k].filter { i in
                guard isValue[i], let above = previous[lines[i].column] else { return false }
                return isValue[above]
            }.map { lines[$0].column })
        }

        /// Figures do not wrap, so values start entries whatever the text
        /// columns do (one car per line of a 公務車輛明細表 whose 車輛種類 and
        /// 備註 (ATE-3973) fill their narrow cells): a slot with values in
        /// two columns or more right under values in the same columns; and,
        /// in a table whose entries print their figures on their first line
        /// (most entry starts hold values in two columns or more), any slot
        /// with values in two columns or more. An entry that centres its
        /// figures prints them on one line, between lines of its wrapped
        /// text, and keeps its continuations. And a slot whose first column
        /// starts again after a blank gap, with new values in two columns or
        /// more, starts an entry though a long cell beside it ran on to it
        /// (a 派員出國計畫's 計畫內容 reaching the next plan's line).
        func valuesStartEntries(_ continues: [Bool]) -> [Bool] {
            var previous: [Int: Int] = [:]
            var values: [Int] = []
            var firstColumnAfterGap: [Bool] = []
            for k in slots.indices {
                values.append(valueColumns(k, previous: previous).count)
                // The first column starts again a blank line or more below its last line.
                firstColumnAfterGap.append(slots[k].contains { i in
                    lines[i].column == 0 && previous[0].map { lines[i].top - lines[$0].bottom > max(blank, lineHeight) } ?? false
                })
                for i in slots[k] { previous[lines[i].column] = i }
            }
            let starts = (1..<slots.count).filter { !continues[$0] && startsEntry($0) }
            let topAligned = starts.count >= 2 && starts.filter { values[$0] >= 2 }.count * 10 >= starts.count * 6
            return continues.indices.map { k in
                continues[k] && repeatedValueColumns(k).count < 2 && !(topAligned && values[k] >= 2)
                    && !(firstColumnAfterGap[k] && values[k] >= 2)
            }
        }

        /// Tight setting: the first slot, and every slot that starts an
        /// entry and continues nothing.
        func entryStarts(continues: [Bool]) -> [Int] {
            [0] + (1..<slots.count).filter { !continues[$0] && startsEntry($0) }
        }

        /// Whether slot `j`, above the entry starting at slot `k`, is a lone
        /// line: it continues nothing, starts nothing, and has text only in
        /// columns that slot `k` fills.
        func isLoneLine(_ j: Int, before k: Int, continues: [Bool]) -> Bool {
            !continues[j] && !startsEntry(j) && columns(j).isSubset(of: columns(k))
        }

        /// The entry starts with the lone lines just above them moved to the
        /// entry they lead. A lone line leads the entry below when it sits
        /// closer to it than to the line above (a budget line's code set
        /// just above its name: 監察院's budget tables); when it sits closer
        /// to the line above, it ends the entry above (台北市's: the name set
        /// just below the code). Where the two gaps are alike (the line above
        /// is a wrapped name), the table's other entries decide.
        func leadingLoneLines(_ starts: [Int], continues: [Bool]) -> [Int] {
            var forward = 0, backward = 0
            for n in 1..<starts.count {
                let k = starts[n]
                guard k >= 2, k - 1 > starts[n - 1], isLoneLine(k - 1, before: k, continues: continues) else { continue }
                if gaps[k - 2] > gaps[k - 1] + 1.0 { forward += 1 } else if gaps[k - 1] > gaps[k - 2] + 1.0 { backward += 1 }
            }
            let leadsByDefault = forward > backward
            var led = starts
            for n in stride(from: starts.count - 1, through: 1, by: -1) {
                var k = starts[n]
                while k >= 2, k - 1 > starts[n - 1], isLoneLine(k - 1, before: starts[n], continues: continues) {
                    let before = gaps[k - 2], after = gaps[k - 1]
                    let leads = before > after + 1.0 || (abs(before - after) <= 1.0 && leadsByDefault)
                    guard leads else { break }
                    k -= 1
                }
                led[n] = k
            }
            return led
        }

        /// Entries separated by blank lines: the first slot, and a slot after
        /// a blank gap that starts an entry (or leads one). Nil unless the
        /// blank lines are what separate the entries: no line that clearly
        /// starts an entry (in three columns or more) stands inside a
        /// blank-separated group (rid-01: a pesticide's name over three
        /// lines, its other columns on the first).
        func blankSeparatedStarts(tight: [Int], firstLines: [Int]) -> [Int]? {
            guard gaps.contains(where: { $0 > blank }) else { return nil }
            var blankStarts = [0]
            for k in 1..<slots.count where gaps[k - 1] > blank && (startsEntry(k) || tight.contains(k)) {
                blankStarts.append(k)
            }
            let strongInside = zip(tight, firstLines).dropFirst().contains { start, first in
                !blankStarts.contains(start) && columns(first).count >= 3
            }
            return strongInside ? nil : blankStarts
        }

        /// Lines above the first line that holds the first column's text are
        /// the top of that entry when that line sits in the middle of them
        /// and the entry's other lines (cells centred vertically: a council
        /// list's 建乙69 beside the middle line of its 案由), not the rest of
        /// an entry from the page before.
        func joiningCentredFirstEntry(_ starts: [Int]) -> [Int] {
            guard starts.count >= 2, !columns(0).contains(0), columns(starts[1]).contains(0) else { return starts }
            let k = starts[1]
            guard gaps[k - 1] <= blank else { return starts }
            let end = starts.count > 2 ? starts[2] - 1 : slots.count - 1
            let middle = slots[k].filter { lines[$0].column == 0 }.map { (lines[$0].top + lines[$0].bottom) / 2 }.min()!
            let centre = (slotTop[0] + slotBottom[end]) / 2
            guard abs(middle - centre) <= 0.75 * lineHeight else { return starts }
            return [0] + starts.dropFirst(2)
        }

        /// Whether the row is one entry whose cells are centred vertically:
        /// in every column (two at least) the space above its lines is the
        /// space below them, and in one of three lines at most both are a
        /// line or more (a
        /// budget book's 歲出計畫說明提要 head: 業務計畫及工作計畫 / 名稱與編號
        /// and 承辦 / 單位 on two lines, 新北市政府人事處 on one, beside a
        /// plan's name of four lines). A body of entries starts its columns
        /// at the top and leaves the short ones open below.
        func isOneCentredEntry() -> Bool {
            var extent: [Int: (top: Double, bottom: Double, lines: Int)] = [:]
            for line in lines {
                let e = extent[line.column] ?? (line.top, line.bottom, 0)
                extent[line.column] = (min(e.top, line.top), max(e.bottom, line.bottom), e.lines + 1)
            }
            guard extent.count >= 2 else { return false }
            let tolerance = max(0.6 * lineHeight, 3)
            var clearly = false
            for e in extent.values {
                let above = e.top - grid.ys[row], below = grid.ys[row + 1] - e.bottom
                guard abs(above - below) <= tolerance else { return false }
                if e.lines <= 3 && min(above, below) >= lineHeight { clearly = true }
            }
            return clearly
        }

        /// The rows' boundaries for entries starting at `starts`: the row's
        /// top, a cut halfway between the previous slot's bottom and each
        /// start's top, and the row's bottom.
        func cuts(at starts: [Int]) -> [Double] {
            [grid.ys[row]] + starts.dropFirst().map { k in (slotBottom[k - 1] + slotTop[k]) / 2 } + [grid.ys[row + 1]]
        }
    }

    /// The entry label a line starts with (`EntryLabel`: 01 赴日本…, 3、辦理…,
    /// 第三條): its glyphs' text, with a space where a glyph stands apart
    /// from the one before it by more than a quarter of that one's size.
    static func entryLabel(_ line: ColumnLine, glyphs: [Glyph]) -> EntryLabel? {
        let ordered = line.glyphs.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        var text = ""
        var previous: Glyph?
        for i in ordered.prefix(16) {
            let g = glyphs[i]
            if let p = previous, g.box.x0 - p.box.x1 > 0.25 * p.size { text += " " }
            text += g.text
            previous = g
        }
        return EntryLabel.parse(text)
    }

    /// Whether a line can be the first part of a wrapped cell: a single
    /// glyph (an item number in a narrow column) or a number standing alone
    /// is a value of its own, not text cut by the cell's edge.
    static func mayWrap(_ line: ColumnLine, glyphs: [Glyph]) -> Bool {
        guard line.glyphs.count >= 2 else { return false }
        // A figure (1,234, 12.5%) or a product of figures (362×12) is a value.
        if line.glyphs.allSatisfy({ glyphs[$0].text.unicodeScalars.allSatisfy(isValueScalar) }) { return false }
        // A letter-spaced label (合　　計 spread over the cell) is set to fill
        // the cell, not wrapped.
        let ordered = line.glyphs.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        for (a, b) in zip(ordered, ordered.dropFirst()) where glyphs[b].box.x0 - glyphs[a].box.x1 > 0.8 * glyphs[a].size {
            return false
        }
        return true
    }

    /// A character of a figure or a product of figures: a digit or numeral
    /// of any script, `,.-%×xX*()`.
    static func isValueScalar(_ u: Unicode.Scalar) -> Bool {
        u.properties.numericType != nil || valueMarks.contains(u)
    }
    static let valueMarks = Set(",.-%×xX*()".unicodeScalars)

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
