import GazetteNormalise
import GazetteRead

/// A line near the top or bottom edge that may be a running header or
/// footer, as neighbouring pages compare it.
struct BandLine {
    var line: Int
    var key: String
    var top: Bool
    var y: Double
    var size: Double
    /// The digits of its text (the key masks them).
    var digits: String = ""
    /// A `label：value` field (編號：5) whose number a repetition must share:
    /// the item numbers of a page's first block differ from page to page,
    /// a running header's do not (a page counter's, 頁次：6－2, may).
    var numberedField = false
    /// A `label：value` field, numbered or not.
    var field = false

    /// Labels of a page counter in a running header (頁次：6－1).
    static let pageCounter = #"^(頁次|頁碼|頁數)$"#
}

/// Everything one page yields on its own: lines, regions, watermarks, the
/// page number, contents entries and the band lines that neighbouring
/// pages will be compared with. `layout(furniture:)` finishes the page once
/// its running headers and footers are known.
struct PageAnalysis {
    var number: Int
    var width: Double
    var height: Double
    var direction: TextDirection
    var lines: [TextLine]
    var geometry: [LineGeometry]
    var watermarks: [Watermark]
    var regions: [Rect]
    var rulings: [Ruling]
    var images: [Rect]
    var pageNumber: PageNumber?
    var pageNumberLines: [Int] = []
    var bandLines: [BandLine] = []
    var contents: [ContentsEntry] = []
    /// The lines of each contents entry.
    var contentsGroups: [[Int]] = []
    /// A table-of-contents page: no headings are taken from it.
    var isContentsPage = false
    let options: LayoutOptions

    init(page: Page, options: LayoutOptions) {
        self.options = options
        number = page.number
        width = page.width
        height = page.height
        rulings = page.rulings
        images = page.images
        let built = LineBuilder(options: options).build(page)
        lines = built.lines
        geometry = built.geometry
        watermarks = built.watermarks
        regions = RuledRegions.find(page.rulings)

        // Region of each line: the region holding its centre.
        if !regions.isEmpty {
            for i in lines.indices {
                let b = lines[i].box
                let x = b.midX, y = b.midY
                if let r = regions.firstIndex(where: { $0.insetBy(-1).contains(x: x, y: y) }) {
                    lines[i].region = r
                }
            }
        }

        var counts = [Int](repeating: 0, count: TextDirection.allCases.count)
        for l in lines { counts[TextDirection.allCases.firstIndex(of: l.direction)!] += l.glyphs.count }
        direction = TextDirection.allCases[counts.indices.max { counts[$0] < counts[$1] }!]

        findPageNumber()
        findBandLines()
        findContents()
    }

    /// Rows of horizontal lines, top to bottom, as ranges of `lines`.
    private func horizontalRows() -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0
        for i in lines.indices {
            if i > start, lines[i].row != lines[start].row {
                if lines[start].direction == .horizontal { rows.append(start..<i) }
                start = i
            }
        }
        if start < lines.count, lines[start].direction == .horizontal { rows.append(start..<lines.count) }
        return rows
    }

    /// The page number: in one of the two rows nearest the bottom (or top)
    /// edge, inside the footer (or a narrower header) band, outside tables,
    /// either the whole row or one of its segments.
    private mutating func findPageNumber() {
        let rows = horizontalRows()
        guard !rows.isEmpty else { return }
        let bottomLimit = height * (1 - options.footerBand), topLimit = height * 0.10
        var candidates: [Range<Int>] = []
        candidates += rows.suffix(2).reversed()
        candidates += rows.prefix(2)
        for row in candidates {
            let inBottom = row.allSatisfy { lines[$0].box.y0 >= bottomLimit }
            let inTop = row.allSatisfy { lines[$0].box.y1 <= topLimit }
            guard inBottom || inTop, row.allSatisfy({ lines[$0].region == nil }) else { continue }
            if row.count > 1, let n = PageNumber.parse(row.map { lines[$0].text }.joined()) {
                pageNumber = n
                pageNumberLines = Array(row)
                return
            }
            for i in row {
                if let n = PageNumber.parse(lines[i].text) {
                    pageNumber = n
                    pageNumberLines = [i]
                    return
                }
            }
        }
    }

    private mutating func findBandLines() {
        let top = height * options.headerBand, bottom = height * (1 - options.footerBand)
        for (i, l) in lines.enumerated() where l.region == nil && !pageNumberLines.contains(i) {
            let isTop = l.box.y1 <= top
            guard isTop || l.box.y0 >= bottom else { continue }
            let key = furnitureKey(l.text)
            guard !key.isEmpty else { continue }
            let digits = String(l.text.unicodeScalars.filter { CharacterClass.isDigit($0.value) }.map(Character.init))
            let label = FieldLabel.split(l.text)?.label
            let numbered = !digits.isEmpty && label.map { !$0.matches(pattern: BandLine.pageCounter) } == true
            bandLines.append(BandLine(line: i, key: key, top: isTop, y: l.box.midY, size: l.fontSize, digits: digits,
                                      numberedField: numbered, field: label != nil))
        }
    }

    /// Table-of-contents rows: a title, a dot leader, a page reference.
    private mutating func findContents() {
        var start = 0
        var rows: [Range<Int>] = []
        for i in lines.indices where i > start && lines[i].row != lines[start].row {
            rows.append(start..<i)
            start = i
        }
        if start < lines.count { rows.append(start..<lines.count) }
        var titled = false
        for row in rows {
            // The title may be letter-spaced into pieces (目    次).
            let rowText = row.map { lines[$0].text }.joined()
            if !titled, lines[row.first!].box.y1 < height * 0.3, row.count <= 3, rowText.utf8.count <= 40 {
                if ContentsEntry.isTitle(rowText) { titled = true }
            }
            scanContents(row, minDots: 4)
        }
        isContentsPage = contentsGroups.count >= 3 || (titled && !contentsGroups.isEmpty)
        // On a contents page, shorter leaders ("結算表.. 49") count too.
        if isContentsPage {
            var taken = Set<Int>()
            for g in contentsGroups { taken.formUnion(g) }
            for row in rows { scanContents(row, minDots: 2, skipping: taken) }
        }
        // Under a 目次 title, an entry may have no leader at all: its title,
        // a gap, and its page (一、預算總說明      第 1 頁).
        if titled {
            var taken = Set<Int>()
            for g in contentsGroups { taken.formUnion(g) }
            for row in rows where row.count >= 2 && !row.contains(where: taken.contains) {
                // Left to right: title pieces, then a reference closes the
                // entry (two entries a row on a contents page in two
                // columns). The reference may be set apart from its 第
                // (第   13 頁).
                var entries: [(entry: ContentsEntry, lines: [Int])] = []
                var pending: [Int] = []
                for i in row {
                    let text = lines[i].text.trimmingSpaces()
                    var reference = text
                    var pieces = [i]
                    if let last = pending.last, lines[last].text.trimmingSpaces() == "第" {
                        reference = "第" + text
                        pieces = [last, i]
                        pending.removeLast()
                    }
                    guard Self.isReference(reference), !pending.isEmpty else {
                        pending += pieces
                        continue
                    }
                    let title = pending.map { lines[$0].text.trimmingSpaces() }.joined(separator: " ")
                    guard !title.isEmpty, !Self.isReference(title) else { break }
                    entries.append((ContentsEntry(title: title, pageLabel: reference, page: number), pending + pieces))
                    pending = []
                }
                // A row that is not entries through to its end is no contents row.
                guard !entries.isEmpty, pending.isEmpty else { continue }
                for (entry, group) in entries {
                    contents.append(entry)
                    contentsGroups.append(group)
                }
            }
            isContentsPage = isContentsPage || contentsGroups.count >= 3
        }
    }

    private mutating func scanContents(_ row: Range<Int>, minDots: Int, skipping taken: Set<Int> = []) {
            var leaders = 0
            for i in row where !taken.contains(i) {
                for u in lines[i].text.unicodeScalars where CharacterClass.isLeader(u.value) { leaders += 1 }
            }
            guard leaders >= minDots else { return }
            // Segment by segment: "title....ref", or "title...." then "ref",
            // or "title" then "....ref"; a row may hold several entries
            // (a contents page in two columns).
            var plain: (title: String, line: Int)? = nil
            var pending: (title: String, lines: [Int])? = nil
            for i in row where !taken.contains(i) {
                let text = lines[i].text
                if var (title, ref) = Self.contentsEntry(text, minDots: minDots) {
                    var group = [i]
                    if title.isEmpty, let p = plain {
                        title = p.title
                        group.insert(p.line, at: 0)
                    }
                    if title.isEmpty {
                        pending = nil
                    } else if ref.isEmpty {
                        pending = (title, group)
                    } else {
                        contents.append(ContentsEntry(title: title, pageLabel: ref, page: number))
                        contentsGroups.append(group)
                        pending = nil
                    }
                    plain = nil
                } else if let p = pending, Self.isReference(text) {
                    contents.append(ContentsEntry(title: p.title, pageLabel: text.trimmingSpaces(), page: number))
                    contentsGroups.append(p.lines + [i])
                    pending = nil
                    plain = nil
                } else {
                    pending = nil
                    plain = (text.trimmingSpaces(), i)
                }
            }
    }

    /// A page reference: digits, roman numerals, dashes ("12－13", "1-6", "iv").
    static func isReference(_ text: String) -> Bool {
        let ref = text.trimmingSpaces()
        // 第9頁: the page as a budget book's contents print it.
        if ref.matches(pattern: #"^第\s*[0-9０-９]{1,4}\s*頁$"#) { return true }
        return !ref.isEmpty && ref.unicodeScalars.count <= 16 && ref.unicodeScalars.allSatisfy { isReference($0.value) }
            && ref.unicodeScalars.contains { !CharacterClass.isSpace($0.value) && !isDash($0.value) }
    }

    /// Splits "一、前言......1" into ("一、前言", "1"), or nil when the text
    /// has no dot leader of four or more dots followed by a page reference
    /// or by nothing (the reference is then in the next segment; the title
    /// is empty when the text starts with the leader).
    static func contentsEntry(_ text: String, minDots: Int = 4) -> (String, String)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard CharacterClass.isLeader(scalars[i].value) else { i += 1; continue }
            var j = i, dots = 0
            while j < scalars.count, CharacterClass.isLeader(scalars[j].value) || CharacterClass.isSpace(scalars[j].value) {
                if CharacterClass.isLeader(scalars[j].value) { dots += 1 }
                j += 1
            }
            if dots >= minDots {
                var title = String.UnicodeScalarView(scalars[0..<i])
                while let last = title.last, CharacterClass.isSpace(last.value) { title.removeLast() }
                let ref = String(String.UnicodeScalarView(scalars[j...])).trimmingSpaces()
                if ref.isEmpty { return (String(title), "") }
                guard isReference(ref) else { return nil }
                return (String(title), ref)
            }
            i = j
        }
        return nil
    }

    private static func isDash(_ v: UInt32) -> Bool {
        v == 0x2D || v == 0xFF0D || v == 0x2013 || v == 0x2014 || v == 0x7E || v == 0xFF5E || v == 0x2212
    }

    private static func isReference(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) || isDash(v) || CharacterClass.isSpace(v)
            || "ivxlcIVXLC,、，()（）".unicodeScalars.contains { $0.value == v }
    }

    /// The finished page, once its furniture is known.
    func layout(furniture: [Furniture]) -> PageLayout {
        var excluded = [Bool](repeating: false, count: lines.count)
        for f in furniture { excluded[f.line] = true }
        let blocks = BlockBuilder(lines: lines, geometry: geometry, excluded: excluded, contentsGroups: contentsGroups,
                                  rulings: rulings, regions: regions, direction: direction).build()
        return PageLayout(number: number, width: width, height: height, direction: direction, lines: lines,
                          blocks: blocks, furniture: furniture.sorted { $0.line < $1.line }, pageNumber: pageNumber,
                          watermarks: watermarks, regions: regions, contents: contents, rulings: rulings,
                          images: images)
    }

    /// The page-number furniture.
    var pageNumberFurniture: [Furniture] {
        pageNumberLines.map { Furniture(kind: .pageNumber, line: $0, text: lines[$0].text, box: lines[$0].box) }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, CharacterClass.isSpace(f.value) { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, CharacterClass.isSpace(l.value) { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}

extension PageLayout {
    /// Lays out a single page on its own: lines, blocks, page number,
    /// watermarks. Running headers and footers need neighbouring pages and
    /// headings need the document's numbering: use `DocumentLayoutBuilder`
    /// for those.
    public init(page: Page, options: LayoutOptions = LayoutOptions()) {
        let analysis = PageAnalysis(page: page, options: options)
        self = analysis.layout(furniture: analysis.pageNumberFurniture)
    }
}
