import GazetteRead
import Testing
@testable import GazetteLayout

extension PageMaker {
    /// Upright glyphs of a horizontal font drawn one below the other, in
    /// content-stream order (vertical writing set glyph by glyph: a
    /// budget book's page-edge tab), each `step` points below the last.
    mutating func stack(_ s: String, x: Double, y: Double, size: Double = 10, step: Double? = nil) {
        var y = y
        for c in s {
            glyphs.append(Glyph(text: String(c), box: Rect(x0: x, y0: y, x1: x + size, y1: y + size), size: size))
            y += step ?? size * 1.2
        }
    }
}

/// `LineBuilder.uprightStacks`: upright glyphs stacked one below the other
/// and standing alone are vertical text; a column of a table beside other
/// text, a column of one repeated unit, or glyphs out of stream order are not.
@Suite struct UprightStackTests {
    static func stacked(_ m: PageMaker) -> Set<Int> {
        LineBuilder.uprightStacks(m.glyphs, tolerance: LayoutOptions().angleTolerance)
    }

    @Test func aLoneStackOfThreeOrMoreIsVertical() {
        var m = PageMaker()
        m.stack("一般行政", x: 560, y: 200)
        #expect(Self.stacked(m) == [0, 1, 2, 3])
        // Set solid (an em apart) or a little apart, the same.
        var solid = PageMaker()
        solid.stack("行政管理", x: 560, y: 200, step: 10)
        #expect(Self.stacked(solid) == [0, 1, 2, 3])
    }

    @Test func twoGlyphsAreNoStack() {
        var m = PageMaker()
        m.stack("一般", x: 560, y: 200)
        #expect(Self.stacked(m).isEmpty)
    }

    /// Only the glyphs of the stack: the body text beside it, far away, is
    /// neither taken nor in the way.
    @Test func onlyTheStacksGlyphsAreTaken() {
        var m = PageMaker()
        m.text("本計畫辦理一般行政業務", x: 60, y: 200)
        m.stack("一般行政", x: 560, y: 200)
        #expect(Self.stacked(m) == Set(11..<15))
    }

    /// A glyph beside one of the stack's, within half an em (a table's
    /// column of one-character cells beside the next column's text): not
    /// vertical text.
    @Test func aStackWithAGlyphBesideItIsNot() {
        var m = PageMaker()
        m.stack("甲乙丙", x: 300, y: 200)
        // Beside 乙 (y 212 to 222), 3 pt to the right of the stack.
        m.text("1", x: 313, y: 212)
        #expect(Self.stacked(m).isEmpty)
        // The same glyph farther than half an em away is not beside it.
        var apart = PageMaker()
        apart.stack("甲乙丙", x: 300, y: 200)
        apart.text("1", x: 316, y: 212)
        #expect(Self.stacked(apart) == [0, 1, 2])
        // Nor is a glyph at the stack's side but not level with any of its glyphs.
        var below = PageMaker()
        below.stack("甲乙丙", x: 300, y: 200)
        below.text("1", x: 313, y: 240)
        #expect(Self.stacked(below) == [0, 1, 2])
    }

    /// A glyph to the left counts as much as one to the right.
    @Test func aGlyphOnTheLeftCrowdsTheStackToo() {
        var m = PageMaker()
        m.stack("甲乙丙", x: 300, y: 200)
        m.text("1", x: 291, y: 224)
        #expect(Self.stacked(m).isEmpty)
    }

    /// 年 年 年 down a unit column: the same character each time, not a word.
    @Test func theSameCharacterEachTimeIsNot() {
        var m = PageMaker()
        m.stack("年年年", x: 300, y: 200)
        #expect(Self.stacked(m).isEmpty)
        var units = PageMaker()
        units.stack("人人人人人", x: 300, y: 200)
        #expect(Self.stacked(units).isEmpty)
        // Two characters among them make it text.
        var mixed = PageMaker()
        mixed.stack("年月日", x: 300, y: 200)
        #expect(Self.stacked(mixed) == [0, 1, 2])
    }

    /// Each glyph below the one before it in the content stream: drawn
    /// bottom to top, or too far apart (two lines apart and more), or
    /// wandering off the column, the glyphs are no stack.
    @Test func theGlyphsMustFollowOneAnotherDownInStreamOrder() {
        var upwards = PageMaker()
        upwards.stack("一般行政", x: 300, y: 400, step: -12)
        #expect(Self.stacked(upwards).isEmpty)
        var sparse = PageMaker()
        sparse.stack("一般行政", x: 300, y: 200, step: 25)
        #expect(Self.stacked(sparse).isEmpty)
        var slanting = PageMaker()
        for (k, c) in ["一", "般", "行", "政"].enumerated() {
            slanting.text(c, x: 300 + Double(k) * 6, y: 200 + Double(k) * 12)
        }
        #expect(Self.stacked(slanting).isEmpty)
        // Glyphs of another size between them break the run.
        var sizes = PageMaker()
        sizes.stack("一般", x: 300, y: 200)
        sizes.stack("行政", x: 300, y: 224, size: 14, step: 14)
        #expect(Self.stacked(sizes).isEmpty)
    }

    /// Spaces in the stream between the stack's glyphs do not break it.
    @Test func spacesBetweenTheGlyphsDoNotBreakTheStack() {
        var m = PageMaker()
        for (k, c) in ["一", "般", "行", "政"].enumerated() {
            m.stack(c, x: 560, y: 200 + Double(k) * 12)
            m.glyphs.append(Glyph(text: " ", box: Rect(x0: 570, y0: 200 + Double(k) * 12, x1: 572.5, y1: 210 + Double(k) * 12), size: 10))
        }
        #expect(Self.stacked(m) == [0, 2, 4, 6])
    }

    /// Rotated glyphs are not upright: they are rotated text, not a stack.
    @Test func rotatedGlyphsAreNoStack() {
        var m = PageMaker()
        for (k, c) in ["一", "般", "行", "政"].enumerated() {
            m.glyphs.append(Glyph(text: c, box: Rect(x0: 300, y0: 200 + Double(k) * 12, x1: 310, y1: 210 + Double(k) * 12),
                                  size: 10, angle: 90))
        }
        #expect(Self.stacked(m).isEmpty)
    }

    // MARK: through the layout

    /// The page-edge tab 一般行政－行政管理 beside the body text is one
    /// vertical line, not nine one-character lines.
    @Test func aStackIsOneVerticalLine() throws {
        var m = PageMaker()
        m.text("本計畫辦理一般行政業務。", x: 60, y: 200)
        m.text("經費依規定編列。", x: 60, y: 215)
        m.stack("一般行政－行政管理", x: 560, y: 150)
        let l = m.layout
        let vertical = l.lines.filter { $0.direction == .vertical }
        try #require(vertical.count == 1)
        #expect(vertical[0].text == "一般行政－行政管理")
        #expect(vertical[0].glyphs == Array(20..<29))
        #expect(!l.lines.contains { $0.direction == .horizontal && $0.glyphs.contains(where: { $0 >= 20 }) })
        #expect(l.lines.filter { $0.direction == .horizontal }.map(\.text) == ["本計畫辦理一般行政業務。", "經費依規定編列。"])
    }

    /// A stack crowded by a glyph beside it stays horizontal text: one
    /// line per row, no vertical line.
    @Test func aCrowdedStackStaysHorizontal() {
        var m = PageMaker()
        m.stack("甲乙丙", x: 300, y: 200)
        m.text("1", x: 313, y: 212)
        let l = m.layout
        #expect(!l.lines.contains { $0.direction == .vertical })
        #expect(l.lines.map(\.text) == ["甲", "乙1", "丙"])
    }

    /// 年 年 年 of a unit column stay three rows.
    @Test func aColumnOfOneUnitStaysRows() {
        var m = PageMaker()
        m.stack("年年年", x: 300, y: 200)
        let l = m.layout
        #expect(!l.lines.contains { $0.direction == .vertical })
        #expect(l.lines.map(\.text) == ["年", "年", "年"])
    }
}
