import Foundation
import Testing

@testable import GazetteEmit

/// Two schemas shaped like ours: a document schema referring to a record schema by relative URI.
enum GazetteSchemas {
    static let document: JSONValue = try! JSONValue(parsing: #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://gazette.example/schemas/document.schema.json",
          "title": "A parsed gazette issue",
          "type": "object",
          "required": ["issue", "trips"],
          "additionalProperties": false,
          "properties": {
            "issue": { "type": "string", "pattern": "^\\d{3}-\\d{3}$" },
            "trips": { "type": "array", "items": { "$ref": "trip.schema.json" } },
            "notes": { "type": "array", "items": { "$ref": "#/$defs/note" }, "maxItems": 2 }
          },
          "$defs": {
            "note": { "type": "string", "minLength": 1 }
          }
        }
        """#)

    static let trip: JSONValue = try! JSONValue(parsing: #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://gazette.example/schemas/trip.schema.json",
          "type": "object",
          "required": ["date", "official", "destination"],
          "properties": {
            "date": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "format": "date" },
            "official": { "type": "string", "minLength": 2, "maxLength": 10 },
            "destination": { "enum": ["日本", "美國", "法國"] },
            "days": { "type": "integer", "minimum": 1 },
            "cost": { "anyOf": [{ "type": "null" }, { "type": "number", "multipleOf": 0.01 }] }
          },
          "unevaluatedProperties": false
        }
        """#)

    static func registry() throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        try registry.register(document)
        try registry.register(trip)
        return registry
    }
}

@Suite("JSON Schema validator")
struct ValidatorTests {
    let validator: JSONSchemaValidator

    init() throws {
        validator = JSONSchemaValidator(registry: try GazetteSchemas.registry())
    }

    static let validDocument: JSONValue = [
        "issue": "030-001",
        "trips": [
            ["date": "2024-01-05", "official": "王小明", "destination": "日本", "days": 3, "cost": 1234.5],
            ["date": "2024-02-10", "official": "李大華", "destination": "法國", "cost": nil],
        ],
    ]

    @Test func relativeReferencesResolveBetweenDocuments() throws {
        #expect(try validator.validate(Self.validDocument, against: "document.schema.json").isEmpty)
        #expect(try validator.isValid(Self.validDocument, against: "https://gazette.example/schemas/document.schema.json"))
        #expect(try validator.schema("document.schema.json").uri == "https://gazette.example/schemas/document.schema.json")
        // So is a subschema, by pointer.
        #expect(try validator.isValid("note", against: "document.schema.json#/$defs/note"))
        #expect(try !validator.isValid("", against: "document.schema.json#/$defs/note"))
        // The record schema is usable on its own too.
        let trip = try #require(Self.validDocument["trips"]?[0])
        #expect(try validator.isValid(trip, against: "trip.schema.json"))
    }

    @Test func errorsCarryLocationsKeywordsAndMessages() throws {
        let document: JSONValue = [
            "issue": "30-1",
            "trips": [
                ["date": "2024-01-05", "official": "王小明", "destination": "日本"],
                ["date": "2024/02/10", "official": "李", "destination": "德國", "days": 0, "cost": 1.234, "extra": true],
            ],
            "notes": ["", "b", "c"],
            "unexpected": 1,
        ]
        let errors = try validator.validate(document, against: "document.schema.json")
        try #require(errors.count == 10)
        let summary = errors.map { "\($0.instanceLocation) \($0.keyword) \($0.keywordLocation)" }
        #expect(summary == [
            "/issue pattern /properties/issue/pattern",
            "/trips/1/date pattern /properties/trips/items/$ref/properties/date/pattern",
            "/trips/1/official minLength /properties/trips/items/$ref/properties/official/minLength",
            "/trips/1/destination enum /properties/trips/items/$ref/properties/destination/enum",
            "/trips/1/days minimum /properties/trips/items/$ref/properties/days/minimum",
            "/trips/1/cost anyOf /properties/trips/items/$ref/properties/cost/anyOf",
            "/trips/1/extra unevaluatedProperties /properties/trips/items/$ref/unevaluatedProperties",
            "/notes maxItems /properties/notes/maxItems",
            "/notes/0 minLength /properties/notes/items/$ref/minLength",
            "/unexpected additionalProperties /additionalProperties",
        ])
        let date = errors[1]
        #expect(date.absoluteKeywordLocation == "https://gazette.example/schemas/trip.schema.json#/properties/date/pattern")
        #expect(date.message == #""2024/02/10" does not match the pattern "^\\d{4}-\\d{2}-\\d{2}$""#)
        #expect(errors[2].message == "string of 1 characters is shorter than 2")
        #expect(errors[3].message == #""德國" is not one of the allowed values: "日本", "美國", "法國""#)
        #expect(errors[4].message == "0 is less than the minimum 1")
        #expect(errors[5].causes.map(\.keyword) == ["type", "multipleOf"])
        try #require(errors[5].causes.count >= 2)
        #expect(errors[5].causes[1].message == "1.234 is not a multiple of 0.01")
        #expect(errors[8].absoluteKeywordLocation == "https://gazette.example/schemas/document.schema.json#/$defs/note/minLength")
        #expect(errors[9].message == #"property "unexpected" is not allowed"#)
        #expect(errors[9].description == #"/unexpected: property "unexpected" is not allowed [/additionalProperties]"#)
        // The same input gives the same errors, in the same order.
        #expect(try validator.validate(document, against: "document.schema.json") == errors)
    }

    @Test func everyMissingPropertyIsReported() throws {
        let errors = try validator.validate(["trips": [[:]]], against: "document.schema.json")
        #expect(errors.map(\.message) == [
            #"required property "issue" is missing"#,
            #"required property "date" is missing"#,
            #"required property "official" is missing"#,
            #"required property "destination" is missing"#,
        ])
        #expect(errors.map(\.instanceLocation) == ["", "/trips/0", "/trips/0", "/trips/0"])
    }

    @Test func checkThrowsWithAllErrors() throws {
        #expect(throws: Never.self) { try validator.check(Self.validDocument, against: "document.schema.json") }
        do {
            try validator.check(["issue": 1, "trips": []], against: "document.schema.json")
            Issue.record("an invalid document passed")
        } catch let failure as SchemaValidationFailure {
            #expect(failure.errors.count == 1)
            #expect(failure.description.contains("/issue: expected string, found integer [/properties/issue/type]"))
        }
        do {
            let trip: JSONValue = ["date": "2024-01-05", "official": "王小明", "destination": "日本", "cost": "1"]
            try validator.check(["issue": "030-001", "trips": [trip]], against: "document.schema.json")
            Issue.record("an invalid document passed")
        } catch let failure as SchemaValidationFailure {
            #expect(failure.description == """
                instance does not conform to https://gazette.example/schemas/document.schema.json (1 error):
                  /trips/0/cost: "1" matches none of the 2 alternatives [/properties/trips/items/$ref/properties/cost/anyOf]
                    /trips/0/cost: expected null, found string [/properties/trips/items/$ref/properties/cost/anyOf/0/type]
                    /trips/0/cost: expected number, found string [/properties/trips/items/$ref/properties/cost/anyOf/1/type]
                """)
        }
    }

    @Test func unknownKeywordsFailLoudly() throws {
        var registry = SchemaRegistry()
        try registry.register(["type": "object", "requried": ["a"]], uri: "typo.json")
        // Even in a $defs entry nothing refers to.
        try registry.register(["$defs": ["unused": ["maxLenght": 3]]], uri: "unused.json")
        try registry.register(["definitions": ["a": true]], uri: "old.json")
        try registry.register(["$vocabulary": [:]], uri: "vocabulary.json")
        try registry.register(["$schema": "http://json-schema.org/draft-07/schema#"], uri: "draft7.json")
        let validator = JSONSchemaValidator(registry: registry)
        let base = SchemaRegistry.defaultBaseURI
        #expect(throws: SchemaError.unsupportedKeyword("requried", location: base + "typo.json#")) {
            try validator.validate([:], against: "typo.json")
        }
        #expect(throws: SchemaError.unsupportedKeyword("maxLenght", location: base + "unused.json#/$defs/unused")) {
            try validator.validate([:], against: "unused.json")
        }
        #expect(throws: SchemaError.unsupportedKeyword("definitions", location: base + "old.json#")) {
            try validator.validate([:], against: "old.json")
        }
        #expect(throws: SchemaError.unsupportedKeyword("$vocabulary", location: base + "vocabulary.json#")) {
            try validator.validate([:], against: "vocabulary.json")
        }
        #expect(throws: SchemaError.unsupportedDialect("http://json-schema.org/draft-07/schema#", location: base + "draft7.json#")) {
            try validator.validate([:], against: "draft7.json")
        }
        // Annotation keywords are accepted.
        var annotated = SchemaRegistry()
        try annotated.register([
            "title": "t", "description": "d", "$comment": "c", "examples": [1], "default": 2, "deprecated": false,
            "readOnly": true, "writeOnly": false, "format": "date", "contentMediaType": "application/json",
            "contentEncoding": "base64", "contentSchema": ["type": "object"],
        ], uri: "annotated.json")
        #expect(try JSONSchemaValidator(registry: annotated).isValid("not a date", against: "annotated.json"))
    }

    @Test func malformedSchemasAreRefused() throws {
        var registry = SchemaRegistry()
        try registry.register(["minLength": -1], uri: "negative.json")
        try registry.register(["type": "text"], uri: "type.json")
        try registry.register(["pattern": "(unclosed"], uri: "pattern.json")
        try registry.register(["$ref": "missing.json"], uri: "dangling.json")
        try registry.register(["items": 5], uri: "items.json")
        try registry.register(["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["allOf": [["$ref": "#/$defs/a"]]]], "$ref": "#/$defs/a"],
                              uri: "cycle.json")
        let validator = JSONSchemaValidator(registry: registry)
        for name in ["negative.json", "type.json", "pattern.json", "items.json"] {
            #expect(throws: SchemaError.self) { try validator.validate(1, against: name) }
        }
        #expect(throws: SchemaError.unresolvedReference(SchemaRegistry.defaultBaseURI + "missing.json",
                                                         location: SchemaRegistry.defaultBaseURI + "dangling.json# ($ref \"missing.json\")")) {
            try validator.validate(1, against: "dangling.json")
        }
        do {
            _ = try validator.validate(1, against: "cycle.json")
            Issue.record("a reference cycle compiled")
        } catch {
            guard case .referenceCycle(let path) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path.count >= 3)
        }
        #expect(throws: SchemaError.unresolvedReference(SchemaRegistry.defaultBaseURI + "nothing.json", location: "(validation target)")) {
            try validator.validate(1, against: "nothing.json")
        }
    }

    @Test func registryRefusesConflictingURIs() throws {
        var registry = SchemaRegistry()
        try registry.register(["type": "string"], uri: "a.json")
        try registry.register(["type": "string"], uri: "a.json")  // the same schema again is fine
        #expect(throws: SchemaError.duplicateURI(SchemaRegistry.defaultBaseURI + "a.json")) {
            try registry.register(["type": "number"], uri: "a.json")
        }
        #expect(throws: SchemaError.missingURI) { try registry.register(["type": "number"]) }
        // A failed registration leaves the registry as it was.
        #expect(throws: SchemaError.self) {
            try registry.register(["$defs": ["x": ["$id": "a.json"]]], uri: "b.json")
        }
        #expect(!registry.contains("b.json"))
        #expect(registry.contains("a.json"))
    }

    @Test func registerDirectoryUsesTheBaseURI() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try GazetteSchemas.document.serializedData(.pretty).write(to: directory.appendingPathComponent("document.schema.json"))
        var trip = GazetteSchemas.trip.objectValue!
        trip["$id"] = nil  // known only by its file name under the base URI
        try JSONValue.object(trip).serializedData().write(to: directory.appendingPathComponent("trip.schema.json"))
        var registry = SchemaRegistry(includeMetaSchema: false)
        let uris = try registry.registerDirectory(directory)
        #expect(uris == [SchemaRegistry.defaultBaseURI + "document.schema.json", SchemaRegistry.defaultBaseURI + "trip.schema.json"])
        let validator = JSONSchemaValidator(registry: registry)
        #expect(try validator.isValid(Self.validDocument, against: "document.schema.json"))
        #expect(try !validator.isValid(["issue": "030-001", "trips": [[:]]], against: "document.schema.json"))
    }

    @Test func metaSchemaChecksSchemas() throws {
        let validator = JSONSchemaValidator(registry: try GazetteSchemas.registry())
        let meta = SchemaRegistry.metaSchemaURI
        #expect(try validator.validate(GazetteSchemas.document, against: meta).isEmpty)
        #expect(try validator.validate(GazetteSchemas.trip, against: meta).isEmpty)
        #expect(try validator.isValid(try JSONValue(parsing: MetaSchema.text), against: meta))
        let bad: JSONValue = ["type": "strnig", "properties": ["a": ["minLength": -1]], "$anchor": "1x", "allOf": []]
        let errors = try validator.validate(bad, against: meta)
        #expect(Set(errors.map(\.instanceLocation)) == ["/type", "/properties/a/minLength", "/$anchor", "/allOf"])
    }

    @Test func validationIsThreadSafe() async throws {
        let validator = self.validator
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let instance: JSONValue = i % 2 == 0 ? Self.validDocument : ["issue": .int(i)]
                    return ((try? validator.isValid(instance, against: "document.schema.json")) ?? false) == (i % 2 == 0)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }

    @Test func patternsFollowECMAScript() throws {
        var registry = SchemaRegistry()
        try registry.register(["pattern": "^\\d+$"], uri: "digits.json")
        try registry.register(["pattern": "^\\p{Script=Han}+$"], uri: "han.json")
        try registry.register(["pattern": "^[^]$"], uri: "any.json")
        try registry.register(["pattern": "^\\w+\\s\\S$"], uri: "word.json")
        let validator = JSONSchemaValidator(registry: registry)
        #expect(try validator.isValid("123", against: "digits.json"))
        #expect(try !validator.isValid("123\n", against: "digits.json"))  // $ is the end of input only
        #expect(try !validator.isValid("١٢٣", against: "digits.json"))  // \d is ASCII only
        #expect(try validator.isValid("行政院", against: "han.json"))
        #expect(try !validator.isValid("行政院A", against: "han.json"))
        #expect(try validator.isValid("\n", against: "any.json"))
        #expect(try validator.isValid("abc_1 x", against: "word.json"))
        #expect(try !validator.isValid("é x", against: "word.json"))
    }

    @Test func lengthsCountCodePoints() throws {
        var registry = SchemaRegistry()
        try registry.register(["minLength": 2, "maxLength": 2], uri: "two.json")
        let validator = JSONSchemaValidator(registry: registry)
        #expect(try validator.isValid("行政", against: "two.json"))
        #expect(try validator.isValid("😀😀", against: "two.json"))
        #expect(try !validator.isValid("😀", against: "two.json"))
        #expect(try validator.isValid("e\u{301}", against: "two.json"))  // one grapheme, two code points
    }
}

@Suite("Recursion limits")
struct RecursionTests {
    /// Nested arrays `depth` levels deep with an integer at the bottom.
    static func nested(_ depth: Int, leaf: JSONValue) -> JSONValue {
        var value = leaf
        for _ in 0..<depth { value = .array([value]) }
        return value
    }

    @Test func deepRecursiveInstancesValidate() throws {
        var registry = SchemaRegistry()
        try registry.register(["anyOf": [["type": "integer"], ["type": "array", "items": ["$ref": "#"]]]], uri: "tree.json")
        let validator = JSONSchemaValidator(registry: registry)
        // The parser's nesting limit is 512; documents that deep must validate, both ways.
        let deep = try JSONValue(parsing: String(repeating: "[", count: 511) + "1" + String(repeating: "]", count: 511))
        #expect(try validator.isValid(deep, against: "tree.json"))
        let wrong = Self.nested(511, leaf: "x")
        let errors = try validator.validate(wrong, against: "tree.json")
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "anyOf")
    }

    @Test func veryDeepInstancesValidateOnALargerStack() throws {
        // Built programmatically, far deeper than the parser allows.
        var registry = SchemaRegistry()
        try registry.register(["items": ["$ref": "#"]], uri: "list.json")
        try registry.register(["items": ["$ref": "#"], "type": "array"], uri: "arrays.json")
        let validator = JSONSchemaValidator(registry: registry)
        #expect(try validator.isValid(Self.nested(3000, leaf: 1), against: "list.json"))
        let errors = try validator.validate(Self.nested(3000, leaf: 1), against: "arrays.json")
        #expect(errors.map(\.instanceLocation) == [String(repeating: "/0", count: 3000)])
    }

    @Test func endlessDynamicRecursionIsCutOff() throws {
        // Statically $dynamicRef "#node" points at a leaf, but at run time it resolves to the outer
        // resource, which applies the same $dynamicRef again: an endless loop on the same value.
        var registry = SchemaRegistry()
        try registry.register(["$id": "https://x.example/outer", "$dynamicAnchor": "node", "$ref": "inner"])
        try registry.register(["$id": "https://x.example/inner", "$defs": ["leaf": ["$dynamicAnchor": "node"]],
                               "$dynamicRef": "#node"])
        let validator = JSONSchemaValidator(registry: registry)
        #expect(try validator.isValid(1, against: "https://x.example/inner"))  // alone, it is a plain reference
        #expect(try !validator.isValid(1, against: "https://x.example/outer"))
        let errors = try validator.validate(1, against: "https://x.example/outer")
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("evaluation nested too deeply") == true)
    }
}
