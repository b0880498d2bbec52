import Foundation
import GazetteNormalise
import GazetteRecords
import GazetteTables

/// A logical table as a spreadsheet shows it: its title on the first row,
/// its unit as printed on the second, then its header rows as printed and
/// its body; merged cells where the document's `spans` are (header and
/// body); figures as numbers, dashes as empty cells, other cells as text.
public struct TableSheet: Sendable {
    /// The row (1-based) of the title, of the unit line, of the first header row.
    public static let titleRow = 1, unitRow = 2, headerStart = 3

    public let table: LogicalTable
    /// The widest row of header and body.
    public let columnCount: Int

    public init(_ table: LogicalTable) {
        self.table = table
        columnCount = max(table.columnCount, table.headerRows.map(\.count).max() ?? 0)
    }

    /// The first body row (1-based).
    public var bodyStart: Int { Self.headerStart + table.headerRows.count }

    /// The unit's word (千元, 百萬元, 件), or the unit line as printed when
    /// it states no unit we know; nil for a table without a unit.
    public var unitWord: String? { UnitText.tableUnitWord(table.unit) ?? table.unit }

    /// The pages, as ranges: `3-5`, `7, 9`.
    public var pages: String { PageList.compact(table.pages) }

    /// What the title row says: the caption, or the table's id and pages.
    public var titleText: String { table.title ?? "\(table.id) · p. \(pages)" }

    /// The sheet's name before it is made unique: the caption, or the pages.
    public var wantedName: String { table.title ?? "p. \(pages)" }

    /// The table's merged cells, as the document's `spans` give them:
    /// the header's, then the body's.
    public var spans: [TableSpan] { table.headerSpans + table.spans.map { var s = $0; s.part = .body; return s } }

    /// The cells as printed: the header rows, then the body, each row as
    /// wide as the table (what its CSV file holds).
    public var printedRows: [[String]] {
        (table.headerRows + table.rows).map { row in
            row.count >= columnCount ? row : row + Array(repeating: "", count: columnCount - row.count)
        }
    }

    /// A body cell for a spreadsheet: a figure as a number, a dash or an
    /// empty cell as nothing, anything else as its text.
    public static func cell(_ text: String) -> ExportCell {
        switch CellFigure.parse(text) {
        case .dash: return .null
        case .number(let value, let decimals, let percent): return .figure(value, decimals: decimals, percent: percent)
        case nil: return CharacterClass.isBlank(text) ? .null : .text(text)
        }
    }

    /// Header words of columns that hold dates, periods or codes: their
    /// cells stay text (114.10 is October of ROC 114, not 114.1).
    static let textColumnWords = ["期間", "日期", "年月", "時間", "期別", "代碼", "代號", "編號", "電話"]

    /// The columns whose cells are all kept as printed, so each column has
    /// one type for pandas: a column whose header names dates, periods or
    /// codes, and one that mixes text with decimal figures (預計前往期間:
    /// 114.08-114.09 beside 114.05, which as a figure would read 114.05).
    public var textColumns: Set<Int> { textColumns(of: table.rows.map { $0.map(Self.cell) }) }

    /// `textColumns` for the body's cells as `cell` reads them.
    func textColumns(of body: [[ExportCell]]) -> Set<Int> {
        let header = table.header
        var out = Set<Int>()
        for c in 0..<columnCount {
            let label = c < header.count ? header[c] : ""
            if Self.textColumnWords.contains(where: label.contains) {
                out.insert(c)
                continue
            }
            var text = false, decimal = false
            for row in body where c < row.count {
                switch row[c] {
                case .text: text = true
                case .figure(_, let decimals, _) where decimals > 0: decimal = true
                default: break
                }
            }
            if text && decimal { out.insert(c) }
        }
        return out
    }

    /// Writes the table as `sheet`'s rows: frozen above the body, an
    /// autofilter on the last header row, widths from the cells (a cell
    /// merged across columns does not widen the first of them).
    public func write(to sheet: Worksheet) throws {
        precondition(sheet.rowCount == 0, "a table starts its sheet")
        try sheet.append([.text(titleText)], role: .title, measured: false)
        try sheet.append(table.unit.map { [.text($0)] } ?? [], measured: false)
        let spans = spans
        var wide: Set<[Int]> = []  // [part, row, column] of cells merged across columns
        for span in spans where span.colSpan > 1 { wide.insert([span.part == .header ? 0 : 1, span.row, span.col]) }
        for (r, row) in table.headerRows.enumerated() {
            let cells = row.map { CharacterClass.isBlank($0) ? ExportCell.null : .text($0) }
            for (c, cell) in cells.enumerated() where !wide.contains([0, r, c]) { sheet.widths.measure(cell, column: c) }
            try sheet.append(cells, role: .header, measured: false)
        }
        let body = table.rows.map { $0.map(Self.cell) }
        let textColumns = textColumns(of: body)
        for (r, row) in table.rows.enumerated() {
            let cells = zip(row, body[r]).enumerated().map { c, pair -> ExportCell in
                if textColumns.contains(c), case .figure = pair.1 { return .text(pair.0) }
                return pair.1
            }
            for (c, cell) in cells.enumerated() where !wide.contains([1, r, c]) { sheet.widths.measure(cell, column: c) }
            try sheet.append(cells, measured: false)
        }
        for span in spans {
            let first = (span.part == .header ? Self.headerStart : bodyStart) + span.row
            let rowLimit = span.part == .header ? table.headerRows.count : table.rows.count
            // Clipped to the table: a span never reaches past its part.
            let lastRow = first + min(span.rowSpan, rowLimit - span.row) - 1
            let lastColumn = min(span.col + span.colSpan, columnCount) - 1
            guard span.row >= 0, span.row < rowLimit, span.col >= 0, span.col <= lastColumn else { continue }
            sheet.merge(rows: first...lastRow, columns: span.col...lastColumn)
        }
        if !table.headerRows.isEmpty {
            sheet.frozenRows = bodyStart - 1
            sheet.autoFilter = (headerRow: bodyStart - 1, columns: columnCount)
        }
    }
}
