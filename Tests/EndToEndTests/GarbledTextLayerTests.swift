import Foundation
import Gazette
import Testing

/// Real PDFs whose text layer is not language, end to end: the warning, OCR
/// in `--ocr auto` (whole page, or only the garbled glyphs' area), and the
/// text now Chinese; `--ocr off` keeps the text layer and says so.
@Suite("Garbled text layers end to end")
struct GarbledTextLayerTests {
    static func real(_ name: String) -> String {
        E2E.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus-real/\(name)").path
    }

    /// The share of a text's ideographs that are common ones, and how many ideographs it has.
    static func commonShare(_ text: String) -> (share: Double, ideographs: Int) {
        let ideographs = text.unicodeScalars.filter { (0x3400...0x9FFF).contains($0.value) || $0.value >= 0x20000 }
        let common = ideographs.filter { CharacterClass.evidence($0.value) == .language }
        return (ideographs.isEmpty ? 0 : Double(common.count) / Double(ideographs.count), ideographs.count)
    }

    static func foreign(_ text: String) -> Int {
        text.unicodeScalars.filter { CharacterClass.evidence($0.value) == .foreignScript }.count
    }

    static func document(_ name: String, pages: Set<Int>, mode: OCRMode) throws -> GazetteDocument {
        let extractor = Extractor(options: ExtractionOptions(ocr: OCROptions(mode: mode, pages: pages)))
        let document = try extractor.extract(path: real(name))
        _ = try extractor.serialise(document, pretty: false)  // validates
        return document
    }

    static let wrongMap = "cvg__臺南市政府_102年度議員建議事項_字型對應錯誤.pdf"

    @Test func aTableWithoutUnicodeIsReadByOCRWhole() throws {
        let document = try Self.document(Self.wrongMap, pages: [2], mode: .auto)
        let page = try #require(document.pages.first { $0.number == 2 })
        let ocr = try #require(page.ocr)
        #expect(ocr.reason == .garbledTextLayer && ocr.textLayer == .setAside, "\(ocr)")
        let codes = document.warnings.filter { $0.page == 2 }.map(\.code)
        #expect(codes.contains(.garbledTextLayer) && codes.contains(.ocr) && !codes.contains(.noTextLayer), "\(codes)")
        let warning = try #require(document.warnings.first { $0.code == .garbledTextLayer && $0.page == 2 })
        #expect(warning.message.contains("WinCharSetFFFF-H") && warning.message.contains("glyphs without Unicode"), "\(warning.message)")
        // The table's cells are Chinese now, not 翊 鯤 鯓.
        let table = try #require(document.tables.first { $0.pages.contains(2) })
        let cells = table.rows.flatMap { $0 }.joined()
        let (share, ideographs) = Self.commonShare(cells)
        #expect(ideographs >= 100 && share >= 0.85, "\(ideographs) ideographs, \(share) common: \(cells.prefix(200))")
    }

    @Test func offKeepsTheTextLayerAndSaysItIsNotLanguage() throws {
        let document = try Self.document(Self.wrongMap, pages: [2], mode: .off)
        let page = try #require(document.pages.first { $0.number == 2 })
        #expect(page.ocr == nil)
        let codes = document.warnings.filter { $0.page == 2 }.map(\.code)
        #expect(codes.contains(.garbledTextLayer) && !codes.contains(.noTextLayer) && !codes.contains(.ocr), "\(codes)")
        let cells = document.tables.filter { $0.pages.contains(2) }.flatMap { $0.rows.flatMap { $0 } }.joined()
        #expect(Self.commonShare(cells).share < 0.5)
    }

    @Test func aTranscriptWithoutToUnicodeIsReadByOCR() throws {
        let name = "cvg__臺中市議會_第1屆第4次臨時會第3次會議議事錄_無ToUnicode.pdf"
        let document = try Self.document(name, pages: [2], mode: .auto)
        let page = try #require(document.pages.first { $0.number == 2 })
        #expect(page.ocr?.reason == .garbledTextLayer)
        #expect(document.warnings.contains { $0.code == .garbledTextLayer && $0.page == 2 && $0.message.contains("DFKaiShu") })
        let (share, ideographs) = Self.commonShare(page.text)
        #expect(ideographs >= 150 && share >= 0.85, "\(ideographs), \(share): \(page.text.prefix(200))")
        #expect(Self.foreign(page.text) < 5, "\(page.text.prefix(200))")
    }

    @Test func speakerLabelsAreReplacedAndTheBodyKept() throws {
        let name = "cvg__高雄市議會_公報初稿_第1屆第7次定期大會第21次會議.pdf"
        let off = try Self.document(name, pages: [3], mode: .off)
        let document = try Self.document(name, pages: [3], mode: .auto)
        let before = try #require(off.pages.first { $0.number == 3 })
        let page = try #require(document.pages.first { $0.number == 3 })
        let ocr = try #require(page.ocr)
        #expect(ocr.reason == .garbledTextLayer && ocr.textLayer == .partlyReplaced, "\(ocr)")
        #expect(ocr.characters > 20, "\(ocr)")
        #expect(document.warnings.contains { $0.code == .garbledTextLayer && $0.page == 3 && $0.message.contains("LinGothic") })
        // The labels' mojibake is gone, the labels are read; the body is the text layer's, as before.
        #expect(Self.foreign(before.text) > 20)
        #expect(Self.foreign(page.text) < 3, "\(page.text.prefix(300))")
        #expect(page.text.contains("主席"), "\(page.text.prefix(300))")
        #expect(page.text.contains("今天的議程，繼續進行交通部門業務質詢"), "\(page.text.prefix(300))")
    }
}
