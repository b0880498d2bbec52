import Foundation
import Gazette

/// What became of one input.
public enum EntryStatus: String, Codable, Sendable, CaseIterable {
    /// Converted; the output is in place.
    case ok
    /// Not converted; `reason` says why. No output of it is left.
    case failed
    /// Not redone: its output was already made from the same bytes by the same version.
    case skipped
    /// Not finished: the run is still going, or was stopped before it got there.
    case pending
}

/// Why an input failed, or was skipped, as the report says it.
public enum EntryCode: String, Hashable, Sendable, Codable, CaseIterable {
    // The PDF (see `ReadError`, `ExtractionError`).
    case notFound, unreadable, emptyFile, notAPDF, noPages, passwordRequired, wrongPassword, pageUnreadable
    /// More pages than --max-pages.
    case tooManyPages
    // The worker.
    /// It died (a signal); its output is in DIR/_crashes/.
    case crashed
    /// It ran past --timeout.
    case timedOut
    /// It went over --max-memory.
    case memoryLimit
    // The output.
    /// Two inputs would write the same output (or a report's name).
    case outputCollision
    case writeFailed
    // Bugs in gazette.
    /// The document did not match the schema.
    case invalidOutput
    case internalError
    /// The worker could not read its job line.
    case `protocol`
    /// Not a failure: skipped, its output made from the same bytes by this version.
    case upToDate
}

/// One input's line in the report.
public struct ReportEntry: Codable, Sendable, Hashable {
    /// The input's path relative to its root (see `BatchInput.key`).
    public var key: String
    /// The input's absolute path on the machine that ran it.
    public var input: String
    public var status: EntryStatus
    /// Why it failed (`notAPDF`, `timedOut`, …) or was skipped (`upToDate`), or nil.
    public var code: EntryCode?
    /// Why it failed or was skipped, in words.
    public var reason: String?
    public var pages: Int?
    /// Wall time spent on it, in seconds.
    public var seconds: Double?
    /// The output's path relative to the output directory, when there is one.
    public var output: String?
    /// SHA-256 of the input's bytes, when read.
    public var sha256: String?
    /// The output's size and modification time (ns since 1970), which tell
    /// whether the output is still the one this report describes.
    public var outputBytes: Int?
    public var outputModified: Int?
    /// Codes of the document's warnings (`noTextLayer`, …), each once.
    public var warnings: [Warning.Code]
    /// Pages read by OCR (nil: not converted, or by a version that did not count them).
    public var ocrPages: Int?

    /// True when the document's text was partly lost (see `ReportSummary.textLost`).
    public var lostText: Bool { warnings.contains { Warning.Code.textLost.contains($0) } }

    public init(key: String, input: String, status: EntryStatus, code: EntryCode? = nil, reason: String? = nil,
                pages: Int? = nil, seconds: Double? = nil, output: String? = nil, sha256: String? = nil,
                outputBytes: Int? = nil, outputModified: Int? = nil, warnings: [Warning.Code] = [], ocrPages: Int? = nil) {
        self.key = key
        self.input = input
        self.status = status
        self.code = code
        self.reason = reason
        self.pages = pages
        self.seconds = seconds
        self.output = output
        self.sha256 = sha256
        self.outputBytes = outputBytes
        self.outputModified = outputModified
        self.warnings = warnings
        self.ocrPages = ocrPages
    }
}

/// Counts over a report's entries.
public struct ReportSummary: Codable, Sendable, Hashable {
    public var inputs = 0
    public var ok = 0
    public var failed = 0
    public var skipped = 0
    public var pending = 0
    /// Pages of the inputs converted or skipped.
    public var pages = 0
    /// Seconds spent on the inputs, added up over the workers.
    public var seconds = 0.0
    /// Inputs converted (ok or skipped) whose text was partly lost: a page
    /// with a font that could not be decoded (`missingLanguagePack`: the
    /// CMaps of poppler-data are not installed; `undecodedText`). They are
    /// counted apart so that a batch never looks clean when text is missing.
    public var textLost = 0
    /// Pages read by OCR, over the inputs converted or skipped.
    public var ocrPages = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case inputs, ok, failed, skipped, pending, pages, seconds, textLost, ocrPages }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decode(Int.self, forKey: .inputs)
        ok = try c.decode(Int.self, forKey: .ok)
        failed = try c.decode(Int.self, forKey: .failed)
        skipped = try c.decode(Int.self, forKey: .skipped)
        pending = try c.decode(Int.self, forKey: .pending)
        pages = try c.decode(Int.self, forKey: .pages)
        seconds = try c.decode(Double.self, forKey: .seconds)
        // Reports written before it was counted.
        textLost = try c.decodeIfPresent(Int.self, forKey: .textLost) ?? 0
        ocrPages = try c.decodeIfPresent(Int.self, forKey: .ocrPages) ?? 0
    }

    public init(_ entries: [ReportEntry]) {
        for entry in entries {
            inputs += 1
            switch entry.status {
            case .ok: ok += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            case .pending: pending += 1
            }
            if entry.status == .ok || entry.status == .skipped {
                pages += entry.pages ?? 0
                if entry.lostText { textLost += 1 }
                ocrPages += entry.ocrPages ?? 0
            }
            seconds += entry.seconds ?? 0
        }
        seconds = (seconds * 1000).rounded() / 1000
    }

    /// True when every input is ok or skipped.
    public var allDone: Bool { failed == 0 && pending == 0 }
}

/// The batch report (`DIR/_report.json`, or `_report.shard-K-of-N.json` per
/// shard): every input once, with its status, reason, pages, time and output.
public struct BatchReport: Codable, Sendable, Hashable {
    /// The file name of an unsplit (or merged) report.
    public static let fileName = "_report.json"
    /// The value of `kind`, which tells a report from other JSON.
    public static let kindName = "gazette-batch-report"

    public var kind: String = BatchReport.kindName
    public var reportVersion: Int = 1
    public var tool: ToolInfo
    /// The shard this report covers; nil for a whole batch.
    public var shard: ShardInfo?
    /// Output format (`json`, …).
    public var format: OutputFormat
    public var startedAt: String
    public var updatedAt: String
    /// True once the run has ended normally (every entry final); false while
    /// it runs, and in the report of a run that was killed or interrupted.
    public var complete: Bool
    public var summary: ReportSummary
    /// Sorted by key.
    public var entries: [ReportEntry]

    /// A shard's place, as written in the report.
    public struct ShardInfo: Codable, Sendable, Hashable {
        public var index: Int
        public var count: Int
        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }
    }

    public init(tool: ToolInfo, shard: Shard?, format: OutputFormat, startedAt: String, updatedAt: String,
                complete: Bool, entries: [ReportEntry]) {
        self.tool = tool
        self.shard = shard.flatMap { $0.count == 1 ? nil : ShardInfo(index: $0.index, count: $0.count) }
        self.format = format
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.complete = complete
        self.entries = entries
        self.summary = ReportSummary(entries)
    }

    /// The report as pretty JSON, one entry's fields together.
    public func serialised() throws -> [UInt8] {
        var bytes = Array(try JSONValueEncoder().encode(self).serializedData(.pretty))
        bytes.append(0x0A)
        return bytes
    }

    /// Reads a report file.
    public static func load(from url: URL) throws -> BatchReport {
        let data = try Data(contentsOf: url)
        let report = try JSONDecoder().decode(BatchReport.self, from: data)
        guard report.kind == kindName else {
            throw InputError("\(url.path): not a gazette batch report")
        }
        return report
    }

    /// The current time as ISO 8601 (UTC, seconds).
    public static func timestamp(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}
