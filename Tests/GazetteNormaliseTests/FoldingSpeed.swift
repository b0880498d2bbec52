import Foundation
import Testing

@testable import GazetteNormalise

/// A timing check to run by hand, not a timed unit test:
///
///     GAZETTE_BENCH=1 swift test --scratch-path .build-normalise --filter foldingSpeed
///     GAZETTE_BENCH=1 swift test -c release -Xswiftc -enable-testing \
///         --scratch-path .build-normalise-release --filter foldingSpeed
///
/// Folds every line of the seed documents (and an ASCII-only and a
/// letter-spaced variant) many times and prints scalars per second.
@Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_BENCH"] != nil))
func foldingSpeed() throws {
    let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")
    var lines: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where file.hasSuffix(".txt") {
        let text = try String(contentsOfFile: seeds.appendingPathComponent(file).path, encoding: .utf8)
        lines += text.split(separator: "\n").map(String.init)
    }
    let ascii = lines.map { String($0.unicodeScalars.filter(\.isASCII)) }.filter { !$0.isEmpty }
    let spaced = lines.map { $0.map(String.init).joined(separator: " ") }
    let fullWidth = lines.map { line in
        String(String.UnicodeScalarView(line.unicodeScalars.map { v in
            (0x21...0x7E).contains(v.value) ? Unicode.Scalar(v.value + 0xFEE0)! : v
        }))
    }
    for (name, set) in [("seed lines", lines), ("ASCII only", ascii), ("letter-spaced", spaced),
                        ("full-width ASCII", fullWidth)]
    {
        let scalars = set.reduce(0) { $0 + $1.unicodeScalars.count }
        var rounds = 0
        var sink = 0
        let clock = ContinuousClock()
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for line in set { sink &+= TextFolder.fold(line).utf8.count }
            rounds += 1
            elapsed = clock.now - start
        } while elapsed < .seconds(2)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(scalars * rounds) / seconds
        print("fold \(name): \(set.count) lines, \(scalars) scalars x \(rounds) in \(String(format: "%.2f", seconds)) s = \(String(format: "%.1f", rate / 1e6)) M scalars/s (\(sink))")
    }
    // Scanning for dates, for comparison.
    let scanner = DateScanner(context: .roc(112))
    let folded = lines.map(TextFolder.fold)
    let scalars = folded.reduce(0) { $0 + $1.unicodeScalars.count }
    let clock = ContinuousClock()
    let start = clock.now
    var found = 0
    var rounds = 0
    while clock.now - start < .seconds(2) {
        for line in folded { found += scanner.matches(in: line).count }
        rounds += 1
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("scan dates: \(String(format: "%.1f", Double(scalars * rounds) / seconds / 1e6)) M scalars/s (\(found / rounds) dates)")
}
