import Foundation
import GazetteTestSupport
import Testing
@testable import GazetteRead

/// The check for text layers that are not language, on synthetic glyphs:
/// sound text, each kind of garble, mixed pages, and the thresholds at
/// their edges.
@Suite struct GarbledTextTests {
    /// Glyphs of `text`, one per character, in font `font`, left to right
    /// on line `line`; `width` in ems (CJK 1, Latin 0.5).
    static func glyphs(_ text: String, font: Int = 0, line: Int = 0, width: Double = 1, from x: Double = 50) -> [Glyph] {
        text.enumerated().map { i, c in
            let x0 = x + Double(i) * 10 * width
            return Glyph(text: String(c), box: Rect(x0: x0, y0: 100 + Double(line) * 14, x1: x0 + 10 * width, y1: 110 + Double(line) * 14),
                         font: font, size: 10)
        }
    }

    static let fonts = [FontInfo(name: "AAAAAA+DFKaiShu-SB-Estd-BF"), FontInfo(name: "BBBBBB+LinGothic-bold"),
                        FontInfo(name: "CCCCCC+TimesNewRoman")]

    static func detect(_ glyphs: [Glyph], unmapped: [UnmappedGlyph] = []) -> GarbledText? {
        GarbledTextDetector.detect(glyphs: glyphs, unmapped: unmapped, fonts: fonts)
    }

    static let sound = "本初稿係高雄市議會公報之底稿，僅供參閱，所載內容如有錯、漏，請於出版三日內儘速通知議事組更正。電話：(07)7470171 轉 262"

    @Test func soundTextIsNotFlagged() {
        #expect(Self.detect(Self.glyphs(Self.sound)) == nil)
        // Names with a few rare ideographs (Big5 level 2, extension B) are sound.
        #expect(Self.detect(Self.glyphs(Self.sound + "議員蔡媖媖、林𥕢昇、王鯤鯓提案")) == nil)
        // Greek letters of formulas, kana, bopomofo, pinyin, dot leaders, amounts in parentheses.
        #expect(Self.detect(Self.glyphs("設隨機變數服從常態分配，μ與σ未知，α＝0.05，ε為誤差", font: 0)) == nil)
        #expect(Self.detect(Self.glyphs("αβεσμαβεσμ", font: 1)) == nil)
        #expect(Self.detect(Self.glyphs("これは日本語の文章です。カタカナもあります。ㄅㄆㄇㄈ")) == nil)
        #expect(Self.detect(Self.glyphs("Gāoxióng Shì, Táinán, Zhōngzhèng Lù", font: 2, width: 0.5)) == nil)
        #expect(Self.detect(Self.glyphs("第一章 ............................ 1-2 (3,456) (7,890) 12.5% a/b", font: 2, width: 0.5)) == nil)
        // Two private-use characters in a row (end-user-defined ideographs of a name): sound.
        #expect(Self.detect(Self.glyphs("議員王\u{E001}\u{E002}明提案", font: 0)) == nil)
        #expect(Self.detect([]) == nil)
    }

    @Test func characterIdsReadAsCodePointsAreAForeignScript() throws {
        // A Big5 CID font without ToUnicode, Identity-H: CIDs as code points.
        let junk = Self.glyphs("ᆵύѱ᝼཮ಃ˞ۛಃˡԛᖏਔ཮!!ಃ4ԛ཮᝼इᒵ!ύ๮҇୯211ԃ19Д1:ВȐࢃයΒȑ", font: 0)
        let page = Self.glyphs("- 852 -", font: 2, line: 5, width: 0.5)
        let garbled = try #require(Self.detect(junk + page))
        let font = try #require(garbled.fonts.first)
        #expect(garbled.fonts.count == 1 && font.index == 0 && font.kind == .foreignScript && font.wholeFont)
        #expect(font.name == "AAAAAA+DFKaiShu-SB-Estd-BF")
        #expect(font.glyphs == junk.count)
        #expect(garbled.isMostOfPage)
        // The page number's glyphs are sound.
        #expect(garbled.contains(glyph: 0) && garbled.contains(glyph: junk.count - 1))
        #expect(!garbled.contains(glyph: junk.count) && !garbled.contains(glyph: junk.count + 2))
    }

    @Test func aFontOfSpeakerLabelsAmongSoundTextIsFlaggedAlone() throws {
        // 主席（…）： in a font without a proper ToUnicode, between sound paragraphs.
        let body1 = Self.glyphs(Self.sound, font: 0)
        let label = Self.glyphs("͹यĞౙᛉࣶ୿࡚ğĈ", font: 1, line: 1)
        let body2 = Self.glyphs(Self.sound, font: 0, line: 2)
        let glyphs = body1 + label + body2
        let garbled = try #require(Self.detect(glyphs))
        #expect(garbled.fonts.map(\.index) == [1])
        #expect(garbled.fonts.first?.kind == .foreignScript)
        #expect(!garbled.isMostOfPage)
        #expect(garbled.runs == [body1.count..<(body1.count + label.count)])
        #expect(garbled.garbledGlyphs == label.count)
        for index in glyphs.indices {
            #expect(garbled.contains(glyph: index) == (body1.count..<(body1.count + label.count)).contains(index))
        }
    }

    @Test func privateUseFontsAreFlagged() throws {
        let formula = Self.glyphs("\u{F03D}\u{F02D}\u{F02B}\u{F0B4}\u{F0A3}", font: 1)
        let garbled = try #require(Self.detect(Self.glyphs(Self.sound) + formula))
        #expect(garbled.fonts.map(\.kind) == [.privateUse])
    }

    /// An exam font's option markers (U+E18C Ⓐ …), one before each option
    /// in another font: symbols, not garbled text; the same code points
    /// three in a row are.
    @Test func privateUseSymbolsSetOneAtATimeAreNotFlagged() throws {
        var glyphs: [Glyph] = []
        for (k, option) in ["檢定統計量為1.07", "不拒絕虛無假設", "使用卡方檢定", "使用t檢定"].enumerated() {
            glyphs += Self.glyphs(String(UnicodeScalar(0xE18C + UInt32(k))!), font: 1, line: k)
            glyphs += Self.glyphs(option, font: 0, line: k, from: 60)
        }
        #expect(Self.detect(glyphs) == nil)
        let run = Self.glyphs("\u{E18C}\u{E18D}\u{E18E}\u{E18F}", font: 1, line: 5)
        #expect(try #require(Self.detect(glyphs + run)).fonts.map(\.kind) == [.privateUse])
    }

    @Test func glyphsWithoutUnicodeAreFlaggedWithTheirFont() throws {
        let unmapped = (0..<20).map { UnmappedGlyph(box: Rect(x0: Double($0) * 10, y0: 300, x1: Double($0) * 10 + 10, y1: 310), font: 0, size: 10) }
        let mapped = Self.glyphs("鯤鯓2翊翊", font: 0) + Self.glyphs("1,561 294 980", font: 2, line: 3, width: 0.5)
        let garbled = try #require(Self.detect(mapped, unmapped: unmapped))
        let font = try #require(garbled.fonts.first)
        #expect(font.kind == .noUnicode && font.index == 0 && font.glyphs == 25)
        #expect(garbled.containsUnmapped(font: 0) && !garbled.containsUnmapped(font: 2))
        #expect(garbled.textGlyphs == 20 + 5 + 11)
        // Too few to say.
        #expect(Self.detect(Self.glyphs(Self.sound), unmapped: Array(unmapped.prefix(3))) == nil)
    }

    @Test func mostlyRareIdeographsAreAWrongMap() throws {
        // A ToUnicode map pointing at wrong characters: valid, rare ideographs.
        let wrong = Self.detect(Self.glyphs("鯤鯓翊翊翊翊翊翊翊翊翊翊蜞璉翊翊翊鯤壳檨鯤翊", font: 0))
        #expect(wrong?.fonts.first?.kind == .rareIdeographs)
        // Edges: 8 ideographs, half rare: flagged; 7 ideographs all rare, or 3 rare of 8: not.
        #expect(Self.detect(Self.glyphs("鯤鯓翊蜞臺南市政", font: 0))?.fonts.first?.kind == .rareIdeographs)
        #expect(Self.detect(Self.glyphs("鯤鯓翊蜞璉檨鑫", font: 0)) == nil)
        #expect(Self.detect(Self.glyphs("鯤鯓翊臺南市政府", font: 0)) == nil)
    }

    @Test func asciiDrawnAsWideAsCJKIsACustomEncoding() throws {
        // A CJK font whose glyphs a custom encoding numbers from `!`: ASCII, one em wide.
        let soup = Self.glyphs("!\"#$%&'()*!+,-./0$1234&5", font: 1)
        #expect(Self.detect(soup)?.fonts.first?.kind == .asciiSoup)
        // The same characters drawn as ASCII is: sound (a formula, a URL).
        #expect(Self.detect(Self.glyphs("!\"#$%&'()*!+,-./0$1234&5", font: 2, width: 0.5)) == nil)
        // Edges: 9 wide ASCII glyphs are too few; full-width letters are language.
        #expect(Self.detect(Self.glyphs("!\"#$%&'()", font: 1)) == nil)
        #expect(Self.detect(Self.glyphs("ＡＢＣＤＥＦＧＨＩＪＫＬ（一）", font: 0)) == nil)
        // Wide ASCII without punctuation (a monospaced code): not soup.
        #expect(Self.detect(Self.glyphs("ABCDEFGHIJKL", font: 1)) == nil)
    }

    @Test func theFontThresholdsAtTheirEdges() throws {
        // (Letters of foreign scripts that are one character each: Cyrillic, Armenian.)
        // 2 glyphs of a foreign script in a font of their own: too few; 3 are a
        // garbled run; 4 a garbled font.
        #expect(Self.detect(Self.glyphs(Self.sound, font: 0) + Self.glyphs("ЖԱ", font: 1, line: 1)) == nil)
        let three = Self.detect(Self.glyphs(Self.sound, font: 0) + Self.glyphs("ЖԱД", font: 1, line: 1))
        #expect(three?.fonts.map(\.wholeFont) == [false] && three?.garbledGlyphs == 3)
        let four = Self.detect(Self.glyphs(Self.sound, font: 0) + Self.glyphs("ЖԱДԲ", font: 1, line: 1))
        #expect(four?.fonts.map(\.wholeFont) == [true] && four?.garbledGlyphs == 4)
        // 4 against 4 words of language in the same font: half, flagged whole.
        let half = try #require(Self.detect(Self.glyphs("ЖԱ臺南ДԲ市政", font: 1)))
        #expect(half.fonts.first?.wholeFont == true)
        // 4 against 5: the font is sound as a whole, but a run of 3 or more is garbled.
        let run = try #require(Self.detect(Self.glyphs("臺南市政府ЖԱДԲ", font: 1)))
        let font = try #require(run.fonts.first)
        #expect(!font.wholeFont && font.glyphs == 4 && font.kind == .foreignScript)
        #expect(run.runs == [5..<9])
        // A run of two in a sound font is not.
        #expect(Self.detect(Self.glyphs("臺南市政府ЖԱ臺南市政府", font: 1)) == nil)
    }

    @Test func theShareOfThePageDecidesWholeOrPart() throws {
        // Garbled glyphs at exactly half of the page's text: most of the page.
        let half = try #require(Self.detect(Self.glyphs("臺南市政府議會", font: 0) + Self.glyphs("ЖԱДԲЛԳЯ", font: 1, line: 1)))
        #expect(half.share == 0.5 && half.isMostOfPage)
        let less = try #require(Self.detect(Self.glyphs("臺南市政府議會公", font: 0) + Self.glyphs("ЖԱДԲЛԳЯ", font: 1, line: 1)))
        #expect(less.share < 0.5 && !less.isMostOfPage)
    }
}

/// Every page of the corpora whose text layer is sound (our typeset corpus,
/// `../shared/corpus`, and the tuned real files the truth calls sound): no
/// page is flagged, and the garbled pages of the real corpus are.
@Suite struct GarbledTextCorpusTests {
    /// Pages of tuned real files whose text layer is garbled though the
    /// truth (which covers other pages) calls the file sound: the budget
    /// book's section covers and contents drawn in a Big5 CID font without
    /// ToUnicode (`225 ԃ ࡋ ཥ ч ѱ` for 115 年度新北市), looked at.
    static let knownGarbled: [String: Set<Int>] = ["lbp__新北市政府主計處115年度單位預算.pdf": [37, 39, 54, 55]]

    static var realDirectory: URL { Fixtures.sharedCorpus.deletingLastPathComponent().appendingPathComponent("corpus-real") }

    /// The tuned real files and what their truth says of the text layer (held-out files are not opened).
    static func tunedRealFiles() throws -> [(name: String, textLayer: String)] {
        let truth = Fixtures.packageRoot.appendingPathComponent("corpus/truth-real")
        let holdout = try String(contentsOf: truth.appendingPathComponent("HOLDOUT.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let heldOut = Set(holdout.filter { !$0.isEmpty && !$0.hasPrefix("#") })
        var out: [(String, String)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: truth.path).sorted() where file.hasSuffix(".truth.json") {
            let name = String(file.dropLast(".truth.json".count)) + ".pdf"
            guard !heldOut.contains(name) else { continue }
            let data = try Data(contentsOf: truth.appendingPathComponent(file))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            out.append((name, json["textLayer"] as? String ?? "sound"))
        }
        return out
    }

    static func describe(_ garbled: GarbledText) -> String {
        garbled.fonts.map { "\($0.name) \($0.kind) \($0.glyphs) 「\($0.sample)」" }.joined(separator: "; ")
    }

    @Test func neverFiresOnASoundPage() throws {
        var paths = Fixtures.allPDFs()
        let real = try Self.tunedRealFiles()
        #expect(real.count >= 25)
        paths += real.filter { $0.textLayer == "sound" }.map { Self.realDirectory.appendingPathComponent($0.name).path }
        #expect(paths.count >= 50)
        var checked = 0
        for path in paths {
            let name = (path as NSString).lastPathComponent
            // The encrypted sample needs a password it does not give: nothing to read.
            guard let document = try? PDFDocument(path: path) else {
                #expect(name.contains("encrypted"), "\(name) cannot be opened")
                continue
            }
            let known = Self.knownGarbled[name] ?? []
            for number in 1...document.pageCount {
                let garbled = try document.page(number).garbledText
                if known.contains(number) {
                    #expect(garbled != nil, "\(name) page \(number) is garbled")
                } else {
                    #expect(garbled == nil, "\(name) page \(number): \(garbled.map(Self.describe) ?? "")")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func firesOnTheGarbledRealFiles() throws {
        for (name, pages, kind, most) in [
            ("cvg__臺中市議會_第1屆第4次臨時會第3次會議議事錄_無ToUnicode.pdf", 1...17, GarbledText.Kind.foreignScript, true),
            ("cvg__臺南市政府_102年度議員建議事項_字型對應錯誤.pdf", 1...15, .noUnicode, true),
            ("cvg__高雄市議會_公報初稿_第1屆第7次定期大會第21次會議.pdf", 3...8, .foreignScript, false),
        ] {
            let document = try PDFDocument(path: Self.realDirectory.appendingPathComponent(name).path)
            for number in pages {
                let garbled = try #require(try document.page(number).garbledText, "\(name) page \(number)")
                #expect(garbled.fonts.contains { $0.kind == kind }, "\(name) page \(number)")
                #expect(garbled.isMostOfPage == most, "\(name) page \(number)")
            }
        }
    }
}

