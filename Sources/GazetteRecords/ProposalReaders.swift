import Foundation
import GazetteNormalise
import GazetteTables

/// Reads proposal lists (項次 / 議題組別 / 主辦 or 提案單位 / 提案名稱 /
/// 對應中央部會 / 說明/進度 or 解除列管原因) and councils' lists (編號 /
/// 提案人 / 案由 / 審查意見 / 大會議決): one record per proposal, its `list`
/// the heading the table sits under.
enum ProposalListReader {
    /// Where each proposal field is, by column (or by a key–value block's label).
    struct Columns {
        var title: Int
        var item, group, proposer, organization, agency, review, resolution, note: Int?

        /// The proposal of one row's cells (`cell(column)`: the text, nil when empty).
        func record(_ cell: (Int?) -> String?, provenance: Provenance, list: String?, kind: String?) -> ProposalRecord? {
            guard let title = cell(title) else { return nil }
            return ProposalRecord(
                provenance: provenance, list: list, item: cell(item).flatMap(TextTools.integer), itemRaw: cell(item),
                group: cell(group) ?? kind, organization: cell(organization), proposer: cell(proposer), title: title,
                centralAgency: cell(agency), note: cell(note), review: cell(review), resolution: cell(resolution))
        }
    }

    /// The proposal fields of a table's header labels (or of a key–value
    /// block's labels), or nil when they make no proposal list: a title
    /// column, an item number or who proposes it, and one more column.
    static func columns(_ labels: [String]) -> Columns? {
        var map = HeaderMap(labels)
        guard let title = map.take(#"提案名稱|案名|案由|議題名稱|方案名稱|合作方案|議案|^提案$|提案內容"#) else { return nil }
        var c = Columns(title: title)
        c.item = map.take(#"^(項次|編號|序號|案號|項目編號|No\.?|NO\.?)$"#)
        c.group = map.take(#"組別|議題組|分組|^類別$"#)
        c.proposer = map.take(#"^(提案人|動議人|提案議員|提議人)"#)
        c.organization = map.take(#"主辦|提案單位|提案機關|提案縣市|辦理單位|承辦|權責單位|主政"#, excluding: #"部會"#)
        c.agency = map.take(#"部會|中央機關|中央主管|主管機關"#)
        c.review = map.take(#"審查意見|審查結果|審查會意見"#)
        c.resolution = map.take(#"議決|決議"#)
        c.note = map.take(#"說明(?!人員)|進度|原因|辦理情形|執行情形|備註|意見|回復"#)
        guard c.item != nil || c.organization != nil || c.proposer != nil,
              [c.item, c.group, c.organization, c.proposer, c.agency, c.note, c.review, c.resolution]
                .compactMap({ $0 }).count >= 2
        else { return nil }
        return c
    }

    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        guard let columns = columns(table.header) else { return [] }
        let list = heading(of: table)
        let kind = columns.group == nil ? kindLine(of: table) : nil
        // Else the kind printed as the running header of the row's page.
        func pageKind(_ page: Int) -> String? {
            columns.group == nil ? context.runningHeaders[page]?.lazy.compactMap(Self.kind(_:)).first : nil
        }
        var records: [Record] = []
        for (index, row) in table.filledRows.enumerated() {
            func cell(_ c: Int?) -> String? { c.flatMap { $0 < row.count ? TextTools.nonEmpty(row[$0]) : nil } }
            let page = table.page(ofRow: index)
            guard let record = columns.record(cell, provenance: Provenance(table: table.id, row: index, page: page),
                                              list: list, kind: kind ?? pageKind(page)) else { continue }
            records.append(.proposal(record))
        }
        return records
    }

    /// The heading a table sits under: its title when that is a numbered
    /// heading ((一)擬解除列管…), else the nearest numbered heading above
    /// it, else the line right above it when that reads as a heading
    /// (第一審查會（民政類） under the document's title), else its title.
    static func heading(of table: LogicalTable) -> String? {
        if let title = table.title, TextTools.label(of: title) != nil { return title }
        if let line = table.linesAbove.prefix(6).first(where: TextTools.isHeading) { return line }
        if let line = table.linesAbove.first, isListHeading(line) { return line }
        return table.title
    }

    /// A short line that names what follows: no sentence, no label：value, no
    /// unit or date line.
    static func isListHeading(_ line: String) -> Bool {
        let t = CharacterClass.removingSpaces(line)
        return (2...30).contains(t.count) && t.regexRange(#"[。；：:]|^單位|^[※註]"#) == nil
            && DateParser.parse(t, context: DateContext()) == nil && kind(t) == nil
    }

    /// The kind of proposals a council list holds, printed beside its
    /// heading (議員提案, 縣府提案, 議員動議案), when the table has no group
    /// column (or as the page's running header, see `records`).
    static func kindLine(of table: LogicalTable) -> String? {
        table.linesAbove.prefix(3).lazy.compactMap(kind).first
    }

    static func kind(_ line: String) -> String? {
        let t = CharacterClass.removingSpaces(line)
        return t.matches(pattern: #"^(議員|縣府|縣政府|市府|市政府|本會|委員|議會)?(提案|動議案|臨時動議)$"#) ? t : nil
    }
}

/// Reads cooperation proposal forms (合作提案單): key–value tables whose
/// keys are 提案名稱, 提案單位, 提案類型 (☐/■), 合作縣市 (☐/■), 提案說明,
/// 辦理方式, 預期效益, 聯絡人. One record per form.
enum ProposalFormReader {
    /// The form field each key names.
    enum Field: CaseIterable {
        case title, organization, types, partnerCities, description, actions, benefits, contact

        var pattern: String {
            switch self {
            case .title: return #"^(提案名稱|案名|提案|計畫名稱|合作計畫名稱)$"#
            case .organization: return #"^(提案單位|提案機關|提案縣市|主辦單位|主辦機關)$"#
            case .types: return #"^(提案類型|類型|提案類別|類別)$"#
            case .partnerCities: return #"^(合作縣市|合作對象|參與縣市|合作機關|合作單位)$"#
            case .description: return #"^(提案說明|說明|提案緣由|緣由|提案內容|計畫說明)$"#
            case .actions: return #"^(辦理方式|執行方式|實施方式|作法|具體作法|推動方式)$"#
            case .benefits: return #"^(預期效益|效益|預期成果)$"#
            case .contact: return #"^(聯絡人|聯絡窗口|聯絡資訊|承辦人|聯絡方式)$"#
            }
        }
    }

    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        // The first key may have been read as a header row.
        var pairs: [(key: String, value: String, row: Int?)] = []
        if table.header.count >= 2, field(of: table.header[0]) != nil {
            pairs.append((table.header[0], table.header.dropFirst().joined(), nil))
        }
        for (index, row) in table.rows.enumerated() where row.count >= 2 {
            let value = row.dropFirst().filter { !$0.isEmpty }.joined(separator: " ")
            pairs.append((row[0], value, index))
        }
        var found: [Field: String] = [:]
        for pair in pairs {
            guard let f = field(of: pair.key), found[f] == nil else { continue }
            found[f] = pair.value
        }
        guard found.count >= 4, found[.title] != nil, found[.types] != nil || found[.partnerCities] != nil
            || found[.contact] != nil
        else { return [] }
        var form = ProposalFormRecord(provenance: Provenance(table: table.id, row: 0, page: table.firstPage))
        form.title = TextTools.nonEmpty(found[.title])
        form.organization = TextTools.nonEmpty(found[.organization])
        form.types = found[.types].map(checkedOptions) ?? []
        form.partnerCities = found[.partnerCities].map(checkedOptions) ?? []
        form.description = TextTools.nonEmpty(found[.description])
        form.actions = TextTools.nonEmpty(found[.actions])
        form.benefits = TextTools.nonEmpty(found[.benefits])
        form.contact = TextTools.nonEmpty(found[.contact])
        return [.proposalForm(form)]
    }

    static func field(of key: String) -> Field? {
        let k = CharacterClass.removingSpaces(key)
        return Field.allCases.first { k.matches(pattern: $0.pattern) }
    }

    static let checked: Set<Character> = ["■", "☑", "☒", "▣", "◼", "⬛", "✔", "✓", "☒", "▇", "█"]
    static let unchecked: Set<Character> = ["☐", "□", "◻", "▢", "⬜"]

    /// The checked options of a checkbox list, in print order
    /// ("■ 北臺八縣市☐ 部分縣市" → ["北臺八縣市"]); a value without
    /// checkboxes is one option.
    static func checkedOptions(_ value: String) -> [String] {
        var options: [String] = []
        var current: (checked: Bool, text: String)?
        func close() {
            if let c = current, c.checked, let text = TextTools.nonEmpty(c.text) { options.append(text) }
        }
        var sawBox = false
        for ch in value {
            if checked.contains(ch) || unchecked.contains(ch) {
                close()
                current = (checked.contains(ch), "")
                sawBox = true
            } else if current != nil {
                current!.text.append(ch)
            }
        }
        close()
        if !sawBox, let text = TextTools.nonEmpty(value) { return [text] }
        return options
    }
}
