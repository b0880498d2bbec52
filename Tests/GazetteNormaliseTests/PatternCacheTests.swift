import Testing
@testable import GazetteNormalise

@Suite struct PatternCacheTests {
    @Test func wordListsMatchWholeStringsWithoutARegex() {
        #expect(PatternCache.literalWords(#"^(提案名稱|案名)$"#) == ["提案名稱", "案名"])
        #expect(PatternCache.literalWords(#"^合計$"#) == ["合計"])
        #expect(PatternCache.literalWords(#"^(No\.?|項次)$"#) == nil)
        #expect(PatternCache.literalWords(#"(表|一覽)$"#) == nil)
        #expect("案名".regexRange(#"^(提案名稱|案名)$"#) != nil)
        #expect("提案名稱說明".regexRange(#"^(提案名稱|案名)$"#) == nil)
        #expect("No.".regexRange(#"^(No\.?|項次)$"#) != nil)
    }

    @Test func backwardsFindsTheLastMatch() throws {
        let text = "下表為甲，下表為乙"
        let r = try #require(text.regexRange(#"下表為"#, backwards: true))
        try #require(r.upperBound <= text.endIndex)
        #expect(String(text[r.upperBound...]) == "乙")
    }
}
