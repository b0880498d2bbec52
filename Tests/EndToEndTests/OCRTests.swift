import CPopplerGlib
import Foundation
import Gazette
import Testing

/// Scanned pages end to end: an image-only twin of a corpus table page,
/// and a real scan of the shared corpus, read by OCR into tables, records
/// and a document that validates.
@Suite("OCR end to end")
struct OCREndToEndTests {
    /// Page `number` of a corpus PDF as an image-only PDF at `dpi` (a scan
    /// of it), written to a scratch file.
    static func scannedTwin(of stem: String, page number: Int, dpi: Int) throws -> String {
        let path = E2E.corpus.appendingPathComponent(stem + ".pdf").path
        let page = try PDFDocument(path: path).page(number)
        let image = try PageRenderer(path: path).render(page: number, dpi: dpi)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-twin-\(UUID().uuidString).pdf").path
        let pdf = cairo_pdf_surface_create(out, page.width, page.height)
        let cr = cairo_create(pdf)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))!
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let v = UInt32(pixels[y * image.width + x])
                    row[x] = 0xFF00_0000 | (v << 16) | (v << 8) | v
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_scale(cr, page.width / Double(image.width), page.height / Double(image.height))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
        cairo_show_page(cr)
        cairo_surface_destroy(surface)
        cairo_destroy(cr)
        cairo_surface_finish(pdf)
        cairo_surface_destroy(pdf)
        return out
    }

    @Test func aScannedTripTableGivesItsTableAndRecords() throws {
        let twin = try Self.scannedTwin(of: "trip-report", page: 7, dpi: 300)
        defer { try? FileManager.default.removeItem(atPath: twin) }
        // The twin has no text at all.
        #expect(!(try PDFDocument(path: twin).page(1)).hasTextLayer)

        let extractor = Extractor()
        let document = try extractor.extract(path: twin)
        _ = try extractor.serialise(document, pretty: false)  // validates against the schema
        let page = try #require(document.pages.first)
        let ocr = try #require(page.ocr)
        #expect(ocr.engine == "tesseract" && ocr.dpi == 300 && ocr.languages == ["chi_tra", "eng"])
        #expect(ocr.meanConfidence > 80, "\(ocr)")
        #expect(!page.hasTextLayer)
        let codes = document.warnings.map(\.code)
        #expect(codes.contains(.ocr) && !codes.contains(.noTextLayer), "\(codes)")

        let table = try #require(document.tables.first, "no table in \(document.pages.map(\.text))")
        #expect(table.header == ["因公出國計畫名稱", "出國日期", "出國地點", "出國人員", "預算經費", "出國內容成效"], "\(table.header)")
        let trips = document.records.compactMap { record -> TripRecord? in
            if case .trip(let trip) = record { return trip }
            return nil
        }
        let first = try #require(trips.first, "no trip in \(table.rows)")
        #expect(first.startDate == "2015-04-06" && first.endDate == "2015-04-11", "\(first)")
        #expect(first.budgetTWD == 512005, "\(first)")
        #expect(first.travellerCount == 7, "\(first)")
    }

    @Test func offLeavesAScanUnreadAndSaysSo() throws {
        let twin = try Self.scannedTwin(of: "trip-report", page: 1, dpi: 100)
        defer { try? FileManager.default.removeItem(atPath: twin) }
        let document = try Extractor(options: ExtractionOptions(ocr: OCROptions(mode: .off))).extract(path: twin)
        #expect(document.warnings.map(\.code) == [.noTextLayer])
        #expect(document.pages.first?.ocr == nil)
        #expect(document.pages.first?.text == "")
    }

    @Test func aRealScanIsReadAndItsStampKept() throws {
        let path = E2E.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpus-real/cvg__臺中市議會_第4次定期會會議紀錄_掃描.pdf").path
        try #require(FileManager.default.fileExists(atPath: path), "missing \(path)")
        let extractor = Extractor()
        let document = try extractor.extract(path: path)
        _ = try extractor.serialise(document, pretty: false)
        #expect(document.pages.count == 3)
        let read = document.pages.filter { $0.ocr != nil }.map(\.number)
        #expect(read == [2, 3], "\(read)")
        // Pages 2 and 3 are scans with a header and page number over them:
        // the PDF's text is kept, the image is read.
        #expect(document.pages.compactMap(\.ocr).allSatisfy { $0.textLayer == .kept && $0.characters > 300 })
        let all = document.pages.map(\.text).joined() + document.tables.flatMap { $0.rows.flatMap { $0 } }.joined()
        for words in ["甲、報告議事日程", "主席宣告開會", "審計部臺中市審計處"] {
            #expect(all.contains(words), "\(words)")
        }
        #expect(!document.warnings.contains { $0.code == .noTextLayer })
    }
}
