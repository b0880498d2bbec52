import Foundation
import Gazette
import Testing
@testable import GazetteBatch

/// `gazette batch` end to end, as a user runs it (one test at a time: each
/// starts worker processes of its own, and the machine has two cores).
@Suite("gazette batch", .serialized)
struct BatchRunTests {
    /// Small real PDFs, the bases of the broken corpus.
    static let smallBases = [
        "pdfminer__simple3.pdf", "pdfjs__noembed-eucjp.pdf", "pdfminer__jo.pdf", "pdfjs__vertical.pdf",
        "pdfjs__issue15340.pdf",
    ]

    /// Writes the broken corpus under `directory`: for each small base,
    /// truncations at 20 offsets, 20 with bytes flipped and 20 with a range
    /// zeroed; plus the bases themselves, empty files, files that are not
    /// PDFs, the encrypted PDF and a scan without text. Returns the keys.
    static func makeBrokenCorpus(in directory: String) throws -> [String] {
        var generator = Support.SeededGenerator(seed: 20_260_105)
        var keys: [String] = []
        func put(_ bytes: [UInt8], _ relative: String) throws {
            try Support.write(bytes, to: directory + "/broken/" + relative)
            keys.append("broken/" + relative)
        }
        for base in smallBases {
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: try Support.sharedCorpus(base))))
            // The cuts below need more bytes than the last cut leaves off (7).
            try #require(original.count > 8, "\(base) is too small to cut")
            let name = String(base.dropLast(4))
            try put(original, "\(name)/original.pdf")
            for step in 1...20 {
                // Spread over the file, and always the last bytes (the xref).
                let offset = step == 20 ? original.count - 7 : original.count * step / 21 + Int.random(in: 0..<16, using: &generator)
                try put(Array(original[0..<min(offset, original.count - 1)]), "\(name)/truncated-\(step).pdf")
            }
            for step in 1...20 {
                var bytes = original
                for _ in 0..<(1 + step % 8) {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
                }
                try put(bytes, "\(name)/flipped-\(step).pdf")
            }
            for step in 1...20 {
                var bytes = original
                let length = Int.random(in: 1...max(1, bytes.count / 8), using: &generator)
                let start = Int.random(in: 0..<(bytes.count - length), using: &generator)
                for at in start..<(start + length) { bytes[at] = 0 }
                try put(bytes, "\(name)/zeroed-\(step).pdf")
            }
        }
        try put([], "other/empty.pdf")
        try put([], "other/EMPTY-UPPER.PDF")
        try put(Array("Hello, this is plain text and no PDF.\n".utf8), "other/text.pdf")
        try put(Array("<html><body>404 Not Found</body></html>".utf8), "other/html.pdf")
        try put([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64), "other/png.pdf")
        try put(Array("%PDF-1.7\n".utf8), "other/header-only.pdf")
        try put(Array("%PDF-1.4\n%%EOF\n".utf8), "other/header-and-eof.pdf")
        try put((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, "other/random.pdf")
        try put(Array(try Data(contentsOf: URL(fileURLWithPath: try Support.sharedCorpus("tabula__encrypted.pdf")))),
                "other/encrypted.pdf")
        try put(Support.scannedPDF(), "other/scan.pdf")
        return keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test("300+ broken inputs: each in the report once, ok outputs valid, exit 1, no temporaries")
    func brokenCorpus() throws {
        let root = try Support.temporaryDirectory("broken")
        defer { Support.remove(root) }
        let keys = try Self.makeBrokenCorpus(in: root)
        #expect(keys.count >= 300)
        let out = root + "/out"
        let result = try Support.run(["batch", root + "/broken", "--out", out, "--jobs", "2", "--timeout", "60",
                                      "--progress", "json"], limit: 100)
        #expect(result.status == 1, "\(result.stderr.suffix(2000))")

        let report = try Support.report(out + "/_report.json")
        let codes = Dictionary(grouping: report.entries.compactMap(\.code), by: { $0 }).mapValues(\.count)
        print("broken corpus: \(report.summary.inputs) inputs, \(report.summary.ok) ok, \(report.summary.failed) failed \(codes)")
        #expect(report.complete)
        #expect(report.entries.map(\.key) == keys)
        #expect(Set(report.entries.map(\.key)).count == report.entries.count)
        #expect(report.summary.pending == 0)
        #expect(report.summary.failed > 0 && report.summary.ok > 0)
        for entry in report.entries {
            switch entry.status {
            case .ok:
                let output = try #require(entry.output)
                #expect(try DocumentValidator.shared.validate(fileAt: out + "/" + output).isEmpty, "\(entry.key)")
                #expect(entry.pages != nil && entry.sha256 != nil)
            case .failed:
                #expect(entry.reason?.isEmpty == false && entry.code != nil, "\(entry.key)")
                #expect(entry.output == nil)
                let would = out + "/" + BatchInput(key: entry.key, path: "", bytes: 0).outputPath(fileExtension: "json")
                #expect(!FileManager.default.fileExists(atPath: would), "\(entry.key)")
            case .skipped, .pending:
                Issue.record("\(entry.key): \(entry.status)")
            }
        }
        let byKey = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.key, $0) })
        #expect(byKey["broken/other/empty.pdf"]?.code == .emptyFile)
        #expect(byKey["broken/other/EMPTY-UPPER.PDF"]?.code == .emptyFile)
        #expect(byKey["broken/other/text.pdf"]?.code == .notAPDF)
        #expect(byKey["broken/other/encrypted.pdf"]?.code == .passwordRequired)
        #expect(byKey["broken/other/scan.pdf"]?.status == .ok)
        // Read by OCR (--ocr auto): a grey square has no text, and says so.
        #expect(byKey["broken/other/scan.pdf"]?.warnings.contains(.ocr) == true)
        #expect(byKey["broken/other/scan.pdf"]?.ocrPages == 1)
        for base in Self.smallBases {
            #expect(byKey["broken/\(base.dropLast(4))/original.pdf"]?.status == .ok)
        }
        #expect(Support.files(in: out, prefix: AtomicFile.temporaryPrefix).isEmpty)
        // One JSON line per input on standard error (not a terminal).
        let fileLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("{\"event\":\"file\"") }
        #expect(fileLines.count == keys.count)
    }

    @Test("a worker that crashes, hangs or eats memory costs exactly its file")
    func isolation() throws {
        let root = try Support.temporaryDirectory("isolation")
        defer { Support.remove(root) }
        let source = try Support.sharedCorpus("pdfminer__jo.pdf")
        let names = ["a", "b", "crashme", "c", "hangme", "d", "hogme", "e"]
        for name in names { try Support.copy(source, to: "\(root)/in/\(name).pdf") }
        let out = root + "/out"
        let started = Date()
        let result = try Support.run(
            // The timeout leaves the crashing worker time for its backtrace
            // on a loaded machine.
            ["batch", root + "/in", "--out", out, "--jobs", "2", "--timeout", "10", "--max-memory", "400M",
             "--progress", "none"],
            environment: [BatchWorker.crashSwitch: "crashme", BatchWorker.hangSwitch: "hangme",
                          BatchWorker.hogSwitch: "hogme"],
            limit: 60)
        #expect(result.status == 1)
        #expect(Date().timeIntervalSince(started) < 45)
        let report = try Support.report(out + "/_report.json")
        let byKey = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.key, $0) })
        #expect(byKey["in/crashme.pdf"]?.code == .crashed)
        #expect(byKey["in/crashme.pdf"]?.reason?.contains("SIGSEGV") == true)
        #expect(byKey["in/crashme.pdf"]?.reason?.contains("crash log: _crashes/in/crashme.log") == true)
        #expect(FileManager.default.fileExists(atPath: out + "/_crashes/in/crashme.log"))
        #expect(byKey["in/hangme.pdf"]?.code == .timedOut)
        #expect(byKey["in/hogme.pdf"]?.code == .memoryLimit)
        for name in ["a", "b", "c", "d", "e"] {
            #expect(byKey["in/\(name).pdf"]?.status == .ok, "\(name)")
        }
        #expect(report.summary.ok == 5 && report.summary.failed == 3)
        #expect(Support.files(in: out, prefix: AtomicFile.temporaryPrefix).isEmpty)
    }

    @Test("SIGTERM stops the run: workers stopped, report written, unfinished inputs pending, exit 143")
    func terminated() throws {
        let root = try Support.temporaryDirectory("sigterm")
        defer { Support.remove(root) }
        let source = try Support.sharedCorpus("pdfminer__jo.pdf")
        for name in ["a", "b", "hangme"] { try Support.copy(source, to: "\(root)/in/\(name).pdf") }
        let out = root + "/out"
        let running = try Support.start(
            ["batch", root + "/in", "--out", out, "--jobs", "2", "--timeout", "60", "--progress", "json"],
            environment: [BatchWorker.hangSwitch: "hangme"])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && running.readErr().components(separatedBy: "\"status\":\"ok\"").count < 3 {
            usleep(20_000)
        }
        kill(running.process.processIdentifier, SIGTERM)
        running.process.waitUntilExit()
        #expect(running.process.terminationStatus == 128 + SIGTERM)
        let report = try Support.report(out + "/_report.json")
        #expect(!report.complete)
        #expect(report.summary.ok == 2 && report.summary.pending == 1)
        let hung = report.entries.first { $0.key == "in/hangme.pdf" }
        #expect(hung?.status == .pending && hung?.reason?.contains("SIGTERM") == true)
        #expect(Support.files(in: out, prefix: AtomicFile.temporaryPrefix).isEmpty)
    }

    @Test("killed with SIGKILL midway, a second run finishes the rest and redoes nothing")
    func killAndResume() throws {
        let root = try Support.temporaryDirectory("resume")
        defer { Support.remove(root) }
        var inputs: [String] = []
        for copy in 1...4 {
            for pdf in Support.ownCorpus() {
                let path = "\(root)/in/set\(copy)/\((pdf as NSString).lastPathComponent)"
                try Support.copy(pdf, to: path)
                inputs.append(path)
            }
        }
        #expect(inputs.count >= 20)
        let out = root + "/out"
        let arguments = ["batch", root + "/in", "--out", out, "--jobs", "1", "--progress", "none"]
        let running = try Support.start(arguments)
        // Wait for a few outputs, then kill the coordinator outright.
        let deadline = Date().addingTimeInterval(60)
        var done: [String] = []
        while Date() < deadline && running.process.isRunning {
            done = Support.outputs(in: out)
            if done.count >= 4 { break }
            usleep(5_000)
        }
        #expect(running.process.isRunning, "the run ended before it could be killed")
        let coordinator = running.process.processIdentifier
        #expect(!Support.workers(of: coordinator).isEmpty)
        kill(coordinator, SIGKILL)
        running.process.waitUntilExit()
        // The kernel ends the orphaned worker (PR_SET_PDEATHSIG).
        let orphansGone = Date().addingTimeInterval(5)
        while !Support.workers(of: coordinator).isEmpty && Date() < orphansGone { usleep(10_000) }
        #expect(Support.workers(of: coordinator).isEmpty)
        let finished = Support.outputs(in: out)
        #expect(finished.count >= 4 && finished.count < inputs.count)
        var stamps: [String: Int] = [:]
        for file in finished { stamps[file] = fileStamp(out + "/" + file)?.modified }
        // The killed run's report is complete JSON and says what was done.
        let killed = try Support.report(out + "/_report.json")
        #expect(!killed.complete)
        #expect(killed.entries.count == inputs.count)
        #expect(killed.summary.pending > 0)
        for entry in killed.entries where entry.status == .ok { #expect(finished.contains(entry.output ?? "")) }

        let second = try Support.run(arguments, limit: 100)
        #expect(second.status == 0, "\(second.stderr)")
        let report = try Support.report(out + "/_report.json")
        #expect(report.complete)
        #expect(report.summary.ok + report.summary.skipped == inputs.count)
        let byOutput = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.output ?? $0.key, $0) })
        for file in finished {
            #expect(byOutput[file]?.status == .skipped, "\(file) was redone")
            #expect(fileStamp(out + "/" + file)?.modified == stamps[file], "\(file) was rewritten")
        }
        #expect(report.summary.ok == inputs.count - finished.count)
        #expect(Support.files(in: out, prefix: AtomicFile.temporaryPrefix).isEmpty)

        // A third run does nothing; --force redoes everything, byte for byte.
        let third = try Support.run(arguments, limit: 60)
        #expect(third.status == 0)
        #expect(try Support.report(out + "/_report.json").summary.skipped == inputs.count)
        var before: [String: Data] = [:]
        for file in Support.outputs(in: out) {
            before[file] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
        }
        let forced = try Support.run(arguments + ["--force", "--jobs", "2"], limit: 100)
        #expect(forced.status == 0)
        #expect(try Support.report(out + "/_report.json").summary.ok == inputs.count)
        for (file, bytes) in before {
            #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)) == bytes, "\(file) differs")
        }
    }

    @Test("outputs are the bytes `gazette extract` writes, whatever the number of workers")
    func deterministic() throws {
        let root = try Support.temporaryDirectory("determinism")
        defer { Support.remove(root) }
        let corpus = Support.packageRoot.appendingPathComponent("corpus").path
        #expect(try Support.run(["batch", corpus, "--out", root + "/one", "--jobs", "1", "--progress", "none"]).status == 0)
        #expect(try Support.run(["batch", corpus, "--out", root + "/two", "--jobs", "2", "--progress", "none"]).status == 0)
        for pdf in Support.ownCorpus() {
            let name = ((pdf as NSString).lastPathComponent as NSString).deletingPathExtension + ".json"
            let extracted = root + "/extract-" + name
            #expect(try Support.run(["extract", pdf, "-o", extracted]).status == 0)
            let one = try Data(contentsOf: URL(fileURLWithPath: root + "/one/corpus/" + name))
            let two = try Data(contentsOf: URL(fileURLWithPath: root + "/two/corpus/" + name))
            #expect(one == two, "\(name)")
            #expect(one == (try Data(contentsOf: URL(fileURLWithPath: extracted))), "\(name)")
        }
    }

    @Test("four shards on one directory cover every input exactly once; `gazette report` merges them")
    func shards() throws {
        let root = try Support.temporaryDirectory("shards")
        defer { Support.remove(root) }
        var keys: [String] = []
        for base in Self.smallBases {
            for copy in 1...8 {
                let key = "in/\(base.dropLast(4))/copy-\(copy).pdf"
                try Support.copy(try Support.sharedCorpus(base), to: root + "/" + key)
                keys.append(key)
            }
        }
        let out = root + "/out"
        // Temporaries left by killed runs: each shard sweeps those of its own
        // outputs, none of another's; the one of no input stays.
        var planted: [String] = []
        for key in keys {
            let output = BatchInput(key: key, path: "", bytes: 0).outputPath(fileExtension: "json")
            let temporary = (output as NSString).deletingLastPathComponent + "/" + AtomicFile.temporaryPrefix
                + "999999-1-" + (output as NSString).lastPathComponent
            try Support.write(Array("{".utf8), to: out + "/" + temporary)
            planted.append(temporary)
        }
        let foreign = "in/" + AtomicFile.temporaryPrefix + "999999-2-unrelated.json"
        try Support.write(Array("{".utf8), to: out + "/" + foreign)
        // Four shards at once, as four machines would run them; one gets its
        // shard from Kubernetes' variables, one from Slurm's.
        let common = ["batch", root + "/in", "--out", out, "--jobs", "1", "--progress", "none"]
        let runs = [
            try Support.start(common + ["--shard", "0/4"]),
            try Support.start(common, environment: ["JOB_COMPLETION_INDEX": "1", "GAZETTE_SHARDS": "4"]),
            try Support.start(common, environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4",
                                                    "SLURM_ARRAY_TASK_MIN": "1"]),
            try Support.start(common + ["--shard", "3/4"]),
        ]
        for run in runs { run.process.waitUntilExit() }
        for run in runs { #expect(run.process.terminationStatus == 0, "\(run.readErr())") }

        var seen: [String] = []
        for index in 0..<4 {
            let report = try Support.report(out + "/_report.shard-\(index)-of-4.json")
            #expect(report.shard == BatchReport.ShardInfo(index: index, count: 4))
            #expect(report.complete)
            #expect(!report.entries.isEmpty)
            seen += report.entries.map(\.key)
        }
        #expect(seen.sorted() == keys.sorted())
        #expect(!FileManager.default.fileExists(atPath: out + "/_report.json"))
        #expect(Support.files(in: out, prefix: AtomicFile.temporaryPrefix) == [foreign])

        let merged = try Support.run(["report", out, "--input", root + "/in"])
        #expect(merged.status == 0, "\(merged.stdout)")
        #expect(merged.stdout.contains("\(keys.count) inputs"))
        let whole = try Support.report(out + "/_report.json")
        #expect(whole.entries.map(\.key) == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(whole.complete && whole.shard == nil)

        // A shard that never reported, and an input no shard saw: exit 1.
        try FileManager.default.removeItem(atPath: out + "/_report.shard-2-of-4.json")
        try Support.copy(try Support.sharedCorpus("pdfminer__jo.pdf"), to: root + "/in/late.pdf")
        let incomplete = try Support.run(["report", out, "--input", root + "/in", "-o", "-"])
        #expect(incomplete.status == 1)
        #expect(incomplete.stdout.contains("no report of shard 2"))
        #expect(incomplete.stdout.contains("in/late.pdf"))
    }

    @Test("bad inputs: clear reasons, warnings for scans, --max-pages, passwords")
    func badInputs() throws {
        let root = try Support.temporaryDirectory("bad")
        defer { Support.remove(root) }
        let encrypted = try Support.sharedCorpus("tabula__encrypted.pdf")
        let vertical = try Support.sharedCorpus("pdfjs__vertical.pdf")  // 3 pages
        let simple = try Support.sharedCorpus("pdfminer__simple3.pdf")  // 1 page
        try Support.write([], to: root + "/in/empty.pdf")
        try Support.write(Array("GIF89a".utf8), to: root + "/in/not-a-pdf.pdf")
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: simple)))
        try Support.write(Array(original.prefix(original.count / 2)), to: root + "/in/truncated.pdf")
        try Support.copy(encrypted, to: root + "/in/encrypted.pdf")
        try Support.write(Support.scannedPDF(), to: root + "/in/scan.pdf")
        try Support.copy(vertical, to: root + "/in/three-pages.pdf")
        try Support.copy(simple, to: root + "/in/one-page.pdf")
        let out = root + "/out"

        let first = try Support.run(["batch", root + "/in", "--out", out, "--max-pages", "2", "--progress", "none"])
        #expect(first.status == 1)
        var byKey = Dictionary(uniqueKeysWithValues: try Support.report(out + "/_report.json").entries.map { ($0.key, $0) })
        #expect(byKey["in/empty.pdf"]?.code == .emptyFile)
        #expect(byKey["in/not-a-pdf.pdf"]?.code == .notAPDF)
        #expect(byKey["in/truncated.pdf"]?.status == .failed || byKey["in/truncated.pdf"]?.status == .ok)
        #expect(byKey["in/encrypted.pdf"]?.code == .passwordRequired)
        #expect(byKey["in/encrypted.pdf"]?.reason?.contains("--password") == true)
        #expect(byKey["in/three-pages.pdf"]?.code == .tooManyPages)
        #expect(byKey["in/scan.pdf"]?.status == .ok)
        #expect(byKey["in/scan.pdf"]?.warnings == [.ocr])
        #expect(byKey["in/scan.pdf"]?.ocrPages == 1)
        #expect(try Support.report(out + "/_report.json").summary.ocrPages == 1)
        #expect(byKey["in/one-page.pdf"]?.status == .ok)

        // --ocr reaches the workers: off leaves the scan unread.
        let off = try Support.run(["batch", root + "/in/scan.pdf", "--out", root + "/off", "--ocr", "off",
                                   "--progress", "none"])
        #expect(off.status == 0, "\(off.stderr)")
        let offEntry = try Support.report(root + "/off/_report.json").entries.first
        #expect(offEntry?.warnings == [.noTextLayer])
        #expect(offEntry?.ocrPages == 0)
        #expect(try Support.run(["batch", root + "/in/scan.pdf", "--out", root + "/off", "--ocr", "sometimes"]).status == 2)
        #expect(try Support.run(["batch", root + "/in/scan.pdf", "--out", root + "/off", "--ocr-lang", "chi tra"]).status == 2)

        let wrong = try Support.run(["batch", root + "/in/encrypted.pdf", "--out", out, "--password", "nope",
                                     "--progress", "none"])
        #expect(wrong.status == 1)
        byKey = Dictionary(uniqueKeysWithValues: try Support.report(out + "/_report.json").entries.map { ($0.key, $0) })
        #expect(byKey["encrypted.pdf"]?.code == .wrongPassword)

        let right = try Support.run(["batch", root + "/in/encrypted.pdf", root + "/in/one-page.pdf", "--out", out,
                                     "--password", "userpassword", "--progress", "none"])
        #expect(right.status == 0, "\(right.stderr)")
        byKey = Dictionary(uniqueKeysWithValues: try Support.report(out + "/_report.json").entries.map { ($0.key, $0) })
        #expect(byKey["encrypted.pdf"]?.status == .ok)
        #expect(byKey["one-page.pdf"]?.status == .ok)

        // An input replaced by garbage fails, and its old output goes.
        try Support.write(Array("garbage".utf8), to: root + "/in/one-page.pdf")
        let replaced = try Support.run(["batch", root + "/in/one-page.pdf", "--out", out, "--progress", "none"])
        #expect(replaced.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out + "/one-page.json"))
    }

    @Test("--fail-fast stops at the first failure; usage errors exit 2")
    func failFastAndUsage() throws {
        let root = try Support.temporaryDirectory("failfast")
        defer { Support.remove(root) }
        // The largest file goes first: make it the bad one.
        try Support.write([UInt8](repeating: 0x41, count: 200_000), to: root + "/in/big-bad.pdf")
        for copy in 1...5 { try Support.copy(try Support.sharedCorpus("pdfminer__jo.pdf"), to: root + "/in/ok-\(copy).pdf") }
        let out = root + "/out"
        let result = try Support.run(["batch", root + "/in", "--out", out, "--jobs", "1", "--fail-fast", "--progress", "none"])
        #expect(result.status == 1)
        let report = try Support.report(out + "/_report.json")
        #expect(report.summary.failed == 1 && report.summary.pending == 5 && !report.complete)
        #expect(report.entries.first { $0.status == .pending }?.reason?.contains("--fail-fast") == true)

        #expect(try Support.run(["batch", root + "/nope", "--out", out]).status == 2)
        #expect(try Support.run(["batch", root + "/in", "--out", out, "--shard", "4/4"]).status == 2)
        #expect(try Support.run(["batch", root + "/in"]).status == 2)
        #expect(try Support.run(["batch", root + "/in", "--out", out, "--max-memory", "lots"]).status == 2)
        #expect(try Support.run(["batch", root + "/in", "--out", out], environment: ["JOB_COMPLETION_INDEX": "1"]).status == 2)
        #expect(try Support.run(["report", root + "/empty-dir-that-is-not-there"]).status == 2)
    }
}
