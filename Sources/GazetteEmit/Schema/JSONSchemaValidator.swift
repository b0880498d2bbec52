// Public face of the JSON Schema 2020-12 validator.

import Foundation

/// One failed assertion: where in the instance, which schema keyword, and why.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer to the failing value in the instance ("" is the whole document).
    public let instanceLocation: String
    /// The schema location as a keyword path from the validation root, through any `$ref`s
    /// (e.g. "/properties/trips/items/$ref/required").
    public let keywordLocation: String
    /// The failing keyword's absolute location: schema resource URI plus JSON Pointer fragment.
    public let absoluteKeywordLocation: String
    /// The failing keyword ("type", "required", ...; "" when a `false` schema rejects the value).
    public let keyword: String
    /// A human-readable explanation.
    public let message: String
    /// For `anyOf` / `oneOf` / `propertyNames`: the errors of the subschemas that did not match.
    public let causes: [ValidationError]

    public init(instanceLocation: String, keywordLocation: String, absoluteKeywordLocation: String, keyword: String,
                message: String, causes: [ValidationError] = []) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
        self.causes = causes
    }

    /// `"<instance pointer>: <message> [<keyword location>]"`, "/" standing for the document root.
    public var description: String {
        "\(instanceLocation.isEmpty ? "/" : instanceLocation): \(message) [\(keywordLocation.isEmpty ? "/" : keywordLocation)]"
    }
}

/// Thrown by `JSONSchemaValidator.check` when an instance does not conform: all its errors.
public struct SchemaValidationFailure: Error, Sendable, CustomStringConvertible {
    /// The schema URI validated against.
    public let schemaURI: String
    /// Every error found, in document order.
    public let errors: [ValidationError]

    /// One line per error, each error's causes indented below it.
    public var description: String {
        var lines = ["instance does not conform to \(schemaURI) (\(errors.count) error\(errors.count == 1 ? "" : "s")):"]
        func add(_ error: ValidationError, depth: Int) {
            lines.append(String(repeating: "  ", count: depth) + error.description)
            for cause in error.causes { add(cause, depth: depth + 1) }
        }
        for error in errors { add(error, depth: 1) }
        return lines.joined(separator: "\n")
    }
}

/// A schema compiled for validation (references resolved, patterns compiled); immutable and thread-safe.
public struct CompiledSchema: Sendable {
    /// The absolute URI of the schema.
    public let uri: String
    let program: CompiledProgram

    /// True when `instance` conforms.
    public func isValid(_ instance: JSONValue) -> Bool {
        run(instance, report: false).valid
    }

    /// Every error of `instance`, in document order (a value's own errors before those inside it);
    /// empty when it conforms.
    public func validate(_ instance: JSONValue) -> [ValidationError] {
        if isValid(instance) { return [] }
        return run(instance, report: true).errors
    }

    /// Evaluates on this thread within a modest stack budget; a document too deep for that is
    /// evaluated again on a thread with a large stack, and one too deep even for that (or a schema
    /// recursing without end through `$dynamicRef`) is reported invalid, never a crash.
    private func run(_ instance: JSONValue, report: Bool) -> (valid: Bool, errors: [ValidationError]) {
        let result = CompiledSchema.evaluate(program, instance, report: report, budget: Evaluator.callerStackBudget)
        if let result { return result }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let program = self.program
        let thread = Thread {
            box.result = CompiledSchema.evaluate(program, instance, report: report, budget: Evaluator.largeStackBudget)
            done.signal()
        }
        thread.stackSize = Evaluator.largeStackSize
        thread.start()
        done.wait()
        if let result = box.result { return result }
        let error = ValidationError(
            instanceLocation: "", keywordLocation: "", absoluteKeywordLocation: program.absoluteLocation(program.root),
            keyword: "", message: "evaluation nested too deeply to finish (the instance is extremely deep, or the schema "
                + "recurses through $dynamicRef without moving into the instance)")
        return (false, [error])
    }

    /// One evaluation; nil when the stack budget ran out.
    private static func evaluate(_ program: CompiledProgram, _ instance: JSONValue, report: Bool, budget: Int)
        -> (valid: Bool, errors: [ValidationError])?
    {
        var evaluator = Evaluator(program: program, stackBudget: budget)
        var unused = Evaluated()
        let valid = evaluator.evaluate(program.root, instance, report: report, collect: false, into: &unused)
        if evaluator.outOfStack { return nil }
        return (valid, report ? evaluator.errorsInDocumentOrder() : [])
    }

    private final class ResultBox: @unchecked Sendable {  // written by one thread, read after it signals
        var result: (valid: Bool, errors: [ValidationError])?
    }
}

/// A JSON Schema draft 2020-12 validator over the schemas of a `SchemaRegistry`.
/// Schemas are compiled once per URI (on first use) and cached; the validator is thread-safe.
///
/// Supported keywords (`supportedKeywords`), each passing its whole official test-suite file:
/// - core: `$schema` (2020-12 only), `$id`, `$ref`, `$defs`, `$anchor`, `$dynamicRef`,
///   `$dynamicAnchor`, `$comment`; Boolean schemas; remote references to registered documents;
/// - applicators: `allOf`, `anyOf`, `oneOf`, `not`, `if` / `then` / `else`, `dependentSchemas`,
///   `prefixItems`, `items`, `contains`, `properties`, `patternProperties`,
///   `additionalProperties`, `propertyNames`, `unevaluatedItems`, `unevaluatedProperties`;
/// - validation: `type`, `enum`, `const`, `multipleOf`, `maximum`, `exclusiveMaximum`,
///   `minimum`, `exclusiveMinimum`, `maxLength`, `minLength` (code points), `pattern`
///   (ECMA-262, Unicode), `maxItems`, `minItems`, `uniqueItems`, `maxContains`, `minContains`,
///   `maxProperties`, `minProperties`, `required`, `dependentRequired`;
/// - annotations only (accepted, never asserted): `title`, `description`, `default`,
///   `examples`, `deprecated`, `readOnly`, `writeOnly`, `format`, `contentEncoding`,
///   `contentMediaType`, `contentSchema`.
/// Any other keyword (including `$vocabulary`, and the pre-2019 `definitions` / `dependencies`)
/// makes compilation throw `SchemaError.unsupportedKeyword`, so no constraint is silently ignored.
public final class JSONSchemaValidator: @unchecked Sendable {  // the cache is guarded by `lock`
    /// Every keyword the validator accepts (see the type's documentation).
    public static let supportedKeywords: Set<String> = [
        "$schema", "$id", "$ref", "$defs", "$anchor", "$dynamicRef", "$dynamicAnchor", "$comment",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
        "prefixItems", "items", "contains", "properties", "patternProperties", "additionalProperties",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties",
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired",
        "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "format", "contentEncoding", "contentMediaType", "contentSchema",
    ]

    /// Of `supportedKeywords`, those that only annotate and never make an instance invalid.
    public static let annotationKeywords: Set<String> = [
        "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "format", "contentEncoding", "contentMediaType", "contentSchema",
    ]

    /// The schemas this validator sees (a snapshot taken at initialisation).
    public let registry: SchemaRegistry
    private var cache: [String: CompiledSchema] = [:]
    private let lock = NSLock()

    /// A validator over `registry`'s schemas.
    public init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// The compiled schema at `uri` (relative URIs resolve against the registry's base), compiling it
    /// on first use. Throws `SchemaError` for unknown keywords, malformed values or unresolved references.
    public func schema(_ uri: String) throws(SchemaError) -> CompiledSchema {
        let absolute = registry.absoluteURI(uri)
        lock.lock()
        if let cached = cache[absolute] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let compiled = CompiledSchema(uri: absolute, program: try SchemaCompiler.compile(registry, uri: absolute))
        lock.lock()
        cache[absolute] = compiled
        lock.unlock()
        return compiled
    }

    /// Every error of `instance` against the schema at `uri`; empty when it conforms.
    public func validate(_ instance: JSONValue, against uri: String) throws(SchemaError) -> [ValidationError] {
        try schema(uri).validate(instance)
    }

    /// True when `instance` conforms to the schema at `uri`.
    public func isValid(_ instance: JSONValue, against uri: String) throws(SchemaError) -> Bool {
        try schema(uri).isValid(instance)
    }

    /// Throws `SchemaValidationFailure` (with every error) unless `instance` conforms to the schema at `uri`;
    /// throws `SchemaError` if the schema itself is unusable.
    public func check(_ instance: JSONValue, against uri: String) throws {
        let compiled = try schema(uri)
        let errors = compiled.validate(instance)
        if !errors.isEmpty { throw SchemaValidationFailure(schemaURI: compiled.uri, errors: errors) }
    }
}
