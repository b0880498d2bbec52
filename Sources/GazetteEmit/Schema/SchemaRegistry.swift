// Schema documents by URI, with their embedded resources ($id) and anchors indexed.

import Foundation

/// Schema documents held by absolute URI, with every embedded resource (`$id`) and anchor indexed,
/// so that `$ref`s between documents resolve. Relative URIs resolve against `baseURI`.
///
/// Base URI: a document is known by the URI it is registered under (resolved against
/// `baseURI`, by default `https://gazette.example/schemas/`) and, when its root has an
/// `$id`, by that `$id` resolved against the registration URI. Our schemas carry `$id`s like
/// `https://gazette.example/schemas/document.schema.json`, so `"$ref": "trip.schema.json"`
/// inside it means `https://gazette.example/schemas/trip.schema.json`; `registerDirectory`
/// registers each `x.schema.json` of `schemas/` as `<baseURI>x.schema.json`, which agrees.
/// The dialect meta-schema is preloaded under `https://json-schema.org/draft/2020-12/schema`.
public struct SchemaRegistry: Sendable {
    /// The base against which relative registration and lookup URIs resolve unless another is given.
    public static let defaultBaseURI = "https://gazette.example/schemas/"
    /// The JSON Schema 2020-12 dialect (and meta-schema) URI.
    public static let metaSchemaURI = MetaSchema.uri

    /// Where a schema sits: a document and an (escaped) JSON Pointer into it.
    struct Location: Hashable, Sendable {
        let document: Int
        let pointer: String
    }

    struct Document: Sendable {
        let uri: String
        let root: JSONValue
    }

    struct Resource: Sendable {
        let uri: String
        let location: Location
        var anchors: [String: Location] = [:]
        var dynamicAnchors: [String: Location] = [:]
    }

    /// The base URI in effect in a schema (after its own `$id`) and the resource it belongs to.
    struct SchemaInfo: Sendable {
        let base: String
        let resource: Int
        /// The schema itself (an object or a Boolean), so that the compiler
        /// need not walk the pointer from the document's root again.
        let value: JSONValue
    }

    /// The base for relative URIs given to this registry.
    public let baseURI: String
    private(set) var documents: [Document] = []
    private(set) var resources: [Resource] = []
    private(set) var resourceByURI: [String: Int] = [:]
    private(set) var schemaInfo: [Location: SchemaInfo] = [:]
    private(set) var locationsByDocument: [[Location]] = []

    /// An empty registry (apart from the meta-schema, unless `includeMetaSchema` is false).
    public init(baseURI: String = SchemaRegistry.defaultBaseURI, includeMetaSchema: Bool = true) {
        self.baseURI = baseURI
        if includeMetaSchema {
            do {
                let meta = try JSONValue(parsing: MetaSchema.text)
                try register(meta, uri: MetaSchema.uri)
            } catch {
                preconditionFailure("the built-in meta-schema does not load: \(error)")
            }
        }
    }

    /// All URIs a schema resource can be looked up by (registration URIs and `$id`s), sorted.
    public var uris: [String] { resourceByURI.keys.sorted() }

    /// `uri` resolved against `baseURI`, without an empty fragment.
    public func absoluteURI(_ uri: String) -> String {
        var resolved = URIReference(uri).resolved(against: URIReference(baseURI))
        if resolved.fragment == "" { resolved.fragment = nil }
        return resolved.text
    }

    /// True when a schema resource is known by `uri` (relative URIs resolve against `baseURI`).
    public func contains(_ uri: String) -> Bool {
        resourceByURI[absoluteURI(uri)] != nil
    }

    /// Registers a schema document under `uri` (resolved against `baseURI`) or, when nil, under its root `$id`.
    /// Returns the document's canonical URI (its `$id` if any). Throws on a URI already taken by a
    /// different schema, a missing URI, or a malformed `$id` / `$anchor`.
    @discardableResult
    public mutating func register(_ schema: JSONValue, uri: String? = nil) throws(SchemaError) -> String {
        let rootID = schema["$id"]?.stringValue
        guard let given = uri ?? rootID else { throw SchemaError.missingURI }
        let retrieval = URIReference(absoluteURI(given)).withoutFragment.text
        if let existing = documents.first(where: { $0.uri == retrieval }) {
            if existing.root == schema { return resources[resourceByURI[retrieval]!].uri }
            throw SchemaError.duplicateURI(retrieval)
        }
        var copy = self
        let canonical = try copy.index(schema, retrievalURI: retrieval)
        self = copy
        return canonical
    }

    /// Parses and registers a schema document (see `register(_:uri:)`).
    @discardableResult
    public mutating func register(data: Data, uri: String? = nil) throws(SchemaError) -> String {
        let schema: JSONValue
        do {
            schema = try JSONValue(parsing: data)
        } catch {
            throw SchemaError.invalidJSON(uri: uri ?? "(unnamed)", error.description)
        }
        return try register(schema, uri: uri)
    }

    /// Registers every `*.json` file under `directory` (recursively) as `<base><relative path>`,
    /// `base` defaulting to `baseURI`. Returns the canonical URIs, in path order.
    @discardableResult
    public mutating func registerDirectory(_ directory: URL, base: String? = nil) throws(SchemaError) -> [String] {
        var base = base ?? baseURI
        if !base.hasSuffix("/") { base += "/" }
        let root = directory.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw SchemaError.unreadable(root.path)
        }
        var files: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(root.path + "/") else { continue }
            files.append(String(path.dropFirst(root.path.count + 1)))
        }
        var registered: [String] = []
        for relative in files.sorted() {
            let url = root.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw SchemaError.unreadable(url.path) }
            registered.append(try register(data: data, uri: absoluteURI(base + relative)))
        }
        return registered
    }

    // MARK: - Indexing

    private mutating func index(_ root: JSONValue, retrievalURI: String) throws(SchemaError) -> String {
        let document = documents.count
        documents.append(Document(uri: retrievalURI, root: root))
        locationsByDocument.append([])
        let rootLocation = Location(document: document, pointer: "")
        // The root resource is known by its $id (if any) and by the retrieval URI.
        var rootURI = retrievalURI
        if let id = root["$id"]?.stringValue {
            rootURI = try resolveID(id, against: retrievalURI, at: rootLocation)
        }
        let rootResource = try addResource(rootURI, at: rootLocation)
        if rootURI != retrievalURI {
            guard resourceByURI[retrievalURI] == nil else { throw SchemaError.duplicateURI(retrievalURI) }
            resourceByURI[retrievalURI] = rootResource
        }
        try walk(root, pointer: "", document: document, base: rootURI, resource: rootResource, isResourceRoot: true)
        return rootURI
    }

    private func resolveID(_ id: String, against base: String, at location: Location) throws(SchemaError) -> String {
        var resolved = URIReference(id).resolved(against: URIReference(base))
        if let fragment = resolved.fragment {
            guard fragment.isEmpty else {
                throw SchemaError.invalidKeywordValue(keyword: "$id", location: describe(location),
                                                      reason: "an $id must not have a non-empty fragment")
            }
            resolved.fragment = nil
        }
        return resolved.text
    }

    private mutating func addResource(_ uri: String, at location: Location) throws(SchemaError) -> Int {
        if resourceByURI[uri] != nil { throw SchemaError.duplicateURI(uri) }
        resources.append(Resource(uri: uri, location: location))
        resourceByURI[uri] = resources.count - 1
        return resources.count - 1
    }

    /// Keywords whose value is one schema, an array of schemas, or an object of schemas.
    static let singleSchemaKeywords: Set<String> = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    ]
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "dependentSchemas"]

    private mutating func walk(_ value: JSONValue, pointer: String, document: Int, base: String, resource: Int,
                               isResourceRoot: Bool) throws(SchemaError) {
        let location = Location(document: document, pointer: pointer)
        guard case .object(let object) = value else {
            if case .bool = value {
                schemaInfo[location] = SchemaInfo(base: base, resource: resource, value: value)
                locationsByDocument[document].append(location)
            }
            return
        }
        var base = base
        var resource = resource
        if !isResourceRoot, let idValue = object["$id"] {
            guard case .string(let id) = idValue else {
                throw SchemaError.invalidKeywordValue(keyword: "$id", location: describe(location), reason: "must be a string")
            }
            base = try resolveID(id, against: base, at: location)
            resource = try addResource(base, at: location)
        }
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let anchorValue = object[keyword] else { continue }
            guard case .string(let name) = anchorValue, SchemaRegistry.isAnchorName(name) else {
                throw SchemaError.invalidKeywordValue(keyword: keyword, location: describe(location),
                                                      reason: "must be a plain name matching ^[A-Za-z_][-A-Za-z0-9._]*$")
            }
            if let existing = resources[resource].anchors[name], existing != location {
                throw SchemaError.invalidKeywordValue(keyword: keyword, location: describe(location),
                                                      reason: "anchor \"\(name)\" is already defined in \(resources[resource].uri)")
            }
            resources[resource].anchors[name] = location
            if keyword == "$dynamicAnchor" { resources[resource].dynamicAnchors[name] = location }
        }
        schemaInfo[location] = SchemaInfo(base: base, resource: resource, value: value)
        locationsByDocument[document].append(location)
        for (keyword, child) in object.members {
            let childPointer = pointer + "/" + JSONPointer.escape(keyword)
            if SchemaRegistry.singleSchemaKeywords.contains(keyword) {
                try walk(child, pointer: childPointer, document: document, base: base, resource: resource, isResourceRoot: false)
            } else if SchemaRegistry.schemaArrayKeywords.contains(keyword), case .array(let elements) = child {
                for (position, element) in elements.enumerated() {
                    try walk(element, pointer: childPointer + "/" + String(position), document: document, base: base,
                             resource: resource, isResourceRoot: false)
                }
            } else if SchemaRegistry.schemaMapKeywords.contains(keyword), case .object(let members) = child {
                for member in members.members {
                    try walk(member.value, pointer: childPointer + "/" + JSONPointer.escape(member.key), document: document,
                             base: base, resource: resource, isResourceRoot: false)
                }
            }
        }
    }

    static func isAnchorName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_")
        }
    }

    // MARK: - Lookups used by the compiler

    /// `uri#pointer` of a location, for messages.
    func describe(_ location: Location) -> String {
        documents[location.document].uri + "#" + URIReference.fragmentEncoded(location.pointer)
    }

    /// The value at a location.
    func value(at location: Location) -> JSONValue? {
        if let info = schemaInfo[location] { return info.value }
        return documents[location.document].root.value(at: location.pointer)
    }

    /// Resolves a reference (already made absolute) to a schema location.
    func locate(_ absolute: URIReference) -> Location? {
        guard let resourceIndex = resourceByURI[absolute.withoutFragment.text] else { return nil }
        let resource = resources[resourceIndex]
        let fragment = URIReference.percentDecoded(absolute.fragment ?? "")
        if fragment.isEmpty { return resource.location }
        if fragment.hasPrefix("/") {
            let location = Location(document: resource.location.document, pointer: resource.location.pointer + fragment)
            return schemaInfo[location] != nil ? location : nil
        }
        return resource.anchors[fragment]
    }

    /// The canonical URI of a resource.
    func resourceURI(_ index: Int) -> String { resources[index].uri }
    /// The root location of a resource.
    func resourceLocation(_ index: Int) -> Location { resources[index].location }
    /// The dynamic anchors of a resource.
    func dynamicAnchors(of index: Int) -> [String: Location] { resources[index].dynamicAnchors }
    /// Base URI and resource of an indexed schema location.
    func info(_ location: Location) -> SchemaInfo? { schemaInfo[location] }
    /// All indexed schema locations of a document, in walk order.
    func schemaLocations(inDocument document: Int) -> [Location] { locationsByDocument[document] }
}
