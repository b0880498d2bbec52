import ArgumentParser
import Foundation
import Gazette
import GazetteBatch

/// `gazette batch INPUT... --out DIR`: converts many PDFs in worker
/// processes, with a report, resumable and splittable into shards.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many PDFs into DIR, one output per input, with a report of every input.",
        discussion: """
            Inputs are PDFs, directories (searched recursively for *.pdf in any case) and manifests \
            (--manifest, one path a line). A file argument x/a.pdf is written to DIR/a.json; a directory \
            argument /data/2023 to DIR/2023/<path below it>.json; a manifest line to DIR/<the line>.json.

            Each file is converted in a worker process; a worker that crashes, runs past --timeout or \
            uses more than --max-memory is killed and that file alone fails. Outputs and the report \
            (DIR/_report.json) are written atomically; a second run skips the inputs whose output was \
            made from the same bytes by the same version (--force redoes them).

            Shards: --shard K/N (K from 0), or from JOB_COMPLETION_INDEX with GAZETTE_SHARDS \
            (Kubernetes Indexed Jobs), or SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT (Slurm \
            arrays). Each shard writes DIR/_report.shard-K-of-N.json; `gazette report DIR` merges them.

            Exit status: 0 every input ok (or up to date), 1 some failed or were not finished, 2 usage \
            error, 128+signal when stopped by a signal.
            """)

    @Argument(help: "PDFs and directories.", completion: .file())
    var inputs: [String] = []

    @Option(help: "A file listing inputs, one path a line (relative to the manifest's directory; # starts a comment).")
    var manifest: [String] = []

    @Option(name: [.short, .customLong("out")], help: "The output directory.")
    var out: String

    @Option(help: "Worker processes at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Seconds one file may take before its worker is killed (0: no limit).")
    var timeout: Double = 300

    @Option(help: "Resident memory one worker may use before it is killed, e.g. 2G, 800M (0: no limit).")
    var maxMemory: String = "2G"

    @Flag(help: "Redo inputs whose output is up to date.")
    var force = false

    @Flag(help: "Stop at the first failure.")
    var failFast = false

    @Option(help: "Take only shard K of N (K/N, K from 0 to N-1).")
    var shard: String?

    @OptionGroup var options: ConversionOptions

    @Option(help: "Progress on standard error: auto (a bar on a terminal, else JSON lines), bar, json or none.")
    var progress: ProgressStyle = .auto

    func validate() throws {
        if inputs.isEmpty && manifest.isEmpty { throw ValidationError("give inputs (files, directories) or --manifest") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeout >= 0) { throw ValidationError("--timeout must be 0 or more seconds") }
        if ByteSize.parse(maxMemory) == nil { throw ValidationError("--max-memory: not a size: \(maxMemory)") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 0 ≤ K < N, e.g. 0/4")
        }
    }

    func run() throws {
        let resolved: [BatchInput]
        let chosenShard: Shard
        do {
            resolved = try InputResolver.resolve(arguments: inputs, manifests: manifest)
            chosenShard = try shard.flatMap(Shard.init(parsing:))
                ?? Shard.fromEnvironment(ProcessInfo.processInfo.environment)
                ?? Shard(index: 0, count: 1)!
        } catch {
            throw ValidationError("\(error)")
        }
        let plan = BatchPlan(inputs: resolved, shard: chosenShard, format: options.format)
        let memory = ByteSize.parse(maxMemory) ?? 0
        let options = BatchOptions(
            outputDirectory: InputResolver.absolute(out, relativeTo: FileManager.default.currentDirectoryPath),
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            timeout: timeout > 0 ? timeout : nil, maxMemory: memory > 0 ? memory : nil, maxPages: options.maxPages,
            password: options.password, force: force, failFast: failFast, format: options.format, pretty: options.pretty,
            shard: chosenShard, workerCommand: [Self.executablePath(), BatchWorkerCommand.configuration.commandName!],
            ocr: options.ocr.options)
        if resolved.isEmpty { printError("no PDFs found in the inputs") }

        let outcome: BatchOutcome
        do {
            let runner = try BatchRunner(plan: plan, options: options, progress: progress.reporter())
            outcome = try runner.run()
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        if outcome.sweptTemporaries > 0 {
            printError("removed \(outcome.sweptTemporaries) temporary file(s) left by an earlier run that was killed")
        }
        if progress != .json {
            let s = outcome.report.summary
            var line = BatchProgressText.counts(s, pendingAlways: false)
            if chosenShard.count > 1 { line += " (shard \(chosenShard))" }
            line += String(format: "; %d pages in %.1f s; report: %@", s.pages, outcome.seconds, outcome.reportPath)
            printError(line)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// This very program, to run as the worker.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let argument = CommandLine.arguments[0]
        return InputResolver.absolute(argument, relativeTo: FileManager.default.currentDirectoryPath)
    }
}

extension ProgressStyle: ExpressibleByArgument {}
