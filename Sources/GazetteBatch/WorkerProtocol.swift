import Foundation
import Gazette

/// One file for a worker: a JSON line on the worker's standard input.
public struct WorkerJob: Codable, Sendable, Hashable {
    /// The coordinator's number for the job, echoed in the reply.
    public var id: Int
    /// Absolute path of the PDF.
    public var input: String
    /// Absolute path of the output to write.
    public var output: String
    /// The output format.
    public var format: OutputFormat
    public var pretty: Bool
    public var password: String?
    public var maxPages: Int?
    /// Redo even when the output is up to date.
    public var force: Bool
    /// What the previous report says the existing output was made from, for
    /// formats that do not record it themselves; trusted only while the
    /// output's size and modification time are the ones recorded.
    public var known: KnownOutput?
    /// `--ocr`, `--ocr-lang` (nil: the defaults).
    public var ocr: OCROptions?

    public init(id: Int, input: String, output: String, format: OutputFormat, pretty: Bool, password: String?,
                maxPages: Int?, force: Bool, known: KnownOutput?, ocr: OCROptions? = nil) {
        self.id = id
        self.input = input
        self.output = output
        self.format = format
        self.pretty = pretty
        self.password = password
        self.maxPages = maxPages
        self.force = force
        self.known = known
        self.ocr = ocr
    }
}

/// An output as a previous report described it.
public struct KnownOutput: Codable, Sendable, Hashable {
    public var provenance: OutputProvenance
    public var outputBytes: Int
    public var outputModified: Int

    public init(provenance: OutputProvenance, outputBytes: Int, outputModified: Int) {
        self.provenance = provenance
        self.outputBytes = outputBytes
        self.outputModified = outputModified
    }
}

/// The worker's first line: it has started.
public struct WorkerHello: Codable, Sendable, Hashable {
    public var ready: Bool
    /// gazette's version in the worker.
    public var version: String
    public init(version: String) {
        ready = true
        self.version = version
    }
}

/// A worker's answer to one job: a JSON line on its standard output.
public struct WorkerReply: Codable, Sendable, Hashable {
    public var id: Int
    /// ok, failed or skipped.
    public var status: EntryStatus
    public var code: EntryCode?
    public var reason: String?
    public var pages: Int?
    public var seconds: Double
    public var sha256: String?
    public var outputBytes: Int?
    public var outputModified: Int?
    public var warnings: [Warning.Code]
    /// Pages read by OCR.
    public var ocrPages: Int?

    public init(id: Int, status: EntryStatus, code: EntryCode? = nil, reason: String? = nil, pages: Int? = nil,
                seconds: Double, sha256: String? = nil, outputBytes: Int? = nil, outputModified: Int? = nil,
                warnings: [Warning.Code] = [], ocrPages: Int? = nil) {
        self.id = id
        self.status = status
        self.code = code
        self.reason = reason
        self.pages = pages
        self.seconds = seconds
        self.sha256 = sha256
        self.outputBytes = outputBytes
        self.outputModified = outputModified
        self.warnings = warnings
        self.ocrPages = ocrPages
    }
}

/// Size and modification time (ns since 1970) of a file, or nil.
func fileStamp(_ path: String) -> (bytes: Int, modified: Int)? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    guard info.st_mode & S_IFMT == S_IFDIR else { return (Int(info.st_size), modified) }
    // A directory output (several files): the bytes of its files; it is
    // written whole, so its own time changes with every write.
    var bytes = 0
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
        var file = stat()
        if stat((path as NSString).appendingPathComponent(name), &file) == 0 { bytes += Int(file.st_size) }
    }
    return (bytes, modified)
}

/// Seconds on a monotonic clock.
func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}
