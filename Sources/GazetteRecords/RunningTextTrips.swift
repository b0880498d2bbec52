import Foundation
import GazetteNormalise

/// Reads trips told in running text, as work reports list them under a
/// heading about trips abroad:
///
///     1、辦理市長及府級長官出國考察：
///       （1）7 月 5 日至 7 月 8 日蔣市長率團赴新加坡進行市政考察，…
///
/// Only numbered items under such a heading that start with a day or a
/// range of days and say who goes (赴) where are trips; the plan is the
/// item's text after the dates, the travellers who it names before
/// 率團 / 隨 / 赴, the destination where it goes (赴 … 進行 / 出席 …).
enum RunningTextTrips {
    /// A heading about trips abroad.
    static let tripHeading = #"出國|出訪|赴外|國外考察|海外|訪問團|出國考察|國際參訪"#

    static func records(in paragraphs: [RunningParagraph], context: RecordContext) -> [Record] {
        var records: [Record] = []
        // The open outline levels (label styles, outermost first) and the
        // level of the trip heading, while one is open.
        var styles: [OutlineStyle] = []
        var tripLevel: Int?
        let scanner = DateScanner(context: context.dateContext)
        for paragraph in joinedAcrossPages(paragraphs) {
            guard let (style, rest) = TextTools.label(of: paragraph.text) else { continue }
            if let level = styles.firstIndex(of: style) {
                styles.removeSubrange(level...)
            }
            styles.append(style)
            let level = styles.count - 1
            if let open = tripLevel, level <= open { tripLevel = nil }
            if tripLevel == nil {
                if TextTools.isHeading(paragraph.text), rest.matches(pattern: tripHeading) {
                    tripLevel = level
                }
                continue
            }
            guard level == tripLevel! + 1, let trip = trip(rest, page: paragraph.page, scanner: scanner) else { continue }
            records.append(.trip(trip))
        }
        return records
    }

    /// An item's text continued on the next page (no label there, the item
    /// not ended with 。) is one paragraph.
    static func joinedAcrossPages(_ paragraphs: [RunningParagraph]) -> [RunningParagraph] {
        var out: [RunningParagraph] = []
        for (i, p) in paragraphs.enumerated() {
            // The last paragraph of the page before, and this one the first
            // of its page.
            if let last = out.last, last.page == p.page - 1, i > 0, paragraphs[i - 1].page == last.page,
               !last.text.hasSuffix("。"), !last.text.hasSuffix("："), TextTools.label(of: last.text) != nil,
               TextTools.label(of: p.text) == nil {
                out[out.count - 1].text += p.text
                continue
            }
            out.append(p)
        }
        return out
    }

    /// The trip an item tells, or nil.
    static func trip(_ text: String, page: Int, scanner: DateScanner) -> TripRecord? {
        guard let first = scanner.matches(in: text).first, first.value.precision == .day else { return nil }
        // The dates open the item.
        let before = text[text.startIndex..<first.range.lowerBound].trimmingSpaces()
        guard before.isEmpty else { return nil }
        var plan = String(text[first.range.upperBound...]).trimmingSpaces()
        while let c = plan.first, "，,、：:".contains(c) { plan.removeFirst() }
        plan = plan.trimmingSpaces()
        // Who goes where: 赴 in the first clause.
        let clause = plan.split(whereSeparator: { "，。；".contains($0) }).first.map(String.init) ?? plan
        guard let go = clause.range(of: "赴") else { return nil }
        var trip = TripRecord(provenance: Provenance(table: nil, row: nil, page: page))
        trip.planName = plan
        trip.startDate = first.value.start.iso
        trip.endDate = first.value.end.iso
        trip.travellers = travellers(clause[..<go.lowerBound])
        trip.destination = destination(String(clause[go.upperBound...]))
        return trip
    }

    /// Who travels: the text before 率團 / 率隊 / 隨 / 偕同 / 赴.
    static func travellers(_ text: Substring) -> String? {
        var t = String(text)
        for cut in ["率團", "率隊", "帶領", "偕同", "隨同", "隨"] {
            if let r = t.range(of: cut) { t = String(t[..<r.lowerBound]) }
        }
        return TextTools.nonEmpty(t)
    }

    /// Regions named before the countries they qualify (中南歐捷克 → 捷克).
    static let regions = ["中南歐", "中東歐", "東南亞", "東北亞", "中南美", "中南美洲", "南亞", "中東", "北歐", "西歐", "東歐",
                          "南歐", "中歐", "北美", "南美", "北美洲", "南美洲", "歐洲", "亞洲", "非洲", "美洲", "大洋洲"]

    /// Where to: the text after 赴 up to what is done there (進行, 出席 …) or
    /// 等 (捷克、匈牙利等國家).
    static func destination(_ text: String) -> String? {
        var t = text
        let verbs = ["進行", "出席", "參加", "參與", "參訪", "訪問", "拜會", "考察", "洽談", "辦理", "簽署", "推動", "交流",
                     "舉行", "開會", "觀摩", "宣傳", "行銷", "招商", "研習", "會晤", "等"]
        var end = t.endIndex
        for verb in verbs {
            if let r = t.range(of: verb), r.lowerBound < end, r.lowerBound > t.startIndex { end = r.lowerBound }
        }
        t = String(t[..<end])
        for region in regions.sorted(by: { $0.count > $1.count }) where t.hasPrefix(region) && t.count > region.count + 1 {
            t.removeFirst(region.count)
            break
        }
        return TextTools.nonEmpty(t)
    }
}
