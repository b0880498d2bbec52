import GazetteRead
import Testing
@testable import GazetteTables

/// Builders for synthetic pages: rulings of a grid and glyphs of text.
enum Synthetic {
    /// Glyphs of `text` set from (x, y) at `size` points, CJK full-width, ASCII half-width.
    static func glyphs(_ text: String, x: Double, y: Double, size: Double = 10) -> [Glyph] {
        var out: [Glyph] = []
        var cursor = x
        for ch in text {
            let width = ch.isASCII ? size * 0.5 : size
            out.append(Glyph(text: String(ch), box: Rect(x0: cursor, y0: y, x1: cursor + width, y1: y + size), size: size))
            cursor += width
        }
        return out
    }

    static func h(_ y: Double, _ x0: Double, _ x1: Double) -> Ruling {
        Ruling(orientation: .horizontal, position: y, start: x0, end: x1, thickness: 0.5)
    }

    static func v(_ x: Double, _ y0: Double, _ y1: Double) -> Ruling {
        Ruling(orientation: .vertical, position: x, start: y0, end: y1, thickness: 0.5)
    }

    /// A page holding a full grid with the given column and row boundaries.
    static func gridRulings(xs: [Double], ys: [Double]) throws -> [Ruling] {
        let left = try #require(xs.first), right = try #require(xs.last)
        let top = try #require(ys.first), bottom = try #require(ys.last)
        return ys.map { h($0, left, right) } + xs.map { v($0, top, bottom) }
    }

    /// A page table built from a matrix of texts on a full grid.
    static func table(page: Int, xs: [Double], ys: [Double], cells: [[String]]) throws -> PageTable {
        // Every cell needs a boundary on each side: one more x than columns, one more y than rows.
        try #require(cells.count < ys.count)
        try #require(cells.allSatisfy { $0.count < xs.count })
        var glyphs: [Glyph] = []
        for (r, row) in cells.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                glyphs += Synthetic.glyphs(text, x: xs[c] + 2, y: ys[r] + 2)
            }
        }
        let p = Page(number: page, width: 600, height: 800, glyphs: glyphs, rulings: try gridRulings(xs: xs, ys: ys))
        return try #require(RuledTableDetector.detect(on: p).tables.first)
    }
}
