import Foundation
import GazetteRecords
import GazetteTables

/// One document as a workbook (`--format xlsx`): an index sheet first, a
/// sheet per logical table (`TableSheet`), then a sheet per record type.
///
/// The index has a row per table (its sheet, linked; its id, title, pages,
/// rows × columns and unit) and then a row per record sheet (its type, the
/// pages its records come from, how many records and fields). Every sheet
/// has its header frozen, an autofilter and widths from its content.
public enum DocumentWorkbook {
    /// The index sheet's name.
    public static let indexName = "index"
    /// The index's columns.
    public static let indexColumns = ["sheet", "kind", "id", "title", "pages", "rows", "columns", "unit"]

    /// The workbook of a document's tables and records, `file` its PDF.
    public static func bytes(tables: [LogicalTable], records: [Record], file: String) throws -> [UInt8] {
        let workbook = Workbook()
        var names = SheetNames()
        let index = workbook.addSheet(named: names.claim(indexName))
        let recordSheets = RecordSheet.sheets(of: records, file: file)
        let recordNames = recordSheets.map { names.claim($0.type) }
        let tableSheets = tables.map(TableSheet.init)
        let tableNames = tableSheets.map { names.claim($0.wantedName, fallback: "p. \($0.pages)") }

        try index.append(indexColumns.map(ExportCell.text), role: .header)
        for (sheet, name) in zip(tableSheets, tableNames) {
            index.link(row: index.rowCount + 1, column: 0, toSheet: name)
            try index.append([
                .text(name), .text("table"), .text(sheet.table.id), sheet.table.title.map(ExportCell.text) ?? .null,
                .text(sheet.pages), .integer(sheet.table.rows.count), .integer(sheet.columnCount),
                sheet.unitWord.map(ExportCell.text) ?? .null,
            ])
        }
        for (sheet, name) in zip(recordSheets, recordNames) {
            let pages = records.filter { $0.type == sheet.type }.map(\.provenance.page)
            index.link(row: index.rowCount + 1, column: 0, toSheet: name)
            try index.append([
                .text(name), .text("records"), .text(sheet.type), .null, .text(PageList.compact(pages)),
                .integer(sheet.rows.count), .integer(sheet.columns.count), .null,
            ])
        }
        index.frozenRows = 1
        index.autoFilter = (headerRow: 1, columns: indexColumns.count)

        for (sheet, name) in zip(tableSheets, tableNames) {
            try sheet.write(to: workbook.addSheet(named: name))
        }
        for (sheet, name) in zip(recordSheets, recordNames) {
            try write(sheet, to: workbook.addSheet(named: name))
        }
        return try workbook.bytes()
    }

    /// A record sheet: a header row of field names, a row per record.
    static func write(_ records: RecordSheet, to sheet: Worksheet) throws {
        try RecordSheetLayout.start(sheet, columns: records.columns)
        for row in records.rows { try sheet.append(row) }
    }
}

/// How every sheet of records looks, a document's or a merge's: a header
/// row of field names, frozen, with an autofilter over every column.
enum RecordSheetLayout {
    static func start(_ sheet: Worksheet, columns: [String]) throws {
        try sheet.append(columns.map(ExportCell.text), role: .header)
        sheet.frozenRows = 1
        sheet.autoFilter = (headerRow: 1, columns: columns.count)
    }
}
