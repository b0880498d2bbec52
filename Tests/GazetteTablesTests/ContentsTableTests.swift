import GazetteLayout
import GazetteNormalise
import GazetteRead
import Testing
@testable import GazetteTables

/// A table of contents as a table (`ContentsTable`): one row per entry
/// (title | reference as printed), headings between entries as rows with
/// an empty reference, a two-column page read left column first; no
/// header row; continued over pages; its contents title is no row.
@Suite struct ContentsTableTests {
    /// A page of text lines (10 pt unless given): (text, x, y, size).
    static func page(_ lines: [(String, Double, Double, Double)], number: Int = 1, rulings: [Ruling] = []) -> Page {
        let glyphs = lines.flatMap { Synthetic.glyphs($0.0, x: $0.1, y: $0.2, size: $0.3) }
        return Page(number: number, width: 595, height: 842, glyphs: glyphs, rulings: rulings)
    }

    static func page(number: Int, _ lines: [(String, Double, Double, Double)], rulings: [Ruling] = []) -> Page {
        page(lines, number: number, rulings: rulings)
    }

    static func entry(_ title: String, _ reference: String, x: Double = 60, y: Double) -> (String, Double, Double, Double) {
        (title + String(repeating: ".", count: 40) + reference, x, y, 10)
    }

    /// The tables of a page as the pipeline finds them: ruled ones, then
    /// the contents and aligned ones from its layout.
    static func tables(_ page: Page) -> PageTables {
        var tables = PageTables(page: page)
        tables.addAligned(layout: PageLayout(page: page), page: page)
        return tables
    }

    static func contents(_ page: Page) throws -> PageTable {
        let found = tables(page).tables.filter { $0.shape == .contents }
        try #require(found.count == 1)
        return try #require(found.first)
    }

    /// 目次, a part's heading, two entries, the next part's heading, two more.
    static let withHeadings = page([
        ("目次", 280, 50, 16),
        ("第一篇總說明", 60, 100, 10),
        Self.entry("一、前言", "1", y: 120), Self.entry("二、沿革", "3", y: 140),
        ("第二篇預算", 60, 170, 10),
        Self.entry("三、歲入", "5", y: 190), Self.entry("四、歲出", "9", y: 210),
    ])

    @Test func entriesAndHeadingsAreRowsInOrder() throws {
        let table = try Self.contents(Self.withHeadings)
        #expect(table.matrix == [
            ["第一篇總說明", ""], ["一、前言", "1"], ["二、沿革", "3"],
            ["第二篇預算", ""], ["三、歲入", "5"], ["四、歲出", "9"]])
        #expect(table.grid.columnCount == 2)
        // The contents' title is not a row.
        #expect(!table.matrix.joined().contains { $0.contains("目次") })
    }

    /// The entries' lines are the table's: not running text, not cut into
    /// columns by the aligned-table detector.
    @Test func theEntriesAreTableTextOnly() throws {
        let page = Self.withHeadings
        let layout = PageLayout(page: page)
        let tables = Self.tables(page)
        #expect(tables.tables.map(\.shape) == [.contents])
        let running = tables.runningLines(of: layout).map(\.text)
        #expect(running == ["目次"])
    }

    /// Headings above the first entry are rows only under a contents
    /// title: without one, the lines above are not the table's.
    @Test func linesAboveTheFirstEntryWithoutATitleAreNoRows() throws {
        let page = Self.page([
            ("公報要目", 60, 100, 10),
            Self.entry("一、前言", "1", y: 120), Self.entry("二、沿革", "3", y: 140), Self.entry("三、組織", "5", y: 160),
        ])
        let table = try Self.contents(page)
        #expect(table.matrix == [["一、前言", "1"], ["二、沿革", "3"], ["三、組織", "5"]])
    }

    /// A paragraph between entries (a sentence, with 。) is no heading row.
    @Test func aSentenceBetweenEntriesIsNoRow() throws {
        let page = Self.page([
            ("目次", 280, 50, 16),
            Self.entry("一、前言", "1", y: 100), Self.entry("二、沿革", "3", y: 120),
            ("以下各表金額均以新臺幣千元為單位。", 60, 145, 10),
            Self.entry("三、組織", "5", y: 170),
        ])
        let table = try Self.contents(page)
        #expect(table.matrix == [["一、前言", "1"], ["二、沿革", "3"], ["三、組織", "5"]])
    }

    @Test func fewerThanThreeEntriesAreNoContentsTable() {
        let page = Self.page([("目次", 280, 50, 16), Self.entry("一、前言", "1", y: 100), Self.entry("二、沿革", "3", y: 120)])
        #expect(!Self.tables(page).tables.contains { $0.shape == .contents })
    }

    /// Entries without leaders under a letter-spaced 目    次, one reference
    /// set apart from its 第: the reference column holds 第 N 頁.
    @Test func entriesWithoutLeaders() throws {
        let page = Self.page([
            ("目", 250, 50, 16), ("次", 330, 50, 16),
            ("一、預算總說明", 60, 100, 10), ("第 1 頁", 480, 100, 10),
            ("二、歲入來源別預算表", 60, 120, 10), ("第", 440, 120, 10), ("13 頁", 490, 120, 10),
            ("三、歲出機關別預算表", 60, 140, 10), ("第 25 頁", 480, 140, 10),
        ])
        let table = try Self.contents(page)
        #expect(table.matrix.map { $0.first } == ["一、預算總說明", "二、歲入來源別預算表", "三、歲出機關別預算表"])
        #expect(table.matrix.map { CharacterClass.removingSpaces($0.last ?? "") } == ["第1頁", "第13頁", "第25頁"])
    }

    /// A contents page in two columns: the left column, then the right.
    @Test func twoColumnsAreReadLeftColumnFirst() throws {
        var lines: [(String, Double, Double, Double)] = [("目次", 280, 50, 16)]
        for (k, (left, right)) in [("一、前言", "四、歲入"), ("二、沿革", "五、歲出"), ("三、組織", "六、附錄")].enumerated() {
            let y = 100 + Double(k) * 20
            lines.append((left + String(repeating: ".", count: 36) + "\(2 * k + 1)", 40, y, 10))
            lines.append((right + String(repeating: ".", count: 36) + "\(10 * (k + 2))", 320, y, 10))
        }
        let table = try Self.contents(Self.page(lines))
        #expect(table.matrix == [["一、前言", "1"], ["二、沿革", "3"], ["三、組織", "5"],
                                 ["四、歲入", "20"], ["五、歲出", "30"], ["六、附錄", "40"]])
    }

    /// Two entries a column: too few for the page's reading order to see
    /// columns (it reads row by row), the table still reads the left
    /// column first.
    @Test func twoShortColumnsAreReadLeftColumnFirst() throws {
        var lines: [(String, Double, Double, Double)] = [("目次", 280, 50, 16)]
        for (k, (left, right)) in [("一、前言", "三、歲入"), ("二、沿革", "四、歲出")].enumerated() {
            let y = 100 + Double(k) * 20
            lines.append((left + String(repeating: ".", count: 36) + "\(k + 1)", 40, y, 10))
            lines.append((right + String(repeating: ".", count: 36) + "\(10 * (k + 2))", 320, y, 10))
        }
        let page = Self.page(lines)
        // The page's own reading order: row by row.
        #expect(PageLayout(page: page).blocks.filter { $0.kind == .contents }.map { String($0.text.prefix(4)) }
            == ["一、前言", "三、歲入", "二、沿革", "四、歲出"])
        let table = try Self.contents(page)
        #expect(table.matrix == [["一、前言", "1"], ["二、沿革", "2"], ["三、歲入", "20"], ["四、歲出", "30"]])
    }

    /// One column with indented sub-entries keeps its order.
    @Test func indentedEntriesAreNoSecondColumn() throws {
        let page = Self.page([
            ("目次", 280, 50, 16),
            Self.entry("壹、總說明", "1", y: 100),
            Self.entry("一、前言", "2", x: 90, y: 120), Self.entry("二、沿革", "3", x: 90, y: 140),
            Self.entry("貳、預算", "5", y: 160),
            Self.entry("一、歲入", "6", x: 90, y: 180),
        ])
        let table = try Self.contents(page)
        #expect(table.matrix.map { $0.first } == ["壹、總說明", "一、前言", "二、沿革", "貳、預算", "一、歲入"])
    }

    // MARK: assembled

    /// A table of contents has no header: its first entry is a row.
    @Test func theFirstEntryIsARowNotAHeader() throws {
        let page = Self.page([
            ("目次", 280, 50, 16),
            ("一、預算總說明", 60, 100, 10), ("第 1 頁", 480, 100, 10),
            ("二、歲入來源別預算表", 60, 120, 10), ("第 13 頁", 480, 120, 10),
            ("三、歲出機關別預算表", 60, 140, 10), ("第 25 頁", 480, 140, 10),
        ])
        let table = try Self.contents(page)
        #expect(Builder.headerDepth(of: table) == 0)
        // The same cells in a ruled table: its first row reads as labels.
        var ruled = table
        ruled.shape = .ruled
        #expect(Builder.headerDepth(of: ruled) == 1)

        let assembler = TableAssembler()
        let closed = assembler.add(page: 1, tables: [table], lines: Self.tables(page).runningLines(of: PageLayout(page: page)))
            + assembler.finish()
        let logical = try #require(closed.first)
        try #require(closed.count == 1)
        #expect(logical.shape == .contents)
        #expect(logical.headerRows.isEmpty && logical.header.allSatisfy(\.isEmpty))
        #expect(logical.rows.map { $0.first } == ["一、預算總說明", "二、歲入來源別預算表", "三、歲出機關別預算表"])
        #expect(logical.rows.count == 3)
    }

    /// Contents over two pages are one table, whatever the margins of the
    /// second page and the lines around the tables: a note under the
    /// first page's entries, the publication's name above the second's
    /// (no row: without a contents title above them, the lines over the
    /// first entry of a page are not the table's).
    @Test func contentsContinuedOnTheNextPageJoin() throws {
        let first = Self.page(number: 1, [
            ("目次", 280, 50, 16),
            Self.entry("一、前言", "1", y: 100), Self.entry("二、沿革", "3", y: 120), Self.entry("三、組織", "5", y: 140),
            ("本期共六篇", 250, 600, 10),
        ])
        let second = Self.page(number: 2, [
            ("臺北市政府公報", 60, 60, 10),
            Self.entry("四、歲入", "20", x: 90, y: 100), Self.entry("五、歲出", "30", x: 90, y: 120),
            Self.entry("六、附錄", "40", x: 90, y: 140),
        ])
        let assembler = TableAssembler()
        var closed: [LogicalTable] = []
        for page in [first, second] {
            let tables = Self.tables(page)
            closed += assembler.add(page: page.number, tables: tables.tables, lines: tables.runningLines(of: PageLayout(page: page)))
        }
        // The first page's contents stay open though text follows them.
        closed += assembler.finish()
        try #require(closed.count == 1)
        let table = closed[0]
        #expect(table.pages == [1, 2])
        #expect(table.rows == [["一、前言", "1"], ["二、沿革", "3"], ["三、組織", "5"], ["四、歲入", "20"], ["五、歲出", "30"], ["六、附錄", "40"]])
        #expect(table.rowPages == [1, 1, 1, 2, 2, 2])
        #expect(table.headerRows.isEmpty)
    }

    /// The contents end where the next page has none: a ruled table on
    /// the next page is no part of them.
    @Test func aRuledTableAfterTheContentsIsATableOfItsOwn() throws {
        let first = Self.page(number: 1, [
            ("目次", 280, 50, 16),
            Self.entry("一、前言", "1", y: 100), Self.entry("二、沿革", "3", y: 120), Self.entry("三、組織", "5", y: 140),
        ])
        let second = Self.page(number: 2, [("項目", 62, 54, 10), ("金額", 162, 54, 10), ("說明", 262, 54, 10),
                                   ("旅費", 62, 74, 10), ("100", 162, 74, 10), ("出國", 262, 74, 10)],
                               rulings: try Synthetic.gridRulings(xs: [60, 160, 260, 360], ys: [50, 70, 90]))
        let assembler = TableAssembler()
        var closed: [LogicalTable] = []
        for page in [first, second] {
            let tables = Self.tables(page)
            closed += assembler.add(page: page.number, tables: tables.tables, lines: tables.runningLines(of: PageLayout(page: page)))
        }
        closed += assembler.finish()
        try #require(closed.count == 2)
        #expect(closed.map(\.shape) == [.contents, .ruled])
        #expect(closed[0].rows.count == 3 && closed[0].pages == [1])
        #expect(closed[1].header == ["項目", "金額", "說明"])
    }

    @Test func contentsTitles() {
        #expect(ContentsEntry.isTitle("目次"))
        #expect(ContentsEntry.isTitle("目    次"))
        #expect(ContentsEntry.isTitle("本期目次"))
        #expect(ContentsEntry.isTitle("目錄"))
        #expect(ContentsEntry.isTitle("Contents"))
        #expect(!ContentsEntry.isTitle("目次說明"))
        #expect(!ContentsEntry.isTitle("第一篇總說明"))
    }
}
