import Foundation
import GazetteNormalise
import GazetteTables

extension FormRecord {
    /// Sets a field as printed and its value as `FormReader.normalised` reads it.
    mutating func set(_ label: String, printed value: String, context: RecordContext) {
        fields.set(label, value)
        values.set(label, FormReader.normalised(value, context: context))
    }
}

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
            // A label printed without a value (座號：) is kept in a form of one block.
            for (label, value) in zip(labels, row) where !value.isEmpty || table.rows.count == 1 {
                form.set(label, printed: value, context: context)
            }
            return .form(form)
        }
    }

    /// A ruled form whose labels stand in cells of their own beside their
    /// values (業務計畫及工作計畫名稱與編號 | 32028300101… | 承辦單位 |
    /// 新北市政府主計處 | 預算金額 | 95,442千元: a budget book's 歲出計畫說明
    /// 提要; 申報人姓名 | 陳佐鎮 | 服務機關 | 1.臺北縣政府經濟發展局 | 職稱 |
    /// 1.局長: the head of a 公職人員財產申報表), with the bands ruled below it
    /// on the same page whose cells hold numbered pairs (歲出計畫說明 |
    /// 一、計畫內容：… 二、預期成果：…, the band's own label dropped): one form
    /// under the first table's title, and how many tables it took.
    ///
    /// The form is the first table's leading rows, header rows included,
    /// that are pairs: their non-empty cells (a span's covered cells are
    /// empty) read label, value, label, value …, each label a `FieldLabel`
    /// cell label. A row below a pair row whose cells are numbered items
    /// standing only in its value columns (the `2.` of a numbered list of
    /// 服務機關) goes on in those values. The first other row ends the form, and so does a row whose
    /// labels repeat (稱謂 | 姓名 | 稱謂 | 姓名, a label of the form again) or
    /// that holds a label beside itself (配偶及未成年子女 | 配偶及未成年子女):
    /// the rest is a table of its own under the head, not taken, its records
    /// read as well. Two pairs at least, six pair rows at
    /// most, labels all different, most values neither labels nor plain
    /// figures: a header row of labels read as a body, agencies and their
    /// counts side by side (臺北市 | 12 | 新北市 | 30), or a row of a table
    /// broken by a page break (臺南縣永康市中華路 | 223.70 | 全部 | 利德江 …)
    /// are no form.
    static func cellForm(_ tables: ArraySlice<LogicalTable>, _ context: RecordContext) -> (form: FormRecord, tables: Int)? {
        guard let table = tables.first, table.shape != .keyValue else { return nil }
        let grid = table.headerRows + table.rows
        var pairs: [(label: String, value: String)] = []
        // The previous pair row's value columns (first column of each value, its pair).
        var valueColumns: [(column: Int, end: Int, pair: Int)] = []
        var pairRows = 0
        var read = 0
        for row in grid {
            let cells = row.indices.filter { !row[$0].isEmpty }
            if cells.isEmpty {
                read += 1
                continue
            }
            let labels = stride(from: 0, to: cells.count, by: 2).map { CharacterClass.removingSpaces(row[cells[$0]]) }
            if cells.count >= 2, cells.count % 2 == 0, Set(labels).count == labels.count,
               !labels.contains(where: { label in pairs.contains { $0.label == label } }),
               stride(from: 0, to: cells.count, by: 2).allSatisfy({
                   FieldLabel.isCellLabel(row[cells[$0]]) && isPairValue(row[cells[$0 + 1]], of: labels[$0 / 2])
               }) {
                valueColumns = []
                for k in stride(from: 0, to: cells.count, by: 2) {
                    let end = k + 2 < cells.count ? cells[k + 2] : row.count
                    valueColumns.append((cells[k + 1], end, pairs.count))
                    pairs.append((labels[k / 2], row[cells[k + 1]]))
                }
                pairRows += 1
                read += 1
                continue
            }
            // Numbered items only under the values of the pair row above: those values go on.
            let under = cells.map { c in valueColumns.first { $0.column <= c && c < $0.end }?.pair }
            guard !valueColumns.isEmpty, under.allSatisfy({ $0 != nil }),
                  cells.allSatisfy({ OutlineMarker.parse(row[$0]) != nil }) else { break }
            for (c, pair) in zip(cells, under) {
                pairs[pair!].value = CellText.joinLines(pairs[pair!].value, row[c])
            }
            read += 1
        }
        let labels = Set(pairs.map(\.label))
        let labelLike = pairs.filter { FieldLabel.isCellLabel($0.value) }.count
        let figures = pairs.filter { pair in
            NumberParser.parse(CharacterClass.removingSpaces(pair.value)).map { $0.unit == nil } ?? false
        }.count
        guard labels.count >= 2, labels.count == pairs.count, (1...6).contains(pairRows),
              (labelLike + figures) * 2 < pairs.count else { return nil }

        var form = FormRecord(provenance: Provenance(table: table.id, row: 0, page: table.firstPage),
                              title: TextTools.nonEmpty(table.title))
        func add(_ label: String, _ value: String) {
            guard form.fields[label] == nil else { return }
            form.set(label, printed: value, context: context)
        }
        for (label, value) in pairs { add(label, value) }
        // A form that is only the head of its table leaves the table to the other readers.
        guard read == grid.count else { return (form, 0) }
        var taken = 1
        for band in tables.dropFirst() {
            guard band.firstPage == table.pages.last, let bandPairs = numberedBand(band) else { break }
            for (label, value) in bandPairs { add(label, value) }
            taken += 1
        }
        return (form, taken)
    }

    /// Whether a cell beside a label cell is its value: not the label again,
    /// and no `label：value` pair or numbered pairs of its own (歲出計 |
    /// 一.計畫內容：…: a band's label cut by a page's rules).
    static func isPairValue(_ text: String, of label: String) -> Bool {
        CharacterClass.removingSpaces(text) != label && !FieldLabel.startsWithLabel(text, characters: .hanAndParentheses)
            && FieldLabel.numberedPairs(text) == nil
    }

    /// The numbered pairs of a band ruled below a cell form: every cell of
    /// it (header too) is empty, the band's label, or numbered pairs, one
    /// at least.
    static func numberedBand(_ table: LogicalTable) -> [(label: String, value: String)]? {
        var pairs: [(label: String, value: String)] = []
        for cell in (table.headerRows + table.rows).joined() where !cell.isEmpty {
            if let numbered = FieldLabel.numberedPairs(cell) {
                pairs += numbered
            } else if !FieldLabel.isCellLabel(cell) {
                return nil
            }
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// The form of a one-column box: its leading rows, while they are
    /// `label：value` lines (two at least; the first row without a label
    /// ends the form), under the box's heading.
    static func boxedPairs(_ table: LogicalTable, _ context: RecordContext) -> FormRecord? {
        var form = FormRecord(provenance: Provenance(table: table.id, row: 0, page: table.firstPage))
        for row in table.rows {
            guard let text = row.first.flatMap(TextTools.nonEmpty), let (label, value) = FieldLabel.split(text),
                  form.fields[label] == nil else { break }
            form.set(label, printed: value, context: context)
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
