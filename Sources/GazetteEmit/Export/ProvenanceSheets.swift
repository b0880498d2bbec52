import Foundation
import GazetteRecords
import GazetteTables

/// The rows that say where merged records come from, the same in every
/// format of `gazette merge` (and of `--format sqlite`): a `documents` row
/// per document, a `tables` row per logical table, and the columns each
/// record row starts with.
public enum ProvenanceSheets {
    public static let documentsName = "documents"
    public static let tablesName = "tables"

    /// A column: its name and its SQL type.
    public typealias Column = (name: String, sqlType: String)

    /// A document: where its JSON was read from (`path`, null for one just
    /// extracted), its PDF (name, SHA-256, bytes, pages), what it is, the
    /// version that made it, how many tables and records it has.
    public static let documentColumns: [Column] = [
        ("path", "TEXT"), ("file", "TEXT NOT NULL"), ("sha256", "TEXT NOT NULL"), ("bytes", "INTEGER"),
        ("pages", "INTEGER"), ("kind", "TEXT"), ("title", "TEXT"), ("issuer", "TEXT"), ("date", "TEXT"),
        ("toolVersion", "TEXT"), ("tableCount", "INTEGER"), ("recordCount", "INTEGER"),
    ]

    public static func documentRow(_ contents: DocumentContents, path: String?) -> [ExportCell] {
        let source = contents.source, info = contents.document
        return [
            text(path), .text(source.file), .text(source.sha256), .integer(source.bytes), .integer(source.pages),
            .text(info.kind.rawValue), text(info.title), text(info.issuer), info.date.map(ExportCell.date) ?? .null,
            .text(contents.tool.version), .integer(contents.tables.count), .integer(contents.records.count),
        ]
    }

    /// A table: its document's PDF, its id, title, first page and pages,
    /// unit as printed, size, and header (one label per column, as a JSON
    /// array).
    public static let tableColumns: [Column] = [
        ("file", "TEXT"), ("sha256", "TEXT"), ("tableId", "TEXT NOT NULL"), ("title", "TEXT"), ("page", "INTEGER"),
        ("pages", "TEXT"), ("unit", "TEXT"), ("rowCount", "INTEGER"), ("columnCount", "INTEGER"), ("header", "TEXT"),
    ]

    public static func tableRow(_ table: LogicalTable, of contents: DocumentContents) -> [ExportCell] {
        let sheet = TableSheet(table)
        return recordProvenance(of: contents) + [
            .text(table.id), text(table.title), .integer(table.firstPage), .text(sheet.pages), text(table.unit),
            .integer(table.rows.count), .integer(sheet.columnCount),
            .text(JSONValue.array(table.header.map(JSONValue.string)).serialized()),
        ]
    }

    /// What every merged record row starts with: its PDF's name and SHA-256
    /// (the record's own `table`, `row` and `page` follow among its fields).
    public static let recordProvenanceColumns = ["file", "sha256"]

    public static func recordProvenance(of contents: DocumentContents) -> [ExportCell] {
        [.text(contents.source.file), .text(contents.source.sha256)]
    }

    static func text(_ s: String?) -> ExportCell { s.map(ExportCell.text) ?? .null }
}
