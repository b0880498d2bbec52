import GazetteLayout
import GazetteNormalise
import GazetteRead

/// A table of contents as a table: one row per entry (its title and its
/// page reference as printed: `郭裕信 | 1`, `一、預算總說明 | 第1頁`), the
/// headings between the entries as rows without a reference (`第1屆桃園市
/// 議員補選 | ""`), in reading order (a contents page set in two columns
/// gives its left column first). The layout stage finds the entries by
/// their dot leaders; their lines become the table's, so they are neither
/// running text nor cut into columns by the aligned-table detector.
enum ContentsTable {
    /// A row: the entry's title (or a heading), its reference as printed
    /// ("" for a heading), and the layout lines it came from.
    typealias Row = (title: String, reference: String, lines: [Int])

    /// The contents table of a page, and the glyphs it took; nil on a page
    /// with fewer than three entries.
    static func table(layout: PageLayout, page: Page, taken: Set<Int>) -> (table: PageTable, glyphs: Set<Int>)? {
        let entries = layout.blocks.indices.filter { layout.blocks[$0].kind == .contents }
        guard entries.count >= 3, let first = entries.first, let last = entries.last else { return nil }
        // Headings among the entries, and just above the first one below the
        // contents' own title (目次, 本期目次).
        var start = first
        while start > 0, isHeading(layout.blocks[start - 1]), !ContentsEntry.isTitle(layout.blocks[start - 1].text) { start -= 1 }
        if start < first, !(0..<start).contains(where: { ContentsEntry.isTitle(layout.blocks[$0].text) }) { start = first }
        var unmatched = layout.contents
        var rows: [Row] = []
        for b in start...last {
            let block = layout.blocks[b]
            guard !block.lines.contains(where: { layout.lines[$0].glyphs.contains(where: taken.contains) }) else { continue }
            if block.kind == .contents {
                let text = CharacterClass.removingSpaces(block.text)
                let index = unmatched.firstIndex { text.hasPrefix(CharacterClass.removingSpaces($0.title)) } ?? 0
                guard index < unmatched.count else { continue }
                let entry = unmatched.remove(at: index)
                rows.append((entry.title, entry.pageLabel, block.lines))
            } else if isHeading(block) {
                rows.append((block.text, "", block.lines))
            }
        }
        guard rows.count >= 3 else { return nil }
        // A contents page set in two columns: the left column, then the right.
        let extentLeft = rows.flatMap { $0.lines.map { layout.lines[$0].box.x0 } }.min()!
        let extentRight = rows.flatMap { $0.lines.map { layout.lines[$0].box.x1 } }.max()!
        let middle = extentLeft + 0.45 * (extentRight - extentLeft)
        func x0(_ row: Row) -> Double {
            row.lines.map { layout.lines[$0].box.x0 }.min() ?? 0
        }
        func y0(_ row: Row) -> Double {
            row.lines.map { layout.lines[$0].box.y0 }.min() ?? 0
        }
        let rightColumn = rows.filter { x0($0) >= middle }.count
        if rightColumn * 10 >= rows.count * 3 {
            rows = rows.enumerated().sorted { a, b in
                let ca = x0(a.element) >= middle, cb = x0(b.element) >= middle
                if ca != cb { return !ca }
                return (y0(a.element), a.offset) < (y0(b.element), b.offset)
            }.map(\.element)
        }
        // A virtual grid: the entries' extent, one slot per row in order.
        let boxes = rows.flatMap { $0.lines.map { layout.lines[$0].box } }
        let left = boxes.map(\.x0).min()!, right = boxes.map(\.x1).max()!
        let top = boxes.map(\.y0).min()!, bottom = boxes.map(\.y1).max()!
        let split = left + 0.85 * (right - left)
        let step = (bottom - top) / Double(rows.count)
        let ys = (0...rows.count).map { top + Double($0) * step }
        var cells: [TableGrid.GridCell] = []
        var layouts: [CellLayout] = []
        var glyphs = Set<Int>()
        for (r, row) in rows.enumerated() {
            for (c, text) in [row.title, row.reference].enumerated() {
                cells.append(TableGrid.GridCell(row: r, col: c, rowSpan: 1, colSpan: 1,
                                                box: Rect(x0: c == 0 ? left : split, y0: ys[r], x1: c == 0 ? split : right, y1: ys[r + 1])))
                var cell = CellLayout()
                cell.text = text
                cell.lineCount = text.isEmpty ? 0 : 1
                layouts.append(cell)
            }
            for line in row.lines { glyphs.formUnion(layout.lines[line].glyphs) }
        }
        let grid = TableGrid(xs: [left, split, right], ys: ys, cells: cells)
        return (PageTable(page: page.number, shape: .contents, grid: grid, cells: layouts), glyphs)
    }

    /// A short line between contents entries: a part's or a chapter's name.
    static func isHeading(_ block: TextBlock) -> Bool {
        block.kind != .contents && block.text.count <= 40 && !block.text.includes("。") && block.lines.count <= 2
    }
}
