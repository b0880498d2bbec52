import Foundation
import Testing
@testable import GazetteEmit

/// What `gazette merge` stands on: its inputs walked, bad documents named,
/// its files named and put in place together.
@Suite struct PendingFilesTests {
    @Test func nothingIsTouchedUntilCommit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-pending-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.csv")
        let pending = AtomicFile.PendingFiles()
        let temporary = try pending.temporary(for: target)
        #expect(try pending.temporary(for: target) == temporary)
        _ = try pending.scratchDirectory(beside: target)
        try Data("new".utf8).write(to: temporary)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try pending.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])

        let again = AtomicFile.PendingFiles()
        try Data("half".utf8).write(to: try again.temporary(for: target))
        again.discard()
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])
    }
}

@Suite struct MergeInputTests {
    @Test func documentsAreWalkedInNameOrderWithoutReportsAndTemporaries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b.json", "a/z.json", "a/c.json", "_report.json", "_report.shard-0-of-2.json", ".gazette-tmp-1-2-x.json",
                     "_crashes/q.json", "notes.txt", "x.csv.d/x.t1.csv", "a.xlsx"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: url)
        }
        var files = try DocumentFiles([root.path, root.appendingPathComponent("notes.txt").path])
        var found: [String] = []
        while let path = try files.next() { found.append(String(path.dropFirst(root.path.count + 1))) }
        #expect(found == ["a/c.json", "a/z.json", "b.json", "notes.txt"])
        #expect(throws: ExportError.self) { _ = try DocumentFiles([root.appendingPathComponent("missing").path]) }
    }

    @Test func aBadDocumentIsNamedWithWhatIsWrong() {
        do {
            _ = try DocumentContents.read(Data(#"{"tool": {"name": "gazette", "version": "1"}}"#.utf8), path: "x/a.json")
            Issue.record("read a document without a source")
        } catch {
            #expect(error.localizedDescription == "x/a.json: not a gazette document: the top level has no “source”",
                    "\(error.localizedDescription)")
        }
        do {
            _ = try DocumentContents.read(Data("[1,".utf8), path: "b.json")
            Issue.record("read a document that is no JSON")
        } catch {
            #expect(error.localizedDescription.hasPrefix("b.json: not a gazette document: not JSON"), "\(error.localizedDescription)")
        }
    }

    @Test func mergeTargets() {
        #expect(MergeTarget(output: "/o/all.csv", format: .csv).url("trip").path == "/o/all.trip.csv")
        #expect(MergeTarget(output: "/o/all", format: .csv).url("documents").path == "/o/all.documents.csv")
        #expect(MergeTarget(output: "/o/", format: .csv).url("trip").path == "/o/merged.trip.csv")
        #expect(MergeTarget(output: "/o/", format: .sqlite).url(nil).path == "/o/merged.sqlite")
        #expect(MergeTarget(output: "/o/all.db", format: .sqlite).url(nil).path == "/o/all.db")
    }
}
