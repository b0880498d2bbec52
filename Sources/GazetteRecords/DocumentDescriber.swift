import Foundation
import GazetteNormalise
import GazetteRead

/// A paragraph of a document's opening pages, as the describer sees it.
public struct DescribedBlock: Sendable, Hashable {
    public var page: Int
    /// Folded text.
    public var text: String
    public var fontSize: Double
    public var isBold: Bool
    public var box: Rect
    public var pageWidth: Double
    public var pageHeight: Double

    public init(page: Int, text: String, fontSize: Double, isBold: Bool, box: Rect, pageWidth: Double, pageHeight: Double) {
        self.page = page
        self.text = text
        self.fontSize = fontSize
        self.isBold = isBold
        self.box = box
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
    }
}

/// What a document is: title, issuer, date from its title block, and clues
/// to its kind.
public struct DocumentDescription: Sendable, Hashable {
    public var title: String?
    public var issuer: String?
    public var date: PartialDate?
    public var dateRaw: String?
    /// The document's (Gregorian) year, for dates printed without one.
    public var year: Int?
    /// Text that tells the kind: the title and the table titles and headers.
    var clues: String

    /// The kind, from the title and the records found.
    public func kind(records types: [String]) -> DocumentKind {
        let title = self.title ?? ""
        func count(_ type: String) -> Int { types.filter { $0 == type }.count }
        if title.contains("預算") && (clues.contains("派員出國") || clues.contains("歲出") || clues.contains("預算表")) {
            return .budgetBook
        }
        if count("fundingLine") > 0 { return .fundingPlan }
        if count("trip") > 0 && (title.contains("出國") || clues.contains("出國計畫名稱")) { return .tripReport }
        if title.contains("工作報告") || title.contains("業務報告") || title.contains("施政報告") { return .workReport }
        if title.contains("會議") || title.contains("議程") { return .meetingAgenda }
        if title.contains("交流計畫") || title.contains("交流活動") || title.contains("交流發展計畫") {
            return count("fundingLine") > 0 ? .fundingPlan : .exchangePlan
        }
        if title.contains("行程") { return .itinerary }
        if count("proposal") > 0 && count("proposal") * 2 >= types.count { return .proposalList }
        if count("scheduleItem") > 0 && count("scheduleItem") * 2 >= types.count { return .itinerary }
        if count("trip") > 0 { return .tripReport }
        return .unknown
    }
}

/// Reads the title block of a document's opening pages.
public enum DocumentDescriber {
    /// Organisation names as they stand alone in a title block.
    static let organisation = #"^[\p{Han}（）()]{2,24}?(政府|公所|秘書處|處|局|署|部|院|委員會|議會|辦公室|中心|學校|大學)$"#

    public static func describe(blocks: [DescribedBlock], tableHeaders: [[String]], tableTitles: [String],
                                outlineTitles: [String]) -> DocumentDescription {
        let clues = ([blocks.prefix(12).map(\.text).joined(separator: " ")] + tableTitles + tableHeaders.map { $0.joined(separator: " ") })
            .joined(separator: " ")
        let title = findTitle(blocks)
        let (date, raw) = findDate(blocks)
        var issuer = blocks.filter { $0.page == (blocks.first?.page ?? 1) }
            .map(\.text).first { $0 != title && $0.range(of: organisation, options: .regularExpression) != nil }
        if issuer == nil, let title { issuer = organisationPrefix(of: title) }
        var year = date?.year
        if year == nil, let title, let m = title.range(of: #"([0-9]{2,3})\s*年度"#, options: .regularExpression) {
            let digits = title[m].prefix { $0.isNumber }
            if let roc = Int(digits) { year = roc + 1911 }
        }
        if year == nil {
            // The year most dates of the opening pages fall in.
            var years: [Int: Int] = [:]
            let scanner = DateScanner()
            for block in blocks { for m in scanner.matches(in: block.text) { years[m.value.start.year, default: 0] += 1 } }
            year = years.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        }
        return DocumentDescription(title: title, issuer: issuer, date: date, dateRaw: raw, year: year, clues: clues)
    }

    /// The largest type on the first page with text, read in order (a title
    /// set over several lines is one title).
    static func findTitle(_ blocks: [DescribedBlock]) -> String? {
        guard let firstPage = blocks.first?.page else { return nil }
        let onFirst = blocks.filter { $0.page == firstPage && !$0.text.isEmpty }
        guard !onFirst.isEmpty else { return nil }
        let largest = onFirst.map(\.fontSize).max()!
        let sizes = blocks.map(\.fontSize).sorted()
        let body = sizes[sizes.count / 2]
        let candidates = onFirst.filter {
            $0.fontSize >= largest * 0.9 && $0.text.count <= 80 && !$0.text.hasSuffix("。")
                && DateParser.parse($0.text) == nil
        }
        if largest >= body * 1.15, !candidates.isEmpty {
            return candidates.map(\.text).joined()
        }
        // No larger type: the first short paragraph.
        return onFirst.first { $0.text.count <= 60 && !$0.text.hasSuffix("。") }?.text
    }

    /// The first date standing on its own (or as 日期/時間：…) in the title block.
    static func findDate(_ blocks: [DescribedBlock]) -> (PartialDate?, String?) {
        let scanner = DateScanner()
        for block in blocks {
            let text = block.text
            if let value = DateParser.parse(text), value.start == value.end, value.start.day != nil {
                return (value.start, text)
            }
            if text.count <= 60, text.contains("時間") || text.contains("日期") || text.hasPrefix("中華民國") {
                if let m = scanner.matches(in: text).first, m.value.start.day != nil {
                    return (m.value.start, m.raw)
                }
            }
        }
        return (nil, nil)
    }

    /// The organisation a title starts with (臺北市政府秘書處工作報告 → 臺北市政府秘書處).
    static func organisationPrefix(of title: String) -> String? {
        let suffixes = ["公所", "秘書處", "政府", "議會", "委員會", "處", "局", "署"]
        var best: String?
        for suffix in suffixes {
            guard let r = title.range(of: suffix) else { continue }
            let prefix = String(title[..<r.upperBound])
            if prefix.count >= 4 && prefix.count <= 16 && (best == nil || prefix.count > best!.count) { best = prefix }
        }
        return best
    }
}
