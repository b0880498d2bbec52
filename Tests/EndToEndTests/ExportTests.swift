import Foundation
import Gazette
@testable import GazetteEmit
import Testing

/// `gazette extract --format jsonl|csv|xlsx` on corpus documents: the files
/// read back — with our CSV parser, LibreOffice (headless) and openpyxl —
/// give the values of the JSON document. LibreOffice and openpyxl are
/// required (scripts/bootstrap installs them): without them the test fails.
@Suite("Exports", .serialized)
struct ExportTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../corpus").standardizedFileURL
    /// Documents with every record type among them, month dates, times,
    /// null cells, lists and long text.
    static let documents = ["meeting-book", "budget-trips", "trip-report", "exchange-plan", "funding-plan", "work-report"]

    // MARK: The expected tables, from the JSON document

    /// Record type → header and rows as text, computed from the JSON
    /// document independently of the writers.
    static func expectedSheets(_ document: [String: Any]) -> [String: [[String]]] {
        let file = (document["source"] as? [String: Any])?["file"] as? String ?? ""
        var sheets: [String: [[String]]] = [:]
        var order: [String: [String]] = [:]
        for record in document["records"] as? [[String: Any]] ?? [] {
            guard let type = record["type"] as? String else {
                Issue.record("\(file): a record without a type")
                continue
            }
            let keys = order[type] ?? Self.keyOrder(type)
            order[type] = keys
            if sheets[type] == nil { sheets[type] = [["file"] + keys] }
            sheets[type]!.append([file] + keys.map { text(record[$0]) })
        }
        return sheets
    }

    /// Table id → its cells as printed (header rows, then body, each row as
    /// wide as the widest), what its CSV file holds.
    static func expectedTables(_ document: [String: Any]) -> [(id: String, rows: [[String]])] {
        (document["tables"] as? [[String: Any]] ?? []).map { table in
            let rows = (table["headerRows"] as? [[String]] ?? []) + (table["rows"] as? [[String]] ?? [])
            let width = rows.map(\.count).max() ?? 0
            return (table["id"] as? String ?? "", rows.map { $0 + Array(repeating: "", count: width - $0.count) })
        }
    }

    /// The JSON field order of each type (as Record+Codable writes it).
    static func keyOrder(_ type: String) -> [String] {
        switch type {
        case "trip": return ["table", "row", "page", "planName", "itemNumber", "areaCode", "startDate", "endDate", "destination", "travellers",
                             "travellerCount", "budgetTWD", "budgetRaw", "outcomes"]
        case "proposal": return ["table", "row", "page", "list", "item", "itemRaw", "group", "organization", "proposer", "title",
                                 "centralAgency", "note", "review", "resolution"]
        case "proposalForm": return ["table", "row", "page", "title", "organization", "types", "partnerCities", "description",
                                     "actions", "benefits", "contact"]
        case "fundingLine": return ["table", "row", "page", "category", "source", "period", "amountTWD"]
        case "scheduleItem": return ["table", "row", "page", "date", "start", "end", "activity"]
        default: return ["table", "row", "column", "value", "unit", "tableId", "rowIndex", "page"]
        }
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber:
            let d = n.doubleValue
            return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
        case let a as [Any]: return a.map { text($0) }.joined(separator: "; ")
        default: return "\(value!)"
        }
    }

    // MARK: The test

    @Test func exportsReadBackWithTheJSONValues() throws {
        let soffice = try #require(E2E.soffice, "LibreOffice (soffice) is not installed: run scripts/bootstrap")
        let python = try #require(E2E.python(importing: ["openpyxl"]), "python3 with openpyxl is not installed: run scripts/bootstrap")
        let gazette = E2E.gazette.path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-export-\(UUID().uuidString)")
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        var expected: [String: [String: [[String]]]] = [:]
        var documents: [String: [String: Any]] = [:]
        for name in Self.documents {
            let pdf = Self.corpus.appendingPathComponent("\(name).pdf").path
            let jsonPath = out.appendingPathComponent("\(name).json").path
            try E2E.runTool(gazette, ["extract", pdf, "-o", jsonPath])
            try E2E.runTool(gazette, ["extract", pdf, "--format", "csv", "-o", out.path + "/"])
            try E2E.runTool(gazette, ["extract", pdf, "--format", "xlsx", "-o", out.path])
            try E2E.runTool(gazette, ["extract", pdf, "--format", "jsonl", "-o", out.appendingPathComponent("\(name).jsonl").path])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any])
            documents[name] = document
            expected[name] = Self.expectedSheets(document)
            #expect(!(expected[name] ?? [:]).isEmpty, "\(name): no records")
        }
        // Nothing half-written is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(AtomicFile.temporaryPrefix) }
        #expect(leftovers.isEmpty)

        for name in Self.documents {
            let sheets = expected[name] ?? [:]
            let tables = Self.expectedTables(documents[name] ?? [:])
            // Our CSV files: BOM, CRLF, one per record type and one per table, nothing else.
            let csvFiles = try FileManager.default.contentsOfDirectory(atPath: out.path)
                .filter { $0.hasPrefix(name + ".") && $0.hasSuffix(".csv") }.sorted()
            #expect(csvFiles == (Array(sheets.keys) + tables.map(\.id)).map { "\(name).\($0).csv" }.sorted())
            #expect(!tables.isEmpty, "\(name): no tables")
            for table in tables {
                let bytes = try Data(contentsOf: out.appendingPathComponent("\(name).\(table.id).csv"))
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name).\(table.id).csv has no BOM")
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                Self.compare(Self.parseCSV(text), table.rows, "\(name).\(table.id).csv (our parser)")
            }
            for (type, rows) in sheets {
                let bytes = try Data(contentsOf: out.appendingPathComponent("\(name).\(type).csv"))
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name).\(type).csv has no BOM")
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.hasSuffix("\r\n"))
                Self.compare(Self.parseCSV(text), rows, "\(name).\(type).csv (our parser)")
            }
            // JSON Lines: one record per line, with its file.
            let lines = try String(contentsOf: out.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
                .split(separator: "\n")
            let records = documents[name]?["records"] as? [[String: Any]] ?? []
            #expect(lines.count == records.count, "\(name).jsonl: \(lines.count) lines for \(records.count) records")
            for (line, record) in zip(lines, records) {
                var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object.removeValue(forKey: "file") as? String == "\(name).pdf")
                #expect(NSDictionary(dictionary: object).isEqual(to: record), "\(name).jsonl line differs from the record")
            }
        }

        // LibreOffice: every sheet of every workbook, and every CSV file.
        let office = work.appendingPathComponent("office")
        let profile = work.appendingPathComponent("profile")
        let xlsxFiles = Self.documents.map { out.appendingPathComponent("\($0).xlsx").path }
        try E2E.runTool(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to",
                               "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                               "--outdir", office.appendingPathComponent("xlsx").path] + xlsxFiles)
        let csvFiles = Self.documents.flatMap { name in (expected[name] ?? [:]).keys.map { out.appendingPathComponent("\(name).\($0).csv").path } }
        try E2E.runTool(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless",
                               "--infilter=CSV:44,34,76,1,,0,true,false", "--convert-to",
                               "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,true,false,false",
                               "--outdir", office.appendingPathComponent("csv").path] + csvFiles)
        for name in Self.documents {
            for (type, rows) in expected[name] ?? [:] {
                let fromXLSX = office.appendingPathComponent("xlsx/\(name)-\(type).csv")
                let viaXLSX = try String(contentsOf: fromXLSX, encoding: .utf8)
                Self.compare(Self.parseCSV(viaXLSX), rows, "LibreOffice \(name).xlsx sheet \(type)")
                let viaCSV = try String(contentsOf: office.appendingPathComponent("csv/\(name).\(type).csv"), encoding: .utf8)
                Self.compare(Self.parseCSV(viaCSV.hasPrefix("\u{FEFF}") ? String(viaCSV.dropFirst()) : viaCSV), rows,
                             "LibreOffice \(name).\(type).csv")
            }
        }

        // openpyxl: values typed as the JSON's (dates real dates, amounts numbers).
        let script = work.appendingPathComponent("read.py")
        try Self.openpyxlScript.write(to: script, atomically: true, encoding: .utf8)
        for name in Self.documents {
            let output = try E2E.runTool(python, [script.path, out.appendingPathComponent("\(name).xlsx").path])
            let read = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [[[Any]]]])
            let sheets = expected[name] ?? [:]
            // The index, a sheet per table (TableSheetExportTests reads those), a sheet per record type.
            #expect(Set(sheets.keys).isSubset(of: read.keys), "\(name).xlsx sheets \(read.keys.sorted())")
            #expect(read.count == 1 + Self.expectedTables(documents[name] ?? [:]).count + sheets.count,
                    "\(name).xlsx: \(read.count) sheets")
            for (type, rows) in sheets {
                guard let got = read[type] else { continue }
                #expect(got.count == rows.count, "\(name).xlsx \(type): \(got.count) rows for \(rows.count)")
                let header = rows[0]  // expectedSheets starts every sheet with its header, and every row is as wide
                for (r, (gotRow, row)) in zip(got, rows).enumerated() {
                    for (c, (cell, want)) in zip(gotRow, row).enumerated() {
                        guard cell.count == 2 else {
                            Issue.record("openpyxl \(name).xlsx \(type) row \(r) \(header[c]): cell \(cell) is not [kind, value]")
                            continue
                        }
                        let kind = cell[0] as? String ?? "", value = Self.text(cell[1])
                        #expect(value == want, "openpyxl \(name).xlsx \(type) row \(r) \(header[c]): “\(value)” ≠ “\(want)”")
                        guard r > 0, !want.isEmpty else { continue }
                        let field = header[c]
                        if ["startDate", "endDate", "date"].contains(field), want.count >= 7 {
                            #expect(kind == "date", "\(name) \(type).\(field) is \(kind), not a date")
                        }
                        if ["start", "end"].contains(field) && type == "scheduleItem" {
                            #expect(kind == "time", "\(name) \(type).\(field) is \(kind), not a time")
                        }
                        if ["budgetTWD", "amountTWD", "value", "travellerCount", "item", "page", "row", "rowIndex"].contains(field),
                           !(type == "statistic" && field == "row") {
                            #expect(kind == "number", "\(name) \(type).\(field) is \(kind), not a number")
                        }
                    }
                }
            }
        }
    }

    /// CSV naming: -o BASE gives BASE.<type>.csv and BASE.<table id>.csv; a trailing .csv is dropped.
    @Test func csvBaseNames() throws {
        let gazette = E2E.gazette.path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let pdf = Self.corpus.appendingPathComponent("funding-plan.pdf").path
        try E2E.runTool(gazette, ["extract", pdf, "--format", "csv", "-o", work.appendingPathComponent("plan.csv").path])
        let names = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(names == ["plan.fundingLine.csv", "plan.statistic.csv", "plan.t1.csv", "plan.t2.csv"])
        // CSV and XLSX need -o: a usage error (exit 2), nothing written.
        #expect(throws: (any Error).self) { try E2E.runTool(gazette, ["extract", pdf, "--format", "xlsx"]) }
        #expect(throws: (any Error).self) { try E2E.runTool(gazette, ["extract", pdf, "--format", "tsv", "-o", work.path]) }
    }

    /// Cells that need quoting are quoted, quotes doubled.
    @Test func csvQuoting() {
        let sheet = RecordSheet(type: "t", columns: ["a", "b"], rows: [[.text("x,y"), .text("say \"hi\"\nbye")], [.null, .number(99.8)]])
        let text = String(decoding: CSVWriter.bytes(sheet).dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\nbye\"\r\n,99.8\r\n")
        #expect(Self.parseCSV(text) == [["a", "b"], ["x,y", "say \"hi\"\nbye"], ["", "99.8"]])
    }

    // MARK: Helpers

    static func compare(_ got: [[String]], _ want: [[String]], _ what: String) {
        #expect(got.count == want.count, "\(what): \(got.count) rows, expected \(want.count)")
        for (i, (g, w)) in zip(got, want).enumerated() where g != w {
            let cells = zip(g, w).enumerated().filter { $0.element.0 != $0.element.1 }
                .map { "\(want[0].indices.contains($0.offset) ? want[0][$0.offset] : "#\($0.offset)"): “\($0.element.0)” ≠ “\($0.element.1)”" }
            Issue.record("\(what) row \(i): \(g.count == w.count ? cells.joined(separator: "; ") : "\(g.count) cells for \(w.count)")")
            return
        }
    }

    /// RFC 4180 parsing (CRLF or LF line ends).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Reads every sheet: [kind, value] per cell, kind date/time/number/text/null.
    static let openpyxlScript = #"""
    import json, sys, datetime, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                v = c.value
                if v is None:
                    cells.append(["null", None])
                elif isinstance(v, datetime.datetime) or isinstance(v, datetime.date):
                    fmt = "%Y-%m" if c.number_format in ("yyyy-mm", "yyyy\\-mm") else "%Y-%m-%d"
                    cells.append(["date", v.strftime(fmt)])
                elif isinstance(v, datetime.time):
                    cells.append(["time", v.strftime("%H:%M")])
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    cells.append(["number", v])
                else:
                    cells.append(["text", str(v)])
            rows.append(cells)
        width = len(rows[0]) if rows else 0
        out[ws.title] = [r + [["null", None]] * (width - len(r)) for r in rows]
    print(json.dumps(out, ensure_ascii=False))
    """#
}
