import Foundation
import Gazette

/// The report of a run as it goes: one entry per input of the plan (in plan
/// order), the counts over them, and the report file, rewritten atomically
/// when entries changed, at most every `interval` seconds (and never more
/// than 1/20 of the time, when writing it is slow).
final class ReportBook {
    private(set) var entries: [ReportEntry]
    private(set) var counts: ReportSummary
    let path: String
    private let shard: Shard
    private let format: OutputFormat
    private let interval: Double
    private let startedAt = BatchReport.timestamp()
    private var dirty = false
    private var lastWrite = 0.0
    private var writeCost = 0.0
    private var warned = false

    init(plan: BatchPlan, path: String, shard: Shard, format: OutputFormat, interval: Double) {
        entries = Self.initialEntries(plan)
        counts = ReportSummary(entries)
        self.path = path
        self.shard = shard
        self.format = format
        self.interval = interval
    }

    /// Every input is in the report from the start: pending, or failed when
    /// it cannot start (an output collision).
    static func initialEntries(_ plan: BatchPlan) -> [ReportEntry] {
        plan.items.map { item in
            if let code = item.problemCode {
                return ReportEntry(key: item.input.key, input: item.input.path, status: .failed, code: code,
                                   reason: item.problemReason)
            }
            return ReportEntry(key: item.input.key, input: item.input.path, status: .pending)
        }
    }

    /// Puts `entry` in place of the entry of input `index`.
    func settle(_ index: Int, _ entry: ReportEntry) {
        counts.replace(entries[index], with: entry)
        entries[index] = entry
        dirty = true
    }

    /// The run is over: every entry still pending gets `reason` (why the run
    /// did not get to it), and the counts are made again from the entries.
    func close(unfinished reason: String?) {
        if let reason {
            for index in entries.indices where entries[index].status == .pending {
                entries[index].reason = reason
            }
        }
        counts = ReportSummary(entries)
    }

    /// Whether a report with changes is due, `sinceLastWrite` seconds after
    /// the last one, which took `lastCost` seconds to write.
    static func isDue(dirty: Bool, sinceLastWrite: Double, interval: Double, lastCost: Double) -> Bool {
        dirty && sinceLastWrite >= max(interval, lastCost * 20)
    }

    /// Writes the report when changes are due.
    func writeIfDue() {
        if Self.isDue(dirty: dirty, sinceLastWrite: monotonicSeconds() - lastWrite, interval: interval,
                      lastCost: writeCost) {
            write(complete: false)
        }
    }

    /// Writes the report atomically (a failure is said once, on standard
    /// error: the run goes on) and returns it.
    @discardableResult
    func write(complete: Bool) -> BatchReport {
        let before = monotonicSeconds()
        let report = BatchReport(
            tool: ToolInfo(version: GazetteVersion.current), shard: shard, format: format,
            startedAt: startedAt, updatedAt: BatchReport.timestamp(), complete: complete, entries: entries)
        do {
            try AtomicFile.write(try report.serialised(), to: URL(fileURLWithPath: path))
        } catch {
            if !warned {
                FileHandle.standardError.write(Data("gazette: cannot write the report: \(error)\n".utf8))
                warned = true
            }
        }
        lastWrite = monotonicSeconds()
        writeCost = lastWrite - before
        dirty = false
        return report
    }

    /// What the last report of this shard (nil: none) vouches for, by output
    /// path: the input's SHA-256 and version of each output it lists as ok or
    /// skipped, with that output's size and modification time. Only a report
    /// of the same format counts; a worker trusts an entry only for formats
    /// that do not record their own input and version, and only while the
    /// output's size and modification time are unchanged.
    static func knownOutputs(in report: BatchReport?, format: OutputFormat) -> [String: KnownOutput] {
        guard let report, report.format == format else { return [:] }
        var known: [String: KnownOutput] = [:]
        for entry in report.entries where entry.status == .ok || entry.status == .skipped {
            guard let output = entry.output, let sha = entry.sha256, let bytes = entry.outputBytes,
                  let modified = entry.outputModified else { continue }
            known[output] = KnownOutput(
                provenance: OutputProvenance(sha256: sha, toolVersion: report.tool.version, pages: entry.pages),
                outputBytes: bytes, outputModified: modified)
        }
        return known
    }
}

extension ReportEntry {
    /// The entry once a worker answered `reply`: its output (relative path)
    /// is recorded unless the input failed.
    func answered(by reply: WorkerReply, output: String) -> ReportEntry {
        var entry = self
        entry.status = reply.status
        entry.code = reply.code
        entry.reason = reply.reason
        entry.pages = reply.pages
        entry.seconds = reply.seconds
        entry.sha256 = reply.sha256
        entry.warnings = reply.warnings
        // A skipped input keeps the count its previous run reported.
        entry.ocrPages = reply.ocrPages ?? (reply.status == .skipped ? entry.ocrPages : nil)
        if reply.status == .failed {
            entry.output = nil
        } else {
            entry.output = output
            entry.outputBytes = reply.outputBytes
            entry.outputModified = reply.outputModified
        }
        return entry
    }

    /// The entry failed with `code` and `reason` after `seconds` (rounded to milliseconds).
    func failed(code: EntryCode, reason: String, seconds: Double) -> ReportEntry {
        var entry = self
        entry.status = .failed
        entry.code = code
        entry.reason = reason
        entry.seconds = (seconds * 1000).rounded() / 1000
        return entry
    }
}

extension ReportSummary {
    /// The counts with `old` replaced by `new`.
    mutating func replace(_ old: ReportEntry, with new: ReportEntry) {
        func count(_ entry: ReportEntry, _ sign: Int) {
            switch entry.status {
            case .ok: ok += sign
            case .failed: failed += sign
            case .skipped: skipped += sign
            case .pending: pending += sign
            }
            if entry.status == .ok || entry.status == .skipped {
                pages += sign * (entry.pages ?? 0)
                if entry.lostText { textLost += sign }
                ocrPages += sign * (entry.ocrPages ?? 0)
            }
            seconds += Double(sign) * (entry.seconds ?? 0)
        }
        count(old, -1)
        count(new, 1)
    }
}
