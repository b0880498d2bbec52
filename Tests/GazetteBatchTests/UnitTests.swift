import Foundation
import Gazette
import Testing
@testable import GazetteBatch

@Suite("Shards")
struct ShardTests {
    @Test func parsesKOverN() {
        #expect(Shard(parsing: "0/4") == Shard(index: 0, count: 4))
        #expect(Shard(parsing: "3/4") == Shard(index: 3, count: 4))
        #expect(Shard(parsing: "4/4") == nil)
        #expect(Shard(parsing: "-1/4") == nil)
        #expect(Shard(parsing: "1/0") == nil)
        #expect(Shard(parsing: "1") == nil)
        #expect(Shard(parsing: "a/b") == nil)
    }

    @Test func reportNames() {
        #expect(Shard(index: 0, count: 1)!.reportName == "_report.json")
        #expect(Shard(index: 2, count: 4)!.reportName == "_report.shard-2-of-4.json")
    }

    /// The hash is FNV-1a: fixed values, the same in every process.
    @Test func stableHashIsFNV1a() {
        #expect(Shard.stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.stableHash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func everyStemInExactlyOneShardAndSpreadEvenly() throws {
        let stems = (0..<4000).map { "gazette/\($0 / 100)/第\($0)期" }
        var sizes = [0, 0, 0, 0, 0]
        for stem in stems {
            let owners = (0..<5).filter { Shard(index: $0, count: 5)!.contains(stem: stem) }
            try #require(owners.count == 1)
            sizes[owners[0]] += 1
        }
        for size in sizes { #expect(size > 700 && size < 900) }
    }

    @Test func fromKubernetesEnvironment() throws {
        #expect(try Shard.fromEnvironment([:]) == nil)
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2", "GAZETTE_SHARDS": "5"]) == Shard(index: 2, count: 5))
        #expect(throws: InputError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"]) }
        #expect(throws: InputError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "5", "GAZETTE_SHARDS": "5"]) }
    }

    @Test func fromSlurmEnvironment() throws {
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"]) == Shard(index: 0, count: 4))
        // --array=1-4
        #expect(try Shard.fromEnvironment([
            "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
        ]) == Shard(index: 3, count: 4))
        // --array=0-10:5 → 0, 5, 10
        #expect(try Shard.fromEnvironment([
            "SLURM_ARRAY_TASK_ID": "10", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0",
            "SLURM_ARRAY_TASK_STEP": "5",
        ]) == Shard(index: 2, count: 3))
        #expect(throws: InputError.self) { try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "1"]) }
    }
}

@Suite("Inputs and plans")
struct InputTests {
    @Test func keysMirrorTheInputTrees() throws {
        let root = try Support.temporaryDirectory("inputs")
        defer { Support.remove(root) }
        for path in ["archive/2023/a.pdf", "archive/2023/sub/B.PDF", "archive/2024/a.pdf", "archive/notes.txt",
                     "archive/.hidden/c.pdf", "loose/x.pdf", "loose/y.bin"] {
            try Support.write(Array("x".utf8), to: root + "/" + path)
        }
        let inputs = try InputResolver.resolve(arguments: ["archive", "loose/x.pdf", "loose/y.bin"], currentDirectory: root)
        #expect(inputs.map(\.key) == [
            "archive/.hidden/c.pdf", "archive/2023/a.pdf", "archive/2023/sub/B.PDF", "archive/2024/a.pdf", "x.pdf", "y.bin",
        ])
        #expect(inputs.map { $0.outputPath(fileExtension: "json") } == [
            "archive/.hidden/c.json", "archive/2023/a.json", "archive/2023/sub/B.json", "archive/2024/a.json", "x.json",
            "y.bin.json",
        ])
        #expect(inputs.allSatisfy { $0.path.hasPrefix(root + "/") && $0.bytes == 1 })
        // A directory given twice, or a file inside it again, is taken once.
        let again = try InputResolver.resolve(arguments: ["archive/2023", "archive/2023/a.pdf", "./archive/2023/"],
                                              currentDirectory: root)
        #expect(again.map(\.key) == ["2023/a.pdf", "2023/sub/B.PDF"])
        #expect(throws: InputError.self) { try InputResolver.resolve(arguments: ["nope"], currentDirectory: root) }
    }

    @Test func manifestLinesAreKeyedAsWritten() throws {
        let root = try Support.temporaryDirectory("manifest")
        defer { Support.remove(root) }
        for path in ["lists/2023/a.pdf", "lists/2023/b.pdf", "other/c.pdf"] {
            try Support.write(Array("x".utf8), to: root + "/" + path)
        }
        let manifest = """
            # the 2023 files
            2023/a.pdf
            ./2023/../2023/b.pdf\r
              2023/missing.pdf
            ../other/c.pdf

            \(root)/other/c.pdf
            2023
            """
        try Support.write(Array(manifest.utf8), to: root + "/lists/manifest.txt")
        let inputs = try InputResolver.resolve(arguments: [], manifests: ["lists/manifest.txt"], currentDirectory: root)
        let absolute = String((root + "/other/c.pdf").drop(while: { $0 == "/" }))
        #expect(inputs.map(\.key) == ["2023/a.pdf", "2023/b.pdf", "2023/missing.pdf", absolute])
        #expect(throws: InputError.self) {
            try InputResolver.resolve(arguments: [], manifests: ["lists/none.txt"], currentDirectory: root)
        }
    }

    @Test func collidingOutputsFailAndStayInOneShard() {
        let inputs = [
            BatchInput(key: "a.pdf", path: "/x/a.pdf", bytes: 1), BatchInput(key: "a.PDF", path: "/x/a.PDF", bytes: 1),
            BatchInput(key: "a", path: "/m/a", bytes: 1), BatchInput(key: "_report.pdf", path: "/x/_report.pdf", bytes: 1),
            BatchInput(key: "d/_report.pdf", path: "/x/d/_report.pdf", bytes: 1),
        ]
        let plan = BatchPlan(inputs: inputs, shard: Shard(index: 0, count: 1)!, fileExtension: "json")
        let problems = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.input.path, $0.problemCode) })
        // Every input is planned: .some(nil) is "planned, no problem", nil would be "not planned".
        #expect(problems["/x/a.pdf"] == .some(nil))
        #expect(problems["/x/a.PDF"] == .outputCollision)
        #expect(problems["/m/a"] == .outputCollision)
        #expect(problems["/x/_report.pdf"] == .outputCollision)
        #expect(problems["/x/d/_report.pdf"] == .some(nil))
        for count in 2...7 {
            let owners = (0..<count).filter { index in
                BatchPlan(inputs: inputs, shard: Shard(index: index, count: count)!, fileExtension: "json")
                    .items.contains { $0.input.key == "a.PDF" }
            }
            let sameShard = (0..<count).filter { index in
                BatchPlan(inputs: inputs, shard: Shard(index: index, count: count)!, fileExtension: "json")
                    .items.contains { $0.input.key == "a.pdf" }
            }
            #expect(owners == sameShard && owners.count == 1)
        }
    }

    @Test func byteSizes() {
        #expect(ByteSize.parse("512M") == 512 << 20)
        #expect(ByteSize.parse("2G") == 2 << 30)
        #expect(ByteSize.parse("1.5GiB") == 3 << 29)
        #expect(ByteSize.parse("800000") == 800_000)
        #expect(ByteSize.parse("64kb") == 64 << 10)
        #expect(ByteSize.parse("0") == 0)
        #expect(ByteSize.parse("lots") == nil)
        #expect(ByteSize.parse("-1G") == nil)
        #expect(ByteSize.describe(3 << 29) == "1.5 GiB")
        #expect(ByteSize.describe(300 << 20) == "300 MiB")
    }
}

@Suite("Reports")
struct ReportTests {
    func entry(_ key: String, _ status: EntryStatus, pages: Int? = nil) -> ReportEntry {
        ReportEntry(key: key, input: "/in/" + key, status: status, pages: pages, seconds: 0.5)
    }

    func report(_ shard: Shard?, _ entries: [ReportEntry], complete: Bool = true) -> BatchReport {
        BatchReport(tool: ToolInfo(version: GazetteVersion.current), shard: shard, format: .json,
                    startedAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", complete: complete,
                    entries: entries)
    }

    @Test func roundTripsThroughJSON() throws {
        var ok = entry("a.pdf", .ok, pages: 3)
        ok.output = "a.json"
        ok.sha256 = String(repeating: "ab", count: 32)
        ok.outputBytes = 1234
        ok.outputModified = 1_700_000_000_123_456_789
        ok.warnings = [.noTextLayer]
        let original = report(Shard(index: 1, count: 3), [ok, entry("b.pdf", .failed)])
        let bytes = try original.serialised()
        let decoded = try JSONDecoder().decode(BatchReport.self, from: Data(bytes))
        #expect(decoded == original)
        #expect(decoded.summary.ok == 1 && decoded.summary.failed == 1 && decoded.summary.pages == 3)
        // Every field is present, null when empty: one shape for every entry.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"code\": null"))
    }

    @Test func mergesShardsAndFindsWhatIsMissing() {
        let a = report(Shard(index: 0, count: 3), [entry("a.pdf", .ok, pages: 2), entry("c.pdf", .failed)])
        let b = report(Shard(index: 1, count: 3), [entry("b.pdf", .skipped, pages: 5)])
        var merged = ReportMerger.merge([("a", a), ("b", b)], expectedKeys: ["a.pdf", "b.pdf", "c.pdf", "d.pdf"])
        #expect(merged.missingShards == [2])
        #expect(merged.missingInputs == ["d.pdf"])
        #expect(merged.report.entries.map(\.key) == ["a.pdf", "b.pdf", "c.pdf"])
        #expect(merged.report.summary.pages == 7)
        #expect(merged.report.shard == nil)
        #expect(!merged.report.complete)
        #expect(!merged.allDone)

        let c = report(Shard(index: 2, count: 3), [entry("d.pdf", .ok)])
        merged = ReportMerger.merge([("a", a), ("b", b), ("c", c)], expectedKeys: ["a.pdf", "b.pdf", "c.pdf", "d.pdf"])
        #expect(merged.missingShards.isEmpty && merged.missingInputs.isEmpty && merged.problems.isEmpty)
        #expect(merged.report.complete)
        #expect(!merged.allDone)  // c.pdf failed

        let mixed = ReportMerger.merge([("a", a), ("x", report(Shard(index: 0, count: 2), []))])
        #expect(!mixed.problems.isEmpty)
    }
}

@Suite("Worker in process")
struct WorkerTests {
    /// The worker writes a validated document, then finds it up to date;
    /// force redoes it byte for byte.
    @Test func convertsThenSkips() throws {
        let directory = try Support.temporaryDirectory("worker")
        defer { Support.remove(directory) }
        let input = try Support.sharedCorpus("pdfminer__simple3.pdf")
        let output = directory + "/out/simple3.json"
        func job(force: Bool, format: OutputFormat = .json, output: String = output) -> WorkerJob {
            WorkerJob(id: 1, input: input, output: output, format: format, pretty: false, password: nil, maxPages: nil,
                      force: force, known: nil)
        }
        let first = BatchWorker.process(job(force: false))
        #expect(first.status == .ok && first.pages == 1 && first.sha256?.count == 64)
        #expect(try DocumentValidator.shared.validate(fileAt: output).isEmpty)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        let second = BatchWorker.process(job(force: false))
        #expect(second.status == .skipped && second.code == .upToDate && second.pages == 1)
        let third = BatchWorker.process(job(force: true))
        #expect(third.status == .ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == bytes)

        // JSON Lines: no records in this file, so the output is empty and
        // says nothing of its input; the report's record of it is used instead.
        let lines = directory + "/out/simple3.jsonl"
        let made = BatchWorker.process(job(force: false, format: .jsonl, output: lines))
        #expect(made.status == .ok && made.outputBytes == 0)
        var withKnown = job(force: false, format: .jsonl, output: lines)
        withKnown.known = KnownOutput(
            provenance: OutputProvenance(sha256: made.sha256!, toolVersion: GazetteVersion.current, pages: 1),
            outputBytes: made.outputBytes!, outputModified: made.outputModified!)
        #expect(BatchWorker.process(withKnown).status == .skipped)
        #expect(BatchWorker.process(job(force: false, format: .jsonl, output: lines)).status == .ok)
    }

    @Test func reportsFailuresWithCodes() throws {
        let directory = try Support.temporaryDirectory("worker-fail")
        defer { Support.remove(directory) }
        try Support.write([], to: directory + "/empty.pdf")
        try Support.write(Array("not a pdf at all".utf8), to: directory + "/text.pdf")
        let cases: [(String, EntryCode)] = [
            (directory + "/empty.pdf", .emptyFile), (directory + "/text.pdf", .notAPDF),
            (directory + "/missing.pdf", .notFound), (try Support.sharedCorpus("tabula__encrypted.pdf"), .passwordRequired),
        ]
        for (input, code) in cases {
            let reply = BatchWorker.process(WorkerJob(
                id: 7, input: input, output: directory + "/out.json", format: .json, pretty: false, password: nil,
                maxPages: nil, force: false, known: nil))
            #expect(reply.status == .failed && reply.code == code && reply.id == 7, "\(input)")
            #expect(reply.reason?.isEmpty == false)
            #expect(reply.reason?.hasPrefix(input) == false)
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/out.json"))
    }
}

@Suite("Coordinator in process", .serialized)
struct RunnerTests {
    func plan(in directory: String) throws -> BatchPlan {
        let source = try Support.sharedCorpus("pdfminer__simple3.pdf")
        for name in ["a", "b", "c"] { try Support.copy(source, to: "\(directory)/in/\(name).pdf") }
        let inputs = try InputResolver.resolve(arguments: [directory + "/in"], currentDirectory: "/")
        return BatchPlan(inputs: inputs, shard: Shard(index: 0, count: 1)!, fileExtension: "json")
    }

    /// A worker that never starts stops the run with an error; the inputs
    /// stay pending (they are not the workers' fault).
    @Test(arguments: [["/bin/false"], ["/nonexistent/gazette", "batch-worker"]])
    func workerThatCannotStart(command: [String]) throws {
        let directory = try Support.temporaryDirectory("nostart")
        defer { Support.remove(directory) }
        let options = BatchOptions(outputDirectory: directory + "/out", jobs: 2, timeout: 10, maxMemory: nil,
                                   workerCommand: command)
        let runner = try BatchRunner(plan: try plan(in: directory), options: options, progress: SilentProgress())
        #expect(throws: BatchRunError.self) { try runner.run() }
        let report = try Support.report(directory + "/out/_report.json")
        #expect(report.summary.pending == 3 && !report.complete)
        #expect(report.entries.allSatisfy { $0.reason?.hasPrefix("not finished") == true })
    }

    /// The coordinator in this process, the built gazette as its workers.
    @Test func runsWithTheBuiltWorker() throws {
        let directory = try Support.temporaryDirectory("inprocess")
        defer { Support.remove(directory) }
        let options = BatchOptions(outputDirectory: directory + "/out", jobs: 2, timeout: 60, maxMemory: 1 << 30,
                                   workerCommand: [Support.gazette, "batch-worker"], filesPerWorker: 1)
        var lines: [String] = []
        let progress = JSONLinesProgress { lines.append($0) }
        let outcome = try BatchRunner(plan: try plan(in: directory), options: options, progress: progress).run()
        #expect(outcome.exitCode == 0)
        #expect(outcome.report.summary.ok == 3 && outcome.report.complete)
        #expect(lines.count == 4 && lines.last?.contains("\"event\":\"summary\"") == true)
    }
}
