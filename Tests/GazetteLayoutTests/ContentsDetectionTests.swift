import GazetteNormalise
import GazetteRead
import Testing
@testable import GazetteLayout

/// Table-of-contents entries found on a page (`PageAnalysis`): entries with
/// dot leaders anywhere; entries without leaders only under a 目次 / 目錄
/// title near the top of the page, their reference `第 N 頁` (its 第 may
/// be set apart from the number).
@Suite struct ContentsDetectionTests {
    /// Entries without leaders: the title at x 60, the reference at x 480.
    static func leaderless(_ m: inout PageMaker, from y: Double = 100) {
        m.text("一、預算總說明", x: 60, y: y)
        m.text("第 1 頁", x: 480, y: y)
        m.text("二、歲入來源別預算表", x: 60, y: y + 20)
        m.text("第 13 頁", x: 480, y: y + 20)
        m.text("三、歲出機關別預算表", x: 60, y: y + 40)
        m.text("第 25 頁", x: 480, y: y + 40)
    }

    static let leaderlessTitles = ["一、預算總說明", "二、歲入來源別預算表", "三、歲出機關別預算表"]

    static func squeezed(_ labels: [String]) -> [String] { labels.map(CharacterClass.removingSpaces) }

    @Test func entriesWithDotLeaders() throws {
        var m = PageMaker()
        m.text("一、前言..............................1", x: 60, y: 100)
        m.text("二、沿革..............................3", x: 60, y: 120)
        m.text("三、組織..........................12－13", x: 60, y: 140)
        let l = m.layout
        #expect(l.contents.map(\.title) == ["一、前言", "二、沿革", "三、組織"])
        #expect(l.contents.map(\.pageLabel) == ["1", "3", "12－13"])
        #expect(l.contents.allSatisfy { $0.page == 1 })
        #expect(l.blocks.filter { $0.kind == .contents }.count == 3)
    }

    @Test func entriesWithoutLeadersUnderAContentsTitle() throws {
        var m = PageMaker()
        m.text("目次", x: 280, y: 50, size: 16)
        Self.leaderless(&m)
        let l = m.layout
        #expect(l.contents.map(\.title) == Self.leaderlessTitles)
        #expect(Self.squeezed(l.contents.map(\.pageLabel)) == ["第1頁", "第13頁", "第25頁"])
        // Each entry one block, its title and reference together.
        let entries = l.blocks.filter { $0.kind == .contents }
        try #require(entries.count == 3)
        #expect(entries.allSatisfy { $0.lines.count == 2 })
        // The title is no entry.
        #expect(!l.contents.contains { $0.title.contains("目次") })
    }

    @Test(arguments: ["目錄", "目录", "CONTENTS", "Table of Contents"])
    func otherContentsTitles(_ title: String) {
        var m = PageMaker()
        m.text(title, x: 260, y: 50, size: 16)
        Self.leaderless(&m)
        #expect(m.layout.contents.map(\.title) == Self.leaderlessTitles)
    }

    /// 本期目次, a gazette issue's contents, is a contents title (its
    /// suffix 目次, `ContentsEntry.isTitle`): entries without leaders under
    /// it are found.
    @Test func aGazetteIssuesContentsTitle() {
        var m = PageMaker()
        m.text("本期目次", x: 260, y: 50, size: 16)
        Self.leaderless(&m)
        #expect(m.layout.contents.map(\.title) == Self.leaderlessTitles)
    }

    /// 目    次: the title letter-spaced, in one segment or in two.
    @Test func aLetterSpacedTitle() {
        var spaced = PageMaker()
        spaced.text("目", x: 270, y: 50, size: 16)
        spaced.text("次", x: 310, y: 50, size: 16)
        Self.leaderless(&spaced)
        #expect(spaced.layout.contents.map(\.title) == Self.leaderlessTitles)
        // Set so far apart that the title is two segments of its row.
        var pieces = PageMaker()
        pieces.text("目", x: 240, y: 50, size: 16)
        pieces.text("次", x: 340, y: 50, size: 16)
        let l = pieces.layout
        #expect(l.lines.filter { $0.box.y0 == 50 }.map(\.text) == ["目", "次"])
        Self.leaderless(&pieces)
        #expect(pieces.layout.contents.map(\.title) == Self.leaderlessTitles)
    }

    /// 第   13 頁: the 第 a segment of its own; the reference is 第13頁 and
    /// the 第 is not part of the title.
    @Test func aReferenceSetApartFromItsDi() throws {
        var m = PageMaker()
        m.text("目次", x: 280, y: 50, size: 16)
        m.text("一、預算總說明", x: 60, y: 100)
        m.text("第", x: 440, y: 100)
        m.text("1 頁", x: 490, y: 100)
        m.text("二、歲入來源別預算表", x: 60, y: 120)
        m.text("第", x: 440, y: 120)
        m.text("13 頁", x: 490, y: 120)
        m.text("三、歲出機關別預算表", x: 60, y: 140)
        m.text("第 25 頁", x: 480, y: 140)
        let l = m.layout
        #expect(l.lines.filter { $0.box.y0 == 120 }.map(\.text) == ["二、歲入來源別預算表", "第", "13 頁"])
        #expect(l.contents.map(\.title) == Self.leaderlessTitles)
        #expect(Self.squeezed(l.contents.map(\.pageLabel)) == ["第1頁", "第13頁", "第25頁"])
        let second = try #require(l.blocks.first { $0.kind == .contents && $0.text.hasPrefix("二、") })
        #expect(second.lines.count == 3)
    }

    // MARK: what is no contents entry

    /// Without a contents title, a title and a 第 N 頁 on one row are no
    /// entry (a table's column of page references, a note).
    @Test func withoutATitleLeaderlessRowsAreNoEntries() {
        var m = PageMaker()
        m.text("附件", x: 280, y: 50, size: 16)
        Self.leaderless(&m)
        let l = m.layout
        #expect(l.contents.isEmpty)
        #expect(!l.blocks.contains { $0.kind == .contents })
    }

    /// The title must stand near the top of the page: 目次 in the lower
    /// part of a page is a word of the text.
    @Test func aTitleLowOnThePageDoesNotCount() {
        var m = PageMaker()
        m.text("目次", x: 280, y: 400, size: 16)
        Self.leaderless(&m, from: 450)
        #expect(m.layout.contents.isEmpty)
    }

    /// A row that ends in a page-like figure but whose reference is not one
    /// (114 年度, 12.5%), or whose title is itself a reference, is no entry.
    @Test func onlyReferencesAfterRealTitles() {
        var m = PageMaker()
        m.text("目次", x: 280, y: 50, size: 16)
        Self.leaderless(&m)
        m.text("預算年度", x: 60, y: 200)
        m.text("114 年度", x: 480, y: 200)
        m.text("執行率", x: 60, y: 220)
        m.text("12.5%", x: 480, y: 220)
        m.text("3", x: 60, y: 240)
        m.text("第 4 頁", x: 480, y: 240)
        #expect(m.layout.contents.map(\.title) == Self.leaderlessTitles)
    }

    /// A heading between entries (no reference) is no entry: the contents
    /// table takes it as a row of its own.
    @Test func aHeadingBetweenEntriesIsNoEntry() {
        var m = PageMaker()
        m.text("目次", x: 280, y: 50, size: 16)
        m.text("第一篇總說明", x: 60, y: 90)
        Self.leaderless(&m)
        let l = m.layout
        #expect(l.contents.map(\.title) == Self.leaderlessTitles)
        #expect(l.blocks.contains { $0.kind == .paragraph && $0.text == "第一篇總說明" })
    }

    /// A contents page in two columns, leaders in both: two entries a row.
    @Test func twoEntriesARowInTwoColumns() {
        var m = PageMaker()
        for (k, (left, right)) in [("一、前言", "四、歲入"), ("二、沿革", "五、歲出"), ("三、組織", "六、附錄")].enumerated() {
            let y = 100 + Double(k) * 20
            m.text(left + String(repeating: ".", count: 36) + "\(2 * k + 1)", x: 40, y: y)
            m.text(right + String(repeating: ".", count: 36) + "\(10 * (k + 2))", x: 320, y: y)
        }
        let l = m.layout
        #expect(Set(l.contents.map(\.title)) == ["一、前言", "二、沿革", "三、組織", "四、歲入", "五、歲出", "六、附錄"])
        #expect(l.contents.first { $0.title == "五、歲出" }?.pageLabel == "30")
    }

    /// Two columns without leaders under a 目次 title: each row holds two
    /// entries, left and right, each closed by its reference (never one
    /// entry 一、前言 第 1 頁 四、歲入 → 第 20 頁).
    @Test func twoEntriesARowWithoutLeaders() {
        var m = PageMaker()
        m.text("目次", x: 280, y: 50, size: 16)
        for (k, (left, right)) in [("一、前言", "四、歲入"), ("二、沿革", "五、歲出"), ("三、組織", "六、附錄")].enumerated() {
            let y = 100 + Double(k) * 20
            m.text(left, x: 40, y: y)
            m.text("第 \(2 * k + 1) 頁", x: 220, y: y)
            m.text(right, x: 320, y: y)
            m.text("第 \(10 * (k + 2)) 頁", x: 500, y: y)
        }
        let l = m.layout
        #expect(Set(l.contents.map(\.title)) == ["一、前言", "二、沿革", "三、組織", "四、歲入", "五、歲出", "六、附錄"])
        // A title never holds another entry's reference.
        #expect(!l.contents.contains { $0.title.contains("頁") })
    }
}
