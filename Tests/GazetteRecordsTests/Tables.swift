import GazetteNormalise
import GazetteRead
@testable import GazetteRecords
import GazetteTables

/// A table as the records stage reads it (folded header and cells). Every
/// test table is built here, so that a change of the records' input type
/// (to the tables stage's `LogicalTable`) touches this one function.
///
/// Rows start on page 3, two rows a page, unless `rowPages` says otherwise;
/// `spans` are merged body cells (row indices into `rows`); `linesAbove` and
/// `linesBelow` are the running-text lines around the table, nearest first;
/// `headerRows`, when given, replace `header`: a header printed over several
/// rows, `""` where a span covers.
func table(_ header: [String], _ rows: [[String]], id: String = "t1", title: String? = nil, unit: String? = nil,
           rowPages: [Int]? = nil, spans: [(row: Int, col: Int, rowSpan: Int, colSpan: Int)] = [],
           linesAbove: [String] = [], linesBelow: [String] = [], headerRows: [[String]]? = nil) -> LogicalTable {
    var t = LogicalTable(id: id, title: title, unit: unit, header: header, rows: rows,
                         rowPages: rowPages ?? rows.indices.map { 3 + $0 / 2 },
                         spans: spans.map { TableSpan(row: $0.row, col: $0.col, rowSpan: $0.rowSpan, colSpan: $0.colSpan) },
                         linesAbove: linesAbove, linesBelow: linesBelow)
    if let headerRows {
        t.headerRows = headerRows
        t.headerLabels = headerRows
    }
    return t
}

/// A key–value form as the tables stage gives it (`PageTable.Shape.keyValue`):
/// one column per label, one row per block, on `page`.
func keyValueTable(_ labels: [String], _ blocks: [[String]], id: String = "t1", title: String? = nil,
                   page: Int = 1) -> LogicalTable {
    LogicalTable(id: id, pages: [page], title: title, unit: nil, headerRows: [labels], rows: blocks, spans: [],
                 shape: .keyValue, rowPages: blocks.map { _ in page }, firstBox: Rect(x0: 0, y0: 0, x1: 0, y1: 0),
                 headerLabels: [labels])
}

/// What the readers know of the document: its year and date.
func context(year: Int? = nil, date: PartialDate? = nil) -> RecordContext {
    RecordContext(documentYear: year, documentDate: date)
}

/// The records of one kind.
extension Record {
    var trip: TripRecord? { if case .trip(let r) = self { return r } else { return nil } }
    var proposal: ProposalRecord? { if case .proposal(let r) = self { return r } else { return nil } }
    var proposalForm: ProposalFormRecord? { if case .proposalForm(let r) = self { return r } else { return nil } }
    var fundingLine: FundingLineRecord? { if case .fundingLine(let r) = self { return r } else { return nil } }
    var scheduleItem: ScheduleItemRecord? { if case .scheduleItem(let r) = self { return r } else { return nil } }
    var statistic: StatisticRecord? { if case .statistic(let r) = self { return r } else { return nil } }
    var form: FormRecord? { if case .form(let r) = self { return r } else { return nil } }
}
