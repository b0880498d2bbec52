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
}
