import GazetteNormalise
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

    /// Text and line geometry of each cell of `grid`, and the glyphs used.
    public static func layouts(for grid: TableGrid, glyphs: [Glyph]) -> (layouts: [CellLayout], used: [Int]) {
        let members = assign(grid: grid, glyphs: glyphs)
        let layouts = zip(grid.cells, members).map { cell, indices in
            var l = layout(of: indices, in: glyphs)
            if l.lineCount > 0 { l.innerRight = cell.box.x1 - max(0, l.minLineLeft - cell.box.x0) }
            return l
        }
        return (layouts, members.flatMap { $0 })
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
        // Through a buffer pointer: reading a glyph's box does not retain its text.
        glyphs.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                let x = buffer[i].box.midX, y = buffer[i].box.midY
                guard box.contains(x: x, y: y), !isWatermark(buffer[i]) else { continue }
                let c = slot(grid.xs, x), r = slot(grid.ys, y)
                guard c >= 0, c < cols, r >= 0, r < rows else { continue }
                let cell = slotToCell[r * cols + c]
                guard cell >= 0 else { continue }
                members[cell].append(i)
            }
        }
        return members
    }

    /// Diagonal or faint oversized glyphs: stamps and watermarks drawn over
    /// tables (e.g. a TRIAL or 草案 stamp), never cell text.
    public static func isWatermark(_ g: Glyph) -> Bool {
        let a = abs(g.angle.truncatingRemainder(dividingBy: 90))
        let diagonal = a > 5 && a < 85
        return diagonal || (g.size > 24 && g.isFaint)
    }

    /// Index of the slot holding `value` between ascending `bounds`, or -1.
    static func slot(_ bounds: [Double], _ value: Double) -> Int {
        guard let first = bounds.first, let last = bounds.last, value >= first, value <= last else { return -1 }
        return min(max(lowerBound(bounds, value) - 1, 0), bounds.count - 2)
    }

    /// Orders glyphs into lines (top to bottom, then left to right) and
    /// joins them: a space where the gap between glyphs is wide or the PDF
    /// drew a space, and between lines as `joinLines` says.
    public static func text(of indices: [Int], in glyphs: [Glyph]) -> String {
        layout(of: indices, in: glyphs).text
    }

    /// A cell's text with the geometry of its first and last lines, which
    /// tells whether its text ran on past a page break.
    public static func layout(of indices: [Int], in glyphs: [Glyph]) -> CellLayout {
        guard !indices.isEmpty else { return CellLayout() }
        // Each glyph's box read once; sorted top to bottom, then left to right.
        let items = indices.map { (index: $0, box: glyphs[$0].box) }.sorted { a, b in
            a.box.midY != b.box.midY ? a.box.midY < b.box.midY : a.box.x0 < b.box.x0
        }
        // Group into lines by vertical overlap with the line's running extent.
        var lines: [[(index: Int, box: Rect)]] = []
        var lineTop = 0.0, lineBottom = 0.0
        for item in items {
            let b = item.box
            if !lines.isEmpty {
                let overlap = min(b.y1, lineBottom) - max(b.y0, lineTop)
                let height = min(b.height, lineBottom - lineTop)
                if overlap > 0.5 * height {
                    lines[lines.count - 1].append(item)
                    lineTop = min(lineTop, b.y0)
                    lineBottom = max(lineBottom, b.y1)
                    continue
                }
            }
            lines.append([item])
            lineTop = b.y0
            lineBottom = b.y1
        }
        var texts: [String] = []
        var result = CellLayout()
        for (n, line) in lines.enumerated() {
            let ordered = line.sorted { $0.box.x0 < $1.box.x0 }
            let pairStarts = keyValueStarts(ordered.map(\.index), glyphs: glyphs)
            var text = ""
            var pendingSpace = false
            var previous: (box: Rect, size: Double)?
            var right = -Double.infinity
            var visible: [Int] = []
            var bottom = -Double.infinity
            for item in ordered {
                let g = glyphs[item.index]
                if CharacterClass.isBlank(g.text) {
                    pendingSpace = true
                    continue
                }
                if let p = previous, g.box.x0 - p.box.x1 > 0.25 * max(p.size, g.size) {
                    pendingSpace = true
                }
                if pairStarts.contains(item.index) && !text.isEmpty {
                    text.append(Self.pairSeparator)
                } else if pendingSpace && !text.isEmpty {
                    text.append(" ")
                }
                pendingSpace = false
                text += g.text
                previous = (g.box, g.size)
                right = max(right, g.box.x1)
                bottom = max(bottom, g.box.y1)
                visible.append(item.index)
            }
            guard !text.isEmpty else { continue }
            if texts.isEmpty { result.firstTokenWidth = RowSplitter.firstTokenWidth(visible, glyphs: glyphs) }
            result.lastLineRight = right
            result.maxLineRight = max(result.maxLineRight, right)
            if let first = visible.first { result.minLineLeft = min(result.minLineLeft, glyphs[first].box.x0) }
            result.lastLineBottom = max(result.lastLineBottom, bottom)
            result.lineCount = n + 1
            texts.append(text)
        }
        result.text = joinKeyValueLines(texts)
        return result
    }

    /// Set between two `label：value` pairs printed side by side on one line
    /// of a cell (登記日期：民國105年03月08日      登記原因：分割), where the
    /// text alone cannot tell where a value ends and the next label begins.
    /// It never leaves the tables stage: `TableAssembler` reads key–value
    /// forms by it and turns it back into a space everywhere else.
    public static let pairSeparator = "\u{1F}"

    /// The glyphs of a line that start a `label：value` pair after another
    /// pair on the same line: a wide gap (over one em) before a label that
    /// ends in a colon, the pair before it having its own colon. A label
    /// set with letter spacing (地　目：建) starts at its first character.
    static func keyValueStarts(_ indices: [Int], glyphs: [Glyph]) -> Set<Int> {
        // Segments: runs of glyphs without a gap wider than one em.
        var segments: [[Int]] = []
        var previous: Glyph?
        for i in indices {
            let g = glyphs[i]
            if CharacterClass.isBlank(g.text) { continue }
            if segments.isEmpty || previous.map({ g.box.x0 - $0.box.x1 > max($0.size, g.size) }) == true {
                segments.append([i])
            } else {
                segments[segments.count - 1].append(i)
            }
            previous = g
        }
        guard segments.count >= 2 else { return [] }
        let texts = segments.map { $0.map { glyphs[$0].text }.joined() }
        func hasColon(_ t: String) -> Bool { t.includes("：") || t.includes(":") }
        // A piece of a letter-spaced label: one or two Han characters, no colon.
        func labelPiece(_ t: String) -> Bool {
            t.count <= 2 && !hasColon(t) && t.unicodeScalars.allSatisfy { $0.properties.isIdeographic }
        }
        func startsWithLabel(_ t: String) -> Bool { FieldLabel.startsWithLabel(t, characters: .hanAndParentheses) }
        var starts = Set<Int>()
        var sinceStartHasColon = false
        for (k, t) in texts.enumerated() {
            if k > 0, sinceStartHasColon, startsWithLabel(t) {
                // Back over the letter-spaced pieces of this label.
                var j = k
                while j - 1 > 0, labelPiece(texts[j - 1]), !starts.contains(segments[j - 1][0]),
                      !texts[j - 2].isEmpty, hasColon(texts[..<(j - 1)].joined()) {
                    j -= 1
                }
                starts.insert(segments[j][0])
                sinceStartHasColon = false
            }
            if hasColon(t) { sinceStartHasColon = true }
        }
        return starts
    }

    /// Joins a cell's lines (`joinLines`), keeping a `label：value` pair that
    /// starts a line of its own apart from the pair before it.
    static func joinKeyValueLines(_ lines: [String]) -> String {
        guard lines.count > 1, lines.contains(where: { $0.includes("：") || $0.includes(":") }) else { return joinLines(lines) }
        var parts: [[String]] = [[]]
        var sawColon = false
        for line in lines {
            if sawColon, FieldLabel.startsWithLabel(line, characters: .hanAndParentheses) {
                parts.append([])
                sawColon = false
            }
            parts[parts.count - 1].append(line)
            if line.includes("：") || line.includes(":") { sawColon = true }
        }
        return parts.map(joinLines).joined(separator: pairSeparator)
    }

    /// Joins a cell's lines. A line broken at a word boundary of Latin text
    /// or numbers gets a space; CJK text and breaks after "/" or "-" get
    /// none. Where CJK meets a number or a Latin word at the break, the
    /// cell's own style decides: a space when the cell spaces its numbers
    /// from CJK text elsewhere (新臺幣 51 萬 2,005 元), none otherwise.
    public static func joinLines(_ lines: [String]) -> String {
        guard var out = lines.first else { return "" }
        guard lines.count > 1 else { return out }
        // The cell's style is read only when a break needs it.
        var spaced: Bool?
        for line in lines.dropFirst() {
            if spaced == nil, let last = out.unicodeScalars.last, let first = line.unicodeScalars.first,
               (CharacterClass.isWide(last) && isLatin(first)) || (isLatin(last) && CharacterClass.isWide(first)) {
                spaced = spacesNumbersFromCJK(lines.joined(separator: "\n"))
            }
            out = joinLines(out, line, spacedStyle: spaced ?? false)
        }
        return out
    }

    /// Marks after which a Latin word on the next line is a new word.
    static let closingBeforeLatin: Set<Unicode.Scalar> = [")", ".", ",", ";", ":", "%"]

    /// Joins one wrapped line to the text before it (see `joinLines(_:)`).
    public static func joinLines(_ head: String, _ tail: String, spacedStyle: Bool? = nil) -> String {
        guard let last = head.unicodeScalars.last, let first = tail.unicodeScalars.first else { return head + tail }
        if (isLatin(last) || closingBeforeLatin.contains(last)) && isLatin(first) { return head + " " + tail }
        let mixed = (CharacterClass.isWide(last) && isLatin(first)) || (isLatin(last) && CharacterClass.isWide(first))
        if mixed && !CharacterClass.isCJKPunctuation(last.value) && !CharacterClass.isCJKPunctuation(first.value) {
            let spaced = spacedStyle ?? spacesNumbersFromCJK(head + "\n" + tail)
            if spaced { return head + " " + tail }
        }
        return head + tail
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true  // 0-9, A-Z, a-z
        default: return false
        }
    }

    /// Whether the text puts a space between CJK characters and Latin words
    /// or numbers more often than not (line breaks not counted).
    static func spacesNumbersFromCJK(_ text: String) -> Bool {
        var spaced = 0, tight = 0
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 1 < scalars.count {
            let a = scalars[i], b = scalars[i + 1]
            if a == "\n" || b == "\n" { i += 1; continue }
            if b == " ", i + 2 < scalars.count {
                let c = scalars[i + 2]
                if (CharacterClass.isWide(a) && isLatin(c)) || (isLatin(a) && CharacterClass.isWide(c)) {
                    if !CharacterClass.isCJKPunctuation(a.value) && !CharacterClass.isCJKPunctuation(c.value) { spaced += 1 }
                }
                i += 2
                continue
            }
            if (CharacterClass.isWide(a) && isLatin(b)) || (isLatin(a) && CharacterClass.isWide(b)) {
                if !CharacterClass.isCJKPunctuation(a.value) && !CharacterClass.isCJKPunctuation(b.value) { tight += 1 }
            }
            i += 1
        }
        return spaced > tight
    }
}

/// A cell's text and the geometry of its lines.
public struct CellLayout: Sendable, Hashable {
    public var text = ""
    /// Width of the first line's first unbreakable token.
    public var firstTokenWidth = 0.0
    /// Right end of the last line.
    public var lastLineRight = -Double.infinity
    /// Right end of the longest line.
    public var maxLineRight = -Double.infinity
    public var lineCount = 0
    /// The right edge of the cell less its left padding: where a full line
    /// of left-aligned text ends (set by `CellText.layouts(for:glyphs:)`).
    public var innerRight = -Double.infinity
    /// Left end of the leftmost line.
    public var minLineLeft = Double.infinity
    /// Bottom of the last line.
    public var lastLineBottom = -Double.infinity
    public init() {}
}
