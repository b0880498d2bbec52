import GazetteNormalise
import GazetteRead

/// Lays out a document fed one page at a time, in page order.
///
/// Running headers and footers are found by comparing a page's top and
/// bottom bands with those of the `options.window` pages before and after
/// it, so `add(_:)` hands a page's layout back once `window` more pages have
/// come in (2 by default); `finish()` returns the pages still held back,
/// with the outline and table of contents. Memory stays bounded by the
/// window: the builder keeps the analyses of the pages it holds back and the
/// band text of the pages just before them, never the whole document (only
/// the outline, which is output, grows with it).
public struct DocumentLayoutBuilder: Sendable {
    /// What `finish()` returns.
    public struct Summary: Hashable, Sendable, Codable {
        /// The layouts of the last pages, not yet returned by `add(_:)`.
        public var remainingPages: [PageLayout]
        /// The numbered headings of the document, as a tree.
        public var outline: [OutlineEntry]
        /// Table-of-contents entries, in page order.
        public var contents: [ContentsEntry]
    }

    public let options: LayoutOptions
    private var pending: [PageAnalysis] = []
    private var history: [[BandLine]] = []
    private var collector = OutlineCollector()
    private var contents: [ContentsEntry] = []

    public init(options: LayoutOptions = LayoutOptions()) {
        self.options = options
    }

    /// Takes the next page; returns the layouts of the pages now decided
    /// (none while the window fills up, then one per page).
    public mutating func add(_ page: Page) -> [PageLayout] {
        pending.append(PageAnalysis(page: page, options: options))
        var out: [PageLayout] = []
        while pending.count > options.window {
            out.append(emit())
        }
        return out
    }

    /// Lays out the pages held back and returns them with the outline.
    public mutating func finish() -> Summary {
        var pages: [PageLayout] = []
        while !pending.isEmpty { pages.append(emit()) }
        return Summary(remainingPages: pages, outline: collector.outline(), contents: contents)
    }

    /// Lays out every page of a sequence: a convenience for small documents
    /// and tests (it holds all the layouts).
    public static func layout(_ pages: some Sequence<Page>, options: LayoutOptions = LayoutOptions())
        -> (pages: [PageLayout], summary: Summary) {
        var builder = DocumentLayoutBuilder(options: options)
        var out: [PageLayout] = []
        for page in pages { out += builder.add(page) }
        let summary = builder.finish()
        out += summary.remainingPages
        return (out, summary)
    }

    private mutating func emit() -> PageLayout {
        let analysis = pending.removeFirst()
        let neighbours = history + pending.prefix(options.window).map(\.bandLines)
        var furniture = analysis.pageNumberFurniture
        var repeatedBands: [BandLine] = []
        var bodyFields: [BandLine] = []
        for band in analysis.bandLines {
            let repeated = neighbours.contains { lines in
                lines.contains {
                    // Same text in the same band: at the same height, or
                    // anywhere in the band when the text is long enough not
                    // to repeat by chance (layouts shift the header block).
                    $0.top == band.top && $0.key == band.key
                        && (abs($0.y - band.y) <= max(3, 0.5 * band.size) || band.key.count >= 4)
                        // A block's numbered field (編號：1 on one page, 編號：4 on the next) is body text.
                        && !(band.numberedField && $0.digits != band.digits)
                }
            }
            if repeated {
                repeatedBands.append(band)
            } else if band.field {
                bodyFields.append(band)
            }
        }
        // Fields set right above or below a block's field that is body text
        // (類別：民政 beside 編號：5) are of the same block, repeated or not.
        var changed = true
        while changed {
            changed = false
            for (k, band) in repeatedBands.enumerated().reversed() where band.field
                && bodyFields.contains(where: { $0.top == band.top && abs($0.y - band.y) <= 2.5 * max($0.size, band.size) }) {
                bodyFields.append(repeatedBands.remove(at: k))
                changed = true
            }
        }
        for band in repeatedBands {
            let line = analysis.lines[band.line]
            furniture.append(Furniture(kind: band.top ? .header : .footer, line: band.line, text: line.text, box: line.box))
        }
        var layout = analysis.layout(furniture: furniture)
        // A running footer or header that ends in a number of its own
        // ("監察院公報………廉政專刊第73期 2") carries the page number.
        if layout.pageNumber == nil {
            for f in furniture where f.kind != .pageNumber {
                if let last = f.text.split(separator: " ").last, f.text.includes(" "),
                   let n = PageNumber.parse(String(last)), n.label.count <= 4 {
                    layout.pageNumber = n
                    break
                }
            }
        }
        collector.collect(&layout, isContentsPage: analysis.isContentsPage)
        contents += analysis.contents
        history.append(analysis.bandLines)
        if history.count > options.window { history.removeFirst() }
        return layout
    }
}
