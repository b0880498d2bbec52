import Testing
import GazetteRead
@testable import GazetteLayout

/// Glyphs to lines on synthetic pages: spacing, ordering, segments,
/// directions, watermarks.
@Suite struct LineTests {
    @Test func cjkGlyphsThatTouchGetNoSpaces() throws {
        var m = PageMaker()
        m.text("監察院主管預算", x: 50, y: 100)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["監察院主管預算"])
        try #require(!l.lines.isEmpty)
        #expect(l.lines[0].glyphs == Array(0..<7))
    }

    @Test func justifiedCJKStaysUnspaced() {
        // Justification spreads CJK glyphs a little; no spaces come of it.
        var m = PageMaker()
        m.text("在於對民眾生活產生正面之影響", x: 50, y: 100, spacing: 4)
        #expect(m.layout.lines.map(\.text) == ["在於對民眾生活產生正面之影響"])
    }

    @Test func latinWordsGetOneSpace() {
        var m = PageMaker()
        // "Abu Dhabi" with an explicit space glyph, "Declaration" after a bare gap.
        var x = m.text("Abu Dhabi", x: 50, y: 100)
        x = m.text("Declaration", x: x + 3, y: 100)
        m.text("2022", x: x + 2.5, y: 100)
        #expect(m.layout.lines.map(\.text) == ["Abu Dhabi Declaration 2022"])
    }

    @Test func explicitSpacesAreOnlyEvidence() throws {
        // Two space glyphs in a row still make one space; a space glyph
        // at the start of a line makes none.
        var m = PageMaker()
        m.text("  ISO  27001", x: 50, y: 100)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["ISO 27001"])
        try #require(!l.lines.isEmpty)
        #expect(l.lines[0].glyphs.count == 8)
    }

    @Test func digitsBesideCJKAreNotSpaced() {
        // Word puts narrow gaps (or space glyphs) between CJK and digits;
        // the text keeps them together: 中華民國115年度.
        var m = PageMaker()
        var x = m.text("中華民國", x: 50, y: 100, size: 14)
        x = m.text("115", x: x + 3.4, y: 100, size: 14)
        m.text("年度", x: x + 3.5, y: 100, size: 14)
        #expect(m.layout.lines.map(\.text) == ["中華民國115年度"])
    }

    @Test func letterSpacedTitleIsOneSegmentWithoutSpaces() {
        // "二、預   算   主   要   表": glyphs an em apart.
        var m = PageMaker()
        m.text("二、預算主要表", x: 100, y: 400, size: 36, spacing: 36)
        #expect(m.layout.lines.map(\.text) == ["二、預算主要表"])
    }

    @Test func glyphsOutOfOrderAreSortedAlongTheLine() throws {
        var m = PageMaker()
        let x = m.text("審計", x: 100, y: 100)
        m.text("監察院", x: 70, y: 100)
        m.text("部", x: x, y: 100)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["監察院審計部"])
        try #require(!l.lines.isEmpty)
        #expect(l.lines[0].glyphs == [2, 3, 4, 0, 1, 5])
    }

    @Test func superscriptJoinsItsLine() throws {
        var m = PageMaker()
        let x = m.text("說明", x: 50, y: 100, size: 12)
        m.text("1", x: x, y: 98, size: 7)
        m.text("如下", x: x + 3.5, y: 100, size: 12)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["說明1如下"])
        try #require(!l.lines.isEmpty)
        #expect(l.lines[0].fontSize == 12)
    }

    @Test func mixedSizesOnOneBaseline() throws {
        var m = PageMaker()
        let x = m.text("壹、", x: 50, y: 100, size: 16)
        m.text("監察院部分", x: x, y: 103, size: 14)
        m.text("(本頁)", x: 200, y: 104, size: 10)
        let l = m.layout
        try #require(l.lines.count == 2)
        #expect(l.lines[0].text == "壹、監察院部分")
        #expect(l.lines[0].fontSize == 14)
        #expect(l.lines[1].text == "(本頁)")
        #expect(l.lines[0].row == l.lines[1].row)
    }

    @Test func linesStackDownThePage() {
        var m = PageMaker()
        m.text("第二行", x: 50, y: 115)
        m.text("第一行", x: 50, y: 100)
        m.text("第三行", x: 50, y: 130)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["第一行", "第二行", "第三行"])
        #expect(l.lines.map(\.row) == [0, 1, 2])
    }

    @Test func aTallGlyphDoesNotSwallowTheLinesBesideIt() {
        // A candidate number 40 points high beside lines of 9-point text.
        var m = PageMaker()
        m.text("1", x: 40, y: 100, size: 40)
        for (k, s) in ["第一行政見", "第二行政見", "第三行政見"].enumerated() {
            m.text(s, x: 200, y: 102 + Double(k) * 11, size: 9)
        }
        let texts = m.layout.lines.map(\.text)
        #expect(texts.contains("第一行政見") && texts.contains("第二行政見") && texts.contains("第三行政見"))
    }

    @Test func wideGapsCutSegmentsOfOneRow() {
        var m = PageMaker()
        m.text("科目名稱", x: 50, y: 100)
        m.text("本年度預算數", x: 200, y: 100)
        m.text("32,553", x: 400, y: 100)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["科目名稱", "本年度預算數", "32,553"])
        #expect(Set(l.lines.map(\.row)).count == 1)
    }

    @Test func aVerticalRulingCutsTouchingCells() {
        var m = PageMaker()
        m.text("款項", x: 50, y: 100)
        m.text("目節", x: 72, y: 100)
        m.vrule(x: 71, y0: 90, y1: 120)
        #expect(m.layout.lines.map(\.text) == ["款項", "目節"])
    }

    @Test func boldFromTheFontNameOrFromOverprinting() {
        var m = PageMaker()
        m.text("標題一", x: 50, y: 100, font: 1)
        m.text("標題二", x: 50, y: 120, fakeBold: true)
        m.text("本文", x: 50, y: 140)
        #expect(m.layout.lines.map(\.isBold) == [true, true, false])
    }

    @Test func slantedGlyphsAreWatermarksNotLines() throws {
        var m = PageMaker()
        m.text("本文內容", x: 50, y: 100)
        m.slanted("機密文件", x: 150, y: 500)
        let l = m.layout
        #expect(l.lines.map(\.text) == ["本文內容"])
        #expect(l.watermarks.map(\.text) == ["機密文件"])
        try #require(!l.watermarks.isEmpty)
        #expect(l.watermarks[0].angle == 45)
        #expect(l.blocks.map(\.text) == ["本文內容"])
    }

    @Test func largeFaintTextIsAWatermark() {
        var m = PageMaker()
        m.text("本文內容第一行", x: 50, y: 100)
        m.text("本文內容第二行", x: 50, y: 115)
        m.text("草稿", x: 200, y: 400, size: 60, color: 0xDDDDDD)
        m.text("淺色註記", x: 50, y: 130, color: 0xBBBBBB)
        let l = m.layout
        #expect(l.watermarks.map(\.text) == ["草稿"])
        #expect(l.lines.first { $0.text == "淺色註記" }?.isFaint == true)
        #expect(l.lines.first { $0.text == "本文內容第一行" }?.isFaint == false)
    }

    @Test func verticalWritingColumnsReadRightToLeft() {
        var m = PageMaker()
        m.vertical("あいうえお", x: 200, y: 50)
        m.vertical("日本語", x: 185, y: 50)
        let l = m.layout
        #expect(l.direction == .vertical)
        #expect(l.lines.map(\.text) == ["あいうえお", "日本語"])
        #expect(l.lines.allSatisfy { $0.direction == .vertical })
        #expect(l.blocks.map(\.text) == ["あいうえお日本語"])
    }

    @Test func textRotatedUpReadsBottomToTop() {
        var m = PageMaker()
        m.text("本文", x: 100, y: 100)
        m.rotatedUp("側邊說明", x: 20, y: 500)
        let l = m.layout
        let side = l.lines.first { $0.direction == .rotatedUp }
        #expect(side?.text == "側邊說明")
        #expect(l.lines.contains { $0.text == "本文" && $0.direction == .horizontal })
    }
}
