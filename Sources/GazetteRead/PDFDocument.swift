import Foundation
import GazetteNormalise
import PopplerShim

/// Why a PDF or one of its pages could not be read.
public enum ReadError: LocalizedError, Equatable, Sendable {
    /// No file at the path.
    case fileNotFound(path: String)
    /// The file exists but could not be read (permissions, a directory ...).
    case unreadable(path: String, reason: String)
    /// The file is empty.
    case emptyFile(path: String)
    /// Not a PDF, or damaged beyond what poppler can repair.
    case notAPDF(path: String, reason: String)
    /// Encrypted, and no password was given.
    case passwordRequired(path: String)
    /// Encrypted, and the password given is wrong.
    case wrongPassword(path: String)
    /// A page could not be interpreted at all.
    case pageUnreadable(path: String, page: Int, reason: String)
    /// The page tree yields no pages (empty, or broken beyond repair).
    case noPages(path: String)

    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read the file: \(reason)"
        case .emptyFile(let path): return "\(path): the file is empty"
        case .notAPDF(let path, let reason): return "\(path): not a readable PDF (\(reason))"
        case .passwordRequired(let path): return "\(path): the PDF is encrypted; give its password with --password"
        case .wrongPassword(let path): return "\(path): the PDF is encrypted and the password given is wrong"
        case .pageUnreadable(let path, let page, let reason): return "\(path): page \(page): \(reason)"
        case .noPages(let path): return "\(path): the PDF has no pages (its page tree is empty or broken)"
        }
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let p), .unreadable(let p, _), .emptyFile(let p), .notAPDF(let p, _),
             .passwordRequired(let p), .wrongPassword(let p), .pageUnreadable(let p, _, _), .noPages(let p):
            return p
        }
    }
}

/// An open PDF: its metadata and its pages, read one at a time so that a
/// long document never has all its glyphs in memory at once.
public final class PDFDocument {
    /// The path the document was opened from.
    public let path: String
    /// Title, producer, creator and page count from the PDF.
    public let info: DocumentInfo
    private let handle: OpaquePointer

    /// Opens the PDF at `path`; `password` unlocks an encrypted file.
    public init(path: String, password: String? = nil) throws(ReadError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw .emptyFile(path: path)
        }
        var status = GZ_OPEN_OK
        var message = [CChar](repeating: 0, count: 512)
        let opened: OpaquePointer? = message.withUnsafeMutableBufferPointer { buffer in
            if let password {
                return gz_document_open(path, password, &status, buffer.baseAddress, buffer.count)
            }
            return gz_document_open(path, nil, &status, buffer.baseAddress, buffer.count)
        }
        guard let opened else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch status {
            case GZ_OPEN_ENCRYPTED:
                throw password == nil ? .passwordRequired(path: path) : .wrongPassword(path: path)
            case GZ_OPEN_FILE_ERROR:
                throw .unreadable(path: path, reason: reason)
            default:
                throw .notAPDF(path: path, reason: reason)
            }
        }
        guard gz_document_page_count(opened) > 0 else {
            gz_document_close(opened)
            throw .noPages(path: path)
        }
        handle = opened
        func entry(_ key: String) -> String? {
            guard let raw = gz_document_info(opened, key) else { return nil }
            defer { gz_free(raw) }
            let value = String(cString: raw).trimmingSpaces()
            return value.isEmpty ? nil : value
        }
        info = DocumentInfo(
            title: entry("Title"), producer: entry("Producer"), creator: entry("Creator"),
            author: entry("Author"), pageCount: Int(gz_document_page_count(opened)),
            isEncrypted: gz_document_is_encrypted(opened) != 0)
    }

    deinit { gz_document_close(handle) }

    /// Number of pages.
    public var pageCount: Int { info.pageCount }

    /// Reads page `number` (1-based): its glyphs, rulings and images.
    public func page(_ number: Int) throws(ReadError) -> Page {
        var message = [CChar](repeating: 0, count: 512)
        let raw: OpaquePointer? = message.withUnsafeMutableBufferPointer {
            gz_page_read(handle, Int32(number - 1), $0.baseAddress, $0.count)
        }
        guard let raw else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .pageUnreadable(path: path, page: number, reason: reason)
        }
        defer { gz_page_free(raw) }
        return Self.convert(raw, number: number)
    }

    private static func convert(_ raw: OpaquePointer, number: Int) -> Page {
        var count = 0
        let textBase = gz_page_text(raw, &count)
        let text = UnsafeBufferPointer(start: textBase, count: count)
        let glyphBase = gz_page_glyphs(raw, &count)
        let rawGlyphs = UnsafeBufferPointer(start: glyphBase, count: count)

        let fonts = (0..<gz_page_font_count(raw)).map { FontInfo(name: String(cString: gz_page_font_name(raw, $0))) }
        // Symbol-font glyphs given as U+F0xx: their characters (α for U+F061).
        let symbolFonts = Set(fonts.indices.filter { SymbolEncoding.isSymbolFont(fonts[$0].name) })

        // Most glyphs are one code point: cache their Strings so a page's
        // thousands of CJK glyphs do not each allocate.
        var cache: [UInt32: String] = [:]
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(rawGlyphs.count)
        for g in rawGlyphs {
            let string: String
            if g.text_length == 1 {
                let scalar = text[Int(g.text_offset)]
                if !symbolFonts.isEmpty, symbolFonts.contains(Int(g.font)),
                   let mapped = SymbolEncoding.character(ofPrivateUse: scalar), let u = Unicode.Scalar(mapped) {
                    string = String(Character(u))
                } else if let cached = cache[scalar] {
                    string = cached
                } else {
                    string = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "\u{FFFD}"
                    cache[scalar] = string
                }
            } else {
                var s = String.UnicodeScalarView()
                for i in 0..<Int(g.text_length) {
                    s.append(Unicode.Scalar(text[Int(g.text_offset) + i]) ?? "\u{FFFD}")
                }
                // One glyph is one character: ⽣生 (radical and ideograph,
                // from a macOS Quartz ToUnicode map) is 生.
                string = TextFolder.oneCharacter(ofGlyph: String(s))
            }
            glyphs.append(Glyph(
                text: string,
                box: Rect(x0: Double(g.x0), y0: Double(g.y0), x1: Double(g.x1), y1: Double(g.y1)),
                font: Int(g.font), size: Double(g.size), angle: Double(g.angle), color: g.color,
                opacity: Double(g.opacity),
                isInvisible: g.flags & UInt32(GZ_GLYPH_INVISIBLE) != 0,
                isVertical: g.flags & UInt32(GZ_GLYPH_VERTICAL) != 0,
                isFakeBold: g.flags & UInt32(GZ_GLYPH_FAKE_BOLD) != 0))
        }

        let rulingBase = gz_page_rulings(raw, &count)
        let rulings = UnsafeBufferPointer(start: rulingBase, count: count).map { r in
            Ruling(orientation: r.orientation == 0 ? .horizontal : .vertical,
                   position: Double(r.position), start: Double(r.start), end: Double(r.end),
                   thickness: Double(r.thickness), source: r.source == 0 ? .stroke : .filledRect,
                   color: r.color)
        }
        func boxes(_ base: UnsafePointer<GZBox>?, _ n: Int) -> [Rect] {
            UnsafeBufferPointer(start: base, count: n).map {
                Rect(x0: Double($0.x0), y0: Double($0.y0), x1: Double($0.x1), y1: Double($0.y1))
            }
        }
        let images = boxes(gz_page_images(raw, &count), count)
        let filled = boxes(gz_page_filled_boxes(raw, &count), count)
        var problems = (0..<gz_page_problem_count(raw)).map { String(cString: gz_page_problem(raw, $0)) }
        let missing = (0..<gz_page_missing_collection_count(raw)).map {
            String(cString: gz_page_missing_collection(raw, $0))
        }
        let unmapped = gz_page_unmapped_glyphs(raw)
        if unmapped > 0 {
            problems.append("\(unmapped) glyph(s) have no Unicode mapping")
        }
        let unmappedBoxes = UnsafeBufferPointer(start: gz_page_unmapped_glyph_boxes(raw, &count), count: count).map {
            UnmappedGlyph(box: Rect(x0: Double($0.x0), y0: Double($0.y0), x1: Double($0.x1), y1: Double($0.y1)),
                          font: Int($0.font), size: Double($0.size))
        }
        return Page(number: number, width: gz_page_width(raw), height: gz_page_height(raw),
                    rotation: Int(gz_page_rotation(raw)), glyphs: glyphs, fonts: fonts,
                    rulings: rulings, images: images, filledBoxes: filled, problems: problems,
                    unmappedGlyphs: unmapped, missingLanguagePacks: missing.sorted(),
                    undecodedTextRuns: gz_page_undecoded_text_shows(raw), unmapped: unmappedBoxes,
                    garbledText: GarbledTextDetector.detect(glyphs: glyphs, unmapped: unmappedBoxes, fonts: fonts))
    }
}
