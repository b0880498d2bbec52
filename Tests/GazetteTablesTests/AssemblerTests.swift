import GazetteRead
import Testing
@testable import GazetteTables

@Suite struct AssemblerTests {
    let xs = [50.0, 150, 300, 500]

    @Test func tableOverPagesIsOneTableWithoutRepeatedHeader() throws {
        let assembler = TableAssembler()
        let first = try Synthetic.table(page: 1, xs: xs, ys: [600, 620, 660, 700], cells: [
            ["項次", "名稱", "說明"], ["1", "甲案", "已完成"], ["2", "乙案", "辦理中"]])
        let second = try Synthetic.table(page: 2, xs: xs, ys: [50, 70, 110], cells: [
            ["項次", "名稱", "說明"], ["3", "丙案", "規劃中"]])
        let title = TableContextLine(text: "表 1 合作方案一覽表", box: Rect(x0: 50, y0: 580, x1: 200, y1: 592))
        var closed = assembler.add(page: 1, tables: [first], lines: [title])
        #expect(closed.isEmpty)
        closed = assembler.add(page: 2, tables: [second], lines: [])
        closed += assembler.finish()
        try #require(closed.count == 1)
        let table = closed[0]
        #expect(table.pages == [1, 2])
        #expect(table.title == "表 1 合作方案一覽表")
        #expect(table.header == ["項次", "名稱", "說明"])
        #expect(table.rows == [["1", "甲案", "已完成"], ["2", "乙案", "辦理中"], ["3", "丙案", "規劃中"]])
        #expect(table.rowPages == [1, 1, 2])
    }

    @Test func rowBrokenByThePageBreakIsJoined() throws {
        let assembler = TableAssembler()
        let first = try Synthetic.table(page: 1, xs: xs, ys: [600, 620, 700], cells: [
            ["項次", "名稱", "說明"], ["1", "甲案", "第一段"]])
        let second = try Synthetic.table(page: 2, xs: xs, ys: [50, 70, 110], cells: [
            ["項次", "名稱", "說明"], ["", "", "第二段"]])
        _ = assembler.add(page: 1, tables: [first], lines: [])
        let closed = assembler.add(page: 2, tables: [second], lines: []) + assembler.finish()
        try #require(closed.count == 1)
        #expect(closed[0].rows == [["1", "甲案", "第一段第二段"]])
    }

    @Test func tableInTheMiddleOfAPageIsComplete() throws {
        let assembler = TableAssembler()
        let table = try Synthetic.table(page: 1, xs: xs, ys: [100, 120, 160], cells: [["甲", "乙", "丙"], ["1", "2", "3"]])
        let below = TableContextLine(text: "以下說明。", box: Rect(x0: 50, y0: 200, x1: 300, y1: 212))
        let closed = assembler.add(page: 1, tables: [table], lines: [below])
        #expect(closed.count == 1)
    }

    @Test func aRepeatedHeadingRightAboveTheTableIsAmongTheLinesAboveIt() throws {
        // 第三審查會（建設類） printed over the list on each page it runs over
        // is page furniture to the layout; a running header further up and
        // a page number are not lines above the table.
        let assembler = TableAssembler()
        let table = try Synthetic.table(page: 2, xs: xs, ys: [100, 120, 160], cells: [["編號", "提案人", "案由"], ["1", "甲", "乙案"]])
        let lines = [
            TableContextLine(text: "雲林縣議會", box: Rect(x0: 50, y0: 20, x1: 150, y1: 32), isFurniture: true),
            TableContextLine(text: "第三審查會（建設類）", box: Rect(x0: 50, y0: 84, x1: 200, y1: 96), isFurniture: true),
            TableContextLine(text: "- 2 -", box: Rect(x0: 250, y0: 780, x1: 280, y1: 792), isFurniture: true),
        ]
        let first = try Synthetic.table(page: 1, xs: xs, ys: [600, 620, 660], cells: [["甲", "乙", "丙"], ["1", "2", "3"]])
        _ = assembler.add(page: 1, tables: [first], lines: [TableContextLine(text: "第一審查會（民政類）", box: Rect(x0: 50, y0: 580, x1: 200, y1: 592))])
        let closed = assembler.add(page: 2, tables: [table], lines: lines) + assembler.finish()
        try #require(closed.count == 2)
        #expect(closed[1].linesAbove.first == "第三審查會（建設類）")
        #expect(!closed[1].linesAbove.contains("雲林縣議會"))
        #expect(closed[1].linesBelow.isEmpty)
    }

    @Test func aNewCaptionStartsANewTable() throws {
        let assembler = TableAssembler()
        let first = try Synthetic.table(page: 1, xs: xs, ys: [600, 620, 700], cells: [["甲", "乙", "丙"], ["1", "2", "3"]])
        let second = try Synthetic.table(page: 2, xs: xs, ys: [80, 100, 140], cells: [["甲", "乙", "丙"], ["4", "5", "6"]])
        _ = assembler.add(page: 1, tables: [first], lines: [])
        let caption = TableContextLine(text: "表 2 另一張表", box: Rect(x0: 50, y0: 60, x1: 200, y1: 72))
        let closed = assembler.add(page: 2, tables: [second], lines: [caption]) + assembler.finish()
        try #require(closed.count == 2)
        #expect(closed[1].title == "表 2 另一張表")
    }

    @Test func facingPageSpreadJoinsColumns() throws {
        let assembler = TableAssembler()
        let ys = [100.0, 120, 150, 180]
        let left = try Synthetic.table(page: 2, xs: [50, 200, 300], ys: ys, cells: [
            ["計畫名稱", "國家"], ["考察甲", "日本"], ["訪問乙", "美國"]])
        let right = try Synthetic.table(page: 3, xs: [50, 120, 190, 260], ys: ys, cells: [
            ["交通費", "生活費", "合計"], ["10", "20", "30"], ["40", "50", "90"]])
        let title = { (p: Int) in TableContextLine(text: "派員出國計畫預算類別表", box: Rect(x0: 50, y0: 80, x1: 250, y1: 92)) }
        _ = assembler.add(page: 2, tables: [left], lines: [title(2)])
        let closed = assembler.add(page: 3, tables: [right], lines: [title(3)]) + assembler.finish()
        try #require(closed.count == 1)
        #expect(closed[0].header == ["計畫名稱", "國家", "交通費", "生活費", "合計"])
        #expect(closed[0].rows == [["考察甲", "日本", "10", "20", "30"], ["訪問乙", "美國", "40", "50", "90"]])
        #expect(closed[0].pages == [2, 3])
    }

    @Test func multiRowHeaderIsFlattened() throws {
        // 經費來源 over two rows; 各年度 over two columns with years below.
        let xs = [0.0, 100, 160, 220]
        let ys = [0.0, 20, 40, 60]
        var rulings = [Synthetic.h(0, 0, 220), Synthetic.h(20, 100, 220), Synthetic.h(40, 0, 220), Synthetic.h(60, 0, 220)]
        rulings += [Synthetic.v(0, 0, 60), Synthetic.v(100, 0, 60), Synthetic.v(160, 20, 60), Synthetic.v(220, 0, 60)]
        var glyphs = Synthetic.glyphs("經費來源", x: 2, y: 4) + Synthetic.glyphs("各年度", x: 102, y: 4)
        glyphs += Synthetic.glyphs("109年", x: 102, y: 24) + Synthetic.glyphs("110年", x: 162, y: 24)
        glyphs += Synthetic.glyphs("中央", x: 2, y: 44) + Synthetic.glyphs("1", x: 102, y: 44) + Synthetic.glyphs("2", x: 162, y: 44)
        let page = Page(number: 1, width: 600, height: 800, glyphs: glyphs, rulings: rulings)
        let table = try #require(RuledTableDetector.detect(on: page).tables.first)
        _ = xs
        _ = ys
        let assembler = TableAssembler()
        let closed = assembler.add(page: 1, tables: [table], lines: [
            TableContextLine(text: "說明", box: Rect(x0: 0, y0: 100, x1: 50, y1: 110))])
        let assembled = try #require(closed.first)
        #expect(assembled.header == ["經費來源", "各年度/109年", "各年度/110年"])
        #expect(assembled.rows == [["中央", "1", "2"]])
    }

    @Test func captionsAndUnits() {
        #expect(TableAssembler.unitPhrase(in: "單位：新臺幣千元") == "單位：新臺幣千元")
        #expect(TableAssembler.unitPhrase(in: "表 5-1-2 經費需求及財源表 (百萬元)") == "(百萬元)")
        #expect(TableAssembler.captionScore("中華民國114年度") == 0)
        #expect(TableAssembler.captionScore("派員出國計畫預算彙總表") > TableAssembler.captionScore("臺北市政府產業發展局"))
        #expect(TableAssembler.captionScore("（一）擬解除列管111年度合作方案，共12案") >= 3)
    }

    @Test func adjacencyScore() {
        let truth = [[["a", "b"], ["c", "d"]]]
        #expect(AdjacencyScore.score(extracted: truth, expected: truth).f1 == 1)
        let shifted = [[["a", "b"], ["d", "c"]]]
        let s = AdjacencyScore.score(extracted: shifted, expected: truth)
        #expect(s.expected == 4 && s.correct == 1)
        // Whitespace and compatibility forms do not count.
        #expect(AdjacencyScore.score(extracted: [[["Ａ", "b c"]]], expected: [[["A", "bc"]]]).f1 == 1)
    }
}
