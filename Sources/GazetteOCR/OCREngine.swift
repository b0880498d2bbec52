import Foundation
import GazetteRead
import OCRShim

/// An 8-bit grey image (0 black, 255 white), rows packed `width` bytes apart.
public struct GreyImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a grey image has width × height pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A white image.
    public init(width: Int, height: Int) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height))
    }
}

/// A box in pixels of the image as read (origin top-left, y down).
public struct PixelBox: Hashable, Sendable {
    public var x0: Int, y0: Int, x1: Int, y1: Int
    public init(x0: Int, y0: Int, x1: Int, y1: Int) {
        (self.x0, self.y0, self.x1, self.y1) = (x0, y0, x1, y1)
    }
    init(_ b: gz_ocr_box) { self.init(x0: Int(b.x0), y0: Int(b.y0), x1: Int(b.x1), y1: Int(b.y1)) }
    public var width: Int { x1 - x0 }
    public var height: Int { y1 - y0 }
}

/// One recognised character.
public struct OCRSymbol: Hashable, Sendable {
    public var text: String
    public var box: PixelBox
    /// The box of its text line.
    public var line: PixelBox
    /// 0...100.
    public var confidence: Double
    /// Numbers of its word and line on the page.
    public var word: Int
    public var lineIndex: Int

    public init(text: String, box: PixelBox, line: PixelBox, confidence: Double, word: Int, lineIndex: Int) {
        self.text = text
        self.box = box
        self.line = line
        self.confidence = confidence
        self.word = word
        self.lineIndex = lineIndex
    }
}

/// A straight run found in an image.
public struct PixelRuling: Hashable, Sendable {
    public var orientation: Ruling.Orientation
    public var position: Int
    public var start: Int
    public var end: Int
    public var thickness: Int

    public init(orientation: Ruling.Orientation, position: Int, start: Int, end: Int, thickness: Int) {
        self.orientation = orientation
        self.position = position
        self.start = start
        self.end = end
        self.thickness = thickness
    }

    init(_ r: gz_ocr_ruling) {
        self.init(orientation: r.orientation == 0 ? .horizontal : .vertical, position: Int(r.position),
                  start: Int(r.start), end: Int(r.end), thickness: Int(r.thickness))
    }
}

/// What the engine made of one image.
public struct OCRResult: Sendable {
    /// Size of the image as read (after the turn).
    public var width: Int
    public var height: Int
    /// Degrees the image was turned clockwise to stand upright.
    public var turn: Int
    public var orientationConfidence: Double
    /// Degrees of skew corrected.
    public var skew: Double
    /// Read as vertical writing: symbols by column, top to bottom, the
    /// columns right to left.
    public var vertical: Bool
    public var meanConfidence: Double
    public var symbols: [OCRSymbol]
    public var rulings: [PixelRuling]

    public init(width: Int, height: Int, turn: Int = 0, orientationConfidence: Double = 0, skew: Double = 0,
                vertical: Bool = false, meanConfidence: Double, symbols: [OCRSymbol], rulings: [PixelRuling]) {
        self.vertical = vertical
        self.width = width
        self.height = height
        self.turn = turn
        self.orientationConfidence = orientationConfidence
        self.skew = skew
        self.meanConfidence = meanConfidence
        self.symbols = symbols
        self.rulings = rulings
    }
}

/// Tesseract, through the OCR shim: one engine for one set of languages.
/// Not thread-safe; `OCREngine.with(languages:)` lends engines from a pool
/// so that each is used by one thread at a time.
public final class OCREngine {
    /// What the engine does besides recognising text.
    public struct Steps: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Orientation detection (OSD) and the turn that sets the page upright.
        public static let orient = Steps(rawValue: UInt32(GZ_OCR_ORIENT))
        /// Skew detection and correction.
        public static let deskew = Steps(rawValue: UInt32(GZ_OCR_DESKEW))
        /// Rulings found in the image (and whitened before recognition).
        public static let rulings = Steps(rawValue: UInt32(GZ_OCR_RULINGS))
        /// Vertical writing found (Tesseract's layout analysis) and read as
        /// columns with the vertical models of the languages (chi_tra_vert).
        public static let writing = Steps(rawValue: UInt32(GZ_OCR_WRITING))
        public static let all: Steps = [.orient, .deskew, .rulings, .writing]
    }

    /// Why the engine could not do its work (the caller adds file and page).
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    public let languages: String
    private let handle: OpaquePointer

    /// Tesseract's version, e.g. "5.3.0".
    public static var tesseractVersion: String { String(cString: gz_ocr_tesseract_version()) }
    /// Leptonica's version, e.g. "1.82.0".
    public static var leptonicaVersion: String { String(cString: gz_ocr_leptonica_version()) }

    /// The trained-data directory: `GAZETTE_TESSDATA`, else Tesseract's own
    /// (TESSDATA_PREFIX or its built-in default).
    public static var dataPath: String? {
        ProcessInfo.processInfo.environment["GAZETTE_TESSDATA"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Loads Tesseract and Leptonica (not linked: they are loaded the first
    /// time a page is read by OCR).
    public static func loadLibraries() throws(Failure) {
        var message = [CChar](repeating: 0, count: 1024)
        let loaded = message.withUnsafeMutableBufferPointer { gz_ocr_load($0.baseAddress, $0.count) }
        guard loaded != 0 else { throw Failure(reason: string(message)) }
    }

    /// Opens an engine for `languages` ("chi_tra+eng").
    public init(languages: String, dataPath: String? = OCREngine.dataPath) throws(Failure) {
        var message = [CChar](repeating: 0, count: 1024)
        let opened: OpaquePointer? = message.withUnsafeMutableBufferPointer { buffer in
            gz_ocr_engine_new(dataPath, languages, buffer.baseAddress, buffer.count)
        }
        guard let opened else { throw Failure(reason: Self.string(message)) }
        self.languages = languages
        handle = opened
    }

    deinit { gz_ocr_engine_free(handle) }

    /// Reads `image` (rendered at `dpi`).
    public func read(_ image: GreyImage, dpi: Int, steps: Steps = .all) throws(Failure) -> OCRResult {
        var message = [CChar](repeating: 0, count: 512)
        let raw: OpaquePointer? = image.pixels.withUnsafeBufferPointer { pixels in
            message.withUnsafeMutableBufferPointer { buffer in
                gz_ocr_read(handle, pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width),
                            Int32(dpi), steps.rawValue, buffer.baseAddress, buffer.count)
            }
        }
        guard let raw else { throw Failure(reason: Self.string(message)) }
        defer { gz_ocr_page_free(raw) }
        var count = 0
        var length = 0
        let textBase = gz_ocr_page_text(raw, &length)
        let bytes = UnsafeRawBufferPointer(start: textBase, count: length)
        let symbolBase = gz_ocr_page_symbols(raw, &count)
        let symbols = UnsafeBufferPointer(start: symbolBase, count: count).map { s in
            let start = Int(s.text_offset), end = start + Int(s.text_length)
            return OCRSymbol(
                text: String(decoding: bytes[start..<end], as: UTF8.self), box: PixelBox(s.box), line: PixelBox(s.line),
                confidence: Double(s.confidence), word: Int(s.word), lineIndex: Int(s.line_index))
        }
        let rulingBase = gz_ocr_page_rulings(raw, &count)
        let rulings = UnsafeBufferPointer(start: rulingBase, count: count).map(PixelRuling.init)
        return OCRResult(
            width: Int(gz_ocr_page_width(raw)), height: Int(gz_ocr_page_height(raw)), turn: Int(gz_ocr_page_turn(raw)),
            orientationConfidence: Double(gz_ocr_page_orientation_confidence(raw)),
            skew: Double(gz_ocr_page_skew(raw)), vertical: gz_ocr_page_vertical(raw) != 0,
            meanConfidence: Double(gz_ocr_page_mean_confidence(raw)),
            symbols: symbols, rulings: rulings)
    }

    /// The rulings of an image alone (no recognition): runs at least
    /// `minLength` pixels long and at most `maxThickness` thick.
    public static func rulings(in image: GreyImage, minLength: Int, maxThickness: Int) throws(Failure) -> [PixelRuling] {
        try loadLibraries()
        var count = 0
        let found = image.pixels.withUnsafeBufferPointer { pixels in
            gz_ocr_find_rulings(pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width),
                                Int32(minLength), Int32(maxThickness), &count)
        }
        defer { gz_ocr_free(found) }
        return UnsafeBufferPointer(start: found, count: count).map(PixelRuling.init)
    }

    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - The pool

    nonisolated(unsafe) private static var idle: [String: [OCREngine]] = [:]
    private static let lock = NSLock()

    /// Runs `body` with an engine for `languages` that no other thread is
    /// using: an idle one from the pool (loading the trained data once per
    /// process, not once per document), or a new one.
    public static func with<T>(languages: String, _ body: (OCREngine) throws(Failure) -> T) throws(Failure) -> T {
        lock.lock()
        let pooled = idle[languages]?.popLast()
        lock.unlock()
        let engine: OCREngine
        if let pooled { engine = pooled } else { engine = try OCREngine(languages: languages) }
        defer {
            lock.lock()
            idle[languages, default: []].append(engine)
            lock.unlock()
        }
        return try body(engine)
    }
}
