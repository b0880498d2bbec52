import Foundation
import Gazette

/// `gazette-bench --ocr-real TRUTH_DIR --pdfs DIR...`: real pages whose
/// text was typed from the image (`pageTexts` of the real truth set: scans,
/// and text layers too garbled to use), read by OCR and scored by the
/// character error rate of the page's text, every printed line in reading
/// order. Our side is the page's OCR glyphs in lines (glyphs that overlap
/// vertically, top to bottom, each line left to right), as the truth was
/// typed; both folded and without spaces.
struct OCRReal {
    var truthDirectory: String
    var pdfDirectories: [String]

    struct Score {
        var file: String
        var page: Int
        var scanned: Bool
        var seconds: Double
        var edits: Int
        var characters: Int
        var meanConfidence: Double
        var turned: Int
        var cer: Double { characters == 0 ? 0 : Double(edits) / Double(characters) }

        var line: String {
            String(format: "%-46@ p%-3d %@  %5.1f s  CER %6.2f%%  (%d/%d)  conf %.1f%@", file.prefix(46) as NSString, page,
                   scanned ? "scan   " : "garbled", seconds, cer * 100, edits, characters, meanConfidence,
                   turned != 0 ? " turned \(turned)°" : "")
        }
    }

    func run() throws -> [Score] {
        let fm = FileManager.default
        var scores: [Score] = []
        let names = ((try? fm.contentsOfDirectory(atPath: truthDirectory)) ?? []).filter { $0.hasSuffix(".truth.json") }.sorted()
        for name in names {
            let stem = String(name.dropLast(".truth.json".count))
            guard let pdf = pdfDirectories.map({ "\($0)/\(stem).pdf" }).first(where: fm.fileExists(atPath:)) else { continue }
            let value = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: "\(truthDirectory)/\(name)")))
            guard case .array(let pages)? = value["pageTexts"] else { continue }
            let document = try PDFDocument(path: pdf)
            let reader = OCRReader(path: pdf, password: nil, options: OCROptions(mode: .force))
            for entry in pages {
                guard let number = entry["page"]?.intValue, let text = entry["text"]?.stringValue,
                      number >= 1, number <= document.pageCount else { continue }
                let original = try document.page(number)
                let start = DispatchTime.now().uptimeNanoseconds
                let read = try reader.read(original)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let ours = Self.readingOrder(read.glyphs)
                let reference = OCRTwins.comparable(text)
                let hypothesis = OCRTwins.comparable(ours)
                let score = Score(
                    file: stem, page: number, scanned: !original.hasTextLayer || OCRDecision.isScan(original),
                    seconds: seconds, edits: OCRTwins.editDistance(reference, hypothesis), characters: reference.count,
                    meanConfidence: read.ocr?.meanConfidence ?? 0, turned: read.ocr?.turned ?? 0)
                print(score.line)
                scores.append(score)
            }
        }
        return scores
    }

    /// Glyphs in lines: each glyph joins the line it overlaps most
    /// vertically (by half its height at least), lines top to bottom,
    /// glyphs left to right.
    static func readingOrder(_ glyphs: [Glyph]) -> String {
        var lines: [(top: Double, bottom: Double, glyphs: [Glyph])] = []
        for glyph in glyphs.sorted(by: { $0.box.midY < $1.box.midY }) {
            let h = max(glyph.box.height, 0.1)
            if let index = lines.indices.last(where: { i in
                min(lines[i].bottom, glyph.box.y1) - max(lines[i].top, glyph.box.y0) >= h / 2
            }) {
                lines[index].glyphs.append(glyph)
                lines[index].top = min(lines[index].top, glyph.box.y0)
                lines[index].bottom = max(lines[index].bottom, glyph.box.y1)
            } else {
                lines.append((glyph.box.y0, glyph.box.y1, [glyph]))
            }
        }
        return lines.map { $0.glyphs.sorted { $0.box.x0 < $1.box.x0 }.map(\.text).joined() }.joined(separator: "\n")
    }

    static func markdown(_ scores: [Score], date: String) -> String {
        var out = "\n## \(date) — OCR on real pages typed from the image\n\n"
        out += "Truth: `pageTexts` of the real truth set (every printed line, typed from the image); pages read with "
        out += "`--ocr force` (a garbled text layer set aside); CER over the page's OCR glyphs in lines, folded, spaces left out.\n\n"
        out += "| file | page | kind | s | CER | chars | mean conf |\n|---|---:|---|---:|---:|---:|---:|\n"
        for s in scores {
            out += String(format: "| %@ | %d | %@ | %.1f | %.2f%% | %d | %.1f |\n", s.file, s.page,
                          s.scanned ? "scan" + (s.turned != 0 ? " (turned \(s.turned)°)" : "") : "garbled text layer",
                          s.seconds, s.cer * 100, s.characters, s.meanConfidence)
        }
        for (label, subset) in [("scans", scores.filter(\.scanned)), ("garbled text layers", scores.filter { !$0.scanned })]
        where !subset.isEmpty {
            let edits = subset.map(\.edits).reduce(0, +), chars = subset.map(\.characters).reduce(0, +)
            let seconds = subset.map(\.seconds).reduce(0, +)
            out += String(format: "\n%@: %d pages, CER %.2f%% (%d edits / %d characters), %.1f s per page", label,
                          subset.count, chars == 0 ? 0 : Double(edits) / Double(chars) * 100, edits, chars,
                          seconds / Double(subset.count))
        }
        return out + "\n"
    }
}
