import Foundation

/// The page loop of one extraction: each page goes through the stages as it
/// streams by, and what stays is the output itself (page text, tables,
/// warnings). A page's glyphs are held only until its layout comes back from
/// the layout stage (a window of a few pages); its tables go to the
/// assembler, which hands back each table as it closes.
///
/// The decisions are the stages' own: the tables stage says which lines are
/// table text (`PageTables`) and closes tables with their context
/// (`TableAssembler`), the layout stage gives blocks and the outline, the
/// normalise stage folds text and indexes dates (`DateIndex`), the records
/// stage describes the document and reads records.
struct DocumentRun {
    private var layoutBuilder = DocumentLayoutBuilder()
    private var held: [Int: HeldPage] = [:]
    private var assembler = TableAssembler()
    private var pages: [PageEntry] = []
    private var tables: [LogicalTable] = []
    private var warnings: [Warning] = []
    private var outline: [OutlineEntry] = []
    private var opening = OpeningBlocks()
    /// The running text's paragraphs, for records read from text.
    private var paragraphs: [RunningParagraph] = []
    /// Each page's running headers, for records that name what a page lists.
    private var runningHeaders: [Int: [String]] = [:]
    /// Private-use code points kept in each page's running text.
    private var privateUse: [Int: [String]] = [:]
    /// The last page's tables, for the facing page of a spread.
    private var previousTables: (page: Int, tables: PageTables)?

    /// What a page keeps while its layout is pending.
    struct HeldPage {
        var page: Page
        var tables: PageTables
    }

    /// `ocrFailure`: the page was to be read by OCR, which failed.
    mutating func add(_ page: Page, ocrFailure: OCRError? = nil, timings: inout StageTimings) {
        if page.ocr != nil || ocrFailure != nil {
            warnings += OCRNotes.readWarnings(page, failure: ocrFailure)
        } else {
            warnings += Warning.read(page)
        }
        layOut(page, timings: &timings)
    }

    /// A page poppler could not interpret: reported, never silently empty.
    mutating func addUnreadable(number: Int, error: ReadError, timings: inout StageTimings) {
        warnings.append(Warning(code: .pageUnreadable, page: number, message: error.localizedDescription))
        // Laid out as an empty page so that the page list has no gap; its
        // text is unknown, not absent, so it gets no noTextLayer.
        layOut(Page(number: number, width: 1, height: 1), timings: &timings)
    }

    mutating func finish(timings: inout StageTimings) {
        let summary = timed(&timings.layout) { layoutBuilder.finish() }
        for layout in summary.remainingPages { process(layout, timings: &timings) }
        outline = summary.outline
        tables += timed(&timings.tables) { assembler.finish() }
    }

    /// The page through the layout stage (ruled tables need only the page).
    private mutating func layOut(_ page: Page, timings: inout StageTimings) {
        let facing = previousTables.flatMap { $0.page == page.number - 1 ? $0.tables : nil }
        let found = timed(&timings.tables) { PageTables(page: page, facing: facing) }
        previousTables = (page.number, found)
        held[page.number] = HeldPage(page: page, tables: found)
        let layouts = timed(&timings.layout) { layoutBuilder.add(page) }
        for layout in layouts { process(layout, timings: &timings) }
    }

    /// A laid-out page through the tables stage, and its running text.
    private mutating func process(_ layout: PageLayout, timings: inout StageTimings) {
        guard var page = held.removeValue(forKey: layout.number) else { return }
        let closed = timed(&timings.tables) { () -> [LogicalTable] in
            page.tables.addAligned(layout: layout, page: page.page)
            if page.page.ocr != nil, let low = OCRNotes.lowConfidence(page: page.page, tables: page.tables.tables) {
                warnings.append(low)
            }
            return assembler.add(page: layout.number, tables: page.tables.tables,
                                 lines: page.tables.runningLines(of: layout))
        }
        tables += closed

        let running = timed(&timings.normalise) { () -> [(block: TextBlock, text: String)] in
            layout.blocks.filter { !page.tables.contains($0, in: layout) }.map { block in
                let folded = TextFolder.foldReporting(block.text)
                if !folded.privateUse.isEmpty { privateUse[layout.number, default: []] += folded.privateUse.map(\.codePoint) }
                return (block, folded.text)
            }
        }
        for (block, text) in running where !text.isEmpty {
            paragraphs.append(RunningParagraph(page: layout.number, text: text, lines: Self.printedLines(of: block, in: layout),
                                               fontSize: block.fontSize, isBold: block.isBold))
        }
        let headers = layout.furniture.filter { $0.kind == .header }.map { TextFolder.fold($0.text) }
        if !headers.isEmpty { runningHeaders[layout.number] = headers }
        opening.add(layout, running: running)
        pages.append(PageEntry(
            number: layout.number, width: (layout.width * 10).rounded() / 10,
            height: (layout.height * 10).rounded() / 10, rotation: page.page.rotation,
            hasTextLayer: page.page.hasTextLayer, label: layout.pageNumber?.label,
            text: running.map(\.text).joined(separator: "\n\n"), ocr: page.page.ocr))
    }

    /// A block's printed lines, each as its segments (the pieces of one
    /// visual line a wide gap separates), folded.
    static func printedLines(of block: TextBlock, in layout: PageLayout) -> [[String]] {
        var lines: [[String]] = []
        var row: Int?
        for index in block.lines where index < layout.lines.count {
            let line = layout.lines[index]
            let text = TextFolder.fold(line.text)
            if line.row == row, !lines.isEmpty { lines[lines.count - 1].append(text) } else { lines.append([text]) }
            row = line.row
        }
        return lines
    }

    /// Builds the envelope (the emit stage's input).
    func document(source: Source, tool: ToolInfo, timings: inout StageTimings) -> GazetteDocument {
        let warnings = self.warnings + privateUse.sorted { $0.key < $1.key }.map {
            Warning.privateUse(page: $0.key, characters: $0.value)
        }

        let description = timed(&timings.records) { DocumentDescriber.describe(
            blocks: opening.blocks, tableHeaders: tables.map(\.header), tableTitles: tables.compactMap(\.title),
            outlineTitles: outline.flatMap(\.flattened).map(\.title).map(TextFolder.fold)) }

        // Dates: running text and table cells, with the document's year for
        // dates printed without one.
        let dates = timed(&timings.normalise) { () -> [DateEntry] in
            var index = DateIndex(documentYear: description.year)
            for page in pages { index.add(lines: page.text, page: page.number) }
            for table in tables {
                for (row, cells) in table.rows.enumerated() {
                    for cell in cells { index.add(cell, page: table.page(ofRow: row)) }
                }
            }
            return index.entries.map { DateEntry($0.match, page: $0.page) }
        }

        let records = timed(&timings.records) {
            RecordBuilder.records(
                tables: tables, paragraphs: paragraphs, documentYear: description.year, documentDate: description.date,
                runningHeaders: runningHeaders)
        }

        return GazetteDocument(
            tool: tool, source: source,
            document: DocumentInfoBlock(
                kind: description.kind(records: records.map(\.type)), title: description.title,
                issuer: description.issuer, date: description.date?.iso, dateRaw: description.dateRaw),
            pages: pages.sorted { $0.number < $1.number },
            outline: outline.map(OutlineNode.init), tables: tables, records: records, dates: dates,
            warnings: warnings.sorted { ($0.page ?? 0, $0.code) < ($1.page ?? 0, $1.code) })
    }
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
