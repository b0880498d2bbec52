import Foundation
import Gazette

/// `gazette-bench --ocr-twins DIR`: the scanned twins that
/// `scripts/make-scanned-twins` renders from the born-digital corpus
/// (DIR/<kind>/<name>.pdf, image-only), read by OCR and scored against the
/// originals' truth:
///
/// - page text: character error rate (edit distance over reference length,
///   spaces left out) of each page's running text against the text gazette
///   reads from the born-digital original (`corpus/expected/<name>.json`),
///   which the golden tests hold to the PDF;
/// - tables: ICDAR 2013 adjacency F1 against `corpus/truth/` (the scorer of
///   the table-structure tests);
/// - records: the fields of each truth record equal in the record of its
///   type that agrees on most fields (strings without spaces, numbers as
///   numbers), and how many truth records were found at all.
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

        // Tables, as the table-structure tests score them.
        let truthValue = try JSONValue(parsing: Data(contentsOf: truth))
        let ours: [[[String]]] = document.tables.map { table in
            [table.header].filter { $0.contains { !$0.isEmpty } } + table.rows
        }
        var expectedGrids: [[[String]]] = []
        if case .array(let tables)? = truthValue["tables"] {
            for table in tables {
                var grid: [[String]] = []
                if case .array(let header)? = table["header"] {
                    let h = header.map { $0.stringValue ?? "" }
                    if h.contains(where: { !$0.isEmpty }) { grid.append(h) }
                }
                if case .array(let rows)? = table["rows"] {
                    for row in rows {
                        if case .array(let cells) = row { grid.append(cells.map { $0.stringValue ?? "" }) }
                    }
                }
                expectedGrids.append(grid)
            }
        }
        score.tables = AdjacencyScore.score(extracted: ours, expected: expectedGrids)

        // Records, field by field.
        let truthRecords = (try JSONSerialization.jsonObject(with: Data(contentsOf: truth)) as? [String: Any])?["records"]
            as? [[String: Any]] ?? []
        var mine = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document.records)) as? [[String: Any]] ?? []
        let provenance: Set<String> = ["type", "table", "row", "page", "tableId", "rowIndex"]
        for record in truthRecords {
            let type = record["type"] as? String
            let keys = record.keys.filter { !provenance.contains($0) }
            score.records += 1
            score.fields += keys.count
            var best: (index: Int, right: Int)?
            for (index, candidate) in mine.enumerated() where candidate["type"] as? String == type {
                let right = keys.filter { Self.same(record[$0], candidate[$0]) }.count
                if best == nil || right > best!.right { best = (index, right) }
            }
            if let best, best.right > 0 {
                score.recordsFound += 1
                score.fieldsRight += best.right
                mine.remove(at: best.index)
            }
        }
        return score
    }

    /// Text as compared: folded, without any space.
    static func comparable(_ text: String) -> [Unicode.Scalar] {
        Array(CharacterClass.removingSpaces(TextFolder.fold(text)).unicodeScalars)
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil), (is NSNull, is NSNull), (nil, is NSNull), (is NSNull, nil): return true
        case (let x as NSNumber, let y as NSNumber): return x.doubleValue == y.doubleValue
        case (let x as String, let y as String): return comparable(x) == comparable(y)
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { same(x[$0], y[$0]) }
        default: return false
        }
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
