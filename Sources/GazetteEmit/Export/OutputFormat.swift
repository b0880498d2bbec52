import Foundation
import GazetteRecords

/// The output formats, one home for `gazette extract`, `gazette batch` and
/// `gazette merge`: each format's name, its file extension, whether one
/// document gives one file or several, whether it merges, and its bytes.
///
/// Every format starts from the validated JSON document (`json` in
/// `parts(of:json:)`): a document that does not match the schema is never
/// written in any format.
public enum OutputFormat: String, CaseIterable, Sendable, Codable {
    /// The whole document (default).
    case json
    /// One record per line, with its source file.
    case jsonl
    /// One file per record type and one per table.
    case csv
    /// One workbook: an index, a sheet per table, a sheet per record type.
    case xlsx
    /// One SQLite database: a table per record type, `documents`, `tables`.
    case sqlite

    /// What the format holds, for help texts.
    public var summary: String {
        switch self {
        case .json: return "the whole document"
        case .jsonl: return "one record a line"
        case .csv: return "one file per record type and per table"
        case .xlsx: return "one workbook: an index, a sheet per table and per record type"
        case .sqlite: return "one SQLite database, a table per record type"
        }
    }

    /// What the format holds when `gazette merge` writes it.
    public var mergeSummary: String {
        switch self {
        case .json: return "(not merged)"
        case .jsonl: return "one record a line, with its file and SHA-256"
        case .csv: return "one file per record type, plus documents and tables"
        case .xlsx: return "one workbook: documents, tables, a sheet per record type"
        case .sqlite: return "one SQLite database: a table per record type, documents, tables"
        }
    }

    /// The extension of its files, without the dot.
    public var fileExtension: String { rawValue }

    /// True when one document gives one file; false when it gives several
    /// (CSV: one per record type and per table), each a named part.
    public var isSingleFile: Bool { self != .csv }

    /// Whether it can go to standard output.
    public var streams: Bool { self == .json || self == .jsonl }

    /// Whether `gazette merge` writes it (all but `json`, the one document).
    public var merges: Bool { self != .json }

    /// The document in this format: one unnamed part for a single-file
    /// format; for CSV, one part per record type present, named by type
    /// (`trip`), then one per table, named by its id (`t3`). `json` gives
    /// the validated JSON document; every format calls it first, so nothing
    /// is written for an invalid document.
    public func parts(of document: GazetteDocument, json: () throws -> [UInt8]) throws -> [OutputPart] {
        let validated = try json()
        let file = document.source.file
        switch self {
        case .json: return [OutputPart(name: nil, bytes: validated)]
        case .jsonl: return [OutputPart(name: nil, bytes: try JSONLinesWriter.bytes(records: document.records, file: file))]
        case .xlsx:
            return [OutputPart(name: nil, bytes: try DocumentWorkbook.bytes(tables: document.tables, records: document.records, file: file))]
        case .csv:
            return RecordSheet.sheets(of: document.records, file: file).map {
                OutputPart(name: $0.type, bytes: CSVWriter.bytes($0))
            } + document.tables.map {
                OutputPart(name: $0.id, bytes: CSVWriter.bytes(rows: TableSheet($0).printedRows))
            }
        case .sqlite:
            return [OutputPart(name: nil, bytes: try RecordDatabase.bytes(of: DocumentContents(document)))]
        }
    }

    /// The input and version an existing output file was made from, when the
    /// format records them (JSON: `source.sha256`, `tool.version`); nil
    /// otherwise (a batch then goes by its report).
    public func provenance(ofOutputAt path: String) -> OutputProvenance? {
        guard self == .json, let data = FileManager.default.contents(atPath: path),
              let value = try? JSONValue(parsing: data),
              let sha = value["source"]?["sha256"]?.stringValue,
              let version = value["tool"]?["version"]?.stringValue else { return nil }
        return OutputProvenance(sha256: sha, toolVersion: version, pages: value["source"]?["pages"]?.intValue)
    }

    /// The names, for help and error texts: `json, jsonl, csv, xlsx, sqlite`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// One file of a document's output: `name` nil for the one file of a
/// single-file format, else the part's name (a record type, a table's id).
public struct OutputPart: Sendable, Hashable {
    public var name: String?
    public var bytes: [UInt8]
    public init(name: String?, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// What an existing output says it was made from: the input's SHA-256 and
/// the tool's version (and its page count, for a batch's report).
public struct OutputProvenance: Codable, Sendable, Hashable {
    public var sha256: String
    public var toolVersion: String
    public var pages: Int?

    public init(sha256: String, toolVersion: String, pages: Int?) {
        self.sha256 = sha256
        self.toolVersion = toolVersion
        self.pages = pages
    }
}
