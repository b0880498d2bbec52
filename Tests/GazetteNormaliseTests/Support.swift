/// A small seeded generator (SplitMix64) so property tests are deterministic.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// Uniform in 0...10^9 half the time, otherwise with a uniformly chosen
    /// number of digits, so small and large values are both well covered.
    mutating func numeral() -> Int64 {
        if Bool.random(using: &self) { return Int64.random(in: 0...1_000_000_000, using: &self) }
        let digits = Int.random(in: 1...9, using: &self)
        var upper: Int64 = 1
        for _ in 0..<digits { upper *= 10 }
        return Int64.random(in: 0..<upper, using: &self)
    }
}
