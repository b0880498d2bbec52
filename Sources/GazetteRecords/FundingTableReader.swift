import Foundation
import GazetteNormalise
import GazetteTables

/// Reads multi-year funding tables (經費來源 × 年度, in 百萬元 or 千元): one
/// line per source × year column, with the source's group (非自償 / 自償)
/// when the table has one. Totals (合計 rows, 109-112 合計 / 總計 columns)
/// are left out: they add nothing a user cannot sum.
enum FundingTableReader {
    /// A year column label: 108 年以前, 109 年, 113 年以後, 110年度.
    static let period = #"^(民國)?[0-9]{2,4}年度?(以前|以後|之前|之後|前|後|起|以上|以下)?$"#

    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        let header = table.header
        let map = HeaderMap(header)
        let periods = (0..<map.count).filter { map.leaves[$0].matches(pattern: period) }
        guard periods.count >= 2 else { return [] }
        // Label columns: before the first year column, named 經費來源 / 財源.
        let labelColumns = (0..<(periods.first ?? 0)).filter {
            map.labels[$0].matches(pattern: #"經費來源|財源|資金來源|來源|經費項目|項目"#)
        }
        guard !labelColumns.isEmpty else { return [] }
        guard let unit = UnitText.moneyUnit(of: table, column: periods.first) else { return [] }
        let categoryColumn = labelColumns.count >= 2 ? labelColumns[0] : nil
        let sourceColumn = labelColumns.count >= 2 ? labelColumns[1] : labelColumns[0]

        var records: [Record] = []
        let rows = table.filledRows
        for (index, row) in rows.enumerated() {
            func cell(_ c: Int?) -> String? { c.flatMap { $0 < row.count ? TextTools.nonEmpty(row[$0]) : nil } }
            let category = cell(categoryColumn)
            guard let source = cell(sourceColumn) else { continue }
            if TextTools.isTotalLabel(source) || category.map(TextTools.isTotalLabel) == true { continue }
            // A merged 合計 over both label columns leaves the source empty
            // (skipped above) or repeats it.
            for column in periods {
                let raw = cell(column) ?? ""
                let amount = TextTools.isBlank(raw) ? nil : unit.amount(fromCell: raw).map { Int($0.value) }
                let line = FundingLineRecord(
                    provenance: Provenance(table: table.id, row: index, page: table.page(ofRow: index)),
                    category: category == source ? nil : category, source: source,
                    period: header[column].split(separator: "/").last.map { String($0).trimmingSpaces() },
                    amountTWD: amount)
                records.append(.fundingLine(line))
            }
        }
        return records
    }
}
