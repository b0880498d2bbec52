import Foundation
import Gazette

/// Where a run tells how it is going (called on the coordinator's thread).
public protocol BatchProgress: AnyObject {
    /// The run starts: `total` inputs in this shard, `done` of them already
    /// settled (failed before starting), `bytes` of PDF to go through.
    func begin(total: Int, done: Int, bytes: Int64)
    /// One input is settled; `counts` are the totals so far.
    func finished(_ entry: ReportEntry, bytes: Int64, counts: ReportSummary)
    /// Called about ten times a second.
    func tick()
    /// The run is over.
    func end(_ counts: ReportSummary, seconds: Double)
}

/// How progress is shown (`--progress`).
public enum ProgressStyle: String, Sendable, CaseIterable {
    /// A bar on a terminal, JSON lines otherwise.
    case auto
    case bar
    case json
    case none

    /// The reporter for this style, writing to standard error.
    public func reporter() -> BatchProgress {
        switch self {
        case .auto: return isatty(STDERR_FILENO) != 0 ? ProgressBar() : JSONLinesProgress()
        case .bar: return ProgressBar()
        case .json: return JSONLinesProgress()
        case .none: return SilentProgress()
        }
    }
}

/// Shows nothing.
public final class SilentProgress: BatchProgress {
    public init() {}
    public func begin(total: Int, done: Int, bytes: Int64) {}
    public func finished(_ entry: ReportEntry, bytes: Int64, counts: ReportSummary) {}
    public func tick() {}
    public func end(_ counts: ReportSummary, seconds: Double) {}
}

/// One JSON object per settled input (`{"event":"file",…}`) and a closing
/// `{"event":"summary",…}`, on standard error, for log collectors.
public final class JSONLinesProgress: BatchProgress {
    private var total = 0
    private let sink: (String) -> Void

    public init(sink: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.sink = sink
    }

    public func begin(total: Int, done: Int, bytes: Int64) {
        self.total = total
    }

    public func finished(_ entry: ReportEntry, bytes: Int64, counts: ReportSummary) {
        let line: JSONValue = [
            "event": "file", "key": .string(entry.key), "input": .string(entry.input),
            "status": .string(entry.status.rawValue), "code": entry.code.map { .string($0.rawValue) } ?? .null,
            "reason": entry.reason.map(JSONValue.string) ?? .null, "pages": entry.pages.map(JSONValue.int) ?? .null,
            "seconds": entry.seconds.map(JSONValue.double) ?? .null,
            "output": entry.output.map(JSONValue.string) ?? .null,
            "warnings": .array(entry.warnings.map { .string($0.rawValue) }),
            "ocrPages": entry.ocrPages.map(JSONValue.int) ?? .null,
            "done": .int(counts.inputs - counts.pending), "total": .int(total),
        ]
        sink(line.serialized())
    }

    public func tick() {}

    public func end(_ counts: ReportSummary, seconds: Double) {
        let line: JSONValue = [
            "event": "summary", "inputs": .int(counts.inputs), "ok": .int(counts.ok), "failed": .int(counts.failed),
            "skipped": .int(counts.skipped), "pending": .int(counts.pending), "pages": .int(counts.pages),
            "textLost": .int(counts.textLost), "ocrPages": .int(counts.ocrPages),
            "seconds": .double((seconds * 1000).rounded() / 1000),
        ]
        sink(line.serialized())
    }
}

/// A progress bar on standard error: files and pages done, rate and ETA.
/// Failures are printed above it as they happen.
public final class ProgressBar: BatchProgress {
    private var total = 0
    private var done = 0
    private var counts = ReportSummary()
    private var bytesTotal: Int64 = 0
    private var bytesDone: Int64 = 0
    private var converted = 0
    private var convertedPages = 0
    private var start = monotonicSeconds()
    private var lastDraw = 0.0

    public init() {}

    public func begin(total: Int, done: Int, bytes: Int64) {
        self.total = total
        self.done = done
        bytesTotal = bytes
        start = monotonicSeconds()
        draw()
    }

    public func finished(_ entry: ReportEntry, bytes: Int64, counts: ReportSummary) {
        self.counts = counts
        done = counts.inputs - counts.pending
        if entry.status != .skipped {
            bytesDone += bytes
            converted += 1
            if entry.status == .ok { convertedPages += entry.pages ?? 0 }
        } else {
            bytesTotal -= bytes
        }
        if entry.status == .failed {
            write("\r\u{1B}[K✗ \(entry.key): \(entry.reason ?? entry.code?.rawValue ?? "failed")\n")
            draw()
        } else if entry.status == .ok, entry.lostText {
            write("\r\u{1B}[K⚠ \(entry.key): \(BatchProgressText.lostText(entry.warnings))\n")
            draw()
        } else if monotonicSeconds() - lastDraw >= 0.1 {
            draw()
        }
    }

    public func tick() {
        if monotonicSeconds() - lastDraw >= 0.25 { draw() }
    }

    public func end(_ counts: ReportSummary, seconds: Double) {
        self.counts = counts
        done = counts.inputs - counts.pending
        draw()
        write("\n")
    }

    private func draw() {
        lastDraw = monotonicSeconds()
        let elapsed = max(lastDraw - start, 0.001)
        let width = 24
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "[\(bar)] \(done)/\(total) files  \(counts.pages) pages"
        if counts.ocrPages > 0 { text += " (\(counts.ocrPages) by OCR)" }
        if converted > 0 {
            text += String(format: "  %.1f files/s  %.1f pages/s", Double(converted) / elapsed,
                           Double(convertedPages) / elapsed)
            let rate = Double(bytesDone) / elapsed
            if rate > 0, done < total {
                text += "  ETA " + Self.duration(Double(max(bytesTotal - bytesDone, 0)) / rate)
            }
        }
        if counts.failed > 0 { text += "  ✗ \(counts.failed) failed" }
        if counts.textLost > 0 { text += "  ⚠ \(counts.textLost) with text lost" }
        if counts.skipped > 0 { text += "  \(counts.skipped) up to date" }
        write("\r\u{1B}[K" + text)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m" }
        if s >= 60 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s)s"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Words for the batch's messages, shared by the progress bar and the
/// summary lines of `gazette batch` and `gazette report`.
public enum BatchProgressText {
    /// Why a converted document's text is incomplete, from its warning codes.
    public static func lostText(_ warnings: [Warning.Code]) -> String {
        if warnings.contains(.missingLanguagePack) {
            return "text in a CJK font could not be decoded (missingLanguagePack: install poppler-data)"
        }
        if warnings.contains(.undecodedText) {
            return "text in a font that could not be loaded was left out (undecodedText)"
        }
        return "text whose text layer is not language (garbledTextLayer; --ocr auto reads it by OCR)"
    }

    /// The summary's counts as one line: `10 inputs: 8 ok, …`.
    public static func counts(_ s: ReportSummary, pendingAlways: Bool) -> String {
        var line = "\(s.inputs) inputs: \(s.ok) ok, \(s.skipped) up to date, \(s.failed) failed"
        if pendingAlways || s.pending > 0 { line += ", \(s.pending) not finished" }
        if s.textLost > 0 { line += "; \(s.textLost) with text lost (see the report's warnings)" }
        if s.ocrPages > 0 { line += "; \(s.ocrPages) page(s) read by OCR" }
        return line
    }
}
