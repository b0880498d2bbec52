import Foundation
import Gazette

/// The real truth set: real government PDFs nobody here typeset
/// (`../shared/corpus-real/`, read in place) and the tables and records
/// written from their page images (`corpus/truth-real/`). A third of the
/// files are held out of tuning (`HOLDOUT.txt`); their figure is the one
/// that counts.
///
/// Each file is extracted whole, as a user would (OCR in auto mode, but
/// only on the pages the truth covers: the other pages are not scored, and
/// OCR is what costs), then scored on the pages its truth covers: tables by
/// the adjacency F1, records field by field (`RecordMatcher`, strings after
/// NFKC without whitespace).
public struct RealCorpus: Sendable {
    public var truthDirectory: URL
    public var pdfDirectory: URL
    /// File names (`….pdf`) held out of tuning.
    public var heldOut: Set<String>

    public static let matcher = RecordMatcher(comparison: .squeezed)

    /// The truth set of the checkout at `packageRoot`, its PDFs beside it.
    public init(packageRoot: URL) throws {
        truthDirectory = packageRoot.appendingPathComponent("corpus/truth-real")
        pdfDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus-real")
        let list = try String(contentsOf: truthDirectory.appendingPathComponent("HOLDOUT.txt"), encoding: .utf8)
        heldOut = Set(list.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// The truth files, sorted by name.
    public func truthFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: truthDirectory.path).filter { $0.hasSuffix(".truth.json") }
            .sorted().map { truthDirectory.appendingPathComponent($0) }
    }

    /// Fails, naming the folder, when the PDFs are not beside the checkout.
    public func checkPDFs() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: pdfDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw RealCorpusError("missing real corpus folder \(pdfDirectory.path) (the PDFs of corpus/truth-real)") }
    }

    /// Extracts and scores one file. `details`: what differs, line by line
    /// (only ever asked for tuned files: held-out output is not looked at).
    public func score(truthAt url: URL, details: Bool = false) throws -> FileScore {
        let truth = try TruthFile(url: url)
        let name = truth.stem + ".pdf"
        let pdf = pdfDirectory.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: pdf) else {
            throw RealCorpusError("missing real corpus file \(pdf) (truth \(url.lastPathComponent))")
        }
        let pages = truth.pages
        var timings = StageTimings()
        let start = DispatchTime.now().uptimeNanoseconds
        let extractor = Extractor(options: ExtractionOptions(ocr: OCROptions(mode: .auto, pages: pages)))
        let document = try extractor.extract(path: pdf, timings: &timings)
        _ = try extractor.serialise(document, pretty: false)  // every document validates
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        let ours = try RecordMatcher.records(of: document)
        let onTruthPages = { (record: JSONValue) in
            pages.map { record["page"]?.intValue.map($0.contains) ?? false } ?? true
        }
        let pairings = Self.matcher.pair(truth: truth.records, ours: ours, allowed: onTruthPages)
        var score = FileScore(
            file: name, heldOut: heldOut.contains(name), textLayer: truth.textLayer,
            truthPages: pages?.count ?? document.source.pages, pages: document.source.pages,
            ocrPages: timings.ocrPages, seconds: seconds,
            tables: TableScoring.score(document, truth: truth, pages: pages), records: RecordScore(pairings, ours: ours, allowed: onTruthPages))
        if details && !score.heldOut {
            score.details = Self.differences(pairings, ours: ours, pages: pages, stem: truth.stem)
        }
        return score
    }

    /// Wrong fields, missing records and our records no truth record took.
    static func differences(_ pairings: [RecordPairing], ours: [JSONValue], pages: Set<Int>?, stem: String) -> [String] {
        func show(_ v: JSONValue?) -> String {
            guard let v else { return "(no such field)" }
            let s = v.serialized()
            return s.count > 90 ? String(s.prefix(89)) + "…" : s
        }
        var lines: [String] = []
        var taken = Set<JSONValue>()
        for p in pairings {
            let at = "\(stem) \(p.type) p\(p.truth["page"]?.intValue ?? 0)"
            guard let record = p.ours else {
                lines.append("\(at): missing \(show(p.truth))")
                continue
            }
            taken.insert(record)
            for field in p.wrong {
                lines.append("\(at) \(field): ours \(show(field.value(in: record))) ≠ truth \(show(field.value(in: p.truth)))")
            }
        }
        for record in ours where !taken.contains(record) && RecordScore.truthTypes.contains(record["type"]?.stringValue ?? "") {
            if let pages, !(record["page"]?.intValue.map(pages.contains) ?? false) { continue }
            lines.append("\(stem): extra \(show(record))")
        }
        return lines
    }
}

/// One real file's figures.
public struct FileScore: Sendable {
    public var file: String
    public var heldOut: Bool
    public var textLayer: String?
    /// Pages the truth covers, pages of the PDF.
    public var truthPages: Int
    public var pages: Int
    public var ocrPages: Int
    public var seconds: Double
    public var tables: TableScore
    public var records: RecordScore
    /// What differs (tuned files only, when asked).
    public var details: [String] = []

    public var part: String { heldOut ? "held-out" : "tuned" }

    public var line: String {
        let r = records.total
        return String(format: "%-8@ %@  p %d/%d  OCR %d  %.1f s  F1 %.3f [tables %d/%d]  fields %d/%d  records %d/%d  extra %d",
                      part as NSString, file as NSString, truthPages, pages, ocrPages, seconds, tables.adjacency.f1,
                      tables.extractedTables, tables.expectedTables, r.fieldsRight, r.fields, r.found, r.records, r.extra)
    }
}

/// The figures of a set of files: per file, and totals for the tuned and the
/// held-out part apart.
public struct RealCorpusReport: Sendable {
    public var files: [FileScore]

    public init(files: [FileScore]) {
        self.files = files
    }

    public struct Totals: Sendable {
        public var files = 0
        public var tables = TableScore()
        public var records = RecordScore()
        public var seconds = 0.0
        public var ocrPages = 0
    }

    public func totals(heldOut: Bool?) -> Totals {
        var t = Totals()
        for f in files where heldOut == nil || f.heldOut == heldOut {
            t.files += 1
            t.tables = t.tables + f.tables
            t.records = t.records + f.records
            t.seconds += f.seconds
            t.ocrPages += f.ocrPages
        }
        return t
    }

    static let parts: [(String, Bool?)] = [("tuned", false), ("held-out", true), ("all", nil)]

    static func tally(_ t: RecordScore.Tally) -> String {
        String(format: "%d/%d (%.3f)", t.fieldsRight, t.fields, t.accuracy)
    }

    /// Plain text: a line per file, then the totals per part and record type.
    public var text: String {
        var out = "real corpus: \(files.count) files (tuned and held-out apart; the held-out figure is the one that counts)\n"
        for f in files.sorted(by: { ($0.heldOut ? 1 : 0, $0.file) < ($1.heldOut ? 1 : 0, $1.file) }) { out += "  " + f.line + "\n" }
        for (label, part) in Self.parts {
            let t = totals(heldOut: part)
            let r = t.records.total
            out += String(format: "%@ (%d files, %.1f s, %d OCR pages): table %@\n", label.uppercased() as NSString, t.files,
                          t.seconds, t.ocrPages, t.tables.description as NSString)
            out += "  records: fields \(Self.tally(r)), found \(r.found)/\(r.records), extra \(r.extra)\n"
            for (type, tally) in t.records.byType.sorted(by: { $0.key < $1.key }) {
                out += "    \(type): fields \(Self.tally(tally)), found \(tally.found)/\(tally.records), extra \(tally.extra)\n"
            }
        }
        return out
    }

    /// Markdown: the per-file table and the totals table.
    public var markdown: String {
        var out = "| part | file | text layer | pages (truth/PDF) | OCR pages | s | tables (ours/truth) | table F1 | record fields | records found | extra records |\n"
        out += "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for f in files.sorted(by: { ($0.heldOut ? 1 : 0, $0.file) < ($1.heldOut ? 1 : 0, $1.file) }) {
            let r = f.records.total
            out += String(format: "| %@ | %@ | %@ | %d/%d | %d | %.1f | %d/%d | %.3f | %@ | %@ | %d |\n", f.part as NSString,
                          f.file as NSString, (f.textLayer ?? "?") as NSString, f.truthPages, f.pages, f.ocrPages, f.seconds,
                          f.tables.extractedTables, f.tables.expectedTables, f.tables.adjacency.f1,
                          r.records == 0 ? "–" : "\(r.fieldsRight)/\(r.fields)", r.records == 0 ? "–" : "\(r.found)/\(r.records)", r.extra)
        }
        out += "\n| part | files | table F1 (P / R) | record fields | trip | proposal | form | scheduleItem | records found | extra records |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for (label, part) in Self.parts {
            let t = totals(heldOut: part)
            let a = t.tables.adjacency
            func type(_ name: String) -> String {
                guard let x = t.records.byType[name] else { return "–" }
                return "\(Self.tally(x)), \(x.found)/\(x.records) found, \(x.extra) extra"
            }
            out += String(format: "| %@ | %d | %.3f (%.3f / %.3f) | %@ | %@ | %@ | %@ | %@ | %d/%d | %d |\n",
                          (part == true ? "**held-out**" : label) as NSString, t.files, a.f1, a.precision, a.recall,
                          Self.tally(t.records.total) as NSString, type("trip") as NSString, type("proposal") as NSString,
                          type("form") as NSString, type("scheduleItem") as NSString, t.records.total.found,
                          t.records.total.records, t.records.total.extra)
        }
        return out
    }
}

public struct RealCorpusError: Error, CustomStringConvertible, LocalizedError {
    public var description: String
    public init(_ description: String) { self.description = description }
    public var errorDescription: String? { description }
}
