import Foundation
import Testing

/// `gazette merge` over a batch's output directory: every record of every
/// document in one workbook, one CSV per type, one JSON Lines file and one
/// SQLite database, read back by `python/check_merge.py` (sqlite3,
/// pd.read_sql, pd.read_excel, pd.read_csv) with provenance checked; bad
/// input names the file and leaves nothing behind. Python with pandas and
/// openpyxl is required (scripts/bootstrap installs them).
@Suite("gazette merge", .serialized)
struct MergeTests {
    @Test func aBatchMergesIntoEveryFormatWithProvenance() throws {
        let python = try #require(E2E.python(importing: ["openpyxl", "pandas", "sqlite3"]),
                                  "python3 with openpyxl and pandas is not installed: run scripts/bootstrap")
        let work = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out").path
        let batch = try E2E.run(["batch", E2E.corpus.path, "--out", out, "--progress", "none"])
        #expect(batch.status == 0, "\(batch.stderr)")

        let merged = work.appendingPathComponent("merged")
        var outputs: [String: String] = [:]
        for format in ["xlsx", "csv", "jsonl", "sqlite"] {
            let target = format == "csv" ? merged.path : merged.path + "." + format
            let run = try E2E.run(["merge", out, "--format", format, "-o", target])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stderr.contains("merged \(E2E.corpusStems().count) document(s)"), "\(run.stderr)")
            outputs[format] = target
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: work.path)
        #expect(names.contains("merged.documents.csv") && names.contains("merged.tables.csv") && names.contains("merged.trip.csv"),
                "\(names.sorted())")
        #expect(!names.contains { $0.hasPrefix(".gazette-tmp-") }, "temporaries left: \(names)")

        let output = try E2E.runTool(python, [E2E.pythonScripts.appendingPathComponent("check_merge.py").path, out,
                                               outputs["xlsx"]!, outputs["csv"]!, outputs["jsonl"]!, outputs["sqlite"]!])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        for problem in result["problems"] as? [String] ?? ["the checker gave no problems list"] { Issue.record("\(problem)") }
        let checked = result["checked"] as? [String: Int] ?? [:]
        #expect(checked["documents"] == E2E.corpusStems().count, "\(checked)")
        let records = checked["jsonl records"] ?? 0
        #expect(records > 300, "\(checked)")
        for format in ["sqlite", "xlsx", "csv"] { #expect(checked["\(format) records"] == records, "\(format): \(checked)") }

        // The same documents give the same bytes.
        let again = merged.path + "-again.xlsx"
        #expect(try E2E.run(["merge", out, "--format", "xlsx", "-o", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: outputs["xlsx"]!)))
    }

    @Test func documentsGivenOneByOneAndIntoADirectory() throws {
        let python = try #require(E2E.python(importing: ["sqlite3"]), "python3 is not installed")
        let work = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var documents: [String] = []
        for stem in ["funding-plan", "trip-report"] {
            let json = work.appendingPathComponent("\(stem).json").path
            #expect(try E2E.run(["extract", E2E.corpus.appendingPathComponent("\(stem).pdf").path, "-o", json]).status == 0)
            documents.append(json)
        }
        let directory = work.appendingPathComponent("merged").path + "/"
        let run = try E2E.run(["merge"] + documents + ["--format", "sqlite", "-o", directory])
        #expect(run.status == 0, "\(run.stderr)")
        let counts = try E2E.runTool(python, ["-c", """
            import sqlite3, sys
            con = sqlite3.connect(sys.argv[1])
            print(con.execute("SELECT count(*) FROM documents").fetchone()[0], con.execute("SELECT group_concat(file) FROM documents").fetchone()[0])
            """, directory + "merged.sqlite"])
        #expect(counts.trimmingCharacters(in: .whitespacesAndNewlines) == "2 funding-plan.pdf,trip-report.pdf", "\(counts)")
    }

    @Test func badInputIsNamedAndLeavesNoOutput() throws {
        let work = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let docs = work.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        #expect(try E2E.run(["extract", E2E.corpus.appendingPathComponent("funding-plan.pdf").path,
                             "-o", docs.appendingPathComponent("a.json").path]).status == 0)
        try Data(#"{"schemaVersion": "1.0.0", "tool": {"name": "gazette", "version": "0"}}"#.utf8)
            .write(to: docs.appendingPathComponent("b.json"))
        for format in ["xlsx", "csv", "jsonl", "sqlite"] {
            let run = try E2E.run(["merge", docs.path, "--format", format, "-o", work.appendingPathComponent("m").path])
            #expect(run.status == 1, "\(format): exit \(run.status)")
            #expect(run.stderr.contains("b.json: not a gazette document: the top level has no “source”"), "\(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["docs"])
        // No documents at all, a missing input, a format that does not merge.
        let empty = work.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try E2E.run(["merge", empty.path, "--format", "jsonl", "-o", work.appendingPathComponent("m.jsonl").path])
        #expect(none.status == 1 && none.stderr.contains("no gazette JSON documents"), "\(none.stderr)")
        let missing = try E2E.run(["merge", work.appendingPathComponent("nope").path, "--format", "jsonl", "-o", "x.jsonl"])
        #expect(missing.status == 1 && missing.stderr.contains("nope: no such file or directory"), "\(missing.stderr)")
        let json = try E2E.run(["merge", docs.path, "--format", "json", "-o", "x.json"])
        #expect(json.status == 2 && json.stderr.contains("merge writes jsonl, csv, xlsx, sqlite"), "\(json.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["docs", "empty"])
    }
}
