import Foundation

// Code-point-exact string comparison.
//
// Swift's `String ==` and `String.hashValue` follow Unicode canonical equivalence ("é" precomposed
// equals "e" + U+0301). JSON compares strings code point by code point, so JSON values, object keys
// and the validator's key sets compare and hash the UTF-8 bytes instead.

/// True when `a` and `b` have the same code points (the same UTF-8 bytes).
@inline(__always)
func exactlyEqual(_ a: String, _ b: String) -> Bool {
    // Most keys differ in length, which native strings know without scanning.
    guard a.utf8.count == b.utf8.count else { return false }
    let bytesEqual: Bool?? = a.utf8.withContiguousStorageIfAvailable { pa in
        b.utf8.withContiguousStorageIfAvailable { pb in
            pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
        }
    }
    if let outer = bytesEqual, let result = outer { return result }
    return a.utf8.elementsEqual(b.utf8)  // bridged, non-contiguous strings
}

/// Feeds the UTF-8 bytes of `string` (and a terminator) to `hasher`.
@inline(__always)
func hashExactly(_ string: String, into hasher: inout Hasher) {
    let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    if done == nil { for byte in string.utf8 { hasher.combine(byte) } }
    hasher.combine(UInt8(0xFF))  // never a UTF-8 byte: separates consecutive strings
}

/// The first of `count` positions where `matches` holds, the scan starting
/// at `hint` (0 past the end) and wrapping around: keys looked up in the
/// order they are kept are each found at the first try.
@inline(__always)
func firstPosition(of count: Int, from hint: Int, where matches: (Int) -> Bool) -> Int? {
    if count == 0 { return nil }
    var position = hint < count ? hint : 0
    for _ in 0..<count {
        if matches(position) { return position }
        position += 1
        if position == count { position = 0 }
    }
    return nil
}

/// A string key compared and hashed by code points.
struct ExactString: Hashable, Sendable {
    let value: String
    init(_ value: String) { self.value = value }
    static func == (lhs: ExactString, rhs: ExactString) -> Bool { exactlyEqual(lhs.value, rhs.value) }
    func hash(into hasher: inout Hasher) { hashExactly(value, into: &hasher) }
}

/// A lookup table from exact keys to values: a linear scan for small tables (cheaper than hashing
/// the usual handful of property names), a hash index for large ones.
struct ExactKeyTable<Value: Sendable>: Sendable {
    private(set) var keys: [String] = []
    private(set) var values: [Value] = []
    /// UTF-8 lengths of `keys`, compared first.
    private var lengths: [Int] = []
    private var index: [ExactString: Int]?

    static var linearLimit: Int { 16 }

    init(_ pairs: [(String, Value)]) {
        for (key, value) in pairs where !keys.contains(where: { exactlyEqual($0, key) }) {
            keys.append(key)
            values.append(value)
            lengths.append(key.utf8.count)
        }
        if keys.count > Self.linearLimit {
            var map = [ExactString: Int](minimumCapacity: keys.count)
            for (position, key) in keys.enumerated() { map[ExactString(key)] = position }
            index = map
        }
    }

    var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`. The scan starts at `hint` and wraps around: when keys are looked up
    /// in table order (as members usually follow the schema's property order), each is found first.
    func position(of key: String, hint: Int = 0) -> Int? {
        if let index { return index[ExactString(key)] }
        let length = key.utf8.count
        return firstPosition(of: keys.count, from: hint) { lengths[$0] == length && exactlyEqual(keys[$0], key) }
    }

    subscript(key: String) -> Value? { position(of: key).map { values[$0] } }

    func contains(_ key: String) -> Bool { position(of: key) != nil }
}
