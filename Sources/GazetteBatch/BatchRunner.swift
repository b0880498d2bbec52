import Foundation
import Gazette

/// The coordinator: hands inputs to worker processes one at a time, replaces a
/// worker that crashes, hangs or outgrows its memory, and keeps the report up
/// to date. It composes the parts that do each of these: the output directory
/// (lock, temporaries), the report book, the worker scheduler (with the
/// workers' limits and crash logs) and the stop signals.
public final class BatchRunner {
    private let plan: BatchPlan
    private let options: BatchOptions
    private let progress: BatchProgress
    private let directory: OutputDirectory

    public init(plan: BatchPlan, options: BatchOptions, progress: BatchProgress) throws(BatchRunError) {
        self.plan = plan
        self.options = options
        self.progress = progress
        self.directory = OutputDirectory(path: options.outputDirectory, shard: options.shard)
    }

    /// Runs the batch to its end (or until a signal or --fail-fast stops it).
    public func run() throws(BatchRunError) -> BatchOutcome {
        let start = monotonicSeconds()
        try directory.create()
        let lock = try directory.lockShard()
        defer { lock.release() }
        let swept = directory.sweepTemporaries(outputs: plan.items.map(\.output))
        let last = try? BatchReport.load(from: URL(fileURLWithPath: directory.reportPath))
        let book = ReportBook(plan: plan, path: directory.reportPath, shard: options.shard, format: options.format,
                              interval: options.reportInterval)
        book.write(complete: false)
        progress.begin(total: book.entries.count, done: book.counts.failed,
                       bytes: plan.items.filter { $0.problemCode == nil }.reduce(0) { $0 + $1.input.bytes })
        let scheduler = WorkerScheduler(
            plan: plan, options: options, directory: directory, book: book, progress: progress,
            known: ReportBook.knownOutputs(in: last, format: options.format))

        let signals = StopSignals.install()
        defer { signals.restore() }
        var stoppedEarly = drive(scheduler, book: book, signals: signals)

        // Stop: workers still busy are killed and their inputs stay pending.
        let stopReason = Self.stopReason(fatal: scheduler.fatal, signal: signals.caught, stoppedEarly: stoppedEarly)
        scheduler.stopAll()
        book.close(unfinished: stopReason)
        // Complete when every input is settled, even if --fail-fast or a
        // signal came after the last one.
        let complete = book.counts.pending == 0
        if complete { stoppedEarly = false }
        let report = book.write(complete: complete)
        let seconds = monotonicSeconds() - start
        progress.end(book.counts, seconds: seconds)
        if let fatal = scheduler.fatal { throw BatchRunError(description: fatal) }
        return BatchOutcome(
            report: report, reportPath: directory.reportPath,
            interruptedBy: signals.caught == 0 || complete ? nil : signals.caught,
            stoppedEarly: stoppedEarly, sweptTemporaries: swept, seconds: seconds)
    }

    /// Runs the scheduler until the work is done, a signal or a fatal error
    /// stops it, or --fail-fast does (then returns true).
    private func drive(_ scheduler: WorkerScheduler, book: ReportBook, signals: StopSignals) -> Bool {
        var stoppedEarly = options.failFast && book.counts.failed > 0
        while scheduler.fatal == nil {
            if signals.caught != 0 || stoppedEarly { break }
            scheduler.handOut()
            if scheduler.isDone || scheduler.fatal != nil { break }
            scheduler.collect(timeout: 0.1)
            scheduler.enforceLimits()
            if options.failFast && book.counts.failed > 0 { stoppedEarly = true }
            progress.tick()
            book.writeIfDue()
        }
        return stoppedEarly
    }

    /// Why the inputs still pending were not finished, or nil when the run
    /// went to its end.
    static func stopReason(fatal: String?, signal: Int32, stoppedEarly: Bool) -> String? {
        if let fatal { return "not finished: \(fatal)" }
        if signal != 0 { return "not finished: the run was stopped by \(WorkerProcess.signalName(signal))" }
        if stoppedEarly { return "not finished: --fail-fast stopped the run at the first failure" }
        return nil
    }
}
