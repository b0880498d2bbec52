import Testing

@testable import GazetteNormalise

@Suite struct TextFolderTests {
    @Test(arguments: [
        // Sample forms.
        ("⼈⼝統計　（一）", "人口統計（一）"),
        ("中   華   民   國", "中華民國"),
        ("⻘年⻝品", "青年食品"),
        ("一○五年", "一○五年"),
        ("稀釋倍數 (倍)", "稀釋倍數 (倍)"),
        // Full-width ASCII letters, digits, symbols; U+3000.
        ("ＡＢＣ　ｘｙｚ　１２３", "ABC xyz 123"),
        ("１１２年８月８日", "112年8月8日"),
        ("９９．８％", "99.8%"),
        ("－１，２３４", "-1，234"),
        ("＃１／２～３", "#1/2~3"),
        ("行政院１２３", "行政院123"),
        ("ＮＴ＄１００", "NT$100"),
        // CJK punctuation kept as printed; ICU's half-width transform not applied.
        ("第一條，本法。", "第一條，本法。"),
        ("「臺北市」、新北市：（一）", "「臺北市」、新北市：（一）"),
        ("問題？答案！分號；", "問題？答案！分號；"),
        ("○〇。", "○〇。"),
        // Whitespace between CJK removed, elsewhere collapsed to one space.
        ("112 年 8 月 8 日", "112 年 8 月 8 日"),
        ("臺北市   Taipei   City", "臺北市 Taipei City"),
        ("  leading and trailing  ", "leading and trailing"),
        ("a\t\tb\nc", "a b c"),
        ("臺北市\n政府", "臺北市政府"),
        ("臺北市 　 政府", "臺北市政府"),
        ("（一） 出訪人員", "（一）出訪人員"),
        ("北市民區字第 10430302700 號函", "北市民區字第 10430302700 號函"),
        ("2023 亞太城市高峰會", "2023 亞太城市高峰會"),
        ("Tom Tate。", "Tom Tate。"),
        ("CityNet （城市網）", "CityNet （城市網）"),
        ("CityNet（城市網）", "CityNet（城市網）"),
        // Radicals (Kangxi and supplement) and compatibility ideographs.
        ("⼀⼆⼈", "一二人"),
        ("⺠國", "民國"),
        ("\u{F900}\u{F9DC}", "\u{8C48}\u{9686}"),
        ("\u{2F800}", "\u{4E3D}"),
        // NFC.
        ("e\u{301}", "é"),
        ("Ångström", "Ångström"),
        ("\u{212B}", "Å"),
        // Zero-width characters dropped.
        ("臺\u{200B}北\u{FEFF}", "臺北"),
        ("", ""),
        ("   ", ""),
        ("plain ascii", "plain ascii"),
    ])
    func folds(input: String, expected: String) {
        #expect(TextFolder.fold(input) == expected)
    }

    @Test func foldIsIdempotent() {
        let samples = [
            "⼈⼝統計　（一）", "中   華   民   國", "a  b\u{3000}c", "e\u{301} \u{F900}", "臺北 \u{E000} 市",
            "１２３ ＡＢＣ （一） 。", "  x  ", "\u{2F08}\u{3000}\u{3000}A", "Ａ　Ｂ",
        ]
        for s in samples {
            let once = TextFolder.fold(s)
            #expect(TextFolder.fold(once) == once, "fold not idempotent on \(s.debugDescription)")
        }
    }

    @Test func privateUseCharactersAreKeptAndReported() {
        let folded = TextFolder.foldReporting("王\u{E05A}明 先生\u{F0001}")
        #expect(folded.text == "王\u{E05A}明先生\u{F0001}")
        #expect(folded.privateUse.map(\.codePoint) == ["U+E05A", "U+F0001"])
        #expect(folded.privateUse.map(\.offset) == [1, 5])
        #expect(TextFolder.foldReporting("沒有").privateUse.isEmpty)
        #expect(TextFolder.privateUseCharacters(in: "a\u{E000}").map(\.offset) == [1])
    }

    @Test func everyKangxiRadicalFoldsToAUnifiedIdeograph() throws {
        for v in UInt32(0x2F00)...0x2FD5 {
            let folded = TextFolder.fold(String(Unicode.Scalar(v)!))
            let scalar = try #require(folded.unicodeScalars.first, "U+\(String(v, radix: 16)) folded to nothing").value
            #expect((0x3400...0x9FFF).contains(scalar) || (0x20000...0x3134F).contains(scalar),
                    "U+\(String(v, radix: 16)) folded to U+\(String(scalar, radix: 16))")
        }
    }
}
