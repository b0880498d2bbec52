import GazetteNormalise

/// A logical table as the records stage reads it: folded header and cells,
/// its title, unit and the heading it sits under, with the page of each row.
public struct RecordTable: Sendable, Hashable {
    /// The table's id in the document ("t3").
    public var id: String
    public var title: String?
    public var unit: String?
    public var header: [String]
    public var rows: [[String]]
    public var rowPages: [Int]

    public init(id: String, title: String?, unit: String?, header: [String], rows: [[String]], rowPages: [Int]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.header = header
        self.rows = rows
        self.rowPages = rowPages
    }

    /// The page row `index` starts on.
    public func page(ofRow index: Int) -> Int { index < rowPages.count ? rowPages[index] : (rowPages.last ?? 1) }
}

/// Turns tables into typed records: each recogniser matches tables by their
/// headers and context and reads their rows; tables no recogniser takes stay
/// in `tables` only.
public enum RecordBuilder {
    /// Records of every table, in table order.
    public static func records(tables: [RecordTable], documentYear: Int?) -> [Record] {
        var records: [Record] = []
        for table in tables {
            for recogniser in recognisers {
                let found = recogniser(table, documentYear)
                if !found.isEmpty {
                    records += found
                    break
                }
            }
        }
        return records
    }

    /// The recognisers, most specific first.
    static let recognisers: [@Sendable (RecordTable, Int?) -> [Record]] = []
}
