import GazetteRead
import Testing
@testable import GazetteTables

/// What starts an entry of an unruled body (`RowSplitter`): a line a blank
/// line or more below the last line of its column continues nothing; a
/// figure never wraps; item numbers and article numbers. Synthetic tables
/// as in `RowSplitterTests` (three columns 100 pt wide, 10 pt text).
@Suite struct EntryStartTests {
    typealias Line = RowSplitterTests.Line

    /// A cell's text set as glyphs from x 2, as the one line it is.
    static func line(_ text: String, x: Double = 2, y: Double = 25) throws -> (line: RowSplitter.ColumnLine, glyphs: [Glyph]) {
        let glyphs = Synthetic.glyphs(text, x: x, y: y)
        let lines = RowSplitter.columnLines(Array(glyphs.indices), column: 0, glyphs: glyphs)
        try #require(lines.count == 1, "\(text) is one line")
        return (try #require(lines.first), glyphs)
    }

    static func itemNumber(_ text: String) throws -> Int? {
        let (line, glyphs) = try line(text)
        return RowSplitter.entryLabel(line, glyphs: glyphs)?.item
    }

    static func articleNumber(_ text: String) throws -> Int? {
        let (line, glyphs) = try line(text)
        return RowSplitter.entryLabel(line, glyphs: glyphs)?.article
    }

    static func mayWrap(_ text: String) throws -> Bool {
        let (line, glyphs) = try line(text)
        return RowSplitter.mayWrap(line, glyphs: glyphs)
    }

    // MARK: continuations

    /// A budget table: the 說明 column wraps for several lines; the next
    /// entry's 11-digit code in the first column is wider than the space
    /// left on that column's last line, four lines up. It is not that
    /// line's continuation: it sits a blank line and more below it.
    static let wrappingExplanation = [
        Line(0, 25, "一般行政管理"), Line(1, 25, "1,234"), Line(2, 25, "辦理一般行政業務所"),
        Line(2, 38, "需人事費及基本行政"),
        Line(2, 51, "工作維持費用包括水"),
        Line(2, 64, "電費。"),
        Line(0, 77, "51010000000"), Line(1, 77, "567"), Line(2, 77, "另案辦理"),
    ]

    @Test func aLineABlankLineBelowTheLastOfItsColumnIsNoContinuation() throws {
        #expect(Self.wrappingExplanation.map(\.text).allSatisfy { !$0.isEmpty })
        let grid = RowSplitterTests.grid(bottom: 100)
        let glyphs = RowSplitterTests.glyphs(Self.wrappingExplanation)
        let body = try #require(RowSplitter.Body(grid: grid, row: 1, glyphs: glyphs, members: CellText.assign(grid: grid, glyphs: glyphs)))
        try #require(body.slots.count == 5)
        // The 說明 lines run on; the code starts anew.
        #expect(body.continuations() == [false, true, true, true, false])
        #expect(RowSplitterTests.entries(Self.wrappingExplanation) == [
            ["一般行政管理", "1,234", "辦理一般行政業務所", "需人事費及基本行政", "工作維持費用包括水", "電費。"],
            ["51010000000", "567", "另案辦理"]])
    }

    /// The same code right under the name (at the leading) is the rest of
    /// the name's cell: the code did not fit on the name's line.
    @Test func theSameLineAtTheLeadingContinues() throws {
        let lines = [
            Line(0, 25, "一般行政管理"), Line(1, 25, "1,234"), Line(2, 25, "說明"),
            Line(0, 38, "51010000000"),
            Line(0, 51, "業務費"), Line(1, 51, "567"), Line(2, 51, "說明"),
        ]
        let grid = RowSplitterTests.grid(bottom: 100)
        let glyphs = RowSplitterTests.glyphs(lines)
        let body = try #require(RowSplitter.Body(grid: grid, row: 1, glyphs: glyphs, members: CellText.assign(grid: grid, glyphs: glyphs)))
        #expect(body.continuations() == [false, true, false])
        #expect(RowSplitterTests.entries(lines) == [["一般行政管理", "1,234", "說明", "51010000000"], ["業務費", "567", "說明"]])
    }

    /// A blank line in the column itself, right under a full line: the
    /// next line starts something new, though its first word did not fit.
    @Test func aBlankLineUnderAFullLineEndsTheCell() throws {
        let lines = [
            Line(0, 25, "赴日本考察智慧城市"), Line(1, 25, "日本"), Line(2, 25, "考察"),
            Line(0, 38, "交通建設計畫第一期"),
            Line(0, 64, "赴荷蘭考察"), Line(1, 64, "荷蘭"), Line(2, 64, "開會"),
            Line(0, 77, "赴美國考察"), Line(1, 77, "美國"), Line(2, 77, "訪問"),
        ]
        let grid = RowSplitterTests.grid(bottom: 100)
        let glyphs = RowSplitterTests.glyphs(lines)
        let body = try #require(RowSplitter.Body(grid: grid, row: 1, glyphs: glyphs, members: CellText.assign(grid: grid, glyphs: glyphs)))
        // The second line runs on the first; 赴荷蘭考察 would not have fitted
        // on the second either, but sits 16 pt under it.
        #expect(body.continuations() == [false, true, false, false])
        #expect(RowSplitterTests.entries(lines)?.count == 3)
    }

    // MARK: values do not wrap

    @Test func figuresAndProductsOfFiguresAreValues() throws {
        #expect(try !Self.mayWrap("362×12"))
        #expect(try !Self.mayWrap("1,234"))
        #expect(try !Self.mayWrap("12.5%"))
        #expect(try !Self.mayWrap("(1,234)"))
        #expect(try !Self.mayWrap("-5.6"))
        #expect(try !Self.mayWrap("3x4"))
        // One glyph is a value of its own (an item number in a narrow column).
        #expect(try !Self.mayWrap("甲"))
        // Text, and figures with text, may wrap.
        #expect(try Self.mayWrap("赴日本考察"))
        #expect(try Self.mayWrap("362人×12月"))
        #expect(try Self.mayWrap("新臺幣1,234"))
        #expect(try Self.mayWrap("Bacillus"))
    }

    /// A product of figures filling its line is no wrapped line: the next
    /// entry in that column is an entry of its own.
    @Test func aFullLineOfFiguresDoesNotRunOn() {
        let lines = [
            Line(0, 25, "旅費"), Line(1, 25, "362×12×24,000,000"),
            Line(0, 40, "業務費"), Line(1, 40, "1,234"),
            Line(0, 55, "設備費"), Line(1, 55, "567"),
        ]
        // 362×12×24,000,000 ends at x 197, where 1,234 would not fit.
        #expect(RowSplitterTests.entries(lines)?.count == 3)
    }

    // MARK: item numbers

    @Test func itemNumbersStartEntries() throws {
        #expect(try Self.itemNumber("01 赴日本考察") == 1)
        #expect(try Self.itemNumber("02 赴荷蘭考察") == 2)
        #expect(try Self.itemNumber("3、辦理國際交流") == 3)
        #expect(try Self.itemNumber("12.出國開會") == 12)
        #expect(try Self.itemNumber("５、訪問") == 5)
        // Set apart by a gap without a space glyph.
        let gap = Synthetic.glyphs("7", x: 2, y: 25) + Synthetic.glyphs("考察", x: 12, y: 25)
        let lines = RowSplitter.columnLines(Array(gap.indices), column: 0, glyphs: gap)
        #expect(lines.first.flatMap { RowSplitter.entryLabel($0, glyphs: gap)?.item } == 7)
    }

    @Test func yearsAmountsAndBareNumbersAreNoItemNumbers() throws {
        #expect(try Self.itemNumber("114年度") == nil)
        #expect(try Self.itemNumber("114 年") == nil)
        #expect(try Self.itemNumber("3 人") == nil)
        #expect(try Self.itemNumber("1,234") == nil)
        #expect(try Self.itemNumber("114.08") == nil)
        #expect(try Self.itemNumber("1.5億元") == nil)
        #expect(try Self.itemNumber("12.5%") == nil)
        // A number alone on its line.
        #expect(try Self.itemNumber("02") == nil)
        // Four digits are a year or a figure; 0 numbers nothing.
        #expect(try Self.itemNumber("2025 計畫") == nil)
        #expect(try Self.itemNumber("0 項") == nil)
        #expect(try Self.itemNumber("00 赴日本") == nil)
        // Digits run straight into the text.
        #expect(try Self.itemNumber("3D列印") == nil)
        #expect(try Self.itemNumber("赴日本 01") == nil)
    }

    // MARK: article numbers

    @Test func articleNumbers() throws {
        #expect(try Self.articleNumber("第三條　本法所稱") == 3)
        #expect(try Self.articleNumber("第 12 條 本辦法") == 12)
        #expect(try Self.articleNumber("第十條之一") == 10)
        #expect(try Self.articleNumber("第二十一條") == 21)
        #expect(try Self.articleNumber("第一百條") == 100)
    }

    /// Full-width digits, as `itemNumber` reads them (５、訪問 → 5): the
    /// text here is raw, not yet folded.
    @Test func articleNumbersInFullWidthDigits() throws {
        let number = try Self.articleNumber("第１２條")
        #expect(number == 12)
        #expect(try Self.articleNumber("第 １２ 條") == Self.articleNumber("第１２條"))
    }

    @Test func otherLinesHaveNoArticleNumber() throws {
        #expect(try Self.articleNumber("第三款") == nil)
        #expect(try Self.articleNumber("本條文") == nil)
        #expect(try Self.articleNumber("第條") == nil)
        #expect(try Self.articleNumber("依第三條規定") == nil)
        #expect(try Self.articleNumber("第一章總則") == nil)
    }

    /// Articles in the first column of a 條文對照表 start the entries,
    /// numbered upwards though not one after another; a first-column line
    /// under an article (（修正）) is no entry of its own.
    @Test func articlesStartTheEntriesOfAComparisonTable() {
        let lines = [
            Line(0, 25, "第三條"), Line(1, 25, "本法所稱主管"),
            Line(0, 38, "（修正）"), Line(1, 38, "機關為內政部。"),
            Line(0, 51, "第五條"), Line(1, 51, "前項規定"),
            Line(0, 64, "第十條之一"), Line(1, 64, "本條新增"),
        ]
        #expect(RowSplitterTests.entries(lines) == [
            ["第三條", "本法所稱主管", "（修正）", "機關為內政部。"], ["第五條", "前項規定"], ["第十條之一", "本條新增"]])
    }

    /// Numbered entries start at their numbers, however they are spaced;
    /// numbers out of sequence are no numbering.
    @Test func numberedEntriesCutAtTheirNumbers() throws {
        let numbered = [
            Line(0, 25, "01 赴日本考察"), Line(1, 25, "日本"),
            Line(0, 38, "智慧城市"),
            Line(0, 51, "02 赴荷蘭考察"), Line(1, 51, "荷蘭"),
        ]
        let grid = RowSplitterTests.grid(bottom: 100)
        let glyphs = RowSplitterTests.glyphs(numbered)
        let split = try #require(RowSplitter.split(grid: grid, row: 1, glyphs: glyphs, members: CellText.assign(grid: grid, glyphs: glyphs)))
        #expect(split.numbered)
        #expect(RowSplitterTests.entries(numbered) == [["01 赴日本考察", "日本", "智慧城市"], ["02 赴荷蘭考察", "荷蘭"]])

        let outOfSequence = [
            Line(0, 25, "01 赴日本考察"), Line(1, 25, "日本"),
            Line(0, 51, "05 赴荷蘭考察"), Line(1, 51, "荷蘭"),
        ]
        let glyphs2 = RowSplitterTests.glyphs(outOfSequence)
        let split2 = RowSplitter.split(grid: grid, row: 1, glyphs: glyphs2, members: CellText.assign(grid: grid, glyphs: glyphs2))
        #expect(split2?.numbered != true)
    }
}
