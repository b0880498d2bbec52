import ArgumentParser
import Foundation
import Gazette
import GazetteBatch

/// `gazette report DIR...`: merges the shard reports of a batch, prints a
/// summary, and writes the merged report.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Merge and summarise the reports of a batch (its shards' reports).",
        discussion: """
            Reads DIR/_report.shard-K-of-N.json (or DIR/_report.json) of each DIR, or report files named \
            directly, and writes the merged report to DIR/_report.json of the first DIR (--output to \
            choose). With --input/--manifest (the batch's inputs), inputs that are in no report are listed.

            Exit status: 0 when every input is ok or up to date, every shard reported and no input is \
            missing; 1 otherwise; 2 usage error.
            """)

    @Argument(help: "Output directories of the batch, or report files.", completion: .file())
    var paths: [String]

    @Option(name: .customLong("input"), help: "An input of the batch (file or directory), as given to `gazette batch`; repeat.")
    var inputs: [String] = []

    @Option(help: "A manifest of the batch's inputs, as given to `gazette batch`.")
    var manifest: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Where to write the merged report (- for nowhere).")
    var output: String?

    @Option(help: "How many failed inputs to list.")
    var list: Int = 20

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the batch's output directory (or report files)") }
    }

    func run() throws {
        let merged: MergedReport
        do {
            var files: [String] = []
            for path in paths { files += try ReportMerger.reportFiles(in: path) }
            var expected: [String]?
            if !inputs.isEmpty || !manifest.isEmpty {
                expected = try InputResolver.resolve(arguments: inputs, manifests: manifest).map(\.key)
            }
            merged = try ReportMerger.merge(files: files, expectedKeys: expected)
        } catch {
            throw ValidationError("\(error)")
        }

        let report = merged.report
        let s = report.summary
        var lines: [String] = []
        if let count = merged.shardCount {
            lines.append("\(merged.sources.count) reports of \(count) shards"
                + (merged.missingShards.isEmpty ? "" : "; no report of shard \(merged.missingShards.map(String.init).joined(separator: ", "))"))
        } else {
            lines.append("\(merged.sources.count) report\(merged.sources.count == 1 ? "" : "s")")
        }
        lines.append(BatchProgressText.counts(s, pendingAlways: true)
            + "; \(s.pages) pages; \(String(format: "%.1f", s.seconds)) s of work")
        let failed = report.entries.filter { $0.status == .failed }
        if !failed.isEmpty {
            lines.append("failed:")
            for entry in failed.prefix(list) { lines.append("  \(entry.key): \(entry.reason ?? entry.code?.rawValue ?? "failed")") }
            if failed.count > list { lines.append("  … and \(failed.count - list) more (see the report)") }
        }
        let lost = report.entries.filter { $0.status != .failed && $0.lostText }
        if !lost.isEmpty {
            lines.append("text lost:")
            for entry in lost.prefix(list) { lines.append("  \(entry.key): \(BatchProgressText.lostText(entry.warnings))") }
            if lost.count > list { lines.append("  … and \(lost.count - list) more (see the report)") }
        }
        let pending = report.entries.filter { $0.status == .pending }
        if !pending.isEmpty {
            lines.append("not finished: \(pending.prefix(5).map(\.key).joined(separator: ", "))\(pending.count > 5 ? ", …" : "")")
        }
        if !merged.missingInputs.isEmpty {
            lines.append("in no report (\(merged.missingInputs.count)):")
            for key in merged.missingInputs.prefix(list) { lines.append("  \(key)") }
            if merged.missingInputs.count > list { lines.append("  … and \(merged.missingInputs.count - list) more") }
        }
        for problem in merged.problems { lines.append("problem: \(problem)") }

        let destination: String? = {
            if output == "-" { return nil }
            if let output { return output }
            var isDirectory: ObjCBool = false
            let first = paths[0]
            if FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue {
                return (first as NSString).appendingPathComponent(BatchReport.fileName)
            }
            return ((first as NSString).deletingLastPathComponent as NSString).appendingPathComponent(BatchReport.fileName)
        }()
        if let destination {
            let sources = merged.sources.map { ($0 as NSString).standardizingPath }
            if sources == [(destination as NSString).standardizingPath] {
                // One unsplit report: nothing to merge.
            } else if sources.contains((destination as NSString).standardizingPath) {
                lines.append("merged report not written: it would replace one of the reports read (\(destination))")
            } else {
                do {
                    try AtomicFile.write(try report.serialised(), to: URL(fileURLWithPath: destination))
                    lines.append("merged report: \(destination)")
                } catch {
                    printError("\(destination): \(error)")
                    throw ExitCode.failure
                }
            }
        }
        print(lines.joined(separator: "\n"))
        if !merged.allDone { throw ExitCode.failure }
    }
}
