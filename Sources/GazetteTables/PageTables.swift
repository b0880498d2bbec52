import GazetteLayout
import GazetteRead

/// The tables of one page and the glyphs they took, and so which of the
/// page's text is running text: the tables stage's answer for one page.
///
/// Ruled tables are found from the page alone (`init(page:)`), as soon as it
/// is read; tables without a full grid need the page's layout
/// (`addAligned(layout:page:)`).
public struct PageTables: Sendable {
    /// The page's tables, top to bottom.
    public private(set) var tables: [PageTable]
    /// Indices (into `page.glyphs`) of the glyphs that went into cells.
    public private(set) var usedGlyphs: Set<Int>

    /// The ruled tables of `page`; `facing`, the page before's tables (a
    /// spread's right page takes the rows of its left page's entries).
    public init(page: Page, facing: PageTables? = nil) {
        let found = RuledTableDetector.detect(on: page, facing: facing?.tables ?? [])
        tables = found.tables
        usedGlyphs = found.usedGlyphs
    }

    /// Adds the tables drawn without a full grid (aligned columns, header
    /// rules only), found in the page's layout outside the ruled tables.
    public mutating func addAligned(layout: PageLayout, page: Page) {
        if let contents = ContentsTable.table(layout: layout, page: page, taken: usedGlyphs) {
            tables.append(contents.table)
            usedGlyphs.formUnion(contents.glyphs)
        }
        let aligned = AlignedTableDetector.detect(layout: layout, page: page, taken: usedGlyphs)
        tables = (tables + aligned.tables).sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        usedGlyphs.formUnion(aligned.usedGlyphs)
    }

    /// True when most of a line's glyphs are in a table: a table's text,
    /// not running text.
    public func contains(_ line: TextLine) -> Bool {
        let used = line.glyphs.filter { usedGlyphs.contains($0) }.count
        return used * 2 > line.glyphs.count
    }

    /// True when most lines of a block are table lines.
    public func contains(_ block: TextBlock, in layout: PageLayout) -> Bool {
        let inTables = block.lines.filter { $0 < layout.lines.count && contains(layout.lines[$0]) }.count
        return inTables * 2 > block.lines.count
    }

    /// The page's running-text lines (not furniture, not in a table): the
    /// context the assembler reads captions, unit lines and headings from.
    public func runningLines(of layout: PageLayout) -> [TableContextLine] {
        let furniture = Set(layout.furniture.map(\.line))
        let headers = Set(layout.furniture.filter { $0.kind == .header }.map(\.line))
        return layout.lines.enumerated().compactMap { index, line in
            if contains(line) { return nil }
            if headers.contains(index) { return TableContextLine(text: line.text, box: line.box, isFurniture: true) }
            return furniture.contains(index) ? nil : TableContextLine(text: line.text, box: line.box)
        }
    }
}
