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
    /// `--format` name (a writer in `OutputFormats`).
    public var format: String
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
                password: String? = nil, force: Bool = false, failFast: Bool = false, format: String = "json",
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

/// The last signal asked to stop the run (0: none); set from signal handlers.
/// Signal dispositions are per process: run one `BatchRunner` at a time.
nonisolated(unsafe) private var stopSignal: Int32 = 0

/// The coordinator: hands inputs to worker processes one at a time, replaces a
/// worker that crashes, hangs or outgrows its memory, and keeps the report up to date.
public final class BatchRunner {
    private let plan: BatchPlan
    private let options: BatchOptions
    private let progress: BatchProgress
    private let writer: any OutputWriter
    private let reportPath: String
    private var entries: [ReportEntry] = []
    private var counts = ReportSummary()
    private var workers: [WorkerProcess] = []
    private var reportDirty = false
    private var lastReportWrite = 0.0
    private var reportWriteCost = 0.0
    private var reportWarning = false
    private let startedAt = BatchReport.timestamp()
    private var nextJobID = 0
    private var startupFailures = 0
    private var fatal: String?

    public init(plan: BatchPlan, options: BatchOptions, progress: BatchProgress) throws(BatchRunError) {
        guard let writer = OutputFormats.writer(named: options.format) else {
            throw BatchRunError(description: "no output format \(options.format)")
        }
        self.plan = plan
        self.options = options
        self.progress = progress
        self.writer = writer
        self.reportPath = (options.outputDirectory as NSString).appendingPathComponent(options.shard.reportName)
    }

    /// Runs the batch to its end (or until a signal or --fail-fast stops it).
    public func run() throws(BatchRunError) -> BatchOutcome {
        let start = monotonicSeconds()
        let out = options.outputDirectory
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw BatchRunError(description: "\(out): cannot create the output directory: \(error.localizedDescription)")
        }
        let lock = try lockShard()
        defer { close(lock) }
        let swept = sweepTemporaries()
        let known = previousOutputs()

        // Every input is in the report from the start: pending, or failed
        // when it cannot start.
        entries = plan.items.map { item in
            if let code = item.problemCode {
                return ReportEntry(key: item.input.key, input: item.input.path, status: .failed, code: code,
                                   reason: item.problemReason)
            }
            return ReportEntry(key: item.input.key, input: item.input.path, status: .pending)
        }
        counts = ReportSummary(entries)
        writeReport(complete: false)
        progress.begin(total: entries.count, done: counts.failed,
                       bytes: plan.items.filter { $0.problemCode == nil }.reduce(0) { $0 + $1.input.bytes })

        // Largest first: the long documents start early and do not hold up the end.
        var queue = plan.items.indices.filter { plan.items[$0].problemCode == nil }
        queue.sort { a, b in
            let (x, y) = (plan.items[a].input, plan.items[b].input)
            return x.bytes != y.bytes ? x.bytes > y.bytes : a < b
        }
        queue.reverse()  // popLast takes the largest

        let previousHandlers = installSignalHandlers()
        defer { restoreSignalHandlers(previousHandlers) }
        var stoppedEarly = options.failFast && counts.failed > 0

        while fatal == nil {
            if stopSignal != 0 || stoppedEarly { break }
            // Hand out work: idle workers first, then new ones up to --jobs.
            for worker in workers where worker.job == nil && worker.accepting && !queue.isEmpty {
                dispatch(&queue, to: worker, known: known)
            }
            while workers.filter(\.accepting).count < options.jobs, !queue.isEmpty, fatal == nil {
                guard let worker = startWorker() else { break }
                dispatch(&queue, to: worker, known: known)
            }
            if workers.allSatisfy({ $0.job == nil }) && queue.isEmpty { break }
            if fatal != nil { break }
            waitForWorkers(timeout: 0.1, queue: &queue)
            enforceLimits()
            if options.failFast && counts.failed > 0 { stoppedEarly = true }
            progress.tick()
            if reportDirty && monotonicSeconds() - lastReportWrite >= max(options.reportInterval, reportWriteCost * 20) {
                writeReport(complete: false)
            }
        }

        // Stop: workers still busy are killed and their inputs stay pending.
        let stopReason: String?
        if let fatal {
            stopReason = "not finished: \(fatal)"
        } else if stopSignal != 0 {
            stopReason = "not finished: the run was stopped by \(WorkerProcess.signalName(stopSignal))"
        } else if stoppedEarly {
            stopReason = "not finished: --fail-fast stopped the run at the first failure"
        } else {
            stopReason = nil
        }
        for worker in workers {
            if let job = worker.job {
                worker.kill()
                removeTemporaries(of: worker, job: job.job)
            } else {
                worker.closeInput()
                _ = worker.waitForExit(patience: 5)
                worker.closeAll()
            }
        }
        workers.removeAll()
        if let stopReason {
            for index in entries.indices where entries[index].status == .pending {
                entries[index].reason = stopReason
            }
        }
        counts = ReportSummary(entries)
        // Complete when every input is settled, even if --fail-fast or a
        // signal came after the last one.
        let complete = counts.pending == 0
        if complete { stoppedEarly = false }
        let report = writeReport(complete: complete)
        let seconds = monotonicSeconds() - start
        progress.end(counts, seconds: seconds)
        if let fatal { throw BatchRunError(description: fatal) }
        return BatchOutcome(
            report: report, reportPath: reportPath, interruptedBy: stopSignal == 0 || complete ? nil : stopSignal,
            stoppedEarly: stoppedEarly, sweptTemporaries: swept, seconds: seconds)
    }

    // MARK: workers

    private func startWorker() -> WorkerProcess? {
        var environment = ProcessInfo.processInfo.environment
        environment["GAZETTE_BATCH_PARENT"] = String(getpid())
        do {
            let worker = try WorkerProcess.spawn(options.workerCommand, environment: environment)
            workers.append(worker)
            return worker
        } catch {
            fatal = error.description
            return nil
        }
    }

    /// Sends the next input of `queue` to `worker`.
    private func dispatch(_ queue: inout [Int], to worker: WorkerProcess, known: [String: KnownOutput]) {
        let index = queue.removeLast()
        let item = plan.items[index]
        nextJobID += 1
        let job = WorkerJob(
            id: nextJobID, input: item.input.path, output: outputPath(item), format: options.format,
            pretty: options.pretty, password: options.password, maxPages: options.maxPages, force: options.force,
            known: known[item.output], ocr: options.ocr)
        worker.clearErrors()
        worker.job = (index, job, monotonicSeconds())
        worker.lastMemoryCheck = monotonicSeconds()
        var line = (try? JSONEncoder().encode(job)) ?? Data()
        line.append(0x0A)
        if !worker.send(Array(line)) {
            // Gone already (its death is noticed by the next poll): the
            // input waits for another worker.
            worker.job = nil
            worker.closeInput()
            queue.append(index)
        }
    }

    private func outputPath(_ item: BatchPlan.Item) -> String {
        (options.outputDirectory as NSString).appendingPathComponent(item.output)
    }

    /// Waits up to `timeout` seconds for replies or deaths, and handles them.
    private func waitForWorkers(timeout: Double, queue: inout [Int]) {
        var fds: [pollfd] = []
        for worker in workers {
            if worker.replies >= 0 { fds.append(pollfd(fd: worker.replies, events: Int16(POLLIN), revents: 0)) }
            if worker.errors >= 0 { fds.append(pollfd(fd: worker.errors, events: Int16(POLLIN), revents: 0)) }
        }
        if fds.isEmpty {
            usleep(UInt32(timeout * 1e6))
            return
        }
        _ = poll(&fds, nfds_t(fds.count), Int32(timeout * 1000))
        for worker in workers {
            _ = worker.readErrors()
            var lines: [[UInt8]] = []
            let result = worker.readReplies(into: &lines)
            for line in lines { handleReply(line, from: worker) }
            if result == .endOfFile { handleDeath(of: worker, queue: &queue) }
        }
        workers.removeAll { $0.replies < 0 }
    }

    private func handleReply(_ line: [UInt8], from worker: WorkerProcess) {
        if !worker.ready {
            if let hello = try? JSONDecoder().decode(WorkerHello.self, from: Data(line)) {
                worker.ready = true
                startupFailures = 0
                if hello.version != GazetteVersion.current {
                    fatal = "the worker is gazette \(hello.version), the coordinator \(GazetteVersion.current)"
                }
                return
            }
        }
        guard let (index, job, _) = worker.job else { return }
        guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: Data(line)), reply.id == job.id else {
            return  // not a reply to this job: ignored; a lost reply ends in the timeout
        }
        worker.job = nil
        worker.jobsDone += 1
        let item = plan.items[index]
        var entry = entries[index]
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
            removeStaleOutput(of: job)
            entry.output = nil
        } else {
            entry.output = item.output
            entry.outputBytes = reply.outputBytes
            entry.outputModified = reply.outputModified
        }
        settle(index, entry)
        if worker.jobsDone >= options.filesPerWorker { worker.closeInput() }
    }

    private func handleDeath(of worker: WorkerProcess, queue: inout [Int]) {
        let status = worker.waitForExit(patience: 10)
        let printed = worker.jobErrors()
        let lastWords = WorkerProcess.lastWords(in: printed)
        worker.closeAll()
        if !worker.ready {
            // It never started: not the file's fault. The file goes back in
            // the queue; a worker that cannot start at all stops the run.
            if let job = worker.job { queue.append(job.index) }
            worker.job = nil
            startupFailures += 1
            if startupFailures >= 3 {
                fatal = "the worker cannot start: it \(WorkerProcess.describe(status: status))"
                    + (lastWords.isEmpty ? "" : ": \(lastWords)")
            }
            return
        }
        guard let (index, job, started) = worker.job else { return }
        worker.job = nil
        var entry = entries[index]
        entry.status = .failed
        entry.code = "crashed"
        entry.reason = "the worker \(WorkerProcess.describe(status: status)) while converting this file"
            + (lastWords.isEmpty ? "" : " (\(lastWords))")
        if status & 0x7f == SIGKILL {
            // Not us: the system's out-of-memory killer, most likely.
            entry.reason! += "; SIGKILL from outside the batch usually means the system ran out of memory"
        }
        if let log = writeCrashLog(plan.items[index], printed: printed, status: status) {
            entry.reason! += "; crash log: \(log)"
        }
        entry.seconds = ((monotonicSeconds() - started) * 1000).rounded() / 1000
        removeTemporaries(of: worker, job: job)
        removeStaleOutput(of: job)
        settle(index, entry)
    }

    /// Kills workers over the time or memory limit; their files fail.
    private func enforceLimits() {
        let now = monotonicSeconds()
        for worker in workers {
            guard let (index, job, started) = worker.job else { continue }
            var failure: (code: String, reason: String)?
            if let timeout = options.timeout, now - started > timeout {
                failure = ("timedOut", "took longer than \(Self.seconds(timeout)) (--timeout); the worker was killed")
            } else if let limit = options.maxMemory, now - worker.lastMemoryCheck >= 0.1 {
                worker.lastMemoryCheck = now
                if let resident = worker.residentBytes(), resident > limit {
                    failure = ("memoryLimit",
                               "used \(ByteSize.describe(resident)) of memory, over --max-memory \(ByteSize.describe(limit)); the worker was killed")
                }
            }
            guard let failure else { continue }
            worker.kill()
            worker.job = nil
            removeTemporaries(of: worker, job: job)
            removeStaleOutput(of: job)
            var entry = entries[index]
            entry.status = .failed
            entry.code = failure.code
            entry.reason = failure.reason
            entry.seconds = ((now - started) * 1000).rounded() / 1000
            settle(index, entry)
        }
        workers.removeAll { $0.replies < 0 }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private func settle(_ index: Int, _ entry: ReportEntry) {
        counts.replace(entries[index], with: entry)
        entries[index] = entry
        reportDirty = true
        progress.finished(entry, bytes: plan.items[index].input.bytes, counts: counts)
    }

    // MARK: files

    /// Keeps what a crashed worker printed (a backtrace, for a bug report)
    /// in `DIR/_crashes/<output stem>.log`; returns that path relative to DIR.
    private func writeCrashLog(_ item: BatchPlan.Item, printed: String, status: Int32) -> String? {
        guard !printed.isEmpty else { return nil }
        let relative = "_crashes/" + item.input.stem + ".log"
        let text = "input: \(item.input.path)\nworker: \(WorkerProcess.describe(status: status))\n\n" + printed
        do {
            try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: options.outputDirectory + "/" + relative))
            return relative
        } catch {
            return nil
        }
    }

    /// A failed input leaves no output: one from an earlier run was made
    /// from other bytes or by another version, and would be taken for this run's.
    private func removeStaleOutput(of job: WorkerJob) {
        unlink(job.output)
    }

    /// The temporary file a killed worker may have left beside the output.
    private func removeTemporaries(of worker: WorkerProcess, job: WorkerJob) {
        let directory = (job.output as NSString).deletingLastPathComponent
        let prefix = AtomicFile.temporaryPrefix + "\(worker.pid)-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }

    /// Removes temporaries of killed runs. An unsplit run owns the whole
    /// directory; a shard only the temporaries of its own outputs and report,
    /// since other shards may be writing beside it.
    private func sweepTemporaries() -> Int {
        let out = URL(fileURLWithPath: options.outputDirectory)
        if options.shard.count == 1 { return AtomicFile.sweepTemporaries(in: out) }
        var targets: [String: Set<String>] = [:]
        for item in plan.items {
            let path = (options.outputDirectory as NSString).appendingPathComponent(item.output)
            targets[(path as NSString).deletingLastPathComponent, default: []].insert((path as NSString).lastPathComponent)
        }
        targets[options.outputDirectory, default: []].insert(options.shard.reportName)
        var removed = 0
        for (directory, names) in targets {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries where entry.hasPrefix(AtomicFile.temporaryPrefix) {
                // .gazette-tmp-<pid>-<random>-<target name>
                let parts = entry.dropFirst(AtomicFile.temporaryPrefix.count).split(
                    separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3, names.contains(String(parts[2])) else { continue }
                if unlink((directory as NSString).appendingPathComponent(entry)) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// Outputs the last report of this shard describes, by output path, for
    /// formats that do not record their own input and version.
    private func previousOutputs() -> [String: KnownOutput] {
        guard let report = try? BatchReport.load(from: URL(fileURLWithPath: reportPath)),
              report.format == options.format else { return [:] }
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

    /// Two runs of the same shard on one directory would overwrite each
    /// other's report: the second is refused.
    private func lockShard() throws(BatchRunError) -> Int32 {
        let path = (options.outputDirectory as NSString).appendingPathComponent(
            ".gazette-lock-" + options.shard.reportName.replacingOccurrences(of: ".json", with: ""))
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { return -1 }  // a read-only or odd file system: go on without the lock
        if flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
            close(fd)
            throw BatchRunError(description: "another gazette batch is already writing \(reportPath)")
        }
        return fd
    }

    @discardableResult
    private func writeReport(complete: Bool) -> BatchReport {
        let before = monotonicSeconds()
        let report = BatchReport(
            tool: ToolInfo(version: GazetteVersion.current), shard: options.shard, format: options.format,
            startedAt: startedAt, updatedAt: BatchReport.timestamp(), complete: complete, entries: entries)
        do {
            try AtomicFile.write(try report.serialised(), to: URL(fileURLWithPath: reportPath))
        } catch {
            if !reportWarning {
                FileHandle.standardError.write(Data("gazette: cannot write the report: \(error)\n".utf8))
                reportWarning = true
            }
        }
        lastReportWrite = monotonicSeconds()
        reportWriteCost = lastReportWrite - before
        reportDirty = false
        return report
    }

    // MARK: signals

    private func installSignalHandlers() -> [Int32: sighandler_t?] {
        stopSignal = 0
        var previous: [Int32: sighandler_t?] = [:]
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            previous[signal] = Glibc.signal(signal) { stopSignal = $0 }
        }
        previous[SIGPIPE] = Glibc.signal(SIGPIPE, SIG_IGN)
        // A parent may have left them blocked (the mask is inherited).
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        return previous
    }

    private func restoreSignalHandlers(_ previous: [Int32: sighandler_t?]) {
        for (signal, handler) in previous { _ = Glibc.signal(signal, handler ?? SIG_DFL) }
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
                ocrPages += sign * (entry.ocrPages ?? 0)
            }
            seconds += Double(sign) * (entry.seconds ?? 0)
        }
        count(old, -1)
        count(new, 1)
    }
}
