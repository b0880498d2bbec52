import Foundation
import Gazette

/// Settings of a batch run.
public struct BatchOptions: Sendable {
    /// The output directory (absolute).
    public var outputDirectory: String
    /// How many worker processes at once.
    public var jobs: Int
    /// Seconds one file may take before its worker is killed (nil: no limit).
    public var timeout: Double?
    /// Resident memory a worker may use before it is killed (nil: no limit).
    public var maxMemory: Int64?
    public var maxPages: Int?
    public var password: String?
    /// Redo inputs whose output is up to date.
    public var force: Bool
    /// Stop at the first failure.
    public var failFast: Bool
    /// The output format.
    public var format: OutputFormat
    public var pretty: Bool
    public var shard: Shard
    /// The worker command: an executable that runs `BatchWorker.run()`, and its arguments.
    public var workerCommand: [String]
    /// A worker is replaced after this many files (bounds slow leaks).
    public var filesPerWorker: Int
    /// The report is rewritten at most this often (seconds) while the run goes.
    public var reportInterval: Double
    /// `--ocr`, `--ocr-lang`.
    public var ocr: OCROptions

    public init(outputDirectory: String, jobs: Int, timeout: Double?, maxMemory: Int64?, maxPages: Int? = nil,
                password: String? = nil, force: Bool = false, failFast: Bool = false, format: OutputFormat = .json,
                pretty: Bool = false, shard: Shard = Shard(index: 0, count: 1)!, workerCommand: [String],
                filesPerWorker: Int = 200, reportInterval: Double = 1, ocr: OCROptions = OCROptions()) {
        self.outputDirectory = outputDirectory
        self.jobs = max(jobs, 1)
        self.timeout = timeout
        self.maxMemory = maxMemory
        self.maxPages = maxPages
        self.password = password
        self.force = force
        self.failFast = failFast
        self.format = format
        self.pretty = pretty
        self.shard = shard
        self.workerCommand = workerCommand
        self.filesPerWorker = max(filesPerWorker, 1)
        self.reportInterval = reportInterval
        self.ocr = ocr
    }
}

/// How a run ended.
public struct BatchOutcome: Sendable {
    /// The final report (also written to disk).
    public var report: BatchReport
    /// Where the report was written.
    public var reportPath: String
    /// The signal that stopped the run (SIGINT, SIGTERM, SIGHUP), if any.
    public var interruptedBy: Int32?
    /// True when --fail-fast stopped the run.
    public var stoppedEarly: Bool
    /// Stale temporary files removed at the start.
    public var sweptTemporaries: Int
    /// Wall time of the run.
    public var seconds: Double

    /// 0 when every input is ok or skipped, 1 otherwise, 128+signal when interrupted.
    public var exitCode: Int32 {
        if let interruptedBy { return 128 + interruptedBy }
        return report.summary.allDone ? 0 : 1
    }
}

/// Why a run could not start.
public struct BatchRunError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
