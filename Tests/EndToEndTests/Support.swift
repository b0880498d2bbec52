import Foundation
import Testing

/// Bytes handed from a reading thread to the test.
final class DataBox: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// Paths and helpers shared by the end-to-end tests.
enum E2E {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.appendingPathComponent("corpus")
    static let expected = corpus.appendingPathComponent("expected")
    static let truth = corpus.appendingPathComponent("truth")
    static let sharedTruth = corpus.appendingPathComponent("truth-shared")
    static let sharedCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Our corpus PDFs (file stems), sorted.
    static func corpusStems() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".pdf") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The shared corpus PDFs (paths), sorted; records a failure naming the
    /// folder when it is missing.
    static func sharedPDFs(sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: sharedCorpus.path) else {
            Issue.record("missing shared corpus folder \(sharedCorpus.path)", sourceLocation: sourceLocation)
            return []
        }
        return names.filter { $0.hasSuffix(".pdf") }.sorted().map { sharedCorpus.appendingPathComponent($0).path }
    }

    /// The password of the shared corpus's encrypted sample.
    static func password(for path: String) -> String? {
        path.hasSuffix("tabula__encrypted.pdf") ? "userpassword" : nil
    }

    /// The `gazette` executable built beside the test bundle.
    static var gazette: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gazette")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/gazette")
    }

    /// Runs `gazette` with arguments; returns exit status, stdout and stderr.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: Data, stderr: String) {
        try launch(gazette.path, arguments, stdin: stdin, environment: environment)
    }

    /// Runs a program to its end; its exit status, standard output and error.
    static func launch(_ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes concurrently so a full stderr pipe cannot block.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.set(errHandle.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: errBox.get(), as: UTF8.self))
    }

    /// The Python scripts the tests read outputs back with.
    static let pythonScripts = packageRoot.appendingPathComponent("Tests/EndToEndTests/python")

    /// A python3 that imports every one of `modules`, or nil; tests
    /// `#require` it with a message naming the modules (CI installs them
    /// through scripts/bootstrap, so a missing one fails, never skips).
    static func python(importing modules: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: candidate)
            process.arguments = ["-c", "import " + modules.joined(separator: ", ")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    /// LibreOffice's `soffice`, or nil.
    static var soffice: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/opt/libreoffice/program"])
            .map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable`; its standard output, or an error with its status
    /// and standard error.
    @discardableResult
    static func runTool(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try launch(executable, arguments)
        guard result.status == 0 else {
            throw ToolFailed(description: "\(executable) \(arguments.joined(separator: " ")): exit \(result.status): \(result.stderr)")
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Every sheet of each workbook as LibreOffice shows it, one CSV per
    /// sheet (`<stem>-<sheet>.csv`) in `directory`.
    static func libreOfficeSheets(_ workbooks: [String], into directory: URL, profile: URL) throws {
        let soffice = try #require(soffice, "LibreOffice (soffice) is not installed: run scripts/bootstrap")
        try runTool(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to",
                              "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                              "--outdir", directory.path] + workbooks)
    }

    /// A fresh scratch directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
