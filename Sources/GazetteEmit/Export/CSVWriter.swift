import Foundation
import GazetteRecords

/// Writes CSV (RFC 4180): UTF-8 with a byte-order mark (so that spreadsheet
/// programs read it as UTF-8), CRLF line ends, fields quoted when they hold
/// a comma, a quote or a line break (or start or end with a space), quotes
/// doubled. A record sheet has a header row of field names; a table its
/// header rows and body as printed.
public enum CSVWriter {
    /// What a file starts with, so that spreadsheet programs read UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// A record sheet: a header row of field names, a row per record.
    public static func bytes(_ sheet: RecordSheet) -> [UInt8] {
        bytes(rows: [sheet.columns] + sheet.rows.map { $0.map(\.text) })
    }

    /// Rows of text (a table's cells as printed).
    public static func bytes(rows: [[String]]) -> [UInt8] {
        var out = Array(byteOrderMark.utf8)
        for row in rows { out += line(row) }
        return out
    }

    /// One row, CRLF-terminated.
    public static func line(_ fields: [String]) -> [UInt8] {
        Array((fields.map(field).joined(separator: ",") + "\r\n").utf8)
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
    /// `sha256` (a merge's, so that each line names its PDF's bytes) goes
    /// after `file` when given.
    public static func bytes(records: [Record], file: String, sha256: String? = nil) throws -> [UInt8] {
        let encoder = JSONValueEncoder()
        var out: [UInt8] = []
        let provenance = [("file", JSONValue.string(file))] + (sha256.map { [("sha256", JSONValue.string($0))] } ?? [])
        for record in records {
            guard let object = try encoder.encode(record).objectValue else { continue }
            let line = JSONValue.object(JSONObject(provenance + object.members.map { ($0.key, $0.value) }))
            out += Array(line.serializedData(.compact))
            out.append(0x0A)
        }
        return out
    }
}
