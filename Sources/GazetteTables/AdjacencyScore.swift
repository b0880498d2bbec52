import Foundation

/// The ICDAR 2013 table-structure measure: the pairs of horizontally and
/// vertically adjacent non-empty cells of a table (each cell with its
/// nearest non-empty neighbour to the right and below), compared between
/// an extracted table and the truth. Cell text is compared after NFKC with
/// all whitespace removed.
public struct AdjacencyScore: Sendable, Hashable, CustomStringConvertible {
    /// Relations found in both.
    public var correct: Int
    /// Relations in the extraction.
    public var extracted: Int
    /// Relations in the truth.
    public var expected: Int

    public init(correct: Int = 0, extracted: Int = 0, expected: Int = 0) {
        self.correct = correct
        self.extracted = extracted
        self.expected = expected
    }

    public var precision: Double { extracted == 0 ? (expected == 0 ? 1 : 0) : Double(correct) / Double(extracted) }
    public var recall: Double { expected == 0 ? (extracted == 0 ? 1 : 0) : Double(correct) / Double(expected) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: AdjacencyScore, b: AdjacencyScore) -> AdjacencyScore {
        AdjacencyScore(correct: a.correct + b.correct, extracted: a.extracted + b.extracted, expected: a.expected + b.expected)
    }

    public var description: String {
        String(format: "F1 %.3f (P %.3f R %.3f; %d/%d extracted, %d expected)", f1, precision, recall, correct, extracted, expected)
    }

    /// One adjacency relation: two cell texts and the direction.
    struct Relation: Hashable {
        var from: String
        var to: String
        var horizontal: Bool
    }

    /// The relations of a table given as rows of cell texts.
    static func relations(_ grid: [[String]]) -> [Relation] {
        let cells = grid.map { $0.map(normalise) }
        var result: [Relation] = []
        for (r, row) in cells.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                if let right = row[(c + 1)...].first(where: { !$0.isEmpty }) {
                    result.append(Relation(from: text, to: right, horizontal: true))
                }
                var below: String?
                for rr in (r + 1)..<cells.count where c < cells[rr].count && !cells[rr][c].isEmpty {
                    below = cells[rr][c]
                    break
                }
                if let below { result.append(Relation(from: text, to: below, horizontal: false)) }
            }
        }
        return result
    }

    /// NFKC, then no whitespace.
    static func normalise(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Scores extracted tables against the truth tables of the same document
    /// (each table a grid of rows, header row first). Relations are pooled
    /// over the document's tables and matched as multisets.
    public static func score(extracted: [[[String]]], expected: [[[String]]]) -> AdjacencyScore {
        var truth: [Relation: Int] = [:]
        for table in expected { for r in relations(table) { truth[r, default: 0] += 1 } }
        let expectedCount = truth.values.reduce(0, +)
        var extractedCount = 0, correct = 0
        for table in extracted {
            for r in relations(table) {
                extractedCount += 1
                if let n = truth[r], n > 0 {
                    truth[r] = n - 1
                    correct += 1
                }
            }
        }
        return AdjacencyScore(correct: correct, extracted: extractedCount, expected: expectedCount)
    }
}
