import Foundation
import GazetteNormalise

/// Small text helpers shared by the recognisers.
enum TextTools {
    /// Trimmed text, nil when empty.
    static func nonEmpty(_ text: String?) -> String? {
        guard let t = text?.trimmingSpaces(), !t.isEmpty else { return nil }
        return t
    }

    /// A cell that says "nothing": empty, a dash, 無, 不適用.
    static func isBlank(_ cell: String) -> Bool {
        // Most cells hold more than a few characters: not blank words.
        if cell.utf8.count > 24 { return false }
        let t = CharacterClass.removingSpaces(cell)
        return t.isEmpty || CellFigure.dashes.contains(t) || ["…", "/", "無", "NA", "N/A", "不適用", "x", "X", "*"].contains(t)
    }

    /// A row that sums others: 合計, 總計, 小計, 總額.
    static func isTotalLabel(_ text: String) -> Bool {
        let t = CharacterClass.removingSpaces(text)
        return ["合計", "總計", "小計", "總額", "共計", "總和", "Total", "TOTAL"].contains(t) || t.hasSuffix("合計")
            || t.hasSuffix("總計") || t.hasSuffix("小計")
    }

    /// The enumeration label a heading or item starts with (壹、 一、 （一）
    /// (一) 1、 1. （1） (1) ①), its style, and the text after it: the
    /// numbering grammar of `OutlineMarker`, for the styles that number
    /// headings and items in running text (not 甲、, A. or 第一章).
    static func label(of text: String) -> (style: OutlineStyle, rest: String)? {
        guard OutlineMarker.mayStartWithMarker(text.trimmingSpaces()),
              let (marker, rest) = OutlineMarker.parse(text), itemStyles.contains(marker.style) else { return nil }
        // Items are numbered 1 to 99, never 0-led: 123、456 is a list of
        // figures and (03)476-8216 a telephone number.
        if marker.style == .arabic || marker.style == .parenArabic {
            let digits = marker.text.unicodeScalars.filter { CharacterClass.isDigit($0.value) }
            if marker.number > 99 || digits.first.map({ $0 == "0" || $0 == "０" }) == true { return nil }
        }
        // （一）、: the comma after a parenthesised label belongs to the label.
        var after = Substring(rest)
        if marker.style == .parenChinese || marker.style == .parenArabic, after.first == "、" { after = after.dropFirst() }
        return (marker.style, after.trimmingSpaces())
    }

    /// The label styles of headings and items in running text.
    static let itemStyles: Set<OutlineStyle> = [.financial, .chinese, .parenChinese, .arabic, .parenArabic, .circled]

    /// A line that reads like a heading: a label and a short text without
    /// a full stop.
    static func isHeading(_ text: String) -> Bool {
        guard let (_, rest) = label(of: text) else { return false }
        return !rest.isEmpty && rest.count <= 40 && !rest.includes("。")
    }

    /// The integer a cell holds (項次 "1", "12"), or nil.
    static func integer(_ cell: String) -> Int? {
        let t = CharacterClass.removingSpaces(cell)
        if let n = Int(t) { return n }
        if let q = NumberParser.parse(t), q.unit == nil, let v = q.value.integerValue { return Int(v) }
        return nil
    }
}
