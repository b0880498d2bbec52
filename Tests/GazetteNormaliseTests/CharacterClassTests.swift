import Testing
@testable import GazetteNormalise

/// The one home of the pipeline's character classes.
@Suite struct CharacterClassTests {
    @Test func wideCharacters() throws {
        for wide in ["中", "，", "ㄅ", "ア", "한", "Ａ", "𠀀", "⽣", "兀", "①", "○", "\u{E001}", "ｱ"] {
            let scalar = try #require(wide.unicodeScalars.first)
            #expect(CharacterClass.isWide(scalar), "\(wide)")
        }
        for narrow in ["A", "1", ",", "é", " ", "△", "—"] {
            let scalar = try #require(narrow.unicodeScalars.first)
            #expect(!CharacterClass.isWide(scalar), "\(narrow)")
        }
    }

    @Test func spacesOfAnyKind() {
        for v: UInt32 in [0x20, 0x09, 0x0A, 0xA0, 0x3000, 0x2002, 0x200B, 0x202F, 0xFEFF] {
            #expect(CharacterClass.isSpace(v), "U+\(String(v, radix: 16))")
        }
        for v: UInt32 in [0x41, 0x4E2D, 0xFF0C, 0x2060] { #expect(!CharacterClass.isSpace(v)) }
        #expect(CharacterClass.removingSpaces("機 關\u{3000}名\u{00A0}稱") == "機關名稱")
        #expect(CharacterClass.isBlank(" \u{3000}") && CharacterClass.isBlank("") && !CharacterClass.isBlank(" 甲"))
        // What folding drops rather than turning into a space.
        #expect(CharacterClass.isInvisible(0x200B) && CharacterClass.isInvisible(0xFEFF) && !CharacterClass.isInvisible(0x20))
    }

    @Test func foldingRemovesSpacesBetweenWideCharacters() {
        #expect(TextFolder.fold("臺 北 市") == "臺北市")
        #expect(TextFolder.fold("① 拜會") == "①拜會")
        #expect(TextFolder.fold("112 年") == "112 年")
    }

    @Test func leadersAndPunctuation() {
        #expect("……‧‧．．".unicodeScalars.allSatisfy { CharacterClass.isLeader($0.value) })
        #expect(!CharacterClass.isLeader(0x4E00))
        #expect("，。：（）「」".unicodeScalars.allSatisfy { CharacterClass.isCJKPunctuation($0.value) })
        #expect(!CharacterClass.isCJKPunctuation(0x4E2D))
    }
}

/// `LanguageEvidence`: what one character says of a text layer.
@Suite struct LanguageEvidenceTests {
    @Test func eachCharacterSaysWhatItIs() {
        func evidence(_ c: Character) -> LanguageEvidence { CharacterClass.evidence(c.unicodeScalars.first!.value) }
        for c in "臺南市政府議會國的A9zあアㄅ" { #expect(evidence(c) == .language, "\(c)") }
        // Radicals and compatibility ideographs count as what they fold to; full-width letters as letters.
        #expect(evidence("\u{2F63}") == .language)  // ⽣ → 生
        #expect(evidence("Ａ") == .language && evidence("１") == .language)
        for c in "翊鯤鯓蜞檨\u{3400}𥕢" { #expect(evidence(c) == .rareIdeograph, "\(c)") }
        for c in "ᆵύѱЖइಃ཮ᛉ\u{FFFD}" where c != "ύ" { #expect(evidence(c) == .foreignScript, "\(c)") }
        #expect(evidence("\u{E001}") == .privateUse && evidence("\u{F03D}") == .privateUse && evidence("\u{F0000}") == .privateUse)
        for c in "!\"#$%&'()*+,-./:;<=>?@[]^_{|}~" { #expect(evidence(c) == .asciiPunctuation, "\(c)") }
        for c in "éāǎαβσμ·ˆ，。「」（）①─한 " { #expect(evidence(c) == .neutral, "\(c)") }
    }

    @Test func theCommonIdeographsAreTheThreeFirstLevels() {
        // Big5 level 1 ∪ GB 2312 level 1 ∪ JIS X 0208 level 1.
        let count = (0x4E00...0x9FFF).filter { CharacterClass.isCommonIdeograph(UInt32($0)) }.count
        #expect(count == CommonIdeographs.count && count == 7174)
        #expect(CharacterClass.isCommonIdeograph(0x81FA))  // 臺 (Big5)
        #expect(CharacterClass.isCommonIdeograph(0x56FD))  // 国 (GB, JIS)
        #expect(!CharacterClass.isCommonIdeograph(0x7FCA))  // 翊
        #expect(!CharacterClass.isCommonIdeograph(0x3400) && !CharacterClass.isCommonIdeograph(0x41))
    }
}
