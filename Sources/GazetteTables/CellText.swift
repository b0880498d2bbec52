import GazetteRead

/// Builds the text of table cells from glyph boxes (not from words: poppler
/// makes a whole CJK run one word): each glyph goes to the cell holding its
/// centre, a cell's glyphs are ordered into lines, and the lines are joined
/// with a space that the folding rules later drop between CJK characters.
public enum CellText {
    /// Text of each cell of `grid`, in the order of `grid.cells`, and the
    /// indices of the glyphs used (so the caller can keep them out of the
    /// running text).
    public static func texts(for grid: TableGrid, glyphs: [Glyph]) -> (texts: [String], used: [Int]) {
        let members = assign(grid: grid, glyphs: glyphs)
        return (members.map { text(of: $0, in: glyphs) }, members.flatMap { $0 })
    }

    /// The glyph indices of each cell of `grid` (in the order of `grid.cells`).
    public static func assign(grid: TableGrid, glyphs: [Glyph]) -> [[Int]] {
        let rows = grid.rowCount, cols = grid.columnCount
        var slotToCell = Array(repeating: -1, count: rows * cols)
        for (index, cell) in grid.cells.enumerated() {
            for r in cell.row..<(cell.row + cell.rowSpan) {
                for c in cell.col..<(cell.col + cell.colSpan) { slotToCell[r * cols + c] = index }
            }
        }
        var members = Array(repeating: [Int](), count: grid.cells.count)
        let box = grid.box
        for (i, g) in glyphs.enumerated() {
            let x = g.box.midX, y = g.box.midY
            guard box.contains(x: x, y: y), !isWatermark(g) else { continue }
            let c = slot(grid.xs, x), r = slot(grid.ys, y)
            guard c >= 0, c < cols, r >= 0, r < rows else { continue }
            let cell = slotToCell[r * cols + c]
            guard cell >= 0 else { continue }
            members[cell].append(i)
        }
        return members
    }

    /// Diagonal or faint oversized glyphs: stamps and watermarks drawn over
    /// tables (e.g. a TRIAL or 草案 stamp), never cell text.
    public static func isWatermark(_ g: Glyph) -> Bool {
        let a = abs(g.angle.truncatingRemainder(dividingBy: 90))
        let diagonal = a > 5 && a < 85
        return diagonal || (g.isFaint && g.size > 24)
    }

    /// Index of the slot holding `value` between ascending `bounds`, or -1.
    static func slot(_ bounds: [Double], _ value: Double) -> Int {
        guard let first = bounds.first, let last = bounds.last, value >= first, value <= last else { return -1 }
        return min(max(lowerBound(bounds, value) - 1, 0), bounds.count - 2)
    }

    /// Orders glyphs into lines (top to bottom, then left to right) and
    /// joins them: a space where the gap between glyphs is wide or the PDF
    /// drew a space, a space between lines.
    public static func text(of indices: [Int], in glyphs: [Glyph]) -> String {
        guard !indices.isEmpty else { return "" }
        let sorted = indices.sorted {
            let a = glyphs[$0].box, b = glyphs[$1].box
            return a.midY != b.midY ? a.midY < b.midY : a.x0 < b.x0
        }
        // Group into lines by vertical overlap with the line's running extent.
        var lines: [[Int]] = []
        var lineTop = 0.0, lineBottom = 0.0
        for i in sorted {
            let b = glyphs[i].box
            if let _ = lines.last {
                let overlap = min(b.y1, lineBottom) - max(b.y0, lineTop)
                let height = min(b.height, lineBottom - lineTop)
                if overlap > 0.5 * height {
                    lines[lines.count - 1].append(i)
                    lineTop = min(lineTop, b.y0)
                    lineBottom = max(lineBottom, b.y1)
                    continue
                }
            }
            lines.append([i])
            lineTop = b.y0
            lineBottom = b.y1
        }
        var out = ""
        for line in lines {
            let ordered = line.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
            var text = ""
            var pendingSpace = false
            var previous: Glyph?
            for i in ordered {
                let g = glyphs[i]
                if g.text.allSatisfy(\.isWhitespace) {
                    pendingSpace = true
                    continue
                }
                if let p = previous, g.box.x0 - p.box.x1 > 0.25 * max(p.size, g.size) {
                    pendingSpace = true
                }
                if pendingSpace && !text.isEmpty { text.append(" ") }
                pendingSpace = false
                text += g.text
                previous = g
            }
            out = joinLines(out, text)
        }
        return out
    }

    /// Joins a wrapped line to the text before it: a space only where a
    /// Latin word or number was wrapped at a word boundary (letters or
    /// digits on both sides); CJK text and breaks after "/" or "-" join
    /// without one.
    public static func joinLines(_ head: String, _ tail: String) -> String {
        guard let last = head.unicodeScalars.last, let first = tail.unicodeScalars.first else { return head + tail }
        func latin(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || s.properties.numericType != nil) }
        let closing: Set<Unicode.Scalar> = [")", ".", ",", ";", ":", "%"]
        if (latin(last) || closing.contains(last)) && latin(first) { return head + " " + tail }
        return head + tail
    }
}
