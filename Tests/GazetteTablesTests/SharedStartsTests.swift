import GazetteLayout
import GazetteRead
import Testing
@testable import GazetteTables

/// Side-by-side column pairs (機關名稱 | 件數 | 機關名稱 | 件數): a figure
/// set right up to the next name (`8,356  都市發展局`) is one segment of
/// its line; `AlignedTableDetector.splitAtSharedStarts` cuts it where the
/// names of the other rows start too.
@Suite struct SharedStartsTests {
    typealias Text = (text: String, x: Double, y: Double)

    /// The figures of the left pair end at x 243, 7 pt before the right
    /// pair's names at x 250 (under its header); the right figures end at 443.
    static func figure(_ text: String, endingAt x: Double) -> Double { x - 5 * Double(text.count) }

    static func pairRow(_ y: Double, _ name: String, _ count: String, _ name2: String, _ count2: String) -> [Text] {
        [(name, 50, y), (count, figure(count, endingAt: 243), y), (name2, 250, y), (count2, figure(count2, endingAt: 443), y)]
    }

    static let header: [Text] = [("機關名稱", 50, 100), ("件數", 200, 100), ("機關名稱", 250, 100), ("件數", 400, 100)]
    static let body: [Text] = pairRow(120, "民政局", "8,356", "都市發展局", "1,234")
        + pairRow(140, "財政局", "12,345", "教育局", "567")
        + pairRow(160, "地政局", "99", "社會局", "1,000")

    static func page(_ texts: [Text]) -> Page {
        Page(number: 1, width: 595, height: 842, glyphs: texts.flatMap { Synthetic.glyphs($0.text, x: $0.x, y: $0.y) })
    }

    /// The page's visual rows as the detector reads them.
    static func rows(_ page: Page) -> [AlignedTableDetector.TextRow] {
        var byRow: [Int: [TextLine]] = [:]
        for line in PageLayout(page: page).lines { byRow[line.row, default: []].append(line) }
        return byRow.keys.sorted().compactMap { key in
            byRow[key].map { AlignedTableDetector.TextRow(segments: $0.sorted { $0.box.x0 < $1.box.x0 }) }
        }
    }

    static func split(_ texts: [Text]) -> [[String]] {
        let page = page(texts)
        return AlignedTableDetector.splitAtSharedStarts(rows(page), glyphs: page.glyphs).map { $0.segments.map(\.text) }
    }

    @Test func theFigureAndTheNextNameAreOneSegmentOfTheLayout() {
        // What the cut is for: the layout keeps them together.
        let rows = Self.rows(Self.page(Self.header + Self.body))
        #expect(rows.map { $0.segments.map(\.text) } == [
            ["機關名稱", "件數", "機關名稱", "件數"], ["民政局", "8,356都市發展局", "1,234"],
            ["財政局", "12,345教育局", "567"], ["地政局", "99社會局", "1,000"]])
    }

    @Test func aFigureIsCutFromTheNameWhereOtherNamesStart() throws {
        let page = Self.page(Self.header + Self.body)
        let rows = AlignedTableDetector.splitAtSharedStarts(Self.rows(page), glyphs: page.glyphs)
        #expect(rows.map { $0.segments.map(\.text) } == [
            ["機關名稱", "件數", "機關名稱", "件數"], ["民政局", "8,356", "都市發展局", "1,234"],
            ["財政局", "12,345", "教育局", "567"], ["地政局", "99", "社會局", "1,000"]])
        // The pieces keep their own glyphs and boxes.
        let pieces = try #require(rows.dropFirst().first).segments
        try #require(pieces.count == 4)
        #expect(pieces[1].box.x0 == 218 && pieces[1].box.x1 == 243)
        #expect(pieces[2].box.x0 == 250 && pieces[2].box.x1 == 300)
        #expect(pieces[1].glyphs.count == 5 && pieces[2].glyphs.count == 5)
        #expect(Set(pieces[1].glyphs).isDisjoint(with: pieces[2].glyphs))
    }

    /// Through the detector: a table of four columns.
    @Test func theTableHasFourColumns() throws {
        let page = Self.page(Self.header + Self.body)
        let tables = AlignedTableDetector.detect(layout: PageLayout(page: page), page: page, taken: []).tables
        let table = try #require(tables.first)
        try #require(tables.count == 1)
        #expect(table.shape == .unruled)
        #expect(table.matrix == [
            ["機關名稱", "件數", "機關名稱", "件數"], ["民政局", "8,356", "都市發展局", "1,234"],
            ["財政局", "12,345", "教育局", "567"], ["地政局", "99", "社會局", "1,000"]])
    }

    // MARK: what is not cut

    /// One row alone: no other name starts there.
    @Test func aLoneRowIsNotCut() {
        let row = Self.pairRow(120, "民政局", "8,356", "都市發展局", "1,234")
        #expect(Self.split(row) == [["民政局", "8,356都市發展局", "1,234"]])
    }

    /// A figure first on its row has no name of a pair before it.
    @Test func theFirstSegmentOfARowIsNotCut() {
        let first: [Text] = [("8,356", 218, 180), ("都市發展局", 250, 180)]
        let rows = Self.split(Self.header + Self.body + first)
        #expect(rows.last == ["8,356都市發展局"])
    }

    /// Text before the figure in its segment: it is no figure alone.
    @Test func aFigureAfterTextIsNotCut() {
        let texts: [Text] = [("合計", 50, 180), ("計8,356", 208, 180), ("都市發展局", 250, 180)]
        let rows = Self.split(Self.header + Self.body + texts)
        #expect(rows.last == ["合計", "計8,356都市發展局"])
    }

    /// Set closer than half an em, the figure and the name are one text
    /// (a number and its unit, 3 天).
    @Test func aNarrowGapIsNotCut() {
        let texts: [Text] = [("出國", 50, 180), ("3", 243, 180), ("天數", 250, 180)]
        let page = Self.page(Self.header + Self.body + texts)
        let rows = AlignedTableDetector.splitAtSharedStarts(Self.rows(page), glyphs: page.glyphs)
        #expect(rows.last.map { $0.segments.map(\.text) } == ["出國", "3天數"])
    }

    /// CJK punctuation after the figure starts no name.
    @Test func punctuationAfterTheFigureIsNotCut() {
        let texts: [Text] = [("出國", 50, 180), ("8,356", 218, 180), ("、其他", 250, 180)]
        let rows = Self.split(Self.header + Self.body + texts)
        #expect(rows.last?.count == 2)
    }
}
