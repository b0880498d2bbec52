// An exact decimal JSON number.
//
// A number is kept as `±significand × 10^exponent` with the significand's trailing
// decimal zeros moved into the exponent, so every mathematical value has exactly one
// representation: `1`, `1.0` and `10e-1` are the same number, and `-0` equals `0`
// (the sign of zero is kept only so that it can be written back). Up to 19
// significant digits are held in a `UInt64`; longer digit strings are kept as text,
// so nothing a JSON text can say (big integers, `1e400`) is rounded away.

/// An exact JSON number (a decimal `±digits × 10^exponent`) compared mathematically: `1 == 1.0`, `-0 == 0`.
/// Integers are the numbers with no fractional part, whatever their spelling (`1.0` is an integer).
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    enum Storage: Sendable {
        /// `significand` has no trailing zeros; zero is `(_, 0, 0)`.
        case small(negative: Bool, significand: UInt64, exponent: Int32)
        /// More than 19 significant digits.
        case big(BigDecimal)
    }

    /// Digits too many for a `UInt64`; `digits` has no leading or trailing zeros.
    final class BigDecimal: Sendable {
        let negative: Bool
        let digits: [UInt8]  // ASCII '0'...'9'
        let exponent: Int
        init(negative: Bool, digits: [UInt8], exponent: Int) {
            self.negative = negative
            self.digits = digits
            self.exponent = exponent
        }
    }

    let storage: Storage

    /// Largest absolute exponent accepted (the value is `digits × 10^exponent`).
    static let exponentLimit = 1_000_000_000

    init(storage: Storage) { self.storage = storage }

    /// Builds a number from a sign, decimal digits (ASCII, any leading/trailing zeros) and a power of ten.
    /// Returns nil when the exponent is beyond ±1e9.
    init?(negative: Bool, digits: [UInt8], exponent: Int) {
        var first = 0
        while first < digits.count, digits[first] == UInt8(ascii: "0") { first += 1 }
        var last = digits.count  // one past the last non-zero digit
        while last > first, digits[last - 1] == UInt8(ascii: "0") { last -= 1 }
        if first == last {
            self.storage = .small(negative: negative, significand: 0, exponent: 0)
            return
        }
        let exp = exponent + (digits.count - last)
        if exp > JSONNumber.exponentLimit || exp < -JSONNumber.exponentLimit { return nil }
        if last - first <= 19 {
            var value: UInt64 = 0
            for k in first..<last { value = value &* 10 &+ UInt64(digits[k] &- UInt8(ascii: "0")) }
            self.storage = .small(negative: negative, significand: value, exponent: Int32(exp))
        } else {
            self.storage = .big(BigDecimal(negative: negative, digits: Array(digits[first..<last]), exponent: exp))
        }
    }

    /// The number `value`.
    public init(_ value: Int) {
        let magnitude = value.magnitude
        var significand = UInt64(magnitude)
        var exponent: Int32 = 0
        if significand != 0 {
            while significand % 10 == 0 { significand /= 10; exponent += 1 }
        }
        self.storage = .small(negative: value < 0, significand: significand, exponent: exponent)
    }

    /// The decimal that `value` prints as (its shortest round-tripping form); nil for NaN and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        var text = value.description  // shortest round-trip spelling, e.g. "1e-05", "0.1", "1.0"
        if text.hasPrefix(".") { text = "0" + text }
        guard let number = JSONNumber(parsing: text) else { return nil }
        self = number
    }

    /// Parses the JSON number grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`); nil if `text` is not one.
    public init?(parsing text: String) {
        var bytes = Array(text.utf8)
        let parsed: JSONNumber? = bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = 0
            guard let number = try? JSONNumber.scan(UnsafeBufferPointer(buffer), &cursor), cursor == buffer.count
            else { return nil }
            return number
        }
        guard let parsed else { return nil }
        self = parsed
    }

    enum ScanError: Error { case malformed(Int), outOfRange(Int) }

    /// Scans a JSON number starting at `cursor`, leaving `cursor` after it.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) throws(ScanError) -> JSONNumber {
        let start = cursor
        var i = cursor
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let intStart = i
        guard i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw .malformed(i) }
        if bytes[i] == 0x30 {
            i += 1
        } else {
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        }
        let intEnd = i
        var fracStart = i, fracEnd = i
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            guard i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw .malformed(i) }
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            fracEnd = i
        }
        var exponent = 0
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw .malformed(i) }
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                if exponent < 10 * JSONNumber.exponentLimit { exponent = exponent * 10 + Int(bytes[i] - 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        cursor = i
        // Fast path: a short integer.
        if fracStart == fracEnd, exponent == 0, intEnd - intStart <= 18 {
            var value: UInt64 = 0
            for k in intStart..<intEnd { value = value * 10 + UInt64(bytes[k] - 0x30) }
            var exp: Int32 = 0
            if value != 0 { while value % 10 == 0 { value /= 10; exp += 1 } }
            return JSONNumber(storage: .small(negative: negative, significand: value, exponent: exp))
        }
        var digits = [UInt8]()
        digits.reserveCapacity(intEnd - intStart + fracEnd - fracStart)
        for k in intStart..<intEnd { digits.append(bytes[k]) }
        for k in fracStart..<fracEnd { digits.append(bytes[k]) }
        guard let number = JSONNumber(negative: negative, digits: digits, exponent: exponent - (fracEnd - fracStart))
        else { throw .outOfRange(start) }
        return number
    }

    // MARK: - Views

    /// True for zero (either sign).
    public var isZero: Bool {
        if case .small(_, 0, _) = storage { return true }
        return false
    }

    /// True when the number is below zero (`-0` is not).
    public var isNegative: Bool {
        switch storage {
        case .small(let negative, let significand, _): return negative && significand != 0
        case .big(let big): return big.negative
        }
    }

    /// True when the value has no fractional part (`1.0` and `1e3` are integers, `1.5` is not).
    public var isInteger: Bool {
        switch storage {
        case .small(_, _, let exponent): return exponent >= 0
        case .big(let big): return big.exponent >= 0
        }
    }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        guard case .small(let negative, var value, let exponent) = storage, exponent >= 0 else { return nil }
        for _ in 0..<Int(exponent) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        if negative {
            if value <= UInt64(Int.max) { return -Int(value) }
            return value == UInt64(Int.max) + 1 ? Int.min : nil
        }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    /// The nearest `Double` (correctly rounded; ±infinity beyond its range).
    public var doubleValue: Double {
        switch storage {
        case .small(let negative, let significand, let exponent):
            if exponent == 0, significand < (1 << 53) { return negative ? -Double(significand) : Double(significand) }
            return Double(scientificText) ?? (negative ? -.infinity : .infinity)
        case .big(let big):
            return Double(scientificText) ?? (big.negative ? -.infinity : .infinity)
        }
    }

    /// Sign, significant digits (ASCII, no leading/trailing zeros; empty for zero) and exponent.
    var decomposed: (negative: Bool, digits: [UInt8], exponent: Int) {
        switch storage {
        case .small(let negative, let significand, let exponent):
            if significand == 0 { return (negative, [], 0) }
            return (negative, Array(String(significand).utf8), Int(exponent))
        case .big(let big):
            return (big.negative, big.digits, big.exponent)
        }
    }

    /// `d.ddde±x` spelling, always parseable by `Double(_:)`.
    var scientificText: String {
        let (negative, digits, exponent) = decomposed
        if digits.isEmpty { return negative ? "-0" : "0" }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + String(exponent)
    }

    /// The canonical JSON spelling of the exact value, as ECMAScript's `Number#toString` lays out
    /// numbers: plain when 1e-6 <= |x| < 1e21 ("0.000001", "100000000000000000000"), `d.ddde±x`
    /// otherwise ("1e-7", "1e+21", "1e+400"), except that an integer of 21 or more digits stays plain
    /// unless `d.ddde+x` is shorter ("123456789012345678901234567890"). `-0` is written "-0".
    public var description: String {
        var out = [UInt8]()
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the canonical spelling (see `description`) as UTF-8.
    func write(to out: inout [UInt8]) {
        if case .small(let negative, let significand, let exponent) = storage, exponent == 0 {
            if negative { out.append(UInt8(ascii: "-")) }
            appendDecimal(significand, to: &out)
            return
        }
        let (negative, digits, exponent) = decomposed
        if negative { out.append(UInt8(ascii: "-")) }
        if digits.isEmpty { out.append(UInt8(ascii: "0")); return }
        let n = digits.count
        let scientific = n + exponent - 1
        let scientificLength = n + (n > 1 ? 1 : 0) + 2 + String(scientific).utf8.count
        if exponent >= 0 && (scientific < 21 || n + exponent <= scientificLength) {
            out.append(contentsOf: digits)
            for _ in 0..<exponent { out.append(UInt8(ascii: "0")) }
        } else if exponent < 0 && scientific >= -6 && scientific < 21 {
            let pointAt = n + exponent
            if pointAt > 0 {
                out.append(contentsOf: digits[0..<pointAt])
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[pointAt...])
            } else {
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "."))
                for _ in 0..<(-pointAt) { out.append(UInt8(ascii: "0")) }
                out.append(contentsOf: digits)
            }
        } else {
            out.append(digits[0])
            if n > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            out.append(UInt8(ascii: "e"))
            if scientific > 0 { out.append(UInt8(ascii: "+")) }
            out.append(contentsOf: String(scientific).utf8)
        }
    }

    // MARK: - Equality, hashing, ordering

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.small(let ln, let ls, let le), .small(let rn, let rs, let re)):
            if ls == 0 { return rs == 0 }
            return ln == rn && ls == rs && le == re
        case (.big(let l), .big(let r)):
            return l.negative == r.negative && l.exponent == r.exponent && l.digits == r.digits
        default:
            return false  // the representation is canonical: a big number never equals a small one
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .small(let negative, let significand, let exponent):
            hasher.combine(significand != 0 && negative)
            hasher.combine(significand)
            hasher.combine(exponent)
        case .big(let big):
            hasher.combine(big.negative)
            hasher.combine(big.digits)
            hasher.combine(big.exponent)
        }
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool { compare(lhs, rhs) < 0 }

    /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`, exactly.
    static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        let ls = lhs.signum, rs = rhs.signum
        if ls != rs { return ls < rs ? -1 : 1 }
        if ls == 0 { return 0 }
        let magnitude = compareMagnitudes(lhs, rhs)
        return ls > 0 ? magnitude : -magnitude
    }

    var signum: Int {
        switch storage {
        case .small(let negative, let significand, _): return significand == 0 ? 0 : (negative ? -1 : 1)
        case .big(let big): return big.negative ? -1 : 1
        }
    }

    private static func compareMagnitudes(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if case .small(_, let a, let ae) = lhs.storage, case .small(_, let b, let be) = rhs.storage {
            let adjustedA = digitCount(a) + Int(ae), adjustedB = digitCount(b) + Int(be)
            if adjustedA != adjustedB { return adjustedA < adjustedB ? -1 : 1 }
            // Same order of magnitude: scale the one with the larger exponent; the result has
            // as many digits as the other significand, so it fits.
            var x = a, y = b
            if ae > be { x = a * power10(Int(ae - be)) } else if be > ae { y = b * power10(Int(be - ae)) }
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        let (_, a, ae) = lhs.decomposed
        let (_, b, be) = rhs.decomposed
        let adjustedA = a.count + ae, adjustedB = b.count + be
        if adjustedA != adjustedB { return adjustedA < adjustedB ? -1 : 1 }
        for k in 0..<max(a.count, b.count) {
            let x = k < a.count ? a[k] : UInt8(ascii: "0")
            let y = k < b.count ? b[k] : UInt8(ascii: "0")
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    // MARK: - Arithmetic used by validation

    /// True when `self` is an integer multiple of `divisor` (> 0), exactly for up to 19 significant digits each.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if isZero { return true }
        guard case .small(_, let a, let ae) = storage, case .small(_, let b, let be) = divisor.storage, b != 0 else {
            // More than 19 significant digits: fall back to binary floating point.
            let quotient = doubleValue / divisor.doubleValue
            guard quotient.isFinite else { return false }
            return quotient == quotient.rounded(.towardZero)
        }
        // self / divisor = (a / b) × 10^(ae - be)
        let shift = Int(ae) - Int(be)
        if shift < 0 {
            // Needs b × 10^-shift | a, but a has no trailing zeros, so 10 ∤ a.
            return false
        }
        // Needs b | a × 10^shift: what is left of b after removing gcd(a, b) must be 2^i × 5^j, i, j ≤ shift.
        var rest = b / gcd(a, b)
        var twos = 0, fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        return rest == 1 && twos <= shift && fives <= shift
    }

    // MARK: - Helpers

    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var v = value
        while v >= 10 { v /= 10; count += 1 }
        return count
    }

    static func power10(_ n: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<n { result &*= 10 }
        return result
    }

    private func gcd(_ x: UInt64, _ y: UInt64) -> UInt64 {
        var a = x, b = y
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}

/// Appends the decimal digits of `value`.
func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
    if value < 10 { out.append(UInt8(truncatingIfNeeded: value) + 0x30); return }
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch
    var v = value
    var length = 0
    withUnsafeMutableBytes(of: &buffer) { scratch in
        while v != 0 {
            scratch[23 - length] = UInt8(truncatingIfNeeded: v % 10) + 0x30
            v /= 10
            length += 1
        }
        out.append(contentsOf: scratch[(24 - length)...])
    }
}
