import Foundation
import GazetteOCR
import GazetteRead
import Testing

/// `--ocr auto` on pages whose text layer is not language: which pages it
/// reads and why, and how OCR's glyphs replace the garbled ones.
@Suite struct GarbledMergeTests {
    static func glyph(_ text: String, x: Double, y: Double = 100, font: Int, confidence: Double? = nil) -> Glyph {
        Glyph(text: text, box: Rect(x0: x, y0: y, x1: x + 10, y1: y + 10), font: font, size: 10, ocrConfidence: confidence)
    }

    /// A transcript page: a sound paragraph (font 0) and a speaker label in
    /// a font without a proper ToUnicode (font 1), plus two glyphs of that
    /// font without Unicode at all.
    static func page() -> Page {
        let body = "今天的議程繼續進行交通部門業務質詢請登記第一位議員發言".enumerated().map { i, c in
            glyph(String(c), x: 50 + Double(i) * 10, y: 130, font: 0)
        }
        let label = "ЖԱДԲЛԳ".enumerated().map { i, c in glyph(String(c), x: 50 + Double(i) * 10, font: 1) }
        let fonts = [FontInfo(name: "MOBNOI+InnMing-Light"), FontInfo(name: "MOBNNF+LinGothic-bold")]
        let unmapped = [UnmappedGlyph(box: Rect(x0: 110, y0: 100, x1: 120, y1: 110), font: 1, size: 10),
                        UnmappedGlyph(box: Rect(x0: 120, y0: 100, x1: 130, y1: 110), font: 1, size: 10)]
        let glyphs = label + body
        return Page(number: 3, width: 538, height: 737, glyphs: glyphs, fonts: fonts, unmappedGlyphs: 2,
                    unmapped: unmapped,
                    garbledText: GarbledTextDetector.detect(glyphs: glyphs, unmapped: unmapped, fonts: fonts))
    }

    @Test func autoReadsGarbledPagesAndSaysWhy() throws {
        let page = Self.page()
        let garbled = try #require(page.garbledText)
        #expect(!garbled.isMostOfPage)
        #expect(OCRDecision.reason(page) == .garbledTextLayer)
        #expect(!OCRDecision.isScan(page))
        #expect(OCROptions(mode: .auto).wants(page))
        #expect(!OCROptions(mode: .off).wants(page))
        // A sound page is not read.
        var sound = page
        sound.garbledText = nil
        #expect(OCRDecision.reason(sound) == nil && !OCROptions(mode: .auto).wants(sound))
        let scan = Page(number: 1, width: 595, height: 842, images: [Rect(x0: 0, y0: 0, x1: 595, y1: 842)])
        #expect(OCRDecision.reason(scan) == .noTextLayer)
    }

    @Test func garbledGlyphsAreReplacedByOCRsInTheirAreaAndTheRestKept() throws {
        let original = Self.page()
        // OCR read the label 主席（…）： where the garbled glyphs and the
        // unmapped ones are, the body again, and a smudge off the text.
        var ocrGlyphs = "主席（鄭議員新".enumerated().map { i, c in
            Self.glyph(String(c), x: 51 + Double(i) * 10, y: 101, font: 0, confidence: 90)
        }
        ocrGlyphs.append(Self.glyph("今", x: 51, y: 131, font: 0, confidence: 80))
        ocrGlyphs.append(Self.glyph("丶", x: 400, y: 400, font: 0, confidence: 30))
        var read = Page(number: 3, width: 538, height: 737, glyphs: ocrGlyphs, fonts: [FontInfo(name: "OCR")])
        read.ocr = OCRInfo(engine: "tesseract", version: "5", languages: ["chi_tra", "eng"], dpi: 300, meanConfidence: 85,
                           characters: ocrGlyphs.count, textLayer: .setAside, reason: .garbledTextLayer)
        read.garbledText = original.garbledText

        let merged = OCRReader.replacingGarbled(in: original, by: read)
        let ocr = try #require(merged.ocr)
        #expect(ocr.textLayer == .partlyReplaced && ocr.reason == .garbledTextLayer)
        #expect(ocr.characters == 7 && ocr.meanConfidence == 90)
        // The body is the PDF's, every glyph of it; the label is OCR's.
        let own = merged.glyphs.filter { !$0.isOCR }.map(\.text).joined()
        #expect(own == "今天的議程繼續進行交通部門業務質詢請登記第一位議員發言")
        let added = merged.glyphs.filter(\.isOCR)
        #expect(added.map(\.text).joined() == "主席（鄭議員新")
        let fontIndex = try #require(merged.fonts.firstIndex { $0.name == "OCR" })
        #expect(added.allSatisfy { $0.font == fontIndex })
        #expect(merged.unmapped.isEmpty)
        #expect(merged.garbledText != nil)  // for the warning

        // Turned by OCR: the PDF's boxes do not apply, OCR's page is taken whole.
        var turned = read
        turned.ocr?.turned = 90
        #expect(OCRReader.replacingGarbled(in: original, by: turned).glyphs.count == ocrGlyphs.count)
    }
}
