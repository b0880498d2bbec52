// Runs a compiled program against an instance.
//
// Two modes: `report: false` only answers valid/invalid and stops at the first failure;
// `report: true` keeps going and records every error with its locations. Validation first
// runs without reporting (the fast path for the usual, valid document) and re-runs with
// reporting only when the instance is invalid.
//
// Annotations (which properties / items were evaluated) are gathered only where an
// `unevaluatedProperties` / `unevaluatedItems` needs them, and are dropped for failed
// subschemas, as the specification requires.

/// Which members / elements of the current instance some keyword has evaluated.
struct Evaluated {
    var allProperties = false
    var properties: Set<ExactString> = []
    var allItems = false
    var prefixItems = 0
    var items: Set<Int> = []

    mutating func merge(_ other: Evaluated) {
        if other.allProperties { allProperties = true } else if !allProperties { properties.formUnion(other.properties) }
        if other.allItems { allItems = true } else if !allItems {
            prefixItems = max(prefixItems, other.prefixItems)
            items.formUnion(other.items)
        }
    }

    func covers(property: String) -> Bool { allProperties || properties.contains(ExactString(property)) }
    func covers(item: Int) -> Bool { allItems || item < prefixItems || items.contains(item) }
}

enum InstanceSegment {
    /// An object member and its position in the object (for document order).
    case key(String, position: Int)
    case index(Int)
}

enum SchemaSegment {
    case keyword(String)
    case member(String, String)
    case index(String, Int)
}

struct Evaluator {
    let program: CompiledProgram
    var errors: [ValidationError] = []
    /// For each error, the positions along its instance path (member or element indices).
    var errorPositions: [[Int]] = []
    private var instancePath: [InstanceSegment] = []
    private var schemaPath: [SchemaSegment] = []
    /// Resources entered, outermost first (the dynamic scope).
    private var scope: [Int] = []
    /// Evaluation stops (and reports `outOfStack`) when the stack reaches below this address.
    private let stackLimit: UInt
    /// How many `causes(of:)` re-runs are under way (causes are gathered two levels deep at most,
    /// which keeps reporting linear in the nesting of failed `anyOf` / `oneOf`).
    private var causeDepth = 0
    static let maximumCauseDepth = 2
    /// Set when the stack budget ran out; the results are then meaningless.
    private(set) var outOfStack = false

    /// Stack the evaluation may use on the caller's thread: ample for real documents, and safe
    /// even on threads with small (512 KiB) stacks.
    static let callerStackBudget = 320 << 10
    /// Stack size of the thread used when that is not enough, and the budget there.
    static let largeStackSize = 256 << 20
    static let largeStackBudget = largeStackSize - (1 << 20)

    init(program: CompiledProgram, stackBudget: Int) {
        self.program = program
        let here = Evaluator.stackAddress()
        stackLimit = here > UInt(stackBudget) ? here - UInt(stackBudget) : 0
    }

    /// An address in the current stack frame (stacks grow downwards on every supported platform).
    @inline(never)
    static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    // MARK: - Errors

    private func pointer(_ path: [InstanceSegment]) -> String {
        var result = ""
        for segment in path {
            switch segment {
            case .key(let key, _): result += "/" + JSONPointer.escape(key)
            case .index(let index): result += "/" + String(index)
            }
        }
        return result
    }

    private func keywordLocation(_ keyword: String) -> String {
        var result = ""
        for segment in schemaPath {
            switch segment {
            case .keyword(let k): result += "/" + JSONPointer.escape(k)
            case .member(let k, let member): result += "/" + JSONPointer.escape(k) + "/" + JSONPointer.escape(member)
            case .index(let k, let index): result += "/" + JSONPointer.escape(k) + "/" + String(index)
            }
        }
        if !keyword.isEmpty { result += "/" + JSONPointer.escape(keyword) }
        return result
    }

    private mutating func fail(_ node: Int, _ keyword: String, _ message: String,
                               at child: InstanceSegment? = nil, causes: [ValidationError] = []) {
        if let child { instancePath.append(child) }
        var absolute = program.absoluteLocation(node)
        if !keyword.isEmpty { absolute += "/" + URIReference.fragmentEncoded(JSONPointer.escape(keyword)) }
        errors.append(ValidationError(instanceLocation: pointer(instancePath), keywordLocation: keywordLocation(keyword),
                                      absoluteKeywordLocation: absolute, keyword: keyword, message: message, causes: causes))
        errorPositions.append(instancePath.map {
            switch $0 {
            case .key(_, let position): return position
            case .index(let index): return index
            }
        })
        if child != nil { instancePath.removeLast() }
    }

    // MARK: - Nodes

    /// Evaluates node `index` against `instance`. When `collect`, merges what it evaluated into `out`
    /// (if it is valid, or when reporting).
    mutating func evaluate(_ index: Int, _ instance: JSONValue, report: Bool, collect: Bool,
                           into out: inout Evaluated) -> Bool {
        let node = program.nodes[index]
        if let verdict = node.verdict {
            if !verdict && report { fail(index, "", "no value is allowed here (the schema is false)") }
            return verdict
        }
        if outOfStack || Evaluator.stackAddress() < stackLimit {
            outOfStack = true
            return false
        }
        let entered = scope.last != node.resource
        if entered { scope.append(node.resource) }
        defer { if entered { scope.removeLast() } }

        let gather = collect || node.tracksEvaluation
        var evaluated = Evaluated()
        var valid = true
        for keyword in node.keywords {
            if !apply(keyword, index, instance, report: report, gather: gather, &evaluated) {
                valid = false
                if !report { return false }
            }
        }
        // Annotations of a failed schema are dropped. (When reporting, the instance is invalid
        // anyway; keeping them spares spurious "unevaluated" errors next to the real one.)
        if collect && (valid || report) { out.merge(evaluated) }
        return valid
    }

    /// Evaluates a subschema at a child instance location (annotations are not shared upward).
    private mutating func applyChild(_ index: Int, _ value: JSONValue, _ segment: InstanceSegment, _ schema: SchemaSegment,
                                report: Bool) -> Bool {
        var unused = Evaluated()
        if !report { return evaluate(index, value, report: false, collect: false, into: &unused) }
        instancePath.append(segment)
        schemaPath.append(schema)
        defer {
            instancePath.removeLast()
            schemaPath.removeLast()
        }
        return evaluate(index, value, report: true, collect: false, into: &unused)
    }

    /// Evaluates a subschema in place (same instance), optionally gathering its annotations.
    private mutating func inPlace(_ index: Int, _ value: JSONValue, _ schema: SchemaSegment, report: Bool, gather: Bool,
                                  _ evaluated: inout Evaluated) -> Bool {
        if !report { return evaluate(index, value, report: false, collect: gather, into: &evaluated) }
        schemaPath.append(schema)
        defer { schemaPath.removeLast() }
        return evaluate(index, value, report: true, collect: gather, into: &evaluated)
    }

    /// Re-runs a failed subschema with reporting into a separate list, for an error's causes.
    private mutating func causes(of index: Int, _ value: JSONValue, _ schema: SchemaSegment,
                                 at segment: InstanceSegment? = nil) -> [ValidationError] {
        if causeDepth >= Evaluator.maximumCauseDepth { return [] }
        causeDepth += 1
        defer { causeDepth -= 1 }
        let saved = errors, savedPositions = errorPositions
        errors = []
        errorPositions = []
        if let segment { instancePath.append(segment) }
        schemaPath.append(schema)
        var unused = Evaluated()
        _ = evaluate(index, value, report: true, collect: false, into: &unused)
        schemaPath.removeLast()
        if segment != nil { instancePath.removeLast() }
        let found = errors
        errors = saved
        errorPositions = savedPositions
        return found
    }

    private func isFalse(_ index: Int) -> Bool {
        program.nodes[index].verdict == false
    }

    // MARK: - Keywords
    //
    // `apply` only dispatches, binding nothing, and every applicator (the keywords through which
    // evaluation recurses) has its own small function: in unoptimised builds a single big switch
    // gets a stack frame holding every case's locals, which deep documents would multiply.

    private mutating func apply(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
                                gather: Bool, _ evaluated: inout Evaluated) -> Bool {
        switch program.keywords[keyword] {
        case .ref: return applyRef(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .dynamicRef: return applyDynamicRef(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .allOf: return applyAllOf(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .anyOf: return applyAnyOf(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .oneOf: return applyOneOf(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .not: return applyNot(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .conditional: return applyConditional(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .dependentSchemas: return applyDependentSchemas(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .prefixItems: return applyPrefixItems(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .items: return applyItems(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .contains: return applyContains(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .unevaluatedItems: return applyUnevaluatedItems(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .properties: return applyProperties(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .patternProperties: return applyPatternProperties(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .additionalProperties: return applyAdditionalProperties(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .propertyNames: return applyPropertyNames(keyword, node, instance, report: report, gather: gather, &evaluated)
        case .unevaluatedProperties: return applyUnevaluatedProperties(keyword, node, instance, report: report, gather: gather, &evaluated)
        default: return applyAssertion(keyword, node, instance, report: report)
        }
    }

    /// Keywords that assert something about the instance itself and apply no subschema.
    @inline(never)
    private mutating func applyAssertion(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool) -> Bool {
        switch program.keywords[keyword] {
        case .type(let mask, let names):
            if mask.admits(instance) { return true }
            if report {
                let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
                fail(node, "type", "expected \(expected), found \(instance.schemaType)")
            }
            return false

        case .enumeration(let allowed):
            if allowed.contains(instance) { return true }
            if report {
                let list = allowed.prefix(8).map { summary($0) }.joined(separator: ", ") + (allowed.count > 8 ? ", ..." : "")
                fail(node, "enum", "\(summary(instance)) is not one of the allowed values: \(list)")
            }
            return false

        case .constant(let expected):
            if instance == expected { return true }
            if report { fail(node, "const", "\(summary(instance)) is not the required value \(summary(expected))") }
            return false

        case .multipleOf(let divisor):
            guard case .number(let n) = instance, !n.isMultiple(of: divisor) else { return true }
            if report { fail(node, "multipleOf", "\(n) is not a multiple of \(divisor)") }
            return false

        case .maximum(let limit):
            guard case .number(let n) = instance, JSONNumber.compare(n, limit) > 0 else { return true }
            if report { fail(node, "maximum", "\(n) is greater than the maximum \(limit)") }
            return false

        case .exclusiveMaximum(let limit):
            guard case .number(let n) = instance, JSONNumber.compare(n, limit) >= 0 else { return true }
            if report { fail(node, "exclusiveMaximum", "\(n) is not less than \(limit)") }
            return false

        case .minimum(let limit):
            guard case .number(let n) = instance, JSONNumber.compare(n, limit) < 0 else { return true }
            if report { fail(node, "minimum", "\(n) is less than the minimum \(limit)") }
            return false

        case .exclusiveMinimum(let limit):
            guard case .number(let n) = instance, JSONNumber.compare(n, limit) <= 0 else { return true }
            if report { fail(node, "exclusiveMinimum", "\(n) is not greater than \(limit)") }
            return false

        case .maxLength(let limit):
            // Lengths count code points; a string has at most as many as it has UTF-8 bytes.
            guard case .string(let s) = instance, s.utf8.count > limit else { return true }
            let length = s.unicodeScalars.count
            if length <= limit { return true }
            if report { fail(node, "maxLength", "string of \(length) characters is longer than \(limit)") }
            return false

        case .minLength(let limit):
            // ... and at least a quarter as many.
            guard case .string(let s) = instance, s.utf8.count / 4 < limit else { return true }
            let length = s.unicodeScalars.count
            if length >= limit { return true }
            if report { fail(node, "minLength", "string of \(length) characters is shorter than \(limit)") }
            return false

        case .pattern(let regex):
            guard case .string(let s) = instance, !regex.matches(s) else { return true }
            if report { fail(node, "pattern", "\(summary(instance)) does not match the pattern \(summary(.string(regex.source)))") }
            return false

        case .maxItems(let limit):
            guard case .array(let a) = instance, a.count > limit else { return true }
            if report { fail(node, "maxItems", "array of \(a.count) items has more than \(limit)") }
            return false

        case .minItems(let limit):
            guard case .array(let a) = instance, a.count < limit else { return true }
            if report { fail(node, "minItems", "array of \(a.count) items has fewer than \(limit)") }
            return false

        case .uniqueItems:
            guard case .array(let a) = instance, let (first, second) = duplicate(in: a) else { return true }
            if report { fail(node, "uniqueItems", "items \(first) and \(second) are equal; items must be unique") }
            return false

        case .maxProperties(let limit):
            guard case .object(let o) = instance, o.count > limit else { return true }
            if report { fail(node, "maxProperties", "object with \(o.count) properties has more than \(limit)") }
            return false

        case .minProperties(let limit):
            guard case .object(let o) = instance, o.count < limit else { return true }
            if report { fail(node, "minProperties", "object with \(o.count) properties has fewer than \(limit)") }
            return false

        case .required(let names):
            guard case .object(let o) = instance else { return true }
            var valid = true
            var hint = 0
            for name in names {
                if let found = o.position(of: name, hint: hint) {
                    hint = found + 1
                    continue
                }
                if !report { return false }
                valid = false
                fail(node, "required", "required property \(summary(.string(name))) is missing")
            }
            return valid

        case .dependentRequired(let dependencies):
            guard case .object(let o) = instance else { return true }
            var valid = true
            for (property, needed) in dependencies where o.contains(key: property) {
                for name in needed where !o.contains(key: name) {
                    if !report { return false }
                    valid = false
                    fail(node, "dependentRequired",
                         "property \(summary(.string(name))) is required when \(summary(.string(property))) is present")
                }
            }
            return valid

        default:
            preconditionFailure("applicator keyword dispatched as an assertion")
        }
    }

    @inline(never)
    private mutating func applyRef(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .ref(let target) = program.keywords[keyword] else { preconditionFailure() }
        return inPlace(target, instance, .keyword("$ref"), report: report, gather: gather, &evaluated)
    }

    @inline(never)
    private mutating func applyDynamicRef(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .dynamicRef(let target, let anchor) = program.keywords[keyword] else { preconditionFailure() }
        var resolved = target
        if let anchor {
            for resource in scope {
                if let found = program.dynamicAnchors[resource]?[anchor] {
                    resolved = found
                    break
                }
            }
        }
        return inPlace(resolved, instance, .keyword("$dynamicRef"), report: report, gather: gather, &evaluated)
    }

    @inline(never)
    private mutating func applyAllOf(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .allOf(let children) = program.keywords[keyword] else { preconditionFailure() }
        var valid = true
        for (position, child) in children.enumerated() {
            if !inPlace(child, instance, .index("allOf", position), report: report, gather: gather, &evaluated) {
                if !report { return false }
                valid = false
            }
        }
        return valid
    }

    @inline(never)
    private mutating func applyAnyOf(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .anyOf(let children) = program.keywords[keyword] else { preconditionFailure() }
        var matched = false
        for child in children {
            if evaluate(child, instance, report: false, collect: gather, into: &evaluated) {
                matched = true
                if !gather { break }  // annotations need every passing branch
            }
        }
        if matched { return true }
        if report {
            var all: [ValidationError] = []
            for (position, child) in children.enumerated() { all += causes(of: child, instance, .index("anyOf", position)) }
            fail(node, "anyOf", "\(summary(instance)) matches none of the \(children.count) alternatives", causes: all)
        }
        return false
    }

    @inline(never)
    private mutating func applyOneOf(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .oneOf(let children) = program.keywords[keyword] else { preconditionFailure() }
        var passing: [Int] = []
        var branch = Evaluated()
        for (position, child) in children.enumerated() {
            var candidate = Evaluated()
            if evaluate(child, instance, report: false, collect: gather, into: &candidate) {
                passing.append(position)
                branch = candidate
                if passing.count > 1 { break }
            }
        }
        if passing.count == 1 {
            if gather { evaluated.merge(branch) }
            return true
        }
        if report {
            if passing.isEmpty {
                var all: [ValidationError] = []
                for (position, child) in children.enumerated() { all += causes(of: child, instance, .index("oneOf", position)) }
                fail(node, "oneOf", "\(summary(instance)) matches none of the \(children.count) alternatives", causes: all)
            } else {
                fail(node, "oneOf", "\(summary(instance)) matches more than one alternative (\(passing[0]) and \(passing[1])); exactly one must match")
            }
        }
        return false
    }

    @inline(never)
    private mutating func applyNot(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .not(let child) = program.keywords[keyword] else { preconditionFailure() }
        var unused = Evaluated()
        if !evaluate(child, instance, report: false, collect: false, into: &unused) { return true }
        if report { fail(node, "not", "\(summary(instance)) must not match the schema under \"not\"") }
        return false
    }

    @inline(never)
    private mutating func applyConditional(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .conditional(let condition, let then, let otherwise) = program.keywords[keyword] else { preconditionFailure() }
        var conditionEvaluated = Evaluated()
        if evaluate(condition, instance, report: false, collect: gather, into: &conditionEvaluated) {
            if gather { evaluated.merge(conditionEvaluated) }
            guard let then else { return true }
            return inPlace(then, instance, .keyword("then"), report: report, gather: gather, &evaluated)
        }
        guard let otherwise else { return true }
        return inPlace(otherwise, instance, .keyword("else"), report: report, gather: gather, &evaluated)
    }

    @inline(never)
    private mutating func applyDependentSchemas(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .dependentSchemas(let dependencies) = program.keywords[keyword] else { preconditionFailure() }
        guard case .object(let o) = instance else { return true }
        var valid = true
        for (property, child) in dependencies where o.contains(key: property) {
            if !inPlace(child, instance, .member("dependentSchemas", property), report: report, gather: gather, &evaluated) {
                if !report { return false }
                valid = false
            }
        }
        return valid
    }

    @inline(never)
    private mutating func applyPrefixItems(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .prefixItems(let children) = program.keywords[keyword] else { preconditionFailure() }
        guard case .array(let a) = instance else { return true }
        var valid = true
        let applied = min(children.count, a.count)
        for position in 0..<applied {
            if !applyChild(children[position], a[position], .index(position), .index("prefixItems", position), report: report) {
                if !report { return false }
                valid = false
            }
        }
        if gather { evaluated.prefixItems = max(evaluated.prefixItems, applied) }
        return valid
    }

    @inline(never)
    private mutating func applyItems(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .items(let schema, let start) = program.keywords[keyword] else { preconditionFailure() }
        guard case .array(let a) = instance, start < a.count else { return true }
        var valid = true
        if isFalse(schema) {
            if report {
                for position in start..<a.count {
                    fail(node, "items", "no item is allowed at index \(position) (only \(start) allowed)", at: .index(position))
                }
            }
            return false
        }
        for position in start..<a.count {
            if !applyChild(schema, a[position], .index(position), .keyword("items"), report: report) {
                if !report { return false }
                valid = false
            }
        }
        if gather { evaluated.allItems = true }
        return valid
    }

    @inline(never)
    private mutating func applyContains(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .contains(let schema, let minimum, let maximum) = program.keywords[keyword] else { preconditionFailure() }
        guard case .array(let a) = instance else { return true }
        var count = 0
        var unused = Evaluated()
        for (position, element) in a.enumerated() {
            if evaluate(schema, element, report: false, collect: false, into: &unused) {
                count += 1
                if gather { evaluated.items.insert(position) }
                if !gather && count >= minimum && maximum == nil { break }
                if !gather, let maximum, count > maximum { break }
            }
        }
        if count < minimum {
            if report {
                if minimum == 1 {
                    fail(node, "contains", "no item matches the \"contains\" schema")
                } else {
                    fail(node, "minContains", "\(count) items match the \"contains\" schema; at least \(minimum) must")
                }
            }
            return false
        }
        if let maximum, count > maximum {
            if report { fail(node, "maxContains", "\(count) items match the \"contains\" schema; at most \(maximum) may") }
            return false
        }
        return true
    }

    @inline(never)
    private mutating func applyUnevaluatedItems(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .unevaluatedItems(let schema) = program.keywords[keyword] else { preconditionFailure() }
        guard case .array(let a) = instance else { return true }
        var valid = true
        for (position, element) in a.enumerated() where !evaluated.covers(item: position) {
            if isFalse(schema) {
                if !report { return false }
                valid = false
                fail(node, "unevaluatedItems", "item at index \(position) is not allowed (no subschema evaluated it)",
                     at: .index(position))
            } else if !applyChild(schema, element, .index(position), .keyword("unevaluatedItems"), report: report) {
                if !report { return false }
                valid = false
            }
        }
        if gather { evaluated.allItems = true }
        return valid
    }

    @inline(never)
    private mutating func applyProperties(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .properties(let map) = program.keywords[keyword] else { preconditionFailure() }
        guard case .object(let o) = instance else { return true }
        var valid = true
        var hint = 0
        for (position, member) in o.members.enumerated() {
            guard let found = map.position(of: member.key, hint: hint) else { continue }
            hint = found + 1
            let schema = map.values[found]
            if gather { evaluated.properties.insert(ExactString(member.key)) }
            if !applyChild(schema, member.value, .key(member.key, position: position), .member("properties", member.key), report: report) {
                if !report { return false }
                valid = false
            }
        }
        return valid
    }

    @inline(never)
    private mutating func applyPatternProperties(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .patternProperties(let patterns) = program.keywords[keyword] else { preconditionFailure() }
        guard case .object(let o) = instance else { return true }
        var valid = true
        for (position, member) in o.members.enumerated() {
            for (regex, schema) in patterns where regex.matches(member.key) {
                if gather { evaluated.properties.insert(ExactString(member.key)) }
                if !applyChild(schema, member.value, .key(member.key, position: position), .member("patternProperties", regex.source), report: report) {
                    if !report { return false }
                    valid = false
                }
            }
        }
        return valid
    }

    @inline(never)
    private mutating func applyAdditionalProperties(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .additionalProperties(let schema, let known, let patterns) = program.keywords[keyword] else { preconditionFailure() }
        guard case .object(let o) = instance else { return true }
        var valid = true
        let forbidden = isFalse(schema)
        var hint = 0
        for (position, member) in o.members.enumerated() {
            if let found = known.position(of: member.key, hint: hint) {
                hint = found + 1
                continue
            }
            if patterns.contains(where: { $0.matches(member.key) }) { continue }
            if forbidden {
                if !report { return false }
                valid = false
                fail(node, "additionalProperties", "property \(summary(.string(member.key))) is not allowed",
                     at: .key(member.key, position: position))
            } else if !applyChild(schema, member.value, .key(member.key, position: position), .keyword("additionalProperties"), report: report) {
                if !report { return false }
                valid = false
            }
        }
        if gather { evaluated.allProperties = true }
        return valid
    }

    @inline(never)
    private mutating func applyPropertyNames(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .propertyNames(let schema) = program.keywords[keyword] else { preconditionFailure() }
        guard case .object(let o) = instance else { return true }
        var valid = true
        var unused = Evaluated()
        for member in o.members {
            if evaluate(schema, .string(member.key), report: false, collect: false, into: &unused) { continue }
            if !report { return false }
            valid = false
            let found = causes(of: schema, .string(member.key), .keyword("propertyNames"))
            fail(node, "propertyNames", "property name \(summary(.string(member.key))) is not allowed"
                 + (found.first.map { ": " + $0.message } ?? ""), causes: found)
        }
        return valid
    }

    @inline(never)
    private mutating func applyUnevaluatedProperties(_ keyword: Int, _ node: Int, _ instance: JSONValue, report: Bool,
        gather: Bool, _ evaluated: inout Evaluated
    ) -> Bool {
        guard case .unevaluatedProperties(let schema) = program.keywords[keyword] else { preconditionFailure() }
        guard case .object(let o) = instance else { return true }
        var valid = true
        let forbidden = isFalse(schema)
        for (position, member) in o.members.enumerated() where !evaluated.covers(property: member.key) {
            if forbidden {
                if !report { return false }
                valid = false
                fail(node, "unevaluatedProperties",
                     "property \(summary(.string(member.key))) is not allowed (no subschema evaluated it)",
                     at: .key(member.key, position: position))
            } else if !applyChild(schema, member.value, .key(member.key, position: position), .keyword("unevaluatedProperties"), report: report) {
                if !report { return false }
                valid = false
            }
        }
        if gather { evaluated.allProperties = true }
        return valid
    }

    /// The errors in instance document order: a value's own errors before those inside it, members and
    /// elements in the order they appear; errors at the same location keep their evaluation order.
    func errorsInDocumentOrder() -> [ValidationError] {
        let order = errorPositions.indices.sorted { a, b in
            let x = errorPositions[a], y = errorPositions[b]
            for k in 0..<min(x.count, y.count) where x[k] != y[k] { return x[k] < y[k] }
            return x.count != y.count ? x.count < y.count : a < b
        }
        return order.map { errors[$0] }
    }

    /// Positions of the first two equal items, if any.
    private func duplicate(in items: [JSONValue]) -> (Int, Int)? {
        if items.count < 2 { return nil }
        if items.count <= 16 {
            for i in 0..<items.count {
                for j in (i + 1)..<items.count where items[i] == items[j] { return (i, j) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        seen.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            if let earlier = seen.updateValue(position, forKey: item) { return (earlier, position) }
        }
        return nil
    }

    /// A short rendering of a value for messages.
    private func summary(_ value: JSONValue) -> String {
        let text = value.serialized()
        if text.unicodeScalars.count <= 60 { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..."
    }
}
