import Foundation
import Testing

/// Locations of the test inputs (shared by the test targets): the package's own corpus and the shared
/// corpus of real government PDFs beside the checkout.
public enum Fixtures {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` relative to the package root.
    public static let sharedCorpus: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    /// A PDF of the shared corpus; records a test failure naming the file
    /// when it is missing (never skips silently).
    public static func shared(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let path = sharedCorpus.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: path) {
            Issue.record("missing shared corpus file \(path)", sourceLocation: sourceLocation)
        }
        return path
    }

    /// All PDFs of the shared corpus and of corpus/.
    public static func allPDFs() -> [String] {
        var paths: [String] = []
        for dir in [sharedCorpus, packageRoot.appendingPathComponent("corpus")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            paths += names.filter { $0.hasSuffix(".pdf") }.sorted().map { dir.appendingPathComponent($0).path }
        }
        return paths
    }

    /// A scratch directory removed at process exit.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
