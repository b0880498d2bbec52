import Foundation
import Gazette

/// The worker side of a batch: converts the file of each `WorkerJob` line on
/// standard input and answers a `WorkerReply` line on standard output.
public enum BatchWorker {
    /// Environment switches honoured only here, for tests: the worker
    /// crashes (SIGSEGV), hangs, or allocates memory without end on an input
    /// whose file name contains the variable's value.
    public static let crashSwitch = "GAZETTE_TEST_CRASH_ON"
    public static let hangSwitch = "GAZETTE_TEST_HANG_ON"
    public static let hogSwitch = "GAZETTE_TEST_HOG_ON"

    /// Runs the worker loop; returns the process's exit status.
    public static func run() -> Int32 {
        // The replies get a private copy of standard output; anything a
        // library prints to standard output goes to standard error instead,
        // so it can never be taken for a reply.
        let replies = dup(STDOUT_FILENO)
        guard replies >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return 70 }
        _ = fcntl(replies, F_SETFD, FD_CLOEXEC)
        dieWithParent()
        if let parent = ProcessInfo.processInfo.environment["GAZETTE_BATCH_PARENT"], String(getppid()) != parent {
            return 0  // the coordinator is already gone
        }

        let environment = ProcessInfo.processInfo.environment
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        guard var hello = try? encoder.encode(WorkerHello(version: GazetteVersion.current)) else { return 70 }
        hello.append(0x0A)
        guard writeAll(replies, Array(hello)) else { return 0 }
        while let line = readLine(strippingNewline: true) {
            if line.isEmpty { continue }
            let reply: WorkerReply
            do {
                let job = try decoder.decode(WorkerJob.self, from: Data(line.utf8))
                testSwitches(for: job.input, environment: environment)
                reply = process(job)
            } catch {
                reply = WorkerReply(id: -1, status: .failed, code: .`protocol`, reason: "bad job line: \(error)", seconds: 0)
            }
            guard var bytes = try? encoder.encode(reply) else { return 70 }
            bytes.append(0x0A)
            guard writeAll(replies, Array(bytes)) else { return 0 }
        }
        return 0
    }

    /// Converts one file (or finds its output up to date).
    public static func process(_ job: WorkerJob) -> WorkerReply {
        let start = monotonicSeconds()
        func elapsed() -> Double { ((monotonicSeconds() - start) * 1000).rounded() / 1000 }
        // Up to date? The output must say (or the last report must, for a
        // format that does not) that it was made from these very bytes by
        // this version.
        var digest: String?
        if !job.force, let stamp = fileStamp(job.output) {
            digest = try? FileDigest.sha256(path: job.input)
            var made = job.format.provenance(ofOutputAt: job.output)
            if made == nil, let known = job.known, known.outputBytes == stamp.bytes,
               known.outputModified == stamp.modified {
                made = known.provenance
            }
            if let digest, let made, made.sha256 == digest, made.toolVersion == GazetteVersion.current {
                return WorkerReply(
                    id: job.id, status: .skipped, code: .upToDate,
                    reason: "output already made from the same input by gazette \(made.toolVersion)",
                    pages: made.pages, seconds: elapsed(), sha256: digest, outputBytes: stamp.bytes,
                    outputModified: stamp.modified)
            }
        }

        let extractor = Extractor(options: ExtractionOptions(
            password: job.password, maxPages: job.maxPages, ocr: job.ocr ?? OCROptions()))
        let document: GazetteDocument
        do {
            document = try extractor.extract(path: job.input)
        } catch {
            if digest == nil { digest = try? FileDigest.sha256(path: job.input) }
            return WorkerReply(id: job.id, status: .failed, code: code(of: error), reason: reason(of: error, path: job.input),
                               seconds: elapsed(), sha256: digest)
        }
        do {
            let parts = try job.format.parts(of: document) { try extractor.serialise(document, pretty: job.pretty) }
            let name = document.source.file
            let stem = name.lowercased().hasSuffix(".pdf") ? String(name.dropLast(4)) : name
            try BatchOutput.write(parts, format: job.format, stem: stem, to: job.output)
        } catch let error as ExtractionError {
            return WorkerReply(id: job.id, status: .failed, code: code(of: error), reason: reason(of: error, path: job.input),
                               pages: document.source.pages, seconds: elapsed(), sha256: document.source.sha256)
        } catch let error as AtomicFile.WriteError {
            return WorkerReply(id: job.id, status: .failed, code: .writeFailed, reason: error.localizedDescription,
                               pages: document.source.pages, seconds: elapsed(), sha256: document.source.sha256)
        } catch {
            return WorkerReply(id: job.id, status: .failed, code: .internalError, reason: "\(error)",
                               pages: document.source.pages, seconds: elapsed(), sha256: document.source.sha256)
        }
        let stamp = fileStamp(job.output)
        var warnings: [Warning.Code] = []
        for warning in document.warnings where !warnings.contains(warning.code) { warnings.append(warning.code) }
        return WorkerReply(
            id: job.id, status: .ok, pages: document.source.pages, seconds: elapsed(), sha256: document.source.sha256,
            outputBytes: stamp?.bytes, outputModified: stamp?.modified, warnings: warnings.sorted(),
            ocrPages: document.pages.filter { $0.ocr != nil }.count)
    }

    /// The report's code for an extraction error.
    static func code(of error: ExtractionError) -> EntryCode {
        switch error {
        case .read(let read):
            switch read {
            case .fileNotFound: return .notFound
            case .unreadable: return .unreadable
            case .emptyFile: return .emptyFile
            case .notAPDF: return .notAPDF
            case .passwordRequired: return .passwordRequired
            case .wrongPassword: return .wrongPassword
            case .pageUnreadable: return .pageUnreadable
            case .noPages: return .noPages
            }
        case .tooManyPages: return .tooManyPages
        case .invalidOutput: return .invalidOutput
        case .encoding: return .internalError
        }
    }

    /// The error's message without the leading "path: " (the report has the path).
    static func reason(of error: ExtractionError, path: String) -> String {
        let text = error.localizedDescription
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }

    static func testSwitches(for input: String, environment: [String: String]) {
        let name = (input as NSString).lastPathComponent
        func matches(_ variable: String) -> Bool {
            guard let value = environment[variable], !value.isEmpty else { return false }
            return name.contains(value)
        }
        if matches(crashSwitch) {
            // A real fault, as a parser bug would make (a signal sent with
            // kill() is not one, and the runtime's crash handler lets it pass).
            let address = UnsafeMutablePointer<Int>(bitPattern: 16)!
            address.pointee = 1
        }
        if matches(hangSwitch) {
            while true { sleep(3600) }
        }
        if matches(hogSwitch) {
            // 8 MiB every 20 ms, touched so it is resident; at most 4 GiB.
            var blocks: [UnsafeMutableRawPointer] = []
            for _ in 0..<512 {
                guard let block = malloc(8 << 20) else { break }
                memset(block, 1, 8 << 20)
                blocks.append(block)
                usleep(20_000)
            }
            abort()
        }
    }

    /// Asks the kernel to kill this process when the coordinator ends, even
    /// by SIGKILL (Linux's PR_SET_PDEATHSIG; prctl is not in Swift's Glibc
    /// module, so it is looked up by name). Elsewhere, a thread checks the
    /// parent every second.
    static func dieWithParent() {
        let parent = getppid()
        if let symbol = dlsym(nil, "prctl") {  // nil: RTLD_DEFAULT
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            let prctl = unsafeBitCast(symbol, to: Prctl.self)
            let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
            if prctl(setParentDeathSignal, UInt(SIGKILL), 0, 0, 0) == 0 { return }
        }
        Thread.detachNewThread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(0) }
            }
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
