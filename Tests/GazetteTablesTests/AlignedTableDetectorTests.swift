import Testing
@testable import GazetteTables

/// What the unruled-table detector refuses: a multiple-choice question's
/// options set out in columns.
struct AlignedTableDetectorTests {
    @Test func lettersInOrderAreAnswerOptions() {
        #expect(AlignedTableDetector.isAnswerOptions(["(A)分層抽樣法", "(B)集體抽樣法", "(C)系統抽樣法", "(D)立意抽樣法"]))
        #expect(AlignedTableDetector.isAnswerOptions(["A.甲", "", "B.乙"]))
        // Out of order, or not from A: a table.
        #expect(!AlignedTableDetector.isAnswerOptions(["(B)甲乙丙丁", "(A)甲乙丙丁"]))
        #expect(!AlignedTableDetector.isAnswerOptions(["(C)甲乙丙丁", "(D)甲乙丙丁"]))
        #expect(!AlignedTableDetector.isAnswerOptions(["項目", "金額", "旅費", "1,000"]))
    }

    /// An exam font's own markers (consecutive private-use characters), and
    /// the sub- and superscripts of the options' formulas on lines of their own.
    @Test func privateUseMarkersAndScriptsAreAnswerOptions() {
        #expect(AlignedTableDetector.isAnswerOptions(["\u{E18C}班上同學的身高", "\u{E18D}行駛三個路段的時速",
                                                      "\u{E18E}所有國民的收入", "\u{E18F}100支股票的漲跌幅"]))
        #expect(AlignedTableDetector.isAnswerOptions(["\u{E18C}ε~iid N(0,1)", "\u{E18D}ε~iid N(μ,1)", "i", "i"]))
        #expect(AlignedTableDetector.isAnswerOptions(["−", "−1", "\u{E18C}e 2", "\u{E18D}1−e 2"]))
        // Markers not consecutive, or a long cell without one: a table.
        #expect(!AlignedTableDetector.isAnswerOptions(["\u{E18C}甲乙丙丁", "\u{E190}甲乙丙丁"]))
        #expect(!AlignedTableDetector.isAnswerOptions(["\u{E18C}甲乙丙丁", "\u{E18D}甲乙丙丁", "說明文字很長的一格"]))
    }
}
