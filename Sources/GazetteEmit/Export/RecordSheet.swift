import Foundation
import GazetteRecords

/// One value of a flat record row, typed for spreadsheets.
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

    /// The cell as text (CSV): dates and times as printed in the JSON, lists
    /// joined with "; ", whole numbers without a decimal point.
    public var text: String {
        switch self {
        case .null: return ""
        case .text(let s), .date(let s), .time(let s): return s
        case .integer(let n): return String(n)
        case .number(let d): return ExportCell.format(d)
        case .list(let items): return items.joined(separator: ExportCell.listSeparator)
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

/// The records of one type as a table: a header of field names (the JSON
/// field names, `file` first, `type` left out) and one row per record.
public struct RecordSheet: Sendable {
    /// The record type ("trip", "statistic" …).
    public var type: String
    public var columns: [String]
    public var rows: [[ExportCell]]

    public init(type: String, columns: [String], rows: [[ExportCell]]) {
        self.type = type
        self.columns = columns
        self.rows = rows
    }

    /// Fields that hold dates and times.
    static let dateFields: Set<String> = ["startDate", "endDate", "date"]
    static let timeFields: Set<String> = ["start", "end"]

    /// One sheet per record type present, in schema order.
    public static func sheets(of records: [Record], file: String) -> [RecordSheet] {
        let encoder = JSONValueEncoder()
        var byType: [String: RecordSheet] = [:]
        for record in records {
            guard let object = (try? encoder.encode(record))?.objectValue else { continue }
            let type = record.type
            var sheet = byType[type] ?? RecordSheet(
                type: type, columns: ["file"] + object.keys.filter { $0 != "type" }, rows: [])
            var row: [ExportCell] = [.text(file)]
            for key in sheet.columns.dropFirst() {
                row.append(cell(object[key] ?? .null, field: key, type: type))
            }
            sheet.rows.append(row)
            byType[type] = sheet
        }
        return Record.typeNames.compactMap { byType[$0] }
    }

    static func cell(_ value: JSONValue, field: String, type: String) -> ExportCell {
        switch value {
        case .null: return .null
        case .bool(let b): return .text(b ? "true" : "false")
        case .number(let n):
            if let i = n.intValue, n.isInteger { return .integer(i) }
            return .number(n.doubleValue)
        case .string(let s):
            if dateFields.contains(field) { return .date(s) }
            if type == "scheduleItem", timeFields.contains(field) { return .time(s) }
            return .text(s)
        case .array(let items): return .list(items.map { $0.stringValue ?? $0.serialized() })
        case .object: return .text(value.serialized())
        }
    }
}
