import Foundation
import Gazette
import Testing
@testable import GazetteBatch

/// The report as a run keeps it: entries from the plan, counts as files
/// settle, when it is rewritten, and what the last report lets a run skip.
@Suite("Report book")
struct ReportBookTests {
    static let unsplit = Shard(index: 0, count: 1)!

    /// A plan of `a.pdf`, `b.pdf` and `a.PDF` (whose output collides with a.pdf's).
    static func plan() -> BatchPlan {
        BatchPlan(inputs: [BatchInput(key: "a.pdf", path: "/in/a.pdf", bytes: 100),
                           BatchInput(key: "b.pdf", path: "/in/b.pdf", bytes: 200),
                           BatchInput(key: "a.PDF", path: "/in/a.PDF", bytes: 300)],
                  shard: unsplit, fileExtension: "json")
    }

    static func book(in directory: String = "/nonexistent", interval: Double = 1) -> ReportBook {
        ReportBook(plan: plan(), path: directory + "/_report.json", shard: unsplit, format: .json, interval: interval)
    }

    @Test func everyInputStartsPendingOrFailedBeforeStarting() throws {
        let entries = ReportBook.initialEntries(Self.plan())
        #expect(entries.map(\.key) == ["a.PDF", "a.pdf", "b.pdf"])
        #expect(entries.map(\.status) == [.failed, .pending, .pending])
        let collision = try #require(entries.first)
        #expect(collision.code == .outputCollision && collision.reason?.contains("a.json") == true)
        let counts = Self.book().counts
        #expect(counts.inputs == 3 && counts.failed == 1 && counts.pending == 2)
    }

    @Test func settlingAnEntryMovesItsCounts() throws {
        let book = Self.book()
        try #require(book.entries.count == 3)
        let pending = book.entries[1]
        var ok = pending
        ok.status = .ok
        ok.pages = 12
        ok.seconds = 0.25
        book.settle(1, ok)
        #expect(book.counts.ok == 1 && book.counts.pending == 1 && book.counts.pages == 12 && book.counts.seconds == 0.25)
        // Settled again (not in a run, but the counts stay true).
        book.settle(1, pending.failed(code: .notAPDF, reason: "not a readable PDF", seconds: 0.5))
        #expect(book.counts.ok == 0 && book.counts.failed == 2 && book.counts.pages == 0 && book.counts.seconds == 0.5)
    }

    @Test func closingGivesPendingEntriesTheReason() {
        let book = Self.book()
        book.close(unfinished: "not finished: the run was stopped by SIGTERM")
        #expect(book.entries.map { $0.reason?.hasPrefix("not finished") == true } == [false, true, true])
        let untouched = Self.book()
        untouched.close(unfinished: nil)
        #expect(untouched.entries.dropFirst().allSatisfy { $0.reason == nil })
    }

    /// At most once a second, and never more than 1/20 of the time when
    /// writing the report is slow (10,000 entries).
    @Test func theReportIsRewrittenWhenDue() {
        #expect(!ReportBook.isDue(dirty: false, sinceLastWrite: 60, interval: 1, lastCost: 0.001))
        #expect(!ReportBook.isDue(dirty: true, sinceLastWrite: 0.5, interval: 1, lastCost: 0.001))
        #expect(ReportBook.isDue(dirty: true, sinceLastWrite: 1, interval: 1, lastCost: 0.001))
        #expect(!ReportBook.isDue(dirty: true, sinceLastWrite: 1.5, interval: 1, lastCost: 0.1))
        #expect(ReportBook.isDue(dirty: true, sinceLastWrite: 2, interval: 1, lastCost: 0.1))
        #expect(ReportBook.isDue(dirty: true, sinceLastWrite: 0, interval: 0, lastCost: 0))
    }

    @Test func theWrittenReportIsTheBook() throws {
        let directory = try Support.temporaryDirectory("book")
        defer { Support.remove(directory) }
        let book = Self.book(in: directory)
        let written = book.write(complete: false)
        let read = try Support.report(directory + "/_report.json")
        #expect(read == written)
        #expect(read.entries == book.entries && !read.complete && read.shard == nil && read.format == .json)
        #expect(Support.files(in: directory, prefix: ".gazette-tmp-").isEmpty)
    }

    @Test func aReplyFillsTheEntry() {
        let pending = ReportEntry(key: "a.pdf", input: "/in/a.pdf", status: .pending)
        let ok = pending.answered(
            by: WorkerReply(id: 4, status: .ok, pages: 3, seconds: 0.2, sha256: "ab12", outputBytes: 900,
                            outputModified: 1_795_060_149_123_456_789, warnings: [.noTextLayer]),
            output: "a.json")
        #expect(ok.status == .ok && ok.output == "a.json" && ok.outputBytes == 900 && ok.pages == 3)
        #expect(ok.sha256 == "ab12" && ok.warnings == [.noTextLayer] && ok.outputModified == 1_795_060_149_123_456_789)
        let failed = pending.answered(
            by: WorkerReply(id: 5, status: .failed, code: .passwordRequired, reason: "the PDF is encrypted",
                            seconds: 0.01, sha256: "cd34", outputBytes: 1),
            output: "a.json")
        #expect(failed.status == .failed && failed.code == .passwordRequired && failed.output == nil)
        #expect(failed.outputBytes == nil && failed.sha256 == "cd34")
    }

    @Test func aFailureKeepsMillisecondsOnly() {
        let entry = ReportEntry(key: "a.pdf", input: "/in/a.pdf", status: .pending)
            .failed(code: .timedOut, reason: "took longer than 1 s (--timeout); the worker was killed", seconds: 1.23456)
        #expect(entry.status == .failed && entry.code == .timedOut && entry.seconds == 1.235)
    }

    // MARK: resuming

    static func lastReport(format: OutputFormat, version: String = GazetteVersion.current) -> BatchReport {
        func entry(_ key: String, _ status: EntryStatus, sha: String? = "ab12") -> ReportEntry {
            ReportEntry(key: key, input: "/in/" + key, status: status, pages: 2, output: key + ".jsonl", sha256: sha,
                        outputBytes: 500, outputModified: 1_700_000_000_000_000_000)
        }
        return BatchReport(tool: ToolInfo(version: version), shard: nil, format: format, startedAt: "2026-01-01T00:00:00Z",
                           updatedAt: "2026-01-01T00:00:09Z", complete: false,
                           entries: [entry("ok", .ok), entry("skipped", .skipped), entry("failed", .failed),
                                     entry("pending", .pending), entry("unhashed", .ok, sha: nil)])
    }

    /// Only outputs the report lists as made (ok or up to date), with their
    /// hash, size and time, in the same format, are vouched for.
    @Test func theLastReportVouchesForTheOutputsItMade() throws {
        let known = ReportBook.knownOutputs(in: Self.lastReport(format: .jsonl, version: "0.0.9"), format: .jsonl)
        #expect(Set(known.keys) == ["ok.jsonl", "skipped.jsonl"])
        let ok = try #require(known["ok.jsonl"])
        #expect(ok == KnownOutput(provenance: OutputProvenance(sha256: "ab12", toolVersion: "0.0.9", pages: 2),
                                  outputBytes: 500, outputModified: 1_700_000_000_000_000_000))
    }

    @Test func noOrAnotherFormatsReportVouchesForNothing() {
        #expect(ReportBook.knownOutputs(in: nil, format: .jsonl).isEmpty)
        #expect(ReportBook.knownOutputs(in: Self.lastReport(format: .xlsx), format: .jsonl).isEmpty)
    }

    @Test func settlingCountsDocumentsWithTextLost() {
        let pending = ReportEntry(key: "a.pdf", input: "/in/a.pdf", status: .pending)
        var lost = pending
        lost.status = .ok
        lost.warnings = [.missingLanguagePack]
        var summary = ReportSummary([pending])
        summary.replace(pending, with: lost)
        #expect(summary.textLost == 1 && summary.ok == 1 && summary.pending == 0)
        #expect(summary == ReportSummary([lost]))
    }
}
