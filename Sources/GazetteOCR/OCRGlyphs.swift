import GazetteNormalise
import GazetteRead

/// Turns what Tesseract recognised into glyphs of the read stage's model,
/// in points of the page as read.
public enum OCRGlyphs {
    /// The glyphs of `symbols` (pixels of an image at `dpi`): one per
    /// symbol, a CJK character as wide as its em and centred on its ink,
    /// other symbols their ink across (ending where the next symbol of its
    /// line begins), all the em of their line down, centred on its ink
    /// (so that the glyphs of a line share a top and bottom, like a font's
    /// ascent and descent), a size from the line's height, and the symbol's
    /// confidence.
    ///
    /// Spaces are never glyphs: Tesseract puts one between CJK characters
    /// (it reads them as one-character words), and the layout stage decides
    /// spacing from the boxes, as it does for a PDF's glyphs. ASCII
    /// punctuation Tesseract gives for the full-width forms of CJK text
    /// (`,` for `，`) is set back to the full-width form next to CJK.
    ///
    /// A page read as vertical writing (`vertical`: its symbols by column,
    /// top to bottom) gives vertical glyphs (`Glyph.isVertical`, the
    /// baseline running down): the same steps on the page turned over its
    /// diagonal, where a column is a line read left to right, and the boxes
    /// turned back: a CJK character is then its column's em across and
    /// centred on its ink down.
    public static func glyphs(from symbols: [OCRSymbol], dpi: Int, vertical: Bool = false) -> [Glyph] {
        guard vertical else { return across(symbols, dpi: dpi) }
        func transposed(_ b: PixelBox) -> PixelBox { PixelBox(x0: b.y0, y0: b.x0, x1: b.y1, y1: b.x1) }
        let turned = symbols.map { s in
            var s = s
            (s.box, s.line) = (transposed(s.box), transposed(s.line))
            return s
        }
        return across(turned, dpi: dpi).map { g in
            var g = g
            g.box = Rect(x0: g.box.y0, y0: g.box.x0, x1: g.box.y1, y1: g.box.x1)
            g.isVertical = true
            g.angle = -90
            return g
        }
    }

    /// The glyphs of symbols read across (lines left to right).
    static func across(_ symbols: [OCRSymbol], dpi: Int) -> [Glyph] {
        let scale = 72 / Double(dpi)
        var texts = symbols.map { cleaned($0.text) }
        for index in texts.indices {
            texts[index] = fullWidthPunctuation(texts, at: index, symbols: symbols)
        }
        timeRangeSeparators(&texts, symbols: symbols)
        fullStops(&texts, symbols: symbols)
        quotesInsideCharacters(&texts, symbols: symbols)
        readTwice(&texts, symbols: symbols)
        itemNumbers(&texts, symbols: symbols)
        vocabularyCorrections(&texts, symbols: symbols)
        continuationMarks(&texts, symbols: symbols)
        let lines = LineMetrics.of(symbols, texts: texts)
        dashes(&texts, symbols: symbols, lines: lines)
        // The symbols of a line that holds two rows, by visual row of that
        // line (of all such lines at once, a speck whose box reaches over two
        // neighbouring lines would join their rows into one): the middle of
        // the row's CJK ink.
        var woven: [Int: Double] = [:]
        let wovenLines = Set(lines.filter { $0.value.middle == nil }.keys)
        let wovenSymbols = Dictionary(grouping: symbols.indices.filter {
            wovenLines.contains(symbols[$0].lineIndex) && !texts[$0].isEmpty
        }, by: { symbols[$0].lineIndex })
        for indices in wovenSymbols.values {
            for row in visualRows(indices.map { symbols[$0] }) {
                let members = row.map { indices[$0] }
                let wide = members.filter { isCJK(texts[$0]) && symbols[$0].box.height * 3 > symbols[$0].box.width }
                let middles = (wide.isEmpty ? members : wide).map { Double(symbols[$0].box.y0 + symbols[$0].box.y1) / 2 }.sorted()
                for m in members { woven[m] = middles[middles.count / 2] }
            }
        }
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(symbols.count)
        for (index, (symbol, text)) in zip(symbols, texts).enumerated() where !text.isEmpty {
            let metrics = lines[symbol.lineIndex] ?? LineMetrics(em: Double(max(symbol.line.height, 1)) * 1.1, middle: nil)
            let previous = index > 0 && symbols[index - 1].lineIndex == symbol.lineIndex ? symbols[index - 1] : nil
            let next = index + 1 < symbols.count && symbols[index + 1].lineIndex == symbol.lineIndex
                ? symbols[index + 1] : nil
            var left = Double(symbol.box.x0), right = Double(max(symbol.box.x1, symbol.box.x0 + 1))
            if isCJK(text) {
                // A CJK character is its em across, centred on its ink, as
                // a font's glyph is: ink-tight boxes leave gaps inside a
                // word that read as letter spacing and hide a column's
                // gutter. It does not reach over its neighbours' ink.
                let centre = Double(symbol.box.x0 + symbol.box.x1) / 2
                left = min(left, centre - metrics.em / 2)
                right = max(right, centre + metrics.em / 2)
                if let previous, previous.box.x1 <= symbol.box.x0 { left = max(left, Double(previous.box.x1)) }
                if let next, next.box.x0 >= symbol.box.x1 { right = min(right, Double(next.box.x0)) }
            } else if let next, next.word == symbol.word, Double(next.box.x0) > right {
                // Inside a word the letters touch: the gap before a narrow
                // letter (the I of CITY) would read as a space. Between
                // words the gap stays, and decides the space as in a PDF.
                right = Double(next.box.x0)
            }
            // Boxes of one line that overlap (a % over the characters after
            // it): a symbol ends where the next begins.
            if let next, next.box.x0 > symbol.box.x0, Double(next.box.x0) < right { right = Double(next.box.x0) }
            // Down, the em box centred on the line's ink; a symbol of a line
            // that holds two rows (Tesseract wove a spaced-out heading into
            // the line below it), or one outside its line, on its own ink.
            let inside = min(symbol.box.y1, symbol.line.y1) - max(symbol.box.y0, symbol.line.y0)
            let own = metrics.middle == nil || inside * 2 < symbol.box.height
            let middle = own ? woven[index] ?? Double(symbol.box.y0 + symbol.box.y1) / 2 : metrics.middle!
            let size = (metrics.em * scale * 10).rounded() / 10
            glyphs.append(Glyph(
                text: text,
                box: Rect(x0: left * scale, y0: middle * scale - size / 2, x1: right * scale, y1: middle * scale + size / 2),
                font: 0, size: size, ocrConfidence: symbol.confidence))
        }
        return glyphs
    }

    /// The em and the middle of one Tesseract line, in pixels, from its
    /// symbols' ink (boxes moved in to their ink by the engine).
    struct LineMetrics {
        /// A CJK character's ink is about nine tenths of its em; a line
        /// without one takes its box's height as the ink (digits, Latin).
        var em: Double
        /// The median middle of its CJK characters' ink (of its box, for a
        /// line without one); nil for a line whose box holds two rows (half
        /// as tall again as its characters): its symbols go by their own ink.
        var middle: Double?

        static func of(_ symbols: [OCRSymbol], texts: [String]) -> [Int: LineMetrics] {
            var members: [Int: [Int]] = [:]
            for index in symbols.indices where !texts[index].isEmpty { members[symbols[index].lineIndex, default: []].append(index) }
            return members.mapValues { indices in
                let line = symbols[indices[0]].line
                let wide = indices.filter { isCJK(texts[$0]) && symbols[$0].box.height * 3 > symbols[$0].box.width }
                guard !wide.isEmpty else {
                    return LineMetrics(em: Double(max(line.height, 1)) * 1.1, middle: Double(line.y0 + line.y1) / 2)
                }
                let heights = wide.map { symbols[$0].box.height }.sorted()
                let ink = Double(heights[heights.count / 2])
                let middles = wide.map { Double(symbols[$0].box.y0 + symbols[$0].box.y1) / 2 }.sorted()
                let woven = Double(line.height) > 1.5 * ink
                return LineMetrics(em: ink * 1.1, middle: woven ? nil : middles[middles.count / 2])
            }
        }
    }

    /// The symbol's text without spaces of any kind (an ideographic space,
    /// a space Tesseract put inside a "symbol").
    public static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars where !(u.properties.isWhitespace || u.value == 0x200B || u.value == 0x3000) {
            out.append(u)
        }
        return String(out)
    }

    /// CJK punctuation Tesseract gives as ASCII: ASCII → full-width form.
    static let fullWidth: [String: String] = [",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"]

    /// The text of symbol `index`, its ASCII punctuation set full-width when
    /// the character it belongs to is CJK: the one before it for `,:;!?)`,
    /// the one after it for `(`, on the same line.
    static func fullWidthPunctuation(_ texts: [String], at index: Int, symbols: [OCRSymbol]) -> String {
        let text = texts[index]
        guard let wide = fullWidth[text] else { return text }
        let line = symbols[index].lineIndex
        func neighbour(_ step: Int) -> String? {
            var i = index + step
            while i >= 0, i < texts.count, symbols[i].lineIndex == line {
                if !texts[i].isEmpty { return texts[i] }
                i += step
            }
            return nil
        }
        let before = neighbour(-1), after = neighbour(1)
        let decisive = text == "(" ? after : before
        if let decisive, isCJK(decisive) { return wide }
        // 「2018 世界花博)」: a closing bracket after a digit closes a CJK
        // opening bracket earlier on the line.
        if text == ")" {
            var i = index - 1
            while i >= 0, symbols[i].lineIndex == line {
                if texts[i] == "（" { return wide }
                if texts[i] == "(" { return text }
                i -= 1
            }
        }
        if text == "(", before.map(isCJK) == true, after.map(isCJK) != true, after != nil { return wide }
        return text
    }

    /// The ideographic full stop, which the English model reads as a
    /// letter o (志願服務之推動 o 主管機關): a word of one `o`, `O` or `°`
    /// after a CJK character of its line, and before another or the line's
    /// end, is `。`.
    static func fullStops(_ texts: inout [String], symbols: [OCRSymbol]) {
        for index in texts.indices where ["o", "O", "°"].contains(texts[index]) {
            let symbol = symbols[index]
            let alone = (index == 0 || symbols[index - 1].word != symbol.word)
                && (index + 1 == symbols.count || symbols[index + 1].word != symbol.word)
            guard alone, index > 0, symbols[index - 1].lineIndex == symbol.lineIndex, isCJK(texts[index - 1]) else { continue }
            let next = index + 1 < symbols.count && symbols[index + 1].lineIndex == symbol.lineIndex ? texts[index + 1] : nil
            if next.map(isCJK) ?? true { texts[index] = "。" }
        }
    }

    /// Quotation marks Tesseract reads in the strokes of the character
    /// beside them (經濟部國際貿易署“中華民國: the “ inside 中's ink) are none:
    /// a quote whose box lies mostly inside a neighbouring CJK character's
    /// of its line is dropped.
    static func quotesInsideCharacters(_ texts: inout [String], symbols: [OCRSymbol]) {
        let quotes: Set<String> = ["“", "”", "‘", "’", "\"", "'", "「", "」"]
        for index in texts.indices where quotes.contains(texts[index]) {
            let q = symbols[index].box
            let area = max(q.width, 0) * max(q.height, 0)
            guard area > 0 else { continue }
            for n in [index - 1, index + 1] where n >= 0 && n < symbols.count && symbols[n].lineIndex == symbols[index].lineIndex
                && isCJK(texts[n]) && !quotes.contains(texts[n]) {
                let b = symbols[n].box
                let ox = min(q.x1, b.x1) - max(q.x0, b.x0), oy = min(q.y1, b.y1) - max(q.y0, b.y0)
                if ox > 0, oy > 0, ox * oy * 5 >= area * 4 {
                    texts[index] = ""
                    break
                }
            }
        }
    }

    /// The continuation mark of a table's caption on the pages it goes on
    /// (派員出國計畫預算類別表（續）), its dense 續 read as another ideograph
    /// (疆 at 91): an unsure ideograph alone in brackets at the end of a
    /// line of at least three ideographs is 續, unless it numbers the
    /// caption (（一）, （甲）, （上）: a table in parts, not continued).
    static func continuationMarks(_ texts: inout [String], symbols: [OCRSymbol]) {
        var start = 0
        while start < texts.count {
            var end = start
            while end < texts.count, symbols[end].lineIndex == symbols[start].lineIndex { end += 1 }
            let indices = (start..<end).filter { !texts[$0].isEmpty }
            start = end
            guard indices.count >= 6 else { continue }
            let close = indices[indices.count - 1], mark = indices[indices.count - 2], open = indices[indices.count - 3]
            guard ["(", "（"].contains(texts[open]), [")", "）"].contains(texts[close]), texts[mark] != "續",
                  symbols[mark].confidence < vocabularyConfidence,
                  isIdeograph(texts[mark].unicodeScalars), !partNumbers.contains(texts[mark]) else { continue }
            let ideographs = indices.dropLast(3).filter { texts[$0].unicodeScalars.first?.properties.isIdeographic == true }
            if ideographs.count >= 3 { texts[mark] = "續" }
        }
    }

    /// What numbers a table's parts in brackets after its caption, or marks
    /// a draft (澎湖縣政府函（稿）).
    static let partNumbers: Set<String> = Set("一二三四五六七八九十壹貳參肆伍陸柒捌玖拾甲乙丙丁戊己庚辛壬癸上中下附總稿".map(String.init))

    /// An entry's number read as letters (Ol 赴日本考察… for 01): a word of
    /// two to four symbols, each a digit or one of O o l I, with an O or o
    /// and a digit, l or I, before a CJK character of its line, is digits.
    static func itemNumbers(_ texts: inout [String], symbols: [OCRSymbol]) {
        let letters: [String: String] = ["O": "0", "o": "0", "l": "1", "I": "1"]
        var start = 0
        while start < texts.count {
            var end = start + 1
            while end < texts.count, symbols[end].word == symbols[start].word, symbols[end].lineIndex == symbols[start].lineIndex {
                end += 1
            }
            let word = (start..<end).filter { !texts[$0].isEmpty }
            let next = end < texts.count && symbols[end].lineIndex == symbols[start].lineIndex ? texts[end] : nil
            if (2...4).contains(word.count), next.map(isCJK) == true,
               word.allSatisfy({ letters[texts[$0]] != nil || (texts[$0].count == 1 && texts[$0].first!.isASCII && texts[$0].first!.isNumber) }),
               word.contains(where: { texts[$0] == "O" || texts[$0] == "o" }),
               word.contains(where: { texts[$0] != "O" && texts[$0] != "o" }) {
                for i in word { texts[i] = letters[texts[i]] ?? texts[i] }
            }
            start = end
        }
    }

    /// The same ink read twice (Tesseract's lines of one cell overlapping:
    /// 通運輸 and 交通 over one 通; 交 cut into 交 over 父): a symbol whose ink
    /// box and a kept one's of another line cover half of each other, or
    /// that shares its width with it and makes one square with it, is
    /// dropped, the surer reading kept.
    static func readTwice(_ texts: inout [String], symbols: [OCRSymbol]) {
        let order = symbols.indices.filter { !texts[$0].isEmpty }.sorted {
            (symbols[$0].confidence, -$0) > (symbols[$1].confidence, -$1)
        }
        var kept: [Int] = []
        for i in order {
            let a = symbols[i].box
            let areaA = max(a.width, 0) * max(a.height, 0)
            let twice = areaA > 0 && kept.contains { j in
                let b = symbols[j].box
                let areaB = max(b.width, 0) * max(b.height, 0)
                let ox = min(a.x1, b.x1) - max(a.x0, b.x0), oy = min(a.y1, b.y1) - max(a.y0, b.y0)
                guard ox > 0, oy > 0, areaB > 0, symbols[i].lineIndex != symbols[j].lineIndex else { return false }
                let overlap = ox * oy
                if overlap * 2 >= areaA && overlap * 2 >= areaB { return true }
                // A character cut across in two (交 read as 交 over 父): the
                // two share their width and together are one square.
                let unionHeight = max(a.y1, b.y1) - min(a.y0, b.y0), unionWidth = max(a.x1, b.x1) - min(a.x0, b.x0)
                return ox * 5 >= a.width * 4 && ox * 5 >= b.width * 4 && unionHeight * 5 <= unionWidth * 6
                    && CharacterClass.isWide(texts[i].unicodeScalars.first?.value ?? 0)
            }
            if twice { texts[i] = "" } else { kept.append(i) }
        }
    }

    /// A dash read as the ideograph 一 (a table cell's "-" for none): a 一,
    /// ー or — alone on its line whose ink is less than six tenths of the
    /// line's em across (一 spans the em) is a hyphen-minus.
    static func dashes(_ texts: inout [String], symbols: [OCRSymbol], lines: [Int: LineMetrics]) {
        var perLine: [Int: Int] = [:]
        for index in texts.indices where !texts[index].isEmpty { perLine[symbols[index].lineIndex, default: 0] += 1 }
        for index in texts.indices where ["一", "ー", "—"].contains(texts[index]) {
            let symbol = symbols[index]
            guard let em = lines[symbol.lineIndex]?.em, Double(symbol.box.width) < 0.6 * em else { continue }
            if perLine[symbol.lineIndex] == 1 { texts[index] = "-" }
        }
    }

    /// The separator of a time range (07:00~11:00, schedules and agendas),
    /// which Tesseract reads as 7, ° or an ideograph: set back to `~` where
    /// a time stands on either side of it in the same visual row.
    ///
    /// Rows, not Tesseract's lines: in an unruled schedule Tesseract's
    /// layout analysis cuts the time column at its colons (12: | 00~13: |
    /// 00, each piece a line of its own). The characters of a row are read
    /// left to right, and a range counts only where no gap inside it is
    /// wider than the row's height (times in two columns are no range).
    static func timeRangeSeparators(_ texts: inout [String], symbols: [OCRSymbol]) {
        for row in visualRows(symbols) {
            // The row's one-character symbols, as a string with their indices.
            let indices = row.filter { texts[$0].count == 1 }
            let characters = indices.map { Character(texts[$0]) }
            var i = 0
            while i + 9 <= characters.count {
                if let (separator, end) = timeRange(characters, at: i),
                   tight(indices[i..<end].map { symbols[$0].box }) {
                    if characters[separator] != "~" { texts[indices[separator]] = "~" }
                    i = separator + 1
                } else {
                    i += 1
                }
            }
        }
    }

    /// True when no gap between consecutive boxes (left to right) is wider
    /// than the tallest of them.
    static func tight(_ boxes: [PixelBox]) -> Bool {
        let height = boxes.map(\.height).max() ?? 0
        return zip(boxes, boxes.dropFirst()).allSatisfy { $1.x0 - $0.x1 <= height }
    }

    /// The symbols (indices) in visual rows, top to bottom, each left to
    /// right: a symbol joins the row whose span down overlaps its own by
    /// half the smaller height (the symbol's box; its Tesseract line's
    /// box may be far taller).
    public static func visualRows(_ symbols: [OCRSymbol]) -> [[Int]] {
        var rows: [(top: Int, bottom: Int, members: [Int])] = []
        for index in symbols.indices.sorted(by: { symbols[$0].box.y0 + symbols[$0].box.y1 < symbols[$1].box.y0 + symbols[$1].box.y1 }) {
            let box = symbols[index].box
            let height = max(box.height, 1)
            if let r = rows.indices.last(where: { r in
                min(rows[r].bottom, box.y1) - max(rows[r].top, box.y0) >= min(height, rows[r].bottom - rows[r].top) / 2
            }) {
                rows[r].members.append(index)
                rows[r].top = min(rows[r].top, box.y0)
                rows[r].bottom = max(rows[r].bottom, box.y1)
            } else {
                rows.append((box.y0, box.y1, [index]))
            }
        }
        return rows.map { row in row.members.sorted { (symbols[$0].box.x0, $0) < (symbols[$1].box.x0, $1) } }
    }

    /// When a time range h:mm?hh:mm or hh:mm?hh:mm starts at `i`, the
    /// index of its separator and the index after the range.
    static func timeRange(_ c: [Character], at i: Int) -> (separator: Int, end: Int)? {
        func time(_ j: Int) -> Int? {  // the index after a time h:mm or hh:mm starting at j
            guard j < c.count, c[j].isASCII, c[j].isNumber else { return nil }
            var k = j + 1
            if k < c.count, c[k].isASCII, c[k].isNumber { k += 1 }
            guard k + 2 < c.count, c[k] == ":", c[k + 1].isASCII, c[k + 1].isNumber, c[k + 2].isASCII, c[k + 2].isNumber
            else { return nil }
            return k + 3
        }
        guard i == 0 || !(c[i - 1].isASCII && c[i - 1].isNumber), let after = time(i), after < c.count,
              ["7", "°", "~", "～", "一", "—", "–", "之"].contains(c[after]), let end = time(after + 1) else { return nil }
        return (after, end)
    }

    /// Below this confidence a character of a label may be set back to
    /// the vocabulary's (Tesseract's sure characters score 97–100; its
    /// confusions of one ideograph for another, 稱 → 般, score lower).
    public static let vocabularyConfidence = 95.0

    /// A label of `LabelVocabulary` misread by one ideograph of low
    /// confidence, set back: where a Tesseract line is the label alone (a
    /// header cell, at most two characters more) or starts with it and a
    /// colon (計畫名稱：…), and exactly one character differs, both
    /// ideographs, recognised below `vocabularyConfidence`. A line that
    /// already holds a vocabulary word there, or that could be set back to
    /// two different words, is left alone.
    static func vocabularyCorrections(_ texts: inout [String], symbols: [OCRSymbol],
                                      vocabulary: Set<String> = LabelVocabulary.words) {
        var start = 0
        while start < texts.count {
            var end = start
            while end < texts.count, symbols[end].lineIndex == symbols[start].lineIndex { end += 1 }
            let indices = (start..<end).filter { !texts[$0].isEmpty }
            if indices.allSatisfy({ texts[$0].count == 1 }) {
                let characters = indices.map { Character(texts[$0]) }
                for (position, word) in vocabularyCorrection(characters, confidences: indices.map { symbols[$0].confidence },
                                                             vocabulary: vocabulary) {
                    texts[indices[position]] = String(word)
                }
            }
            start = end
        }
    }

    /// The corrections (position in `line`, the vocabulary's character) of
    /// one line's characters; see `vocabularyCorrections`.
    public static func vocabularyCorrection(_ line: [Character], confidences: [Double],
                                            vocabulary: Set<String> = LabelVocabulary.words) -> [(Int, Character)] {
        var found: [Int: Set<Character>] = [:]
        for word in vocabulary {
            let w = Array(word)
            guard w.count >= 3, w.count <= line.count else { continue }
            var windows: [Int] = []
            if line.count <= w.count + 2 { windows = Array(0...(line.count - w.count)) }
            if line.count > w.count, line[w.count] == "：" || line[w.count] == ":" { windows.append(0) }
            for at in Set(windows) {
                let window = Array(line[at..<(at + w.count)])
                guard !vocabulary.contains(String(window)) else { continue }
                let differing = (0..<w.count).filter { window[$0] != w[$0] }
                guard differing.count == 1, let k = differing.first, confidences[at + k] < vocabularyConfidence,
                      isIdeograph(window[k].unicodeScalars), isIdeograph(w[k].unicodeScalars) else { continue }
                found[at + k, default: []].insert(w[k])
            }
        }
        return found.compactMap { position, characters in
            characters.count == 1 ? (position, characters.first!) : nil
        }.sorted { $0.0 < $1.0 }
    }

    /// True when the text's first character is a CJK ideograph, kana,
    /// bopomofo or CJK / full-width punctuation.
    /// One character that is an ideograph (檢, 續; not ： nor a letter).
    static func isIdeograph(_ scalars: String.UnicodeScalarView) -> Bool {
        scalars.count == 1 && scalars.first!.properties.isIdeographic
    }

    public static func isCJK(_ text: String) -> Bool {
        guard let v = text.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0x20000...0x3FFFF).contains(v)
    }
}
