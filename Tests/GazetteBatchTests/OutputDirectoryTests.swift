import Foundation
import Gazette
import Testing
@testable import GazetteBatch

/// The output directory: temporaries of killed runs and workers swept, one
/// run per shard.
@Suite("Output directory")
struct OutputDirectoryTests {
    static func touch(_ directory: String, _ names: [String]) throws {
        for name in names { try Support.write(Array("x".utf8), to: directory + "/" + name) }
    }

    @Test func aTemporaryNamesItsTarget() {
        #expect(OutputDirectory.target(ofTemporary: ".gazette-tmp-812-30071-a.json") == "a.json")
        #expect(OutputDirectory.target(ofTemporary: ".gazette-tmp-812-30071-第12期-附件.json") == "第12期-附件.json")
        #expect(OutputDirectory.target(ofTemporary: ".gazette-tmp-812-30071-") == "")
        #expect(OutputDirectory.target(ofTemporary: ".gazette-tmp-812") == nil)
        #expect(OutputDirectory.target(ofTemporary: "a.json") == nil)
        #expect(OutputDirectory.target(ofTemporary: ".gazette-lock-_report") == nil)
    }

    @Test func anUnsplitRunSweepsTheWholeTree() throws {
        let root = try Support.temporaryDirectory("sweep-all")
        defer { Support.remove(root) }
        try Self.touch(root, [".gazette-tmp-1-2-a.json", "2023/.gazette-tmp-3-4-b.json", "2023/05/.gazette-tmp-5-6-c.json",
                              "2023/keep.json", ".gazette-tmp-7-8-_report.json"])
        let directory = OutputDirectory(path: root, shard: Shard(index: 0, count: 1)!)
        #expect(directory.sweepTemporaries(outputs: []) == 4)
        #expect(Support.files(in: root, prefix: ".gazette-tmp-").isEmpty)
        #expect(FileManager.default.fileExists(atPath: root + "/2023/keep.json"))
    }

    /// Other shards may be writing beside it: a shard removes only the
    /// temporaries of its own outputs and of its own report.
    @Test func aShardSweepsOnlyItsOwnTemporaries() throws {
        let root = try Support.temporaryDirectory("sweep-shard")
        defer { Support.remove(root) }
        let mine = ["2023/.gazette-tmp-1-2-a.json", ".gazette-tmp-3-4-_report.shard-0-of-2.json", ".gazette-tmp-5-6-c.json"]
        let theirs = ["2023/.gazette-tmp-7-8-b.json", ".gazette-tmp-9-9-_report.shard-1-of-2.json", ".gazette-tmp-bad"]
        try Self.touch(root, mine + theirs)
        let directory = OutputDirectory(path: root, shard: Shard(index: 0, count: 2)!)
        #expect(directory.sweepTemporaries(outputs: ["2023/a.json", "c.json", "missing/d.json"]) == 3)
        #expect(Support.files(in: root, prefix: ".gazette-tmp-") == theirs.sorted())
    }

    @Test func theTemporaryOfAKilledWorkerIsRemoved() throws {
        let root = try Support.temporaryDirectory("worker-tmp")
        defer { Support.remove(root) }
        try Self.touch(root, ["2023/.gazette-tmp-812-1-a.json", "2023/.gazette-tmp-8120-1-b.json", "2023/a.json"])
        OutputDirectory.removeTemporaries(ofWorker: 812, beside: root + "/2023/a.json")
        #expect(Support.files(in: root + "/2023") == [".gazette-tmp-8120-1-b.json", "a.json"])
        OutputDirectory.removeStaleOutput(root + "/2023/a.json")
        #expect(Support.files(in: root + "/2023") == [".gazette-tmp-8120-1-b.json"])
    }

    @Test func aSecondRunOfTheSameShardIsRefused() throws {
        let root = try Support.temporaryDirectory("lock")
        defer { Support.remove(root) }
        let shard = OutputDirectory(path: root, shard: Shard(index: 1, count: 4)!)
        let held = try shard.lockShard()
        #expect(held.descriptor >= 0)
        #expect(FileManager.default.fileExists(atPath: root + "/.gazette-lock-_report.shard-1-of-4"))
        #expect(throws: BatchRunError.self) { _ = try shard.lockShard() }
        // Another shard of the same directory is not held up.
        let other = try OutputDirectory(path: root, shard: Shard(index: 2, count: 4)!).lockShard()
        other.release()
        held.release()
        try shard.lockShard().release()
    }

    @Test func outputsAndTheReportLieInTheDirectory() throws {
        let directory = OutputDirectory(path: "/data/out", shard: Shard(index: 2, count: 4)!)
        #expect(directory.reportPath == "/data/out/_report.shard-2-of-4.json")
        #expect(directory.absolute("2023/05/第12期.json") == "/data/out/2023/05/第12期.json")
        let root = try Support.temporaryDirectory("create")
        defer { Support.remove(root) }
        try OutputDirectory(path: root + "/a/b", shard: Shard(index: 0, count: 1)!).create()
        #expect(FileManager.default.fileExists(atPath: root + "/a/b"))
        try Self.touch(root, ["file"])
        #expect(throws: BatchRunError.self) { try OutputDirectory(path: root + "/file/out", shard: Shard(index: 0, count: 1)!).create() }
    }
}
