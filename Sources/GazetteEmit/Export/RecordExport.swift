import Foundation
import GazetteRecords

/// The output formats of `gazette extract`.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// The whole document (default).
    case json
    /// One record per line, with its source file.
    case jsonl
    /// One file per record type.
    case csv
    /// One workbook, one sheet per record type.
    case xlsx

    /// Whether the format can go to standard output.
    public var streams: Bool { self == .json || self == .jsonl }
}

/// Where an export goes and what it holds: one output file (or standard
/// output, `path` nil) per entry.
public struct ExportFile: Sendable {
    public var path: String?
    public var bytes: [UInt8]
    public init(path: String?, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Why an export cannot be made.
public struct ExportError: LocalizedError, Sendable {
    public var message: String
    public var errorDescription: String? { message }
}

/// Turns a document into the files of an output format.
///
/// Naming, with `-o OUT`:
/// - OUT an existing directory (or ending in "/"): `OUT/<stem>.json`,
///   `OUT/<stem>.jsonl`, `OUT/<stem>.<type>.csv` per record type,
///   `OUT/<stem>.xlsx`, where `<stem>` is the PDF's name without `.pdf`;
/// - otherwise OUT is the file; for CSV it is the base name and each type
///   gets `OUT.<type>.csv` (a trailing `.csv` of OUT is dropped first).
/// Without `-o`, JSON and JSON Lines go to standard output; CSV and XLSX
/// need `-o`. CSV writes files only for the record types present.
public enum RecordExport {
    public static func files(for document: GazetteDocument, format: ExportFormat, output: String?,
                             json: @autoclosure () throws -> [UInt8]) throws -> [ExportFile] {
        let file = document.source.file
        let stem = file.lowercased().hasSuffix(".pdf") ? String(file.dropLast(4)) : file
        guard let output else {
            guard format.streams else {
                throw ExportError(message: "--format \(format.rawValue) writes files: give -o DIR or -o BASE")
            }
            return [ExportFile(path: nil, bytes: try bytes(document, format: format, json: json)[0].bytes)]
        }
        var isDirectory: ObjCBool = false
        let asDirectory = output.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
        let base = asDirectory ? (output as NSString).appendingPathComponent(stem) : output
        switch format {
        case .json, .jsonl, .xlsx:
            let path = asDirectory ? base + "." + format.rawValue : output
            return [ExportFile(path: path, bytes: try bytes(document, format: format, json: json)[0].bytes)]
        case .csv:
            let csvBase = !asDirectory && base.lowercased().hasSuffix(".csv") ? String(base.dropLast(4)) : base
            return RecordSheet.sheets(of: document.records, file: file).map {
                ExportFile(path: "\(csvBase).\($0.type).csv", bytes: CSVWriter.bytes($0))
            }
        }
    }

    /// The bytes of a format (for CSV, one entry per record type).
    static func bytes(_ document: GazetteDocument, format: ExportFormat, json: () throws -> [UInt8]) throws -> [ExportFile] {
        let file = document.source.file
        switch format {
        case .json: return [ExportFile(path: nil, bytes: try json())]
        case .jsonl: return [ExportFile(path: nil, bytes: try JSONLinesWriter.bytes(records: document.records, file: file))]
        case .xlsx: return [ExportFile(path: nil, bytes: XLSXWriter.bytes(RecordSheet.sheets(of: document.records, file: file)))]
        case .csv:
            return RecordSheet.sheets(of: document.records, file: file).map { ExportFile(path: $0.type, bytes: CSVWriter.bytes($0)) }
        }
    }
}
