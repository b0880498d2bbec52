import Foundation
import Gazette
import GazetteScoring
import Testing

/// Tables and records on real government PDFs nobody here typeset
/// (`../shared/corpus-real/`, truth in `corpus/truth-real/`; see
/// `RealCorpus`), printed apart from our typeset corpus, with the tuned
/// and the held-out part apart. Floors sit a little under the figures
/// measured when they were set: a fall below one fails.
///
/// `GAZETTE_REAL_DETAILS=FILE` also writes what differs to FILE, for the
/// tuned files only (held-out output is not to be looked at while changing
/// gazette).
@Suite("Real corpus")
struct RealCorpusTests {
    /// Measured figures less a margin (see bench/RESULTS.md for the figures).
    struct Floors {
        var tableF1: Double
        var recordFields: Double
        var recordsFound: Double
    }

    /// Measured: F1 0.933, fields 805/844 (0.954), found 70/72 (0.972)
    /// (before the work of issue 14: F1 0.748, fields 175/844, found 32/72).
    static let tuned = Floors(tableF1: 0.92, recordFields: 0.94, recordsFound: 0.95)
    /// Measured: F1 0.970, fields 986/1196 (0.824), found 90/102 (0.882)
    /// (before: F1 0.909, fields 264/1196, found 40/102).
    static let heldOut = Floors(tableF1: 0.95, recordFields: 0.81, recordsFound: 0.87)

    @Test func tablesAndRecordsOnRealDocuments() throws {
        let corpus = try RealCorpus(packageRoot: E2E.packageRoot)
        // Missing PDFs fail, naming the folder (as for ../shared/corpus).
        try corpus.checkPDFs()
        let detailsFile = ProcessInfo.processInfo.environment["GAZETTE_REAL_DETAILS"]
        let details = detailsFile != nil
        var scores: [FileScore] = []
        for url in try corpus.truthFiles() {
            do {
                scores.append(try corpus.score(truthAt: url, details: details))
            } catch {
                Issue.record("\(url.lastPathComponent): \(error)")
            }
        }
        let report = RealCorpusReport(files: scores)
        FileHandle.standardOutput.write(Data(report.text.utf8))
        if let detailsFile {
            let text = report.text + "differences (tuned files):\n" + scores.flatMap(\.details).joined(separator: "\n") + "\n"
            try text.write(toFile: detailsFile, atomically: true, encoding: .utf8)
        }

        #expect(scores.count >= 40, "real files scored: \(scores.count)")
        for (label, part, floors) in [("tuned", false, Self.tuned), ("held-out", true, Self.heldOut)] {
            let totals = report.totals(heldOut: part)
            let records = totals.records.total
            #expect(totals.files > 0 && totals.tables.adjacency.expected > 0, "\(label): nothing scored")
            #expect(totals.tables.adjacency.f1 >= floors.tableF1,
                    "\(label) table F1 \(totals.tables.adjacency.f1) fell below \(floors.tableF1)")
            #expect(records.accuracy >= floors.recordFields,
                    "\(label) record fields \(records.fieldsRight)/\(records.fields) fell below \(floors.recordFields)")
            #expect(records.foundShare >= floors.recordsFound,
                    "\(label) records found \(records.found)/\(records.records) fell below \(floors.recordsFound)")
        }
    }
}
