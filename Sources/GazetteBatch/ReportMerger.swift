import Foundation
import Gazette

/// Shard reports merged into one report of the whole batch, with what is
/// missing: shards without a report, inputs in no report.
public struct MergedReport: Sendable {
    /// The whole batch's report (no shard).
    public var report: BatchReport
    /// The report files read.
    public var sources: [String]
    /// The shard count the reports agree on (nil for unsplit reports).
    public var shardCount: Int?
    /// Shard indexes with no report.
    public var missingShards: [Int]
    /// Problems with the reports themselves (mixed shard counts, keys in two shards).
    public var problems: [String]
    /// Keys of expected inputs that are in no report (when inputs were given).
    public var missingInputs: [String]

    /// True when every input is ok or skipped, every shard reported, and no
    /// expected input is missing.
    public var allDone: Bool {
        report.summary.allDone && missingShards.isEmpty && missingInputs.isEmpty && problems.isEmpty
    }
}

/// Finds and merges the reports of a batch.
public enum ReportMerger {
    /// The report files of an output directory: its shard reports
    /// (`_report.shard-K-of-N.json`) when it has any, else `_report.json`.
    /// A path that is a file is taken as a report itself.
    public static func reportFiles(in path: String) throws(InputError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("\(path): no such file or directory")
        }
        if !isDirectory.boolValue { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let shards = names.filter { $0.hasPrefix("_report.shard-") && $0.hasSuffix(".json") }.sorted()
        if !shards.isEmpty { return shards.map { (path as NSString).appendingPathComponent($0) } }
        if names.contains(BatchReport.fileName) { return [(path as NSString).appendingPathComponent(BatchReport.fileName)] }
        throw InputError("\(path): no batch report (_report.json or _report.shard-K-of-N.json)")
    }

    /// Merges the reports at `files`; `expectedKeys` (the batch's input keys),
    /// when given, are checked against the entries.
    public static func merge(files: [String], expectedKeys: [String]? = nil) throws(InputError) -> MergedReport {
        var reports: [(String, BatchReport)] = []
        for file in files {
            do {
                reports.append((file, try BatchReport.load(from: URL(fileURLWithPath: file))))
            } catch {
                throw InputError("\(file): cannot read the report: \(error)")
            }
        }
        return merge(reports, expectedKeys: expectedKeys)
    }

    /// Merges loaded reports (each with the file it came from).
    public static func merge(_ reports: [(String, BatchReport)], expectedKeys: [String]? = nil) -> MergedReport {
        var problems: [String] = []
        let counts = Set(reports.map { $0.1.shard?.count ?? 1 })
        var shardCount: Int?
        var missingShards: [Int] = []
        if counts.count > 1 {
            problems.append("the reports are of different splits: \(counts.sorted().map { "\($0) shards" }.joined(separator: ", "))")
        } else if let count = counts.first, count > 1 {
            shardCount = count
            let present = Set(reports.compactMap { $0.1.shard?.index })
            missingShards = (0..<count).filter { !present.contains($0) }
            var seen: Set<Int> = []
            for (file, report) in reports {
                if let index = report.shard?.index, !seen.insert(index).inserted {
                    problems.append("\(file): a second report of shard \(index)/\(count)")
                }
            }
        }

        // One entry per (key, input); of two, the more finished wins.
        func rank(_ status: EntryStatus) -> Int {
            switch status {
            case .ok: return 3
            case .skipped: return 3
            case .failed: return 2
            case .pending: return 1
            }
        }
        // A key belongs to one shard: the same key in two reports is a
        // problem (the more finished entry is kept). Within one report a key
        // may appear twice (two file arguments of the same name).
        var byID: [String: ReportEntry] = [:]
        var order: [String] = []
        var reportOfKey: [String: Int] = [:]
        for (number, (file, report)) in reports.enumerated() {
            for entry in report.entries {
                if let other = reportOfKey[entry.key], other != number {
                    problems.append("\(file): \(entry.key) is also in \(reports[other].0)")
                    if let kept = order.first(where: { byID[$0]?.key == entry.key }), let old = byID[kept],
                       rank(entry.status) > rank(old.status) {
                        byID[kept] = entry
                    }
                    continue
                }
                reportOfKey[entry.key] = number
                let id = entry.key + "\u{0}" + entry.input
                if byID[id] == nil { order.append(id) }
                byID[id] = entry
            }
        }
        let entries = order.compactMap { byID[$0] }.sorted {
            $0.key != $1.key ? $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
                : $0.input.utf8.lexicographicallyPrecedes($1.input.utf8)
        }
        var missingInputs: [String] = []
        if let expectedKeys {
            let present = Set(entries.map(\.key))
            missingInputs = Array(Set(expectedKeys).subtracting(present)).sorted()
        }
        let first = reports.first?.1
        let merged = BatchReport(
            tool: first?.tool ?? ToolInfo(version: GazetteVersion.current), shard: nil, format: first?.format ?? .json,
            startedAt: reports.map(\.1.startedAt).min() ?? BatchReport.timestamp(),
            updatedAt: BatchReport.timestamp(),
            complete: !reports.isEmpty && reports.allSatisfy(\.1.complete) && missingShards.isEmpty,
            entries: entries)
        return MergedReport(
            report: merged, sources: reports.map(\.0), shardCount: shardCount, missingShards: missingShards,
            problems: problems, missingInputs: missingInputs)
    }
}
