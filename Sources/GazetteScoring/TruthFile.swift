import Foundation
import Gazette

/// An expected-output file written from the page images (`corpus/truth/`,
/// `corpus/truth-shared/`, `corpus/truth-real/`: `<pdf stem>.truth.json`):
/// the tables and records a reader of the PDF should get.
public struct TruthFile: Sendable {
    /// The PDF's file stem.
    public var stem: String
    /// The whole file.
    public var value: JSONValue

    public init(url: URL) throws {
        stem = String(url.lastPathComponent.dropLast(".truth.json".count))
        value = try JSONValue(parsing: Data(contentsOf: url))
    }

    public init(stem: String, value: JSONValue) {
        self.stem = stem
        self.value = value
    }

    /// The pages the truth covers (the shared and real truth sets cover some
    /// pages of a document), or nil when it does not say (all of them).
    public var pages: Set<Int>? {
        value["pages"]?.arrayValue.map { Set($0.compactMap(\.intValue)) }
    }

    /// `sound`, `garbled` or `none` (the real truth set says; nil elsewhere).
    public var textLayer: String? { value["textLayer"]?.stringValue }

    /// The truth's records, each with its `type`.
    public var records: [JSONValue] { value["records"]?.arrayValue ?? [] }

    /// Its tables as grids (header row when it has one, then the rows),
    /// those whose first page is in `pages` when given.
    public func tableGrids(firstPageIn pages: Set<Int>? = nil) -> [[[String]]] {
        (value["tables"]?.arrayValue ?? []).compactMap { table -> [[String]]? in
            if let pages, let first = table["pages"]?[0]?.intValue, !pages.contains(first) { return nil }
            return TableScoring.grid(header: table["header"], rows: table["rows"])
        }
    }
}
