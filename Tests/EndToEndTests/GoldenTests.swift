import Foundation
import Gazette
import Testing

/// The corpus PDFs against their expected documents (golden files in
/// corpus/expected/). Re-record on purpose with
/// `GAZETTE_RECORD_GOLDEN=1 swift test --filter GoldenTests`, then read the
/// diff (`git diff corpus/expected`) before committing it.
@Suite struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["GAZETTE_RECORD_GOLDEN"] == "1"

    @Test(arguments: E2E.corpusStems())
    func corpusDocumentMatchesGolden(_ stem: String) throws {
        let pdf = E2E.corpus.appendingPathComponent(stem + ".pdf").path
        let extractor = Extractor()
        let bytes = try extractor.serialise(extractor.extract(path: pdf), pretty: true)
        let golden = E2E.expected.appendingPathComponent(stem + ".json")
        if Self.recording {
            try AtomicFile.write(bytes, to: golden)
            return
        }
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            Issue.record("missing golden file \(golden.path): record it with GAZETTE_RECORD_GOLDEN=1")
            return
        }
        if Data(bytes) == expected { return }
        let ours = try JSONValue(parsing: Data(bytes)), theirs = try JSONValue(parsing: expected)
        let differences = JSONDiff.differences(theirs, ours, limit: 15)
        let report = differences.joined(separator: "\n")
        Issue.record("\(stem): output differs from \(golden.lastPathComponent):\n\(report)")
    }

    @Test func everyGoldenFileHasItsPDF() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: E2E.expected.path)) ?? []
        let stems = Set(E2E.corpusStems())
        for name in names where name.hasSuffix(".json") {
            #expect(stems.contains(String(name.dropLast(5))), "stale golden file \(name)")
        }
        #expect(!stems.isEmpty, "no corpus PDFs in \(E2E.corpus.path)")
    }
}

/// Where two JSON values differ, as readable lines (JSON Pointer: expected → actual).
enum JSONDiff {
    static func differences(_ expected: JSONValue, _ actual: JSONValue, limit: Int) -> [String] {
        var out: [String] = []
        walk(expected, actual, "", &out, limit)
        return out
    }

    private static func short(_ v: JSONValue) -> String {
        let s = v.serialized()
        return s.count > 120 ? String(s.prefix(117)) + "…" : s
    }

    private static func walk(_ a: JSONValue, _ b: JSONValue, _ path: String, _ out: inout [String], _ limit: Int) {
        guard out.count < limit, a != b else { return }
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for (key, value) in x.members {
                if let other = y[key] { walk(value, other, path + "/" + key, &out, limit) } else { out.append("\(path)/\(key): removed (was \(short(value)))") }
            }
            for (key, value) in y.members where x[key] == nil { out.append("\(path)/\(key): added \(short(value))") }
        case (.array(let x), .array(let y)):
            for i in 0..<min(x.count, y.count) { walk(x[i], y[i], "\(path)/\(i)", &out, limit) }
            if x.count != y.count { out.append("\(path): \(x.count) items expected, \(y.count) now") }
        default:
            out.append("\(path): \(short(a)) → \(short(b))")
        }
    }
}
