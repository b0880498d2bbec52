import Foundation
import GazetteNormalise

/// Column widths from what the columns hold, in the spreadsheet's unit
/// (the width of a digit): a wide (CJK) character counts two, any other
/// one; a cell of several lines counts its longest; a number counts as it
/// is shown (a figure `1,234,567` is 9, a date 10). Two are added for the margins,
/// and a width stays between `minimum` and `maximum` (long prose wraps
/// rather than making a column a screen wide).
public struct ColumnWidths: Sendable, Hashable {
    public static let minimum = 6.0
    public static let maximum = 60.0

    /// The widest content seen per column (0-based), before margins.
    public private(set) var content: [Int] = []

    public init() {}

    /// Takes a row's cells into account (column `first` onwards).
    public mutating func measure(_ cells: [ExportCell], from first: Int = 0) {
        for (i, cell) in cells.enumerated() { measure(cell, column: first + i) }
    }

    /// Takes one cell into account.
    public mutating func measure(_ cell: ExportCell, column: Int) {
        let width = Self.width(of: cell)
        guard width > 0 else { return }
        if column >= content.count { content += Array(repeating: 0, count: column - content.count + 1) }
        content[column] = max(content[column], width)
    }

    /// The width of column `index`, margins added and clamped.
    public func width(ofColumn index: Int) -> Double {
        let w = index < content.count ? Double(content[index]) : 0
        return min(max(w + 2, Self.minimum), Self.maximum)
    }

    /// How wide a cell is shown.
    public static func width(of cell: ExportCell) -> Int {
        switch cell {
        case .null: return 0
        case .text(let s): return width(of: s)
        case .list(let items): return width(of: items.joined(separator: ExportCell.listSeparator))
        case .date(let iso): return iso.count == 7 ? 7 : 10
        case .time: return 5
        case .integer(let n): return String(n).count
        case .number(let d): return ExportCell.format(d).count
        case .figure(let value, let decimals, let percent):
            let whole = value.description.split(separator: ".").first.map(String.init) ?? "0"
            let digits = whole.hasPrefix("-") ? String(whole.dropFirst()) : whole
            return (percent ? digits.count : grouped(digits)) + (whole.hasPrefix("-") ? 1 : 0)
                + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0)
        }
    }

    /// How wide text is shown: its longest line, a wide character two.
    public static func width(of text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                longest = max(longest, current)
                current = 0
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark || category == .format { continue }
            current += CharacterClass.isWide(scalar) ? 2 : 1
        }
        return max(longest, current)
    }

    /// The length of a run of digits with thousands separators.
    static func grouped(_ digits: String) -> Int { digits.count + max(0, (digits.count - 1) / 3) }
}
