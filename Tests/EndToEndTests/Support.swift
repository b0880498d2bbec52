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
        let process = Process()
        process.executableURL = gazette
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

    /// A fresh scratch directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
