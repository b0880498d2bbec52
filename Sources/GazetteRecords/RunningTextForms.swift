import Foundation
import GazetteNormalise
import GazetteTables

/// Reads key–value forms printed in running text: consecutive `label：value`
/// lines, one `form` record per run of them (the 日期 / 地點 / 出席 / 主席
/// head of a meeting record, a letter's 受文者 / 發文日期 / 主旨, an exam
/// paper's 類別 / 節次 / 科目, a statement's 製表人 / 申報日期 below its table).
///
/// A pair starts at a printed piece of a line (pieces side by side on one
/// line are pairs of their own); text without a label continues the value
/// before it while it is in the same paragraph. A run ends with the page,
/// with a paragraph that does not start with a label, or where a label comes
/// again (the next block). Two pairs at least make a form, besides notes
/// (說明, 註, 資料來源 …: a table's notes are no form); a unit line (單位：
/// 新臺幣千元) and a contents entry (附錄一：… ..... 28) are no pairs, and a block of
/// contact details alone (電話 / 傳真 / 地址) is no form. Its title is the
/// line printed above it when that stands out as a heading (a larger or bold
/// line of its own); values are normalised as `FormReader` does. A block
/// whose labels are a proposal list's (編號：… 案由：… 決議：…) is a proposal.
/// The pairs of a page's running header open its first form; three or more
/// of them are a form of their own, on each page.
enum RunningTextForms {
    /// A run of pairs being read.
    struct Run {
        var page: Int
        var title: String?
        var fields = OrderedPairs<String>()
        var last: String?
        /// The page of the last paragraph read (a proposal may go on over a page).
        var at: Int
    }

    /// Labels of notes, and of a unit line.
    static let note = #"^(說明|註|備註|附註|附記|註記|資料來源)$"#
    static let unit = #"^(單位|金額單位|貨幣單位)$"#
    /// Labels of a sender's contact details: a block of these alone (電話：…
    /// 傳真：… under a notice to readers) is an address, not a form; beside a
    /// letter's other fields they are its fields.
    static let contact = #"^(電話|聯絡電話|傳真|地址|機關地址|電子郵件|電子信箱|E-?mail|EMAIL|網址|TEL|FAX)$"#

    static func records(in paragraphs: [RunningParagraph], context: RecordContext) -> [Record] {
        let paragraphs = joiningLetterSpacedLabels(paragraphs)
        var records: [Record] = []
        var run: Run?
        // The last heading line, for proposals printed as key–value blocks.
        var lastHeading: String?
        // Pages with a form: the first form of a page takes the pairs of its running header.
        var formPages = Set<Int>()
        func close() {
            let labels = run?.fields.keys.filter { !$0.matches(pattern: note) } ?? []
            if let r = run, labels.count >= 2, !labels.allSatisfy({ $0.matches(pattern: contact) }) {
                if let proposal = proposal(r, list: lastHeading, context: context) {
                    records.append(.proposal(proposal))
                } else {
                    var form = FormRecord(provenance: Provenance(table: nil, row: nil, page: r.page), title: r.title)
                    if formPages.insert(r.page).inserted {
                        let header = headerPairs(context.runningHeaders[r.page] ?? [])
                        if Set(header.map(\.label)).count < minimumHeaderPairs {
                            for (label, value) in header where r.fields[label] == nil {
                                form.set(label, printed: value, context: context)
                            }
                        }
                    }
                    for key in r.fields.keys { form.set(key, printed: r.fields[key] ?? "", context: context) }
                    records.append(.form(form))
                }
            }
            run = nil
        }
        for (index, paragraph) in paragraphs.enumerated() {
            if let r = run, r.at != paragraph.page, !goesOnOverThePage(r, with: paragraph) { close() }
            defer { run?.at = paragraph.page }
            for (lineIndex, line) in paragraph.lines.enumerated() {
                for (pieceIndex, piece) in line.enumerated() {
                    if let (label, value) = FieldLabel.split(piece), !label.matches(pattern: unit), !isContentsEntry(value) {
                        if run?.fields[label] != nil { close() }
                        if run == nil {
                            let above = index > 0 && lineIndex == 0 && pieceIndex == 0 ? paragraphs[index - 1] : nil
                            let first = index < 2 || paragraphs[index - 2].page != paragraph.page
                            run = Run(page: paragraph.page,
                                      title: above.flatMap { heading($0, over: paragraph, firstOnPage: first) },
                                      at: paragraph.page)
                        }
                        run!.fields.set(label, value)
                        run!.last = label
                    } else if lineIndex == 0 && pieceIndex == 0, let r = run, continuesProposal(r, with: paragraph) {
                        // The next numbered item of a proposal's 說明, or its text run on over the page.
                        let last = r.last!
                        run!.fields.set(last, CellText.joinLines(r.fields[last] ?? "", piece))
                    } else if lineIndex == 0 && pieceIndex == 0 {
                        // A paragraph that does not start with a label.
                        close()
                        if TextTools.isHeading(paragraph.text) || ProposalListReader.isListHeading(paragraph.text) {
                            lastHeading = TextTools.nonEmpty(paragraph.text)
                        }
                    } else if let last = run?.last, let before = run?.fields[last] {
                        let joined = pieceIndex > 0 ? (before.isEmpty ? piece : before + " " + piece)
                            : CellText.joinLines(before, piece)
                        run!.fields.set(last, joined)
                    }
                }
            }
        }
        close()
        // A block of pairs printed at the top of every page (a list's 查詢條件 /
        // 製表日期 / 列印筆數, repeated as the running header): a form on each page.
        for page in context.runningHeaders.keys.sorted() {
            let lines = context.runningHeaders[page] ?? []
            let pairs = headerPairs(lines)
            guard Set(pairs.map(\.label)).count >= minimumHeaderPairs else { continue }
            var form = FormRecord(provenance: Provenance(table: nil, row: nil, page: page),
                                  title: lines.first { FieldLabel.split($0) == nil && TextTools.nonEmpty($0) != nil })
            for (label, value) in pairs where form.fields[label] == nil { form.set(label, printed: value, context: context) }
            let index = records.firstIndex { $0.provenance.page >= page } ?? records.count
            records.insert(.form(form), at: index)
        }
        return records
    }

    /// Pairs a running header needs to be a form of its own (an exam
    /// paper's 代號 / 頁次 on every page is none: they open the page's
    /// first form).
    static let minimumHeaderPairs = 3

    /// A block that is a proposal (編號：… 案由：… 決議：…, the labels of a
    /// proposal list's columns): the proposal, under the last heading.
    static func proposal(_ run: Run, list: String?, context: RecordContext) -> ProposalRecord? {
        let labels = run.fields.keys
        guard let columns = ProposalListReader.columns(labels) else { return nil }
        let kind = columns.group == nil
            ? context.runningHeaders[run.page]?.lazy.compactMap(ProposalListReader.kind(_:)).first : nil
        return columns.record({ c in c.flatMap { TextTools.nonEmpty(run.fields[labels[$0]]) } },
                              provenance: Provenance(table: nil, row: nil, page: run.page), list: list ?? run.title, kind: kind)
    }

    /// Whether a run read as a proposal (編號：… 案由：… the labels of a
    /// proposal list) goes on at the top of the next page: with a label of
    /// a proposal it has not got yet (its 決議 printed over the page), or
    /// with text when its last value was cut mid-sentence (no 。 at its
    /// end). A form (a meeting record's head) ends with its page.
    static func goesOnOverThePage(_ run: Run, with paragraph: RunningParagraph) -> Bool {
        guard paragraph.page == run.at + 1, ProposalListReader.columns(run.fields.keys) != nil,
              let first = paragraph.lines.first?.first else { return false }
        if let (label, _) = FieldLabel.split(first) {
            return run.fields[label] == nil && ProposalListReader.columns(run.fields.keys + [label]) != nil
        }
        guard let last = run.last, let value = run.fields[last], !value.isEmpty else { return false }
        return value.regexRange(#"[。！？]$"#) == nil && !TextTools.isHeading(paragraph.text)
    }

    /// Whether a paragraph without a label goes on in the last value of a
    /// run read as a proposal: the next numbered item (二、…) of a value
    /// that opens with an earlier one (說明：一、…), or the first paragraph of a page
    /// that `goesOnOverThePage` let the run into.
    static func continuesProposal(_ run: Run, with paragraph: RunningParagraph) -> Bool {
        guard let last = run.last, let value = run.fields[last],
              ProposalListReader.columns(run.fields.keys) != nil else { return false }
        if paragraph.page != run.at { return true }
        guard let (marker, _) = OutlineMarker.parse(paragraph.text),
              let (opening, _) = OutlineMarker.parse(value) else { return false }
        return opening.style == marker.style && marker.number > opening.number
    }

    /// The pairs of a page's running header (代號：4512 頁次：6－1 at the top
    /// right of every page of an exam paper), which the first form of the
    /// page opens with: each word that starts with a label starts a pair,
    /// the words after it are its value.
    static func headerPairs(_ lines: [String]) -> [(label: String, value: String)] {
        var pairs: [(label: String, value: String)] = []
        for line in lines {
            var open = false
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init) {
                if let (label, value) = FieldLabel.split(word), !label.matches(pattern: unit) {
                    pairs.append((label, value))
                    open = true
                } else if open {
                    pairs[pairs.count - 1].value += (pairs[pairs.count - 1].value.isEmpty ? "" : " ") + word
                } else {
                    // A header line that does not open with a pair holds none.
                    break
                }
            }
        }
        return pairs
    }

    /// Paragraphs with a letter-spaced label's first character cut off by
    /// the wide gap after it (`等` | `別：初等考試`, `類` | `科：統計` of an
    /// exam paper's head set as 等　　別：): a paragraph of one Han character
    /// followed on its page by one that opens with a one-character label
    /// is one paragraph, 等別：初等考試.
    static func joiningLetterSpacedLabels(_ paragraphs: [RunningParagraph]) -> [RunningParagraph] {
        var out: [RunningParagraph] = []
        var i = 0
        while i < paragraphs.count {
            let p = paragraphs[i]
            let head = CharacterClass.removingSpaces(p.text)
            if i + 1 < paragraphs.count, head.count == 1, head.unicodeScalars.allSatisfy(\.properties.isIdeographic),
               case let next = paragraphs[i + 1], next.page == p.page,
               let (label, _) = FieldLabel.split(next.text), label.count == 1 {
                var joined = next
                joined.text = head + next.text.trimmingSpaces()
                if !joined.lines.isEmpty, !joined.lines[0].isEmpty { joined.lines[0][0] = head + joined.lines[0][0].trimmingSpaces() }
                out.append(joined)
                i += 2
                continue
            }
            out.append(p)
            i += 1
        }
        return out
    }

    /// A table of contents' entry (附錄一：… ........ 28): a dot leader.
    static func isContentsEntry(_ value: String) -> Bool {
        var run = 0
        for u in value.unicodeScalars {
            run = CharacterClass.isLeader(u.value) ? run + 1 : 0
            if run >= 4 { return true }
        }
        return false
    }

    /// The title of a form whose first pair opens `paragraph`: the paragraph
    /// before it on the same page when that is a short line or two without
    /// a label or a sentence's end, and the page's first paragraph or set
    /// larger or bolder than the form.
    static func heading(_ above: RunningParagraph, over paragraph: RunningParagraph, firstOnPage: Bool) -> String? {
        guard above.page == paragraph.page, above.lines.count <= 3, FieldLabel.split(above.text) == nil,
              let text = TextTools.nonEmpty(above.text), (2...60).contains(text.count),
              text.regexRange(#"[。，；,;]$"#) == nil,
              firstOnPage || above.fontSize > paragraph.fontSize + 0.5 || (above.isBold && !paragraph.isBold)
        else { return nil }
        return text
    }
}
