// Turns registered schema documents into a flat program of compiled nodes.
//
// Every schema location reachable from the validation target (and every other schema in the
// documents it touches) becomes one `CompiledNode`; references become node indices, so they
// are resolved once, and patterns are compiled once. Unknown keywords, malformed keyword
// values, unresolvable references and in-place reference cycles are refused here.

import Foundation

/// The JSON types a `type` keyword admits.
struct TypeMask: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeMask(rawValue: 1)
    static let boolean = TypeMask(rawValue: 2)
    static let integer = TypeMask(rawValue: 4)
    static let number = TypeMask(rawValue: 8)
    static let string = TypeMask(rawValue: 16)
    static let array = TypeMask(rawValue: 32)
    static let object = TypeMask(rawValue: 64)

    static let names: [(String, TypeMask)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]

    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .number(let number): return contains(.number) || (contains(.integer) && number.isInteger)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }
}

/// One compiled keyword; subschemas are node indices into the program.
enum Keyword: Sendable {
    case type(TypeMask, names: [String])
    case enumeration([JSONValue])
    case constant(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])])
    case ref(Int)
    case dynamicRef(Int, anchor: String?)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(String, Int)])
    case prefixItems([Int])
    case items(Int, from: Int)
    case contains(Int, min: Int, max: Int?)
    case properties(ExactKeyTable<Int>)
    case patternProperties([(ECMARegex, Int)])
    case additionalProperties(Int, known: ExactKeyTable<Bool>, patterns: [ECMARegex])
    case propertyNames(Int)
    case unevaluatedProperties(Int)
    case unevaluatedItems(Int)
}

/// A compiled schema's header; trivially copyable (its keywords live in the program's flat list).
struct CompiledNode: Sendable {
    /// For Boolean schemas, the verdict; nil for object schemas.
    let verdict: Bool?
    /// Positions of the schema's keywords in `CompiledProgram.keywords`.
    let keywords: Range<Int>
    /// The registry resource (nearest `$id`) the schema belongs to; used for the dynamic scope.
    let resource: Int
    /// Has `unevaluatedProperties` / `unevaluatedItems`, so needs annotations from its other keywords.
    let tracksEvaluation: Bool
}

/// A compiled schema: immutable, shareable between threads.
final class CompiledProgram: Sendable {
    let nodes: [CompiledNode]
    /// Every node's keywords, node after node.
    let keywords: [Keyword]
    /// Per node, its pointer relative to its resource's root;
    /// `absoluteLocation(_:)` makes the `resource-uri#pointer` of an error
    /// report from it (only errors need it, so it is not made for every node).
    let relativePointers: [String]
    /// The canonical URI of each resource the nodes belong to.
    let resourceURIs: [Int: String]
    /// Resource -> `$dynamicAnchor` name -> node.
    let dynamicAnchors: [Int: [String: Int]]
    let root: Int

    init(nodes: [CompiledNode], keywords: [Keyword], relativePointers: [String],
         resourceURIs: [Int: String], dynamicAnchors: [Int: [String: Int]], root: Int) {
        self.nodes = nodes
        self.keywords = keywords
        self.relativePointers = relativePointers
        self.resourceURIs = resourceURIs
        self.dynamicAnchors = dynamicAnchors
        self.root = root
    }

    /// `resource-uri#pointer` of a node, for error reports.
    func absoluteLocation(_ node: Int) -> String {
        Self.absoluteLocation(resourceURI: resourceURIs[nodes[node].resource] ?? "", pointer: relativePointers[node])
    }

    /// `resource-uri#pointer`, the pointer fragment-encoded.
    static func absoluteLocation(resourceURI: String, pointer: String) -> String {
        resourceURI + "#" + URIReference.fragmentEncoded(pointer)
    }
}

struct SchemaCompiler {
    typealias Location = SchemaRegistry.Location

    let registry: SchemaRegistry
    /// Per node: nil until compiled, then its verdict (Boolean schema) or keywords.
    private var bodies: [(verdict: Bool?, keywords: [Keyword])?] = []
    private var resources: [Int] = []
    /// Per node: its pointer relative to its resource's root.
    private var relativePointers: [String] = []
    private var locations: [Location] = []
    private var nodeIndex: [Location: Int] = [:]
    private var queue: [Int] = []
    private var touchedDocuments: Set<Int> = []
    private var touchedResources: Set<Int> = []
    private var regexCache: [String: ECMARegex] = [:]
    /// Subschemas each node applies to the same instance location.
    private var inPlace: [[Int]] = []

    static let dialects: Set<String> = [MetaSchema.uri, MetaSchema.uri + "#"]

    init(registry: SchemaRegistry) { self.registry = registry }

    /// Compiles the schema `uri` names (relative URIs resolve against the registry's base).
    static func compile(_ registry: SchemaRegistry, uri: String) throws(SchemaError) -> CompiledProgram {
        let absolute = registry.absoluteURI(uri)
        guard let rootLocation = registry.locate(URIReference(absolute)) else {
            throw SchemaError.unresolvedReference(absolute, location: "(validation target)")
        }
        var compiler = SchemaCompiler(registry: registry)
        let root = compiler.node(for: rootLocation)
        while let next = compiler.queue.popLast() {
            try compiler.compileNode(next)
        }
        try compiler.checkInPlaceCycles()
        var dynamicAnchors: [Int: [String: Int]] = [:]
        for resource in compiler.touchedResources {
            let anchors = registry.dynamicAnchors(of: resource)
            if !anchors.isEmpty { dynamicAnchors[resource] = anchors.mapValues { compiler.nodeIndex[$0]! } }
        }
        var nodes: [CompiledNode] = []
        var keywords: [Keyword] = []
        nodes.reserveCapacity(compiler.bodies.count)
        for (index, body) in compiler.bodies.enumerated() {
            let (verdict, list) = body!
            let start = keywords.count
            keywords.append(contentsOf: list)
            let tracks = list.contains {
                if case .unevaluatedProperties = $0 { return true }
                if case .unevaluatedItems = $0 { return true }
                return false
            }
            nodes.append(CompiledNode(verdict: verdict, keywords: start..<keywords.count, resource: compiler.resources[index],
                                      tracksEvaluation: tracks))
        }
        var resourceURIs: [Int: String] = [:]
        for resource in compiler.touchedResources { resourceURIs[resource] = registry.resourceURI(resource) }
        return CompiledProgram(nodes: nodes, keywords: keywords, relativePointers: compiler.relativePointers,
                               resourceURIs: resourceURIs, dynamicAnchors: dynamicAnchors, root: root)
    }

    private mutating func node(for location: Location) -> Int {
        if let index = nodeIndex[location] { return index }
        let index = locations.count
        locations.append(location)
        bodies.append(nil)
        resources.append(-1)
        relativePointers.append("")
        inPlace.append([])
        nodeIndex[location] = index
        queue.append(index)
        return index
    }

    // MARK: - Nodes

    private mutating func compileNode(_ index: Int) throws(SchemaError) {
        let location = locations[index]
        if touchedDocuments.insert(location.document).inserted {
            // Check (and compile) every schema of a document we use, not just the parts this
            // validation happens to reach, so that a typo anywhere in it is reported.
            for other in registry.schemaLocations(inDocument: location.document) { _ = node(for: other) }
        }
        guard let info = registry.info(location) else {
            throw SchemaError.unresolvedReference(registry.describe(location), location: "(not a schema)")
        }
        touchedResources.insert(info.resource)
        let resourceRoot = registry.resourceLocation(info.resource)
        resources[index] = info.resource
        relativePointers[index] = String(location.pointer.dropFirst(resourceRoot.pointer.count))
        switch info.value {
        case .bool(let allowed):
            bodies[index] = (allowed, [])
        case .object(let object):
            let context = NodeContext(index: index, location: location, base: info.base, object: object,
                                      registry: registry)
            bodies[index] = (nil, try compileKeywords(context))
        default:
            throw SchemaError.invalidKeywordValue(keyword: "(schema)", location: registry.describe(location),
                                                  reason: "a schema must be an object or a Boolean")
        }
    }

    private struct NodeContext {
        let index: Int
        let location: Location
        let base: String
        let object: JSONObject
        let registry: SchemaRegistry
        /// `uri#pointer` of the schema, for messages (made only when one is thrown).
        var `where`: String { registry.describe(location) }
    }

    // MARK: - Keywords

    private mutating func compileKeywords(_ c: NodeContext) throws(SchemaError) -> [Keyword] {
        var keywords: [Keyword] = []
        var unevaluated: [Keyword] = []
        let object = c.object

        func invalid(_ keyword: String, _ reason: String) -> SchemaError {
            SchemaError.invalidKeywordValue(keyword: keyword, location: c.where, reason: reason)
        }
        func string(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> String {
            guard case .string(let s) = value else { throw invalid(keyword, "must be a string") }
            return s
        }
        func number(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> JSONNumber {
            guard case .number(let n) = value else { throw invalid(keyword, "must be a number") }
            return n
        }
        func count(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> Int {
            guard case .number(let n) = value, n.isInteger, !n.isNegative else {
                throw invalid(keyword, "must be a non-negative integer")
            }
            return n.intValue ?? Int.max
        }
        func uniqueStrings(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> [String] {
            guard case .array(let elements) = value else { throw invalid(keyword, "must be an array of strings") }
            var result: [String] = []
            for element in elements {
                guard case .string(let s) = element else { throw invalid(keyword, "must be an array of strings") }
                if result.contains(where: { exactlyEqual($0, s) }) { throw invalid(keyword, "lists \"\(s)\" twice") }
                result.append(s)
            }
            return result
        }

        for (keyword, value) in object.members {
            // The keyword's own location, made only for keywords that hold subschemas.
            var pointer: String { c.location.pointer + "/" + JSONPointer.escape(keyword) }
            switch keyword {
            // Core
            case "$schema":
                let dialect = try string(keyword, value)
                guard SchemaCompiler.dialects.contains(dialect) else {
                    throw SchemaError.unsupportedDialect(dialect, location: c.where)
                }
            case "$id", "$anchor", "$dynamicAnchor":
                _ = try string(keyword, value)  // resolved and checked by the registry
            case "$defs":
                guard case .object = value else { throw invalid(keyword, "must be an object of schemas") }
                try requireSchemaMap(keyword, value, pointer, c)
            case "$ref":
                let target = try resolve(keyword, try string(keyword, value), c)
                let child = node(for: target)
                inPlace[c.index].append(child)
                keywords.append(.ref(child))
            case "$dynamicRef":
                let reference = try string(keyword, value)
                let target = try resolve(keyword, reference, c)
                let child = node(for: target)
                inPlace[c.index].append(child)
                // Dynamic only when the fragment is a plain name that the initial target declares as
                // its $dynamicAnchor (the "bookend"); otherwise it behaves as $ref.
                let fragment = URIReference.percentDecoded(URIReference(reference).fragment ?? "")
                var anchor: String?
                if !fragment.isEmpty, !fragment.hasPrefix("/"),
                    registry.value(at: target)?["$dynamicAnchor"]?.stringValue == fragment
                {
                    anchor = fragment
                }
                keywords.append(.dynamicRef(child, anchor: anchor))
            case "$comment":
                _ = try string(keyword, value)

            // Annotations only
            case "title", "description", "format", "contentEncoding", "contentMediaType":
                _ = try string(keyword, value)
            case "deprecated", "readOnly", "writeOnly":
                guard case .bool = value else { throw invalid(keyword, "must be a Boolean") }
            case "examples":
                guard case .array = value else { throw invalid(keyword, "must be an array") }
            case "default":
                break
            case "contentSchema":
                _ = try subschema(keyword, value, pointer, c)

            // Validation: any instance
            case "type":
                var mask = TypeMask()
                var names: [String] = []
                let list: [JSONValue]
                switch value {
                case .string: list = [value]
                case .array(let elements) where !elements.isEmpty: list = elements
                default: throw invalid(keyword, "must be a type name or a non-empty array of type names")
                }
                for element in list {
                    guard case .string(let name) = element, let type = TypeMask.names.first(where: { $0.0 == name }) else {
                        throw invalid(keyword, "\(element) is not one of null, boolean, integer, number, string, array, object")
                    }
                    if names.contains(name) { throw invalid(keyword, "lists \"\(name)\" twice") }
                    names.append(name)
                    mask.insert(type.1)
                }
                keywords.append(.type(mask, names: names))
            case "enum":
                guard case .array(let elements) = value else { throw invalid(keyword, "must be an array") }
                keywords.append(.enumeration(elements))
            case "const":
                keywords.append(.constant(value))

            // Numbers
            case "multipleOf":
                let divisor = try number(keyword, value)
                guard divisor.signum > 0 else { throw invalid(keyword, "must be greater than 0") }
                keywords.append(.multipleOf(divisor))
            case "maximum": keywords.append(.maximum(try number(keyword, value)))
            case "exclusiveMaximum": keywords.append(.exclusiveMaximum(try number(keyword, value)))
            case "minimum": keywords.append(.minimum(try number(keyword, value)))
            case "exclusiveMinimum": keywords.append(.exclusiveMinimum(try number(keyword, value)))

            // Strings
            case "maxLength": keywords.append(.maxLength(try count(keyword, value)))
            case "minLength": keywords.append(.minLength(try count(keyword, value)))
            case "pattern": keywords.append(.pattern(try regex(keyword, try string(keyword, value), c)))

            // Arrays
            case "maxItems": keywords.append(.maxItems(try count(keyword, value)))
            case "minItems": keywords.append(.minItems(try count(keyword, value)))
            case "uniqueItems":
                guard case .bool(let unique) = value else { throw invalid(keyword, "must be a Boolean") }
                if unique { keywords.append(.uniqueItems) }
            case "prefixItems":
                let children = try subschemaList(keyword, value, pointer, c)
                keywords.append(.prefixItems(children))
            case "items":
                let child = try subschema(keyword, value, pointer, c)
                let start = object["prefixItems"]?.arrayValue?.count ?? 0
                keywords.append(.items(child, from: start))
            case "contains":
                let child = try subschema(keyword, value, pointer, c)
                let minimum = try object["minContains"].map { v throws(SchemaError) in try count("minContains", v) } ?? 1
                let maximum = try object["maxContains"].map { v throws(SchemaError) in try count("maxContains", v) }
                keywords.append(.contains(child, min: minimum, max: maximum))
            case "minContains", "maxContains":
                _ = try count(keyword, value)  // applied with "contains"; ignored without it
            case "unevaluatedItems":
                unevaluated.append(.unevaluatedItems(try subschema(keyword, value, pointer, c)))

            // Objects
            case "maxProperties": keywords.append(.maxProperties(try count(keyword, value)))
            case "minProperties": keywords.append(.minProperties(try count(keyword, value)))
            case "required": keywords.append(.required(try uniqueStrings(keyword, value)))
            case "dependentRequired":
                guard case .object(let members) = value else { throw invalid(keyword, "must be an object of string arrays") }
                var pairs: [(String, [String])] = []
                for member in members.members {
                    pairs.append((member.key, try uniqueStrings(keyword, member.value)))
                }
                keywords.append(.dependentRequired(pairs))
            case "properties":
                let map = try subschemaMap(keyword, value, pointer, c)
                keywords.append(.properties(ExactKeyTable(map)))
            case "patternProperties":
                let map = try subschemaMap(keyword, value, pointer, c)
                var compiled: [(ECMARegex, Int)] = []
                for (source, child) in map { compiled.append((try regex(keyword, source, c), child)) }
                keywords.append(.patternProperties(compiled))
            case "additionalProperties":
                let child = try subschema(keyword, value, pointer, c)
                let known = ExactKeyTable((object["properties"]?.objectValue?.keys ?? []).map { ($0, true) })
                var patterns: [ECMARegex] = []
                for source in object["patternProperties"]?.objectValue?.keys ?? [] {
                    patterns.append(try regex("patternProperties", source, c))
                }
                keywords.append(.additionalProperties(child, known: known, patterns: patterns))
            case "propertyNames":
                keywords.append(.propertyNames(try subschema(keyword, value, pointer, c)))
            case "dependentSchemas":
                let map = try subschemaMap(keyword, value, pointer, c)
                inPlace[c.index].append(contentsOf: map.map(\.1))
                keywords.append(.dependentSchemas(map))
            case "unevaluatedProperties":
                unevaluated.append(.unevaluatedProperties(try subschema(keyword, value, pointer, c)))

            // Logic
            case "allOf", "anyOf", "oneOf":
                let children = try subschemaList(keyword, value, pointer, c)
                inPlace[c.index].append(contentsOf: children)
                keywords.append(keyword == "allOf" ? .allOf(children) : keyword == "anyOf" ? .anyOf(children) : .oneOf(children))
            case "not":
                let child = try subschema(keyword, value, pointer, c)
                inPlace[c.index].append(child)
                keywords.append(.not(child))
            case "if":
                let condition = try subschema(keyword, value, pointer, c)
                let base = c.location.pointer + "/"
                let then = try object["then"].map { v throws(SchemaError) in try subschema("then", v, base + "then", c) }
                let otherwise = try object["else"].map { v throws(SchemaError) in try subschema("else", v, base + "else", c) }
                inPlace[c.index].append(condition)
                if let then { inPlace[c.index].append(then) }
                if let otherwise { inPlace[c.index].append(otherwise) }
                keywords.append(.conditional(if: condition, then: then, else: otherwise))
            case "then", "else":
                _ = try subschema(keyword, value, pointer, c)  // applied with "if"; ignored without it

            default:
                throw SchemaError.unsupportedKeyword(keyword, location: c.where)
            }
        }
        return keywords + unevaluated
    }

    // MARK: - Helpers

    private mutating func subschema(_ keyword: String, _ value: JSONValue, _ pointer: String, _ c: NodeContext)
        throws(SchemaError) -> Int
    {
        switch value {
        case .object, .bool:
            return node(for: Location(document: c.location.document, pointer: pointer))
        default:
            throw SchemaError.invalidKeywordValue(keyword: keyword, location: c.where, reason: "must be a schema (an object or a Boolean)")
        }
    }

    private mutating func subschemaList(_ keyword: String, _ value: JSONValue, _ pointer: String, _ c: NodeContext)
        throws(SchemaError) -> [Int]
    {
        guard case .array(let elements) = value, !elements.isEmpty || keyword == "prefixItems" else {
            throw SchemaError.invalidKeywordValue(keyword: keyword, location: c.where, reason: "must be a non-empty array of schemas")
        }
        var children: [Int] = []
        for (position, element) in elements.enumerated() {
            children.append(try subschema(keyword, element, pointer + "/" + String(position), c))
        }
        return children
    }

    private mutating func subschemaMap(_ keyword: String, _ value: JSONValue, _ pointer: String, _ c: NodeContext)
        throws(SchemaError) -> [(String, Int)]
    {
        guard case .object(let members) = value else {
            throw SchemaError.invalidKeywordValue(keyword: keyword, location: c.where, reason: "must be an object of schemas")
        }
        var children: [(String, Int)] = []
        for member in members.members {
            children.append((member.key, try subschema(keyword, member.value, pointer + "/" + JSONPointer.escape(member.key), c)))
        }
        return children
    }

    private mutating func requireSchemaMap(_ keyword: String, _ value: JSONValue, _ pointer: String, _ c: NodeContext)
        throws(SchemaError)
    {
        _ = try subschemaMap(keyword, value, pointer, c)
    }

    private func resolve(_ keyword: String, _ reference: String, _ c: NodeContext) throws(SchemaError) -> Location {
        let absolute = URIReference(reference).resolved(against: URIReference(c.base))
        guard let target = registry.locate(absolute) else {
            throw SchemaError.unresolvedReference(absolute.text, location: c.where + " (\(keyword) \"\(reference)\")")
        }
        return target
    }

    private mutating func regex(_ keyword: String, _ source: String, _ c: NodeContext) throws(SchemaError) -> ECMARegex {
        if let cached = regexCache[source] { return cached }
        do {
            let compiled = try ECMARegex(source)
            regexCache[source] = compiled
            return compiled
        } catch {
            throw SchemaError.invalidKeywordValue(keyword: keyword, location: c.where,
                                                  reason: "\"\(source)\" is not a usable ECMA-262 pattern: \(error.message)")
        }
    }

    private func absoluteLocation(_ node: Int) -> String {
        CompiledProgram.absoluteLocation(resourceURI: registry.resourceURI(resources[node]), pointer: relativePointers[node])
    }

    /// Refuses schemas that apply each other in place (`$ref`, `allOf`, `if`, ...) in a cycle:
    /// evaluating them would never move into the instance and never end.
    private func checkInPlaceCycles() throws(SchemaError) {
        var state = [UInt8](repeating: 0, count: bodies.count)  // 0 new, 1 on stack, 2 done
        for start in 0..<bodies.count where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let edges = inPlace[top.node]
                if top.next < edges.count {
                    stack[stack.count - 1].next += 1
                    let child = edges[top.next]
                    if state[child] == 1 {
                        let cycleStart = stack.firstIndex { $0.node == child }!
                        let path = stack[cycleStart...].map { absoluteLocation($0.node) } + [absoluteLocation(child)]
                        throw SchemaError.referenceCycle(path)
                    }
                    if state[child] == 0 {
                        state[child] = 1
                        stack.append((child, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }
}
