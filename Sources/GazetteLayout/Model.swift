import GazetteNormalise
import GazetteRead

// The layout stage's output types. Everything here is a value type: a
// `PageLayout` can be handed to another thread, compared in tests or dropped
// as soon as the next stage has read it.
//
// How the pieces relate:
// - `PageLayout.lines` are the page's text lines. A `TextLine` is one
//   *segment*: a run of glyphs along one baseline with no wide gap and no
//   ruling inside it. A visual line that a table or a two-column layout cuts
//   into pieces is several `TextLine`s with the same `row`.
// - `PageLayout.blocks` group the lines of the text flow into paragraphs,
//   in reading order. Furniture (running headers, footers, page numbers)
//   and watermarks are not in any block.
// - Every line keeps the indices of its glyphs in `Page.glyphs`, so later
//   stages can go back to fonts, colours and boxes.

/// Which way a line of text runs on the page, and so how its lines stack.
public enum TextDirection: String, Hashable, Sendable, Codable, CaseIterable {
    /// Left to right; lines stack downwards.
    case horizontal
    /// Vertical writing (upright glyphs, top to bottom); columns stack right to left.
    case vertical
    /// Rotated 90° counter-clockwise: runs bottom to top; lines stack left to right.
    case rotatedUp
    /// Rotated 90° clockwise: runs top to bottom; lines stack right to left.
    case rotatedDown
    /// Rotated 180°: runs right to left; lines stack upwards.
    case upsideDown
}

/// One segment of a text line: glyphs along one baseline, in reading
/// order, with no wide gap and no ruling between them.
public struct TextLine: Hashable, Sendable, Codable {
    /// The text, spaced: one space where the gap between two glyphs of a
    /// Latin word or number is wide, none between touching CJK glyphs.
    /// Raw characters as the PDF maps them (no width or compatibility folding).
    public var text: String
    /// The union of the glyph boxes.
    public var box: Rect
    public var direction: TextDirection
    /// Indices into `Page.glyphs`, in reading order. Whitespace glyphs are
    /// not included (they only count as evidence of a gap).
    public var glyphs: [Int]
    /// The most common font size of the glyphs, in points.
    public var fontSize: Double
    /// The most common font (index into `Page.fonts`).
    public var font: Int
    /// Most glyphs are bold: a bold font name, or drawn bold by the producer
    /// (overprinted, or filled and stroked).
    public var isBold: Bool
    /// Most glyphs have watermark-like paint (light or mostly transparent).
    public var isFaint: Bool
    /// Segments of the same visual line (same baseline, same direction)
    /// share a row number. Rows are numbered from 0 in the order the lines
    /// stack (down the page; right to left for vertical writing), the
    /// horizontal rows first, then those of each other direction.
    public var row: Int
    /// The ruled region (index into `PageLayout.regions`) the line sits in,
    /// or nil outside every region.
    public var region: Int?

    public init(text: String, box: Rect, direction: TextDirection = .horizontal, glyphs: [Int] = [],
                fontSize: Double, font: Int = 0, isBold: Bool = false, isFaint: Bool = false,
                row: Int = 0, region: Int? = nil) {
        self.text = text
        self.box = box
        self.direction = direction
        self.glyphs = glyphs
        self.fontSize = fontSize
        self.font = font
        self.isBold = isBold
        self.isFaint = isFaint
        self.row = row
        self.region = region
    }
}

/// What a block is in the text flow.
public enum BlockKind: String, Hashable, Sendable, Codable {
    /// Running text: a paragraph, a table cell's text, a caption ...
    case paragraph
    /// A numbered heading accepted into the document outline (set by
    /// `DocumentLayoutBuilder`; a lone page analysis never sets it).
    case heading
    /// An entry of a table of contents (title, dot leader, page number).
    case contents
}

/// A paragraph: consecutive lines of the same direction, size and weight,
/// evenly spaced, with no ruling between them. A numbered line (一、, (1) ...)
/// always starts a new block.
public struct TextBlock: Hashable, Sendable, Codable {
    /// Indices into `PageLayout.lines`, in reading order.
    public var lines: [Int]
    /// The lines' text joined: nothing between lines where CJK meets the
    /// break, one space between Latin words.
    public var text: String
    public var box: Rect
    public var direction: TextDirection
    /// Font size of the first line.
    public var fontSize: Double
    public var isBold: Bool
    /// The ruled region the block sits in (see `PageLayout.regions`).
    public var region: Int?
    public var kind: BlockKind
    /// The outline number the block starts with, when it starts with one
    /// (whether or not the builder accepted it as a heading).
    public var marker: OutlineMarker?

    public init(lines: [Int], text: String, box: Rect, direction: TextDirection = .horizontal,
                fontSize: Double, isBold: Bool = false, region: Int? = nil,
                kind: BlockKind = .paragraph, marker: OutlineMarker? = nil) {
        self.lines = lines
        self.text = text
        self.box = box
        self.direction = direction
        self.fontSize = fontSize
        self.isBold = isBold
        self.region = region
        self.kind = kind
        self.marker = marker
    }
}

/// Page furniture: text that belongs to the page, not to the document's flow.
public struct Furniture: Hashable, Sendable, Codable {
    /// What the furniture is.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A page number ("5", "- 5 -", "第 5 頁", "5/12", "1-2", "iv" ...).
        case pageNumber
        /// Repeated text at the top of neighbouring pages.
        case header
        /// Repeated text at the bottom of neighbouring pages.
        case footer
    }
    public var kind: Kind
    /// Index into `PageLayout.lines`.
    public var line: Int
    public var text: String
    public var box: Rect

    public init(kind: Kind, line: Int, text: String, box: Rect) {
        self.kind = kind
        self.line = line
        self.text = text
        self.box = box
    }
}

/// A page number as printed on the page.
public struct PageNumber: Hashable, Sendable, Codable {
    /// The number without its decoration: "5" for "- 5 -" or "第 5 頁",
    /// "1-7" for a chapter-page number, "(0801)-167", "iv".
    public var label: String
    /// The page's own number within the label: 5 for "第 5 頁，共 12 頁",
    /// 7 for "1-7", 4 for "iv"; nil when none can be read.
    public var value: Int?

    public init(label: String, value: Int?) {
        self.label = label
        self.value = value
    }
}

/// Glyphs drawn at a slant (neither horizontal nor at a right angle) or
/// large and faint: watermarks and stamps, kept out of the text flow.
public struct Watermark: Hashable, Sendable, Codable {
    public var text: String
    public var box: Rect
    /// Baseline direction in degrees, counter-clockwise.
    public var angle: Double
    /// Indices into `Page.glyphs`, in content-stream order.
    public var glyphs: [Int]

    public init(text: String, box: Rect, angle: Double, glyphs: [Int]) {
        self.text = text
        self.box = box
        self.angle = angle
        self.glyphs = glyphs
    }
}

/// An entry of a table of contents: a title, a dot leader and a page reference.
public struct ContentsEntry: Hashable, Sendable, Codable {
    /// The entry's text before the leader, numbering included ("1、施政及預算重點說明").
    public var title: String
    /// The page reference as printed ("1-6", "43", "12－13").
    public var pageLabel: String
    /// The (1-based) page of the PDF the entry is printed on.
    public var page: Int

    public init(title: String, pageLabel: String, page: Int) {
        self.title = title
        self.pageLabel = pageLabel
        self.page = page
    }

    /// Whether a line is the title of a table of contents: 目次, 目錄,
    /// 目录, one ending so (本期目次, 總目錄), letter-spaced or not (目　　次),
    /// Contents, Table of Contents.
    public static func isTitle(_ text: String) -> Bool {
        let t = CharacterClass.removingSpaces(text).lowercased()
        return t.hasSuffix("目次") || t.hasSuffix("目錄") || t.hasSuffix("目录") || t == "contents" || t == "tableofcontents"
    }
}

/// The layout of one page: its lines, its paragraphs in reading order, its
/// furniture and watermarks, with the rulings and images passed through.
public struct PageLayout: Hashable, Sendable, Codable {
    /// 1-based page number in the PDF.
    public var number: Int
    public var width: Double
    public var height: Double
    /// The direction most of the page's text runs in.
    public var direction: TextDirection
    /// Every text line (segment) of the page, furniture included, ordered by
    /// row and then along the row.
    public var lines: [TextLine]
    /// The text flow in reading order (furniture and watermarks left out).
    public var blocks: [TextBlock]
    public var furniture: [Furniture]
    /// The printed page number, when one was found.
    public var pageNumber: PageNumber?
    public var watermarks: [Watermark]
    /// Areas enclosed by rulings (bordered tables, boxes), top to bottom.
    /// Lines and blocks inside one carry its index.
    public var regions: [Rect]
    /// Table-of-contents entries found on the page.
    public var contents: [ContentsEntry]
    public var rulings: [Ruling]
    public var images: [Rect]

    public init(number: Int, width: Double, height: Double, direction: TextDirection = .horizontal,
                lines: [TextLine] = [], blocks: [TextBlock] = [], furniture: [Furniture] = [],
                pageNumber: PageNumber? = nil, watermarks: [Watermark] = [], regions: [Rect] = [],
                contents: [ContentsEntry] = [], rulings: [Ruling] = [], images: [Rect] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.direction = direction
        self.lines = lines
        self.blocks = blocks
        self.furniture = furniture
        self.pageNumber = pageNumber
        self.watermarks = watermarks
        self.regions = regions
        self.contents = contents
        self.rulings = rulings
        self.images = images
    }

    /// The text flow: the blocks' text in reading order, one per line.
    public var text: String { blocks.map(\.text).joined(separator: "\n") }
}
