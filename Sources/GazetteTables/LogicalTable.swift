import GazetteRead

/// A merged cell: its first row and column and how far it reaches, in the
/// header (`row` indexes `headerRows`) or the body (`row` indexes `rows`).
/// The one span type of the pipeline: the tables stage makes them, the
/// records stage reads them, the document carries them.
public struct TableSpan: Sendable, Hashable, Codable {
    public var row: Int
    public var col: Int
    public var rowSpan: Int
    public var colSpan: Int
    public var part: Part

    /// Which rows a span's `row` counts.
    public enum Part: String, Sendable, Hashable, Codable {
        case header, body
    }

    public init(row: Int, col: Int, rowSpan: Int, colSpan: Int, part: Part = .body) {
        self.row = row
        self.col = col
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.part = part
    }
}

/// A table as the reader means it: one table even when it runs over pages,
/// its header rows apart from its body, repeated headers dropped, a row
/// broken by a page break joined, facing-page spreads joined side by side.
///
/// The one table type downstream of the tables stage: `TableAssembler` closes
/// it with its text folded, its id, and the running-text lines around it;
/// the records stage reads it; the document's `tables` are these (encoded
/// as `id`, `title`, `pages`, `unit`, `header`, `rows`, `rowPages`, `spans`).
public struct LogicalTable: Sendable, Hashable {
    /// Its id in the document ("t3"), in the order tables close.
    public var id: String
    /// The pages the table is on, in order.
    public var pages: [Int]
    /// Its caption or the heading just above it.
    public var title: String?
    /// Its unit line (單位：新臺幣千元) or a unit in its title ((百萬元)).
    public var unit: String?
    /// The header rows as printed (a merged cell's text in its first slot).
    public var headerRows: [[String]]
    /// The body rows (a merged cell's text in its first slot, "" in the others).
    public var rows: [[String]]
    /// Merged cells of the body, in body-row coordinates (`headerSpans`
    /// gives the header's).
    public var spans: [TableSpan]
    /// How the structure was found (of the first fragment).
    public var shape: PageTable.Shape
    /// The page of each body row (where the row starts).
    public var rowPages: [Int]
    /// Where the table is on its first page.
    public var firstBox: Rect
    /// The header rows with each merged label repeated over every slot it
    /// covers (what `header` flattens).
    public var headerLabels: [[String]]
    /// Running-text lines above the table, nearest first: its caption, the
    /// heading it sits under, a day heading; lines of the two pages before
    /// follow those of its own page (at most 40).
    public var linesAbove: [String]
    /// Running-text lines just below a table that ends on the page it
    /// starts on (a note stating its unit), nearest first (at most 3).
    public var linesBelow: [String]

    public init(id: String = "", pages: [Int], title: String?, unit: String?, headerRows: [[String]], rows: [[String]],
                spans: [TableSpan], shape: PageTable.Shape, rowPages: [Int], firstBox: Rect, headerLabels: [[String]],
                linesAbove: [String] = [], linesBelow: [String] = []) {
        self.id = id
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
        self.linesAbove = linesAbove
        self.linesBelow = linesBelow
    }

    /// A table with a one-row header of `header` (flattened labels are kept
    /// as given): a table read back from a document's JSON, or made in a
    /// test. Its rows are on `rowPages` (default: all on page 1).
    public init(id: String, title: String? = nil, unit: String? = nil, header: [String], rows: [[String]],
                rowPages: [Int]? = nil, spans: [TableSpan] = [], linesAbove: [String] = [], linesBelow: [String] = []) {
        let rowPages = rowPages ?? rows.map { _ in 1 }
        var pages: [Int] = []
        for page in rowPages where !pages.contains(page) { pages.append(page) }
        self.init(id: id, pages: pages.isEmpty ? [1] : pages, title: title, unit: unit,
                  headerRows: header.isEmpty ? [] : [header], rows: rows, spans: spans, shape: .ruled,
                  rowPages: rowPages, firstBox: Rect(x0: 0, y0: 0, x1: 0, y1: 0),
                  headerLabels: header.isEmpty ? [] : [header], linesAbove: linesAbove, linesBelow: linesBelow)
    }

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

    /// The merged cells of the header, read from its two forms: a printed
    /// label (in `headerRows`) whose text `headerLabels` repeats over the
    /// empty slots to its right and below (各年度經費需求 over five year
    /// columns, 經費來源 over two rows).
    public var headerSpans: [TableSpan] {
        var out: [TableSpan] = []
        var covered = Set<[Int]>()
        for (r, row) in headerRows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty && !covered.contains([r, c]) {
                func sameLabel(_ rr: Int, _ cc: Int) -> Bool {
                    rr < headerRows.count && cc < headerRows[rr].count && headerRows[rr][cc].isEmpty
                        && rr < headerLabels.count && cc < headerLabels[rr].count && headerLabels[rr][cc] == headerLabels[r][c]
                        && !covered.contains([rr, cc])
                }
                guard r < headerLabels.count, c < headerLabels[r].count else { continue }
                var colSpan = 1
                while sameLabel(r, c + colSpan) { colSpan += 1 }
                var rowSpan = 1
                while (c..<(c + colSpan)).allSatisfy({ sameLabel(r + rowSpan, $0) }) { rowSpan += 1 }
                guard rowSpan > 1 || colSpan > 1 else { continue }
                for rr in r..<(r + rowSpan) { for cc in c..<(c + colSpan) { covered.insert([rr, cc]) } }
                out.append(TableSpan(row: r, col: c, rowSpan: rowSpan, colSpan: colSpan, part: .header))
            }
        }
        return out
    }

    /// Number of columns: the widest of the header and body rows.
    public var columnCount: Int {
        max(rows.map(\.count).max() ?? 0, headerLabels.map(\.count).max() ?? 0)
    }

    /// The page row `index` starts on.
    public func page(ofRow index: Int) -> Int {
        index >= 0 && index < rowPages.count ? rowPages[index] : (rowPages.last ?? pages.first ?? 1)
    }

    /// The page the table starts on.
    public var firstPage: Int { rowPages.first ?? pages.first ?? 1 }

    /// Cell text, "" outside the table.
    public func cell(_ row: Int, _ column: Int) -> String {
        guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else { return "" }
        return rows[row][column]
    }

    /// The rows with vertically merged cells filled in: a cell covered by a
    /// span above it repeats the span's text (非自償 for each of its sources).
    public var filledRows: [[String]] {
        var out = rows
        for span in spans where span.rowSpan > 1 {
            let text = cell(span.row, span.col)
            for r in span.row..<min(span.row + span.rowSpan, out.count) where span.col < out[r].count {
                if out[r][span.col].isEmpty { out[r][span.col] = text }
            }
        }
        return out
    }
}

extension LogicalTable: Codable {
    /// The JSON keys, in the order they are written.
    enum CodingKeys: String, CodingKey { case id, title, pages, unit, header, headerRows, rows, rowPages, spans }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(pages, forKey: .pages)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encode(header, forKey: .header)
        try c.encode(headerRows, forKey: .headerRows)
        try c.encode(rows, forKey: .rows)
        try c.encode(rowPages, forKey: .rowPages)
        try c.encode(headerSpans + spans.map { var s = $0; s.part = .body; return s }, forKey: .spans)
    }

    /// A table read back from a document: what the JSON holds (the header
    /// as one row of labels; where it lay on its page is not kept).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let spans = try c.decodeIfPresent([TableSpan].self, forKey: .spans) ?? []
        self.init(
            id: try c.decode(String.self, forKey: .id), title: try c.decodeIfPresent(String.self, forKey: .title),
            unit: try c.decodeIfPresent(String.self, forKey: .unit), header: try c.decode([String].self, forKey: .header),
            rows: try c.decode([[String]].self, forKey: .rows),
            rowPages: try c.decodeIfPresent([Int].self, forKey: .rowPages),
            spans: spans.filter { $0.part == .body })
        pages = try c.decode([Int].self, forKey: .pages)
        // The printed header and its merges: the labels repeated over what
        // each merged label covers.
        if let printed = try c.decodeIfPresent([[String]].self, forKey: .headerRows), !printed.isEmpty {
            headerRows = printed
            var labels = printed
            for span in spans where span.part == .header && span.row < printed.count && span.col < printed[span.row].count {
                let text = printed[span.row][span.col]
                for r in span.row..<min(span.row + span.rowSpan, labels.count) {
                    for col in span.col..<min(span.col + span.colSpan, labels[r].count) { labels[r][col] = text }
                }
            }
            headerLabels = labels
        }
    }
}
