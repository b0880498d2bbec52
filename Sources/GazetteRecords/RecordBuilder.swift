import GazetteNormalise

/// A logical table as the records stage reads it: folded header and cells,
/// its title, unit and the lines above it, with the page of each row.
public struct RecordTable: Sendable, Hashable {
    /// A merged body cell (row indices into `rows`).
    public struct Span: Sendable, Hashable {
        public var row: Int
        public var col: Int
        public var rowSpan: Int
        public var colSpan: Int
        public init(row: Int, col: Int, rowSpan: Int, colSpan: Int) {
            self.row = row
            self.col = col
            self.rowSpan = rowSpan
            self.colSpan = colSpan
        }
    }

    /// The table's id in the document ("t3").
    public var id: String
    public var title: String?
    public var unit: String?
    public var header: [String]
    public var rows: [[String]]
    public var rowPages: [Int]
    public var spans: [Span]
    /// Running-text lines above the table (folded), nearest first: its
    /// caption, the heading it sits under, a day heading; lines of earlier
    /// pages follow those of its own page.
    public var linesAbove: [String]
    /// Running-text lines just below a one-page table (a note stating its
    /// unit), nearest first.
    public var linesBelow: [String]

    public init(id: String, title: String?, unit: String?, header: [String], rows: [[String]], rowPages: [Int],
                spans: [Span] = [], linesAbove: [String] = [], linesBelow: [String] = []) {
        self.id = id
        self.title = title
        self.unit = unit
        self.header = header
        self.rows = rows
        self.rowPages = rowPages
        self.spans = spans
        self.linesAbove = linesAbove
        self.linesBelow = linesBelow
    }

    /// The page row `index` starts on.
    public func page(ofRow index: Int) -> Int { index < rowPages.count ? rowPages[index] : (rowPages.last ?? 1) }

    /// The page the table starts on.
    public var firstPage: Int { rowPages.first ?? 1 }

    /// Number of columns.
    public var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }

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

/// A paragraph of running text (folded) and the page it is on.
public struct RunningParagraph: Sendable, Hashable {
    public var page: Int
    public var text: String
    public init(page: Int, text: String) {
        self.page = page
        self.text = text
    }
}

/// What recognisers know about the document besides the table itself.
public struct RecordContext: Sendable, Hashable {
    /// The document's (Gregorian) year, for dates printed without one.
    public var documentYear: Int?
    /// The document's date, for an agenda that prints no day of its own.
    public var documentDate: PartialDate?

    public init(documentYear: Int? = nil, documentDate: PartialDate? = nil) {
        self.documentYear = documentYear
        self.documentDate = documentDate
    }

    var dateContext: DateContext { DateContext(documentYear: documentYear) }
}

/// Turns tables into typed records: each recogniser matches tables by their
/// headers and context and reads their rows; tables no recogniser takes stay
/// in `tables` only. Trips told in running text are read from paragraphs.
public enum RecordBuilder {
    /// Records of every table, in table order, then trips from running text.
    public static func records(tables: [RecordTable], paragraphs: [RunningParagraph] = [], documentYear: Int?,
                               documentDate: PartialDate? = nil) -> [Record] {
        let context = RecordContext(documentYear: documentYear, documentDate: documentDate)
        var records: [Record] = []
        for table in tables {
            for recogniser in recognisers {
                let found = recogniser(table, context)
                if !found.isEmpty {
                    records += found
                    break
                }
            }
        }
        // Trips from running text go among the table records by page.
        for record in RunningTextTrips.records(in: paragraphs, context: context) {
            let index = records.firstIndex { $0.provenance.page > record.provenance.page } ?? records.count
            records.insert(record, at: index)
        }
        return records
    }

    /// A recogniser: the records of a table, or none when the table is not
    /// of its kind.
    typealias Recogniser = @Sendable (RecordTable, RecordContext) -> [Record]

    /// The recognisers, most specific first.
    static let recognisers: [Recogniser] = [
        ProposalFormReader.records,
        TripTableReader.records,
        ProposalListReader.records,
        FundingTableReader.records,
        ScheduleTableReader.records,
        StatisticTableReader.records,
    ]
}
