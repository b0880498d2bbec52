import Foundation
import Gazette

/// Tables against the truth: the ICDAR 2013 adjacency F1 (`AdjacencyScore`)
/// of a document's tables and a truth file's, over the pages the truth
/// covers.
public enum TableScoring {
    /// A table as the scorer sees it: the header row when it has text, then the rows.
    public static func grid(header: JSONValue?, rows: JSONValue?) -> [[String]] {
        func strings(_ v: JSONValue?) -> [String] { (v?.arrayValue ?? []).map { $0.stringValue ?? "" } }
        let h = strings(header)
        return (h.contains { !$0.isEmpty } ? [h] : []) + (rows?.arrayValue ?? []).map(strings)
    }

    /// The document's tables as grids. With `pages`, only the rows that
    /// start on them (a table over many pages is cut to those), and only
    /// tables with such a row or starting on one of them.
    public static func grids(of document: GazetteDocument, pages: Set<Int>?) -> [[[String]]] {
        document.tables.compactMap { table in
            let rows = zip(table.rows, table.rowPages).filter { pages?.contains($0.1) ?? true }.map(\.0)
            if let pages, rows.isEmpty, !(table.pages.first.map(pages.contains) ?? false) { return nil }
            return [table.header].filter { $0.contains { !$0.isEmpty } } + rows
        }
    }

    /// The score of a document's tables against a truth file, over the
    /// pages it covers (`pages`; nil: every page).
    public static func score(_ document: GazetteDocument, truth: TruthFile, pages: Set<Int>?) -> TableScore {
        let ours = grids(of: document, pages: pages)
        let expected = truth.tableGrids(firstPageIn: pages)
        return TableScore(adjacency: AdjacencyScore.score(extracted: ours, expected: expected),
                          extractedTables: ours.count, expectedTables: expected.count)
    }
}

/// Adjacency relations and table counts, summable over files.
public struct TableScore: Sendable, Hashable, CustomStringConvertible {
    public var adjacency = AdjacencyScore()
    public var extractedTables = 0
    public var expectedTables = 0

    public init(adjacency: AdjacencyScore = AdjacencyScore(), extractedTables: Int = 0, expectedTables: Int = 0) {
        self.adjacency = adjacency
        self.extractedTables = extractedTables
        self.expectedTables = expectedTables
    }

    public static func + (a: TableScore, b: TableScore) -> TableScore {
        TableScore(adjacency: a.adjacency + b.adjacency, extractedTables: a.extractedTables + b.extractedTables,
                   expectedTables: a.expectedTables + b.expectedTables)
    }

    public var description: String { "\(adjacency) [tables \(extractedTables)/\(expectedTables)]" }
}
