import Foundation
import GazetteNormalise
import GazetteTables

/// Reads a `form` record from each block of a key–value form (a table the
/// tables stage made of `label：value` pairs: one row per block, one column
/// per label), and from a box of one column whose rows open with
/// `label：value` lines (the boxed head of a scanned meeting record): the
/// values as printed, and normalised where they are dates, amounts or areas.
enum FormReader {
    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        if table.columnCount == 1 { return boxedPairs(table, context).map { [.form($0)] } ?? [] }
        guard table.shape == .keyValue else { return [] }
        let labels = table.header
        return table.rows.enumerated().map { index, row in
            var form = FormRecord(provenance: Provenance(table: table.id, row: index, page: table.page(ofRow: index)),
                                  title: TextTools.nonEmpty(table.title))
            for (label, value) in zip(labels, row) where !value.isEmpty {
                form.fields.set(label, value)
                form.values.set(label, normalised(value, context: context))
            }
            return .form(form)
        }
    }

    /// A ruled form whose labels stand in cells of their own beside their
    /// values (業務計畫及工作計畫名稱與編號 | 32028300101… | 承辦單位 |
    /// 新北市政府主計處 | 預算金額 | 95,442千元: a budget book's 歲出計畫說明
    /// 提要), with its bands whose cells hold numbered pairs (歲出計畫說明 |
    /// 一、計畫內容：… 二、預期成果：…, the band's own label dropped), in one
    /// table or in tables ruled one below the other on the same page: one
    /// form under the first table's title. The form is the first table's
    /// leading rows (header rows first) that read as label, value, label,
    /// value … (cells a span covers left out; four rows at most), two labels
    /// at least, then the next tables all of whose rows read so and that hold
    /// numbered pairs (a table of columns below is no band). Returns the
    /// form, how many tables it took whole, and whether rows of the first
    /// table were left (a table of columns under a form's head: the table
    /// is read on by the other readers).
    static func cellForm(_ tables: ArraySlice<LogicalTable>, _ context: RecordContext)
        -> (form: FormRecord, tables: Int, rest: Bool)? {
        guard let table = tables.first, table.shape != .keyValue else { return nil }
        let rows = table.headerRows + table.rows
        let covered = coveredCells(table)
        var pairs: [(label: String, value: String)] = []
        var cellPairs = 0
        var used = 0
        for (r, row) in rows.enumerated() {
            guard let found = formRow(row, covered: { covered.contains([r, $0]) }) else { break }
            // A head of a few rows: a long list of name | figure rows is a table.
            guard used < 4 else { return nil }
            pairs += found.pairs
            cellPairs += found.cellPairs
            used += 1
        }
        let labels = Set(pairs.map(\.label))
        guard used > 0, cellPairs >= 2, labels.count >= 2, labels.count == pairs.count else { return nil }

        var form = FormRecord(provenance: Provenance(table: table.id, row: 0, page: table.firstPage),
                              title: TextTools.nonEmpty(table.title))
        func add(_ label: String, _ value: String) {
            guard form.fields[label] == nil else { return }
            form.fields.set(label, value)
            form.values.set(label, normalised(value, context: context))
        }
        for (label, value) in pairs { add(label, value) }
        guard used == rows.count else { return (form, 0, true) }
        var taken = 1
        for band in tables.dropFirst() {
            guard band.firstPage == table.pages.last else { break }
            let bandCovered = coveredCells(band)
            var bandPairs: [(label: String, value: String)] = []
            var bandCells = 0
            for (r, row) in (band.headerRows + band.rows).enumerated() {
                guard let found = formRow(row, covered: { bandCovered.contains([r, $0]) }) else {
                    // The band's own label on a row of its own.
                    if row.allSatisfy({ $0.isEmpty || FieldLabel.isCellLabel($0) }) { continue }
                    bandPairs = []
                    break
                }
                bandPairs += found.pairs
                bandCells += found.cellPairs
            }
            guard bandPairs.count > bandCells else { break }
            for (label, value) in bandPairs { add(label, value) }
            taken += 1
        }
        return (form, taken, false)
    }

    /// The cells (row among header rows then body rows, column) a span
    /// covers but does not start at.
    static func coveredCells(_ table: LogicalTable) -> Set<[Int]> {
        var covered = Set<[Int]>()
        for span in table.spans {
            let top = span.part == .header ? span.row : table.headerRows.count + span.row
            for r in top..<(top + span.rowSpan) {
                for c in span.col..<(span.col + span.colSpan) where r != top || c != span.col { covered.insert([r, c]) }
            }
        }
        return covered
    }

    /// A row of a cell form: its cells in order (empty ones before a label
    /// and covered ones left out), each label followed by the cell of its
    /// value, a cell of numbered pairs giving them (a label just before it
    /// is the band's, dropped). Nil when a value stands without a label or a
    /// label without a value's cell, or when every value is empty or a label
    /// too (a header row of labels).
    static func formRow(_ row: [String], covered: (Int) -> Bool)
        -> (pairs: [(label: String, value: String)], cellPairs: Int)? {
        var pairs: [(label: String, value: String)] = []
        var cellPairs = 0, labelLike = 0
        let cells = row.indices.filter { !covered($0) }.map { row[$0] }
        var i = 0
        while i < cells.count {
            let text = cells[i]
            i += 1
            if text.isEmpty { continue }
            if let numbered = FieldLabel.numberedPairs(text) {
                pairs += numbered
                continue
            }
            guard FieldLabel.isCellLabel(text), i < cells.count else { return nil }
            if FieldLabel.numberedPairs(cells[i]) != nil { continue }
            let value = cells[i]
            i += 1
            pairs.append((CharacterClass.removingSpaces(text), value))
            cellPairs += 1
            if value.isEmpty || FieldLabel.isCellLabel(value) { labelLike += 1 }
        }
        // A row whose every value is empty or a label too is a header row of labels.
        guard !pairs.isEmpty, cellPairs == 0 || labelLike < cellPairs else { return nil }
        return (pairs, cellPairs)
    }

    /// The form of a one-column box: its leading rows, while they are
    /// `label：value` lines (two at least; the first row without a label
    /// ends the form), under the box's heading.
    static func boxedPairs(_ table: LogicalTable, _ context: RecordContext) -> FormRecord? {
        var form = FormRecord(provenance: Provenance(table: table.id, row: 0, page: table.firstPage))
        for row in table.rows {
            guard let text = row.first.flatMap(TextTools.nonEmpty), let (label, value) = FieldLabel.split(text),
                  form.fields[label] == nil else { break }
            form.fields.set(label, value)
            form.values.set(label, normalised(value, context: context))
        }
        guard form.fields.keys.count >= 2 else { return nil }
        let heading = table.header.first.flatMap(TextTools.nonEmpty)
        form.title = heading.flatMap { FieldLabel.split($0) == nil ? $0 : nil } ?? TextTools.nonEmpty(table.title)
        return form
    }

    /// A form value normalised: a date of a day or a month as ISO
    /// (民國105年03月08日 → 2016-03-08, 民國114年01月 → 2025-01), also when a
    /// time or a note follows it (中華民國100年1月12日下午2時10分 →
    /// 2011-01-12, 中華民國101年10月2日（星期二）11時35分 → 2012-10-02); an
    /// amount as its NT$ figure (95,442千元 → 95442000, ***15,200元／平方公尺
    /// → 15200, 新臺幣*****6,000,000元正 → 6000000; 114年01月****9,840.0元／
    /// 平方公尺 → 9840); an area as its number
    /// (****123.45平方公尺 → 123.45); a plain figure as its number (688);
    /// else none (0001 and 02-011 are codes, 2分之1, 105北大字第012345號).
    /// The asterisks of masked fields are left out.
    static func normalised(_ value: String, context: RecordContext) -> FormValue {
        let text = CharacterClass.removingSpaces(value).filter { $0 != "*" && $0 != "＊" }
        // The whole value, else a date it starts with, else the date before
        // a note in parentheses (（星期二）11時35分).
        let date = DateParser.parse(text, context: context.dateContext)
            ?? DateScanner(context: context.dateContext).matches(in: text).first { $0.range.lowerBound == text.startIndex }?.value
            ?? text.firstIndex(where: { $0 == "（" || $0 == "(" }).flatMap {
                DateParser.parse(String(text[..<$0]), context: context.dateContext)
            }
        if let date, !date.isRange, date.precision == .day || date.precision == .month {
            return .date(date.start.iso)
        }
        if let amount = AmountParser.parse(text), amount.currency == .TWD { return .number(Double(amount.value)) }
        for pattern in [#"[0-9][0-9,]*(\.[0-9]+)?(?=元)"#, #"[0-9][0-9,]*(\.[0-9]+)?(?=平方公尺|公頃|㎡)"#] {
            if let r = text.regexRange(pattern, backwards: true), let n = NumberParser.parse(String(text[r])),
               n.unit == nil {
                let v = n.value.doubleValue
                return .number(v)
            }
        }
        if text.matches(pattern: #"^(0|[1-9][0-9]{0,2}(,[0-9]{3})*|[1-9][0-9]*)(\.[0-9]+)?$"#), let n = NumberParser.parse(text),
           n.unit == nil {
            return .number(n.value.doubleValue)
        }
        return .none
    }
}
