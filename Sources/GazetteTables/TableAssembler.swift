import Foundation
import GazetteLayout
import GazetteNormalise
import GazetteRead

/// A line of running text near a table, given to the assembler so it can
/// find the table's caption, its unit line, and whether the table starts at
/// the top of its page or ends at the bottom.
public struct TableContextLine: Sendable, Hashable {
    public var text: String
    public var box: Rect
    /// A running header (the same line at the top of every page): a caption
    /// only when it names a table (派員出國計畫預算類別表 printed on each
    /// page of the table); a heading the table sits under only when it
    /// stands right above the table (see `linesAbove`).
    public var isFurniture: Bool
    public init(text: String, box: Rect, isFurniture: Bool = false) {
        self.text = text
        self.box = box
        self.isFurniture = isFurniture
    }
}

/// Joins the tables of successive pages into logical tables, as a stream:
/// feed each page's tables with `add`, collect the tables that are complete,
/// and call `finish` at the end. Holds at most the table still open at the
/// bottom of the last page, and the running-text lines of the pages a table
/// may still need for its context.
///
/// A closed table comes out finished for the stages after: its text folded
/// (`TextFolder`), its id (`t1`, `t2` … in closing order), and the lines
/// above it (its caption, the heading it sits under) and below it (a unit
/// note).
///
/// - A table at the top of a page continues the table left open at the
///   bottom of the page before when their columns line up; repeated header
///   rows are dropped and a row broken by the page break is joined.
/// - A table beside the open one on the facing page, with the same title
///   and its rows at the same heights but other columns, is the right half
///   of a spread: its columns are appended to the left half's.
public final class TableAssembler {
    private var open: Builder?
    /// Running-text lines of recent pages (folded), for the context of the
    /// tables that close: the last three pages, and those from two pages
    /// before the open table's first page.
    private var contextLines: [Int: [ContextLine]] = [:]
    /// How many tables have closed (for their ids).
    private var closedCount = 0

    /// A running-text line kept for a table's context: folded text and its
    /// vertical extent.
    struct ContextLine {
        var text: String
        var top: Double
        var bottom: Double
        /// A line the layout took for page furniture (printed at the same
        /// place on several pages): kept only for the heading right above a
        /// table (see `linesAbove`).
        var isFurniture = false
    }

    public init() {}

    /// The first page of the table still open (continued on the next page,
    /// perhaps), if any: its context must be kept until it closes.
    public var openTableFirstPage: Int? { open?.fragments.first?.table.page }

    /// Adds one page's tables (top to bottom) with the running-text lines of
    /// the page (furniture excluded). Returns the tables that closed.
    public func add(page: Int, tables: [PageTable], lines: [TableContextLine]) -> [LogicalTable] {
        contextLines[page] = lines.map {
            ContextLine(text: TextFolder.fold($0.text), top: $0.box.y0, bottom: $0.box.y1, isFurniture: $0.isFurniture)
        }
        let closed = join(page: page, tables: tables, lines: lines).map(finished)
        // Keep the lines of the pages a table may still need: the last three,
        // and those from two pages before the open table's first page.
        let keepFrom = min(page, openTableFirstPage ?? page) - 2
        for key in contextLines.keys where key < keepFrom { contextLines[key] = nil }
        return closed
    }

    /// Closes the table still open, if any.
    public func finish() -> [LogicalTable] {
        defer { open = nil }
        return open.map { [finished($0.build())] } ?? []
    }

    /// The page's tables joined to the open one or opening new ones; returns
    /// the tables that closed (raw).
    private func join(page: Int, tables: [PageTable], lines: [TableContextLine]) -> [LogicalTable] {
        var closed: [LogicalTable] = []
        let sortedLines = lines.sorted { $0.box.y0 < $1.box.y0 }

        for (index, table) in tables.enumerated() {
            let previousBottom = index == 0 ? 0 : tables[index - 1].box.y1
            let above = sortedLines.filter { $0.box.y1 <= table.box.y0 + 1 && $0.box.y0 >= previousBottom - 1 }
            let context = Self.caption(from: above)
            let bodyAbove = above.filter { line in
                !line.isFurniture &&
                !(context.titleLine == line || context.unitLine == line)
            }
            let below = sortedLines.filter { $0.box.y0 >= table.box.y1 - 1 }
            let atTop = index == 0 && bodyAbove.allSatisfy { Self.repeatsTitle($0.text, of: open) }
            let atBottom = index == tables.count - 1 && below.isEmpty

            // A caption of its own above the table starts a new table.
            let newCaption = context.title.map { !Self.repeatsTitle($0, of: open) } ?? false
            // A table of contents over pages goes on whatever is below it.
            let contentsGoOn = table.shape == .contents && open?.lastFragment.table.shape == .contents
            // Every line above the table on this page, for the next pages.
            func pageAbove() -> Set<String> {
                Set(sortedLines.lazy.filter { $0.box.y1 <= table.box.y0 + 1 }.map { Self.topLineKey($0.text) })
            }
            // A heading the pages before did not print (第三審查會（建設類）
            // over a council list whose pages so far were 第一審查會's): the
            // rows below it are a list of their own, even where the heading
            // is a running header of the pages it heads.
            let newHeading = index == 0 ? open.flatMap { builder in
                above.first { !builder.knownTopLines.contains(Self.topLineKey($0.text)) && Self.isListHeading($0.text) }
            }.map { $0.text.trimmingSpaces() } : nil
            if index == 0, let builder = open, builder.lastPage == page - 1,
               contentsGoOn || (atTop && !newCaption && builder.lastFragment.reachesBottom) {
                if contentsGoOn || newHeading == nil, builder.continues(with: table) {
                    builder.appendContinuation(table, bottom: atBottom)
                    builder.knownTopLines.formUnion(pageAbove())
                    continue
                }
                if builder.isSpread(with: table, title: context.title) {
                    builder.appendSpread(table, bottom: atBottom)
                    builder.knownTopLines.formUnion(pageAbove())
                    continue
                }
            }
            if let builder = open {
                closed.append(builder.build())
                open = nil
            }
            open = Builder(first: table, title: context.title ?? newHeading, unit: context.unit, reachesBottom: atBottom)
            open?.knownTopLines = pageAbove()
            // The lines between its caption and its top (an agency and year
            // line): printed again above each continuation.
            open?.pageTopLines = Set(bodyAbove.map { CharacterClass.removingSpaces($0.text) })
        }
        // A table that does not reach the bottom of its page is complete.
        if let builder = open, builder.lastPage == page, !builder.lastFragment.reachesBottom,
           builder.lastFragment.table.shape != .contents {
            closed.append(builder.build())
            open = nil
        } else if let builder = open, builder.lastPage < page {
            // Nothing on this page continued it.
            closed.append(builder.build())
            open = nil
        }
        return closed
    }

    /// A closed table as the next stages take it: folded, numbered, with
    /// the lines around it, while those pages' lines are still at hand.
    private func finished(_ raw: LogicalTable) -> LogicalTable {
        var table = raw
        closedCount += 1
        table.id = "t\(closedCount)"
        table.linesAbove = linesAbove(table)
        table.linesBelow = linesBelow(table)
        if let form = KeyValueForm(table) {
            table = form.table
        } else {
            let separator = CellText.pairSeparator
            func spaced(_ text: String) -> String {
                text.includes(separator) ? text.replacingOccurrences(of: separator, with: " ") : text
            }
            table.rows = table.rows.map { $0.map(spaced) }
            table.headerRows = table.headerRows.map { $0.map(spaced) }
            table.headerLabels = table.headerLabels.map { $0.map(spaced) }
        }
        table.title = table.title.map(TextFolder.fold)
        table.unit = table.unit.map(TextFolder.fold)
        table.headerRows = table.headerRows.map { $0.map(TextFolder.fold) }
        table.headerLabels = table.headerLabels.map { $0.map(TextFolder.fold) }
        table.rows = table.rows.map { $0.map(TextFolder.fold) }
        return table
    }

    /// The running-text lines above a table, nearest first: those of its
    /// first page, then the pages before (at most 40 lines, two pages back),
    /// so that the heading it sits under is among them.
    ///
    /// A heading printed right above the table on every page it runs over
    /// (第三審查會（建設類） over a list continued on the next page) repeats
    /// at the same place, so the layout takes it for page furniture. Such a
    /// line still counts when nothing but furniture stands between it and the
    /// table and it sits within two line heights of the table's top; other
    /// furniture (running headers, page numbers) does not.
    private func linesAbove(_ table: LogicalTable) -> [String] {
        guard let page = table.pages.first else { return [] }
        let onPage = (contextLines[page] ?? []).filter { $0.bottom <= table.firstBox.y0 + 1 }
            .sorted { $0.bottom > $1.bottom }
        var out: [String] = []
        var nearTable = true
        for line in onPage {
            if line.isFurniture {
                guard nearTable, table.firstBox.y0 - line.bottom < 2 * (line.bottom - line.top) else {
                    nearTable = false
                    continue
                }
            } else {
                nearTable = false
            }
            out.append(line.text)
        }
        for previous in stride(from: page - 1, through: max(1, page - 2), by: -1) where out.count < 40 {
            out += (contextLines[previous] ?? []).filter { !$0.isFurniture }.sorted { $0.bottom > $1.bottom }.map(\.text)
        }
        return Array(out.prefix(40))
    }

    /// The running-text lines just below a table that ends on the page it
    /// starts on (a note stating its unit), nearest first.
    private func linesBelow(_ table: LogicalTable) -> [String] {
        guard table.pages.count == 1, let page = table.pages.first else { return [] }
        return (contextLines[page] ?? []).filter { !$0.isFurniture && $0.top >= table.firstBox.y1 - 1 }
            .sorted { $0.top < $1.top }.prefix(3).map(\.text)
    }

    // MARK: Captions

    /// The caption and unit among the lines just above a table: the unit
    /// line (單位：…), and the likeliest caption among the nearest lines — a
    /// line naming a table (…表, 表 5-1-2 …), then a numbered heading, then
    /// any short line; a bare year line (中華民國 114 年度) is a poor caption.
    static func caption(from above: [TableContextLine]) -> (title: String?, unit: String?, titleLine: TableContextLine?, unitLine: TableContextLine?) {
        let nearest = above.sorted { $0.box.y1 > $1.box.y1 }.prefix(6)
        guard let tableTop = nearest.first?.box.y1 else { return (nil, nil, nil, nil) }
        var unit: String?, unitLine: TableContextLine?
        var best: (score: Int, line: TableContextLine)?
        for line in nearest where tableTop - line.box.y1 < 80 {
            let text = line.text.trimmingSpaces()
            if unit == nil, let u = unitPhrase(in: text), text.count <= u.count + 12 {
                unit = u
                unitLine = line
                continue
            }
            let score = captionScore(text)
            if line.isFurniture && score < 4 { continue }
            if best == nil || score > best!.score { best = (score, line) }
        }
        guard let chosen = best, chosen.score > 0 else { return (nil, unit, nil, unitLine) }
        var title = chosen.line.text.trimmingSpaces()
        // A caption continued by a parenthesis on the line below it:
        // 派員出國計畫預算類別表 / （考察、視察、訪問）.
        if let next = nearest.filter({ $0.box.y0 >= chosen.line.box.y1 - 1 }).min(by: { $0.box.y0 < $1.box.y0 }),
           next.box.y0 - chosen.line.box.y1 < 0.8 * chosen.line.box.height + 2, next != unitLine {
            let t = next.text.trimmingSpaces()
            if t.matches(pattern: #"^([（(][^）)]{1,30}[）)])+$"#) { title += t }
        }
        if unit == nil, let u = unitPhrase(in: title) { unit = u }
        return (title, unit, chosen.line, unitLine)
    }

    /// A line above a table as the next page may print it again: no
    /// spaces, no continuation mark (（續）), digits masked (page numbers,
    /// 第 12 頁).
    static func topLineKey(_ text: String) -> String { furnitureKey(baseTitle(text)) }

    /// A short heading a list sits under (第三審查會（建設類）, 一、民政類):
    /// two CJK characters at least, at most 40 characters, no sentence, no
    /// unit line, no page number.
    static func isListHeading(_ text: String) -> Bool {
        let t = CharacterClass.removingSpaces(text)
        guard t.count >= 2, t.count <= 40, !t.hasSuffix("。"), unitPhrase(in: t) == nil else { return false }
        guard t.unicodeScalars.filter(\.properties.isIdeographic).count >= 2 else { return false }
        return !t.matches(pattern: #"^第?[0-9０-９\-－—\s]+頁"#) && captionScore(t) >= 2
    }

    /// Numbering styles of the headings a table may sit under (壹、 一、 （一） 1.).
    static let headingStyles: Set<OutlineStyle> = [.financial, .chinese, .parenChinese, .arabic]

    /// How likely a line is a table's caption (0: not at all).
    static func captionScore(_ text: String) -> Int {
        let t = CharacterClass.removingSpaces(text)
        guard !t.isEmpty, t.count <= 80 else { return 0 }
        if t.matches(pattern: Patterns.bareYear) { return 0 }
        // 表4 alone numbers the table; the line that names it says more.
        if t.matches(pattern: #"^(附)?表[0-9０-９一二三四五六七八九十\-－.]+$"#) { return 3 }
        if t.matches(pattern: Patterns.tableLabel) { return 4 }
        if t.matches(pattern: Patterns.tableNoun) { return 4 }
        if let marker = OutlineMarker.parse(t)?.marker, headingStyles.contains(marker.style) { return 3 }
        if t.hasSuffix("。") || t.count > 50 { return 1 }
        return 2
    }

    /// A unit phrase: 單位：新臺幣千元, （單位：元）, (百萬元), 單位:人次.
    static func unitPhrase(in text: String) -> String? {
        guard text.includes("單") || text.includes("元") else { return nil }
        for pattern in [Patterns.unitLine, Patterns.unitInParentheses] {
            if let range = text.regexRange(pattern) {
                return String(text[range]).trimmingSpaces()
            }
        }
        return nil
    }

    /// A caption without its spacing and without a continuation mark
    /// (（續）, (續), 續表): the same on every page of a table.
    static func baseTitle(_ text: String) -> String {
        var t = CharacterClass.removingSpaces(text)
        for mark in ["（續）", "(續)", "（續表）", "(續表)", "續表", "續"] where t.hasSuffix(mark) {
            t = String(t.dropLast(mark.count))
            break
        }
        return t
    }

    /// True when a line above a continued table only repeats its title
    /// (optionally marked 續), so the table still starts at the top.
    static func repeatsTitle(_ text: String, of builder: Builder?) -> Bool {
        let t = CharacterClass.removingSpaces(text)
        if t.isEmpty { return true }
        if t.includes("續表") || t.hasSuffix("(續)") || t.hasSuffix("（續）") { return true }
        guard let builder else { return false }
        if let title = builder.title, baseTitle(title) == baseTitle(t) { return true }
        if let unit = builder.unit, CharacterClass.removingSpaces(unit) == t { return true }
        if builder.pageTopLines.contains(t) { return true }
        if unitPhrase(in: text) != nil && t.count <= 16 { return true }
        return false
    }
}

/// One page's part of a logical table, with its header split off.
struct Fragment {
    var table: PageTable
    var headerDepth: Int
    var reachesBottom: Bool
}

/// A logical table being put together from fragments.
final class Builder {
    var title: String?
    /// The lines just above the first fragment besides its caption and unit
    /// (squeezed): a continuation on the next page may repeat them.
    var pageTopLines: Set<String> = []
    /// Every line printed above the table on the pages it has run over
    /// (squeezed, digits masked): what a continuation's page may repeat.
    var knownTopLines: Set<String> = []
    var unit: String?
    var fragments: [Fragment] = []
    var headerRows: [[String]]
    var headerLabels: [[String]]
    var rows: [[String]] = []
    var rowPages: [Int] = []
    var spans: [TableSpan] = []
    /// Line geometry of the last body row's cells, by column.
    var lastRowCells: [CellLayout?] = []
    /// How far the lines of each column reach (the width text wraps at).
    var columnReach: [Int: Double] = [:]
    /// Column boundaries of the last fragment (for continuation matching).
    var lastPage: Int
    var lastFragment: Fragment { fragments[fragments.count - 1] }

    init(first table: PageTable, title: String?, unit: String?, reachesBottom: Bool) {
        self.title = title
        self.unit = unit
        let depth = Builder.headerDepth(of: table)
        let (printed, labels) = Builder.headerMatrices(table, depth: depth)
        headerRows = printed
        headerLabels = labels
        lastPage = table.page
        fragments = [Fragment(table: table, headerDepth: depth, reachesBottom: reachesBottom)]
        appendBody(of: table, from: depth)
    }

    /// Header rows of a table's first fragment: the rows down to where the
    /// merged header cells end (a label over two rows, a label spanning
    /// columns with sub-labels under it), if the first row reads as labels.
    static func headerDepth(of table: PageTable) -> Int {
        let grid = table.grid
        // A table of contents has entries only, its first one included.
        guard grid.rowCount >= 2, table.shape != .contents else { return 0 }
        let matrix = table.matrix
        // A first row of numbers is data, not a header.
        let firstRow = matrix[0].filter { !$0.isEmpty }
        guard !firstRow.isEmpty else { return 0 }
        let numeric = firstRow.filter(looksNumeric).count
        if numeric * 2 > firstRow.count { return 0 }
        // A first-row value like the values below it (a time slot, a date, a
        // number, with no CJK label text) makes the first row data.
        for c in 0..<grid.columnCount where looksLikeValue(matrix[0][c]) {
            let below = matrix.dropFirst().map { $0[c] }.filter { !$0.isEmpty }
            if !below.isEmpty && below.filter(looksLikeValue).count * 2 >= below.count { return 0 }
        }
        var depth = grid.cells.filter { $0.row == 0 }.map(\.rowSpan).max() ?? 1
        // Labels spanning columns with sub-labels below them take the next row in.
        var changed = true
        while changed && depth < grid.rowCount - 1 {
            changed = false
            // A one-row label over several columns whose slots below are
            // split into one-row sub-labels (各年度經費需求 over 108 年以前 …).
            for cell in grid.cells where cell.row < depth && cell.rowSpan == 1 && cell.colSpan > 1
                && cell.row + cell.rowSpan == depth {
                let below = grid.cells.filter { $0.row == depth && $0.col >= cell.col && $0.col < cell.col + cell.colSpan }
                // Every other column's label must reach down past that row
                // too (經費來源 over two rows beside the year labels), or
                // sit under another label spanning columns with sub-labels
                // of its own (科目 over 款/項, 預算員額 over 職員/警察);
                // otherwise the row below is data under a merged label.
                let othersReach = (0..<grid.columnCount).filter { $0 < cell.col || $0 >= cell.col + cell.colSpan }.allSatisfy { c in
                    if grid.cell(coveringRow: depth, col: c).map({ $0.row < depth }) ?? false { return true }
                    guard let above = grid.cell(coveringRow: depth - 1, col: c) else { return false }
                    return above.colSpan > 1 && above.rowSpan == 1 && above.row + above.rowSpan == depth
                }
                if below.count >= 2 && below.allSatisfy({ $0.rowSpan == 1 }) && othersReach {
                    depth += 1
                    changed = true
                    break
                }
            }
        }
        return min(depth, grid.rowCount - 1)
    }

    /// The header rows as printed, and with each label repeated over its span.
    static func headerMatrices(_ table: PageTable, depth: Int) -> ([[String]], [[String]]) {
        let cols = table.grid.columnCount
        var printed = Array(repeating: Array(repeating: "", count: cols), count: depth)
        var labels = printed
        for (cell, text) in zip(table.grid.cells, table.texts) where cell.row < depth {
            printed[cell.row][cell.col] = text
            for r in cell.row..<min(depth, cell.row + cell.rowSpan) {
                for c in cell.col..<(cell.col + cell.colSpan) { labels[r][c] = text }
            }
        }
        return (printed, labels)
    }

    /// Appends a fragment's rows from `start` on, with its body spans.
    func appendBody(of table: PageTable, from start: Int, columnOffset: Int = 0) {
        let matrix = table.matrix
        let base = rows.count
        for r in start..<table.grid.rowCount {
            rows.append(matrix[r])
            rowPages.append(table.page)
        }
        for cell in table.grid.cells where cell.row >= start && (cell.rowSpan > 1 || cell.colSpan > 1) {
            spans.append(TableSpan(row: base + cell.row - start, col: cell.col + columnOffset,
                                           rowSpan: cell.rowSpan, colSpan: cell.colSpan))
        }
        for (cell, layout) in zip(table.grid.cells, table.cells) where cell.row >= start && cell.colSpan == 1 && layout.lineCount > 0 {
            columnReach[cell.col + columnOffset] = max(columnReach[cell.col + columnOffset] ?? -.infinity, layout.maxLineRight)
        }
        if table.grid.rowCount > start {
            let last = table.grid.rowCount - 1
            lastRowCells = (0..<table.grid.columnCount).map { table.cellLayout(row: last, col: $0) }
        }
    }

    /// Whether `text` in the first column reads like the start of an entry
    /// of this table: an item number where the column numbers its entries,
    /// or a label ending like most labels of the column (…組, …局) where the
    /// row above ended that way too.
    func looksLikeNewEntry(_ text: String) -> Bool {
        let column = rows.map { CharacterClass.removingSpaces($0.first ?? "") }.filter { !$0.isEmpty }
        guard column.count >= 3, let last = rows.last.map({ CharacterClass.removingSpaces($0.first ?? "") }), !last.isEmpty else { return false }
        let t = CharacterClass.removingSpaces(text)
        // Entries numbered 01, 02 … ahead of their text: the next number
        // starts the next entry (協處市民… under a repeated header is a row of
        // its own too, by its label below).
        if let n = EntryLabel.parse(text)?.item, let previous = EntryLabel.parse(rows.last?.first ?? "")?.item, n == previous + 1 {
            return true
        }
        if column.filter(looksNumeric).count * 5 >= column.count * 4 { return looksNumeric(t) }
        var finals: [Character: Int] = [:]
        for value in column { if let c = value.last { finals[c, default: 0] += 1 } }
        guard let (dominant, n) = finals.max(by: { $0.value < $1.value }), n * 5 >= column.count * 3 else { return false }
        return t.last == dominant && last.last == dominant
    }

    /// Whether the first of the cells that has text starts with an entry's
    /// label (`EntryLabel`): an article (第三條, 第二十條之一) or an item
    /// number (01 赴日本…).
    static func startsWithEntryLabel(_ cells: ArraySlice<String>) -> Bool {
        guard let text = cells.first(where: { !$0.isEmpty }) else { return false }
        return EntryLabel.parse(text) != nil
    }

    /// Whether the text of column `c` runs on from the last row into `next`:
    /// the last line of the row above is full, and the next line's first
    /// word would not have fitted on it.
    func wrapsAcross(column c: Int, next: CellLayout?) -> Bool {
        guard c < lastRowCells.count, let previous = lastRowCells[c], let next,
              previous.lineCount > 0, next.lineCount > 0, let reach = columnReach[c] else { return false }
        // Where a full line ends: the cell's right edge less the padding its
        // text keeps on the left, or further where lines did reach.
        let limit = max(previous.innerRight, reach)
        return previous.lastLineRight + next.firstTokenWidth > limit + 1.0
    }

    /// The fragment whose columns a continuation must match: the left half
    /// of a spread, or simply the last fragment.
    var columnFragment: Fragment { isSpread ? fragments[leftFragmentIndex] : lastFragment }
    /// Whether the table is a facing-page spread.
    var isSpread = false
    /// Index in `fragments` of the last left half.
    var leftFragmentIndex = 0
    /// Rows (indices into `rows`) the last left half filled, in its order:
    /// where the right half's rows go.
    var leftRowTargets: [Int] = []
    /// Whether the last left half's first row was joined to the row above.
    var leftJoinedFirstRow = false

    /// Whether `table` (at the top of the next page) continues this table:
    /// same number of columns, column boundaries within a few points.
    func continues(with table: PageTable) -> Bool {
        // A table of contents runs on over its pages whatever their margins.
        if table.shape == .contents && columnFragment.table.shape == .contents { return true }
        let previous = columnFragment.table.grid.xs
        let xs = table.grid.xs
        guard previous.count == xs.count else { return false }
        let width = max(previous.last! - previous.first!, 1)
        return zip(previous, xs).allSatisfy { abs($0 - $1) <= max(4, 0.01 * width) }
    }

    /// Appends a continuation: drops a repeated header, joins a row broken by
    /// the page break.
    func appendContinuation(_ table: PageTable, bottom: Bool) {
        let matrix = table.matrix
        var start = 0
        // Headers of the left half only (a spread's header covers both halves).
        let leftColumns = table.grid.columnCount
        let depth = headerRows.count
        if depth > 0 && table.grid.rowCount > depth {
            let repeated = (0..<depth).allSatisfy { r in
                zip(matrix[r], headerRows[r].prefix(leftColumns)).allSatisfy { CharacterClass.removingSpaces($0) == CharacterClass.removingSpaces($1) }
                    || zip(matrix[r], headerLabels[r].prefix(leftColumns)).allSatisfy { CharacterClass.removingSpaces($0) == CharacterClass.removingSpaces($1) || $0.isEmpty }
            }
            if repeated { start = depth }
        }
        if start == 0, isSpread {
            // A spread's left half repeats its own header rows.
            let own = fragments[leftFragmentIndex].headerDepth
            if own > 0 && table.grid.rowCount > own {
                let previous = fragments[leftFragmentIndex].table.matrix
                if (0..<own).allSatisfy({ r in zip(matrix[r], previous[r]).allSatisfy { CharacterClass.removingSpaces($0) == CharacterClass.removingSpaces($1) } }) {
                    start = own
                }
            }
        }
        fragments.append(Fragment(table: table, headerDepth: start, reachesBottom: bottom))
        if isSpread { leftFragmentIndex = fragments.count - 1 }
        lastPage = table.page
        leftRowTargets = []
        leftJoinedFirstRow = false
        guard start < table.grid.rowCount else { return }
        // A first row whose first cell is empty, or whose first column
        // carries on a full line of the row above, is the rest of the row
        // cut by the page break.
        let firstCellEmpty = matrix[start].first?.isEmpty == true && matrix[start].contains(where: { !$0.isEmpty })
        // Or when the text runs on: the first column wraps across the break,
        // and so do most columns that have text on both sides of it.
        var wrapping = 0, ending = 0
        for c in 0..<min(table.grid.columnCount, lastRowCells.count) {
            guard let next = table.cellLayout(row: start, col: c), next.lineCount > 0,
                  let previous = lastRowCells[c], previous.lineCount > 0 else { continue }
            if wrapsAcross(column: c, next: next) { wrapping += 1 } else { ending += 1 }
        }
        // A first row as full as the table's rows, with its own label, is a
        // row of its own (協處民眾集體陳情 alone under a repeated header; a
        // councillor's next suggestion): narrow columns always look full, so
        // their wrapping is no evidence.
        // (Both tests below read every row so far: they are made only when
        // the cheaper ones before them leave the question open.)
        func complete() -> Bool {
            guard !rows.isEmpty, !(matrix[start].first ?? "").isEmpty else { return false }
            let filled = matrix[start].filter { !$0.isEmpty }.count
            let typical = rows.map { $0.filter { !$0.isEmpty }.count }.sorted()
            return Double(filled) >= max(2, 0.7 * Double(typical[typical.count / 2]))
        }
        let runsOn = wrapsAcross(column: 0, next: table.cellLayout(row: start, col: 0)) && wrapping > ending
            && !looksLikeNewEntry(matrix[start][0]) && !complete()
        // Every entry so far starts with its label (第三條 …, 01 …): a row
        // without one is the rest of the entry the page break cut.
        func unlabelled() -> Bool {
            rows.count >= 2 && !Self.startsWithEntryLabel(matrix[start].prefix(2))
                && rows.allSatisfy { Self.startsWithEntryLabel($0.prefix(2)) }
        }
        if !rows.isEmpty, firstCellEmpty || runsOn || unlabelled() {
            let last = rows.count - 1
            for c in 0..<min(rows[last].count, matrix[start].count) where !matrix[start][c].isEmpty {
                rows[last][c] = CellText.joinLines(rows[last][c], matrix[start][c])
            }
            leftRowTargets.append(last)
            leftJoinedFirstRow = true
            start += 1
        }
        if start < table.grid.rowCount {
            let first = rows.count
            appendBody(of: table, from: start)
            leftRowTargets += Array(first..<rows.count)
        }
    }

    /// Whether `table` is the right half of a spread whose left half is this
    /// table's last fragment: other columns, the same title, and body rows
    /// at the same heights.
    func isSpread(with table: PageTable, title: String?) -> Bool {
        let left = lastFragment.table
        guard table.page == left.page + 1, !continues(with: table) else { return false }
        if isSpread && fragments.count - 1 != leftFragmentIndex { return false }
        if let title, let own = self.title, TableAssembler.baseTitle(title) != TableAssembler.baseTitle(own) { return false }
        let leftRows = Array(left.grid.ys.dropFirst(lastFragment.headerDepth))
        let rightDepth = Builder.headerDepth(of: table)
        let rightRows = Array(table.grid.ys.dropFirst(rightDepth))
        guard leftRows.count == rightRows.count, leftRows.count >= 2 else { return false }
        let matching = zip(leftRows, rightRows).filter { abs($0 - $1) <= 3 }.count
        return Double(matching) >= 0.8 * Double(leftRows.count)
    }

    /// Appends the right half of a spread as more columns of the rows its
    /// left half filled.
    func appendSpread(_ table: PageTable, bottom: Bool) {
        let depth = Builder.headerDepth(of: table)
        let matrix = table.matrix
        let leftFragment = lastFragment
        let offset = leftFragment.table.grid.columnCount
        if !isSpread {
            // The first spread: the right header joins the left header, and
            // the rows the left half added are its targets.
            leftRowTargets = Array((rows.count - (leftFragment.table.grid.rowCount - leftFragment.headerDepth))..<rows.count)
            let (printed, labels) = Builder.headerMatrices(table, depth: depth)
            let newDepth = max(headerRows.count, printed.count)
            func pad(_ m: [[String]], width: Int, repeatLast: Bool) -> [[String]] {
                var m = m
                while m.count < newDepth {
                    m.append(repeatLast ? (m.last ?? Array(repeating: "", count: width)) : Array(repeating: "", count: width))
                }
                return m
            }
            headerRows = zip(pad(headerRows, width: offset, repeatLast: false),
                             pad(printed, width: table.grid.columnCount, repeatLast: false)).map { $0 + $1 }
            headerLabels = zip(pad(headerLabels, width: offset, repeatLast: true),
                               pad(labels, width: table.grid.columnCount, repeatLast: true)).map { $0 + $1 }
            isSpread = true
            leftFragmentIndex = fragments.count - 1
        }
        // The right half repeats its header on every spread.
        let rightBody = Array(depth..<table.grid.rowCount)
        for (k, r) in rightBody.enumerated() where k < leftRowTargets.count {
            let target = leftRowTargets[k]
            let cells = matrix[r]
            if rows[target].count < offset + cells.count {
                rows[target] += Array(repeating: "", count: offset + cells.count - rows[target].count)
                for (c, text) in cells.enumerated() { rows[target][offset + c] = text }
            } else {
                // The rest of a row cut by the page break: join cell by cell.
                for (c, text) in cells.enumerated() where !text.isEmpty {
                    rows[target][offset + c] = CellText.joinLines(rows[target][offset + c], text)
                }
            }
        }
        for cell in table.grid.cells where cell.row >= depth && (cell.rowSpan > 1 || cell.colSpan > 1) {
            let k = cell.row - depth
            guard k < leftRowTargets.count else { continue }
            spans.append(TableSpan(row: leftRowTargets[k], col: cell.col + offset,
                                           rowSpan: cell.rowSpan, colSpan: cell.colSpan))
        }
        fragments.append(Fragment(table: table, headerDepth: depth, reachesBottom: bottom))
        lastPage = table.page
    }

    func build() -> LogicalTable {
        // Make every row as wide as the widest (spreads, uneven fragments).
        let width = max(rows.map(\.count).max() ?? 0, headerRows.first?.count ?? 0)
        let paddedRows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        var pages: [Int] = []
        for f in fragments where !pages.contains(f.table.page) { pages.append(f.table.page) }
        var table = LogicalTable(
            pages: pages, title: title, unit: unit, headerRows: headerRows, rows: paddedRows, spans: spans,
            shape: fragments[0].table.shape, rowPages: rowPages, firstBox: fragments[0].table.box,
            headerLabels: headerLabels)
        table.headerRows = headerRows.map { $0 + Array(repeating: "", count: max(0, width - $0.count)) }
        table.headerLabels = headerLabels.map { $0 + Array(repeating: "", count: max(0, width - $0.count)) }
        return table
    }
}

/// Numbers as tables print them: 1,234 / -5.6 / 99.8% / △12 / (1,234) / "-".
func looksNumeric(_ text: String) -> Bool {
    let squeezed = CharacterClass.removingSpaces(text)
    var scalars = Substring(squeezed).unicodeScalars[...]
    guard let first = scalars.first else { return false }
    if scalars.count == 1, first == "-" || first == "－" || first == "—" { return true }
    if "△▲-－(（".unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
    if let last = scalars.last, last == "%" || last == "％" { scalars = scalars.dropLast() }
    if let last = scalars.last, last == ")" || last == "）" { scalars = scalars.dropLast() }
    guard let head = scalars.first, CharacterClass.isDigit(head.value) else { return false }
    return scalars.allSatisfy { CharacterClass.isDigit($0.value) || ",，.．".unicodeScalars.contains($0) }
}

/// A value rather than a label: digits and their punctuation (a number, a
/// time slot, a date like 104/4/06-4/11), no CJK characters.
func looksLikeValue(_ text: String) -> Bool {
    var digits = 0, others = 0
    for u in text.unicodeScalars where !CharacterClass.isSpace(u.value) {
        let digit = CharacterClass.isDigit(u.value)
        if CharacterClass.isWide(u) && !digit { return false }
        if digit { digits += 1 } else { others += 1 }
    }
    return digits > 0 && digits * 5 >= (digits + others) * 3
}

/// The regular expressions of table captions (compiled once, by `PatternCache`).
enum Patterns {
    static let bareYear = #"^(中華民國)?[0-9０-９一二三四五六七八九十○〇]{2,4}年度?$"#
    static let tableLabel = #"^(附)?表[0-9０-９一二三四五六七八九十\-－.、：:]"#
    static let tableNoun = #"(表|一覽|統計|明細|清單|名冊)(（[^）]*）|\([^)]*\))?$"#
    static let unitLine = #"[（(]?\s*單\s*位\s*[:：]\s*[^）)\s]{1,12}\s*[）)]?"#
    static let unitInParentheses = #"[（(]\s*(新臺幣|新台幣)?\s*(千|萬|百萬|千萬|億)?元\s*[）)]"#
}
