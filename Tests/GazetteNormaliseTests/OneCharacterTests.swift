import Testing

@testable import GazetteNormalise

/// `TextFolder.oneCharacter(ofGlyph:)`: one glyph is one character. A glyph
/// whose ToUnicode entry gives several forms of one ideograph (a radical and
/// the ideograph, as macOS Quartz exports write them) is that ideograph
/// once; any other text of a glyph is kept as it is.
@Suite struct OneCharacterTests {
    @Test(arguments: [
        ("\u{2F63}生", "生"),          // ⽣生: Kangxi radical and ideograph
        ("\u{2F8F}行行", "行"),        // ⾏行行
        ("\u{2F00}一", "一"),          // ⼀一
        ("\u{2ED8}青", "青"),          // ⻘青: a radical supplement form
        ("\u{F90A}金", "金"),          // 金金: a compatibility ideograph
        ("\u{2F800}丽", "丽"),         // 丽丽: a supplementary compatibility ideograph
        ("生\u{2F63}", "生"),          // the radical second
    ])
    func formsOfOneIdeographAreOneCharacter(_ glyph: String, _ character: String) {
        let one = TextFolder.oneCharacter(ofGlyph: glyph)
        #expect(one == character)
        #expect(one.unicodeScalars.count == 1)
    }

    @Test(arguments: [
        "ff", "fi", "ffi",             // ligatures
        "1)", "(1", "10",              // a number and its bracket, two digits
        "\u{2F63}行",                  // a radical and another ideograph
        "生行", "一、", "（一）",       // an ActualText phrase, numbering
        "Ａ" + "A",                    // full-width and ASCII A: not CJK ideographs
        "e\u{301}",                    // a letter and a combining accent
    ])
    func otherTextIsKept(_ glyph: String) {
        #expect(TextFolder.oneCharacter(ofGlyph: glyph) == glyph)
        #expect(TextFolder.oneCharacter(ofGlyph: glyph).unicodeScalars.elementsEqual(glyph.unicodeScalars))
    }

    /// A single code point is left alone, radicals too: folding turns them
    /// into ideographs later, with the rest of the text.
    @Test func oneCodePointIsKept() {
        #expect(TextFolder.oneCharacter(ofGlyph: "\u{2F63}") == "\u{2F63}")
        #expect(TextFolder.oneCharacter(ofGlyph: "生") == "生")
        #expect(TextFolder.oneCharacter(ofGlyph: "") == "")
        #expect(TextFolder.fold("\u{2F63}") == "生")
    }
}
