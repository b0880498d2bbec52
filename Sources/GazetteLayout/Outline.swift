import GazetteNormalise

/// A numbered heading of the document and the headings under it.
///
/// `label` is the numeral without its punctuation ("壹", "一" for （一）, "1"
/// for 1. or (1)); `style` tells （一） from 一、 and `marker` keeps the marker
/// as printed. `level` is 1 for the outermost numbering style the document
/// uses, one more for each deeper style it uses (the usual order is
/// 壹 > 一 > （一） > 1 > （1） > 甲 > （甲） > ① > A > (A) > a > (a); a document
/// without 壹 has 一 at level 1). `title` is the heading's text after its
/// marker, up to the first colon (：), semicolon or full stop; when that runs
/// past the heading's first line (a numbered paragraph rather than a
/// heading), the title is that first line, cut at its last comma (，) or
/// else its last enumeration comma (、) when it has one.
public struct OutlineEntry: Hashable, Sendable, Codable {
    public var label: String
    public var level: Int
    public var title: String
    /// The (1-based) PDF page the heading is on.
    public var page: Int
    public var style: OutlineStyle
    /// The numeral's value (1 for 一, 壹, 1, 甲, A, ①).
    public var number: Int
    /// The marker as printed: "（一）", "1.", "壹、".
    public var marker: String
    /// Index of the heading's block in `PageLayout.blocks` of its page.
    public var block: Int
    public var children: [OutlineEntry]

    public init(label: String, level: Int, title: String, page: Int, style: OutlineStyle, number: Int,
                marker: String, block: Int, children: [OutlineEntry] = []) {
        self.label = label
        self.level = level
        self.title = title
        self.page = page
        self.style = style
        self.number = number
        self.marker = marker
        self.block = block
        self.children = children
    }

    /// The entry and its descendants, depth first.
    public var flattened: [OutlineEntry] {
        [self] + children.flatMap(\.flattened)
    }
}

/// Collects headings page by page. A block is a heading when it starts with
/// an outline marker, lies outside ruled regions and tables of contents, and
/// continues its style's sequence: its number is 1, or one more than the
/// last accepted number of that style since the last heading of a
/// shallower style.
struct OutlineCollector {
    private struct Raw {
        var marker: OutlineMarker
        var title: String
        var page: Int
        var block: Int
    }
    private var raws: [Raw] = []
    private var last = [Int?](repeating: nil, count: OutlineStyle.allCases.count)

    mutating func collect(_ layout: inout PageLayout, isContentsPage: Bool) {
        guard !isContentsPage else { return }
        for k in layout.blocks.indices {
            let block = layout.blocks[k]
            guard let m = block.marker, block.region == nil, block.kind == .paragraph else { continue }
            let s = m.style.rank
            guard m.number == 1 || last[s] == m.number - 1 else { continue }
            last[s] = m.number
            for deeper in (s + 1)..<last.count { last[deeper] = nil }
            layout.blocks[k].kind = .heading
            raws.append(Raw(marker: m, title: Self.title(of: block, in: layout), page: layout.number, block: k))
        }
    }

    /// The outline as a tree.
    func outline() -> [OutlineEntry] {
        let styles = Set(raws.map(\.marker.style)).sorted()
        var level: [OutlineStyle: Int] = [:]
        for (k, s) in styles.enumerated() { level[s] = k + 1 }
        // Parent of each entry: the nearest earlier entry of a lower level.
        var parent = [Int](repeating: -1, count: raws.count)
        var stack: [Int] = []
        for (i, r) in raws.enumerated() {
            let l = level[r.marker.style]!
            while let top = stack.last, level[raws[top].marker.style]! >= l { stack.removeLast() }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        var children = [[Int]](repeating: [], count: raws.count)
        var roots: [Int] = []
        for i in raws.indices {
            if parent[i] < 0 { roots.append(i) } else { children[parent[i]].append(i) }
        }
        func entry(_ i: Int) -> OutlineEntry {
            let r = raws[i]
            return OutlineEntry(label: r.marker.label, level: level[r.marker.style]!, title: r.title, page: r.page,
                                style: r.marker.style, number: r.marker.number, marker: r.marker.text,
                                block: r.block, children: children[i].map(entry))
        }
        return roots.map(entry)
    }

    /// The last comma of a line that is not a thousands separator.
    static func lastComma(_ s: Substring) -> Substring.Index? {
        var index = s.endIndex
        while index > s.startIndex {
            index = s.index(before: index)
            let c = s[index]
            if c == "，" { return index }
            if c == "," {
                let next = s.index(after: index)
                let before = index > s.startIndex ? s[s.index(before: index)] : " "
                let thousands = before.isASCII && before.isNumber && next < s.endIndex && s[next].isASCII && s[next].isNumber
                if !thousands { return index }
            }
        }
        return nil
    }

    /// A title up to its first ：；。 longer than this is cut to its first line.
    static let longestTitle = 60

    static func title(of block: TextBlock, in layout: PageLayout) -> String {
        guard let (_, rest) = OutlineMarker.parse(block.text) else { return "" }
        var title = Substring(rest)
        var cut: String.Index? = nil
        var index = rest.startIndex
        var previous: Character? = nil
        while index < rest.endIndex {
            let c = rest[index]
            if c == "；" || c == "。" || c == ";" {
                cut = index
                break
            }
            // A colon, unless it sits between digits (14:30, 27001：2022).
            if c == ":" || c == "：" {
                let next = rest.index(after: index)
                let digitsAround = (previous?.isASCII == true && previous!.isNumber)
                    && next < rest.endIndex && rest[next].isASCII && rest[next].isNumber
                if !digitsAround { cut = index; break }
            }
            previous = c
            index = rest.index(after: index)
        }
        if let cut { title = rest[..<cut] }
        // The title runs past the heading's first line. If that line ends
        // short of the block's right edge, the heading is the line (a short
        // heading over a caption or text); if it is full, the title runs on
        // to its sentence end, unless that is far: then the first line, up
        // to its last comma (or enumeration comma).
        let firstLine = layout.lines[block.lines[0]]
        let lineIsFull = firstLine.box.x1 >= block.box.x1 - 1.5 * firstLine.fontSize
        if !lineIsFull || title.count > Self.longestTitle, let first = OutlineMarker.parse(firstLine.text)?.rest,
           title.count > first.count {
            title = first
            if lineIsFull, let comma = Self.lastComma(first) ?? first.lastIndex(of: "、"), comma > first.startIndex {
                title = first[..<comma]
            }
        }
        return String(title).trimmingSpaces()
    }
}
