import Foundation
import Gazette
import GazetteScoring
import Testing

/// Table structure against independent truth: the ICDAR 2013 adjacency F1
/// (pairs of adjacent non-empty cells, text compared after NFKC without
/// whitespace) per file, over our corpus (corpus/truth) and the tables of
/// the shared corpus we wrote expected output for (corpus/truth-shared).
@Suite struct TableStructureTests {
    /// A PDF's tables against its truth file, over the pages the truth
    /// covers (a shared-corpus truth covers some pages only).
    static func score(pdf: String, password: String?, truth url: URL) throws -> (AdjacencyScore, String) {
        let truth = try TruthFile(url: url)
        let document = try Extractor(options: ExtractionOptions(password: password)).extract(path: pdf)
        let score = TableScoring.score(document, truth: truth, pages: truth.pages)
        return (score.adjacency, "\((pdf as NSString).lastPathComponent): \(score)")
    }

    @Test func adjacencyF1OverTheCorpora() throws {
        var total = AdjacencyScore()
        var lines: [String] = []
        for stem in E2E.corpusStems() {
            let truth = E2E.truth.appendingPathComponent(stem + ".truth.json")
            guard FileManager.default.fileExists(atPath: truth.path) else {
                Issue.record("no truth file for corpus/\(stem).pdf")
                continue
            }
            let (score, line) = try Self.score(pdf: E2E.corpus.appendingPathComponent(stem + ".pdf").path, password: nil, truth: truth)
            total = total + score
            lines.append(line)
        }
        let shared = (try? FileManager.default.contentsOfDirectory(atPath: E2E.sharedTruth.path)) ?? []
        for name in shared.sorted() where name.hasSuffix(".truth.json") {
            let pdf = E2E.sharedCorpus.appendingPathComponent(String(name.dropLast(".truth.json".count)) + ".pdf").path
            #expect(FileManager.default.fileExists(atPath: pdf), "missing shared corpus file \(pdf)")
            guard FileManager.default.fileExists(atPath: pdf) else { continue }
            let (score, line) = try Self.score(pdf: pdf, password: E2E.password(for: pdf),
                                               truth: E2E.sharedTruth.appendingPathComponent(name))
            total = total + score
            lines.append(line)
        }
        print("table structure (adjacency F1):\n  " + lines.joined(separator: "\n  ") + "\n  TOTAL \(total)")
        #expect(total.expected > 0)
        #expect(total.f1 >= 0.95, "adjacency F1 \(total.f1) < 0.95:\n\(lines.joined(separator: "\n"))")
    }

    @Test func noSpaceBetweenCJKCharactersInAnyCell() throws {
        for stem in E2E.corpusStems() {
            let document = try Extractor().extract(path: E2E.corpus.appendingPathComponent(stem + ".pdf").path)
            for table in document.tables {
                for cell in table.rows.joined() + table.header {
                    let scalars = Array(cell.unicodeScalars)
                    for i in 1..<max(1, scalars.count - 1) where scalars[i] == " " {
                        let a = scalars[i - 1], b = scalars[i + 1]
                        let cjk = { (s: Unicode.Scalar) in (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) }
                        #expect(!(cjk(a) && cjk(b)), "\(stem) \(table.id): space between CJK characters in “\(cell)”")
                    }
                }
            }
        }
    }

    @Test func multiPageTablesAreOneTable() throws {
        // Every truth table that spans pages must come out as one table over the same pages.
        for stem in E2E.corpusStems() {
            let truth = try JSONValue(parsing: Data(contentsOf: E2E.truth.appendingPathComponent(stem + ".truth.json")))
            let document = try Extractor().extract(path: E2E.corpus.appendingPathComponent(stem + ".pdf").path)
            guard case .array(let tables)? = truth["tables"] else { continue }
            for table in tables {
                let pages = (table["pages"]?.arrayValue ?? []).compactMap(\.intValue)
                guard pages.count > 1 else { continue }
                #expect(document.tables.contains { $0.pages == pages },
                        "\(stem): the table over pages \(pages) is not one table (ours: \(document.tables.map(\.pages)))")
            }
        }
    }
}
