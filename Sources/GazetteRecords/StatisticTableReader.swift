import Foundation
import GazetteNormalise
import GazetteTables

/// Reads statistics tables into long form: one record per figure, with the
/// row label, the column label (header rows joined with "/"), the value as
/// printed (129萬 4,421件 → 1294421) and its unit. A table printed as two
/// label–value pairs side by side (機關名稱 | 件數 | 機關名稱 | 件數) gives
/// each pair its own records. A table is statistics when figures fill most
/// of its columns besides the row label (項次 columns aside).
enum StatisticTableReader {
    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        let columns = table.columnCount
        guard columns >= 2, !table.rows.isEmpty else { return [] }
        // `header` is computed from the header rows: once per table.
        let header = table.header
        let labels = (0..<columns).map { $0 < header.count ? CharacterClass.removingSpaces(header[$0]) : "" }
        let rows = table.filledRows
        guard let blocks = blocks(columns: columns, rows: rows, labels: labels) else { return [] }
        let tableUnit = tableUnitWord(table, labels: labels)
        let caption = TextTools.nonEmpty(caption(of: table))
        // A 單位 column (輛, 人) gives the unit of the row's counts.
        let unitColumn = labels.firstIndex { $0 == "單位" || $0 == "計量單位" || $0 == "數量單位" }
        // What each column's label says, once per column rather than per cell.
        let columnUnits = labels.map(columnUnit)
        let countColumns = labels.map(isCount)

        var records: [Record] = []
        for (index, row) in rows.enumerated() {
            for block in blocks {
                let rowLabel = block.labelColumns.map { cell(row, $0) }.filter { !$0.isEmpty }
                var parts: [String] = []
                for part in rowLabel where parts.last != part { parts.append(part) }
                for column in block.valueColumns {
                    let raw = cell(row, column)
                    guard !TextTools.isBlank(raw), let quantity = value(raw) else { continue }
                    let label = column < header.count ? TextTools.nonEmpty(header[column]) : nil
                    var unit = quantity.unit ?? columnUnits[column]
                    if unit == nil, countColumns[column], let u = unitColumn.map({ cell(row, $0) }), !u.isEmpty, u.count <= 4 {
                        unit = u
                    }
                    if unit == nil, !countColumns[column] { unit = tableUnit }
                    let record = StatisticRecord(
                        provenance: Provenance(table: table.id, row: index, page: table.page(ofRow: index)),
                        tableTitle: caption, row: parts.isEmpty ? nil : parts.joined(separator: "/"),
                        column: label, value: quantity.value.doubleValue, unit: unit)
                    records.append(.statistic(record))
                }
            }
        }
        return records.count >= 2 ? records : []
    }

    static func cell(_ row: [String], _ column: Int) -> String {
        column < row.count ? row[column].trimmingSpaces() : ""
    }

    /// What a column holds.
    enum ColumnKind: Equatable {
        /// Row numbers, codes (項次, 款/項/目, 01, 001): neither labels nor figures.
        case code
        case figures
        case text
        /// Nothing but blanks.
        case empty
    }

    /// Column labels of codes and numbers that are not figures.
    static let codeLabels: Set<String> = [
        "項次", "編號", "序號", "No", "No.", "NO", "NO.", "#", "款", "項", "目", "節", "代碼", "代號", "編碼", "號碼",
        "電話", "郵遞區號", "統一編號",
    ]

    static func kind(of column: Int, rows: [[String]], label: String) -> ColumnKind {
        let cells = rows.map { cell($0, column) }
        let filled = cells.filter { !TextTools.isBlank($0) }
        if let leaf = label.split(separator: "/").last, codeLabels.contains(String(leaf)) {
            return .code
        }
        if filled.isEmpty { return cells.contains { !$0.isEmpty } ? .figures : .empty }
        // Codes keep their leading zeros (01, 001).
        if filled.contains(where: { cell in
            cell.utf8.count > 1 && cell.utf8.first == UInt8(ascii: "0") && cell.utf8.allSatisfy { (0x30...0x39).contains($0) }
        }) { return .code }
        let figures = filled.filter { value($0) != nil }.count
        return figures * 10 >= filled.count * 8 ? .figures : .text
    }

    /// A column of row labels names each row apart (交通局, 社會局 …); a
    /// column repeating a few values (新臺幣, 新臺幣 …) describes the rows.
    static func labelsRows(_ column: Int, _ rows: [[String]]) -> Bool {
        let values = rows.map { cell($0, column) }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return false }
        return Set(values).count * 10 >= values.count * 8
    }

    /// A run of label columns and the figures they label.
    struct Block {
        var labelColumns: [Int]
        var valueColumns: [Int]
    }

    /// The table cut into label–figures blocks: a column of labels that
    /// follows figures and is followed by figures again starts a block of
    /// its own (機關名稱 | 件數 | 機關名稱 | 件數; assets | … | liabilities | …).
    /// Nil when the table is not statistics: figures must outnumber the
    /// text columns besides the row labels two to one in every block.
    static func blocks(columns: Int, rows: [[String]], labels: [String]) -> [Block]? {
        let kinds = (0..<columns).map { kind(of: $0, rows: rows, label: labels[$0]) }
        guard kinds.contains(.figures) else { return nil }
        var cuts: [Int] = [0]
        for c in 1..<columns where kinds[c] == .text && kinds[c - 1] == .figures && kinds[(c + 1)...].contains(.figures)
            && labelsRows(c, rows) {
            cuts.append(c)
        }
        var blocks: [Block] = []
        for (i, start) in cuts.enumerated() {
            let end = i + 1 < cuts.count ? cuts[i + 1] : columns
            let range = Array(start..<end)
            let text = range.filter { kinds[$0] == .text }
            let figures = range.filter { kinds[$0] == .figures }
            guard !figures.isEmpty else { return nil }
            // Row labels: the first text column, and the text columns after
            // it under the same (merged) header label.
            var labelColumns: [Int] = []
            if let first = text.first {
                labelColumns = [first]
                var next = first + 1
                while next < end, kinds[next] == .text, !labels[first].isEmpty, labels[next] == labels[first] {
                    labelColumns.append(next)
                    next += 1
                }
            }
            let otherText = text.count - labelColumns.count
            guard figures.count >= 2 * otherText else { return nil }
            blocks.append(Block(labelColumns: labelColumns, valueColumns: figures))
        }
        return blocks
    }

    /// Characters of Chinese numerals (positional, financial, 廿 卅, zeros).
    static let numeralCharacters = Set("零〇○一二兩三四五六七八九十百千萬億壹貳參叁叄肆伍陸柒捌玖拾佰仟廿卅".unicodeScalars)

    /// Words that may stand before a figure, longest first.
    static let leadWords = ["共計", "合計", "撙節", "節省", "節約", "增加", "成長", "提升", "約", "計", "共", "達"]

    /// A figure as printed: 1,208, 99.8%, 129萬 4,421件, -1000, +2, 撙節 11.8%,
    /// 新臺幣 5 萬元; nil for text, dates and phone numbers.
    static func value(_ raw: String) -> Quantity? {
        // Text with no digit and no numeral character is not a figure; long
        // text without a digit is not one either (a Chinese-numeral figure
        // is short: 五十一萬二千零五).
        var digits = false, numerals = false, count = 0
        for u in raw.unicodeScalars {
            count += 1
            if CharacterClass.isDigit(u.value) { digits = true; break }
            if numeralCharacters.contains(u) { numerals = true }
        }
        if !digits && (!numerals || count > 16) { return nil }
        if let q = NumberParser.parse(raw) { return q }
        if let amount = AmountParser.parse(raw), amount.currency == .TWD {
            return Quantity(value: NumberValue(amount.value), unit: "元")
        }
        // A word before the figure: 撙節 11.8%, 約 5 件, 增加 3.2%.
        let t = raw.trimmingSpaces()
        for word in leadWords where t.hasPrefix(word) {
            return NumberParser.parse(String(t.dropFirst(word.count)).trimmingSpaces())
        }
        return nil
    }

    /// The unit a column label states: in parentheses (總計（件）), or by
    /// what it counts (參與人次數 → 人次, 件數 → 件, 擬派人數 → 人).
    static func columnUnit(_ label: String) -> String? {
        let parts = label.split(separator: "/").map(String.init)
        for part in parts.reversed() {
            if let u = UnitText.parenthesised(in: part) { return u }
        }
        let leaf = parts.last ?? label
        let counts: [(String, String)] = [
            ("人次數", "人次"), ("人次", "人次"), ("人數", "人"), ("次數", "次"), ("件數", "件"), ("戶數", "戶"),
            ("家數", "家"), ("場次數", "場次"), ("場次", "場次"), ("則數", "則"), ("箱數", "箱"), ("天數", "天"),
            ("日數", "日"), ("筆數", "筆"), ("團數", "團"), ("案數", "案"),
        ]
        for (suffix, unit) in counts where leaf.hasSuffix(suffix) { return unit }
        if leaf.hasSuffix("百分比") || leaf.hasSuffix("百分率") { return "%" }
        return nil
    }

    /// A label that counts something (計畫數): its figures are not in the
    /// table's money unit.
    static func isCount(_ label: String) -> Bool {
        let leaf = label.split(separator: "/").last.map(String.init) ?? label
        return leaf.hasSuffix("數") || leaf.hasSuffix("數量")
    }

    /// The unit the table states: its unit line, else a unit every
    /// parenthesised header label agrees on (總計（件） → 件).
    static func tableUnitWord(_ table: LogicalTable, labels: [String]) -> String? {
        if let word = UnitText.tableUnitWord(table.unit) { return word }
        if let word = leadIn(table)?.unit { return word }
        if let title = table.title, let word = UnitText.parenthesised(in: title) { return word }
        let stated = Set(labels.compactMap { UnitText.parenthesised(in: $0) })
        return stated.count == 1 ? stated.first : nil
    }

    /// The table's caption as printed above it: the tables stage's title
    /// when it reads like one; else a caption in the sentence that leads
    /// into the table (下表為常用肥料三要素含量（%），… / …公文 e化成效如下：);
    /// else the nearest caption-like line above; else the heading it sits
    /// under.
    static func caption(of table: LogicalTable) -> String? {
        let near = table.linesAbove.prefix(3).filter { UnitText.tableUnitWord($0) == nil || CharacterClass.removingSpaces($0).count > 16 }
        if let title = table.title, isCaptionLike(title), TextTools.label(of: title) == nil { return title }
        if let lead = leadIn(table)?.caption { return lead }
        if let title = table.title, isCaptionLike(title) {
            // A numbered heading is a poor caption when a plain caption
            // line stands right above the table.
            if let line = near.first, line != title, isCaptionLike(line), TextTools.label(of: line) == nil { return line }
            return title
        }
        if let line = near.first(where: { isCaptionLike($0) && TextTools.label(of: $0) == nil }) { return line }
        if let heading = table.linesAbove.first(where: TextTools.isHeading) { return heading }
        return table.title
    }

    /// The caption and unit a lead-in sentence gives: 下表為X（%），… → (X, %);
    /// …。X如下： → (X, nil).
    static func leadIn(_ table: LogicalTable) -> (caption: String, unit: String?)? {
        // The sentence ending just above the table, its lines in reading order.
        let text = table.linesAbove.prefix(3).reversed().joined()
        guard let last = text.last, "：:".contains(last) || text.includes("下表") else { return nil }
        if let r = text.regexRange(#"下表(為|係|是|列|所列為)"#, backwards: true) {
            let rest = text[r.upperBound...]
            let end = rest.firstIndex { "，。：:；（(".contains($0) } ?? rest.endIndex
            let caption = String(rest[..<end]).trimmingSpaces()
            var unit: String?
            if end < rest.endIndex, "（(".contains(rest[end]) { unit = UnitText.parenthesised(in: String(rest[end...])) }
            if caption.count >= 2 { return (caption, unit) }
        }
        if let r = text.regexRange(#"如下(表)?[:：]$"#) {
            let before = text[..<r.lowerBound]
            let start = before.lastIndex { "，。：:；".contains($0) }.map { before.index(after: $0) } ?? before.startIndex
            let caption = String(before[start...]).trimmingSpaces()
            if caption.count >= 4, !caption.matches(pattern: #"^(詳|列|臚列|說明|彙整)"#) { return (caption, nil) }
        }
        return nil
    }

    /// What a page left blank on purpose says (本頁空白, 以下空白).
    static let blankPageMarks: Set<String> = ["本頁空白", "以下空白", "本頁以下空白", "空白頁", "此頁空白"]

    /// Short, not a sentence: no 。，： outside parentheses, not a date line,
    /// not a blank page's mark.
    static func isCaptionLike(_ text: String) -> Bool {
        let t = CharacterClass.removingSpaces(text)
        guard !t.isEmpty, t.count <= 60 else { return false }
        let outside = t.includes("(") || t.includes("（") ? t.regexReplacing(#"[（(][^（）()]*[）)]"#, with: "") : t
        if outside.includes("。") || outside.includes("，") || outside.hasSuffix("：") || outside.hasSuffix(":") { return false }
        // A year line (中華民國115年度), or the era name alone where the
        // year is set apart from it.
        if outside == "中華民國" || outside.hasSuffix("年") || outside.hasSuffix("年度"),
           outside.matches(pattern: #"^(中華民國)?([0-9]{2,4}年度?)?$"#) {
            return false
        }
        // A blank page's mark (本頁空白) names no table.
        if Self.blankPageMarks.contains(outside) { return false }
        for word in ["註", "說明", "備註", "資料來源", "單位"] where outside.hasPrefix(word) {
            let rest = outside.dropFirst(word.count)
            if rest.hasPrefix(":") || rest.hasPrefix("：") { return false }
        }
        return true
    }
}
