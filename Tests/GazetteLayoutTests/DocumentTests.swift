import Testing
import GazetteRead
@testable import GazetteLayout

/// The streaming builder on synthetic documents: the window, running
/// headers and footers, page numbers, headings and the outline.
@Suite struct DocumentTests {
    /// A page with a running header, a page number and the given body lines
    /// (one block each, 20 points apart).
    static func page(_ number: Int, body: [String], header: String? = "臺北市總預算案",
                     footer: String? = nil) -> Page {
        var m = PageMaker()
        if let header { m.text(header, x: 230, y: 30, size: 14) }
        if let footer { m.text(footer, x: 60, y: 790, size: 9) }
        m.text("- \(number) -", x: 285, y: 805, size: 10)
        for (k, line) in body.enumerated() { m.text(line, x: 60, y: 120 + Double(k) * 30, size: 12) }
        return m.page(number)
    }

    @Test func pagesComeBackInOrderAfterTheWindow() {
        var builder = DocumentLayoutBuilder()
        var returned: [Int] = []
        for n in 1...5 {
            let out = builder.add(Self.page(n, body: ["第\(n)頁內容"]))
            #expect(out.count == (n <= 2 ? 0 : 1))
            returned += out.map(\.number)
        }
        let summary = builder.finish()
        returned += summary.remainingPages.map(\.number)
        #expect(returned == [1, 2, 3, 4, 5])
    }

    @Test func runningHeadersFootersAndPageNumbersLeaveTheFlow() {
        let pages = (1...4).map {
            Self.page($0, body: ["第\($0)頁內容"], footer: "監察院公報第\(70 + $0)期")
        }
        let (layouts, _) = DocumentLayoutBuilder.layout(pages)
        for l in layouts {
            #expect(l.blocks.map(\.text) == ["第\(l.number)頁內容"])
            #expect(l.pageNumber == PageNumber(label: "\(l.number)", value: l.number))
            let kinds = Dictionary(grouping: l.furniture, by: \.kind).mapValues { $0.map(\.text) }
            #expect(kinds[.header] == ["臺北市總預算案"])
            #expect(kinds[.footer] == ["監察院公報第\(70 + l.number)期"])
            #expect(kinds[.pageNumber] == ["- \(l.number) -"])
        }
    }

    /// A page's first block of fields (編號：N over 類別：民政, at the same
    /// height on every page) is body text: its numbers differ from page to
    /// page, and 類別 is of the same block. A field that repeats with its
    /// number (代號：4512) and a page counter (頁次：6－N) are running headers.
    @Test func aBlocksNumberedFieldsAreNoRunningHeader() throws {
        let pages = (1...4).map { n in
            var m = PageMaker()
            m.text("代號：4512", x: 450, y: 30, size: 10)
            m.text("頁次：6－\(n)", x: 450, y: 44, size: 10)
            m.text("編號：\(3 * n - 2)", x: 60, y: 90, size: 12)
            m.text("類別：民政", x: 60, y: 112, size: 12)
            m.text("案由：請審議第\(n)案。", x: 60, y: 134, size: 12)
            return m.page(n)
        }
        let (layouts, _) = DocumentLayoutBuilder.layout(pages)
        try #require(layouts.count == 4)
        for l in layouts {
            let text = l.blocks.map(\.text).joined(separator: "\n")
            #expect(text.includes("編號：\(3 * l.number - 2)") && text.includes("類別：民政"), "page \(l.number): \(text)")
            let headers = l.furniture.filter { $0.kind == .header }.map(\.text)
            #expect(headers.contains("代號：4512") && headers.contains("頁次：6－\(l.number)"), "page \(l.number): \(headers)")
        }
    }

    @Test func aLonePageKeepsItsHeaderInTheFlow() throws {
        // Nothing to compare with: only the page number is furniture.
        let (layouts, _) = DocumentLayoutBuilder.layout([Self.page(1, body: ["內容"])])
        let layout = try #require(layouts.first)
        #expect(layout.blocks.map(\.text) == ["臺北市總預算案", "內容"])
        #expect(layout.furniture.map(\.kind) == [.pageNumber])
    }

    @Test func theOutlineNestsByStyleAndStartsAtTheOutermostStyleUsed() throws {
        // No 壹 in this document: 一 is level 1.
        let pages = [
            Self.page(1, body: ["一、會議名稱：北臺區域發展推動委員會", "（一）平臺運作事務報告", "（二）年度合作方案決議",
                                "1、辦理市長出國考察：", "（1）7月5日至7月8日蔣市長率團赴新加坡"]),
            Self.page(2, body: ["二、會議主持人：新北市政府", "（一）主席致詞", "三、會議時間"]),
        ]
        let (_, summary) = DocumentLayoutBuilder.layout(pages)
        let outline = summary.outline
        #expect(outline.map(\.label) == ["一", "二", "三"])
        #expect(outline.map(\.level) == [1, 1, 1])
        try #require(outline.count >= 2)
        #expect(outline[0].title == "會議名稱")
        #expect(outline[0].children.map(\.label) == ["一", "二"])
        #expect(outline[0].children.map(\.style) == [.parenChinese, .parenChinese])
        try #require(outline[0].children.count >= 2)
        #expect(outline[0].children[1].children.map(\.title) == ["辦理市長出國考察"])
        let item = try #require(outline[0].children[1].children.first)
        #expect(item.level == 3)
        let subitem = try #require(item.children.first)
        #expect(subitem.level == 4)
        #expect(outline[1].page == 2 && outline[1].title == "會議主持人")
        #expect(outline[1].children.map(\.title) == ["主席致詞"])
        #expect(OutlineEntry.dump(outline) == """
            一、 會議名稱 (p.1)
              （一） 平臺運作事務報告 (p.1)
              （二） 年度合作方案決議 (p.1)
                1、 辦理市長出國考察 (p.1)
                  （1） 7月5日至7月8日蔣市長率團赴新加坡 (p.1)
            二、 會議主持人 (p.2)
              （一） 主席致詞 (p.2)
            三、 會議時間 (p.2)

            """)
    }

    @Test func numbersOutOfSequenceAreNotHeadings() throws {
        let pages = [Self.page(1, body: ["一、前言", "二、目的", "5、這一行只是以數字開頭", "三、方法", "二、不在次序中"])]
        let (layouts, summary) = DocumentLayoutBuilder.layout(pages)
        #expect(summary.outline.map(\.title) == ["前言", "目的", "方法"])
        let kinds = try #require(layouts.first).blocks.map(\.kind)
        #expect(kinds.filter { $0 == .heading }.count == 3)
    }

    @Test func tableCellsAndContentsAreNotHeadings() throws {
        var m = PageMaker()
        m.text("目次", x: 280, y: 60, size: 16)
        m.text("一、前言............................1", x: 60, y: 100, size: 12)
        m.text("二、預算說明........................3", x: 60, y: 120, size: 12)
        m.grid(x: 60, y: 300, rows: 2, columns: 2, cellWidth: 200, cellHeight: 20)
        m.text("一、人事費", x: 65, y: 304)
        m.text("二、業務費", x: 65, y: 324)
        let page2 = Self.page(2, body: ["一、前言", "二、預算說明"], header: nil)
        let (layouts, summary) = DocumentLayoutBuilder.layout([m.page(1), page2])
        #expect(summary.outline.map(\.page) == [2, 2])
        #expect(summary.contents.map(\.title) == ["一、前言", "二、預算說明"])
        #expect(summary.contents.map(\.pageLabel) == ["1", "3"])
        let contentsPage = try #require(layouts.first)
        #expect(contentsPage.blocks.filter { $0.kind == .contents }.count == 2)
        #expect(contentsPage.blocks.filter { $0.region == 0 }.map(\.text) == ["一、人事費", "二、業務費"])
    }

    @Test func titlesOfNumberedParagraphs() {
        var m = PageMaker()
        m.text("一、目的：本次交流將透過實地參訪，促進雙方城市", x: 60, y: 100, size: 12)
        m.text("之間的合作。", x: 60, y: 118, size: 12)
        m.text("二、加強陳情案件簽案幕僚專業知能，掌握人民陳情爭點，", x: 60, y: 150, size: 12)
        m.text("精進問題研析能力，提升案件處理效能品質，妥適回應民", x: 84, y: 168, size: 12)
        m.text("眾訴求。", x: 84, y: 186, size: 12)
        m.text("三、推動資訊安全管理制度通過最新版ISO 27001：2022驗證", x: 60, y: 218, size: 12)
        let (_, summary) = DocumentLayoutBuilder.layout([m.page(1)])
        // A full first line runs on to the sentence end (when it is near).
        #expect(summary.outline.map(\.title) == [
            "目的", "加強陳情案件簽案幕僚專業知能，掌握人民陳情爭點，精進問題研析能力，提升案件處理效能品質，妥適回應民眾訴求",
            "推動資訊安全管理制度通過最新版ISO 27001：2022驗證"])
    }
}
