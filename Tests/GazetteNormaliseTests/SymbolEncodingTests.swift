import GazetteNormalise
import Testing

/// The Symbol font's codes, as Word gives them (U+F000 + code).
struct SymbolEncodingTests {
    @Test func greekLettersAndOperators() {
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF061) == 0x03B1)  // α
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF062) == 0x03B2)  // β
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF06D) == 0x03BC)  // μ
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF073) == 0x03C3)  // σ
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF053) == 0x03A3)  // Σ
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF02D) == 0x2212)  // −
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF0B4) == 0x00D7)  // ×
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF0A3) == 0x2264)  // ≤
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF0E5) == 0x2211)  // ∑
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF0B7) == 0x2022)  // •
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF030) == 0x0030)  // 0
    }

    /// Bracket pieces and extenders have no character of their own; other
    /// private-use code points are not Symbol codes.
    @Test func noCharacter() {
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF0E6) == nil)  // parenlefttp
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF060) == nil)  // radicalex
        #expect(SymbolEncoding.character(ofPrivateUse: 0xF080) == nil)
        #expect(SymbolEncoding.character(ofPrivateUse: 0xE18C) == nil)
        #expect(SymbolEncoding.character(ofPrivateUse: 0x61) == nil)
    }

    @Test func symbolFonts() {
        #expect(SymbolEncoding.isSymbolFont("UIMSUO+SymbolMT") && SymbolEncoding.isSymbolFont("Symbol"))
        #expect(SymbolEncoding.isSymbolFont("SymbolMT,Bold"))
        #expect(!SymbolEncoding.isSymbolFont("Wingdings-Regular") && !SymbolEncoding.isSymbolFont("ABCDEF+MSung-Symbols"))
        #expect(!SymbolEncoding.isSymbolFont("SymbolSans"))
    }
}
