import Foundation
import GazetteNormalise

/// Small text helpers shared by the recognisers.
enum TextTools {
    /// The text without any whitespace (for comparing labels printed with
    /// letter spacing: 機 關 名 稱 = 機關名稱).
    static func squeeze(_ text: String) -> String {
        TextFolder.removingSpaces(text)
    }

    /// Trimmed text, nil when empty.
    static func nonEmpty(_ text: String?) -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// True when `text` matches the regular expression `pattern`.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.regexRange(pattern) != nil
    }

    /// A cell that says "nothing": empty, a dash, 無, 不適用.
    static func isBlank(_ cell: String) -> Bool {
        // Most cells hold more than a few characters: not blank words.
        if cell.utf8.count > 24 { return false }
        let t = squeeze(cell)
        return t.isEmpty || ["-", "－", "—", "–", "─", "--", "―", "…", "/", "無", "NA", "N/A", "不適用", "x", "X", "*"].contains(t)
    }

    /// A row that sums others: 合計, 總計, 小計, 總額.
    static func isTotalLabel(_ text: String) -> Bool {
        let t = squeeze(text)
        return ["合計", "總計", "小計", "總額", "共計", "總和", "Total", "TOTAL"].contains(t) || t.hasSuffix("合計")
            || t.hasSuffix("總計") || t.hasSuffix("小計")
    }

    /// The enumeration label a heading or item starts with (壹、 一、 （一）
    /// (一) 1、 1. （1） (1)), its style, and the text after it.
    static func label(of text: String) -> (style: LabelStyle, rest: String)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        // Most text starts with no label: check the first character first.
        guard let first = t.unicodeScalars.first, labelStarts.contains(first) else { return nil }
        for style in LabelStyle.allCases {
            if let r = t.regexRange(style.pattern) {
                return (style, String(t[r.upperBound...]).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    /// The characters a label can start with.
    static let labelStarts = Set("壹貳參肆伍陸柒捌玖拾一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".unicodeScalars)

    /// How an enumeration label is written; each style is one outline level
    /// in a given document.
    enum LabelStyle: String, CaseIterable, Sendable {
        case heavenly, chinese, parenChinese, arabic, parenArabic, circled

        var pattern: String {
            switch self {
            case .heavenly: return #"^[壹貳參肆伍陸柒捌玖拾]+\s*[、.．]"#
            case .chinese: return #"^[一二三四五六七八九十]+\s*、"#
            case .parenChinese: return #"^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*、?"#
            case .arabic: return #"^[0-9]{1,2}\s*[、.．](?![0-9])"#
            case .parenArabic: return #"^[（(]\s*[0-9]{1,2}\s*[）)]\s*、?"#
            case .circled: return #"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"#
            }
        }
    }

    /// A line that reads like a heading: a label and a short text without
    /// a full stop.
    static func isHeading(_ text: String) -> Bool {
        guard let (_, rest) = label(of: text) else { return false }
        return !rest.isEmpty && rest.count <= 40 && !rest.contains("。")
    }

    /// The integer a cell holds (項次 "1", "12"), or nil.
    static func integer(_ cell: String) -> Int? {
        let t = squeeze(cell)
        if let n = Int(t) { return n }
        if let q = NumberParser.parse(t), q.unit == nil, let v = q.value.integerValue { return Int(v) }
        return nil
    }
}
