// Runs the official JSON-Schema-Test-Suite (draft2020-12) against the validator.

import Foundation
import Testing

@testable import GazetteEmit

/// Locates and loads the official test suite, shared between the repository's worktrees.
enum OfficialSuite {
    /// The package root, derived from this file's path (Tests/GazetteEmitTests/<file>).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `../shared/json-schema-test-suite` relative to the package root.
    static let root = packageRoot.appendingPathComponent("../shared/json-schema-test-suite").standardizedFileURL
    static let testsDirectory = root.appendingPathComponent("tests/draft2020-12")
    static let remotesDirectory = root.appendingPathComponent("remotes")

    /// The keywords each suite file tests; a file is run when all of them are supported.
    /// A file missing from this table fails the run (so a newer suite cannot be silently skipped).
    static let fileKeywords: [String: [String]] = [
        "additionalProperties.json": ["additionalProperties"],
        "allOf.json": ["allOf"],
        "anchor.json": ["$anchor"],
        "anyOf.json": ["anyOf"],
        "boolean_schema.json": [],  // core behaviour, always claimed
        "const.json": ["const"],
        "contains.json": ["contains"],
        "content.json": ["contentEncoding", "contentMediaType", "contentSchema"],
        "default.json": ["default"],
        "defs.json": ["$defs"],
        "dependentRequired.json": ["dependentRequired"],
        "dependentSchemas.json": ["dependentSchemas"],
        "dynamicRef.json": ["$dynamicRef", "$dynamicAnchor"],
        "enum.json": ["enum"],
        "exclusiveMaximum.json": ["exclusiveMaximum"],
        "exclusiveMinimum.json": ["exclusiveMinimum"],
        "format.json": ["format"],
        "if-then-else.json": ["if", "then", "else"],
        "infinite-loop-detection.json": ["$ref"],
        "items.json": ["items"],
        "maxContains.json": ["maxContains"],
        "maxItems.json": ["maxItems"],
        "maxLength.json": ["maxLength"],
        "maxProperties.json": ["maxProperties"],
        "maximum.json": ["maximum"],
        "minContains.json": ["minContains"],
        "minItems.json": ["minItems"],
        "minLength.json": ["minLength"],
        "minProperties.json": ["minProperties"],
        "minimum.json": ["minimum"],
        "multipleOf.json": ["multipleOf"],
        "not.json": ["not"],
        "oneOf.json": ["oneOf"],
        "pattern.json": ["pattern"],
        "patternProperties.json": ["patternProperties"],
        "prefixItems.json": ["prefixItems"],
        "properties.json": ["properties"],
        "propertyNames.json": ["propertyNames"],
        "ref.json": ["$ref", "$id"],
        "refRemote.json": ["$ref"],
        "required.json": ["required"],
        "type.json": ["type"],
        "unevaluatedItems.json": ["unevaluatedItems"],
        "unevaluatedProperties.json": ["unevaluatedProperties"],
        "uniqueItems.json": ["uniqueItems"],
        "vocabulary.json": ["$vocabulary"],
    ]

    /// Supported keywords that have no suite file of their own (pure annotations and `$schema`,
    /// which every file exercises).
    static let keywordsWithoutSuiteFile: Set<String> = [
        "$schema", "$comment", "title", "description", "examples", "deprecated", "readOnly", "writeOnly",
    ]

    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    /// Fails (throws) naming the path when the suite is missing.
    static func requireSuite() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: testsDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw SuiteMissing(path: testsDirectory.path)
        }
    }

    struct SuiteMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "the JSON Schema test suite is missing: expected it at \(path)" }
    }

    /// A registry holding every remote of the suite as http://localhost:1234/<path>.
    static func remoteRegistry() throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        try registry.registerDirectory(remotesDirectory, base: "http://localhost:1234/")
        return registry
    }

    /// The `.json` files of a suite directory, sorted.
    static func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Runs every group and case of one suite file.
    static func run(file: URL, remotes: SchemaRegistry) throws -> Outcome {
        let name = file.lastPathComponent
        let groups = try JSONValue(parsing: try Data(contentsOf: file))
        var outcome = Outcome()
        for (groupIndex, group) in (groups.arrayValue ?? []).enumerated() {
            let groupDescription = group["description"]?.stringValue ?? "group \(groupIndex)"
            let tests = group["tests"]?.arrayValue ?? []
            outcome.total += tests.count
            var registry = remotes
            let compiled: CompiledSchema
            guard let schema = group["schema"] else {
                outcome.failures.append("\(name) / \(groupDescription): the group has no schema")
                continue
            }
            do {
                let uri = try registry.register(schema, uri: "http://gazette.test/suite/\(name)/\(groupIndex).json")
                compiled = try JSONSchemaValidator(registry: registry).schema(uri)
            } catch {
                outcome.failures.append("\(name) / \(groupDescription): schema not usable: \(error)")
                continue
            }
            for test in tests {
                let expected = test["valid"]?.boolValue ?? false
                let data = test["data"] ?? .null
                let valid = compiled.isValid(data)
                let errors = compiled.validate(data)
                if valid == expected && errors.isEmpty == expected {
                    outcome.passed += 1
                } else {
                    outcome.failures.append(
                        "\(name) / \(groupDescription) / \(test["description"]?.stringValue ?? "?"): expected "
                            + "\(expected ? "valid" : "invalid"), isValid says \(valid), validate found \(errors.count) error(s)"
                            + (errors.isEmpty ? "" : ": " + errors.map(\.description).joined(separator: "; ")))
                }
            }
        }
        return outcome
    }
}

@Suite("Official JSON Schema test suite (draft 2020-12)")
struct OfficialSuiteTests {
    @Test("every case of every claimed keyword's file passes")
    func claimedFilesPass() throws {
        try OfficialSuite.requireSuite()
        let remotes = try OfficialSuite.remoteRegistry()
        let supported = JSONSchemaValidator.supportedKeywords
        var passedTotal = 0, casesTotal = 0
        var report: [String] = []
        for name in try OfficialSuite.files(in: OfficialSuite.testsDirectory) {
            guard let keywords = OfficialSuite.fileKeywords[name] else {
                Issue.record("suite file \(name) is not classified in OfficialSuite.fileKeywords")
                continue
            }
            guard keywords.allSatisfy(supported.contains) else {
                report.append("\(name): not claimed (needs \(keywords.filter { !supported.contains($0) }.joined(separator: ", ")))")
                continue
            }
            let outcome = try OfficialSuite.run(file: OfficialSuite.testsDirectory.appendingPathComponent(name), remotes: remotes)
            passedTotal += outcome.passed
            casesTotal += outcome.total
            report.append("\(name): \(outcome.passed)/\(outcome.total)")
            for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        }
        report.append("claimed files total: \(passedTotal)/\(casesTotal)")
        print("JSON Schema test suite, draft2020-12:\n  " + report.joined(separator: "\n  "))
        #expect(passedTotal == casesTotal)
    }

    @Test("the claimed keywords are exactly the keywords of the files run")
    func claimedSetMatchesFilesRun() throws {
        try OfficialSuite.requireSuite()
        let supported = JSONSchemaValidator.supportedKeywords
        let files = try OfficialSuite.files(in: OfficialSuite.testsDirectory)
        let unclassified = files.filter { OfficialSuite.fileKeywords[$0] == nil }
        #expect(unclassified.isEmpty, "unclassified suite files: \(unclassified)")
        let stale = OfficialSuite.fileKeywords.keys.filter { !files.contains($0) }
        #expect(stale.isEmpty, "classified files missing from the suite: \(stale.sorted())")
        let run = files.filter { OfficialSuite.fileKeywords[$0]?.allSatisfy(supported.contains) ?? false }
        let covered = Set(run.flatMap { OfficialSuite.fileKeywords[$0]! })
        let claimedWithoutFile = supported.subtracting(covered).subtracting(OfficialSuite.keywordsWithoutSuiteFile)
        #expect(claimedWithoutFile.isEmpty, "claimed but no suite file run: \(claimedWithoutFile.sorted())")
        #expect(covered.union(OfficialSuite.keywordsWithoutSuiteFile) == supported)
        #expect(OfficialSuite.keywordsWithoutSuiteFile.isSubset(of: supported))
        let skipped = files.filter { !run.contains($0) }
        #expect(skipped == ["vocabulary.json"], "files not run: \(skipped)")
    }

    @Test("optional files (informational, not claimed)")
    func optionalFilesReport() throws {
        try OfficialSuite.requireSuite()
        let remotes = try OfficialSuite.remoteRegistry()
        let directory = OfficialSuite.testsDirectory.appendingPathComponent("optional")
        var report: [String] = []
        for name in try OfficialSuite.files(in: directory) {
            let outcome = try OfficialSuite.run(file: directory.appendingPathComponent(name), remotes: remotes)
            report.append("optional/\(name): \(outcome.passed)/\(outcome.total)")
        }
        print("JSON Schema test suite, draft2020-12 optional (not claimed):\n  " + report.joined(separator: "\n  "))
    }
}
