import Foundation
import GazetteTestSupport
import Testing
@testable import GazetteBatch

/// Helpers of the batch tests: the built `gazette`, running it, temporary
/// directories, the shared corpus, and small PDFs made on the spot.
enum Support {
    /// The `gazette` executable built beside the test bundle (or $GAZETTE_BIN).
    static let gazette: String = {
        if let path = ProcessInfo.processInfo.environment["GAZETTE_BIN"] { return path }
        var directory = ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]) as NSString
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent as NSString
            let candidate = directory.appendingPathComponent("gazette")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "gazette"
    }()

    /// The package's root directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of `../shared/corpus/` (the real-world corpus); the test fails
    /// with its name when it is missing.
    static func sharedCorpus(_ name: String) throws -> String {
        let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(name)").path
        let fallback = "/work/shared/corpus/\(name)"
        for candidate in [path, fallback] where FileManager.default.fileExists(atPath: candidate) { return candidate }
        Issue.record("missing corpus file \(name) (expected in ../shared/corpus/ beside the package)")
        throw CancellationError()
    }

    /// Our own sample PDFs (`corpus/*.pdf`).
    static func ownCorpus() -> [String] {
        let directory = packageRoot.appendingPathComponent("corpus").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".pdf") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// A new empty directory, removed by the caller with `remove`.
    static func temporaryDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "gazette-batch-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// What a finished command did.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `gazette arguments…` to its end (killed after `limit` seconds).
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], limit: Double = 120) throws -> Result {
        let process = try start(arguments, environment: environment)
        let deadline = Date().addingTimeInterval(limit)
        while process.process.isRunning && Date() < deadline { usleep(10_000) }
        if process.process.isRunning {
            process.process.interrupt()
            kill(process.process.processIdentifier, SIGKILL)
            Issue.record("gazette \(arguments.joined(separator: " ")) ran past \(limit) s")
        }
        process.process.waitUntilExit()
        return Result(status: process.process.terminationStatus, stdout: process.readOut(), stderr: process.readErr())
    }

    /// A started `gazette` whose output goes to temporary files.
    final class Running {
        let process: Process
        let outPath: String
        let errPath: String
        init(process: Process, outPath: String, errPath: String) {
            self.process = process
            self.outPath = outPath
            self.errPath = errPath
        }
        func readOut() -> String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
        func readErr() -> String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
        deinit {
            unlink(outPath)
            unlink(errPath)
        }
    }

    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gazette)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in ["JOB_COMPLETION_INDEX", "GAZETTE_SHARDS", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT",
                     BatchWorker.crashSwitch, BatchWorker.hangSwitch, BatchWorker.hogSwitch] {
            env[name] = nil
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stamp = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let outPath = NSTemporaryDirectory() + "gazette-test-out-\(stamp)"
        let errPath = NSTemporaryDirectory() + "gazette-test-err-\(stamp)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, outPath: outPath, errPath: errPath)
    }

    /// Processes started as workers of the coordinator `pid` that still run.
    static func workers(of pid: pid_t) -> [pid_t] {
        let marker = Array("GAZETTE_BATCH_PARENT=\(pid)\u{0}".utf8)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> pid_t? in
            guard let process = pid_t(name),
                  let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ") else { return nil }
            let bytes = Array(environment)
            guard bytes.count >= marker.count else { return nil }
            for start in 0...(bytes.count - marker.count) where (start == 0 || bytes[start - 1] == 0)
                && bytes[start] == marker[0] && Array(bytes[start..<(start + marker.count)]) == marker {
                return process
            }
            return nil
        }
    }

    /// The report at `path`.
    static func report(_ path: String) throws -> BatchReport {
        try BatchReport.load(from: URL(fileURLWithPath: path))
    }

    /// Every file below `directory` whose name starts with `prefix`.
    static func files(in directory: String, prefix: String = "") -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(prefix) { found.append(relative) }
        }
        return found.sorted()
    }

    /// The JSON outputs below `directory` (no reports, no temporaries).
    static func outputs(in directory: String) -> [String] {
        files(in: directory).filter {
            let name = ($0 as NSString).lastPathComponent
            return name.hasSuffix(".json") && !name.hasPrefix("_report") && !name.hasPrefix(".")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func copy(_ source: String, to path: String) throws {
        try write(Array(try Data(contentsOf: URL(fileURLWithPath: source))), to: path)
    }

    /// A one-page PDF whose page is only an image (a scan without a text layer).
    static func scannedPDF() -> [UInt8] {
        let pixels = String(repeating: "\u{7F}", count: 16)
        return Array(MinimalPDF.bytes(objects: [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            MinimalPDF.stream("q 180 0 0 180 10 10 cm /Im1 Do Q"),
            MinimalPDF.stream(pixels, dictionary: "/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8"),
        ]))
    }

    /// A small deterministic random generator (SplitMix64), so the broken
    /// corpus is the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
