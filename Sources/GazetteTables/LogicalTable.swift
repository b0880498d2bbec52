import GazetteRead

/// A table as the reader means it: one table even when it runs over pages,
/// its header rows apart from its body, repeated headers dropped, a row
/// broken by a page break joined, facing-page spreads joined side by side.
public struct LogicalTable: Sendable, Hashable {
    /// The pages the table is on, in order.
    public var pages: [Int]
    /// Its caption or the heading just above it (raw text).
    public var title: String?
    /// Its unit line (單位：新臺幣千元) or a unit in its title ((百萬元)), raw.
    public var unit: String?
    /// The header rows as printed (a merged cell's text in its first slot).
    public var headerRows: [[String]]
    /// The body rows (a merged cell's text in its first slot, "" in the others).
    public var rows: [[String]]
    /// Merged cells of the body, in body-row coordinates.
    public var spans: [Span]
    /// How the structure was found (of the first fragment).
    public var shape: PageTable.Shape
    /// The page of each body row (where the row starts).
    public var rowPages: [Int]
    /// Where the table is on its first page.
    public var firstBox: Rect

    /// A merged body cell.
    public struct Span: Sendable, Hashable {
        public var row: Int
        public var col: Int
        public var rowSpan: Int
        public var colSpan: Int
    }

    /// The header rows with each merged label repeated over every slot it
    /// covers (what `header` flattens).
    public var headerLabels: [[String]]

    /// One label per column: the header rows flattened top-down with "/"
    /// (旅費預算/交通費), a label merged down several rows given once.
    public var header: [String] {
        let columns = columnCount
        return (0..<columns).map { c in
            var parts: [String] = []
            for row in headerLabels where c < row.count {
                let label = row[c]
                if !label.isEmpty && parts.last != label { parts.append(label) }
            }
            return parts.joined(separator: "/")
        }
    }

    public init(pages: [Int], title: String?, unit: String?, headerRows: [[String]], rows: [[String]],
                spans: [Span], shape: PageTable.Shape, rowPages: [Int], firstBox: Rect, headerLabels: [[String]]) {
        self.pages = pages
        self.title = title
        self.unit = unit
        self.headerRows = headerRows
        self.rows = rows
        self.spans = spans
        self.shape = shape
        self.rowPages = rowPages
        self.firstBox = firstBox
        self.headerLabels = headerLabels
    }

    public var columnCount: Int { rows.first?.count ?? headerRows.first?.count ?? 0 }
}
