import GazetteRecords
import GazetteRead
import GazetteTables

/// The JSON document gazette emits for one PDF (see `schemas/document.schema.json`
/// and the output contract): source, document, pages, outline, tables,
/// records, dates, warnings.
public struct GazetteDocument: Hashable, Sendable, Codable {
    /// Version of the output format (the schema's version).
    public static let currentSchemaVersion = "1.0.0"

    public var schemaVersion: String
    public var tool: ToolInfo
    public var source: Source
    public var document: DocumentInfoBlock
    public var pages: [PageEntry]
    public var outline: [OutlineNode]
    public var tables: [LogicalTable]
    public var records: [Record]
    public var dates: [DateEntry]
    public var warnings: [Warning]

    public init(tool: ToolInfo, source: Source, document: DocumentInfoBlock, pages: [PageEntry] = [],
                outline: [OutlineNode] = [], tables: [LogicalTable] = [], records: [Record] = [],
                dates: [DateEntry] = [], warnings: [Warning] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        self.source = source
        self.document = document
        self.pages = pages
        self.outline = outline
        self.tables = tables
        self.records = records
        self.dates = dates
        self.warnings = warnings
    }
}

/// The program that made a document, so a batch can tell stale outputs.
public struct ToolInfo: Hashable, Sendable, Codable {
    public var name: String
    public var version: String
    public init(name: String = "gazette", version: String) {
        self.name = name
        self.version = version
    }
}

/// The PDF a document was made from.
public struct Source: Hashable, Sendable, Codable {
    /// The file name (no directory), as given.
    public var file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    public var bytes: Int
    public var pages: Int
    public var producer: String?
    public var creator: String?
    public var title: String?
    public var encrypted: Bool

    public init(file: String, sha256: String, bytes: Int, pages: Int, producer: String?, creator: String?,
                title: String?, encrypted: Bool) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.pages = pages
        self.producer = producer
        self.creator = creator
        self.title = title
        self.encrypted = encrypted
    }
}

/// What the document is: its kind, title, issuer and date.
public struct DocumentInfoBlock: Hashable, Sendable, Codable {
    public var kind: DocumentKind
    public var title: String?
    public var issuer: String?
    /// ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY).
    public var date: String?
    /// The date as printed.
    public var dateRaw: String?

    public init(kind: DocumentKind = .unknown, title: String? = nil, issuer: String? = nil, date: String? = nil,
                dateRaw: String? = nil) {
        self.kind = kind
        self.title = title
        self.issuer = issuer
        self.date = date
        self.dateRaw = dateRaw
    }
}

/// One page: size, rotation, whether it has text, and its text in reading order.
public struct PageEntry: Hashable, Sendable, Codable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var rotation: Int
    public var hasTextLayer: Bool
    /// The page number as printed in its header or footer ("5" of "- 5 -").
    public var label: String?
    /// The page's running text in reading order, folded, without page
    /// headers, footers and page numbers; blocks separated by a blank line.
    public var text: String
    /// How the page was read by OCR; absent (not null) on a page read from
    /// its text layer, so that born-digital output is unchanged.
    public var ocr: OCRInfo?

    public init(number: Int, width: Double, height: Double, rotation: Int, hasTextLayer: Bool, label: String?,
                text: String, ocr: OCRInfo? = nil) {
        self.number = number
        self.width = width
        self.height = height
        self.rotation = rotation
        self.hasTextLayer = hasTextLayer
        self.label = label
        self.text = text
        self.ocr = ocr
    }

    // Written by hand for one reason: `ocr` is left out, not null, on a page
    // read from its text layer.
    enum CodingKeys: String, CodingKey { case number, width, height, rotation, hasTextLayer, label, text, ocr }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(rotation, forKey: .rotation)
        try c.encode(hasTextLayer, forKey: .hasTextLayer)
        try c.encode(label, forKey: .label)
        try c.encode(text, forKey: .text)
        // Only on pages read by OCR: born-digital output is unchanged.
        if let ocr { try c.encode(ocr, forKey: .ocr) }
    }
}

/// A numbered heading (壹、一、（一）、1、(1) …) and the headings under it.
public struct OutlineNode: Hashable, Sendable, Codable {
    /// The number as printed, without its punctuation ("壹", "一", "1").
    public var label: String
    public var level: Int
    public var title: String
    public var page: Int
    public var children: [OutlineNode]

    public init(label: String, level: Int, title: String, page: Int, children: [OutlineNode] = []) {
        self.label = label
        self.level = level
        self.title = title
        self.page = page
        self.children = children
    }
}

/// A date or date range printed in the document, once per occurrence.
public struct DateEntry: Hashable, Sendable, Codable {
    public var raw: String
    public var start: String
    public var end: String
    /// day, month or year.
    public var precision: String
    public var page: Int
    /// True when the year came from the document (e.g. 7 月 5 日 in a 112 年 report).
    public var inferredYear: Bool

    public init(raw: String, start: String, end: String, precision: String, page: Int, inferredYear: Bool = false) {
        self.raw = raw
        self.start = start
        self.end = end
        self.precision = precision
        self.page = page
        self.inferredYear = inferredYear
    }
}

/// Something the reader should know about the output: a page without text,
/// characters that could not be mapped, a damaged page.
public struct Warning: Hashable, Sendable, Codable {
    public var code: Code
    public var page: Int?
    public var message: String

    /// What a warning is about; its camelCase name is the JSON's `code`.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// No text at all on the page (a scan without a text layer).
        case noTextLayer
        /// Text in a CJK font could not be decoded: the CMaps of its
        /// character collection (poppler-data) are not installed.
        case missingLanguagePack
        /// Text in a font that could not be loaded was left out.
        case undecodedText
        /// Glyphs without a Unicode mapping were left out.
        case unmappedGlyphs
        /// The page's text layer, or the text of some of its fonts, decodes
        /// to something that is not language (glyphs without Unicode,
        /// foreign scripts, private use, a custom encoding's punctuation,
        /// implausible ideographs); names the fonts and how many glyphs.
        case garbledTextLayer
        /// Private-use characters kept as printed.
        case privateUseCharacters
        /// Something poppler reported about the PDF.
        case pdfProblem
        /// The page could not be interpreted at all.
        case pageUnreadable
        /// The page was read by OCR (engine, languages, dpi, confidence);
        /// in place of `noTextLayer`.
        case ocr
        /// The page was to be read by OCR, which failed.
        case ocrFailed
        /// Table cells of the page were built from glyphs of low OCR confidence.
        case ocrLowConfidence

        /// The codes that mean text the PDF has is missing from the output.
        public static let textLost: Set<Code> = [.missingLanguagePack, .undecodedText, .garbledTextLayer]

        /// By name, as the JSON sorts them.
        public static func < (a: Code, b: Code) -> Bool { a.rawValue < b.rawValue }
    }

    public init(code: Code, page: Int?, message: String) {
        self.code = code
        self.page = page
        self.message = message
    }
}
