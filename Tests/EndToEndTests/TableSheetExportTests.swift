import Foundation
import Testing

/// `gazette extract --format xlsx` puts every logical table into the
/// workbook: `python/check_table_sheets.py` reads each workbook back with
/// openpyxl, pandas and LibreOffice's CSV of every sheet and checks it
/// against the document's JSON (cells, merges = spans, figures numeric and
/// shown as printed, widths, frozen header, autofilter, the index's links).
/// Python with openpyxl and pandas, and LibreOffice, are required
/// (scripts/bootstrap installs them): without them the test fails.
@Suite("Table sheets", .serialized)
struct TableSheetExportTests {
    /// Corpus documents with merged headers and bodies, figures in 千元 and
    /// 百萬元, percentages, dashes, many tables, key–value forms; and the
    /// shared corpus's 380-page budget book (142 tables).
    static let documents = ["funding-plan", "work-report", "meeting-book", "budget-trips", "budget-travel", "table-kinds",
                            "paired-columns", "land-transcript", "amendment-table"]
    static let bigDocument = "cbpp__moa-fund-115"

    @Test func everyTableIsASheetWithItsCells() throws {
        let python = try #require(E2E.python(importing: ["openpyxl", "pandas"]),
                                  "python3 with openpyxl and pandas is not installed: run scripts/bootstrap")
        let work = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var pdfs = Self.documents.map { E2E.corpus.appendingPathComponent("\($0).pdf").path }
        pdfs.append(E2E.sharedCorpus.appendingPathComponent("\(Self.bigDocument).pdf").path)
        var workbooks: [String] = []
        for pdf in pdfs {
            let stem = ((pdf as NSString).lastPathComponent as NSString).deletingPathExtension
            let json = work.appendingPathComponent("\(stem).json").path
            let book = work.appendingPathComponent("\(stem).xlsx").path
            let a = try E2E.run(["extract", pdf, "-o", json])
            #expect(a.status == 0, "\(stem): \(a.stderr)")
            let b = try E2E.run(["extract", pdf, "--format", "xlsx", "-o", book])
            #expect(b.status == 0, "\(stem): \(b.stderr)")
            workbooks.append(book)
        }
        let office = work.appendingPathComponent("office")
        try E2E.libreOfficeSheets(workbooks, into: office, profile: work.appendingPathComponent("profile"))

        var tables = 0, figures = 0, merges = 0
        for book in workbooks {
            let stem = ((book as NSString).lastPathComponent as NSString).deletingPathExtension
            let output = try E2E.runTool(python, [E2E.pythonScripts.appendingPathComponent("check_table_sheets.py").path,
                                                   book, work.appendingPathComponent("\(stem).json").path, office.path])
            let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
                                      "\(stem): the checker printed \(output)")
            let problems = result["problems"] as? [String] ?? ["no problems list"]
            for problem in problems.prefix(20) { Issue.record("\(problem)") }
            #expect(problems.count <= 20, "\(stem): \(problems.count) problems in all")
            let checked = result["checked"] as? [String: Int] ?? [:]
            #expect((checked["tables"] ?? 0) > 0, "\(stem): no table checked")
            #expect(checked["tables"] == checked["libreoffice"] && checked["tables"] == checked["pandas"],
                    "\(stem): \(checked)")
            tables += checked["tables"] ?? 0
            figures += checked["figures"] ?? 0
            merges += checked["merges"] ?? 0
        }
        // What was read back: many tables, figures and merged cells.
        #expect(tables >= 100 && figures >= 2000 && merges >= 100, "\(tables) tables, \(figures) figures, \(merges) merges")
    }
}
