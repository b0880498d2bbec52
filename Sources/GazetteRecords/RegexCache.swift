import Foundation

/// Regular expressions compiled once per pattern and kept: the readers test
/// every header and many cells against a few dozen patterns, and compiling
/// a pattern costs far more than matching it.
enum RegexCache {
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]
    private static let lock = NSLock()

    static func regex(_ pattern: String) -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let r = compiled[pattern] { return r }
        // The patterns are literals of this module: one that does not compile is a bug.
        let r = try! NSRegularExpression(pattern: pattern)
        compiled[pattern] = r
        return r
    }
}

extension String {
    /// The first (or, `backwards`, the last) match of the ICU regular
    /// expression `pattern`, within `range` when given.
    func regexRange(_ pattern: String, backwards: Bool = false, in range: Range<String.Index>? = nil)
        -> Range<String.Index>? {
        let regex = RegexCache.regex(pattern)
        let searched = NSRange(range ?? startIndex..<endIndex, in: self)
        if backwards {
            return regex.matches(in: self, range: searched).last.flatMap { Range($0.range, in: self) }
        }
        return regex.firstMatch(in: self, range: searched).flatMap { Range($0.range, in: self) }
    }

    /// The text with every match of `pattern` replaced by `template` ($1 … refer to groups).
    func regexReplacing(_ pattern: String, with template: String) -> String {
        RegexCache.regex(pattern).stringByReplacingMatches(
            in: self, range: NSRange(startIndex..<endIndex, in: self), withTemplate: template)
    }
}
