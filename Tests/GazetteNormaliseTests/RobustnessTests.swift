import Foundation
import Testing

@testable import GazetteNormalise

@Suite struct RobustnessTests {
    /// Random strings over the grammars' alphabet: nothing crashes, whatever
    /// a parser accepts survives folding and is accepted again, and every
    /// scanner match parses alone to the same value.
    @Test func randomInputsNeverCrash() {
        let alphabet = Array("0123456789０１２３/.-~～至:：,，%()（）△ 年月日時分上下午中華民國前一二三四五六七八九十百千萬億零○〇兩廿卅壹貳參元新臺幣NT$旬星期號半整起今")
        var rng = SeededGenerator(seed: 7)
        var accepted = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...14, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            let folded = TextFolder.fold(text)
            #expect(TextFolder.fold(folded) == folded)
            if let date = DateParser.parse(text, context: .roc(112)) {
                accepted += 1
                #expect(DateParser.parse(folded, context: .roc(112)) == date, "\(text)")
            }
            if let number = NumberParser.parse(text) {
                accepted += 1
                #expect(NumberParser.parse(folded) == number, "\(text)")
            }
            if AmountParser.parse(text) != nil { accepted += 1 }
            if TimeParser.parse(text) != nil { accepted += 1 }
            for match in DateScanner(context: .roc(112)).matches(in: folded) {
                #expect(DateParser.parse(match.raw, context: .roc(112)) == match.value, "\(text): \(match.raw)")
            }
            for kind in Inspection.kinds { _ = try? Inspection.json(kind: kind, text: text) }
        }
        #expect(accepted > 100)
    }

    /// The committed radical table agrees with Unicode's
    /// EquivalentUnifiedIdeograph.txt where the machine has it (Debian's
    /// unicode-data), and with known mappings always.
    @Test func radicalTableMatchesUnicodeData() throws {
        #expect(TextFolder.mapScalar(0x2ED8) == 0x9752)  // ⻘ -> 青
        #expect(TextFolder.mapScalar(0x2EDD) == 0x98DF)  // ⻝ -> 食
        #expect(TextFolder.mapScalar(0x2F08) == 0x4EBA)  // ⼈ -> 人
        #expect(TextFolder.mapScalar(0x2F1D) == 0x53E3)  // ⼝ -> 口
        #expect(TextFolder.mapScalar(0x2E80) == 0x2E80)  // CJK RADICAL REPEAT: no equivalent
        let path = "/usr/share/unicode/EquivalentUnifiedIdeograph.txt"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var checked = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let fields = content.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, let target = UInt32(fields[1], radix: 16) else { continue }
            let bounds = fields[0].components(separatedBy: "..").compactMap { UInt32($0, radix: 16) }
            guard let low = bounds.first, let high = bounds.last else { continue }
            for v in low...high where (0x2E80...0x2FDF).contains(v) {
                #expect(TextFolder.mapScalar(v) == target, "U+\(String(v, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 300)
    }
}
