import Foundation
import GazetteRecords

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
        var byType: [String: RecordSheet] = [:]
        for record in records {
            guard let row = RecordRow(record) else { continue }
            var sheet = byType[row.type] ?? RecordSheet(type: row.type, columns: ["file"] + row.fields, rows: [])
            sheet.rows.append([.text(file)] + row.cells)
            byType[row.type] = sheet
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

/// One record as a flat row: its fields (the JSON field names in the JSON's
/// order, `type` left out) and their cells, typed for spreadsheets.
public struct RecordRow: Sendable {
    /// The record type ("trip", "statistic" …).
    public var type: String
    public var fields: [String]
    public var cells: [ExportCell]

    /// The record's row; nil only if it does not encode as a JSON object.
    public init?(_ record: Record) {
        guard let object = (try? JSONValueEncoder().encode(record))?.objectValue else { return nil }
        type = record.type
        fields = object.keys.filter { $0 != "type" }
        cells = fields.map { [type] key in RecordSheet.cell(object[key] ?? .null, field: key, type: type) }
    }
}
