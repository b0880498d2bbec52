import Foundation
import Gazette
import GazetteTestSupport
import Testing

/// The `gazette` command as users run it: outputs, errors, exit codes.
@Suite struct CLITests {
    static let tripReport = E2E.corpus.appendingPathComponent("trip-report.pdf").path

    @Test func extractToStandardOutputIsValidJSON() throws {
        let result = try E2E.run(["extract", Self.tripReport])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONValue(parsing: result.stdout)
        #expect(DocumentValidator.shared.validate(value).isEmpty)
        #expect(value["source"]?["file"]?.stringValue == "trip-report.pdf")
    }

    @Test func extractToFileMatchesStandardOutputAndIsDeterministic() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("nested/out.json")
        let first = try E2E.run(["extract", Self.tripReport, "-o", out.path, "--pretty"])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try Data(contentsOf: out)
        let again = try E2E.run(["extract", Self.tripReport, "--pretty"])
        #expect(again.stdout == written, "the same PDF must give byte-identical JSON")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(leftovers == ["out.json"], "temporary files left: \(leftovers)")
    }

    @Test func missingFileFailsNamingItAndWritesNothing() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nope.pdf").path
        let out = dir.appendingPathComponent("out.json")
        let result = try E2E.run(["extract", missing, "-o", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func notAPDFFailsClearly() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("fake.pdf")
        try Data("<html>not a pdf</html>".utf8).write(to: fake)
        let result = try E2E.run(["extract", fake.path, "-o", dir.appendingPathComponent("o.json").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(fake.path) && result.stderr.contains("not a readable PDF"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.json").path))
    }

    @Test func encryptedNeedsPassword() throws {
        let pdf = E2E.sharedCorpus.appendingPathComponent("tabula__encrypted.pdf").path
        let locked = try E2E.run(["extract", pdf])
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("password") && locked.stderr.contains(pdf))
        let wrong = try E2E.run(["extract", pdf, "--password", "wrong"])
        #expect(wrong.status == 1 && wrong.stderr.contains("wrong"))
        let open = try E2E.run(["extract", pdf, "--password", "userpassword"])
        #expect(open.status == 0, "\(open.stderr)")
        #expect(try JSONValue(parsing: open.stdout)["source"]?["encrypted"] == .bool(true))
    }

    /// A catalog and a page tree that declares `count` pages and has none.
    static func emptyPageTree(count: Int) -> Data {
        MinimalPDF.bytes(objects: ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count \(count) >>"])
    }

    @Test func aPDFWithoutPagesFailsClearly() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("no-pages.pdf")
        try Self.emptyPageTree(count: 0).write(to: pdf)
        let result = try E2E.run(["extract", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(pdf.path) && result.stderr.contains("no pages"), "\(result.stderr)")
    }

    @Test func declaredPagesThatCannotBeReadAreUnreadableNotTextless() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("declared.pdf")
        try Self.emptyPageTree(count: 2).write(to: pdf)
        let result = try E2E.run(["extract", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let codes = try JSONValue(parsing: result.stdout)["warnings"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(codes == ["pageUnreadable", "pageUnreadable"], "\(codes)")
    }

    @Test func maxPagesRefusesLongDocuments() throws {
        let result = try E2E.run(["extract", Self.tripReport, "--max-pages", "3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("max-pages"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try E2E.run(["extract"]).status == 2)
        #expect(try E2E.run(["extract", Self.tripReport, "--max-pages", "0"]).status == 2)
        #expect(try E2E.run(["no-such-command"]).status == 2)
    }

    @Test func validateAcceptsOurOutputAndRejectsOthers() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json")
        #expect(try E2E.run(["extract", Self.tripReport, "-o", good.path]).status == 0)
        let ok = try E2E.run(["validate", good.path])
        #expect(ok.status == 0 && String(decoding: ok.stdout, as: UTF8.self).contains("valid"))

        var value = try JSONValue(parsing: Data(contentsOf: good))
        if case .object(var object) = value {
            object["schemaVersion"] = .string("9.9.9")
            value = .object(object)
        }
        let bad = dir.appendingPathComponent("bad.json")
        try value.serializedData().write(to: bad)
        let notJSON = dir.appendingPathComponent("text.json")
        try Data("hello".utf8).write(to: notJSON)
        let result = try E2E.run(["validate", good.path, bad.path, notJSON.path])
        #expect(result.status == 1)
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("bad.json: invalid") && text.contains("/schemaVersion"), "\(text)")
        #expect(result.stderr.contains("text.json") && result.stderr.contains("not JSON"))
    }

    @Test func schemaCommandPrintsOurSchemas() throws {
        let document = try E2E.run(["schema"])
        #expect(document.status == 0)
        let value = try JSONValue(parsing: document.stdout)
        #expect(value["$id"]?.stringValue == SchemaLibrary.documentSchemaURI)
        let trip = try E2E.run(["schema", "trip"])
        #expect(try JSONValue(parsing: trip.stdout)["title"]?.stringValue == "Trip record")
        #expect(try E2E.run(["schema", "nope"]).status == 1)
    }

    /// Every sample case of the normalisation grammars through `gazette parse`.
    @Test func parseCommandPassesTheSampleCases() throws {
        let path = E2E.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/normalize-cases.jsonl").path
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing \(path)")
            return
        }
        var checked = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.isEmpty {
            let case_ = try JSONValue(parsing: String(line))
            guard let kind = case_["kind"]?.stringValue, let input = case_["input"]?.stringValue else {
                Issue.record("\(path): a case without kind or input: \(line)")
                continue
            }
            let result = try E2E.run(["parse", kind, input])
            if let expected = case_["expect"], !expected.isNull {
                #expect(result.status == 0, "\(kind) \(input): \(result.stderr)")
                if result.status == 0 {
                    #expect(try JSONValue(parsing: result.stdout) == expected, "\(kind) \(input)")
                }
            } else {
                #expect(result.status == 1, "\(kind) \(input) should be rejected")
                #expect(!result.stderr.isEmpty)
            }
            checked += 1
        }
        #expect(checked >= 100)
    }
}
