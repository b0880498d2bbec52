import Foundation
import Testing

@testable import GazetteNormalise

/// The shared sample cases (`../shared/normalize-cases.jsonl` beside the
/// package): every line must pass through `Inspection.json`.
@Suite struct SampleCasesTests {
    static var casesURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // GazetteNormaliseTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/normalize-cases.jsonl")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let line: Int
        let kind: String
        let input: String
        let expect: String?  // compact JSON, nil = must reject
        var testDescription: String { "\(line): \(kind) \(input)" }
    }

    static func loadCases() throws -> [Case] {
        let data = try Data(contentsOf: casesURL)
        let text = String(decoding: data, as: UTF8.self)
        var cases: [Case] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let object = try JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as! [String: Any]
            var expect: String?
            if let e = object["expect"], !(e is NSNull) {
                expect = String(decoding: try JSONSerialization.data(withJSONObject: e, options: [.sortedKeys]), as: UTF8.self)
            }
            cases.append(Case(line: number + 1, kind: object["kind"] as! String, input: object["input"] as! String,
                              expect: expect))
        }
        return cases
    }

    static func jsonEqual(_ a: String, _ b: String) -> Bool {
        guard let x = try? JSONSerialization.jsonObject(with: Data(a.utf8)) as? NSDictionary,
            let y = try? JSONSerialization.jsonObject(with: Data(b.utf8)) as? NSDictionary
        else { return false }
        return x.isEqual(y)
    }

    @Test func everySampleCasePasses() throws {
        let url = Self.casesURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("missing sample cases file \(url.path) (expected ../shared/normalize-cases.jsonl beside the package)")
            return
        }
        let cases = try Self.loadCases()
        #expect(cases.count >= 178, "expected at least 178 cases in \(url.path)")
        var passed = 0
        for c in cases {
            var got: String?
            do {
                got = try Inspection.json(kind: c.kind, text: c.input)
            } catch {
                got = nil
                let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                #expect(!message.isEmpty, "line \(c.line): empty error message")
            }
            switch (c.expect, got) {
            case (nil, nil):
                passed += 1
            case (let e?, let g?) where Self.jsonEqual(e, g):
                passed += 1
            default:
                Issue.record("line \(c.line) \(c.kind) “\(c.input)”: expected \(c.expect ?? "rejection"), got \(got ?? "rejection")")
            }
        }
        print("sample cases passed: \(passed)/\(cases.count)")
        #expect(passed == cases.count)
    }
}
