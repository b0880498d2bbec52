import Foundation
import GazetteNormalise

/// One value of a spreadsheet row (a record's field, a table's cell), typed
/// for spreadsheets and databases.
public enum ExportCell: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int)
    case number(Double)
    /// ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY.
    case date(String)
    /// HH:MM.
    case time(String)
    /// Checked options (a proposal form's types and partner cities).
    case list([String])
    /// A table cell's plain figure (`CellFigure`): its value, shown with
    /// the decimals it is printed with, as a percentage when it is one.
    case figure(NumberValue, decimals: Int, percent: Bool)

    /// The cell as text (CSV): dates and times as printed in the JSON, lists
    /// joined with "; ", whole numbers without a decimal point.
    public var text: String {
        switch self {
        case .null: return ""
        case .text(let s), .date(let s), .time(let s): return s
        case .integer(let n): return String(n)
        case .number(let d): return ExportCell.format(d)
        case .list(let items): return items.joined(separator: ExportCell.listSeparator)
        case .figure(let value, _, let percent): return value.description + (percent ? "%" : "")
        }
    }

    /// How a list is joined in one cell.
    public static let listSeparator = "; "

    /// Shortest text that reads back as `d` (99.8, 1294421, -1000).
    static func format(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
