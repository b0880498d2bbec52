import Foundation
import Testing
import GazetteRead
import GazetteLayout

/// The shared corpus of real government PDFs beside the checkout, and
/// helpers to lay its pages out.
enum Corpus {
    /// `../shared/corpus` relative to the package root.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The path of a corpus PDF; records a failure naming the file when it
    /// is missing (never skips).
    static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let path = directory.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: path) {
            Issue.record("missing shared corpus file \(path)", sourceLocation: sourceLocation)
        }
        return path
    }

    static func document(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> PDFDocument {
        try PDFDocument(path: path(name, sourceLocation: sourceLocation))
    }

    /// One page laid out on its own.
    static func page(_ name: String, _ number: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> PageLayout {
        PageLayout(page: try document(name, sourceLocation: sourceLocation).page(number))
    }

    /// Pages `range` (all by default) streamed through a DocumentLayoutBuilder.
    static func layout(_ name: String, pages range: ClosedRange<Int>? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (pages: [PageLayout], summary: DocumentLayoutBuilder.Summary) {
        let doc = try document(name, sourceLocation: sourceLocation)
        let numbers = range ?? 1...doc.pageCount
        var builder = DocumentLayoutBuilder()
        var pages: [PageLayout] = []
        for n in numbers { pages += builder.add(try doc.page(n)) }
        let summary = builder.finish()
        return (pages + summary.remainingPages, summary)
    }
}
