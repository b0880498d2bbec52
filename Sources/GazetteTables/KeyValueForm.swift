import GazetteNormalise

/// A key–value form: a ruled box whose cells print `label：value` pairs
/// (土地登記謄本: 登記日期：民國105年03月08日　登記原因：分割 …), in blocks
/// of the same labels (one per parcel, owner or right), rather than a grid
/// of columns. As a logical table it is what an analyst loads: one row per
/// block, one column per label (in the order printed), the box's heading
/// (土地所有權部) as its title. The records stage reads a `form` record from
/// each row. Its labels are `FieldLabel`s, parentheses allowed (利息（率）：).
struct KeyValueForm {
    let table: LogicalTable

    /// The form a closed table is, or nil when it is a table of columns:
    /// most of its non-empty body cells (and header cells, when those are
    /// pairs too) are `label：value` pairs, three pairs at least.
    init?(_ raw: LogicalTable) {
        // A header of pairs (科目：統計學大意 over 考試時間：1小時 | 座號：) is part of the form.
        let headerCells = raw.headerRows.flatMap { $0 }.filter { !$0.isEmpty }
        let headerIsPairs = !headerCells.isEmpty
            && headerCells.allSatisfy { FieldLabel.startsWithLabel($0, characters: .hanAndParentheses) }
        let cells = (headerIsPairs ? headerCells : []) + raw.rows.flatMap { $0 }.filter { !$0.isEmpty }
        // Most cells hold a colon, or the table is not a form (cheap, before any pattern).
        let withColon = cells.filter { $0.includes("：") || $0.includes(":") }
        guard withColon.count * 5 >= cells.count * 3 else { return nil }
        let pairCells = withColon.filter { FieldLabel.startsWithLabel($0, characters: .hanAndParentheses) }
        guard pairCells.count * 5 >= cells.count * 3 else { return nil }
        let pairs = cells.flatMap(Self.pairs)
        guard pairs.count >= 3 else { return nil }

        // The box's heading: a header row of one label with no colon.
        var title = raw.title
        let headerTexts = raw.headerRows.flatMap { $0 }.filter { !$0.isEmpty }
        var bodyRows = raw.rows
        var bodyPages = raw.rowPages
        if headerTexts.count == 1, !headerTexts[0].includes("："), !headerTexts[0].includes(":") {
            title = headerTexts[0]
        } else if let first = raw.rows.first, first.filter({ !$0.isEmpty }).count == 1,
                  let heading = first.first(where: { !$0.isEmpty }), !FieldLabel.startsWithLabel(heading, characters: .hanAndParentheses) {
            title = heading
            bodyRows.removeFirst()
            bodyPages = Array(bodyPages.dropFirst())
        } else if !headerTexts.isEmpty {
            // Pairs printed in the header row too.
            bodyRows = raw.headerRows + bodyRows
            bodyPages = raw.headerRows.map { _ in raw.rowPages.first ?? raw.firstPage } + bodyPages
        }

        // Blocks: a label met again starts the next block.
        var labels: [String] = []
        var blocks: [[String: String]] = []
        var blockPages: [Int] = []
        var current: [String: String] = [:]
        var last: String?
        for (r, row) in bodyRows.enumerated() {
            for cell in row {
                for (key, value) in Self.pairs(cell) {
                    if key.isEmpty {
                        // Text without a label: the rest of the value before it.
                        if let last { current[last] = CellText.joinLines(current[last] ?? "", value) }
                        continue
                    }
                    if current[key] != nil {
                        blocks.append(current)
                        current = [:]
                    }
                    if current.isEmpty { blockPages.append(r < bodyPages.count ? bodyPages[r] : raw.firstPage) }
                    if !labels.contains(key) { labels.append(key) }
                    current[key] = value
                    last = key
                }
            }
        }
        if !current.isEmpty { blocks.append(current) }
        guard !blocks.isEmpty else { return nil }
        let rows = blocks.map { block in labels.map { block[$0] ?? "" } }
        var pages: [Int] = []
        for page in blockPages where !pages.contains(page) { pages.append(page) }
        table = LogicalTable(
            id: raw.id, pages: pages.isEmpty ? raw.pages : pages, title: title, unit: raw.unit, headerRows: [labels],
            rows: rows, spans: [], shape: .keyValue, rowPages: blockPages, firstBox: raw.firstBox, headerLabels: [labels],
            linesAbove: raw.linesAbove, linesBelow: raw.linesBelow)
    }

    /// The pairs of a cell: each piece between separators (or the whole
    /// cell) as label and value; a piece without a label has an empty label.
    static func pairs(_ cell: String) -> [(label: String, value: String)] {
        cell.components(separatedBy: CellText.pairSeparator).compactMap { piece in
            let t = piece.trimmingSpaces()
            guard !t.isEmpty else { return nil }
            return FieldLabel.split(t, characters: .hanAndParentheses) ?? ("", t)
        }
    }
}
