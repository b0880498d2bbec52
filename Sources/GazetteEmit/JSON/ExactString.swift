// Code-point-exact string comparison.
//
// Swift's `String ==` and `String.hashValue` follow Unicode canonical equivalence ("é" precomposed
// equals "e" + U+0301). JSON compares strings code point by code point, so JSON values, object keys
// and the validator's key sets compare and hash the UTF-8 bytes instead.

import Foundation

/// True when `a` and `b` have the same code points (the same UTF-8 bytes).
@inline(__always)
func exactlyEqual(_ a: String, _ b: String) -> Bool {
    let fast: Bool?? = a.utf8.withContiguousStorageIfAvailable { pa in
        b.utf8.withContiguousStorageIfAvailable { pb in
            pa.count == pb.count && (pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0)
        }
    }
    if let outer = fast, let result = outer { return result }
    return a.utf8.elementsEqual(b.utf8)
}

/// Feeds the UTF-8 bytes of `string` (and a terminator) to `hasher`.
@inline(__always)
func hashExactly(_ string: String, into hasher: inout Hasher) {
    let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    if done == nil { for byte in string.utf8 { hasher.combine(byte) } }
    hasher.combine(UInt8(0xFF))  // never a UTF-8 byte: separates consecutive strings
}

/// A string key compared and hashed by code points.
struct ExactString: Hashable, Sendable {
    let value: String
    init(_ value: String) { self.value = value }
    static func == (lhs: ExactString, rhs: ExactString) -> Bool { exactlyEqual(lhs.value, rhs.value) }
    func hash(into hasher: inout Hasher) { hashExactly(value, into: &hasher) }
}
