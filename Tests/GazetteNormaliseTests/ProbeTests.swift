import Foundation
import Testing

@testable import GazetteNormalise

@Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_PROBE"] != nil))
func probeSeeds() throws {
    let dir = "/work/shared/seeds"
    for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where file.hasSuffix(".txt") {
        let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let folded = TextFolder.fold(String(line))
            for m in DateScanner(context: file.hasPrefix("001") || file.hasPrefix("002") ? .roc(112) : .none).matches(in: folded) {
                print("MATCH\t\(file.prefix(3))\t\(m.raw)\t\(m.value.start.iso)..\(m.value.end.iso)\(m.value.yearFromContext ? " ctx" : "")")
            }
        }
    }
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_PROBE"] != nil))
func probeMisses() throws {
    let dir = "/work/shared/seeds"
    for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where file.hasSuffix(".txt") {
        let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let folded = TextFolder.fold(String(line))
            let ms = DateScanner(context: .roc(112)).matches(in: folded)
            if ms.isEmpty && (folded.contains("月") || folded.contains("/")) && folded.contains(where: { $0.isNumber }) {
                print("MISS\t\(file.prefix(3))\t\(folded.prefix(80))")
            }
        }
    }
}
