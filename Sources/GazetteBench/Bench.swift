import ArgumentParser
import Foundation
import Gazette
import GazetteScoring

/// `gazette-bench`: the full pipeline on the corpus PDFs against poppler's
/// own floor (`pdftotext -bbox-layout` on the same files, in the same run)
/// and, when installed, pdfplumber's `extract_tables`; time per stage and
/// peak RSS per file. Prints ratios, since machines are noisy.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench",
        abstract: "Measure gazette's speed and memory against pdftotext and pdfplumber.")

    @Flag(help: "A few small files only (for CI, so the benchmark cannot rot).")
    var short = false

    @Option(help: "PDFs to measure (default: corpus/ and ../shared/corpus/).")
    var files: [String] = []

    @Flag(help: "Skip pdfplumber even when it is installed.")
    var noPeers = false

    @Option(help: "Runs per file; the fastest counts (default 1, short mode 1).")
    var runs: Int = 1

    @Option(help: "Append the results as a dated section to this Markdown file.")
    var record: String?

    @Flag(help: "Skip the batch scaling measure (gazette batch --jobs 1 against --jobs 2).")
    var noBatch = false

    @Option(help: "Child mode: extract this file in this process and print its timings.")
    var child: String?

    @Option(help: "Child mode: read only the first N pages.")
    var firstPages: Int?

    @Option(help: "Score OCR on the scanned twins in this directory (scripts/make-scanned-twins) instead.")
    var ocrTwins: String?

    @Option(help: "With --ocr-twins: only these kinds (300, 200, skew, upside), comma-separated.")
    var twinKinds: String?

    @Option(help: "Score OCR on the real pages whose text was typed from the image (the pageTexts of the truth files in this directory).")
    var ocrReal: String?

    @Option(help: "With --ocr-real: directories holding the PDFs (default: ../shared/corpus-real and ../shared/corpus).")
    var pdfs: [String] = []

    @Flag(help: "Score tables and records on the real truth set (corpus/truth-real, PDFs in ../shared/corpus-real), tuned and held-out apart.")
    var real = false

    @Option(help: "Measure gazette merge on this many documents (and a tenth of it), copies of the corpus outputs, instead.")
    var merge: Int?

    func run() throws {
        if real {
            try runReal()
            return
        }
        if let merge {
            guard merge >= 10 else { throw ValidationError("--merge needs at least 10 documents") }
            let bench = MergeBench(gazette: try gazettePath(), seeds: mergeSeeds())
            let results = try bench.run(counts: [merge / 10, merge])
            try emit(MergeBench.markdown(results, seeds: bench.seeds, date: ISO8601DateFormatter().string(from: Date())))
            return
        }
        if let ocrReal {
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent()
            let dirs = pdfs.isEmpty ? ["shared/corpus-real", "shared/corpus"].map { here.appendingPathComponent($0).path } : pdfs
            let scores = try OCRReal(truthDirectory: ocrReal, pdfDirectories: dirs).run()
            guard !scores.isEmpty else { throw ValidationError("no truth with pageTexts for a PDF in \(dirs)") }
            try emit(OCRReal.markdown(scores, date: ISO8601DateFormatter().string(from: Date())))
            return
        }
        if let child {
            try runChild(child)
            return
        }
        if let ocrTwins {
            let corpus = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("corpus")
            let twins = OCRTwins(directory: ocrTwins, corpus: corpus)
            let kinds = twinKinds.map { $0.split(separator: ",").map(String.init) }
            let scores = try twins.run(kinds: kinds, files: files.map { ($0 as NSString).lastPathComponent })
            guard !scores.isEmpty else { throw ValidationError("no twins with truth in \(ocrTwins) (run scripts/make-scanned-twins)") }
            try emit(OCRTwins.markdown(scores, date: ISO8601DateFormatter().string(from: Date())))
            return
        }
        let inputs = files.isEmpty ? defaultFiles() : files
        guard !inputs.isEmpty else { throw ValidationError("no PDFs found") }
        var results: [FileResult] = []
        let plumber = !noPeers && Peers.hasPDFPlumber()
        for file in inputs {
            // The fastest of the runs counts, for gazette and for pdftotext
            // apart (a busy machine only ever slows a run down); pdfplumber
            // runs once.
            var best: FileResult?
            for run in 0..<max(1, runs) {
                let r = try measure(file, plumber: plumber && run == 0)
                guard var b = best else { best = r; continue }
                if r.gazetteSeconds < b.gazetteSeconds {
                    (b.gazetteSeconds, b.timings, b.peakRSS) = (r.gazetteSeconds, r.timings, r.peakRSS)
                }
                b.pdftotextSeconds = min(b.pdftotextSeconds, r.pdftotextSeconds)
                best = b
            }
            results.append(best!)
            print(best!.line)
        }
        var report = Report(results: results, pdfplumber: plumber, memory: try memoryCheck(inputs))
        if !noBatch { report.batch = try batchScaling(inputs) }
        print(report.summary)
        if short {
            // gazette merge in every format on a few documents, so that it cannot rot either.
            let merged = try MergeBench(gazette: try gazettePath(), seeds: mergeSeeds()).run(counts: [40])
            for r in merged {
                print(String(format: "merge %d documents --format %@: %.2f s, peak RSS %.1f MB", r.documents,
                             r.format.rawValue as NSString, r.seconds, Double(r.peakRSS) / 1_048_576))
            }
        }
        if let record {
            let section = report.markdown(short: short)
            let url = URL(fileURLWithPath: record)
            var text = (try? String(contentsOf: url, encoding: .utf8)) ?? "# Benchmark results\n"
            text += "\n" + section
            try AtomicFile.write(Array(text.utf8), to: url)
            print("recorded in \(record)")
        }
    }

    /// `--real`: every real file with truth, extracted and scored as
    /// `RealCorpusTests` does, a line per file as it goes, then the totals.
    func runReal() throws {
        let corpus = try RealCorpus(packageRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        try corpus.checkPDFs()
        var scores: [FileScore] = []
        for url in try corpus.truthFiles() {
            let score = try corpus.score(truthAt: url)
            print(score.line)
            scores.append(score)
        }
        let report = RealCorpusReport(files: scores)
        print(report.text)
        let section = """

            ## \(ISO8601DateFormatter().string(from: Date())) — tables and records on the real truth set

            `gazette-bench --real`: the \(scores.count) real PDFs of `../shared/corpus-real/` with truth written from \
            their page images (`corpus/truth-real/`), each extracted whole (OCR in auto mode on the pages the truth \
            covers) and scored on the pages its truth covers: table adjacency F1; record fields right over truth \
            fields (strings after NFKC without whitespace, numbers exactly, a missing record or field wrong) and \
            records found. **The held-out files (`HOLDOUT.txt`) give the figure that counts.**


            """
        try emit(section + report.markdown)
    }

    /// Prints a Markdown section, and appends it to `--record` when given.
    func emit(_ section: String) throws {
        print(section)
        guard let record else { return }
        let url = URL(fileURLWithPath: record)
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? "# Benchmark results\n"
        text += section
        try AtomicFile.write(Array(text.utf8), to: url)
        print("recorded in \(record)")
    }

    /// corpus/*.pdf and ../shared/corpus/*.pdf (the short mode: a few small ones).
    func defaultFiles() -> [String] {
        let fm = FileManager.default
        let here = URL(fileURLWithPath: fm.currentDirectoryPath)
        var out: [String] = []
        for dir in [here.appendingPathComponent("corpus"), here.deletingLastPathComponent().appendingPathComponent("shared/corpus")] {
            let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            out += names.filter { $0.hasSuffix(".pdf") && $0 != "tabula__encrypted.pdf" }.sorted().map { dir.appendingPathComponent($0).path }
        }
        if short {
            let small = ["trip-report.pdf", "meeting-book.pdf", "pte__rid-01.pdf", "tbpp__監察院.pdf"]
            out = out.filter { small.contains(($0 as NSString).lastPathComponent) }
        }
        return out
    }

    /// Extracts in this process and prints pages and stage timings as JSON.
    func runChild(_ file: String) throws {
        let extractor = Extractor(options: ExtractionOptions(firstPages: firstPages))
        var timings = StageTimings()
        let document = try extractor.extract(path: file, timings: &timings)
        let bytes = try extractor.serialise(document, pretty: false, timings: &timings)
        let pages = firstPages.map { min($0, document.source.pages) } ?? document.source.pages
        let line = ChildResult(pages: pages, bytes: bytes.count, timings: timings)
        FileHandle.standardOutput.write(try JSONEncoder().encode(line))
    }

    func measure(_ file: String, plumber: Bool) throws -> FileResult {
        let child = try Child.run(arguments: ["--child", file])
        guard child.status == 0, let result = try? JSONDecoder().decode(ChildResult.self, from: child.stdout) else {
            throw ValidationError("\(file): extraction failed: \(child.stderr)")
        }
        let floor = try Child.run(executable: "/usr/bin/pdftotext", arguments: ["-bbox-layout", file, "/dev/null"])
        var plumberSeconds: Double?
        if plumber { plumberSeconds = try Peers.pdfplumberSeconds(file) }
        return FileResult(file: file, pages: result.pages, gazetteSeconds: child.seconds, timings: result.timings,
                          peakRSS: child.peakRSS, pdftotextSeconds: floor.seconds, pdfplumberSeconds: plumberSeconds)
    }

    /// The `gazette` binary beside this one.
    func gazettePath() throws -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
                        : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        let gazette = me.deletingLastPathComponent().appendingPathComponent("gazette").path
        guard FileManager.default.isExecutableFile(atPath: gazette) else {
            throw BenchError("no \(gazette): build the gazette product too")
        }
        return gazette
    }

    /// The PDFs whose outputs a merge measure copies: every record type among them.
    func mergeSeeds() -> [String] {
        let corpus = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("corpus")
        return ["meeting-book", "work-report", "budget-trips", "funding-plan", "trip-report", "land-transcript"]
            .map { corpus.appendingPathComponent("\($0).pdf").path }
    }

    /// `gazette batch` over the same files with one worker and with two
    /// (the `gazette` binary beside this one), each from scratch.
    func batchScaling(_ inputs: [String]) throws -> BatchScaling? {
        let me = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
                        : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        let gazette = me.deletingLastPathComponent().appendingPathComponent("gazette").path
        guard FileManager.default.isExecutableFile(atPath: gazette) else {
            print("batch scaling skipped: no \(gazette) (build the gazette product too)")
            return nil
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent("inputs.txt")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try inputs.joined(separator: "\n").write(to: manifest, atomically: true, encoding: .utf8)
        var seconds: [Int: Double] = [:]
        for jobs in [1, 2] {
            let out = dir.appendingPathComponent("out\(jobs)").path
            let run = try Child.run(executable: gazette, arguments: [
                "batch", "--manifest", manifest.path, "--out", out, "--jobs", "\(jobs)", "--force", "--progress", "none"])
            guard run.status == 0 else { throw BenchError("gazette batch --jobs \(jobs) failed: \(run.stderr)") }
            seconds[jobs] = run.seconds
        }
        return BatchScaling(files: inputs.count, oneJob: seconds[1]!, twoJobs: seconds[2]!)
    }

    /// Peak RSS on the longest PDF, whole and its first 40 pages.
    func memoryCheck(_ inputs: [String]) throws -> MemoryCheck? {
        var longest: (String, Int)?
        for file in inputs {
            guard let doc = try? PDFDocument(path: file) else { continue }
            if longest == nil || doc.pageCount > longest!.1 { longest = (file, doc.pageCount) }
        }
        guard let (file, pages) = longest, pages > 40 else { return nil }
        let whole = try Child.run(arguments: ["--child", file])
        let first = try Child.run(arguments: ["--child", file, "--first-pages", "40"])
        return MemoryCheck(file: file, pages: pages, wholeRSS: whole.peakRSS, first40RSS: first.peakRSS)
    }
}

/// What a child extraction reports.
struct ChildResult: Codable {
    var pages: Int
    var bytes: Int
    var timings: StageTimings
}
