import Foundation
import Gazette
import GazetteScoring

/// `gazette-bench --ocr-twins DIR`: the scanned twins that
/// `scripts/make-scanned-twins` renders from the born-digital corpus
/// (DIR/<kind>/<name>.pdf, image-only), read by OCR and scored against the
/// originals' truth:
///
/// - page text: character error rate (edit distance over reference length,
///   spaces left out) of each page's running text against the text gazette
///   reads from the born-digital original (`corpus/expected/<name>.json`),
///   which the golden tests hold to the PDF;
/// - tables: ICDAR 2013 adjacency F1 against `corpus/truth/`, and records
///   field by field and found, as `GazetteScoring` scores them for the
///   end-to-end tests (`TableScoring`, `RecordMatcher`: strings after NFKC
///   without whitespace, numbers exactly, the page a field too).
struct OCRTwins {
    var directory: String
    var corpus: URL

    struct Score {
        var kind: String
        var file: String
        var pages = 0
        var ocrPages = 0
        var ocrSeconds = 0.0
        var seconds = 0.0
        var edits = 0
        var referenceCharacters = 0
        var tables = AdjacencyScore()
        var fieldsRight = 0
        var fields = 0
        var recordsFound = 0
        var records = 0
        var meanConfidence = 0.0

        var cer: Double { referenceCharacters == 0 ? 0 : Double(edits) / Double(referenceCharacters) }
        var fieldAccuracy: Double { fields == 0 ? 1 : Double(fieldsRight) / Double(fields) }

        static func + (a: Score, b: Score) -> Score {
            var r = a
            r.pages += b.pages
            r.ocrPages += b.ocrPages
            r.ocrSeconds += b.ocrSeconds
            r.seconds += b.seconds
            r.edits += b.edits
            r.referenceCharacters += b.referenceCharacters
            r.tables = r.tables + b.tables
            r.fieldsRight += b.fieldsRight
            r.fields += b.fields
            r.recordsFound += b.recordsFound
            r.records += b.records
            return r
        }

        var line: String {
            String(format: "%-7@ %-20@ %3d p  %5.1f s/OCR page  CER %5.2f%%  table F1 %.3f  fields %4d/%-4d %.3f  records %d/%d  conf %.1f",
                   kind as NSString, file.prefix(20) as NSString, pages, ocrPages == 0 ? 0 : ocrSeconds / Double(ocrPages),
                   cer * 100, tables.f1, fieldsRight, fields, fieldAccuracy, recordsFound, records, meanConfidence)
        }
    }

    func run(kinds: [String]?, files: [String]) throws -> [Score] {
        let fm = FileManager.default
        let available = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let chosen = kinds ?? available
        var scores: [Score] = []
        for kind in chosen {
            let dir = URL(fileURLWithPath: directory).appendingPathComponent(kind)
            let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
            for name in names where files.isEmpty || files.contains(name) || files.contains(String(name.dropLast(4))) {
                let stem = String(name.dropLast(4))
                let truth = corpus.appendingPathComponent("truth/\(stem).truth.json")
                let expected = corpus.appendingPathComponent("expected/\(stem).json")
                guard fm.fileExists(atPath: truth.path), fm.fileExists(atPath: expected.path) else { continue }
                let score = try self.score(pdf: dir.appendingPathComponent(name).path, kind: kind, truth: truth,
                                           expected: expected)
                print(score.line)
                scores.append(score)
            }
        }
        return scores
    }

    func score(pdf: String, kind: String, truth: URL, expected: URL) throws -> Score {
        var timings = StageTimings()
        let start = DispatchTime.now().uptimeNanoseconds
        let document = try Extractor(options: ExtractionOptions(ocr: OCROptions(mode: .auto))).extract(
            path: pdf, timings: &timings)
        var score = Score(kind: kind, file: (pdf as NSString).lastPathComponent)
        score.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        score.pages = document.pages.count
        score.ocrPages = timings.ocrPages
        score.ocrSeconds = timings.ocr
        let confidences = document.pages.compactMap(\.ocr).map(\.meanConfidence)
        score.meanConfidence = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)

        // Page text against the born-digital original's.
        let reference = try JSONValue(parsing: Data(contentsOf: expected))
        if case .array(let pages)? = reference["pages"] {
            for page in pages {
                guard let number = page["number"]?.intValue, let text = page["text"]?.stringValue else { continue }
                let ours = document.pages.first { $0.number == number }?.text ?? ""
                let a = Self.comparable(text), b = Self.comparable(ours)
                score.edits += Self.editDistance(a, b)
                score.referenceCharacters += a.count
            }
        }

        // Tables and records, as the end-to-end tests score them.
        let truthFile = try TruthFile(url: truth)
        score.tables = TableScoring.score(document, truth: truthFile, pages: nil).adjacency
        let pairings = RecordMatcher(comparison: .squeezed).pair(truth: truthFile.records,
                                                                 ours: try RecordMatcher.records(of: document))
        let records = RecordScore(pairings).total
        (score.fieldsRight, score.fields, score.recordsFound, score.records) =
            (records.fieldsRight, records.fields, records.found, records.records)
        return score
    }

    /// Text as compared: folded, without any space.
    static func comparable(_ text: String) -> [Unicode.Scalar] {
        Array(CharacterClass.removingSpaces(TextFolder.fold(text)).unicodeScalars)
    }

    /// Levenshtein distance (two rows).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The summary table, per kind, as Markdown.
    static func markdown(_ scores: [Score], date: String) -> String {
        var out = "\n## \(date) — OCR on the scanned twins\n\n"
        out += "Tesseract \(OCREngine.tesseractVersion) (LSTM, chi_tra+eng, one thread), Leptonica \(OCREngine.leptonicaVersion); "
        out += "\(ProcessInfo.processInfo.activeProcessorCount) cores. Twins by `scripts/make-scanned-twins`; "
        out += "CER of page text against the born-digital reading, table adjacency F1 and record fields against `corpus/truth/`.\n\n"
        out += "| twin | file | pages | s / OCR page | CER | table F1 | record fields | records found | mean conf |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for s in scores {
            out += String(format: "| %@ | %@ | %d | %.2f | %.2f%% | %.3f | %d/%d (%.3f) | %d/%d | %.1f |\n",
                          s.kind, s.file, s.pages, s.ocrPages == 0 ? 0 : s.ocrSeconds / Double(s.ocrPages), s.cer * 100,
                          s.tables.f1, s.fieldsRight, s.fields, s.fieldAccuracy, s.recordsFound, s.records, s.meanConfidence)
        }
        out += "\n| twin | pages | s / OCR page | CER | table F1 | record fields | records found |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for kind in Array(Set(scores.map(\.kind))).sorted() {
            let t = scores.filter { $0.kind == kind }.reduce(Score(kind: kind, file: "all"), +)
            out += String(format: "| %@ | %d | %.2f | %.2f%% | %.3f | %.3f | %d/%d |\n", kind, t.pages,
                          t.ocrPages == 0 ? 0 : t.ocrSeconds / Double(t.ocrPages), t.cer * 100, t.tables.f1,
                          t.fieldAccuracy, t.recordsFound, t.records)
        }
        return out
    }
}
