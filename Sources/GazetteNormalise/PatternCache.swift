import Foundation

/// The one pattern cache of the pipeline: regular expressions (ICU syntax)
/// compiled once per pattern and kept. The records readers test every
/// header and many cells against a few dozen patterns, the tables stage
/// every line above a table against its caption patterns; compiling a
/// pattern costs far more than matching it.
public enum PatternCache {
    /// A pattern as matched: most of ours are a list of words to match a
    /// whole string exactly (`^(提案名稱|案名)$`), which a set does faster
    /// than any regex engine.
    public enum Matcher: @unchecked Sendable {
        case words(Set<String>)
        case regex(NSRegularExpression)
    }

    nonisolated(unsafe) private static var compiled: [String: Matcher] = [:]
    private static let lock = NSLock()

    public static func matcher(_ pattern: String) -> Matcher {
        lock.lock()
        defer { lock.unlock() }
        if let m = compiled[pattern] { return m }
        let m: Matcher
        if let words = literalWords(pattern) {
            m = .words(words)
        } else {
            // The patterns are literals of our stages: one that does not compile is a bug.
            m = .regex(try! NSRegularExpression(pattern: pattern))
        }
        compiled[pattern] = m
        return m
    }

    public static func regex(_ pattern: String) -> NSRegularExpression {
        switch matcher(pattern) {
        case .regex(let r): return r
        case .words: return try! NSRegularExpression(pattern: pattern)
        }
    }

    /// The words of `^(a|b|c)$` (or `^a$`) when they hold no regex syntax.
    static func literalWords(_ pattern: String) -> Set<String>? {
        var body = Substring(pattern)
        guard body.hasPrefix("^"), body.hasSuffix("$") else { return nil }
        body = body.dropFirst().dropLast()
        if body.hasPrefix("("), body.hasSuffix(")") { body = body.dropFirst().dropLast() }
        let special = Set("\\^$.|?*+()[]{}")
        let words = body.split(separator: "|", omittingEmptySubsequences: false)
        guard !words.isEmpty, words.allSatisfy({ w in !w.isEmpty && !w.contains(where: { special.contains($0) }) }) else {
            return nil
        }
        return Set(words.map(String.init))
    }
}

extension String {
    /// True when the ICU regular expression `pattern` matches somewhere in the text.
    public func matches(pattern: String) -> Bool { regexRange(pattern) != nil }

    /// The first (or, `backwards`, the last) match of the ICU regular
    /// expression `pattern`, within `range` when given.
    public func regexRange(_ pattern: String, backwards: Bool = false, in range: Range<String.Index>? = nil)
        -> Range<String.Index>? {
        let regex: NSRegularExpression
        switch PatternCache.matcher(pattern) {
        case .words(let words):
            let searched = range ?? startIndex..<endIndex
            return words.contains(String(self[searched])) ? searched : nil
        case .regex(let r):
            regex = r
        }
        let searched = NSRange(range ?? startIndex..<endIndex, in: self)
        if backwards {
            return regex.matches(in: self, range: searched).last.flatMap { Range($0.range, in: self) }
        }
        return regex.firstMatch(in: self, range: searched).flatMap { Range($0.range, in: self) }
    }

    /// The text with every match of `pattern` replaced by `template` ($1 … refer to groups).
    public func regexReplacing(_ pattern: String, with template: String) -> String {
        PatternCache.regex(pattern).stringByReplacingMatches(
            in: self, range: NSRange(startIndex..<endIndex, in: self), withTemplate: template)
    }
}
