import Foundation
import Gazette
import Testing
@testable import GazetteBatch

extension RunnerTests {
/// The scheduler alone, with shell scripts for workers: they speak the
/// worker protocol (a hello line, then one reply line per job line) without
/// reading any PDF, so each case is about handing out and collecting only.
/// Nested in the coordinator's serialized suite: like the coordinator, it
/// sets the process's signal dispositions (SIGPIPE ignored) while it runs.
@Suite("Worker scheduler")
struct WorkerSchedulerTests {
    static let unsplit = Shard(index: 0, count: 1)!

    /// Inputs `<name>.pdf` of the given sizes.
    static func plan(_ sizes: [(String, Int64)]) -> BatchPlan {
        BatchPlan(inputs: sizes.map { BatchInput(key: $0.0 + ".pdf", path: "/in/\($0.0).pdf", bytes: $0.1) },
                  shard: unsplit, fileExtension: "json")
    }

    /// A worker that says hello as `version` and then runs `body` (a shell script).
    static func worker(_ body: String, version: String = GazetteVersion.current) -> [String] {
        ["/bin/sh", "-c", #"echo '{"ready":true,"version":"\#(version)"}'; "# + body]
    }

    /// Answers every job ok, 3 pages, with its own pid as the reason.
    static let answersOK = #"""
        while read line; do
          id=$(echo "$line" | sed 's/.*"id":\([0-9]*\).*/\1/')
          case "$line" in
            *crash.pdf*) echo "Fatal error: Index out of range" >&2; kill -SEGV $$ ;;
            *hang.pdf*) exec sleep 30 ;;
          esac
          echo "{\"id\":$id,\"status\":\"ok\",\"reason\":\"pid $$\",\"pages\":3,\"seconds\":0.5,\"warnings\":[]}"
        done
        """#

    /// Records the entries in the order they settle.
    final class Recorder: BatchProgress {
        var settled: [ReportEntry] = []
        func begin(total: Int, done: Int, bytes: Int64) {}
        func finished(_ entry: ReportEntry, bytes: Int64, counts: ReportSummary) { settled.append(entry) }
        func tick() {}
        func end(_ counts: ReportSummary, seconds: Double) {}
    }

    struct Run {
        var book: ReportBook
        var scheduler: WorkerScheduler
        var recorder: Recorder
    }

    /// Runs `plan` with `command` for workers until it is done or stops (at most 20 s).
    static func run(_ plan: BatchPlan, _ command: [String], in directory: String, jobs: Int = 1, timeout: Double? = 20,
                    filesPerWorker: Int = 200) -> Run {
        let options = BatchOptions(outputDirectory: directory, jobs: jobs, timeout: timeout, maxMemory: nil,
                                   workerCommand: command, filesPerWorker: filesPerWorker)
        let book = ReportBook(plan: plan, path: directory + "/_report.json", shard: unsplit, format: .json, interval: 1)
        let recorder = Recorder()
        let scheduler = WorkerScheduler(plan: plan, options: options, directory: OutputDirectory(path: directory, shard: unsplit),
                                        book: book, progress: recorder, known: [:])
        // A worker that is gone makes a write fail, not kill the tests.
        let signals = StopSignals.install()
        defer { signals.restore() }
        let deadline = monotonicSeconds() + 20
        while scheduler.fatal == nil, monotonicSeconds() < deadline {
            scheduler.handOut()
            if scheduler.isDone || scheduler.fatal != nil { break }
            scheduler.collect(timeout: 0.05)
            scheduler.enforceLimits()
        }
        scheduler.stopAll()
        return Run(book: book, scheduler: scheduler, recorder: recorder)
    }

    @Test func theLargestInputsGoFirst() {
        let plan = Self.plan([("a", 100), ("b", 300), ("c", 200), ("d", 300)])
        // A stack: the last is taken first; equal sizes in plan order.
        #expect(WorkerScheduler.queue(plan.items).reversed().map { plan.items[$0].input.key } == ["b.pdf", "d.pdf", "c.pdf", "a.pdf"])
        let collision = BatchPlan(inputs: [BatchInput(key: "a.pdf", path: "/in/a.pdf", bytes: 1),
                                           BatchInput(key: "a.PDF", path: "/in/a.PDF", bytes: 9)],
                                  shard: Self.unsplit, fileExtension: "json")
        #expect(WorkerScheduler.queue(collision.items).map { collision.items[$0].input.path } == ["/in/a.pdf"])
    }

    @Test func aJobCarriesTheOptionsAndWhatTheLastReportKnows() throws {
        let plan = Self.plan([("2023/第12期", 10)])
        let known = KnownOutput(provenance: OutputProvenance(sha256: "ab12", toolVersion: "0.1.0", pages: 12),
                                outputBytes: 30939, outputModified: 1_795_060_149_123_456_789)
        let options = BatchOptions(outputDirectory: "/data/out", jobs: 1, timeout: nil, maxMemory: nil, maxPages: 400,
                                   password: "secret", force: true, format: .jsonl, pretty: true, workerCommand: ["gazette"])
        let scheduler = WorkerScheduler(
            plan: plan, options: options, directory: OutputDirectory(path: "/data/out", shard: Self.unsplit),
            book: ReportBook(plan: plan, path: "/data/out/_report.json", shard: Self.unsplit, format: .jsonl, interval: 1),
            progress: SilentProgress(), known: ["2023/第12期.json": known])
        #expect(scheduler.job(0, id: 7) == WorkerJob(
            id: 7, input: "/in/2023/第12期.pdf", output: "/data/out/2023/第12期.json", format: .jsonl, pretty: true,
            password: "secret", maxPages: 400, force: true, known: known, ocr: OCROptions()))
    }

    @Test func repliesSettleTheirInputsLargestFirst() throws {
        let directory = try Support.temporaryDirectory("sched-ok")
        defer { Support.remove(directory) }
        let run = Self.run(Self.plan([("a", 100), ("b", 300), ("c", 200)]), Self.worker(Self.answersOK), in: directory)
        #expect(run.scheduler.fatal == nil && run.scheduler.isDone)
        #expect(run.recorder.settled.map(\.key) == ["b.pdf", "c.pdf", "a.pdf"])
        #expect(run.book.entries.allSatisfy { $0.status == .ok && $0.pages == 3 && $0.seconds == 0.5 })
        #expect(run.book.entries.map(\.output) == ["a.json", "b.json", "c.json"])
        #expect(run.book.counts.ok == 3 && run.book.counts.pages == 9)
        // One worker did them all.
        #expect(Set(run.book.entries.map(\.reason)).count == 1)
    }

    @Test func aWorkerIsReplacedAfterItsShareOfFiles() throws {
        let directory = try Support.temporaryDirectory("sched-share")
        defer { Support.remove(directory) }
        let run = Self.run(Self.plan([("a", 1), ("b", 2), ("c", 3)]), Self.worker(Self.answersOK), in: directory,
                           filesPerWorker: 1)
        #expect(run.book.counts.ok == 3)
        #expect(Set(run.book.entries.map(\.reason)).count == 3)
    }

    @Test func aCrashCostsItsFileOnly() throws {
        let directory = try Support.temporaryDirectory("sched-crash")
        defer { Support.remove(directory) }
        let run = Self.run(Self.plan([("a", 1), ("crash", 2), ("c", 3)]), Self.worker(Self.answersOK), in: directory)
        #expect(run.book.entries.map(\.status) == [.ok, .ok, .failed])
        let crashed = try #require(run.book.entries.last)
        #expect(crashed.code == .crashed && crashed.output == nil)
        #expect(crashed.reason == "the worker was killed by SIGSEGV while converting this file "
            + "(Fatal error: Index out of range); crash log: _crashes/crash.log")
        let log = try String(contentsOfFile: directory + "/_crashes/crash.log", encoding: .utf8)
        #expect(log.hasPrefix("input: /in/crash.pdf\nworker: was killed by SIGSEGV\n\n"))
        #expect(log.contains("Fatal error: Index out of range"))
    }

    @Test func aFileOverTheTimeoutFailsAndTheNextGoesOn() throws {
        let directory = try Support.temporaryDirectory("sched-hang")
        defer { Support.remove(directory) }
        let run = Self.run(Self.plan([("a", 1), ("hang", 2)]), Self.worker(Self.answersOK), in: directory, timeout: 0.3)
        #expect(run.book.entries.map(\.status) == [.ok, .failed])
        let hung = try #require(run.book.entries.last)
        #expect(hung.code == .timedOut && hung.reason == "took longer than 0.3 s (--timeout); the worker was killed")
        #expect((hung.seconds ?? 0) >= 0.3)
    }

    @Test func aWorkerOfAnotherVersionStopsTheRun() throws {
        let directory = try Support.temporaryDirectory("sched-version")
        defer { Support.remove(directory) }
        let run = Self.run(Self.plan([("a", 1)]), Self.worker(Self.answersOK, version: "0.0.0-other"), in: directory)
        #expect(run.scheduler.fatal == "the worker is gazette 0.0.0-other, the coordinator \(GazetteVersion.current)")
    }

    /// It never said hello: not the file's fault; three in a row stop the run.
    @Test func workersThatCannotStartStopTheRun() throws {
        let directory = try Support.temporaryDirectory("sched-nostart")
        defer { Support.remove(directory) }
        let run = Self.run(Self.plan([("a", 1), ("b", 2)]), ["/bin/sh", "-c", "read line; echo 'no gazette here' >&2; exit 3"],
                           in: directory, jobs: 2)
        #expect(run.scheduler.fatal == "the worker cannot start: it exited with status 3: no gazette here")
        #expect(run.book.entries.allSatisfy { $0.status == .pending })
        #expect(run.recorder.settled.isEmpty)
    }
}
}
