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
