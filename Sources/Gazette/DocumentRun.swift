import Foundation

/// The state of one extraction as its pages stream through: a page's glyphs
/// are held only until its layout comes back from the layout stage (a window
/// of a few pages) and its tables are handed to the assembler; what stays
/// is the output itself (page text, tables, warnings).
struct DocumentRun {
    let pageCount: Int
    private var layoutBuilder = DocumentLayoutBuilder()
    private var held: [Int: HeldPage] = [:]
    private var assembler = TableAssembler()
    private var pages: [PageEntry] = []
    /// Closed tables, folded, with the running-text lines around them.
    private var tables: [ClosedTable] = []
    private var warnings: [Warning] = []
    private var outline: [OutlineEntry] = []
    /// Paragraphs of the first pages, for the document's title, issuer and date.
    private var openingBlocks: [DescribedBlock] = []
    /// Running-text lines of each page (folded, furniture and table lines
    /// left out), for the headings and captions around tables.
    private var contextLines: [Int: [ContextLine]] = [:]
    /// Paragraphs of each page (folded), for records read from running text.
    private var privateUse: [Int: [String]] = [:]

    /// What a page keeps while its layout is pending.
    struct HeldPage {
        var page: Page
        var tables: [PageTable]
        var tableGlyphs: Set<Int>
    }

    /// How many opening pages describe the document (title block, cover).
    static let openingPages = 3

    init(pageCount: Int) {
        self.pageCount = pageCount
    }

    /// `ocrFailure`: the page was to be read by OCR, which failed.
    mutating func add(_ page: Page, ocrFailure: OCRError? = nil, timings: inout StageTimings) {
        warnings += Self.readWarnings(page, ocrFailure: ocrFailure)
        layOut(page, timings: &timings)
    }

    /// The page through the layout and tables stages.
    private mutating func layOut(_ page: Page, timings: inout StageTimings) {
        let found = timed(&timings.tables) { RuledTableDetector.detect(on: page) }
        held[page.number] = HeldPage(page: page, tables: found.tables, tableGlyphs: found.usedGlyphs)
        let layouts = timed(&timings.layout) { layoutBuilder.add(page) }
        for layout in layouts { process(layout, timings: &timings) }
    }

    /// What the read stage says of a page: no text, text that could not be
    /// decoded (and why), glyphs without Unicode, poppler's own complaints.
    static func readWarnings(_ page: Page, ocrFailure: OCRError? = nil) -> [Warning] {
        var warnings: [Warning] = []
        if page.undecodedTextRuns > 0, !page.missingLanguagePacks.isEmpty {
            let collections = page.missingLanguagePacks.joined(separator: ", ")
            warnings.append(Warning(
                code: "missingLanguagePack", page: page.number,
                message: "text in a font of the \(collections) character collection could not be decoded: "
                    + "its CMap and CID-to-Unicode tables are not installed; install poppler-data "
                    + "(Debian/Ubuntu: apt-get install poppler-data) or point GAZETTE_POPPLER_DATA at a copy"))
        } else if page.undecodedTextRuns > 0 {
            warnings.append(Warning(
                code: "undecodedText", page: page.number,
                message: "\(page.undecodedTextRuns) text run(s) use a font that could not be loaded and were left out"))
        } else if let ocr = page.ocr {
            warnings.append(OCRNotes.readNote(ocr, page: page.number))
        } else if let ocrFailure {
            warnings.append(OCRNotes.failure(ocrFailure, page: page))
        } else if !page.hasTextLayer {
            let what = page.images.isEmpty ? "the page has no text" : "the page is an image without a text layer (a scan?)"
            warnings.append(Warning(code: "noTextLayer", page: page.number, message: what))
        }
        if page.unmappedGlyphs > 0 {
            warnings.append(Warning(
                code: "unmappedGlyphs", page: page.number,
                message: "\(page.unmappedGlyphs) glyph(s) have no Unicode mapping in their font and were left out"))
        }
        // The language pack and the shows it cost are said above, once.
        let said = page.missingLanguagePacks.isEmpty ? [] : ["Missing language pack", "CMap file for", "Unknown font tag", "No font in show"]
        let problems = page.problems.filter { problem in
            !problem.contains("no Unicode mapping") && !said.contains { problem.contains($0) }
        }
        for problem in problems.prefix(5) {
            warnings.append(Warning(code: "pdfProblem", page: page.number, message: problem))
        }
        return warnings
    }

    /// A page poppler could not interpret: reported, never silently empty.
    mutating func addUnreadable(number: Int, error: ReadError, timings: inout StageTimings) {
        warnings.append(Warning(code: "pageUnreadable", page: number, message: error.localizedDescription))
        // Laid out as an empty page so that the page list has no gap; its
        // text is unknown, not absent, so it gets no noTextLayer.
        layOut(Page(number: number, width: 1, height: 1), timings: &timings)
    }

    mutating func finish(timings: inout StageTimings) {
        let summary = timed(&timings.layout) { layoutBuilder.finish() }
        for layout in summary.remainingPages { process(layout, timings: &timings) }
        outline = summary.outline
        let rest = timed(&timings.tables) { assembler.finish() }
        close(rest, timings: &timings)
    }

    private mutating func process(_ layout: PageLayout, timings: inout StageTimings) {
        guard var page = held.removeValue(forKey: layout.number) else { return }
        // Tables without a full grid need the page's lines.
        let aligned = timed(&timings.tables) {
            AlignedTableDetector.detect(layout: layout, page: page.page, taken: page.tableGlyphs)
        }
        if !aligned.tables.isEmpty {
            page.tables = (page.tables + aligned.tables).sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
            page.tableGlyphs.formUnion(aligned.usedGlyphs)
        }
        if page.page.ocr != nil, let low = OCRNotes.lowConfidence(page: page.page, tables: page.tables) {
            warnings.append(low)
        }
        // Running text: lines and blocks whose glyphs are not in a table.
        func inTable(_ line: TextLine) -> Bool {
            let used = line.glyphs.filter { page.tableGlyphs.contains($0) }.count
            return used * 2 > line.glyphs.count
        }
        let furnitureLines = Set(layout.furniture.map(\.line))
        var context: [TableContextLine] = []
        for (index, line) in layout.lines.enumerated() where !furnitureLines.contains(index) && !inTable(line) {
            context.append(TableContextLine(text: line.text, box: line.box))
        }
        contextLines[layout.number] = context.map {
            ContextLine(text: TextFolder.fold($0.text), top: $0.box.y0, bottom: $0.box.y1)
        }
        if layout.number <= Self.openingPages {
            // A title that repeats the running header is furniture to the
            // layout stage; the describer still sees it (marked as such).
            for item in layout.furniture where item.kind == .header && item.line < layout.lines.count {
                let line = layout.lines[item.line]
                openingBlocks.append(DescribedBlock(
                    page: layout.number, text: TextFolder.fold(line.text), fontSize: line.fontSize, isBold: line.isBold,
                    box: line.box, pageWidth: layout.width, pageHeight: layout.height, isFurniture: true))
            }
        }
        let closed = timed(&timings.tables) {
            assembler.add(page: layout.number, pageHeight: layout.height, tables: page.tables, lines: context)
        }
        close(closed, timings: &timings)
        // Keep the lines of the pages a table may still need: the last three,
        // and those from two pages before the open table's first page.
        let keepFrom = min(layout.number, assembler.openTableFirstPage ?? layout.number) - 2
        for key in contextLines.keys where key < keepFrom { contextLines[key] = nil }

        var paragraphs: [String] = []
        timed(&timings.normalise) {
            for block in layout.blocks {
                let lines = block.lines.map { layout.lines[$0] }
                let tableLines = lines.filter(inTable).count
                if tableLines * 2 > lines.count { continue }
                let folded = TextFolder.foldReporting(block.text)
                if !folded.privateUse.isEmpty {
                    privateUse[layout.number, default: []] += folded.privateUse.map(\.codePoint)
                }
                paragraphs.append(folded.text)
                if layout.number <= Self.openingPages {
                    openingBlocks.append(DescribedBlock(
                        page: layout.number, text: folded.text, fontSize: block.fontSize, isBold: block.isBold,
                        box: block.box, pageWidth: layout.width, pageHeight: layout.height))
                }
            }
        }
        let text = paragraphs.joined(separator: "\n\n")
        pages.append(PageEntry(
            number: layout.number, width: (layout.width * 10).rounded() / 10,
            height: (layout.height * 10).rounded() / 10, rotation: page.page.rotation,
            hasTextLayer: page.page.hasTextLayer, label: layout.pageNumber?.label, text: text, ocr: page.page.ocr))
    }

    /// Builds the envelope (the emit stage's input).
    func document(source: Source, tool: ToolInfo, timings: inout StageTimings) -> GazetteDocument {
        var warnings = self.warnings
        for (page, characters) in privateUse.sorted(by: { $0.key < $1.key }) {
            let sample = Array(Set(characters)).sorted().prefix(10)
            warnings.append(Warning(
                code: "privateUseCharacters", page: page,
                message: "\(characters.count) private-use character(s) kept as printed (\(sample.joined(separator: ", ")))"))
        }

        // Tables were folded as they closed.
        let foldedTables = tables.enumerated().map { index, closed in
            let table = closed.table
            return TableEntry(
                id: "t\(index + 1)", title: table.title, pages: table.pages, unit: table.unit, header: table.header,
                rows: table.rows, rowPages: table.rowPages,
                spans: table.spans.map { CellSpan(row: $0.row, col: $0.col, rowSpan: $0.rowSpan, colSpan: $0.colSpan) })
        }

        let description = timed(&timings.records) { DocumentDescriber.describe(
            blocks: openingBlocks, tableHeaders: foldedTables.map(\.header), tableTitles: foldedTables.compactMap(\.title),
            outlineTitles: outline.flatMap(\.flattened).map(\.title).map(TextFolder.fold)) }

        // Dates: running text and table cells, with the document's year for
        // dates printed without one.
        let scanner = DateScanner(context: DateContext(documentYear: description.year))
        var dates: [DateEntry] = []
        var datesByPage: [Int: [DateEntry]] = [:]
        let dateScanStart = DispatchTime.now().uptimeNanoseconds
        for page in pages {
            let (page, text) = (page.number, page.text)
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                for match in scanner.matches(in: String(line)) {
                    datesByPage[page, default: []].append(DateEntry(match, page: page))
                }
            }
        }
        for (closed, entry) in zip(tables, foldedTables) {
            let table = closed.table
            for (rowIndex, row) in entry.rows.enumerated() {
                let page = rowIndex < table.rowPages.count ? table.rowPages[rowIndex] : table.pages[0]
                for cell in row {
                    for match in scanner.matches(in: cell) {
                        datesByPage[page, default: []].append(DateEntry(match, page: page))
                    }
                }
            }
        }
        for page in datesByPage.keys.sorted() { dates += datesByPage[page]! }
        timings.normalise += Double(DispatchTime.now().uptimeNanoseconds - dateScanStart) / 1e9

        let recordTables = zip(tables, foldedTables).map { closed, entry in
            RecordTable(id: entry.id, title: entry.title, unit: entry.unit, header: entry.header, rows: entry.rows,
                        rowPages: closed.table.rowPages,
                        spans: closed.table.spans.map { RecordTable.Span(row: $0.row, col: $0.col, rowSpan: $0.rowSpan, colSpan: $0.colSpan) },
                        linesAbove: closed.linesAbove, linesBelow: closed.linesBelow)
        }
        // The running paragraphs, for records read from text (trips).
        let paragraphs = pages.flatMap { page in
            page.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { RunningParagraph(page: page.number, text: $0) }
        }
        let records = timed(&timings.records) {
            RecordBuilder.records(
                tables: recordTables, paragraphs: paragraphs, documentYear: description.year,
                documentDate: description.date)
        }

        return GazetteDocument(
            tool: tool, source: source,
            document: DocumentInfoBlock(
                kind: description.kind(records: records.map(\.type)), title: description.title,
                issuer: description.issuer, date: description.date?.iso, dateRaw: description.dateRaw),
            pages: pages.sorted { $0.number < $1.number },
            outline: outline.map(OutlineNode.init), tables: foldedTables, records: records, dates: dates,
            warnings: warnings.sorted { ($0.page ?? 0, $0.code) < ($1.page ?? 0, $1.code) })
    }
}

/// A table as it closed: folded, with the running-text lines around it
/// (for the records stage: the heading it sits under, a unit note below).
struct ClosedTable {
    var table: LogicalTable
    var linesAbove: [String]
    var linesBelow: [String]
}

extension DocumentRun {
    /// Folds the tables that closed and keeps the lines around them, while
    /// those pages' lines are still at hand.
    fileprivate mutating func close(_ closed: [LogicalTable], timings: inout StageTimings) {
        for var table in closed {
            let above = linesAbove(table), below = linesBelow(table)
            timed(&timings.normalise) {
                table.title = table.title.map(TextFolder.fold)
                table.unit = table.unit.map(TextFolder.fold)
                table.headerRows = table.headerRows.map { $0.map(TextFolder.fold) }
                table.headerLabels = table.headerLabels.map { $0.map(TextFolder.fold) }
                table.rows = table.rows.map { $0.map(TextFolder.fold) }
            }
            tables.append(ClosedTable(table: table, linesAbove: above, linesBelow: below))
        }
    }

    /// The running-text lines above a table, nearest first: those of its
    /// first page, then the pages before (at most 40 lines, two pages back),
    /// so that the heading it sits under is among them.
    fileprivate func linesAbove(_ table: LogicalTable) -> [String] {
        guard let page = table.pages.first else { return [] }
        var out = (contextLines[page] ?? []).filter { $0.bottom <= table.firstBox.y0 + 1 }
            .sorted { $0.bottom > $1.bottom }.map(\.text)
        for previous in stride(from: page - 1, through: max(1, page - 2), by: -1) where out.count < 40 {
            out += (contextLines[previous] ?? []).sorted { $0.bottom > $1.bottom }.map(\.text)
        }
        return Array(out.prefix(40))
    }

    /// The running-text lines just below a table that ends on the page it
    /// starts on (a note stating its unit), nearest first.
    fileprivate func linesBelow(_ table: LogicalTable) -> [String] {
        guard table.pages.count == 1, let page = table.pages.first else { return [] }
        return (contextLines[page] ?? []).filter { $0.top >= table.firstBox.y1 - 1 }
            .sorted { $0.top < $1.top }.prefix(3).map(\.text)
    }
}

/// A running-text line kept for the records stage: folded text and its
/// vertical extent.
struct ContextLine {
    var text: String
    var top: Double
    var bottom: Double
}

extension DateEntry {
    init(_ match: DateMatch, page: Int) {
        self.init(raw: match.raw, start: match.value.start.iso, end: match.value.end.iso,
                  precision: match.value.precision.rawValue, page: page, inferredYear: match.value.yearFromContext)
    }
}

extension OutlineNode {
    init(_ entry: OutlineEntry) {
        self.init(label: TextFolder.fold(entry.label), level: entry.level, title: TextFolder.fold(entry.title),
                  page: entry.page, children: entry.children.map(OutlineNode.init))
    }
}
