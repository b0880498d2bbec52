// The GazetteNormalise stage: values printed in forms no general library
// reads (ROC dates, Chinese numerals, 萬-grouped amounts, 上午/下午 times,
// letter-spaced CJK text) turned into plain values, strictly. A value the
// grammar is not sure of is rejected with a reason, never guessed.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a text is not a valid value of the kind asked for (or why the kind is
/// unknown); its message is meant for people (CLI output, warnings).
public struct NormaliseError: Error, LocalizedError, Hashable, Sendable {
    /// The kind of value that was asked for ("date", "number", ...).
    public let kind: String
    /// The text as given.
    public let text: String
    /// Why it was rejected, in a short phrase.
    public let reason: String

    public init(kind: String, text: String, reason: String) {
        self.kind = kind
        self.text = text
        self.reason = reason
    }

    public var errorDescription: String? {
        if kind.isEmpty { return reason }
        return "“\(text)” is not a valid \(kind): \(reason)"
    }
}

/// A rejection reason inside the grammars, before the text and kind are known.
struct Rejection: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
