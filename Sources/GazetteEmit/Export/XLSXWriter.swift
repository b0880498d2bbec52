import Foundation
import GazetteNormalise

/// Writes record sheets as an Office Open XML workbook (.xlsx), one
/// worksheet per record type: a bold header row of field names (frozen),
/// numbers as numbers, dates as real dates (YYYY-MM-DD shown as such, a
/// month YYYY-MM as its first day shown as yyyy-mm), times as times of day.
/// Strings are inline, so no shared-string table is needed.
public enum XLSXWriter {
    /// Style indices in styles.xml.
    enum Style: Int {
        case plain = 0, date = 1, month = 2, time = 3, header = 4
    }

    /// Excel's limit on the length of a cell's text.
    static let maxCellText = 32_767

    public static func bytes(_ sheets: [RecordSheet]) -> [UInt8] {
        let sheets = sheets.isEmpty ? [RecordSheet(type: "records", columns: ["file"], rows: [])] : sheets
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", Array(contentTypes(count: sheets.count).utf8))
        zip.add("_rels/.rels", Array(rootRelationships.utf8))
        zip.add("xl/workbook.xml", Array(workbook(sheets.map(\.type)).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(count: sheets.count).utf8))
        zip.add("xl/styles.xml", Array(styles.utf8))
        for (i, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", Array(worksheet(sheet).utf8))
        }
        return zip.finish()
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(count: Int) -> String {
        var s = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        s += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...count {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(_ names: [String]) -> String {
        var s = header + #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)"><sheets>"#
        for (i, name) in names.enumerated() {
            s += #"<sheet name="\#(escape(String(name.prefix(31))))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return s + "</sheets></workbook>"
    }

    static func workbookRelationships(count: Int) -> String {
        var s = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...count {
            s += #"<Relationship Id="rId\#(i)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        s += #"<Relationship Id="rId\#(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return s + "</Relationships>"
    }

    static let styles = header + #"<styleSheet xmlns="\#(mainNS)">"#
        + #"<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm"/><numFmt numFmtId="166" formatCode="hh:mm"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func worksheet(_ sheet: RecordSheet) -> String {
        var s = header + #"<worksheet xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
        s += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        s += "<sheetData>"
        s += row(1, sheet.columns.map { ExportCell.text($0) }, style: .header)
        for (i, cells) in sheet.rows.enumerated() { s += row(i + 2, cells, style: nil) }
        s += "</sheetData></worksheet>"
        return s
    }

    static func row(_ number: Int, _ cells: [ExportCell], style: Style?) -> String {
        var s = #"<row r="\#(number)">"#
        for (i, cell) in cells.enumerated() {
            let ref = columnName(i) + String(number)
            switch cell {
            case .null: continue
            case .text(let t): s += inline(ref, t, style: style)
            case .list(let items): s += inline(ref, items.joined(separator: ExportCell.listSeparator), style: style)
            case .integer(let n): s += #"<c r="\#(ref)"><v>\#(n)</v></c>"#
            case .number(let d): s += #"<c r="\#(ref)"><v>\#(ExportCell.format(d))</v></c>"#
            case .date(let iso):
                if let (serial, isMonth) = serial(ofDate: iso) {
                    s += #"<c r="\#(ref)" s="\#(isMonth ? Style.month.rawValue : Style.date.rawValue)"><v>\#(serial)</v></c>"#
                } else {
                    s += inline(ref, iso, style: style)
                }
            case .time(let hhmm):
                if let fraction = fraction(ofTime: hhmm) {
                    s += #"<c r="\#(ref)" s="\#(Style.time.rawValue)"><v>\#(fraction)</v></c>"#
                } else {
                    s += inline(ref, hhmm, style: style)
                }
            }
        }
        return s + "</row>"
    }

    static func inline(_ ref: String, _ text: String, style: Style?) -> String {
        let t = text.count > maxCellText ? String(text.prefix(maxCellText)) : text
        let s = style.map { #" s="\#($0.rawValue)""# } ?? ""
        return #"<c r="\#(ref)" t="inlineStr"\#(s)><is><t xml:space="preserve">\#(escape(t))</t></is></c>"#
    }

    /// A, B, … Z, AA, AB …
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The spreadsheet serial day of YYYY-MM-DD (or of the first day of
    /// YYYY-MM, flagged as a month); nil for a year alone.
    static func serial(ofDate iso: String) -> (Int, Bool)? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2, parts.count <= 3 else { return nil }
        let day = parts.count == 3 ? parts[2] : 1
        return (GregorianCalendar.days(year: parts[0], month: parts[1], day: day)
                    - GregorianCalendar.days(year: 1899, month: 12, day: 30), parts.count == 2)
    }

    /// HH:MM as a fraction of a day (24:00 is 1).
    static func fraction(ofTime hhmm: String) -> String? {
        let parts = hhmm.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        let minutes = parts[0] * 60 + parts[1]
        return "\(Double(minutes) / 1440)"
    }

    /// XML text: markup characters escaped, characters XML forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
