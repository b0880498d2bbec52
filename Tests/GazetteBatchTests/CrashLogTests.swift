import Foundation
import Testing
@testable import GazetteBatch

/// What the report says of a worker that died, and the crash log beside it.
@Suite("Crash logs")
struct CrashLogTests {
    static let item = BatchPlan.Item(
        input: BatchInput(key: "2023/05/第12期.pdf", path: "/data/2023/05/第12期.pdf", bytes: 10), output: "2023/05/第12期.json")

    @Test func reasonNamesTheSignalAndTheLastWords() {
        #expect(CrashLog.reason(status: SIGSEGV, lastWords: "Fatal error: Index out of range", log: "_crashes/a.log")
            == "the worker was killed by SIGSEGV while converting this file (Fatal error: Index out of range); crash log: _crashes/a.log")
        #expect(CrashLog.reason(status: 3 << 8, lastWords: "", log: nil)
            == "the worker exited with status 3 while converting this file")
    }

    /// A SIGKILL the batch did not send is most likely the out-of-memory killer.
    @Test func sigkillFromOutsideGetsAHint() {
        let reason = CrashLog.reason(status: SIGKILL, lastWords: "", log: nil)
        #expect(reason == "the worker was killed by SIGKILL while converting this file; "
            + "SIGKILL from outside the batch usually means the system ran out of memory")
    }

    @Test func aWorkerThatCannotStart() {
        #expect(CrashLog.startFailure(status: 127 << 8, lastWords: "gazette: not found")
            == "the worker cannot start: it exited with status 127: gazette: not found")
        #expect(CrashLog.startFailure(status: 1 << 8, lastWords: "") == "the worker cannot start: it exited with status 1")
    }

    @Test func theLogMirrorsTheInputsTree() throws {
        let directory = try Support.temporaryDirectory("crashlog")
        defer { Support.remove(directory) }
        #expect(CrashLog.write(Self.item, printed: "", status: SIGSEGV, in: directory) == nil)
        let relative = try #require(CrashLog.write(Self.item, printed: "Fatal error: boom\n", status: SIGSEGV, in: directory))
        #expect(relative == "_crashes/2023/05/第12期.log")
        let text = try String(contentsOfFile: directory + "/" + relative, encoding: .utf8)
        #expect(text == "input: /data/2023/05/第12期.pdf\nworker: was killed by SIGSEGV\n\nFatal error: boom\n")
    }

    @Test func noLogWhereItCannotBeWritten() {
        #expect(CrashLog.write(Self.item, printed: "x", status: SIGSEGV, in: "/proc/version") == nil)
    }
}
