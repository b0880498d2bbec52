import Foundation

/// Settings of one extraction.
public struct ExtractionOptions: Sendable, Hashable {
    /// Password of an encrypted PDF.
    public var password: String?
    /// Refuse documents with more pages than this.
    public var maxPages: Int?
    /// Read only the first this many pages (a preview, or a benchmark of
    /// memory against document length).
    public var firstPages: Int?
    /// Which pages are read by OCR (`--ocr`, `--ocr-lang`).
    public var ocr: OCROptions

    public init(password: String? = nil, maxPages: Int? = nil, firstPages: Int? = nil, ocr: OCROptions = OCROptions()) {
        self.password = password
        self.maxPages = maxPages
        self.firstPages = firstPages
        self.ocr = ocr
    }
}

/// Why a PDF could not be turned into a document.
public enum ExtractionError: LocalizedError, Sendable {
    /// The PDF could not be read (missing, not a PDF, encrypted …).
    case read(ReadError)
    /// More pages than `--max-pages` allows.
    case tooManyPages(path: String, pages: Int, limit: Int)
    /// The document we built does not match our schema: a bug in gazette.
    case invalidOutput(path: String, errors: [String])
    /// The document could not be encoded as JSON: a bug in gazette.
    case encoding(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .read(let error): return error.errorDescription
        case .tooManyPages(let path, let pages, let limit):
            return "\(path): \(pages) pages, more than the limit of \(limit) (--max-pages)"
        case .invalidOutput(let path, let errors):
            return "\(path): internal error: the output does not match gazette's schema (please report this bug):\n  "
                + errors.prefix(20).joined(separator: "\n  ")
        case .encoding(let path, let reason):
            return "\(path): internal error: cannot encode the output: \(reason)"
        }
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .read(let error): return error.path
        case .tooManyPages(let path, _, _), .invalidOutput(let path, _), .encoding(let path, _): return path
        }
    }
}

/// The pipeline: reads a PDF page by page, lays each page out, finds its
/// tables, joins tables over pages, folds text, finds dates and typed
/// records, and builds the validated document.
public struct Extractor: Sendable {
    public var options: ExtractionOptions

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts the PDF at `path`.
    public func extract(path: String) throws(ExtractionError) -> GazetteDocument {
        var timings = StageTimings()
        return try extract(path: path, timings: &timings)
    }

    /// Extracts the PDF at `path`, adding each stage's time to `timings`.
    public func extract(path: String, timings: inout StageTimings) throws(ExtractionError) -> GazetteDocument {
        let document: PDFDocument
        let digest: String
        do {
            document = try timed(&timings.read) { () throws(ReadError) -> PDFDocument in
                try PDFDocument(path: path, password: options.password)
            }
            digest = try FileDigest.sha256(path: path)
        } catch {
            throw .read(error)
        }
        if let limit = options.maxPages, document.pageCount > limit {
            throw .tooManyPages(path: path, pages: document.pageCount, limit: limit)
        }
        var run = DocumentRun()
        // Opened (and its renderer) only for a document with a page to read.
        let ocrReader = options.ocr.mode == .off ? nil : OCRReader(path: path, password: options.password, options: options.ocr)
        let lastPage = min(document.pageCount, options.firstPages ?? document.pageCount)
        for number in 1...max(lastPage, 1) where lastPage > 0 {
            let page: Page
            do {
                page = try timed(&timings.read) { () throws(ReadError) -> Page in try document.page(number) }
            } catch {
                run.addUnreadable(number: number, error: error, timings: &timings)
                continue
            }
            if let ocrReader, options.ocr.wants(page) {
                do {
                    let read = try timed(&timings.ocr) { () throws(OCRError) -> Page in try ocrReader.read(page) }
                    timings.ocrPages += 1
                    run.add(read, timings: &timings)
                } catch {
                    run.add(page, ocrFailure: error, timings: &timings)
                }
                continue
            }
            run.add(page, timings: &timings)
        }
        run.finish(timings: &timings)

        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let source = Source(
            file: (path as NSString).lastPathComponent, sha256: digest, bytes: bytes,
            pages: document.pageCount, producer: document.info.producer.map(TextFolder.fold),
            creator: document.info.creator.map(TextFolder.fold), title: document.info.title.map(TextFolder.fold),
            encrypted: document.info.isEncrypted)
        return run.document(source: source, tool: ToolInfo(version: GazetteVersion.current), timings: &timings)
    }

    /// The document as JSON bytes, validated against the schema first: an
    /// invalid document is never written.
    public func serialise(_ document: GazetteDocument, pretty: Bool) throws(ExtractionError) -> [UInt8] {
        var timings = StageTimings()
        return try serialise(document, pretty: pretty, timings: &timings)
    }

    /// As `serialise(_:pretty:)`, timing the emit stage.
    public func serialise(_ document: GazetteDocument, pretty: Bool, timings: inout StageTimings)
        throws(ExtractionError) -> [UInt8] {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.emit += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var bytes: [UInt8]
        do {
            bytes = try DocumentSerialiser.bytes(of: document, pretty: pretty)
        } catch {
            switch error {
            case .invalid(let location, let errors):
                throw .invalidOutput(path: document.source.file, errors: errors.map { location.isEmpty ? $0 : "\(location): \($0)" })
            case .encoding(let reason):
                throw .encoding(path: document.source.file, reason: reason)
            }
        }
        bytes.append(0x0A)
        return bytes
    }
}
