import GazetteNormalise
import GazetteRead
@testable import GazetteLayout

/// Builds synthetic pages: text placed glyph by glyph the way producers
/// draw it (CJK glyphs one em wide, Latin ones half an em, a space glyph a
/// quarter em).
struct PageMaker {
    var width = 595.0, height = 842.0
    var glyphs: [Glyph] = []
    var fonts = [FontInfo(name: "ABCDEF+DFKaiShu-SB-Estd-BF"), FontInfo(name: "ABCDEF+DFKaiShu-Bold")]
    var rulings: [Ruling] = []

    static func advance(_ c: Character, size: Double) -> Double {
        guard let v = c.unicodeScalars.first?.value else { return 0 }
        if c == " " { return 0.25 * size }
        return CharacterClass.isWide(v) ? size : 0.5 * size
    }

    /// Horizontal text from (x, y) (top of the line), `spacing` extra
    /// points after each glyph. Returns the x after the last glyph.
    @discardableResult
    mutating func text(_ s: String, x: Double, y: Double, size: Double = 10, spacing: Double = 0, font: Int = 0,
                       color: UInt32 = 0, opacity: Double = 1, fakeBold: Bool = false) -> Double {
        var x = x
        for c in s {
            let w = Self.advance(c, size: size)
            glyphs.append(Glyph(text: String(c), box: Rect(x0: x, y0: y, x1: x + w, y1: y + size), font: font,
                                size: size, color: color, opacity: opacity, isFakeBold: fakeBold))
            x += w + spacing
        }
        return x
    }

    /// Vertical writing (upright glyphs) down from (x, y): one column.
    mutating func vertical(_ s: String, x: Double, y: Double, size: Double = 10) {
        var y = y
        for c in s {
            glyphs.append(Glyph(text: String(c), box: Rect(x0: x, y0: y, x1: x + size, y1: y + size), size: size,
                                angle: -90, isVertical: true))
            y += size
        }
    }

    /// Text rotated 90° counter-clockwise, running up from (x, y) (the
    /// bottom of the first glyph).
    mutating func rotatedUp(_ s: String, x: Double, y: Double, size: Double = 10) {
        var y = y
        for c in s {
            let w = Self.advance(c, size: size)
            glyphs.append(Glyph(text: String(c), box: Rect(x0: x, y0: y - w, x1: x + size, y1: y), size: size, angle: 90))
            y -= w
        }
    }

    /// Glyphs at a slant, as a watermark draws them.
    mutating func slanted(_ s: String, x: Double, y: Double, size: Double = 40, angle: Double = 45) {
        var x = x, y = y
        for c in s {
            glyphs.append(Glyph(text: String(c), box: Rect(x0: x, y0: y - size, x1: x + size, y1: y), size: size,
                                angle: angle, color: 0xCCCCCC))
            x += size * 0.7
            y -= size * 0.7
        }
    }

    mutating func vrule(x: Double, y0: Double, y1: Double) {
        rulings.append(Ruling(orientation: .vertical, position: x, start: y0, end: y1, thickness: 0.5))
    }

    mutating func hrule(y: Double, x0: Double, x1: Double) {
        rulings.append(Ruling(orientation: .horizontal, position: y, start: x0, end: x1, thickness: 0.5))
    }

    /// A bordered grid: `rows` × `columns` cells of the given size from (x, y).
    mutating func grid(x: Double, y: Double, rows: Int, columns: Int, cellWidth: Double, cellHeight: Double) {
        for r in 0...rows { hrule(y: y + Double(r) * cellHeight, x0: x, x1: x + Double(columns) * cellWidth) }
        for c in 0...columns { vrule(x: x + Double(c) * cellWidth, y0: y, y1: y + Double(rows) * cellHeight) }
    }

    func page(_ number: Int = 1) -> Page {
        Page(number: number, width: width, height: height, glyphs: glyphs, fonts: fonts, rulings: rulings)
    }

    var layout: PageLayout { PageLayout(page: page()) }
}
