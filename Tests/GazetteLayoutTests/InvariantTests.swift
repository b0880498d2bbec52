import Foundation
import Testing
import GazetteRead
import GazetteLayout

/// Every page of every corpus PDF: the layout accounts for each glyph once
/// and each line once.
@Suite struct InvariantTests {
    static let names = ["camelot__row_span_1.pdf", "cbpp__moa-fund-115.pdf", "ntpc__99年選舉公報_001.pdf",
                        "pdfjs__issue15340.pdf", "pdfjs__noembed-eucjp.pdf", "pdfjs__vertical.pdf",
                        "pdfminer__issue-791-non-unicode-cmap.pdf", "pdfminer__jo.pdf", "pdfminer__simple3.pdf",
                        "pte__pta_10229_131308_94274.pdf", "pte__rid-01.pdf", "pysf__libreoffice-form.pdf",
                        "suncy__廉政專刊第45期.pdf", "suncy__廉政專刊第73期.pdf", "suncy__申報專刊第160期.pdf",
                        "tabula__spanning_cells.pdf", "tbpp__台北市.pdf", "tbpp__監察院.pdf"]

    @Test(arguments: names)
    func everyGlyphAndLineIsAccountedFor(_ name: String) throws {
        let doc = try Corpus.document(name)
        var builder = DocumentLayoutBuilder()
        var pages: [Page] = []
        var layouts: [PageLayout] = []
        for n in 1...doc.pageCount {
            let page = try doc.page(n)
            pages.append(page)
            layouts += builder.add(page)
            if pages.count > 8 { pages.removeFirst() }
            for layout in layouts { check(layout, try #require(pages.first { $0.number == layout.number })) }
            layouts.removeAll()
        }
        for layout in builder.finish().remainingPages { check(layout, try #require(pages.first { $0.number == layout.number })) }
    }

    private func check(_ layout: PageLayout, _ page: Page) {
        // Glyphs: each non-blank glyph in exactly one line or watermark.
        var seen = [Int](repeating: 0, count: page.glyphs.count)
        guard (layout.lines.flatMap(\.glyphs) + layout.watermarks.flatMap(\.glyphs)).allSatisfy(seen.indices.contains) else {
            Issue.record("page \(page.number): a line or watermark names a glyph beyond the page's \(page.glyphs.count)")
            return
        }
        for line in layout.lines { for g in line.glyphs { seen[g] += 1 } }
        for w in layout.watermarks { for g in w.glyphs { seen[g] += 1 } }
        for (i, g) in page.glyphs.enumerated() {
            let blank = g.text.unicodeScalars.allSatisfy { $0.properties.isWhitespace } || g.text.isEmpty
            if seen[i] != (blank ? 0 : 1) {
                Issue.record("page \(page.number): glyph \(i) \"\(g.text)\" used \(seen[i]) times")
                return
            }
        }
        // Lines: furniture in no block, every other line in exactly one.
        var used = [Int](repeating: 0, count: layout.lines.count)
        guard layout.blocks.flatMap(\.lines).allSatisfy(used.indices.contains) else {
            Issue.record("page \(page.number): a block names a line beyond the page's \(layout.lines.count)")
            return
        }
        for b in layout.blocks { for l in b.lines { used[l] += 1 } }
        let furniture = Set(layout.furniture.map(\.line))
        for i in layout.lines.indices where used[i] != (furniture.contains(i) ? 0 : 1) {
            Issue.record("page \(page.number): line \(i) \"\(layout.lines[i].text)\" in \(used[i]) blocks")
            return
        }
        #expect(layout.lines.allSatisfy { !$0.text.isEmpty && !$0.text.hasPrefix(" ") && !$0.text.hasSuffix(" ") })
        #expect(layout.lines.allSatisfy { !$0.text.contains("  ") })
    }
}
