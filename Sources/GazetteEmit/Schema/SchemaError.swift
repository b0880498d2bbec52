// Errors about schemas themselves (as opposed to instances that fail validation).

/// Why a schema could not be registered or compiled. The validator refuses what it cannot honour
/// rather than silently ignoring a constraint.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A keyword this validator does not implement (it might assert something).
    case unsupportedKeyword(String, location: String)
    /// A keyword whose value is not of the form the specification requires.
    case invalidKeywordValue(keyword: String, location: String, reason: String)
    /// A `$schema` other than the 2020-12 dialect.
    case unsupportedDialect(String, location: String)
    /// A `$ref` / `$dynamicRef` (or a validation target) that names no registered schema.
    case unresolvedReference(String, location: String)
    /// Schemas that apply each other in place without ever moving into the instance (an endless loop).
    case referenceCycle([String])
    /// Two different schemas claim the same URI.
    case duplicateURI(String)
    /// A schema registered with neither a URI nor a root `$id`.
    case missingURI
    /// A schema document that is not JSON.
    case invalidJSON(uri: String, String)
    /// A schema file that could not be read.
    case unreadable(String)

    public var description: String {
        switch self {
        case .unsupportedKeyword(let keyword, let location):
            return "unsupported schema keyword \"\(keyword)\" at \(location)"
        case .invalidKeywordValue(let keyword, let location, let reason):
            return "invalid value for \"\(keyword)\" at \(location): \(reason)"
        case .unsupportedDialect(let dialect, let location):
            return "unsupported $schema \"\(dialect)\" at \(location) (only \(SchemaRegistry.metaSchemaURI) is supported)"
        case .unresolvedReference(let reference, let location):
            return "cannot resolve reference \"\(reference)\" at \(location)"
        case .referenceCycle(let locations):
            return "schemas apply each other in place without consuming the instance: " + locations.joined(separator: " -> ")
        case .duplicateURI(let uri):
            return "a different schema is already registered as \(uri)"
        case .missingURI:
            return "a schema needs a URI or a root $id to be registered"
        case .invalidJSON(let uri, let message):
            return "schema \(uri) is not valid JSON: \(message)"
        case .unreadable(let path):
            return "cannot read schema file \(path)"
        }
    }
}
