import Foundation
import GazetteRecords
import GazetteTables

/// What the exports read of a document: the program that made it, its
/// source PDF, what it is, its tables and its records. `gazette merge`
/// decodes this much of each document's JSON and skips the rest (pages,
/// outline, dates, warnings).
public struct DocumentContents: Sendable, Decodable {
    public var tool: ToolInfo
    public var source: Source
    public var document: DocumentInfoBlock
    public var tables: [LogicalTable]
    public var records: [Record]

    public init(_ document: GazetteDocument) {
        tool = document.tool
        source = document.source
        self.document = document.document
        tables = document.tables
        records = document.records
    }

    /// The document a JSON file holds, or an error naming `path` and saying
    /// what is wrong with it.
    public static func read(_ data: Data, path: String) throws -> DocumentContents {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw ExportError(message: "\(path): not a gazette document: not JSON (\(error))")
        }
        do {
            // Our decoder keeps the JSON's member order (a form's fields as printed).
            return try JSONValueDecoder().decode(DocumentContents.self, from: value)
        } catch let error as DecodingError {
            throw ExportError(message: "\(path): not a gazette document: \(Self.describe(error))")
        } catch {
            throw ExportError(message: "\(path): not a gazette document: \(error.localizedDescription)")
        }
    }

    /// A decoding error in a few words: where, and what.
    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(at(context.codingPath)) has no “\(key.stringValue)”"
        case .valueNotFound(let type, let context):
            return "\(at(context.codingPath)) is null, not \(type)"
        case .typeMismatch(let type, let context):
            return "\(at(context.codingPath)) is not \(type)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.localizedDescription
            return context.codingPath.isEmpty ? "not JSON (\(underlying ?? context.debugDescription))"
                : "\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
