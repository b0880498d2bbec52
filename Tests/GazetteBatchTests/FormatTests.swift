import Foundation
import Testing
@testable import GazetteBatch
import Gazette

/// Every format of the registry (`OutputFormat`) from `gazette batch`, as
/// from `gazette extract`: the same bytes, named by the same rules.
@Suite("gazette batch formats")
struct BatchFormatTests {
    static let corpus = Support.packageRoot.appendingPathComponent("corpus").path

    @Test("--format csv: a directory of CSVs per input, the same as extract's, redone only when stale")
    func csvBatch() throws {
        let root = try Support.temporaryDirectory("csv")
        defer { Support.remove(root) }
        try Support.copy(Self.corpus + "/trip-report.pdf", to: root + "/in/2018/trip-report.pdf")
        try Support.copy(Self.corpus + "/meeting-book.pdf", to: root + "/in/meeting-book.pdf")
        let out = root + "/out"
        let first = try Support.run(["batch", root + "/in", "--out", out, "--format", "csv", "--progress", "none"])
        #expect(first.status == 0, "\(first.stderr)")
        let directory = out + "/in/2018/trip-report.csv.d"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        // A file per record type and per table, as extract names them.
        #expect(names.contains("trip-report.trip.csv") && names.contains("trip-report.t1.csv"), "\(names)")
        #expect(names.allSatisfy { $0 == "trip-report.trip.csv" || $0.range(of: #"^trip-report\.t[0-9]+\.csv$"#, options: .regularExpression) != nil },
                "\(names)")
        let meeting = try FileManager.default.contentsOfDirectory(atPath: out + "/in/meeting-book.csv.d").sorted()
        #expect(meeting.contains("meeting-book.proposal.csv") && meeting.contains("meeting-book.scheduleItem.csv"), "\(meeting)")

        // The same bytes as `gazette extract --format csv -o DIR/`.
        let single = root + "/single/"
        let extracted = try Support.run(["extract", Self.corpus + "/trip-report.pdf", "--format", "csv", "-o", single])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let batchBytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/trip-report.trip.csv"))
        let extractBytes = try Data(contentsOf: URL(fileURLWithPath: single + "trip-report.trip.csv"))
        #expect(batchBytes == extractBytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: single).sorted() == names)

        let report = try Support.report(out + "/_report.json")
        #expect(report.format == .csv)
        #expect(report.entries.allSatisfy { $0.status == .ok && $0.output?.hasSuffix(".csv.d") == true })

        // A second run skips both; a changed output directory is redone.
        let second = try Support.run(["batch", root + "/in", "--out", out, "--format", "csv", "--progress", "none"])
        #expect(second.status == 0)
        #expect(try Support.report(out + "/_report.json").summary.skipped == 2)
        try Support.write(Array("edited".utf8), to: directory + "/notes.txt")
        let third = try Support.run(["batch", root + "/in", "--out", out, "--format", "csv", "--progress", "none"])
        #expect(third.status == 0)
        #expect(try Support.report(out + "/_report.json").summary.skipped == 1)
        // Written whole: the stray file went with the old directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == names)
        #expect(Support.files(in: out, prefix: AtomicFile.temporaryPrefix).isEmpty)
    }

    @Test("every format is accepted by batch and extract, and an unknown one is a usage error")
    func formatsAreOneRegistry() throws {
        let root = try Support.temporaryDirectory("formats")
        defer { Support.remove(root) }
        let pdf = try Support.sharedCorpus("pdfminer__simple3.pdf")
        for format in OutputFormat.allCases {
            let out = root + "/\(format.rawValue)"
            let result = try Support.run(["batch", pdf, "--out", out, "--format", format.rawValue, "--progress", "none"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            let suffix = format.isSingleFile ? format.fileExtension : format.fileExtension + ".d"
            #expect(FileManager.default.fileExists(atPath: out + "/pdfminer__simple3.\(suffix)"), "\(format)")
        }
        let bad = try Support.run(["batch", pdf, "--out", root + "/x", "--format", "pdf"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("json") && bad.stderr.contains("xlsx"), "\(bad.stderr)")
        #expect(try Support.run(["extract", pdf, "--format", "pdf"]).status == 2)
    }
}
