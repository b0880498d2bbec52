import Foundation

/// The label of a printed `label：value` pair (日期：中華民國100年1月12日,
/// 地　目：建, 交換類別:第一類): at the start of a text, one to sixteen Han
/// characters (letter-spaced or not) and a colon, full-width or not. The
/// grammar of the key–value forms read from running text (the head of a
/// meeting record, a letter's 受文者 / 發文日期 / 主旨, an exam paper's
/// 類別 / 科目) and from tables.
///
/// Not labels: a clock time (10:30), a numbered heading (一、說明：… starts
/// with its number), text in parentheses (主席（許議長崑源）：, a speaker).
public enum FieldLabel {
    static let pattern = #"^[\s　]*(\p{Han}(?:[\s　]*\p{Han}){0,15})[\s　]*[：:][\s　]*"#

    /// The label (spaces left out) and the value after the colon (trimmed,
    /// possibly empty), or nil when the text does not start with a label.
    public static func split(_ text: String) -> (label: String, value: String)? {
        guard let r = text.regexRange(pattern) else { return nil }
        let head = text[r]
        guard let colon = head.lastIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = CharacterClass.removingSpaces(String(head[..<colon]))
        let value = String(text[r.upperBound...]).trimmingSpaces()
        return (label, value)
    }
}
