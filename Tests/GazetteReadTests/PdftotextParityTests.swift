import Foundation
import GazetteTestSupport
import Testing
@testable import GazetteRead

/// The raw glyph text of every page must hold the same characters as
/// poppler's own pdftotext (compared as multisets, whitespace and order
/// ignored) on at least 99% of the pages of the corpus.
@Suite struct PdftotextParityTests {
    /// Characters of each page as `pdftotext -bbox` gives them (its words,
    /// before any de-hyphenation).
    static func pdftotextPages(_ path: String, password: String?) throws -> [[Character: Int]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = (password.map { ["-upw", $0] } ?? []) + ["-bbox", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let html = String(decoding: data, as: UTF8.self)
        var pages: [[Character: Int]] = []
        for pageChunk in html.components(separatedBy: "<page ").dropFirst() {
            var counts: [Character: Int] = [:]
            for wordChunk in pageChunk.components(separatedBy: "<word ").dropFirst() {
                guard let start = wordChunk.firstIndex(of: ">"),
                      let end = wordChunk.range(of: "</word>"), start < end.lowerBound else { continue }
                let word = String(wordChunk[wordChunk.index(after: start)..<end.lowerBound])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                for c in word where !c.isWhitespace { counts[c, default: 0] += 1 }
            }
            pages.append(counts)
        }
        return pages
    }

    @Test func rawGlyphTextMatchesPdftotext() throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
                "pdftotext (poppler-utils) is needed for this test")
        var pagesCompared = 0, pagesEqual = 0
        var report: [String] = []
        for path in Fixtures.allPDFs() {
            let password = path.hasSuffix("tabula__encrypted.pdf") ? "userpassword" : nil
            let expected = try Self.pdftotextPages(path, password: password)
            let doc = try PDFDocument(path: path, password: password)
            #expect(expected.count == doc.pageCount, "\(path): page count")
            var equal = 0
            for (index, reference) in expected.enumerated() {
                var ours: [Character: Int] = [:]
                for glyph in try doc.page(index + 1).glyphs {
                    for c in glyph.text where !c.isWhitespace { ours[c, default: 0] += 1 }
                }
                if ours == reference { equal += 1 }
            }
            pagesCompared += expected.count
            pagesEqual += equal
            report.append("\((path as NSString).lastPathComponent): \(equal)/\(expected.count)")
        }
        print("pdftotext parity: \(pagesEqual)/\(pagesCompared) pages\n" + report.joined(separator: "\n"))
        #expect(pagesCompared > 1000)
        #expect(Double(pagesEqual) >= 0.99 * Double(pagesCompared), "\(report)")
    }
}
