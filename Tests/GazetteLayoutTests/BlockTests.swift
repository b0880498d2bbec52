import Testing
import GazetteRead
@testable import GazetteLayout

/// Lines to paragraphs and paragraphs to reading order, on synthetic pages.
@Suite struct BlockTests {
    /// A justified paragraph: `lines` full lines of `chars` CJK glyphs, the
    /// first indented two em, the last `lastChars` long.
    static func paragraph(_ m: inout PageMaker, x: Double, y: Double, chars: Int, lines: Int, lastChars: Int,
                          size: Double = 12, pitch: Double = 20, first: String = "", indent: Bool = true) -> Double {
        let body = Array("監察院依據憲法及憲法增修條文規定為國家最高監察機關獨立行使調查彈劾糾舉糾正及審計等各項職權")
        var y = y
        var k = 0
        for n in 0..<lines {
            let count = n == lines - 1 ? lastChars : chars
            var text = ""
            if n == 0 { text = first }
            while text.count < count - ((n == 0 && indent) ? 2 : 0) {
                text.append(body[k % body.count])
                k += 1
            }
            m.text(text, x: n == 0 && indent ? x + 2 * size : x, y: y, size: size)
            y += pitch
        }
        return y
    }

    @Test func wrappedLinesMakeOneParagraph() throws {
        var m = PageMaker()
        _ = Self.paragraph(&m, x: 60, y: 100, chars: 30, lines: 4, lastChars: 12)
        let l = m.layout
        try #require(l.blocks.count == 1)
        #expect(l.blocks[0].lines == [0, 1, 2, 3])
        #expect(!l.blocks[0].text.contains(" "))
        #expect(l.blocks[0].text.count == 28 + 30 + 30 + 12)
    }

    @Test func aShortLastLineEndsTheParagraph() {
        var m = PageMaker()
        let y = Self.paragraph(&m, x: 60, y: 100, chars: 30, lines: 2, lastChars: 10)
        _ = Self.paragraph(&m, x: 60, y: y, chars: 30, lines: 3, lastChars: 20)
        let l = m.layout
        #expect(l.blocks.map(\.lines.count) == [2, 3])
    }

    @Test func aNumberedLineStartsABlockAndKeepsItsHangingLines() {
        var m = PageMaker()
        m.text("(一)審慎辦理監察業務，促進善治紓解民怨", x: 60, y: 100, size: 12)
        _ = Self.paragraph(&m, x: 72, y: 120, chars: 30, lines: 1, lastChars: 30, first: "1.", indent: false)
        _ = Self.paragraph(&m, x: 90, y: 140, chars: 28, lines: 2, lastChars: 6, indent: false)
        m.text("2.審慎辦理彈劾及糾舉案件", x: 72, y: 180, size: 12)
        let l = m.layout
        #expect(l.blocks.map(\.lines.count) == [1, 3, 1])
        #expect(l.blocks.map { $0.marker?.text } == ["(一)", "1.", "2."])
    }

    @Test func aHeadingAndTheParagraphAfterItAreTwoBlocks() {
        var m = PageMaker()
        m.text("貳、審計部暨所屬部分", x: 60, y: 100, size: 12)
        _ = Self.paragraph(&m, x: 60, y: 120, chars: 30, lines: 3, lastChars: 8)
        let l = m.layout
        #expect(l.blocks.map(\.lines.count) == [1, 3])
    }

    @Test func aLatinParagraphJoinsWithSpaces() {
        var m = PageMaker()
        m.text("the Abu Dhabi", x: 60, y: 100)
        m.text("Declaration and", x: 60, y: 115)
        m.text("the Moscow", x: 60, y: 130)
        let l = m.layout
        #expect(l.blocks.map(\.text) == ["the Abu Dhabi Declaration and the Moscow"])
    }

    @Test func twoColumnsAreReadOneAfterTheOther() throws {
        var m = PageMaker()
        m.text("兩欄排版的標題", x: 200, y: 60, size: 16)
        // Columns whose lines and paragraph breaks line up exactly.
        var y = Self.paragraph(&m, x: 50, y: 100, chars: 18, lines: 4, lastChars: 8)
        _ = Self.paragraph(&m, x: 50, y: y + 10, chars: 18, lines: 3, lastChars: 8)
        y = Self.paragraph(&m, x: 320, y: 100, chars: 18, lines: 4, lastChars: 8)
        _ = Self.paragraph(&m, x: 320, y: y + 10, chars: 18, lines: 3, lastChars: 8)
        let l = m.layout
        let lefts = l.blocks.map { $0.box.x0 }
        try #require(l.blocks.count == 5)
        #expect(l.blocks[0].text == "兩欄排版的標題")
        #expect(lefts[1] < 100 && lefts[2] < 100 && lefts[3] > 300 && lefts[4] > 300)
        #expect(l.blocks[1].box.y0 < l.blocks[2].box.y0)
    }

    @Test func textBesideATableIsReadBeforeTheTable() throws {
        var m = PageMaker()
        m.grid(x: 250, y: 100, rows: 3, columns: 2, cellWidth: 120, cellHeight: 30)
        m.text("項目", x: 260, y: 110)
        m.text("金額", x: 380, y: 110)
        m.text("人事費", x: 260, y: 140)
        m.text("1,200", x: 380, y: 140)
        m.text("業務費", x: 260, y: 170)
        m.text("800", x: 380, y: 170)
        _ = Self.paragraph(&m, x: 40, y: 105, chars: 15, lines: 5, lastChars: 4, size: 12, pitch: 16)
        let l = m.layout
        #expect(l.regions.count == 1)
        let first = try #require(l.blocks.first)
        #expect(first.region == nil)
        #expect(l.blocks.dropFirst().map(\.text) == ["項目", "金額", "人事費", "1,200", "業務費", "800"])
        #expect(l.blocks.dropFirst().allSatisfy { $0.region == 0 })
    }

    @Test func cellsDoNotMergeAcrossRowBorders() {
        var m = PageMaker()
        m.grid(x: 50, y: 100, rows: 2, columns: 1, cellWidth: 200, cellHeight: 14)
        m.text("第一列的內容", x: 55, y: 102)
        m.text("第二列的內容", x: 55, y: 116)
        #expect(m.layout.blocks.count == 2)
    }

    @Test func amountsStackedInAColumnStaySeparate() {
        var m = PageMaker()
        m.text("28,600", x: 300, y: 100)
        m.text("26,500", x: 300, y: 112)
        m.text("2,000", x: 302.5, y: 124)
        #expect(m.layout.blocks.count == 3)
    }

    @Test func verticalColumnsInTwoTiers() throws {
        // Vertical writing in two tiers: the whole top tier (right to left)
        // before the bottom tier.
        var m = PageMaker()
        m.width = 792
        m.height = 612
        for k in 0..<4 {
            m.vertical("上段第\(["一", "二", "三", "四"][k])行文字", x: 600 - Double(k) * 17, y: 56)
            m.vertical("下段第\(["一", "二", "三", "四"][k])行文字", x: 600 - Double(k) * 17, y: 326)
        }
        let l = m.layout
        try #require(l.blocks.flatMap(\.lines).allSatisfy(l.lines.indices.contains))
        let order = l.blocks.flatMap(\.lines).map { l.lines[$0].text }
        #expect(order == ["上段第一行文字", "上段第二行文字", "上段第三行文字", "上段第四行文字",
                          "下段第一行文字", "下段第二行文字", "下段第三行文字", "下段第四行文字"])
    }
}
