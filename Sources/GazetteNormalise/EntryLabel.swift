/// The label an entry starts with: a row of a table or an item of a list
/// that begins with its article or item number. The tables stage's one
/// grammar of them, for the rows of an unruled body (`RowSplitter`) and for
/// the rows a page break cut (`TableAssembler`). Its numerals are the
/// outline grammar's (`OutlineMarker`): one to three digits, ASCII or
/// full-width, and Chinese numerals.
///
/// - An article: 第三條, 第 12 條, 第１２條, 第十條之一 (its number: 3, 12, 12,
///   10); spaces around the numeral do not matter.
/// - An item number: one to three digits, not 0, set apart from what
///   follows by a space (01 赴日本考察), by 、 (3、辦理) or by a full stop
///   (12.出國開會, 2．訪問). Not a year, an amount or a figure: 2025 計畫
///   (four digits), 114年 and 3 人 (a unit follows), 1,234, 114.08 and 1.5億
///   (a digit after the delimiter), 3D列印 (nothing sets it apart), a number
///   alone.
///
/// Text as read from a page, folded or not (full-width digits, ⼗ for 十).
/// A space in it stands for any gap that sets the number apart; a stage
/// that has glyphs rather than text says where they stand apart with one.
public enum EntryLabel: Hashable, Sendable {
    case article(Int)
    case item(Int)

    /// The article's or the item's number.
    public var number: Int {
        switch self {
        case .article(let n), .item(let n): n
        }
    }

    /// The number of an article label, nil for an item number.
    public var article: Int? {
        if case .article(let n) = self { return n }
        return nil
    }

    /// The number of an item label, nil for an article.
    public var item: Int? {
        if case .item(let n) = self { return n }
        return nil
    }

    /// The label `text` starts with (no space before it), or nil.
    public static func parse(_ text: String) -> EntryLabel? {
        // The first 16 scalars, folded (full-width digits, radicals), on the stack.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 16) { buffer in
            var count = 0
            for u in text.unicodeScalars {
                buffer[count] = TextFolder.foldedScalar(u)
                count += 1
                if count == 16 { break }
            }
            return parseScalars(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Units that make a number before them a figure (114 年, 3 人, 5%).
    static let units: Set<Unicode.Scalar> = Set("年月日時分元人件天次個項％%".unicodeScalars)

    static func parseScalars(_ s: OutlineMarker.Scalars) -> EntryLabel? {
        guard let first = s.first else { return nil }
        if first == "第" {
            // 第 numeral 條: the numeral Chinese or in digits.
            let i = OutlineMarker.skipSpaces(s, 1)
            guard let r = OutlineMarker.numeral(s, i), r.kind == .chinese || r.kind == .arabic else { return nil }
            let j = OutlineMarker.skipSpaces(s, r.end)
            return j < s.count && s[j] == "條" ? .article(r.value) : nil
        }
        guard let r = OutlineMarker.numeral(s, 0), r.kind == .arabic, r.value > 0 else { return nil }
        let j = OutlineMarker.skipSpaces(s, r.end)
        guard j < s.count else { return nil }
        let next = s[j]
        if units.contains(next) { return nil }
        if next == "、" || next == "." || next == "．" {
            // 114.08, 1.5, 1、2: a digit right after it makes a figure or a list of them.
            if j + 1 < s.count, OutlineMarker.isDigit(s[j + 1].value) != nil { return nil }
            return .item(r.value)
        }
        return j > r.end ? .item(r.value) : nil
    }
}
