import Testing
@testable import GazetteTables

@Suite struct CellTextTests {
    @Test func latinIsAnASCIILetterOrDigit() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            let expected = scalar.isASCII && (character.isLetter || character.isNumber)
            #expect(CellText.isLatin(scalar) == expected, "U+\(String(value, radix: 16))")
        }
        // Full-width digits and letters are wide, not Latin.
        #expect(!CellText.isLatin("１"))
        #expect(!CellText.isLatin("Ａ"))
    }

    @Test func wrappedLinesJoinAsTheyWereSet() {
        #expect(CellText.joinLines("中華民國", "一百年") == "中華民國一百年")
        #expect(CellText.joinLines("Taipei City", "Government") == "Taipei City Government")
        #expect(CellText.joinLines("see p.", "12") == "see p. 12")
        #expect(CellText.joinLines("(1)", "B") == "(1) B")
        #expect(CellText.joinLines("http://a/", "b") == "http://a/b")
        // Where CJK meets a number at the break, the cell's own style decides.
        #expect(CellText.joinLines(["新臺幣 51 萬", "2,005 元"]) == "新臺幣 51 萬 2,005 元")
        #expect(CellText.joinLines(["新臺幣51萬", "2,005元"]) == "新臺幣51萬2,005元")
    }
}
