import Foundation
import GazetteTestSupport
import Testing
@testable import GazetteRead

/// A white box painted over rules hides what it covers of the rulings drawn
/// before it (a spreadsheet's filled cells over the grid of the table
/// below), not those drawn after it. Synthetic pages of stroked rules and
/// white boxes in turn, against the rule applied box after box over every
/// ruling so far, as the read stage once did.
@Suite struct WhiteBoxTests {
    static let pageWidth = 600.0, pageHeight = 800.0

    /// What a content stream draws, in device space (y down), whole points.
    enum Mark {
        case rule(Ruling.Orientation, position: Int, start: Int, end: Int)
        case whiteBox(x0: Int, y0: Int, x1: Int, y1: Int)
    }

    /// The content stream that draws `marks` (PDF space: y up).
    static func content(_ marks: [Mark]) -> String {
        var out = "0.5 w 0 G\n"
        let h = Int(pageHeight)
        for mark in marks {
            switch mark {
            case .rule(.horizontal, let y, let x0, let x1): out += "\(x0) \(h - y) m \(x1) \(h - y) l S\n"
            case .rule(.vertical, let x, let y0, let y1): out += "\(x) \(h - y0) m \(x) \(h - y1) l S\n"
            case .whiteBox(let x0, let y0, let x1, let y1): out += "1 1 1 rg \(x0) \(h - y1) \(x1 - x0) \(y1 - y0) re f\n"
            }
        }
        return out
    }

    /// A one-page PDF of a content stream.
    static func pdf(_ content: String) -> Data {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Int(pageWidth)) \(Int(pageHeight))] /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        return MinimalPDF.bytes(objects: objects)
    }

    /// The rulings as the read stage gives them for `marks`.
    static func read(_ marks: [Mark]) throws -> [Ruling] {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("white-boxes.pdf").path
        _ = FileManager.default.createFile(atPath: path, contents: pdf(content(marks)))
        return try PDFDocument(path: path).page(1).rulings
    }

    /// The rule, box after box over every ruling drawn so far: a box cuts
    /// the part of a ruling more than a point inside it; a piece shorter
    /// than half a point beyond the box goes.
    static func expected(_ marks: [Mark]) -> [Ruling] {
        var rulings: [Ruling] = []
        for mark in marks {
            switch mark {
            case .rule(let orientation, let position, let start, let end):
                rulings.append(Ruling(orientation: orientation, position: Double(position), start: Double(start),
                                      end: Double(end), thickness: 0.5))
            case .whiteBox(let x0, let y0, let x1, let y1):
                let (bx0, by0, bx1, by1) = (Double(x0) + 1, Double(y0) + 1, Double(x1) - 1, Double(y1) - 1)
                var kept: [Ruling] = []
                for r in rulings {
                    let horizontal = r.orientation == .horizontal
                    let (across0, across1) = horizontal ? (by0, by1) : (bx0, bx1)
                    let (along0, along1) = horizontal ? (bx0, bx1) : (by0, by1)
                    if r.position <= across0 || r.position >= across1 || r.end <= along0 || r.start >= along1 {
                        kept.append(r)
                        continue
                    }
                    if r.start < along0 - 0.5 { var a = r; a.end = along0; kept.append(a) }
                    if r.end > along1 + 0.5 { var b = r; b.start = along1; kept.append(b) }
                }
                rulings = kept
            }
        }
        return rulings
    }

    @Test func aBoxHidesTheRulesDrawnBeforeIt() throws {
        let marks: [Mark] = [
            .rule(.horizontal, position: 100, start: 50, end: 550),   // cut in two by the box
            .rule(.vertical, position: 300, start: 50, end: 150),     // its middle hidden
            .rule(.horizontal, position: 80, start: 50, end: 550),    // along the box's edge: stays
            .whiteBox(x0: 200, y0: 80, x1: 400, y1: 120),
            .rule(.horizontal, position: 110, start: 50, end: 550),   // drawn after the box: stays
        ]
        let rulings = try Self.read(marks)
        let horizontal = rulings.filter { $0.orientation == .horizontal && $0.position == 100 }
        #expect(horizontal.map(\.start) == [50, 399] && horizontal.map(\.end) == [201, 550])
        let vertical = rulings.filter { $0.orientation == .vertical }
        #expect(vertical.map(\.start) == [50, 119] && vertical.map(\.end) == [81, 150])
        #expect(rulings.contains { $0.position == 80 && $0.start == 50 && $0.end == 550 })
        #expect(rulings.contains { $0.position == 110 && $0.start == 50 && $0.end == 550 })
        #expect(rulings == Self.expected(marks))
    }

    /// Thousands of rules and boxes in turn, boxes over boxes, rules cut
    /// again and again: the same rulings, in the same order.
    @Test func thousandsOfBoxesAndRules() throws {
        var random = SplitMix(seed: 11)
        var marks: [Mark] = []
        for _ in 0..<3000 {
            if random.below(2) == 0 {
                let horizontal = random.below(2) == 0
                let position = random.below(horizontal ? 780 : 580) + 10
                let a = random.below(horizontal ? 560 : 760) + 10
                let length = random.below(4) == 0 ? random.below(500) + 1 : random.below(60) + 1
                let end = min(a + length, horizontal ? 590 : 790)
                marks.append(.rule(horizontal ? .horizontal : .vertical, position: position, start: a, end: max(end, a + 1)))
            } else {
                let x0 = random.below(560) + 5, y0 = random.below(760) + 5
                let big = random.below(50) == 0
                let w = big ? random.below(300) + 4 : random.below(40) + 4
                let h = big ? random.below(300) + 4 : random.below(30) + 4
                marks.append(.whiteBox(x0: x0, y0: y0, x1: min(x0 + w, 595), y1: min(y0 + h, 795)))
            }
        }
        let rulings = try Self.read(marks)
        let expected = Self.expected(marks)
        #expect(expected.count > 1000)
        #expect(rulings.count == expected.count)
        // The first ruling that differs, not thousands of them.
        let differing = zip(rulings, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(differing == nil, "ruling \(differing?.offset ?? 0): \(String(describing: differing?.element))")
    }

    /// A small seeded generator, so the page is the same on every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func below(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }
}
