import Foundation

/// The names of a workbook's sheets, as spreadsheet programs accept them:
/// at most 31 characters (UTF-16 code units, as Excel counts), none of
/// `[ ] : * ? / \`, not starting or ending with an apostrophe, not empty,
/// not "History" (Excel keeps it), and unique without regard to case (Excel
/// takes `Trip` and `trip` for one sheet). A name already taken gets ` (2)`,
/// ` (3)` … with its stem shortened to fit.
public struct SheetNames: Sendable {
    /// The longest name a sheet may have.
    public static let maxLength = 31
    /// Characters no sheet name may hold; each becomes `_`.
    public static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    private var taken: Set<String> = []

    public init() {}

    /// A free name made from `wanted` (or from `fallback` when nothing of
    /// `wanted` is left after cleaning), reserved from now on.
    public mutating func claim(_ wanted: String, fallback: String = "Sheet") -> String {
        var stem = Self.clean(wanted)
        if stem.isEmpty { stem = Self.clean(fallback) }
        if stem.isEmpty { stem = "Sheet" }
        var name = Self.truncated(stem, to: Self.maxLength)
        var n = 1
        while taken.contains(Self.key(name)) || Self.key(name) == "history" {
            n += 1
            let suffix = " (\(n))"
            name = Self.truncated(stem, to: Self.maxLength - suffix.utf16.count) + suffix
        }
        taken.insert(Self.key(name))
        return name
    }

    /// Whether `name` is taken (without regard to case).
    public func isTaken(_ name: String) -> Bool { taken.contains(Self.key(name)) }

    /// How names compare: without regard to case.
    static func key(_ name: String) -> String { name.lowercased() }

    /// Forbidden characters replaced, control characters and line breaks
    /// made spaces, runs of spaces made one, apostrophes and spaces trimmed
    /// from both ends.
    static func clean(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for ch in text {
            var c = ch
            if forbidden.contains(c) { c = "_" }
            if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) || c.isWhitespace { c = " " }
            if c == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(c)
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: " '")))
    }

    /// The longest prefix of whole characters that fits in `limit` UTF-16
    /// code units, without a trailing space or apostrophe.
    static func truncated(_ text: String, to limit: Int) -> String {
        var out = ""
        var units = 0
        for ch in text {
            let n = ch.utf16.count
            if units + n > limit { break }
            out.append(ch)
            units += n
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: " '")))
    }
}
