import Foundation

/// Validates gazette documents against the schemas shipped in the binary
/// (the document schema and the record schemas it references).
public final class DocumentValidator: Sendable {
    /// One validator for the process: schemas are compiled once, on first use.
    public static let shared: DocumentValidator = {
        do {
            return try DocumentValidator()
        } catch {
            // The embedded schemas are part of the program: if they do not
            // compile, every output would be unchecked. Stop loudly.
            fatalError("gazette's own schemas do not compile: \(error)")
        }
    }()

    /// Why a file could not be validated at all.
    public enum FileError: LocalizedError {
        /// The file could not be read.
        case unreadable(path: String, reason: String)
        /// The file is not JSON.
        case notJSON(path: String, reason: String)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
            case .notJSON(let path, let reason): return "\(path): not JSON: \(reason)"
            }
        }
    }

    private let validator: JSONSchemaValidator

    /// Registers every embedded schema and compiles the document schema.
    public init() throws {
        var registry = SchemaRegistry(baseURI: SchemaLibrary.baseURI, includeMetaSchema: false)
        for file in SchemaLibrary.files {
            _ = try registry.register(data: Data(file.text.utf8))
        }
        validator = JSONSchemaValidator(registry: registry)
        _ = try validator.schema(SchemaLibrary.documentSchemaURI)
    }

    /// Every schema error of `document` (empty when valid).
    public func validate(_ document: JSONValue) -> [ValidationError] {
        // The schema compiled in init, so this cannot throw a SchemaError.
        (try? validator.validate(document, against: SchemaLibrary.documentSchemaURI)) ?? []
    }

    /// Every schema error of `value` against the schema at `uri` (a fragment
    /// of one of ours, e.g. the items of the document's `pages`).
    public func validate(_ value: JSONValue, against uri: String) -> [ValidationError] {
        do {
            return try validator.schema(uri).validate(value)
        } catch {
            return [ValidationError(instanceLocation: "", keywordLocation: "", absoluteKeywordLocation: uri,
                                    keyword: "$ref", message: "schema \(uri) is unusable: \(error)", causes: [])]
        }
    }

    /// The compiled schema at `uri` (compiled once, then cached).
    public func compiledSchema(_ uri: String) throws -> CompiledSchema {
        try validator.schema(uri)
    }

    /// Validates a record against its type's schema ("trip", …).
    public func validate(record: JSONValue, type: String) throws -> [ValidationError] {
        try validator.validate(record, against: SchemaLibrary.baseURI + type + ".schema.json")
    }

    /// Problems of the JSON file at `path`, one line each (empty when valid).
    public func validate(fileAt path: String) throws(FileError) -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw .notJSON(path: path, reason: error.description)
        }
        return validate(value).map(\.description)
    }
}
