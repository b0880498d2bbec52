import GazetteRead
import Testing
@testable import GazetteTables

/// Underlines and strike-throughs (`TextDecoration`): a thin line under or
/// through the words it marks, meeting no vertical rule, decorates text
/// and is no row rule of a table.
@Suite struct TextDecorationTests {
    /// 本法所稱主管機關為 set from x 102.5 at y 25 (10 pt: boxes 25 to 35),
    /// 80 pt wide, in the second column of a table ruled at x 0, 100, 200.
    static let words = Synthetic.glyphs("本法所稱主管機關", x: 102.5, y: 25)
    static let verticals = [Synthetic.v(0, 0, 100), Synthetic.v(100, 0, 100), Synthetic.v(200, 0, 100)]

    static func kept(_ ruling: Ruling, glyphs: [Glyph] = words, verticals: [Ruling] = verticals) -> Bool {
        TextDecoration.withoutDecorations([ruling] + verticals, glyphs: glyphs).contains(ruling)
    }

    @Test func anUnderlineIsNoRule() {
        // Just above the glyphs' bottom, and a little below it.
        #expect(!Self.kept(Synthetic.h(34, 102.5, 182.5)))
        #expect(!Self.kept(Synthetic.h(35.5, 102.5, 182.5)))
        // Under part of the words only.
        #expect(!Self.kept(Synthetic.h(34.5, 122.5, 162.5)))
    }

    @Test func aStrikeThroughIsNoRule() {
        #expect(!Self.kept(Synthetic.h(30, 102.5, 182.5)))
    }

    /// A line that meets a vertical rule at an end is a table's rule,
    /// however close under the text.
    @Test func aLineMeetingAVerticalIsARule() {
        #expect(Self.kept(Synthetic.h(34.5, 100, 200)))
        #expect(Self.kept(Synthetic.h(34.5, 100, 182.5)))
        #expect(Self.kept(Synthetic.h(34.5, 102.5, 201)))
        // A vertical at its end that does not reach its height does not count.
        #expect(!Self.kept(Synthetic.h(34.5, 102.5, 182.5), verticals: [Synthetic.v(102.5, 50, 100)]))
    }

    @Test func linesAwayFromTextAreRules() {
        // Under nothing.
        #expect(Self.kept(Synthetic.h(60, 102.5, 182.5)))
        // A line below the text by a third of its size: between two lines.
        #expect(Self.kept(Synthetic.h(38.5, 102.5, 182.5)))
        // Above the text.
        #expect(Self.kept(Synthetic.h(24, 102.5, 182.5)))
        // Longer than the words it runs under: most of it under nothing.
        #expect(Self.kept(Synthetic.h(34.5, 102.5, 300)))
        // Thick: a border, not an underline.
        #expect(Self.kept(Ruling(orientation: .horizontal, position: 34.5, start: 102.5, end: 182.5, thickness: 2)))
        // Without glyphs on the page nothing is a decoration.
        #expect(Self.kept(Synthetic.h(34.5, 102.5, 182.5), glyphs: []))
    }

    /// Vertical rulings are never touched.
    @Test func verticalsStay() {
        let rulings = Self.verticals + [Synthetic.h(34.5, 102.5, 182.5)]
        let kept = TextDecoration.withoutDecorations(rulings, glyphs: Self.words)
        #expect(kept == Self.verticals)
    }

    // MARK: through the detector

    /// A 條文對照表 cell with its amended words underlined (and others
    /// struck through): the lines are not row rules, the cell stays one.
    static func comparisonTable(_ marks: [Ruling]) -> Page {
        var glyphs = Synthetic.glyphs("條次", x: 2, y: 4) + Synthetic.glyphs("修正條文", x: 102, y: 4)
        glyphs += Synthetic.glyphs("第三條", x: 2, y: 25)
        glyphs += Self.words + Synthetic.glyphs("內政部在直轄市", x: 102.5, y: 38) + Synthetic.glyphs("為直轄市政府。", x: 102.5, y: 51)
        let rulings = [Synthetic.h(0, 0, 200), Synthetic.h(20, 0, 200), Synthetic.h(100, 0, 200)] + Self.verticals + marks
        return Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: rulings)
    }

    @Test func underlinedWordsInACellAreNotCutIntoRows() throws {
        // The underline's ends come within 3 pt of the column rule at x 100:
        // taken for a rule, it would join the table's grid.
        let page = Self.comparisonTable([Synthetic.h(34.5, 102.5, 182.5), Synthetic.h(43, 102.5, 172.5)])
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        #expect(table.grid.ys == [0, 20, 100])
        #expect(table.matrix == [["條次", "修正條文"], ["第三條", "本法所稱主管機關內政部在直轄市為直轄市政府。"]])
    }

    /// A line just under the words drawn from the column rule to the
    /// next is a row rule.
    @Test func aRuleAcrossTheCellCutsIt() throws {
        let page = Self.comparisonTable([Synthetic.h(35.5, 100, 200)])
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        #expect(table.grid.ys.contains { abs($0 - 35.5) < 0.5 })
        #expect(table.matrix.contains { $0.last == "本法所稱主管機關" })
    }
}
