import Foundation
import GazetteNormalise
import GazetteTables

/// A table's column labels, squeezed, for finding columns by what their
/// header says rather than where they stand.
struct HeaderMap {
    /// Full labels (header rows joined with "/"), without spaces.
    let labels: [String]
    /// The last part of each label (交通費 of 旅費預算/交通費).
    let leaves: [String]
    /// Columns already given a role.
    private(set) var taken: Set<Int> = []

    init(_ header: [String]) {
        labels = header.map(CharacterClass.removingSpaces)
        leaves = labels.map { label in String(label.split(separator: "/").last ?? Substring(label)) }
    }

    var count: Int { labels.count }

    /// The first free column whose label matches `pattern` and not
    /// `excluding`; marks it taken.
    mutating func take(_ pattern: String, excluding: String? = nil, leafOnly: Bool = false) -> Int? {
        for (c, label) in labels.enumerated() where !taken.contains(c) {
            let text = leafOnly ? leaves[c] : label
            guard text.matches(pattern: pattern) else { continue }
            if let excluding, text.matches(pattern: excluding) { continue }
            taken.insert(c)
            return c
        }
        return nil
    }

    /// Whether any label matches.
    func any(_ pattern: String) -> Bool { labels.contains { $0.matches(pattern: pattern) } }
}

/// Units as tables state them, for records that keep values as printed
/// and for the exports that show a table's unit.
public enum UnitText {
    /// The unit word of a table's unit line (單位：新臺幣千元 → 千元, (百萬元) →
    /// 百萬元, 單位：件 → 件), or nil.
    public static func tableUnitWord(_ unit: String?) -> String? {
        guard let unit, let parsed = TableUnit.parse(unit) ?? TableUnit.find(in: unit) else {
            return unit.flatMap(parenthesised(in:))
        }
        return word(of: parsed)
    }

    /// The unit word of a parsed table unit.
    static func word(of unit: TableUnit) -> String? {
        if unit.currency != nil {
            switch unit.exponent {
            case 0: return "元"
            case 3: return "千元"
            case 4: return "萬元"
            case 6: return "百萬元"
            case 7: return "千萬元"
            case 8: return "億元"
            default: return nil
            }
        }
        return unit.unit
    }

    /// The money unit a table states (table unit line, then its title or
    /// header labels): what a bare figure is multiplied by.
    static func moneyUnit(of table: LogicalTable, column: Int? = nil) -> TableUnit? {
        var texts: [String] = []
        let header = table.header
        if let column, column < header.count { texts.append(header[column]) }
        if let unit = table.unit { texts.append(unit) }
        if let title = table.title { texts.append(title) }
        texts += header
        texts += table.linesAbove.prefix(2)
        for text in texts {
            if let u = TableUnit.parse(text) ?? TableUnit.find(in: text), u.currency != nil { return u }
            if let u = parenthesisedMoney(in: text) { return u }
        }
        // A note beside the table: 表列金額單位為新臺幣千元.
        for text in table.linesAbove.prefix(3) + table.linesBelow.prefix(3) {
            if let u = statedMoney(in: text) { return u }
        }
        return nil
    }

    /// A money unit stated in a sentence: 金額單位為新臺幣千元, 單位：千元.
    static func statedMoney(in text: String) -> TableUnit? {
        let t = CharacterClass.removingSpaces(text)
        guard let r = t.regexRange(#"單位(為|是|:|：)(新臺幣|新台幣)?(元|千元|萬元|百萬元|千萬元|億元)"#)
        else { return nil }
        return exponentUnit(String(t[r]))
    }

    static func exponentUnit(_ inner: String) -> TableUnit {
        let exponent: Int
        if inner.includes("百萬") { exponent = 6 } else if inner.includes("千萬") { exponent = 7 }
        else if inner.includes("千") { exponent = 3 } else if inner.includes("萬") { exponent = 4 }
        else if inner.includes("億") { exponent = 8 } else { exponent = 0 }
        return TableUnit(currency: .TWD, exponent: exponent)
    }

    /// A money unit in parentheses, full- or half-width: （千元）, (百萬元).
    static func parenthesisedMoney(in text: String) -> TableUnit? {
        let t = CharacterClass.removingSpaces(text)
        guard let r = t.regexRange(#"[（(](單位[:：])?(新臺幣|新台幣)?(元|千元|萬元|百萬元|千萬元|億元)[）)]"#)
        else { return nil }
        return exponentUnit(String(t[r]))
    }

    /// Unit words a statistics label may state in parentheses.
    static let statedUnits: Set<String> = [
        "%", "％", "元", "千元", "萬元", "百萬元", "千萬元", "億元", "件", "人", "人次", "次", "場", "場次", "箱", "戶",
        "家", "則", "案", "項", "天", "日", "小時", "公頃", "公噸", "公斤", "噸", "輛", "所", "校", "團", "個", "筆",
    ]

    /// A unit stated in parentheses in a label: 支援縣市（件） → 件.
    static func parenthesised(in text: String) -> String? {
        let t = CharacterClass.removingSpaces(text)
        var search = t.startIndex..<t.endIndex
        while let r = t.regexRange(#"[（(](單位[:：])?(新臺幣|新台幣)?[^（）()]{1,4}[）)]"#, in: search) {
            var inner = String(t[r].dropFirst().dropLast())
            for prefix in ["單位:", "單位：", "新臺幣", "新台幣"] where inner.hasPrefix(prefix) {
                inner.removeFirst(prefix.count)
            }
            if statedUnits.contains(inner) { return inner == "％" ? "%" : inner }
            search = r.upperBound..<t.endIndex
        }
        return nil
    }
}
