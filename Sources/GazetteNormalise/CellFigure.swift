/// What a table cell holds when it holds a figure, as statistics and budget
/// tables print them: a plain figure (`1,234`, `99.8`, `-3`, `△525` or
/// `(525)` for −525, `12.5%`), or a dash that stands for no figure (`-`,
/// `—`). Spreadsheets store the first as a number, shown as printed
/// (`#,##0`, `0.0%`), and the second as an empty cell.
///
/// A plain figure is one signed number of the number grammar
/// (`NumberParser`) in Arabic digits alone: no counter word, no 萬 or 億,
/// no Chinese numerals, no leading zero (`007` is a code, not seven), and at
/// most 15 significant digits (what a spreadsheet's number keeps exactly).
public enum CellFigure: Hashable, Sendable {
    /// A dash: the table prints nothing here.
    case dash
    /// A figure: its value (for a percentage, the printed number: 12.5 for
    /// 12.5%), how many decimals it is printed with, and whether it is a
    /// percentage.
    case number(NumberValue, decimals: Int, percent: Bool)

    /// The dashes a cell prints for "no figure", as printed (spaces left out).
    public static let dashes: Set<String> = ["-", "－", "—", "–", "─", "--", "―"]

    /// The most significant digits a figure may have.
    static let maxDigits = 15

    /// The figure `cell` holds, or nil when it holds text (or nothing).
    public static func parse(_ cell: String) -> CellFigure? {
        try? validate(cell)
    }

    /// The figure `cell` holds, or an error saying why it holds none.
    public static func validate(_ cell: String) throws(NormaliseError) -> CellFigure {
        if cell.utf8.count <= 6, dashes.contains(CharacterClass.removingSpaces(cell)) { return .dash }
        func reject(_ reason: String) -> NormaliseError { NormaliseError(kind: "figure", text: cell, reason: reason) }
        // Most cells are text: told apart before folding.
        if cell.utf8.count > 96 { throw reject("too long for a figure") }
        if !cell.unicodeScalars.contains(where: { CharacterClass.isDigit($0.value) }) {
            throw reject(CharacterClass.isBlank(cell) ? "empty cell" : "no digits")
        }
        let t = GrammarText(TextFolder.fold(cell))
        let start = t.skipSpaces(0)
        guard start < t.count else { throw reject("empty cell") }
        switch NumberParser.parseSigned(t, from: start, arabicOnly: true) {
        case .failure(let rejection):
            throw reject(rejection.reason)
        case .success(let (value, percent, end)):
            let rest = t.skipSpaces(end)
            if rest != t.count { throw reject("“\(t.string(rest..<t.count))” is not part of a figure") }
            // The digits as printed: the first run, and what follows a point.
            guard let first = (start..<end).first(where: { GrammarText.isDigit(t[$0]) }) else { throw reject("no digits") }
            if t[first] == 0x30 && GrammarText.isDigit(t[first + 1]) { throw reject("a leading zero (a code, not a figure)") }
            var decimals = 0
            if let point = (first..<end).first(where: { t[$0] == 0x2E }) {
                decimals = t.digitRunEnd(point + 1) - (point + 1)
            }
            let digits = (first..<end).filter { GrammarText.isDigit(t[$0]) }.count
            if digits > maxDigits { throw reject("more than \(maxDigits) digits") }
            return .number(value, decimals: decimals, percent: percent)
        }
    }
}
