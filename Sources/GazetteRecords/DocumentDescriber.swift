import Foundation
import GazetteLayout
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
    /// True for a running header line (a cover title that repeats the
    /// running header is one): only a title in large type is taken from it.
    public var isFurniture: Bool

    public init(page: Int, text: String, fontSize: Double, isBold: Bool, box: Rect, pageWidth: Double,
                pageHeight: Double, isFurniture: Bool = false) {
        self.page = page
        self.text = text
        self.fontSize = fontSize
        self.isBold = isBold
        self.box = box
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.isFurniture = isFurniture
    }
}

/// The paragraphs of a document's opening pages, collected as its pages go
/// by, for `DocumentDescriber.describe`: the title block is among them.
public struct OpeningBlocks: Sendable {
    /// How many opening pages describe the document (title block, cover).
    public static let pages = 3
    public private(set) var blocks: [DescribedBlock] = []

    public init() {}

    /// Adds a page's running blocks (with their folded text) if it is an
    /// opening page. A title that repeats the running header is furniture
    /// to the layout stage; the describer still sees it, marked as such.
    public mutating func add(_ layout: PageLayout, running: [(block: TextBlock, text: String)]) {
        guard layout.number <= Self.pages else { return }
        for item in layout.furniture where item.kind == .header && item.line < layout.lines.count {
            let line = layout.lines[item.line]
            blocks.append(DescribedBlock(
                page: layout.number, text: TextFolder.fold(line.text), fontSize: line.fontSize, isBold: line.isBold,
                box: line.box, pageWidth: layout.width, pageHeight: layout.height, isFurniture: true))
        }
        for (block, text) in running {
            blocks.append(DescribedBlock(
                page: layout.number, text: text, fontSize: block.fontSize, isBold: block.isBold,
                box: block.box, pageWidth: layout.width, pageHeight: layout.height))
        }
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
    /// Text that tells the kind: the opening paragraphs, the headings, the
    /// table titles and headers.
    var clues: String

    /// The kind, from the title, the tables' titles and headers, and the
    /// records found.
    public func kind(records types: [String]) -> DocumentKind {
        let title = CharacterClass.removingSpaces(self.title ?? "")
        func count(_ type: String) -> Int { types.filter { $0 == type }.count }
        let total = max(types.count, 1)
        if (title + " " + clues).matches(pattern: #"預算"#),
           clues.matches(pattern: #"派員出國計畫|歲出|歲入|預算表|預算總表|單位預算|預算案"#),
           !title.matches(pattern: #"報告|會議|交流計畫"#) {
            return .budgetBook
        }
        if count("fundingLine") > 0 { return .fundingPlan }
        if count("trip") > 0, title.matches(pattern: #"出國|出訪|考察報告"#) || clues.includes("出國計畫名稱") {
            return .tripReport
        }
        if title.matches(pattern: #"工作報告|業務報告|施政報告|工作成果|業務概況"#) { return .workReport }
        if title.matches(pattern: #"提案單|提案彙整|提案一覽|提案清單"#) { return .proposalList }
        if title.matches(pattern: #"會議|議程|大會|會報"#) { return .meetingAgenda }
        if title.matches(pattern: #"交流計畫|交流活動|交流發展計畫|交流實施計畫|參訪計畫|締盟"#) { return .exchangePlan }
        if title.matches(pattern: #"行程"#) { return .itinerary }
        if count("proposal") + count("proposalForm") > 0, (count("proposal") + count("proposalForm")) * 2 >= total {
            return .proposalList
        }
        if count("scheduleItem") > 0, count("scheduleItem") * 2 >= total { return .itinerary }
        if count("trip") > 0, count("trip") * 2 >= total { return .tripReport }
        return .unknown
    }
}

/// Reads the title block of a document's opening pages.
public enum DocumentDescriber {
    /// Endings of organisation names (臺北市政府秘書處, 花蓮縣政府, 大同區公所).
    static let organisationEndings = ["政府", "公所", "秘書處", "委員會", "議會", "辦公室", "中心", "大學", "學校", "基金會",
                                      "管理處", "改良場", "試驗所", "事務所", "處", "局", "署", "部", "院", "會"]

    public static func describe(blocks: [DescribedBlock], tableHeaders: [[String]], tableTitles: [String],
                                outlineTitles: [String]) -> DocumentDescription {
        let flow = blocks.filter { !$0.isFurniture }
        let clues = ([flow.prefix(12).map(\.text).joined(separator: " ")] + outlineTitles.prefix(40) + tableTitles
            + tableHeaders.map { $0.joined(separator: " ") }).joined(separator: " ")
        let (titleText, titleBlocks) = findTitle(blocks, tableTitles: tableTitles)
        let title = titleText.map { formalName(of: $0, in: flow) }
        let (date, raw) = findDate(flow)
        let issuer = findIssuer(flow, titleBlocks: titleBlocks, title: title)
        var year = date?.year
        if year == nil {
            for text in [title ?? ""] + flow.filter({ $0.page == flow.first?.page }).map(\.text) {
                if let m = text.regexRange(#"([0-9]{2,3})\s*年度"#) {
                    let digits = text[m].prefix { $0.isNumber }
                    if let roc = Int(digits), roc >= 40, roc <= 200 { year = roc + 1911; break }
                }
            }
        }
        if year == nil {
            // The year most dates of the opening pages fall in.
            var years: [Int: Int] = [:]
            let scanner = DateScanner()
            for block in flow { for m in scanner.matches(in: block.text) { years[m.value.start.year, default: 0] += 1 } }
            year = years.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        }
        return DocumentDescription(title: title, issuer: issuer, date: date, dateRaw: raw, year: year, clues: clues)
    }

    /// The largest type on the first page with text, read in order (a title
    /// set over several lines is one title); a running header counts only
    /// when it is set larger than the body.
    ///
    /// A table's caption (派員出國計畫預算總表 set larger than the book's
    /// title above it) names the table, not the document: it is passed over
    /// when the page has other text.
    static func findTitle(_ blocks: [DescribedBlock], tableTitles: [String] = []) -> (String?, [DescribedBlock]) {
        guard let firstPage = blocks.first(where: { !$0.isFurniture })?.page ?? blocks.first?.page else { return (nil, []) }
        let sizes = blocks.filter { !$0.isFurniture }.map(\.fontSize).sorted()
        let body = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        let captions = Set(tableTitles.map(CharacterClass.removingSpaces))
        let all = blocks.filter {
            $0.page == firstPage && !$0.text.isEmpty && (!$0.isFurniture || $0.fontSize >= body * 1.15)
        }
        .sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        let uncaptioned = all.filter { !captions.contains(CharacterClass.removingSpaces($0.text)) }
        let onFirst = uncaptioned.isEmpty ? all : uncaptioned
        guard !onFirst.isEmpty else { return (nil, []) }
        let largest = onFirst.map(\.fontSize).max()!
        let candidates = onFirst.filter {
            $0.fontSize >= largest * 0.9 && $0.text.count <= 80 && !$0.text.hasSuffix("。")
                && DateParser.parse($0.text) == nil
        }
        var seen = Set<String>()
        let distinct = candidates.filter { seen.insert(CharacterClass.removingSpaces($0.text)).inserted }
        if largest >= body * 1.15, !distinct.isEmpty {
            return (stripQuotes(distinct.map(\.text).joined()), distinct)
        }
        // No larger type: the first short paragraph.
        if let block = onFirst.first(where: { !$0.isFurniture && $0.text.count <= 60 && !$0.text.hasSuffix("。") }) {
            return (stripQuotes(block.text), [block])
        }
        return (nil, [])
    }

    /// A title wrapped whole in 「」 or 『』 loses them.
    static func stripQuotes(_ text: String) -> String {
        let t = text.trimmingSpaces()
        for (open, close) in [("「", "」"), ("『", "』"), ("“", "”")] where t.hasPrefix(open) && t.hasSuffix(close) {
            let inner = t.dropFirst().dropLast()
            if !inner.contains(open) && !inner.contains(close) { return String(inner) }
        }
        return t
    }

    /// The formal name a document states for itself (一、會議名稱：112 年度
    /// 「北臺區域發展推動委員會」副首長會議) when the cover prints the same
    /// name with less punctuation.
    static func formalName(of title: String, in blocks: [DescribedBlock]) -> String {
        func bare(_ s: String) -> String {
            CharacterClass.removingSpaces(s).filter { !"「」『』“”\"'（）()、".contains($0) }
        }
        let target = bare(title)
        for block in blocks.prefix(40) {
            guard let r = block.text.regexRange(#"(會議|計畫|活動|案)名稱\s*[:：]\s*"#) else { continue }
            var name = String(block.text[r.upperBound...])
            if let cut = name.firstIndex(where: { "。\n".contains($0) }) { name = String(name[..<cut]) }
            name = stripQuotes(name)
            if bare(name) == target { return name }
        }
        return title
    }

    /// The document's date: a day standing in the title block of the first
    /// page (中華民國 107 年 5 月 11 日, 修訂日期：…, 花蓮縣政府 中華民國 108 年
    /// 11 月 15 日修正), never one inside a sentence; else a date standing
    /// alone on the opening pages.
    static func findDate(_ blocks: [DescribedBlock]) -> (PartialDate?, String?) {
        let scanner = DateScanner()
        guard let firstPage = blocks.first?.page else { return (nil, nil) }
        var best: (score: Int, date: PartialDate, raw: String)?
        for block in blocks where block.page == firstPage {
            let text = block.text
            guard text.count <= 60, !text.includes("。"), !text.includes("，") else { continue }
            for m in scanner.matches(in: text) where m.value.precision == .day && !m.value.isRange {
                var score = 1
                if m.raw.hasPrefix("中華民國") || m.raw.hasPrefix("民國") { score += 2 }
                if text.matches(pattern: #"日期|時間|發布|修訂|修正|印製|編印"#) { score += 1 }
                if best == nil || score > best!.score { best = (score, m.value.start, m.raw) }
            }
        }
        if let best { return (best.date, best.raw) }
        for block in blocks {
            if let value = DateParser.parse(block.text), value.start == value.end, value.start.day != nil {
                return (value.start, block.text)
            }
        }
        return (nil, nil)
    }

    /// Who issued the document: a 主辦單位：/ 發文機關： line, else an
    /// organisation standing at the start of a title-page line (the most
    /// specific when one name extends another: 臺中市政府 < 臺中市政府秘書處),
    /// else the organisation the title starts with.
    static func findIssuer(_ blocks: [DescribedBlock], titleBlocks: [DescribedBlock], title: String?) -> String? {
        for block in blocks.prefix(30) {
            let text = CharacterClass.removingSpaces(block.text)
            if let r = text.regexRange(#"(主辦單位|主辦機關|發文機關|報告機關|報告單位|機關名稱|編製機關|發行機關|核發機關|管轄機關)[:：]"#),
               let org = organisation(atStartOf: String(text[r.upperBound...])) {
                return org
            }
        }
        guard let firstPage = blocks.first?.page else { return nil }
        let titleTexts = Set(titleBlocks.map(\.text))
        var found: [String] = []
        for block in blocks where block.page == firstPage && !titleTexts.contains(block.text)
            && !block.text.includes("。") && !block.text.includes("，") && block.text.count <= 40 {
            if let org = organisation(atStartOf: CharacterClass.removingSpaces(block.text)) { found.append(org) }
        }
        if let first = found.first {
            return found.filter { $0.hasPrefix(first) }.max { $0.count < $1.count } ?? first
        }
        if let title { return organisationPrefix(of: CharacterClass.removingSpaces(title)) }
        return nil
    }

    /// Words that may follow an organisation's name on a title-page line
    /// (or another label of a title block: 謄本核發機關：).
    static let afterOrganisation = #"^(報告人|報告|中華民國|民國|[0-9]|謹呈|敬呈|印製|編印|編製|製|主辦|地址|電話|TEL|[：:（(　 ]|\p{Han}{2,8}[：:])"#

    /// The longest organisation name a line starts with, when the line is
    /// that name alone or the name followed by a date, reporter or address.
    static func organisation(atStartOf text: String) -> String? {
        guard let first = text.first, !first.isNumber, text.count >= 3 else { return nil }
        var best: String?
        for ending in organisationEndings {
            var search = text.startIndex..<text.endIndex
            while let r = text.range(of: ending, range: search) {
                let name = String(text[..<r.upperBound])
                let rest = String(text[r.upperBound...])
                let allHan = name.unicodeScalars.allSatisfy { $0.properties.isIdeographic || "（）()".unicodeScalars.contains($0) }
                if allHan, name.count >= 3, name.count <= 20, rest.isEmpty || rest.matches(pattern: afterOrganisation),
                   best == nil || name.count > best!.count {
                    best = name
                }
                search = r.upperBound..<text.endIndex
            }
        }
        return best
    }

    /// The organisation a title starts with (臺北市政府秘書處工作報告 → 臺北市政府秘書處).
    static func organisationPrefix(of title: String) -> String? {
        let suffixes = ["公所", "秘書處", "政府", "議會", "委員會", "處", "局", "署"]
        var best: String?
        for suffix in suffixes {
            guard let r = title.range(of: suffix) else { continue }
            let prefix = String(title[..<r.upperBound])
            guard prefix.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) else { continue }
            if prefix.count >= 4 && prefix.count <= 16 && (best == nil || prefix.count > best!.count) { best = prefix }
        }
        return best
    }
}
