import GazetteRead

/// Turns what Tesseract recognised into glyphs of the read stage's model,
/// in points of the page as read.
public enum OCRGlyphs {
    /// The glyphs of `symbols` (pixels of an image at `dpi`): one per
    /// symbol, with the symbol's box across and its text line's box down
    /// (so that the glyphs of a line share a top and bottom, like a font's
    /// ascent and descent), a size from the line's height, and the symbol's
    /// confidence.
    ///
    /// Spaces are never glyphs: Tesseract puts one between CJK characters
    /// (it reads them as one-character words), and the layout stage decides
    /// spacing from the boxes, as it does for a PDF's glyphs. ASCII
    /// punctuation Tesseract gives for the full-width forms of CJK text
    /// (`,` for `，`) is set back to the full-width form next to CJK.
    public static func glyphs(from symbols: [OCRSymbol], dpi: Int) -> [Glyph] {
        let scale = 72 / Double(dpi)
        var texts = symbols.map { cleaned($0.text) }
        for index in texts.indices {
            texts[index] = fullWidthPunctuation(texts, at: index, symbols: symbols)
        }
        timeRangeSeparators(&texts, symbols: symbols)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(symbols.count)
        for (index, (symbol, text)) in zip(symbols, texts).enumerated() where !text.isEmpty {
            // Inside a word the symbols touch: Tesseract's boxes are tight
            // to the ink, and the gap before a narrow letter (the I of CITY)
            // would read to the layout stage as a space. Between words the
            // gap stays, and decides the space as in a PDF.
            var right = max(symbol.box.x1, symbol.box.x0 + 1)
            if index + 1 < symbols.count, symbols[index + 1].word == symbol.word,
               symbols[index + 1].lineIndex == symbol.lineIndex, symbols[index + 1].box.x0 > right {
                right = symbols[index + 1].box.x0
            }
            let top = min(symbol.line.y0, symbol.box.y0), bottom = max(symbol.line.y1, symbol.box.y1)
            let lineHeight = Double(max(bottom - top, 1)) * scale
            glyphs.append(Glyph(
                text: text,
                box: Rect(x0: Double(symbol.box.x0) * scale, y0: Double(top) * scale,
                          x1: Double(right) * scale, y1: Double(bottom) * scale),
                font: 0, size: (lineHeight * 1.1 * 10).rounded() / 10, ocrConfidence: symbol.confidence))
        }
        return glyphs
    }

    /// The symbol's text without spaces of any kind (an ideographic space,
    /// a space Tesseract put inside a "symbol").
    public static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars where !(u.properties.isWhitespace || u.value == 0x200B || u.value == 0x3000) {
            out.append(u)
        }
        return String(out)
    }

    /// CJK punctuation Tesseract gives as ASCII: ASCII → full-width form.
    static let fullWidth: [String: String] = [",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"]

    /// The text of symbol `index`, its ASCII punctuation set full-width when
    /// the character it belongs to is CJK: the one before it for `,:;!?)`,
    /// the one after it for `(`, on the same line.
    static func fullWidthPunctuation(_ texts: [String], at index: Int, symbols: [OCRSymbol]) -> String {
        let text = texts[index]
        guard let wide = fullWidth[text] else { return text }
        let line = symbols[index].lineIndex
        func neighbour(_ step: Int) -> String? {
            var i = index + step
            while i >= 0, i < texts.count, symbols[i].lineIndex == line {
                if !texts[i].isEmpty { return texts[i] }
                i += step
            }
            return nil
        }
        let before = neighbour(-1), after = neighbour(1)
        let decisive = text == "(" ? after : before
        if let decisive, isCJK(decisive) { return wide }
        // 「2018 世界花博)」: a closing bracket after a digit closes a CJK
        // opening bracket earlier on the line.
        if text == ")" {
            var i = index - 1
            while i >= 0, symbols[i].lineIndex == line {
                if texts[i] == "（" { return wide }
                if texts[i] == "(" { return text }
                i -= 1
            }
        }
        if text == "(", before.map(isCJK) == true, after.map(isCJK) != true, after != nil { return wide }
        return text
    }

    /// The separator of a time range (07:00~11:00, schedules and agendas),
    /// which Tesseract reads as 7, ° or an ideograph: set back to `~` where
    /// a time stands on either side of it on the same line.
    static func timeRangeSeparators(_ texts: inout [String], symbols: [OCRSymbol]) {
        var start = 0
        while start < texts.count {
            var end = start
            while end < texts.count, symbols[end].lineIndex == symbols[start].lineIndex { end += 1 }
            // The line's one-character symbols, as a string with their indices.
            let indices = (start..<end).filter { texts[$0].count == 1 }
            let characters = indices.map { Character(texts[$0]) }
            var i = 0
            while i + 10 < characters.count + 1 {
                if let separator = timeRange(characters, at: i) {
                    if characters[separator] != "~" { texts[indices[separator]] = "~" }
                    i = separator + 1
                } else {
                    i += 1
                }
            }
            start = end
        }
    }

    /// When a time range h:mm?hh:mm or hh:mm?hh:mm starts at `i`, the
    /// index of its separator.
    static func timeRange(_ c: [Character], at i: Int) -> Int? {
        func time(_ j: Int) -> Int? {  // the index after a time h:mm or hh:mm starting at j
            guard j < c.count, c[j].isASCII, c[j].isNumber else { return nil }
            var k = j + 1
            if k < c.count, c[k].isASCII, c[k].isNumber { k += 1 }
            guard k + 2 < c.count, c[k] == ":", c[k + 1].isASCII, c[k + 1].isNumber, c[k + 2].isASCII, c[k + 2].isNumber
            else { return nil }
            return k + 3
        }
        guard i == 0 || !(c[i - 1].isASCII && c[i - 1].isNumber), let after = time(i), after < c.count,
              ["7", "°", "~", "～", "-", "一", "—", "–", "之"].contains(c[after]), time(after + 1) != nil else { return nil }
        return after
    }

    /// True when the text's first character is a CJK ideograph, kana,
    /// bopomofo or CJK / full-width punctuation.
    public static func isCJK(_ text: String) -> Bool {
        guard let v = text.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0x20000...0x3FFFF).contains(v)
    }
}
