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
    /// 提要), with the bands ruled below it on the same page whose cells hold
    /// numbered pairs (歲出計畫說明 | 一、計畫內容：… 二、預期成果：…, the
    /// band's own label dropped): one form under the first table's title, and
    /// how many tables it took. The first table has no header; each of its
    /// rows is label, value, label, value …, its labels `FieldLabel`s of a
    /// cell (two pairs at least), and most of its values are no such labels
    /// (a header row of labels read as a body is no form).
    static func cellForm(_ tables: ArraySlice<LogicalTable>, _ context: RecordContext) -> (form: FormRecord, tables: Int)? {
        guard let table = tables.first, table.shape != .keyValue, table.header.allSatisfy(\.isEmpty),
              (1...4).contains(table.rows.count) else { return nil }
        var pairs: [(label: String, value: String)] = []
        for row in table.rows where row.contains(where: { !$0.isEmpty }) {
            guard row.count >= 2, row.count % 2 == 0 else { return nil }
            for k in stride(from: 0, to: row.count, by: 2) {
                guard FieldLabel.isCellLabel(row[k]) else { return nil }
                pairs.append((CharacterClass.removingSpaces(row[k]), row[k + 1]))
            }
        }
        let labels = Set(pairs.map(\.label))
        let labelLike = pairs.filter { FieldLabel.isCellLabel($0.value) }.count
        guard labels.count >= 2, labels.count == pairs.count, labelLike * 2 < pairs.count else { return nil }

        var form = FormRecord(provenance: Provenance(table: table.id, row: 0, page: table.firstPage),
                              title: TextTools.nonEmpty(table.title))
        func add(_ label: String, _ value: String) {
            guard form.fields[label] == nil else { return }
            form.fields.set(label, value)
            form.values.set(label, normalised(value, context: context))
        }
        for (label, value) in pairs { add(label, value) }
        var taken = 1
        for band in tables.dropFirst() {
            guard band.firstPage == table.pages.last, let bandPairs = numberedBand(band) else { break }
            for (label, value) in bandPairs { add(label, value) }
            taken += 1
        }
        return (form, taken)
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
