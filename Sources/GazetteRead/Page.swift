import GazetteNormalise

/// One character as the PDF draws it: its Unicode text, box, font and paint.
///
/// Glyphs keep content-stream order. `text` is usually one character; a
/// ligature or an ActualText span can give more than one.
public struct Glyph: Hashable, Sendable {
    /// The character(s) the glyph stands for, as the PDF's font maps them,
    /// before any normalisation.
    public var text: String
    /// The glyph's box on the page (from the font's ascent/descent and advance).
    public var box: Rect
    /// Index into `Page.fonts`.
    public var font: Int
    /// Font size in points, as rendered (text matrix and CTM applied).
    public var size: Double
    /// Direction of the baseline in degrees, counter-clockwise from
    /// left-to-right: 0 for normal text, 90 for text running up the page.
    public var angle: Double
    /// The fill colour as 0xRRGGBB.
    public var color: UInt32
    /// Fill opacity, 0...1.
    public var opacity: Double
    /// Text render mode 3 (invisible), as in the OCR layer of a scan.
    public var isInvisible: Bool
    /// Drawn with a vertical (Identity-V style) font.
    public var isVertical: Bool
    /// Emboldened by the producer rather than by the font: drawn a second
    /// time over itself (the copy is dropped) or filled and stroked.
    public var isFakeBold: Bool
    /// Recognised by OCR from an image of the page, with the engine's
    /// confidence (0...100); nil for a glyph the PDF draws as text.
    public var ocrConfidence: Double?

    public init(text: String, box: Rect, font: Int = 0, size: Double, angle: Double = 0,
                color: UInt32 = 0, opacity: Double = 1, isInvisible: Bool = false,
                isVertical: Bool = false, isFakeBold: Bool = false, ocrConfidence: Double? = nil) {
        self.text = text
        self.box = box
        self.font = font
        self.size = size
        self.angle = angle
        self.color = color
        self.opacity = opacity
        self.isInvisible = isInvisible
        self.isVertical = isVertical
        self.isFakeBold = isFakeBold
        self.ocrConfidence = ocrConfidence
    }

    /// True when the glyph was recognised by OCR rather than drawn as text.
    public var isOCR: Bool { ocrConfidence != nil }

    /// True when the glyph is lighter than mid-grey or mostly transparent:
    /// the paint of watermarks and stamps.
    public var isFaint: Bool {
        let r = Double((color >> 16) & 0xFF), g = Double((color >> 8) & 0xFF), b = Double(color & 0xFF)
        let luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255
        return opacity < 0.5 || luminance > 0.72
    }
}

/// A glyph the PDF draws with no Unicode mapping in its font: no text,
/// only where it is, in which font and at what size.
public struct UnmappedGlyph: Hashable, Sendable {
    public var box: Rect
    /// Index into `Page.fonts`.
    public var font: Int
    public var size: Double

    public init(box: Rect, font: Int, size: Double) { (self.box, self.font, self.size) = (box, font, size) }
}

/// A font used on a page.
public struct FontInfo: Hashable, Sendable, Codable {
    /// The font's name as the PDF gives it (subset prefix kept), or "" when unnamed.
    public var name: String
    public init(name: String) { self.name = name }

    /// True when the name suggests a bold face.
    public var isBold: Bool {
        let n = name.lowercased()
        return n.includes("bold") || n.includes("black") || n.includes("heavy") || n.includes(",bd")
    }
}

/// A straight horizontal or vertical segment drawn on the page: a table
/// border, an underline, a rule.
///
/// Producers draw them either as stroked paths or, like Word, as thin filled
/// rectangles; both end up here as the same kind of segment.
public struct Ruling: Hashable, Sendable, Codable {
    /// Which way the segment runs.
    public enum Orientation: String, Hashable, Sendable, Codable { case horizontal, vertical }
    /// How the producer drew it.
    public enum Source: String, Hashable, Sendable, Codable { case stroke, filledRect }

    public var orientation: Orientation
    /// For a horizontal ruling its y; for a vertical one its x.
    public var position: Double
    /// Start and end along the ruling (x for horizontal, y for vertical), start <= end.
    public var start: Double
    public var end: Double
    /// Line width or rectangle thickness, in points.
    public var thickness: Double
    public var source: Source
    /// The paint colour as 0xRRGGBB.
    public var color: UInt32

    public init(orientation: Orientation, position: Double, start: Double, end: Double,
                thickness: Double, source: Source = .stroke, color: UInt32 = 0) {
        self.orientation = orientation
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
        self.thickness = thickness
        self.source = source
        self.color = color
    }

    public var length: Double { end - start }

    /// The segment's box on the page (with its thickness).
    public var box: Rect {
        let h = thickness / 2
        switch orientation {
        case .horizontal: return Rect(x0: start, y0: position - h, x1: end, y1: position + h)
        case .vertical: return Rect(x0: position - h, y0: start, x1: position + h, y1: end)
        }
    }
}

/// One page of a PDF as the read stage sees it: size, rotation, glyphs,
/// rulings, images.
public struct Page: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Size in points of the page as displayed (crop box, rotation applied).
    public var width: Double
    public var height: Double
    /// The page's /Rotate, in degrees (0, 90, 180, 270).
    public var rotation: Int
    public var glyphs: [Glyph]
    public var fonts: [FontInfo]
    public var rulings: [Ruling]
    /// Boxes of the images drawn on the page (not decoded).
    public var images: [Rect]
    /// Filled rectangles too large to be rulings (cell shading, boxes).
    public var filledBoxes: [Rect]
    /// Problems poppler reported while reading this page.
    public var problems: [String]
    /// Glyphs drawn with no Unicode mapping (left out of `glyphs`).
    public var unmappedGlyphs: Int
    /// Where those of them that are on the page were drawn, and in which font.
    public var unmapped: [UnmappedGlyph]
    /// The text of the page that is not language (glyphs without Unicode,
    /// foreign scripts, private use, custom-encoding punctuation,
    /// implausible ideographs), per font and run; nil when the text layer
    /// is sound (see `GarbledTextDetector`). On a page read by OCR, what
    /// the PDF's text layer had (its `runs` then empty).
    public var garbledText: GarbledText?
    /// Character collections (`Adobe-CNS1`, `Adobe-Japan1` …) of fonts on
    /// the page whose CMap or CID-to-Unicode table is not installed
    /// (Debian's poppler-data): their text could not be decoded, so the
    /// page may have text that is missing from `glyphs`.
    public var missingLanguagePacks: [String]
    /// Text-showing operators whose font could not be loaded (for want of
    /// a language pack, or a broken font resource): text the page has that
    /// is missing from `glyphs`.
    public var undecodedTextRuns: Int
    /// How the page was read by OCR, when it was (its glyphs and rulings
    /// then come from an image of the page).
    public var ocr: OCRInfo?

    public init(number: Int, width: Double, height: Double, rotation: Int = 0,
                glyphs: [Glyph] = [], fonts: [FontInfo] = [], rulings: [Ruling] = [],
                images: [Rect] = [], filledBoxes: [Rect] = [], problems: [String] = [],
                unmappedGlyphs: Int = 0, missingLanguagePacks: [String] = [],
                undecodedTextRuns: Int = 0, unmapped: [UnmappedGlyph] = [], garbledText: GarbledText? = nil) {
        self.number = number
        self.width = width
        self.height = height
        self.rotation = rotation
        self.glyphs = glyphs
        self.fonts = fonts
        self.rulings = rulings
        self.images = images
        self.filledBoxes = filledBoxes
        self.problems = problems
        self.unmappedGlyphs = unmappedGlyphs
        self.missingLanguagePacks = missingLanguagePacks
        self.undecodedTextRuns = undecodedTextRuns
        self.unmapped = unmapped
        self.garbledText = garbledText
    }

    /// True when the PDF carries text on the page (visible, or the
    /// invisible OCR layer of a scan): at least one glyph that is not
    /// whitespace and was not recognised by our OCR, or text that could not
    /// be decoded (a page whose text we lost is never reported as having none).
    public var hasTextLayer: Bool {
        if let ocr { return ocr.textLayer != .none }
        return undecodedTextRuns > 0 || glyphs.contains { !$0.isOCR && $0.text.contains { !$0.isWhitespace } }
    }

    /// The raw glyph text of the page in content-stream order (no spacing).
    public var rawText: String { glyphs.map(\.text).joined() }
}

/// How a page was read by OCR.
public struct OCRInfo: Hashable, Sendable, Codable {
    /// The OCR engine and its version ("tesseract", "5.3.0").
    public var engine: String
    public var version: String
    /// Tesseract's language codes, in the order given ("chi_tra", "eng").
    public var languages: [String]
    /// Resolution the page was rendered at.
    public var dpi: Int
    /// Mean confidence of the recognised characters, 0...100 (0 when none).
    public var meanConfidence: Double
    /// Characters recognised.
    public var characters: Int
    /// Degrees the image was turned clockwise to stand upright (0, 90, 180, 270).
    public var turned: Int
    /// Degrees of skew corrected.
    public var deskewed: Double
    /// How the page was read: across (lines), or as vertical writing
    /// (columns top to bottom, right to left; its glyphs are vertical).
    public var writing: Writing
    /// What became of the PDF's own text on the page.
    public var textLayer: TextLayer
    /// Why the page was read by OCR.
    public var reason: Reason

    /// Why a page was read by OCR.
    public enum Reason: String, Hashable, Sendable, Codable {
        /// It has no text layer and draws an image over a tenth of it or more (a scan).
        case noTextLayer
        /// A scanned image with a few characters of text over it.
        case stampedScan
        /// Its text layer, or the text of some of its fonts, is not language
        /// (`Page.garbledText`).
        case garbledTextLayer
        /// `--ocr force`.
        case forced
    }

    /// The writing direction a page was read in.
    public enum Writing: String, Hashable, Sendable, Codable {
        case horizontal
        case vertical
    }

    /// The PDF's own text on a page read by OCR.
    public enum TextLayer: String, Hashable, Sendable, Codable {
        /// The page has none: every glyph is from OCR.
        case none
        /// A few glyphs over a scanned image (a page number, a file stamp):
        /// kept, and OCR's glyphs added for the image.
        case kept
        /// Replaced by OCR's glyphs (`--ocr force`, or a page whose text is
        /// mostly not language).
        case setAside
        /// The glyphs that are not language (`Page.garbledText`) replaced
        /// by OCR's glyphs in their area; the sound ones kept.
        case partlyReplaced
    }

    public init(engine: String, version: String, languages: [String], dpi: Int, meanConfidence: Double,
                characters: Int, turned: Int = 0, deskewed: Double = 0, writing: Writing = .horizontal,
                textLayer: TextLayer = .none, reason: Reason = .noTextLayer) {
        self.writing = writing
        self.engine = engine
        self.version = version
        self.languages = languages
        self.dpi = dpi
        self.meanConfidence = meanConfidence
        self.characters = characters
        self.turned = turned
        self.deskewed = deskewed
        self.textLayer = textLayer
        self.reason = reason
    }
}

/// Document metadata from the PDF's Info dictionary.
public struct DocumentInfo: Hashable, Sendable, Codable {
    public var title: String?
    public var producer: String?
    public var creator: String?
    public var author: String?
    public var pageCount: Int
    public var isEncrypted: Bool

    public init(title: String? = nil, producer: String? = nil, creator: String? = nil,
                author: String? = nil, pageCount: Int, isEncrypted: Bool = false) {
        self.title = title
        self.producer = producer
        self.creator = creator
        self.author = author
        self.pageCount = pageCount
        self.isEncrypted = isEncrypted
    }
}
