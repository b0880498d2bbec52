import Foundation
import GazetteOCR
import GazetteRead
import GazetteTestSupport
import Testing

/// The OCR read stage: the shim's wrapper on images drawn with cairo,
/// rulings found in an image, the glyphs' text, orientation and skew, and
/// which pages `--ocr auto` reads.
@Suite("OCR engine and glyphs")
struct OCRTests {
    static let paragraph = [
        "為讓國際看見臺中，臺中也邁向國際，本府依據行政院及所屬各級",
        "機關因公派員出國案件編審要點規劃辦理各項出國業務，以行銷本",
        "市施政績效、拓展本市國際能見度，厚植本市與世界各城市情誼及",
        "促進未來國際合作機會，並藉由參與各項重要國際會議或活動與各",
        "城市互動交流之機會，汲取各國城市治理經驗並推動城市外交。",
    ]

    static func read(_ image: GreyImage, languages: String, steps: OCREngine.Steps = .all) throws -> OCRResult {
        try OCREngine.with(languages: languages) { engine throws(OCREngine.Failure) in
            try engine.read(image, dpi: 300, steps: steps)
        }
    }

    static func text(_ result: OCRResult) -> String { result.symbols.map(\.text).joined() }

    /// Characters of `expected` found in order in `text` (a crude recall).
    static func recall(_ expected: String, in text: String) -> Double {
        let a = Array(expected.unicodeScalars.filter { !$0.properties.isWhitespace }), b = Array(text.unicodeScalars)
        var j = 0, hit = 0
        for c in a {
            if let k = b[j...].firstIndex(of: c) { hit += 1; j = k + 1 }
        }
        return a.isEmpty ? 1 : Double(hit) / Double(a.count)
    }

    @Test func versions() {
        #expect(OCREngine.tesseractVersion.hasPrefix("5."), "\(OCREngine.tesseractVersion)")
        #expect(OCREngine.leptonicaVersion.first?.isNumber == true, "\(OCREngine.leptonicaVersion)")
    }

    @Test func missingLanguageDataIsAnErrorThatSaysWhat() {
        #expect(throws: OCREngine.Failure.self) { try OCREngine(languages: "xyz_nonexistent") }
        do {
            _ = try OCREngine(languages: "xyz_nonexistent")
        } catch {
            #expect(error.reason.contains("xyz_nonexistent"))
            #expect(error.reason.contains("trained data"))
        }
    }

    @Test func readsChineseTextDrawnWithCairo() throws {
        let image = Synthetic.image(lines: ["臺中市政府秘書處", "中華民國107年5月11日", "TAICHUNG CITY GOVERNMENT"])
        let result = try Self.read(image, languages: "chi_tra+eng")
        let text = Self.text(result)
        #expect(text.contains("臺中市政府秘書處"), "\(text)")
        #expect(text.contains("107年5月11日"), "\(text)")
        #expect(result.turn == 0)
        #expect(!result.vertical)
        #expect(result.meanConfidence > 80, "\(result.meanConfidence)")
        let glyphs = OCRGlyphs.glyphs(from: result.symbols, dpi: 300)
        #expect(!glyphs.isEmpty)
        #expect(glyphs.allSatisfy { $0.isOCR && !$0.text.contains { $0.isWhitespace } })
        // Boxes in points of a 300 dpi image: the first line's glyphs sit
        // near y = (150 + 1.6 × 58) / 300 × 72 ≈ 58 pt.
        let first = try #require(glyphs.first)
        #expect(first.box.y1 > 40 && first.box.y0 < 70, "\(first.box)")
        #expect(first.size > 10 && first.size < 20, "\(first.size)")
    }

    static let letterColumns = [
        "澎湖縣政府函",
        "主旨：檢送九十一年度第四季議員建議事項處理明細表乙份，請鑑核。",
        "說明：依據行政院九十一年三月二十九日函辦理。",
        "正本：行政院主計處",
    ]

    @Test func findsVerticalWritingAndReadsItsColumnsRightToLeft() throws {
        let image = Synthetic.verticalWriting(columns: Self.letterColumns)
        let result = try Self.read(image, languages: "chi_tra+eng")
        #expect(result.vertical)
        #expect(result.turn == 0, "OSD must not turn a page of columns: \(result.turn)")
        let text = Self.text(result)
        #expect(Self.recall(Self.letterColumns.joined(), in: text) >= 0.9, "\(text)")
        // Right to left: the first column's text comes first.
        let first = try #require(text.range(of: "主旨")), second = try #require(text.range(of: "說明"))
        #expect(first.lowerBound < second.lowerBound, "\(text)")

        // Vertical glyphs, an em across their column, one below the other.
        let glyphs = OCRGlyphs.glyphs(from: result.symbols, dpi: 300, vertical: true)
        #expect(glyphs.allSatisfy { $0.isVertical && $0.angle == -90 })
        let check = try #require(glyphs.first { $0.text == "檢" })
        let subject = glyphs.filter { abs($0.box.midX - check.box.midX) < 8 && $0.box.y0 >= check.box.y0 }
        #expect(subject.count >= 25, "\(subject.map(\.text))")
        let middles = subject.map(\.box.midX)
        #expect((middles.max() ?? 0) - (middles.min() ?? 0) < 4, "one column: \(middles)")
        let tops = subject.map(\.box.y0)
        #expect(tops == tops.sorted(), "top to bottom: \(tops)")
        let em = 16.0
        let ideographs = subject.filter { OCRGlyphs.isCJK($0.text) && !"，。".contains($0.text) }
        #expect(ideographs.allSatisfy { abs($0.box.width - em) < 3 && $0.box.height < 1.5 * em }, "\(ideographs.map(\.box))")
    }

    @Test func aVerticalLanguageReadsEveryPageAsColumns() throws {
        let image = Synthetic.verticalWriting(columns: Array(Self.letterColumns.prefix(2)))
        let result = try Self.read(image, languages: "chi_tra_vert")
        #expect(result.vertical)
        #expect(Self.recall(Self.letterColumns.prefix(2).joined(), in: Self.text(result)) >= 0.8, "\(Self.text(result))")
    }

    @Test func readsAHangingNumberedListAndAnUnruledScheduleAsLines() throws {
        // The numerals of a hanging indent stand apart from the text, and a
        // schedule's times line up in a column: read as one column of text,
        // neither is cut off into a block of its own.
        let image = Synthetic.image(lines: [
            "一、目的：本次交流將透過業務觀摩、農特產品展銷、地方藝文活動",
            "　　等多面相互動，以利共同發展、互利互榮，增加城鄉建設經驗。",
            "二、交流對象：臺南市左鎮區公所、臺南市楠西區公所。",
            "三、交流期程：104年7月17日至18日。",
            "　07:00~11:00　　　國道風光",
            "　11:00~12:00　　　參訪左鎮區公所",
            "　12:00~14:00　　　午餐",
        ])
        let result = try Self.read(image, languages: "chi_tra+eng")
        let glyphs = OCRGlyphs.glyphs(from: result.symbols, dpi: 300)
        // The glyphs (their text set back) in rows, as boxes in hundredths of a point.
        let boxes = glyphs.map { g in
            OCRSymbol(text: g.text, box: PixelBox(x0: Int(g.box.x0 * 100), y0: Int(g.box.y0 * 100), x1: Int(g.box.x1 * 100),
                                                  y1: Int(g.box.y1 * 100)),
                      line: PixelBox(x0: 0, y0: 0, x1: 0, y1: 0), confidence: 0, word: 0, lineIndex: 0)
        }
        let rows = OCRGlyphs.visualRows(boxes).map { row in row.map { glyphs[$0].text }.joined() }
        #expect(!glyphs.isEmpty)
        for (row, start) in zip(rows, ["一、目的", "等多面", "二、交流對象", "三、交流期程", "07:00~11:00國道",
                                        "11:00~12:00參訪", "12:00~14:00午餐"]) {
            #expect(row.hasPrefix(start), "\(rows)")
        }
        #expect(rows.count == 7, "\(rows)")
    }

    @Test func findsTheRulingsOfASyntheticGrid() throws {
        let image = Synthetic.image(horizontal: [300, 500, 700], vertical: [300, 600, 900], span: (200, 1000))
        let rulings = try OCREngine.rulings(in: image, minLength: 120, maxThickness: 9)
        let horizontal = rulings.filter { $0.orientation == .horizontal }.sorted { $0.position < $1.position }
        let vertical = rulings.filter { $0.orientation == .vertical }.sorted { $0.position < $1.position }
        #expect(horizontal.map(\.position).count == 3, "\(horizontal)")
        #expect(vertical.map(\.position).count == 3, "\(vertical)")
        for (found, expected) in zip(horizontal, [300, 500, 700]) {
            #expect(abs(found.position - expected) <= 2, "\(found)")
            #expect(abs(found.start - 200) <= 3 && abs(found.end - 1000) <= 3, "\(found)")
            #expect(found.thickness <= 5, "\(found)")
        }
        for (found, expected) in zip(vertical, [300, 600, 900]) {
            #expect(abs(found.position - expected) <= 2, "\(found)")
        }
        // Nothing on a blank image.
        #expect(try OCREngine.rulings(in: GreyImage(width: 400, height: 400), minLength: 120, maxThickness: 9).isEmpty)
    }

    @Test func readsTheCellsOfARuledTableAndReturnsItsRulings() throws {
        // Two rows of three cells, text in each at (x, baseline y).
        let cells: [(String, Int, Int)] = [("項次", 140, 230), ("出國日期", 640, 230), ("預算", 1140, 230),
                                           ("1", 140, 460), ("臺中市花博", 640, 460), ("新臺幣51萬元", 1140, 460)]
        let image = Synthetic.table(width: 1600, height: 700, horizontal: [100, 330, 560],
                                    vertical: [100, 600, 1100, 1500], cells: cells)
        let result = try Self.read(image, languages: "chi_tra+eng")
        let horizontal = result.rulings.filter { $0.orientation == .horizontal }
        let vertical = result.rulings.filter { $0.orientation == .vertical }
        #expect(horizontal.count == 3, "\(result.rulings)")
        #expect(vertical.count == 4, "\(result.rulings)")
        let text = Self.text(result)
        for (cell, _, _) in cells {
            #expect(text.contains(cell), "\(cell) in \(text)")
        }
        // The borders are not read as characters (|, 一, —).
        #expect(!text.contains("|"), "\(text)")
    }

    /// White over `x0..<x1` × `y0..<y1` of the image (a watermark's stroke
    /// over a border, a border the table lacks).
    static func whitened(_ image: GreyImage, _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> GreyImage {
        var image = image
        for y in y0..<y1 {
            for x in x0..<x1 { image.pixels[y * image.width + x] = 255 }
        }
        return image
    }

    @Test func aBorderBrokenByAWatermarkIsOneRulingAndACellsGapStays() throws {
        let grid = Synthetic.table(width: 1600, height: 700, horizontal: [100, 330, 560],
                                   vertical: [100, 600, 700, 1500], cells: [])
        // 80 px of the middle rule gone inside a cell: one ruling again.
        let broken = try OCREngine.rulings(in: Self.whitened(grid, 300, 325, 380, 336), minLength: 120, maxThickness: 9)
        let middle = broken.filter { $0.orientation == .horizontal && abs($0.position - 330) <= 2 }
        #expect(middle.count == 1 && middle.first.map { $0.start <= 103 && $0.end >= 1497 } == true, "\(middle)")
        // Gone between two borders across it (a cell spanning the two rows): two pieces.
        let spanned = try OCREngine.rulings(in: Self.whitened(grid, 603, 325, 698, 336), minLength: 120, maxThickness: 9)
        let pieces = spanned.filter { $0.orientation == .horizontal && abs($0.position - 330) <= 2 }
        #expect(pieces.count == 2, "\(pieces)")
    }

    @Test func aCellBesideARegionWithAMissingBorderIsReadOnce() throws {
        let cells: [(String, Int, Int)] = [("項次", 140, 230), ("出國日期", 640, 230), ("預算數", 1140, 230),
                                           ("1", 140, 460), ("臺中市", 640, 460), ("五萬元", 1140, 460)]
        var image = Synthetic.table(width: 1600, height: 700, horizontal: [100, 330, 560],
                                    vertical: [100, 600, 1100, 1500], cells: cells)
        // The rule under 出國日期 and the border between 臺中市 and 五萬元 are
        // missing: those three cells are one L-shaped region around 預算數.
        image = Self.whitened(Self.whitened(image, 604, 325, 1097, 336), 1095, 334, 1106, 557)
        let text = Self.text(try Self.read(image, languages: "chi_tra+eng"))
        #expect(text.components(separatedBy: "預算數").count == 2, "\(text)")
        for (cell, _, _) in cells { #expect(text.contains(cell), "\(cell) in \(text)") }
    }

    @Test func strokesOfLargeTextAreNoRulings() throws {
        // 一 at 40 pt is a 150-pixel horizontal run: longer than the least
        // ruling, but it meets no other line and is shorter than a lone rule.
        let image = Synthetic.image(width: 1600, height: 700, lines: ["一二十"], points: 40)
        let result = try Self.read(image, languages: "chi_tra", steps: [.rulings])
        #expect(result.rulings.isEmpty, "\(result.rulings)")
    }

    @Test func turnsAnUpsideDownPageUpright() throws {
        let image = Synthetic.upsideDown(Synthetic.image(height: 1400, lines: Self.paragraph))
        let result = try Self.read(image, languages: "chi_tra+eng")
        #expect(result.turn == 180, "turn \(result.turn), OSD confidence \(result.orientationConfidence)")
        #expect(Self.recall(Self.paragraph.joined(), in: Self.text(result)) > 0.9, "\(Self.text(result))")
    }

    @Test func turnsASidewaysPageUpright() throws {
        let image = Synthetic.quarterTurnLeft(Synthetic.image(height: 1400, lines: Self.paragraph))
        let result = try Self.read(image, languages: "chi_tra+eng")
        #expect(result.turn == 90, "turn \(result.turn), OSD confidence \(result.orientationConfidence)")
        #expect(result.width == 2480 && result.height == 1400, "\(result.width)×\(result.height)")
        #expect(Self.recall(Self.paragraph.joined(), in: Self.text(result)) > 0.9, "\(Self.text(result))")
    }

    @Test func deskewsASlightlyTurnedPage() throws {
        let image = Synthetic.image(height: 1400, lines: Self.paragraph, degrees: 1.5)
        let result = try Self.read(image, languages: "chi_tra+eng")
        #expect(abs(abs(result.skew) - 1.5) < 0.3, "skew \(result.skew)")
        #expect(Self.recall(Self.paragraph.joined(), in: Self.text(result)) > 0.9, "\(Self.text(result))")
    }

    // MARK: - Glyphs from symbols

    static func symbol(_ text: String, _ x: Int, word: Int, line: Int = 0, confidence: Double = 95) -> OCRSymbol {
        OCRSymbol(text: text, box: PixelBox(x0: x, y0: 100, x1: x + 50, y1: 150),
                  line: PixelBox(x0: 0, y0: 95, x1: 2000, y1: 155), confidence: confidence, word: word, lineIndex: line)
    }

    @Test func glyphsCarryNoSpacesBetweenCJKCharacters() {
        // Tesseract reads 臺 中 市 as three words with spaces between.
        let symbols = [Self.symbol("臺", 0, word: 0), Self.symbol(" ", 50, word: 0), Self.symbol("中", 60, word: 1),
                       Self.symbol("\u{3000}", 110, word: 1), Self.symbol("市 ", 120, word: 2)]
        let glyphs = OCRGlyphs.glyphs(from: symbols, dpi: 300)
        #expect(glyphs.map(\.text) == ["臺", "中", "市"])
        #expect(glyphs.allSatisfy { $0.ocrConfidence == 95 })
        #expect(OCRGlyphs.cleaned(" 中\u{200B}文 ") == "中文")
    }

    @Test func asciiPunctuationOfCJKTextIsSetFullWidth() {
        func texts(_ s: [String]) -> [String] {
            OCRGlyphs.glyphs(from: s.enumerated().map { Self.symbol($0.element, $0.offset * 60, word: $0.offset) }, dpi: 300)
                .map(\.text)
        }
        #expect(texts(["臺", "中", ",", "市"]) == ["臺", "中", "，", "市"])
        #expect(texts(["7", ",", "6", "5", "0"]) == ["7", ",", "6", "5", "0"])
        #expect(texts(["簡", "稱", "(", "以", "下", ")"]) == ["簡", "稱", "（", "以", "下", "）"])
        #expect(texts(["(", "2", "0", "1", "8", ")"]) == ["(", "2", "0", "1", "8", ")"])
        #expect(texts(["間", ":", "中"]) == ["間", "：", "中"])
        #expect(texts(["A", ":", "B"]) == ["A", ":", "B"])
    }

    @Test func timeRangeSeparatorsAreSetBack() {
        func texts(_ line: String) -> String {
            OCRGlyphs.glyphs(from: line.enumerated().map { Self.symbol(String($0.element), $0.offset * 60, word: $0.offset) },
                             dpi: 300).map(\.text).joined()
        }
        #expect(texts("07:00711:00國道風光") == "07:00~11:00國道風光")
        #expect(texts("13:00°17:00") == "13:00~17:00")
        // A hyphen read as a hyphen is what was printed.
        #expect(texts("8:30-12:00") == "8:30-12:00")
        // Not a range: left alone.
        #expect(texts("07:00 7人") == "07:007人")
        #expect(texts("共17:30") == "共17:30")
    }

    @Test func timeRangeSeparatorsAreSetBackAcrossTesseractLines() {
        // An unruled schedule's row 12:00~13:00 午餐 that Tesseract's layout
        // analysis cut at the colons: 12: | 00713: | 00 午餐, three lines at
        // the same height, given in column order.
        let pieces: [(String, Int)] = [("1", 0), ("2", 1), (":", 2), ("0", 3), ("0", 4), ("7", 5), ("1", 6), ("3", 7),
                                       (":", 8), ("0", 9), ("0", 10), ("午", 12), ("餐", 13)]
        func line(_ slot: Int) -> Int { slot < 3 ? 0 : slot < 9 ? 1 : 2 }
        var symbols = pieces.map { Self.symbol($0.0, $0.1 * 60, word: line($0.1), line: line($0.1)) }
        // Column order: the first piece of every row, then the second ...
        symbols.sort { (line(Int($0.box.x0 / 60)), $0.box.x0) < (line(Int($1.box.x0 / 60)), $1.box.x0) }
        let glyphs = OCRGlyphs.glyphs(from: symbols, dpi: 300)
        let text = glyphs.sorted { $0.box.x0 < $1.box.x0 }.map(\.text).joined()
        #expect(text == "12:00~13:00午餐")
        // Two times in columns far apart with a 7 between are no range.
        let apart = [("0", 0), ("8", 1), (":", 2), ("3", 3), ("0", 4), ("7", 12), ("1", 20), ("2", 21), (":", 22),
                     ("0", 23), ("0", 24)].map { Self.symbol($0.0, $0.1 * 60, word: $0.1 < 10 ? 0 : $0.1 < 15 ? 1 : 2) }
        #expect(OCRGlyphs.glyphs(from: apart, dpi: 300).map(\.text).joined() == "08:30712:00")
    }

    @Test func aLabelMisreadByOneUnsureCharacterIsSetBack() {
        func read(_ line: String, unsure: Int? = nil, confidence: Double = 92) -> String {
            let symbols = line.enumerated().map {
                Self.symbol(String($0.element), $0.offset * 60, word: $0.offset,
                            confidence: $0.offset == unsure ? confidence : 98)
            }
            return OCRGlyphs.glyphs(from: symbols, dpi: 300).map(\.text).joined()
        }
        // A header cell: 計畫名稱 read 計畫名般 at 92.
        #expect(read("計畫名般", unsure: 3) == "計畫名稱")
        #expect(read("(計畫名般)", unsure: 4) == "（計畫名稱）")
        // A label at the start of a line, before its colon.
        #expect(read("計畫名般：城鄉交流計畫", unsure: 3) == "計畫名稱：城鄉交流計畫")
        // Sure of it: left alone; so is a vocabulary word, and running text.
        #expect(read("計畫名般", unsure: 3, confidence: 99) == "計畫名般")
        #expect(read("出國人數", unsure: 3) == "出國人數")
        #expect(read("本府依計畫名般辦理各項業務", unsure: 6) == "本府依計畫名般辦理各項業務")
        // Two characters off, or a digit for an ideograph: no label.
        #expect(read("計晝名般", unsure: 3) == "計晝名般")
        #expect(read("出國人1", unsure: 3) == "出國人1")
    }

    @Test func aLabelCloseToTwoWordsIsLeftAlone() {
        let line = Array("出國人貝")
        let confidences = [98.0, 98, 98, 80]
        #expect(OCRGlyphs.vocabularyCorrection(line, confidences: confidences, vocabulary: ["出國人員", "出國人數"]).isEmpty)
        let one = OCRGlyphs.vocabularyCorrection(line, confidences: confidences, vocabulary: ["出國人員"])
        #expect(one.map(\.0) == [3] && one.map(\.1) == ["員"])
    }

    @Test func visualRowsGroupSymbolsByHeightNotByTesseractLine() {
        func at(_ text: String, x: Int, y: Int, line: Int) -> OCRSymbol {
            OCRSymbol(text: text, box: PixelBox(x0: x, y0: y, x1: x + 40, y1: y + 50),
                      line: PixelBox(x0: 0, y0: y - 5, x1: 2000, y1: y + 55), confidence: 90, word: line, lineIndex: line)
        }
        // Row one in two Tesseract lines (given right piece first), row two below.
        let symbols = [at("c", x: 300, y: 100, line: 0), at("a", x: 0, y: 102, line: 1), at("b", x: 60, y: 98, line: 1),
                       at("d", x: 0, y: 200, line: 2)]
        #expect(OCRGlyphs.visualRows(symbols) == [[1, 2, 0], [3]])
    }

    @Test func lettersOfAWordTouchAndWordsKeepTheirGap() {
        let symbols = [Self.symbol("C", 0, word: 0), Self.symbol("I", 70, word: 0), Self.symbol("T", 140, word: 1)]
        let glyphs = OCRGlyphs.glyphs(from: symbols, dpi: 72)
        #expect(glyphs.count == 3)
        if glyphs.count == 3 {
            #expect(glyphs[0].box.x1 == glyphs[1].box.x0)
            #expect(glyphs[1].box.x1 < glyphs[2].box.x0)
        }
    }

    @Test func glyphsAreTheEmOfTheirLineCentredOnItsInkUnlessTheLineHoldsTwoRows() throws {
        func at(_ text: String, x: Int, y0: Int, y1: Int, line: PixelBox, index: Int) -> OCRSymbol {
            OCRSymbol(text: text, box: PixelBox(x0: x, y0: y0, x1: x + 45, y1: y1), line: line, confidence: 98,
                      word: x, lineIndex: index)
        }
        // 稱 of a header reaches 28 px above and below its line (an LSTM box left as it was).
        let line = PixelBox(x0: 0, y0: 742, x1: 400, y1: 789)
        let header = OCRGlyphs.glyphs(from: [at("藥", x: 0, y0: 742, y1: 788, line: line, index: 0),
                                             at("名", x: 60, y0: 742, y1: 789, line: line, index: 0),
                                             at("稱", x: 120, y0: 722, y1: 816, line: line, index: 0)], dpi: 72)
        #expect(header.count == 3)
        #expect(Set(header.map(\.box.y0)).count == 1 && Set(header.map(\.box.y1)).count == 1, "\(header.map(\.box))")
        let first = try #require(header.first)
        #expect(abs(first.box.midY - 765.5) < 0.01 && abs(first.box.height - 1.1 * 47) < 0.2, "\(first.box)")
        // A CJK character is its em across, centred on its ink, not over its neighbours' ink.
        #expect(abs(first.box.width - 1.1 * 47) < 0.2 || first.box.x1 == 60, "\(first.box)")
        // A line box of two rows (a heading woven into the line below): each row on its own ink.
        let tall = PixelBox(x0: 0, y0: 330, x1: 400, y1: 447)
        let woven = OCRGlyphs.glyphs(from: [at("考", x: 0, y0: 330, y1: 380, line: tall, index: 1),
                                            at("經", x: 60, y0: 404, y1: 446, line: tall, index: 1)], dpi: 72)
        let upper = try #require(woven.first), lower = try #require(woven.last)
        #expect(upper.box.y1 <= lower.box.y0 + 2, "\(upper.box) \(lower.box)")
        #expect(abs(upper.box.midY - 355) < 0.01 && abs(lower.box.midY - 425) < 0.01)
    }

    @Test func aQuoteInsideACharacterAndAnItemNumberReadAsLetters() {
        func at(_ text: String, _ x0: Int, _ x1: Int, y0: Int = 405, y1: Int = 446, word: Int) -> OCRSymbol {
            OCRSymbol(text: text, box: PixelBox(x0: x0, y0: y0, x1: x1, y1: y1), line: PixelBox(x0: 0, y0: 404, x1: 1000, y1: 447),
                      confidence: 95, word: word, lineIndex: 0)
        }
        let quote = OCRGlyphs.glyphs(from: [at("署", 577, 620, word: 0), at("“", 644, 651, y0: 413, y1: 431, word: 1),
                                            at("中", 644, 678, word: 1), at("華", 699, 726, word: 2)], dpi: 300)
        #expect(quote.map(\.text).joined() == "署中華")
        let number = OCRGlyphs.glyphs(from: [at("O", 260, 280, word: 0), at("l", 285, 292, word: 0), at("赴", 330, 375, word: 1)],
                                      dpi: 300)
        #expect(number.map(\.text).joined() == "01赴")
        // Latin words stay: OK, Io before a CJK word are no numbers without a digit-like letter besides O.
        let word = OCRGlyphs.glyphs(from: [at("O", 260, 280, word: 0), at("K", 285, 300, word: 0), at("赴", 330, 375, word: 1)],
                                    dpi: 300)
        #expect(word.map(\.text).joined() == "OK赴")
    }

    @Test func aBoxReachingOverTheNextSymbolEndsWhereItBegins() throws {
        // % of 2.8% 第 given 393–689, over 第 at 456.
        let line = PixelBox(x0: 300, y0: 823, x1: 800, y1: 871)
        func at(_ text: String, _ x0: Int, _ x1: Int, word: Int) -> OCRSymbol {
            OCRSymbol(text: text, box: PixelBox(x0: x0, y0: 832, x1: x1, y1: 863), line: line, confidence: 99, word: word,
                      lineIndex: 0)
        }
        let glyphs = OCRGlyphs.glyphs(from: [at("8", 351, 390, word: 0), at("%", 393, 689, word: 0), at("第", 456, 515, word: 1)],
                                      dpi: 72)
        #expect(glyphs.count == 3)
        if glyphs.count == 3 { #expect(glyphs[1].box.x1 == 456) }
    }

    @Test func inkReadTwiceByTwoTesseractLinesIsOneCharacter() {
        func at(_ text: String, _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, line: Int, confidence: Double) -> OCRSymbol {
            OCRSymbol(text: text, box: PixelBox(x0: x0, y0: y0, x1: x1, y1: y1),
                      line: PixelBox(x0: 0, y0: y0 - 2, x1: 1000, y1: y1 + 2), confidence: confidence, word: line, lineIndex: line)
        }
        // 通運輸 and 交通 over one 通: the surer reading stays.
        let overOne = OCRGlyphs.glyphs(from: [at("交", 100, 100, 140, 140, line: 0, confidence: 90),
                                              at("通", 150, 100, 190, 140, line: 0, confidence: 90),
                                              at("通", 151, 101, 191, 141, line: 1, confidence: 60),
                                              at("運", 200, 101, 240, 141, line: 1, confidence: 80)], dpi: 300)
        #expect(overOne.map(\.text).joined() == "交通運")
        // 交 cut across into 交 over 父: one square, the surer half read.
        let cut = OCRGlyphs.glyphs(from: [at("交", 100, 100, 140, 120, line: 0, confidence: 80),
                                          at("父", 101, 119, 140, 142, line: 1, confidence: 60)], dpi: 300)
        #expect(cut.map(\.text).joined() == "交")
        // Two rows of a table, one under the other, touching: both read.
        let rows = OCRGlyphs.glyphs(from: [at("計", 100, 100, 140, 140, line: 0, confidence: 80),
                                           at("畫", 100, 138, 140, 178, line: 1, confidence: 60)], dpi: 300)
        #expect(rows.map(\.text).joined() == "計畫")
        // The same character twice on one line is the printed text.
        let same = OCRGlyphs.glyphs(from: [at("人", 100, 100, 140, 140, line: 0, confidence: 80),
                                           at("人", 130, 100, 170, 140, line: 0, confidence: 60)], dpi: 300)
        #expect(same.map(\.text).joined() == "人人")
    }

    @Test func aShortDashAloneInACellIsAHyphenAndAFullOneStays() {
        func cell(_ text: String, width: Int) -> String {
            let symbol = OCRSymbol(text: text, box: PixelBox(x0: 500, y0: 118, x1: 500 + width, y1: 122),
                                   line: PixelBox(x0: 500, y0: 100, x1: 500 + width, y1: 140), confidence: 80, word: 0, lineIndex: 0)
            return OCRGlyphs.glyphs(from: [symbol], dpi: 300).map(\.text).joined()
        }
        #expect(cell("一", width: 16) == "-")
        #expect(cell("—", width: 16) == "-")
        #expect(cell("一", width: 40) == "一")
        // 一 in a word is the ideograph, however short it was read.
        let word = OCRGlyphs.glyphs(from: [Self.symbol("第", 0, word: 0), Self.symbol("一", 60, word: 0)], dpi: 300)
        #expect(word.map(\.text).joined() == "第一")
    }

    @Test func anUnsureIdeographInBracketsAfterACaptionIsItsContinuationMark() {
        func caption(_ s: String, markConfidence: Double) -> String {
            let characters = Array(s).map(String.init)
            return OCRGlyphs.glyphs(from: characters.enumerated().map { offset, text in
                Self.symbol(text, offset * 60, word: offset, confidence: offset == characters.count - 2 ? markConfidence : 98)
            }, dpi: 300).map(\.text).joined()
        }
        #expect(caption("預算類別表(疆)", markConfidence: 91) == "預算類別表（續）")
        // Read surely, or a part's number, or a draft: as read.
        #expect(caption("預算類別表(疆)", markConfidence: 99) == "預算類別表（疆）")
        #expect(caption("預算類別表(二)", markConfidence: 80) == "預算類別表（二）")
        #expect(caption("澎湖縣政府函(稿)", markConfidence: 80) == "澎湖縣政府函（稿）")
        // Not after a caption.
        #expect(caption("第12頁(疆)", markConfidence: 80) == "第12頁（疆）")
    }

    @Test func aLetterOAfterACJKCharacterIsAFullStop() {
        func texts(_ s: [String]) -> String {
            OCRGlyphs.glyphs(from: s.enumerated().map { Self.symbol($0.element, $0.offset * 60, word: $0.offset) }, dpi: 300)
                .map(\.text).joined()
        }
        #expect(texts(["事", "項", "o", "主", "管"]) == "事項。主管")
        #expect(texts(["之", "o"]) == "之。")
        #expect(texts(["型", "號", "o", "k"]) == "型號ok")
        #expect(texts(["A", "o", "B"]) == "AoB")
    }

    // MARK: - Pages

    @Test func anOCRPageHasTheSameModelTurnedAndMarked() throws {
        let original = Page(number: 4, width: 595, height: 842, images: [Rect(x0: 0, y0: 0, x1: 595, y1: 842)])
        let result = OCRResult(width: 3508, height: 2480, turn: 90, orientationConfidence: 9, skew: 0.4,
                               meanConfidence: 90, symbols: [Self.symbol("臺", 300, word: 0)],
                               rulings: [PixelRuling(orientation: .horizontal, position: 300, start: 0, end: 3000, thickness: 4)])
        let page = OCRReader.page(from: result, replacing: original, options: OCROptions())
        #expect(page.width == 842 && page.height == 595)
        #expect(page.number == 4)
        let ocr = try #require(page.ocr)
        #expect(ocr.turned == 90 && ocr.dpi == 300 && ocr.languages == ["chi_tra", "eng"] && ocr.characters == 1)
        #expect(ocr.textLayer == .none)
        #expect(!page.hasTextLayer)
        let ruling = try #require(page.rulings.first)
        #expect(abs(ruling.position - 72) < 0.01 && abs(ruling.end - 720) < 0.01)
    }

    @Test func autoReadsScansOnly() {
        let full = Rect(x0: 0, y0: 0, x1: 595, y1: 842)
        let scan = Page(number: 1, width: 595, height: 842, images: [full])
        #expect(OCRDecision.isScan(scan))
        // Blank, or drawn in vector graphics: no image, no scan.
        #expect(!OCRDecision.isScan(Page(number: 1, width: 595, height: 842)))
        let word = Glyph(text: "臺", box: Rect(x0: 10, y0: 10, x1: 20, y1: 20), size: 10)
        #expect(!OCRDecision.isScan(Page(number: 1, width: 595, height: 842, glyphs: Array(repeating: word, count: 200), images: [full])))
        // A scan with a page number stamped over it.
        let stamped = Page(number: 1, width: 595, height: 842, glyphs: Array(repeating: word, count: 8),
                           images: [Rect(x0: 100, y0: 100, x1: 500, y1: 700)])
        #expect(OCRDecision.isScan(stamped))
        // A scan that already has an invisible OCR layer: it has text.
        var hidden = word
        hidden.isInvisible = true
        #expect(!OCRDecision.isScan(Page(number: 1, width: 595, height: 842, glyphs: [hidden], images: [full])))
        // Text lost for a language pack is text: never guessed by OCR.
        #expect(!OCRDecision.isScan(Page(number: 1, width: 595, height: 842, images: [full], undecodedTextRuns: 3)))
        #expect(OCROptions(mode: .force).wants(Page(number: 1, width: 595, height: 842)))
        #expect(!OCROptions(mode: .off).wants(scan))
        // Pages outside `pages` are never read, even when forced.
        #expect(!OCROptions(mode: .force, pages: [2]).wants(Page(number: 1, width: 595, height: 842)))
        #expect(OCROptions(mode: .force, pages: [1]).wants(Page(number: 1, width: 595, height: 842)))
    }

    @Test func noBornDigitalCorpusPageIsAScan() throws {
        let corpus = Fixtures.packageRoot.appendingPathComponent("corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".pdf") }
        #expect(!names.isEmpty)
        for name in names {
            let document = try PDFDocument(path: corpus.appendingPathComponent(name).path)
            for number in 1...document.pageCount {
                #expect(!OCRDecision.isScan(try document.page(number)), "\(name) page \(number)")
            }
        }
    }

    @Test func lowConfidenceCellsAreFound() {
        var page = Page(number: 2, width: 595, height: 842, glyphs: [
            Glyph(text: "臺", box: Rect(x0: 10, y0: 10, x1: 20, y1: 20), size: 10, ocrConfidence: 40),
            Glyph(text: "中", box: Rect(x0: 20, y0: 10, x1: 30, y1: 20), size: 10, ocrConfidence: 50),
            Glyph(text: "市", box: Rect(x0: 110, y0: 10, x1: 120, y1: 20), size: 10, ocrConfidence: 99),
        ])
        let cells = [Rect(x0: 0, y0: 0, x1: 100, y1: 30), Rect(x0: 100, y0: 0, x1: 200, y1: 30), Rect(x0: 200, y0: 0, x1: 300, y1: 30)]
        // Not an OCR page: nothing to say.
        #expect(OCRConfidence.lowCells(on: page, cells: cells).isEmpty)
        page.ocr = OCRInfo(engine: "tesseract", version: "5", languages: ["chi_tra"], dpi: 300, meanConfidence: 63, characters: 3)
        let low = OCRConfidence.lowCells(on: page, cells: cells)
        #expect(low.count == 1)
        #expect(low.first?.text == "臺中" && low.first?.confidence == 45)
    }
}

