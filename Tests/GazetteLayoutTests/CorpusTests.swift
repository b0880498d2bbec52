import Foundation
import Testing
import GazetteRead
@testable import GazetteLayout

/// Whole documents of the shared corpus, laid out once and shared by the
/// tests below.
enum Laid {
    typealias Document = (pages: [PageLayout], summary: DocumentLayoutBuilder.Summary)
    static let budget = Result<Document, Error> { try Corpus.layout("tbpp__監察院.pdf") }
    static let taipei = Result<Document, Error> { try Corpus.layout("tbpp__台北市.pdf") }
    static let fund = Result<Document, Error> { try Corpus.layout("cbpp__moa-fund-115.pdf") }
}

/// Layouts of real government PDFs checked against what their pages show.
@Suite struct CorpusTests {
    // MARK: The outline of a 施政計畫 narrative

    @Test func controlYuanOutlineMatchesThePages() throws {
        _ = Corpus.path("tbpp__監察院.pdf")
        let outline = try Laid.budget.get().summary.outline
        #expect(outline.map(\.marker) == ["壹、", "貳、"])
        #expect(outline.map(\.title) == ["監察院部分", "審計部暨所屬部分"])
        #expect(outline.map(\.page) == [3, 6])
        #expect(outline.allSatisfy { $0.level == 1 })
        try #require(outline.count >= 2)

        let yuan = outline[0].children, audit = outline[1].children
        #expect(yuan.map(\.title) == ["114年度施政目標及重點", "114年度預算配合施政編列情形"])
        #expect(yuan.map(\.page) == [3, 6])
        #expect(audit.map(\.title) == ["114年度施政目標及重要執行策略", "114年度預算編列情形"])
        #expect(audit.map(\.page) == [7, 7])
        try #require(yuan.count >= 2 && audit.count >= 2)
        #expect((yuan + audit).allSatisfy { $0.level == 2 && $0.style == .chinese })

        // （一）... under 一、 of 壹: seven goals, with 9, 4, 3, 6, 4, 4, 4 numbered items.
        let goals = yuan[0].children
        #expect(goals.map(\.label) == ["一", "二", "三", "四", "五", "六", "七"])
        try #require(goals.count >= 7)
        #expect(goals.allSatisfy { $0.level == 3 && $0.style == .parenChinese && $0.marker.hasPrefix("(") })
        #expect(goals[0].title == "審慎辦理監察業務，促進善治紓解民怨")
        #expect(goals[6].title == "賡續維護國定古蹟，妥善優化辦公環境")
        #expect(goals.map(\.children.count) == [9, 4, 3, 6, 4, 4, 4])
        #expect(goals[0].children.map(\.number) == Array(1...9))
        try #require(goals[0].children.count >= 9)
        #expect(goals[0].children.allSatisfy { $0.level == 4 && $0.style == .arabic })
        #expect(goals[0].children[1].title == "審慎辦理彈劾及糾舉案件，嚴守法定程序及保密規定")
        // 9. starts on page 3 and runs on to page 4; (二) is on page 4.
        #expect(goals[0].children[8].page == 3)
        #expect(goals[1].page == 4)
        // 7. of (七) continues on page 6 after the page break.
        #expect(goals[6].page == 5 && goals[6].children.map(\.page) == [6, 6, 6, 6])

        #expect(yuan[1].children.map(\.title).first == "「一般行政」8億9,046萬4千元")
        #expect(yuan[1].children.count == 7)
        #expect(audit[0].children.map(\.children.count) == [4, 4, 4, 4])
        #expect(audit[1].children.map(\.title).last == "高雄市審計處8,335萬元")
        #expect(outline.flatMap(\.flattened).count == 81)
    }

    @Test func noHeadingsFromTablesOrTheContentsPage() throws {
        _ = Corpus.path("tbpp__監察院.pdf")
        let (pages, summary) = try Laid.budget.get()
        // Pages 9 on are budget tables full of "1." and "(1.稅課收入)" cells.
        #expect(summary.outline.flatMap(\.flattened).allSatisfy { (3...8).contains($0.page) })
        for page in pages {
            for block in page.blocks where block.kind == .heading {
                #expect(block.region == nil)
            }
        }
        // The contents page (PDF page 2): fifteen entries, none a heading.
        #expect(summary.contents.count == 15)
        #expect(summary.contents.allSatisfy { $0.page == 2 })
        #expect(summary.contents.first?.title == "1、施政及預算重點說明")
        #expect(summary.contents.first?.pageLabel == "1-6")
        #expect(summary.contents.last?.pageLabel == "44－49")
        try #require(pages.count >= 2)
        #expect(!pages[1].blocks.contains { $0.kind == .heading })
    }

    @Test func budgetTablesOfTaipeiGiveNoOutline() throws {
        // Every numbered line of this book sits in a bordered 說明 cell.
        _ = Corpus.path("tbpp__台北市.pdf")
        let (pages, summary) = try Laid.taipei.get()
        #expect(summary.outline.isEmpty)
        #expect(pages.contains { $0.blocks.contains { $0.marker != nil && $0.region != nil } })
    }

    // MARK: Page numbers and running headers

    @Test func pageNumbersOfTheControlYuanBook() throws {
        _ = Corpus.path("tbpp__監察院.pdf")
        let pages = try Laid.budget.get().pages
        try #require(pages.count == 51)
        #expect(pages[0].pageNumber == nil && pages[1].pageNumber == nil)   // cover, contents
        for page in pages.dropFirst(2) {
            #expect(page.pageNumber == PageNumber(label: "\(page.number - 2)", value: page.number - 2),
                    "page \(page.number)")
            let numberLines = page.furniture.filter { $0.kind == .pageNumber }.map(\.line)
            #expect(numberLines.count == 1)
            #expect(!page.blocks.contains { $0.lines.contains(where: numberLines.contains) })
        }
    }

    @Test func pageNumbersAndHeadersOfTheTaipeiBook() throws {
        _ = Corpus.path("tbpp__台北市.pdf")
        let pages = try Laid.taipei.get().pages
        #expect(pages.count == 180)
        for page in pages {
            #expect(page.pageNumber?.value == page.number + 288, "page \(page.number)")
            let headers = Set(page.furniture.filter { $0.kind == .header }.map(\.text))
            #expect(headers == ["臺北市總預算案", "歲出機關別預算表", "經資門併計", "中華民國113年度", "單位：新臺幣千元"],
                    "page \(page.number)")
            #expect(!page.blocks.contains { $0.text == "臺北市總預算案" })
            let furniture = Set(page.furniture.map(\.line))
            #expect(!page.blocks.contains { $0.lines.contains(where: furniture.contains) })
        }
    }

    @Test func chapterPageNumbersOfTheFundBook() throws {
        _ = Corpus.path("cbpp__moa-fund-115.pdf")
        let pages = try Laid.fund.get().pages
        try #require(pages.count == 380)
        #expect(pages[3].pageNumber?.label == "1")
        #expect(pages[19].pageNumber?.label == "17")
        #expect(pages[99].pageNumber == PageNumber(label: "1-7", value: 7))
        #expect(pages[379].pageNumber == PageNumber(label: "6-58", value: 58))
        // Section dividers ("二、預 算 主 要 表") have no number.
        #expect(pages[45].pageNumber == nil)
        #expect(pages[45].blocks.map(\.text) == ["二、預算主要表"])
        // Numbers run on from page to page, also across the chapter
        // numbering ("1-57", "1-58", then "2-1" after a divider).
        let numbered = pages.compactMap { p in p.pageNumber.map { (p.number, $0.label) } }
        #expect(numbered.count >= 300)
        func parts(_ label: String) throws -> (Int, Int) {
            let p = label.split(separator: "-").compactMap { Int($0) }
            let first = try #require(p.first, "page label \(label) has no number")
            return p.count == 2 ? (first, p[1]) : (0, first)
        }
        for (a, b) in zip(numbered, numbered.dropFirst()) where b.0 == a.0 + 1 {
            let (sa, na) = try parts(a.1), (sb, nb) = try parts(b.1)
            #expect((sa == sb && nb == na + 1) || (sb == sa + 1 && nb == 1), "pages \(a.0)-\(b.0): \(a.1) then \(b.1)")
        }
    }

    // MARK: Text

    @Test func spacingOfMixedChineseAndLatinText() throws {
        let page = try Corpus.page("tbpp__監察院.pdf", 6)
        let texts = page.lines.map(\.text)
        #expect(texts.contains("－在於對民眾生活產生正面之影響」、阿布達比宣言(Abu Dhabi"))
        #expect(texts.contains("Declaration)及莫斯科宣言(Moscow Declaration)，所提供各國審計機關"))
        #expect(texts.contains("近年來國際最高審計機關組織(INTOSAI)所發布之重要文件，如國際最高審"))
        // The paragraph of 貳 is one block, its wrapped lines joined without spaces.
        let block = try #require(page.blocks.first { $0.text.hasPrefix("審計部暨所屬審計機關依審計法") })
        #expect(block.lines.count == 13)
        #expect(block.text.contains("相關法律之規定，掌理中央政府"))
    }

    @Test func overprintedHeadingsAreBold() throws {
        // Page 29 draws 監察支出 twice over itself in a regular MingLiU.
        let doc = try Corpus.document("tbpp__監察院.pdf")
        let raw = try doc.page(29)
        let page = PageLayout(page: raw)
        let line = try #require(page.lines.first { $0.text == "監察支出" })
        #expect(line.isBold)
        try #require(raw.fonts.indices.contains(line.font))
        #expect(!raw.fonts[line.font].isBold)
        try #require(line.glyphs.allSatisfy(raw.glyphs.indices.contains))
        #expect(line.glyphs.allSatisfy { raw.glyphs[$0].isFakeBold })
        #expect(page.lines.contains { !$0.isBold && $0.region != nil })
    }

    @Test func verticalJapaneseReadsColumnsRightToLeftTierByTier() throws {
        let page = try Corpus.page("pdfminer__jo.pdf", 1)
        #expect(page.direction == .vertical)
        try #require(page.blocks.flatMap(\.lines).allSatisfy(page.lines.indices.contains))
        let order = page.blocks.flatMap(\.lines).map { page.lines[$0] }
        #expect(order.first?.text == "序")
        #expect(order.dropFirst().prefix(3).map(\.text) == ["わたくしといふ現象は", "假定された有機交流電燈の", "ひとつの青い照明です"])
        // The whole upper tier (y < 300) comes before the lower tier.
        let firstLower = try #require(order.firstIndex { $0.box.y0 > 300 })
        #expect(order[firstLower...].allSatisfy { $0.box.y0 > 300 })
        #expect(order[firstLower].text == "けれどもこれら新世代沖積世の")
        #expect(order.last?.text == "大正十三年一月廿日 宮澤賢治")
        // Columns of a tier run right to left.
        try #require(firstLower >= 1)
        let upper = order[1..<firstLower].map(\.box.x0)
        #expect(zip(upper, upper.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func verticalWritingOfPdfJs() throws {
        let page = try Corpus.page("pdfjs__vertical.pdf", 1)
        #expect(page.direction == .vertical)
        #expect(page.lines.map(\.text) == ["あいうえお", "日本語"])
        #expect(page.text == "あいうえお日本語")
    }

    @Test func twoColumnContentsPageIsReadColumnByColumn() throws {
        let page = try Corpus.page("suncy__廉政專刊第73期.pdf", 1)
        let order = page.blocks.map(\.text)
        let left = try #require(order.firstIndex { $0.hasPrefix("親民黨") })
        let right = try #require(order.firstIndex { $0.hasPrefix("中華黃埔四海同心會") })
        #expect(left < right)
        let leftLater = try #require(order.firstIndex { $0.hasPrefix("102年度政治團體") })
        let rightLater = try #require(order.firstIndex { $0.hasPrefix("嘉義縣") })
        #expect(leftLater < right)
        #expect(rightLater > right)
        #expect(page.contents.count == 51)   // 25 in the left column, 26 in the right
    }

    @Test func layoutsRoundTripThroughJSON() throws {
        let page = try Corpus.page("tbpp__監察院.pdf", 38)
        let data = try JSONEncoder().encode(page)
        #expect(try JSONDecoder().decode(PageLayout.self, from: data) == page)
        let outline = try Laid.budget.get().summary.outline
        #expect(try JSONDecoder().decode([OutlineEntry].self, from: JSONEncoder().encode(outline)) == outline)
        let first = try #require(outline.first)
        #expect(String(decoding: try JSONEncoder().encode(first.style), as: UTF8.self) == "\"financial\"")
    }

    // MARK: A dump

    @Test func dumpOfANarrativePage() throws {
        let pages = try Corpus.layout("tbpp__監察院.pdf", pages: 6...10).pages
        let page = try #require(pages.first { $0.number == 8 })
        #expect(page.dump == """
            page 8 595x842 horizontal pageNumber=6
            pageNumber [295,801 300,814] "6"
            block heading [100,63 319,77] 14 marker=(一)
              line r0 [100,63 319,77] 14 "(一) 審計部13億6,115萬5千元。"
            block heading [100,85 326,99] 14 marker=(二)
              line r1 [100,85 326,99] 14 "(二) 臺北市審計處8,457萬2千元。"
            block heading [100,107 326,121] 14 marker=(三)
              line r2 [100,107 326,121] 14 "(三) 新北市審計處7,043萬7千元。"
            block heading [100,129 326,143] 14 marker=(四)
              line r3 [100,129 326,143] 14 "(四) 桃園市審計處6,647萬4千元。"
            block heading [100,151 298,165] 14 marker=(五)
              line r4 [100,151 298,165] 14 "(五) 臺中市審計處7,399萬元。"
            block heading [100,173 326,187] 14 marker=(六)
              line r5 [100,173 326,187] 14 "(六) 臺南市審計處6,912萬6千元。"
            block heading [100,192 298,211] 14 marker=(七)
              line r6 [100,192 298,211] 14 "(七) 高雄市審計處8,335萬元。"

            """)
    }
}
