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
    public static let all: [any OutputWriter] = [JSONOutputWriter(), JSONLinesOutputWriter()]

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

/// The document's records, one a line, `{"source":{file,sha256,pages,tool},"record":{…}}`,
/// each as in the validated JSON document (an empty file when there are none).
public struct JSONLinesOutputWriter: OutputWriter {
    public init() {}
    public var format: String { "jsonl" }
    public var fileExtension: String { "jsonl" }

    public func encode(_ document: GazetteDocument, extractor: Extractor, pretty: Bool) throws -> [UInt8] {
        // Validates the whole document first, as for JSON.
        let validated = try extractor.serialise(document, pretty: false)
        let value = try JSONValue(parsing: Data(validated))
        let source: JSONValue = [
            "file": .string(document.source.file), "sha256": .string(document.source.sha256),
            "pages": .int(document.source.pages), "tool": .string(document.tool.version),
        ]
        var bytes: [UInt8] = []
        for record in value["records"]?.arrayValue ?? [] {
            let line: JSONValue = ["source": source, "record": record]
            bytes += Array(line.serializedData(.compact))
            bytes.append(0x0A)
        }
        return bytes
    }

    /// From the first line, when there is one.
    public func provenance(ofOutputAt path: String) -> OutputProvenance? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line = Data()
        while let chunk = try? handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
            if let newline = chunk.firstIndex(of: 0x0A) {
                line += chunk[chunk.startIndex..<newline]
                break
            }
            line += chunk
        }
        guard let value = try? JSONValue(parsing: line), let source = value["source"],
              let sha = source["sha256"]?.stringValue, let version = source["tool"]?.stringValue else { return nil }
        return OutputProvenance(sha256: sha, toolVersion: version, pages: source["pages"]?.intValue)
    }
}
