import Foundation
import GazetteTestSupport
import Testing
@testable import GazetteRead

@Suite struct PDFDocumentTests {
    @Test func metadataAndPageSize() throws {
        let doc = try PDFDocument(path: Fixtures.shared("tbpp__監察院.pdf"))
        #expect(doc.pageCount == 51)
        #expect(doc.info.producer?.contains("Adobe PDF Library") == true)
        let page = try doc.page(36)
        #expect(abs(page.width - 595) < 1 && abs(page.height - 842) < 1)
        #expect(page.rotation == 0)
    }

    @Test func glyphBoxesMatchPoppler() throws {
        // pdftotext -bbox puts the word 科 of page 36 at (66, 92)-(76, 101.99).
        let page = try PDFDocument(path: Fixtures.shared("tbpp__監察院.pdf")).page(36)
        let glyph = try #require(page.glyphs.first { $0.text == "科" })
        #expect(abs(glyph.box.x0 - 66) < 0.5 && abs(glyph.box.x1 - 76) < 0.5)
        #expect(abs(glyph.box.y0 - 92) < 0.5 && abs(glyph.box.y1 - 102) < 0.5)
        #expect(abs(glyph.size - 10) < 0.1)
        #expect(abs(glyph.angle) < 0.5)
        try #require(page.fonts.indices.contains(glyph.font))
        #expect(page.fonts[glyph.font].name.contains("DFKaiShu"))
    }

    @Test func strokedRulingsOfABorderedTable() throws {
        let page = try PDFDocument(path: Fixtures.shared("tbpp__監察院.pdf")).page(36)
        let vertical = page.rulings.filter { $0.orientation == .vertical && $0.length > 100 }
        let horizontal = page.rulings.filter { $0.orientation == .horizontal && $0.length > 400 }
        #expect(vertical.count >= 6)
        #expect(horizontal.count >= 3)
        #expect(page.rulings.allSatisfy { $0.source == .stroke })
    }

    @Test func filledRectangleRulingsOfAWordTable() throws {
        // Word 2013 draws table borders as thin filled rectangles.
        let doc = try PDFDocument(path: Fixtures.shared("pte__pta_10229_131308_94274.pdf"))
        let rulings = try (1...doc.pageCount).flatMap { try doc.page($0).rulings }
        #expect(rulings.contains { $0.source == .filledRect && $0.orientation == .vertical })
        #expect(rulings.contains { $0.source == .filledRect && $0.orientation == .horizontal })
    }

    @Test func verticalWritingGlyphsRunDownThePage() throws {
        let page = try PDFDocument(path: Fixtures.shared("pdfminer__jo.pdf")).page(1)
        let vertical = page.glyphs.filter(\.isVertical)
        try #require(vertical.count > 5)
        // Consecutive glyphs of a vertical line share x and descend.
        let a = vertical[0], b = vertical[1]
        #expect(abs(a.box.midX - b.box.midX) < 1)
        #expect(b.box.midY > a.box.midY)
    }

    @Test func fakeBoldIsReadOnce() throws {
        // Page 29 of this budget book draws some headings twice, offset by a
        // fraction of a point; pdftotext keeps one copy and so do we.
        let page = try PDFDocument(path: Fixtures.shared("tbpp__監察院.pdf")).page(29)
        let text = page.rawText
        #expect(!text.contains("監監"))
    }

    @Test func encryptedNeedsItsPassword() throws {
        let path = Fixtures.shared("tabula__encrypted.pdf")
        #expect(throws: ReadError.passwordRequired(path: path)) { try PDFDocument(path: path) }
        #expect(throws: ReadError.wrongPassword(path: path)) { try PDFDocument(path: path, password: "nope") }
        let doc = try PDFDocument(path: path, password: "userpassword")
        #expect(doc.info.isEncrypted)
        #expect(try doc.page(1).rawText.contains("FLA"))
    }

    @Test func badInputsGiveClearErrors() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.pdf").path
        #expect(throws: ReadError.fileNotFound(path: missing)) { try PDFDocument(path: missing) }

        let empty = dir.appendingPathComponent("empty.pdf").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: ReadError.emptyFile(path: empty)) { try PDFDocument(path: empty) }

        let text = dir.appendingPathComponent("text.pdf").path
        FileManager.default.createFile(atPath: text, contents: Data("hello, not a PDF".utf8))
        do {
            _ = try PDFDocument(path: text)
            Issue.record("a text file opened as a PDF")
        } catch {
            guard case .notAPDF(let p, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(p == text)
            #expect(error.localizedDescription.contains(text))
        }

        #expect(throws: ReadError.self) { try PDFDocument(path: dir.path) }
    }

    @Test func truncatedPDFNeverCrashes() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shared("tabula__spanning_cells.pdf")))
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for fraction in [0.1, 0.3, 0.5, 0.7, 0.9, 0.99] {
            let path = dir.appendingPathComponent("cut-\(fraction).pdf").path
            FileManager.default.createFile(atPath: path, contents: original.prefix(Int(Double(original.count) * fraction)))
            // Either an error naming the file, or pages read as far as they go.
            do {
                let doc = try PDFDocument(path: path)
                for n in 1...max(1, doc.pageCount) where doc.pageCount > 0 { _ = try? doc.page(n) }
            } catch {
                #expect(error.path == path)
            }
        }
    }

    /// A PDF of a catalog and a page tree, nothing else.
    static func pageTreePDF(kids: String, count: Int) -> Data {
        MinimalPDF.bytes(objects: ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [\(kids)] /Count \(count) >>"])
    }

    @Test func anOutputIntentIsNotAppliedToReading() throws {
        // A PDF/A-style output intent whose profile is not an ICC profile: if
        // poppler built its display transforms from it (as it does for every
        // page it paints), it would report the profile as unreadable on each
        // page. Reading does no colour management, so the page reads cleanly.
        let content = "BT /F1 12 Tf 72 700 Td (Intent) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 "
                + "/OutputConditionIdentifier (test) /DestOutputProfile 6 0 R >>] >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            MinimalPDF.stream(content),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            MinimalPDF.stream("not an ICC profile", dictionary: "/N 4"),
        ]
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("output-intent.pdf").path
        FileManager.default.createFile(atPath: path, contents: MinimalPDF.bytes(objects: objects))
        let page = try PDFDocument(path: path).page(1)
        #expect(page.problems == [])
        #expect(page.glyphs.map(\.text).joined() == "Intent")
    }

    @Test func aPageTreeWithoutPagesIsAnError() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("no-pages.pdf").path
        FileManager.default.createFile(atPath: path, contents: Self.pageTreePDF(kids: "", count: 0))
        #expect(throws: ReadError.noPages(path: path)) { try PDFDocument(path: path) }
        #expect(ReadError.noPages(path: path).localizedDescription.contains(path))
    }

    @Test func pagesThePageTreeDeclaresButLacksAreUnreadable() throws {
        // /Count 3 with no kids: poppler counts 3 pages and can read none.
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("declared.pdf").path
        FileManager.default.createFile(atPath: path, contents: Self.pageTreePDF(kids: "", count: 3))
        let doc = try PDFDocument(path: path)
        try #require(doc.pageCount == 3)
        for number in 1...3 {
            #expect(throws: ReadError.self) { try doc.page(number) }
        }
    }

    @Test func nonEmbeddedCNS1FontIsDecoded() throws {
        // Every glyph of corpus/noembed-trips.pdf is MSung-Light, a CID font
        // that is not embedded: decoded through poppler-data's Adobe-CNS1 CMaps.
        let page = try PDFDocument(path: Fixtures.packageRoot.appendingPathComponent("corpus/noembed-trips.pdf").path).page(1)
        #expect(page.missingLanguagePacks.isEmpty, "is poppler-data installed? (scripts/bootstrap)")
        #expect(page.undecodedTextRuns == 0)
        #expect(page.rawText.contains("因公出國計畫執行情形報告"))
        #expect(page.fonts.contains { $0.name.contains("MSung-Light") })
    }

    @Test func pageOutOfRangeIsAnError() throws {
        let doc = try PDFDocument(path: Fixtures.shared("pdfminer__simple3.pdf"))
        #expect(throws: ReadError.self) { try doc.page(doc.pageCount + 1) }
    }
}
