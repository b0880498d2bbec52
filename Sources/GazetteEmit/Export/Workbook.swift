import Foundation
import GazetteNormalise
import ZIPFoundation

/// Writes an Office Open XML workbook (.xlsx): worksheets written row by
/// row, then packed by ZIPFoundation into a deflated ZIP archive.
///
/// Every sheet gets column widths from its content (`ColumnWidths`); a
/// sheet may have frozen rows, an autofilter, merged cells and links to
/// other sheets. Numbers are numbers, dates real dates (YYYY-MM-DD shown as
/// such, a month YYYY-MM as its first day shown as yyyy-mm), times times of
/// day, a table's figures numbers shown as printed (`#,##0`, `#,##0.0`,
/// `0.0%`). Strings are inline, so no shared-string table is needed.
///
/// A sheet's rows go to a `Spool`: in memory, or, given a directory, to
/// files there past a mebibyte each, so that a workbook of any size is
/// written in flat memory. Entries carry a fixed time (1980-01-01), so the
/// same rows give the same bytes.
public final class Workbook {
    private var sheets: [Worksheet] = []
    private let spoolDirectory: URL?
    let styles = WorkbookStyles()

    /// A workbook whose sheets are kept in memory (`spoolDirectory` nil) or
    /// spooled to files in `spoolDirectory`.
    public init(spoolDirectory: URL? = nil) {
        self.spoolDirectory = spoolDirectory
    }

    /// A new sheet, after the ones added before; `name` must be valid and
    /// unique (`SheetNames`).
    public func addSheet(named name: String) -> Worksheet {
        let sheet = Worksheet(name: name, index: sheets.count, styles: styles, spool: Spool(directory: spoolDirectory))
        sheets.append(sheet)
        return sheet
    }

    /// Puts the sheets in order: those named in `names` first, in that
    /// order, then the others as they were added.
    public func arrange(_ names: [String]) {
        let rank = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        sheets = sheets.enumerated().sorted { a, b in
            (rank[a.element.name] ?? names.count + a.offset, a.offset) < (rank[b.element.name] ?? names.count + b.offset, b.offset)
        }.map(\.element)
        for (i, sheet) in sheets.enumerated() { sheet.index = i }
    }

    /// The sheets, in order.
    public var worksheets: [Worksheet] { sheets }

    /// The workbook's bytes.
    public func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        try pack(into: archive)
        guard let data = archive.data else { throw ExportError(message: "the workbook's archive was not kept in memory") }
        return Array(data)
    }

    /// Writes the workbook to a new file at `url` (not atomically: callers
    /// write to a temporary and rename it, see `AtomicFile`).
    public func write(to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        try pack(into: archive)
    }

    /// The entry time: 1980-01-01 00:00 UTC, the first a ZIP entry can hold.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    private func pack(into archive: Archive) throws {
        if sheets.isEmpty { _ = addSheet(named: "Sheet1") }
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.entryDate,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add("_rels/.rels", Self.rootRelationships)
        try add("xl/workbook.xml", workbookXML)
        try add("xl/_rels/workbook.xml.rels", workbookRelationships)
        for sheet in sheets {
            let parts = sheet.parts()
            let head = Data(parts.head.utf8), tail = Data(parts.tail.utf8)
            let body = parts.body
            let total = head.count + body.count + tail.count
            try archive.addEntry(with: "xl/worksheets/sheet\(sheet.index + 1).xml", type: .file, uncompressedSize: Int64(total),
                                 modificationDate: Self.entryDate, compressionMethod: .deflate) { position, size in
                // The three parts in a row: head, the spooled rows, tail.
                var out = Data()
                out.reserveCapacity(size)
                var at = Int(position)
                let end = at + size
                while at < end {
                    if at < head.count {
                        let n = min(end, head.count) - at
                        out.append(head.subdata(in: at..<at + n))
                        at += n
                    } else if at < head.count + body.count {
                        let offset = at - head.count
                        let chunk = try body.read(at: offset, size: min(end - at, body.count - offset))
                        guard !chunk.isEmpty else { throw ExportError(message: "a worksheet's spooled rows ended early") }
                        out.append(chunk)
                        at += chunk.count
                    } else {
                        let offset = at - head.count - body.count
                        let n = min(end - at, tail.count - offset)
                        out.append(tail.subdata(in: offset..<offset + n))
                        at += n
                    }
                }
                return out
            }
        }
        // After the sheets: their cells chose the styles.
        try add("xl/styles.xml", styles.xml)
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var contentTypes: String {
        var s = Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        s += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for sheet in sheets {
            s += #"<Override PartName="/xl/worksheets/sheet\#(sheet.index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    var workbookXML: String {
        var s = Self.header + #"<workbook xmlns="\#(Self.mainNS)" xmlns:r="\#(Self.relNS)">"#
        s += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for sheet in sheets {
            s += #"<sheet name="\#(Self.escape(sheet.name))" sheetId="\#(sheet.index + 1)" r:id="rId\#(sheet.index + 1)"/>"#
        }
        s += "</sheets>"
        // What Excel and LibreOffice keep of an autofilter's range.
        let filters = sheets.compactMap { sheet in sheet.filterReference.map { (sheet, $0) } }
        if !filters.isEmpty {
            s += "<definedNames>"
            for (sheet, reference) in filters {
                s += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(sheet.index)" hidden="1">"#
                s += Self.escape(Self.quotedSheetName(sheet.name) + "!" + Self.absolute(reference)) + "</definedName>"
            }
            s += "</definedNames>"
        }
        return s + "</workbook>"
    }

    var workbookRelationships: String {
        var s = Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for sheet in sheets {
            s += #"<Relationship Id="rId\#(sheet.index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(sheet.index + 1).xml"/>"#
        }
        s += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return s + "</Relationships>"
    }

    // MARK: - Cell references and values

    /// A, B, … Z, AA, AB …
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `B3` for row 3 (1-based), column 1 (0-based).
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row) }

    /// `$A$3:$F$20` of `A3:F20`.
    static func absolute(_ reference: String) -> String {
        reference.split(separator: ":").map { part -> String in
            let letters = part.prefix { $0.isLetter }
            return "$" + letters + "$" + part.dropFirst(letters.count)
        }.joined(separator: ":")
    }

    /// A sheet name as a formula or link names it: `'t3 經費表'`.
    static func quotedSheetName(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }

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

/// One sheet of a `Workbook`, written row by row from the top.
public final class Worksheet {
    /// What a row is: its cells' look.
    public enum RowRole: Sendable {
        /// Values (numbers, dates, figures as such).
        case body
        /// A header row: bold, centred, wrapped.
        case header
        /// A sheet's title line: bold and larger.
        case title
    }

    /// Excel's limits.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    static let maxCellText = 32_767

    public let name: String
    /// Its place in the workbook (0 first).
    fileprivate(set) var index: Int
    private let styles: WorkbookStyles
    private let spool: Spool

    /// Rows written so far (the next row is `rowCount + 1`).
    public private(set) var rowCount = 0
    /// The widest row so far.
    public private(set) var columnCount = 0
    /// Widths from the cells measured.
    public var widths = ColumnWidths()
    /// Rows kept in view when scrolling (the header).
    public var frozenRows = 0
    /// The autofilter's range: its header row and the columns (0-based).
    public var autoFilter: (headerRow: Int, columns: Int)?
    private var merges: [String] = []
    private var occupied: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
    private var links: [(reference: String, sheet: String)] = []
    private var linked: Set<String> = []

    init(name: String, index: Int, styles: WorkbookStyles, spool: Spool) {
        self.name = name
        self.index = index
        self.styles = styles
        self.spool = spool
    }

    /// Appends a row; its cells count for the column widths when `measured`.
    public func append(_ cells: [ExportCell], role: RowRole = .body, measured: Bool = true) throws {
        guard rowCount < Self.maxRows else {
            throw ExportError(message: "sheet \(name): more than \(Self.maxRows) rows")
        }
        rowCount += 1
        let cells = cells.count > Self.maxColumns ? Array(cells.prefix(Self.maxColumns)) : cells
        columnCount = max(columnCount, cells.count)
        if measured { widths.measure(cells) }
        var s = #"<row r="\#(rowCount)">"#
        for (i, cell) in cells.enumerated() {
            s += xml(cell, reference: Workbook.reference(row: rowCount, column: i), role: role)
        }
        try spool.append(s + "</row>")
    }

    /// Appends an empty row.
    public func appendBlankRow() throws { try append([], measured: false) }

    /// Merges the cells of `rows` (1-based) × `columns` (0-based); false
    /// (and nothing merged) when the range is a single cell or overlaps one
    /// merged before, which spreadsheet programs refuse.
    @discardableResult
    public func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> Bool {
        guard rows.count > 1 || columns.count > 1, rows.lowerBound >= 1, columns.lowerBound >= 0,
              columns.upperBound < Self.maxColumns, rows.upperBound <= Self.maxRows else { return false }
        if occupied.contains(where: { $0.rows.overlaps(rows) && $0.columns.overlaps(columns) }) { return false }
        occupied.append((rows, columns))
        merges.append(Workbook.reference(row: rows.lowerBound, column: columns.lowerBound) + ":"
                      + Workbook.reference(row: rows.upperBound, column: columns.upperBound))
        return true
    }

    /// The merged ranges, as `A1:B2`.
    public var mergedRanges: [String] { merges }

    /// Makes the cell at `row` (1-based), `column` a link to the top of
    /// `sheet`, shown as a link when its row is appended after this call.
    public func link(row: Int, column: Int, toSheet sheet: String) {
        let reference = Workbook.reference(row: row, column: column)
        links.append((reference, sheet))
        linked.insert(reference)
    }

    /// The autofilter's range as `A3:F20`, or nil.
    var filterReference: String? {
        guard let autoFilter, autoFilter.columns > 0, autoFilter.headerRow >= 1 else { return nil }
        return Workbook.reference(row: autoFilter.headerRow, column: 0) + ":"
            + Workbook.reference(row: max(rowCount, autoFilter.headerRow), column: autoFilter.columns - 1)
    }

    /// The sheet's XML: what goes before its rows, the rows, what goes after.
    func parts() -> (head: String, body: Spool, tail: String) {
        var head = Workbook.header + #"<worksheet xmlns="\#(Workbook.mainNS)" xmlns:r="\#(Workbook.relNS)">"#
        head += #"<sheetViews><sheetView workbookViewId="0"\#(index == 0 ? #" tabSelected="1""# : "")>"#
        if frozenRows > 0 {
            head += #"<pane ySplit="\#(frozenRows)" topLeftCell="A\#(frozenRows + 1)" activePane="bottomLeft" state="frozen"/>"#
            head += #"<selection pane="bottomLeft" activeCell="A\#(frozenRows + 1)" sqref="A\#(frozenRows + 1)"/>"#
        }
        head += "</sheetView></sheetViews>"
        head += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if columnCount > 0 {
            head += "<cols>"
            for c in 0..<columnCount {
                let width = widths.width(ofColumn: c)
                head += #"<col min="\#(c + 1)" max="\#(c + 1)" width="\#(width)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        var tail = "</sheetData>"
        if let filterReference { tail += #"<autoFilter ref="\#(filterReference)"/>"# }
        if !merges.isEmpty {
            tail += #"<mergeCells count="\#(merges.count)">"#
            for range in merges { tail += #"<mergeCell ref="\#(range)"/>"# }
            tail += "</mergeCells>"
        }
        if !links.isEmpty {
            tail += "<hyperlinks>"
            for link in links {
                let location = Workbook.escape(Workbook.quotedSheetName(link.sheet) + "!A1")
                tail += #"<hyperlink ref="\#(link.reference)" location="\#(location)" display="\#(Workbook.escape(link.sheet))"/>"#
            }
            tail += "</hyperlinks>"
        }
        tail += "</worksheet>"
        return (head, spool, tail)
    }

    private func xml(_ cell: ExportCell, reference ref: String, role: RowRole) -> String {
        switch (cell, role) {
        case (.null, _): return ""
        case (_, .header), (_, .title):
            return inline(ref, cell.text, style: role == .header ? styles.header : styles.title)
        case (.text(let t), _): return inline(ref, t, style: linked.contains(ref) ? styles.link : nil)
        case (.list(let items), _): return inline(ref, items.joined(separator: ExportCell.listSeparator), style: nil)
        case (.integer(let n), _): return #"<c r="\#(ref)"><v>\#(n)</v></c>"#
        case (.number(let d), _): return #"<c r="\#(ref)"><v>\#(ExportCell.format(d))</v></c>"#
        case (.figure(let value, let decimals, let percent), _):
            let stored = percent ? NumberValue(significand: value.significand, scale: value.scale + 2) : value
            return #"<c r="\#(ref)" s="\#(styles.figure(decimals: decimals, percent: percent))"><v>\#(stored)</v></c>"#
        case (.date(let iso), _):
            guard let (serial, isMonth) = Workbook.serial(ofDate: iso) else { return inline(ref, iso, style: nil) }
            return #"<c r="\#(ref)" s="\#(isMonth ? styles.month : styles.date)"><v>\#(serial)</v></c>"#
        case (.time(let hhmm), _):
            guard let fraction = Workbook.fraction(ofTime: hhmm) else { return inline(ref, hhmm, style: nil) }
            return #"<c r="\#(ref)" s="\#(styles.time)"><v>\#(fraction)</v></c>"#
        }
    }

    private func inline(_ ref: String, _ text: String, style: Int?) -> String {
        let t = text.utf16.count > Self.maxCellText ? SheetNames.truncated(text, to: Self.maxCellText) : text
        let s = style.map { #" s="\#($0)""# } ?? ""
        return #"<c r="\#(ref)" t="inlineStr"\#(s)><is><t xml:space="preserve">\#(Workbook.escape(t))</t></is></c>"#
    }
}

/// The cell formats of a workbook: a few fixed ones and one per figure
/// format its sheets use (decimals × percent), added as cells ask.
final class WorkbookStyles {
    // Fixed cell formats (indices into cellXfs).
    let plain = 0, date = 1, month = 2, time = 3, header = 4, title = 5, link = 6
    private static let fixedCount = 7
    private var figures: [String] = []

    /// The number format of a figure: `#,##0`, `#,##0.00`, `0.0%`.
    static func figureFormat(decimals: Int, percent: Bool) -> String {
        let fraction = decimals > 0 ? "." + String(repeating: "0", count: min(decimals, 15)) : ""
        return percent ? "0" + fraction + "%" : "#,##0" + fraction
    }

    /// The cell format of a figure.
    func figure(decimals: Int, percent: Bool) -> Int {
        let code = Self.figureFormat(decimals: decimals, percent: percent)
        if let i = figures.firstIndex(of: code) { return Self.fixedCount + i }
        figures.append(code)
        return Self.fixedCount + figures.count - 1
    }

    var xml: String {
        var s = Workbook.header + #"<styleSheet xmlns="\#(Workbook.mainNS)">"#
        s += #"<numFmts count="\#(3 + figures.count)"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>"#
        s += #"<numFmt numFmtId="165" formatCode="yyyy-mm"/><numFmt numFmtId="166" formatCode="hh:mm"/>"#
        for (i, code) in figures.enumerated() { s += #"<numFmt numFmtId="\#(167 + i)" formatCode="\#(Workbook.escape(code))"/>"# }
        s += "</numFmts>"
        s += #"<fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>"#
        s += #"<font><b/><sz val="13"/><name val="Calibri"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/></font></fonts>"#
        s += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        s += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        s += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        s += #"<cellXfs count="\#(Self.fixedCount + figures.count)">"#
        s += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        s += #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        s += #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        s += #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        s += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
        s += #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        s += #"<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        for i in figures.indices {
            s += #"<xf numFmtId="\#(167 + i)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        }
        s += "</cellXfs>"
        s += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return s + "</styleSheet>"
    }
}
