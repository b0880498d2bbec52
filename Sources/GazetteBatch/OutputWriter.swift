import Foundation
import Gazette

/// What an existing output says it was made from: the input's SHA-256 and
/// the tool's version (and its page count, for the report).
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

/// Turns one document into the bytes of one output file (`--format`); register
/// a writer in `OutputFormats.all`. The worker writes the bytes atomically.
public protocol OutputWriter: Sendable {
    /// The `--format` name ("json").
    var format: String { get }
    /// The output file's extension, without the dot ("json").
    var fileExtension: String { get }
    /// The output's bytes. `extractor.serialise` gives the validated JSON.
    func encode(_ document: GazetteDocument, extractor: Extractor, pretty: Bool) throws -> [UInt8]
    /// The input and version an existing output was made from, when the
    /// format records them (nil otherwise: the batch then goes by its report).
    func provenance(ofOutputAt path: String) -> OutputProvenance?
}

/// The output formats a batch can write.
public enum OutputFormats {
    /// Every writer, by `--format` name. Add a format here.
    public static let all: [any OutputWriter] = [JSONOutputWriter(), JSONLinesOutputWriter(), XLSXOutputWriter()]

    /// The writer for `--format name`.
    public static func writer(named name: String) -> (any OutputWriter)? {
        all.first { $0.format == name }
    }

    /// The names, for help texts.
    public static var names: [String] { all.map(\.format) }
}

/// The document as validated JSON, as `gazette extract` writes it.
public struct JSONOutputWriter: OutputWriter {
    public init() {}
    public var format: String { "json" }
    public var fileExtension: String { "json" }

    public func encode(_ document: GazetteDocument, extractor: Extractor, pretty: Bool) throws -> [UInt8] {
        try extractor.serialise(document, pretty: pretty)
    }

    /// Reads `tool.version`, `source.sha256` and `source.pages` of the document.
    public func provenance(ofOutputAt path: String) -> OutputProvenance? {
        guard let data = FileManager.default.contents(atPath: path),
              let value = try? JSONValue(parsing: data),
              let sha = value["source"]?["sha256"]?.stringValue,
              let version = value["tool"]?["version"]?.stringValue else { return nil }
        return OutputProvenance(sha256: sha, toolVersion: version, pages: value["source"]?["pages"]?.intValue)
    }
}

/// The document's records, one a line, as `gazette extract --format jsonl`
/// writes them (each record with its source file first). The format keeps
/// no hash of its input: a later run goes by the report's entry (output
/// size and modification time) to tell whether it is up to date.
public struct JSONLinesOutputWriter: OutputWriter {
    public init() {}
    public var format: String { "jsonl" }
    public var fileExtension: String { "jsonl" }

    public func encode(_ document: GazetteDocument, extractor: Extractor, pretty: Bool) throws -> [UInt8] {
        // The whole document is validated first, as for JSON.
        _ = try extractor.serialise(document, pretty: false)
        return try JSONLinesWriter.bytes(records: document.records, file: document.source.file)
    }

    public func provenance(ofOutputAt path: String) -> OutputProvenance? { nil }
}

/// The document's records as one XLSX workbook, a sheet per record type, as
/// `gazette extract --format xlsx` writes it.
public struct XLSXOutputWriter: OutputWriter {
    public init() {}
    public var format: String { "xlsx" }
    public var fileExtension: String { "xlsx" }

    public func encode(_ document: GazetteDocument, extractor: Extractor, pretty: Bool) throws -> [UInt8] {
        _ = try extractor.serialise(document, pretty: false)
        return XLSXWriter.bytes(RecordSheet.sheets(of: document.records, file: document.source.file))
    }

    public func provenance(ofOutputAt path: String) -> OutputProvenance? { nil }
}
