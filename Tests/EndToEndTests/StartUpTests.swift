import Foundation
import Testing

/// Tesseract, Leptonica, poppler-glib and cairo are loaded when a page is
/// rendered, not linked: linked, they and what they bring (about 55 shared
/// libraries) cost every gazette process about 30 ms before `main`, more
/// than reading a small PDF takes (bench/RESULTS.md).
@Suite("Start-up")
struct StartUpTests {
    static let loadedOnDemand = ["libtesseract", "liblept", "libleptonica", "libcairo", "libpoppler-glib"]

    @Test func theExecutableLinksNoLibraryThatOnlyRenderingOrOCRNeeds() throws {
        let (status, stdout, stderr) = try E2E.launch("/usr/bin/ldd", [E2E.gazette.path])
        #expect(status == 0, "\(stderr)")
        let libraries = String(decoding: stdout, as: UTF8.self).split(separator: "\n")
            .compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
        #expect(libraries.contains { $0.hasPrefix("libpoppler.so") }, "ldd printed: \(libraries)")
        let linked = libraries.filter { name in Self.loadedOnDemand.contains { name.hasPrefix($0 + ".") } }
        #expect(linked.isEmpty, "linked, so loaded by every run: \(linked)")
    }

    /// The libraries are still found when a page needs them: a scanned page
    /// is read (the OCR tests read more), and `inspect` renders.
    @Test func ocrAndInspectLoadTheirLibrariesWhenAPageNeedsThem() throws {
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-startup-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        let pdf = E2E.corpus.appendingPathComponent("table-kinds.pdf").path
        let inspected = try E2E.run(["inspect", pdf, "--page", "1", "-o", png.path])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int
        #expect((size ?? 0) > 10_000)
        // One page read by OCR is enough to load Tesseract (the OCR tests read more).
        let onePage = E2E.corpus.appendingPathComponent("noembed-trips.pdf").path
        let version = try E2E.run(["extract", onePage, "--ocr", "force"])
        #expect(version.status == 0, "\(version.stderr)")
        let document = try JSONSerialization.jsonObject(with: version.stdout) as? [String: Any]
        let pages = try #require(document?["pages"] as? [[String: Any]])
        let first = try #require(pages.first)
        let ocr = try #require(first["ocr"] as? [String: Any])
        #expect((ocr["version"] as? String)?.hasPrefix("5.") == true, "\(ocr)")
    }
}
