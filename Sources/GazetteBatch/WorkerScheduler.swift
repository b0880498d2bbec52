import Foundation
import Gazette

/// Hands the plan's inputs to worker processes one at a time, largest first,
/// and settles each input in the report from its worker's reply, its death
/// (`crashed`) or a broken limit (`timedOut`, `memoryLimit`). A worker that
/// dies or is killed is replaced by the next hand-out; three workers in a
/// row that cannot start stop the run (`fatal`).
final class WorkerScheduler {
    private let plan: BatchPlan
    private let options: BatchOptions
    private let directory: OutputDirectory
    private let book: ReportBook
    private let progress: BatchProgress
    private let limits: WorkerLimits
    /// What the last report vouches for, by output path.
    private let known: [String: KnownOutput]
    /// Indices into the plan's items still to do; the last is the next.
    private var queue: [Int]
    private var workers: [WorkerProcess] = []
    private var nextJobID = 0
    private var startupFailures = 0
    /// Why the run cannot go on, once it cannot.
    private(set) var fatal: String?

    init(plan: BatchPlan, options: BatchOptions, directory: OutputDirectory, book: ReportBook,
         progress: BatchProgress, known: [String: KnownOutput]) {
        self.plan = plan
        self.options = options
        self.directory = directory
        self.book = book
        self.progress = progress
        self.known = known
        limits = WorkerLimits(timeout: options.timeout, maxMemory: options.maxMemory)
        queue = Self.queue(plan.items)
    }

    /// The inputs to do, as a stack: the largest last (taken first), so the
    /// long documents start early and do not hold up the end; inputs that
    /// failed before starting are left out.
    static func queue(_ items: [BatchPlan.Item]) -> [Int] {
        var queue = items.indices.filter { items[$0].problemCode == nil }
        queue.sort { a, b in
            let (x, y) = (items[a].input, items[b].input)
            return x.bytes != y.bytes ? x.bytes > y.bytes : a < b
        }
        queue.reverse()  // popLast takes the largest
        return queue
    }

    /// True when no worker has a file and none is left to hand out.
    var isDone: Bool { workers.allSatisfy { $0.job == nil } && queue.isEmpty }

    // MARK: handing out

    /// Hands out work: idle workers first, then new ones up to --jobs.
    func handOut() {
        for worker in workers where worker.job == nil && worker.accepting && !queue.isEmpty {
            dispatch(to: worker)
        }
        while workers.filter(\.accepting).count < options.jobs, !queue.isEmpty, fatal == nil {
            guard let worker = startWorker() else { break }
            dispatch(to: worker)
        }
    }

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

    /// The job of input `index`, numbered `id`.
    func job(_ index: Int, id: Int) -> WorkerJob {
        let item = plan.items[index]
        return WorkerJob(
            id: id, input: item.input.path, output: directory.absolute(item.output), format: options.format,
            pretty: options.pretty, password: options.password, maxPages: options.maxPages, force: options.force,
            known: known[item.output], ocr: options.ocr)
    }

    /// Sends the next input of the queue to `worker`.
    private func dispatch(to worker: WorkerProcess) {
        let index = queue.removeLast()
        nextJobID += 1
        let job = job(index, id: nextJobID)
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

    // MARK: collecting

    /// Waits up to `timeout` seconds for replies or deaths, and handles them.
    func collect(timeout: Double) {
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
            if result == .endOfFile { handleDeath(of: worker) }
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
        if reply.status == .failed { OutputDirectory.removeStaleOutput(job.output) }
        settle(index, book.entries[index].answered(by: reply, output: plan.items[index].output))
        if worker.jobsDone >= options.filesPerWorker { worker.closeInput() }
    }

    private func handleDeath(of worker: WorkerProcess) {
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
            if startupFailures >= 3 { fatal = CrashLog.startFailure(status: status, lastWords: lastWords) }
            return
        }
        guard let (index, _, started) = worker.job else { return }
        let log = CrashLog.write(plan.items[index], printed: printed, status: status, in: options.outputDirectory)
        fail(worker, code: .crashed, reason: CrashLog.reason(status: status, lastWords: lastWords, log: log),
             seconds: monotonicSeconds() - started)
    }

    /// Kills the workers over the time or memory limit; their files fail.
    func enforceLimits() {
        let now = monotonicSeconds()
        for worker in workers {
            guard let started = worker.job?.started, let breach = limits.breach(of: worker, now: now) else { continue }
            worker.kill()
            fail(worker, code: breach.code, reason: breach.reason, seconds: now - started)
        }
        workers.removeAll { $0.replies < 0 }
    }

    /// Fails the file of a worker that died or was killed: its temporary
    /// and any output of an earlier run are removed.
    private func fail(_ worker: WorkerProcess, code: EntryCode, reason: String, seconds: Double) {
        guard let (index, job, _) = worker.job else { return }
        worker.job = nil
        OutputDirectory.removeTemporaries(ofWorker: worker.pid, beside: job.output)
        OutputDirectory.removeStaleOutput(job.output)
        settle(index, book.entries[index].failed(code: code, reason: reason, seconds: seconds))
    }

    private func settle(_ index: Int, _ entry: ReportEntry) {
        book.settle(index, entry)
        progress.finished(entry, bytes: plan.items[index].input.bytes, counts: book.counts)
    }

    // MARK: stopping

    /// Stops every worker: a busy one is killed (its input stays pending, its
    /// temporary is removed), an idle one is told to finish.
    func stopAll() {
        for worker in workers {
            if let job = worker.job {
                worker.kill()
                OutputDirectory.removeTemporaries(ofWorker: worker.pid, beside: job.job.output)
            } else {
                worker.closeInput()
                _ = worker.waitForExit(patience: 5)
                worker.closeAll()
            }
        }
        workers.removeAll()
    }
}
