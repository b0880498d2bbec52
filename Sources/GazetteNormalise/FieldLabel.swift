import Foundation

/// The label of a printed `label：value` pair (日期：中華民國100年1月12日,
/// 地　目：建, 交換類別:第一類): at the start of a text, one to sixteen
/// characters of a label (letter-spaced or not) and a colon, full-width or
/// not. The one grammar of the key–value forms read from running text (the
/// head of a meeting record, a letter's 受文者 / 發文日期 / 主旨, an exam
/// paper's 類別 / 科目) and from tables (the tables stage's `KeyValueForm`,
/// a 土地登記謄本's 登記日期：… 登記原因：…; the records stage's boxed forms).
///
/// Not labels: a clock time (10:30), a numbered heading (一、說明：… starts
/// with its number), Latin text (A：B); in running text, text in
/// parentheses (主席（許議長崑源）：, a speaker).
public enum FieldLabel {
    /// What a label is made of.
    public enum Characters: Sendable {
        /// Han characters: running text, where a name in parentheses is a
        /// speaker's (主席（許議長崑源）：).
        case han
        /// Han characters and parentheses: a form's cells, where a label may
        /// hold a word in parentheses (利息（率）：, 權利範圍（持分）：).
        case hanAndParentheses
    }

    static func pattern(_ characters: Characters) -> String {
        let c = characters == .han ? #"\p{Han}"# : #"[\p{Han}（）()]"#
        return #"^[\s　]*("# + c + #"(?:[\s　]*"# + c + #"){0,15})[\s　]*[：:][\s　]*"#
    }

    static let hanPattern = pattern(.han)
    static let formPattern = pattern(.hanAndParentheses)

    /// Whether `text` starts with a label.
    public static func startsWithLabel(_ text: String, characters: Characters = .han) -> Bool {
        mayStartWithLabel(text) && text.matches(pattern: characters == .han ? hanPattern : formPattern)
    }

    /// A condition every label meets, checked before the regular expression
    /// runs (most lines and cells fail it): a colon in the text, and a first
    /// character after the spaces at or above U+2E80 (where Han script and
    /// the full-width parentheses are) or an ASCII parenthesis.
    static func mayStartWithLabel(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !CharacterClass.isSpace($0.value) }),
              first.value >= 0x2E80 || first == "(" || first == ")" else { return false }
        return text.includes("：") || text.includes(":")
    }

    /// The label (spaces left out) and the value after the colon (trimmed,
    /// possibly empty), or nil when the text does not start with a label.
    public static func split(_ text: String, characters: Characters = .han) -> (label: String, value: String)? {
        guard mayStartWithLabel(text),
              let r = text.regexRange(characters == .han ? hanPattern : formPattern) else { return nil }
        let head = text[r]
        guard let colon = head.lastIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = CharacterClass.removingSpaces(String(head[..<colon]))
        let value = String(text[r.upperBound...]).trimmingSpaces()
        return (label, value)
    }

    /// Whether a form's cell is a label standing alone beside the cell of
    /// its value (承辦單位 | 新北市政府主計處 in a ruled budget form): two
    /// to twenty Han characters (parentheses allowed, letter-spaced or not),
    /// no colon, no digit.
    public static func isCellLabel(_ text: String) -> Bool {
        let t = CharacterClass.removingSpaces(text)
        guard (2...20).contains(t.count) else { return false }
        return t.unicodeScalars.allSatisfy { u in
            u.properties.isIdeographic || u == "（" || u == "）" || u == "(" || u == ")"
        }
    }

    /// The numbered pairs of a form's cell: `一、計畫內容：… 二、預期成果：…`,
    /// each an outline number followed by a label and its value, the next
    /// pair starting where the next number of the same style is followed by
    /// a label (numbers of other styles inside a value, 1.一般業務：…, stay
    /// in it). Nil when the text does not start with a numbered label.
    public static func numberedPairs(_ text: String) -> [(label: String, value: String)]? {
        guard let (first, rest) = OutlineMarker.parse(text),
              let (label, value) = split(String(rest), characters: .hanAndParentheses) else { return nil }
        var pairs: [(label: String, value: String)] = []
        var current = (label: label, value: value)
        var number = first.number
        var search = Substring(current.value)
        outer: while true {
            var index = search.startIndex
            while index < search.endIndex {
                let tail = search[index...]
                // A cheap look at the next characters first (a cell may be long).
                if OutlineMarker.mayStartWithMarker(String(tail.prefix(8))),
                   let (marker, head) = OutlineMarker.parse(String(tail.prefix(40))), marker.style == first.style,
                   marker.number == number + 1, startsWithLabel(String(head), characters: .hanAndParentheses),
                   let (_, after) = OutlineMarker.parse(String(tail)),
                   let (nextLabel, nextValue) = split(String(after), characters: .hanAndParentheses) {
                    pairs.append((current.label, String(search[..<index]).trimmingSpaces()))
                    current = (nextLabel, nextValue)
                    number += 1
                    search = Substring(nextValue)
                    continue outer
                }
                index = search.index(after: index)
            }
            break
        }
        pairs.append((current.label, String(search).trimmingSpaces()))
        return pairs
    }
}
