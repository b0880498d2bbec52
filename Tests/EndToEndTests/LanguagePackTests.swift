import Foundation
import Gazette
import Testing

/// Text in a CJK font that is not embedded (Type0, UniCNS-UCS2-H, Adobe-CNS1,
/// no FontFile), as Word and Excel exports set in MingLiU often are: read
/// right when poppler-data is installed, and named (never "no text") when it
/// is not. `corpus/noembed-trips.pdf` is set entirely in MSung-Light that way.
@Suite struct LanguagePackTests {
    static let pdf = E2E.corpus.appendingPathComponent("noembed-trips.pdf").path

    /// A poppler-data directory that holds nothing: what a machine without the
    /// package gives.
    static func withoutLanguagePacks() -> (environment: [String: String], cleanup: () -> Void) {
        let dir = E2E.temporaryDirectory()
        return (["GAZETTE_POPPLER_DATA": dir.path], { try? FileManager.default.removeItem(at: dir) })
    }

    @Test func nonEmbeddedCNS1TextDatesAndAmountsComeOut() throws {
        let document = try Extractor().extract(path: Self.pdf)
        #expect(!document.warnings.contains { [Warning.Code.missingLanguagePack, .noTextLayer, .undecodedText].contains($0.code) },
                "\(document.warnings) (is poppler-data installed? scripts/bootstrap installs it)")
        let page = try #require(document.pages.first)
        #expect(page.hasTextLayer)
        #expect(page.text.contains("實支新臺幣 286 萬 4,500 元"), "\(page.text.prefix(300))")
        #expect(document.document.title == "新竹市政府 112 年度因公出國計畫執行情形報告")
        #expect(document.document.date == "2024-01-15")
        #expect(document.dates.contains { $0.raw == "112 年 12 月 31 日" && $0.start == "2023-12-31" })
        let trips = document.records.compactMap { record -> TripRecord? in
            if case .trip(let trip) = record { return trip } else { return nil }
        }
        try #require(trips.count == 4)
        #expect(trips[1].planName == "出席美國舊金山國際半導體展暨城市交流")
        #expect(trips[1].startDate == "2023-07-09" && trips[1].endDate == "2023-07-15")
        #expect(trips[1].budgetTWD == 1_423_800)
        #expect(trips[1].travellerCount == 5)
    }

    @Test func withoutTheLanguagePackThePageSaysSoAndIsNotTextless() throws {
        let (environment, cleanup) = Self.withoutLanguagePacks()
        defer { cleanup() }
        let result = try E2E.run(["extract", Self.pdf], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        // Said on standard error too, naming the file and what to install.
        #expect(result.stderr.contains(Self.pdf) && result.stderr.contains("poppler-data"), "\(result.stderr)")
        let value = try JSONValue(parsing: result.stdout)
        #expect(DocumentValidator.shared.validate(value).isEmpty)
        let warnings = value["warnings"]?.arrayValue ?? []
        let codes = warnings.compactMap { $0["code"]?.stringValue }
        #expect(codes.contains("missingLanguagePack"), "\(codes)")
        #expect(!codes.contains("noTextLayer"), "\(codes)")
        let named = try #require(warnings.first { $0["code"]?.stringValue == "missingLanguagePack" })
        #expect(named["page"] == .int(1))
        let message = named["message"]?.stringValue ?? ""
        #expect(message.contains("Adobe-CNS1") && message.contains("poppler-data"), "\(message)")
        let page = try #require(value["pages"]?.arrayValue?.first)
        #expect(page["hasTextLayer"] == .bool(true))
    }

    @Test func aBatchCountsDocumentsWithTextLost() throws {
        let (environment, cleanup) = Self.withoutLanguagePacks()
        defer { cleanup() }
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in ["noembed-trips.pdf", "trip-report.pdf"] {
            try FileManager.default.copyItem(at: E2E.corpus.appendingPathComponent(name),
                                             to: input.appendingPathComponent(name))
        }
        let out = dir.appendingPathComponent("out").path
        let result = try E2E.run(["batch", input.path, "--out", out, "--jobs", "1", "--progress", "none"],
                                 environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 with text lost"), "\(result.stderr)")
        let report = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: out + "/_report.json")))
        #expect(report["summary"]?["textLost"] == .int(1))
        #expect(report["summary"]?["ok"] == .int(2))
        let entries = report["entries"]?.arrayValue ?? []
        let lost = try #require(entries.first { $0["key"]?.stringValue?.hasSuffix("noembed-trips.pdf") == true }, "\(entries)")
        #expect(lost["warnings"]?.arrayValue?.contains(.string("missingLanguagePack")) == true)
        // `gazette report` lists it.
        let summary = try E2E.run(["report", out, "--output", "-"])
        let text = String(decoding: summary.stdout, as: UTF8.self)
        #expect(text.contains("text lost:") && text.contains("noembed-trips.pdf"), "\(text)")
    }
}
