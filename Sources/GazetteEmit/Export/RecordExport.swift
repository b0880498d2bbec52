import Foundation
import GazetteRecords

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
    public static func files(for document: GazetteDocument, format: OutputFormat, output: String?,
                             json: @autoclosure () throws -> [UInt8]) throws -> [ExportFile] {
        let file = document.source.file
        let stem = file.lowercased().hasSuffix(".pdf") ? String(file.dropLast(4)) : file
        guard let output else {
            guard format.streams else {
                throw ExportError(message: "--format \(format.rawValue) writes files: give -o DIR or -o BASE")
            }
            return try format.parts(of: document, json: json).map { ExportFile(path: nil, bytes: $0.bytes) }
        }
        var isDirectory: ObjCBool = false
        let asDirectory = output.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
        let base = asDirectory ? (output as NSString).appendingPathComponent(stem) : output
        let parts = try format.parts(of: document, json: json)
        if format.isSingleFile {
            let path = asDirectory ? base + "." + format.fileExtension : output
            return parts.map { ExportFile(path: path, bytes: $0.bytes) }
        }
        let suffix = "." + format.fileExtension
        let partBase = !asDirectory && base.lowercased().hasSuffix(suffix) ? String(base.dropLast(suffix.count)) : base
        return parts.map { ExportFile(path: "\(partBase).\($0.name ?? "part")\(suffix)", bytes: $0.bytes) }
    }
}
