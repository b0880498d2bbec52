import Foundation
import GazetteRecords

/// Writes a record sheet as CSV (RFC 4180): UTF-8 with a byte-order mark
/// (so that spreadsheet programs read it as UTF-8), CRLF line ends, a
/// header row of field names, fields quoted when they hold a comma, a
/// quote or a line break, quotes doubled.
public enum CSVWriter {
    public static func bytes(_ sheet: RecordSheet) -> [UInt8] {
        var out = "\u{FEFF}"
        out += sheet.columns.map(field).joined(separator: ",") + "\r\n"
        for row in sheet.rows {
            out += row.map { field($0.text) }.joined(separator: ",") + "\r\n"
        }
        return Array(out.utf8)
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes records as JSON Lines: one JSON object per line, `file` (the
/// source PDF) first, then the record as in the document's `records`.
public enum JSONLinesWriter {
    public static func bytes(records: [Record], file: String) throws -> [UInt8] {
        let encoder = JSONValueEncoder()
        var out: [UInt8] = []
        for record in records {
            guard let object = try encoder.encode(record).objectValue else { continue }
            let line = JSONValue.object(JSONObject([("file", JSONValue.string(file))] + object.members.map { ($0.key, $0.value) }))
            out += Array(line.serializedData(.compact))
            out.append(0x0A)
        }
        return out
    }
}
