import Foundation

/// Sizes as people write them: `512M`, `2G`, `1.5GiB`, `800000000` (bytes).
/// K, M, G and T are powers of 1024, with or without `B`/`iB`.
public enum ByteSize {
    /// Bytes, or nil when the text is not a size.
    public static func parse(_ text: String) -> Int64? {
        var body = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count))
            break
        }
        var factor: Double = 1
        if let last = body.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][String(last)] {
            factor = pow(1024, Double(power))
            body = String(body.dropLast())
        }
        guard !body.isEmpty, let number = Double(body), number.isFinite, number >= 0 else { return nil }
        let bytes = number * factor
        guard bytes < 9e18 else { return nil }
        return Int64(bytes.rounded())
    }

    /// `1.5 GiB`, `300 MiB`, `512 KiB`, `100 B`.
    public static func describe(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let text = value >= 100 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
        return "\(text) \(units[unit])"
    }
}
