import Foundation
import Gazette
import GazetteScoring
import Testing

/// The record scorer on made-up records: pairing, fields, comparisons.
@Suite struct RecordMatcherTests {
    static let matcher = RecordMatcher(comparison: .squeezed)

    static func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    @Test func pairsOneToOneByMostFieldsRight() throws {
        let truth = [
            try Self.json(#"{"type":"proposal","page":1,"itemRaw":"民乙1","title":"甲案"}"#),
            try Self.json(#"{"type":"proposal","page":1,"itemRaw":"民乙2","title":"乙案"}"#),
        ]
        let ours = [
            try Self.json(#"{"type":"proposal","page":1,"itemRaw":"民乙2","title":"乙 案"}"#),
            try Self.json(#"{"type":"proposal","page":1,"itemRaw":"民乙1","title":"丙案"}"#),
        ]
        let pairings = Self.matcher.pair(truth: truth, ours: ours)
        try #require(pairings.count == 2)
        #expect(pairings[0].ours == ours[1])
        #expect(pairings[0].wrong == [FieldPath("title")])
        #expect(pairings[1].ours == ours[0] && pairings[1].wrong.isEmpty)  // whitespace does not count
        #expect(RecordScore(pairings).total.fieldsRight == 5)
        #expect(RecordScore(pairings).total.found == 2)
    }

    @Test func aMissingFieldOrRecordIsWrong() throws {
        let truth = [
            try Self.json(#"{"type":"proposal","page":2,"review":null,"title":"甲"}"#),
            try Self.json(#"{"type":"trip","page":2,"budgetTWD":362000}"#),
        ]
        let ours = [try Self.json(#"{"type":"proposal","page":2,"title":"甲"}"#)]
        let pairings = Self.matcher.pair(truth: truth, ours: ours)
        try #require(pairings.count == 2)
        // Our schema lacks `review`: wrong even though the truth is null.
        #expect(pairings[0].wrong == [FieldPath("review")])
        #expect(pairings[1].ours == nil && pairings[1].wrong.count == 2 && !pairings[1].found)
        let score = RecordScore(pairings)
        #expect(score.byType["trip"]?.fields == 2 && score.byType["trip"]?.fieldsRight == 0)
        #expect(score.total.fields == 5 && score.total.fieldsRight == 2)
    }

    @Test func aFormCountsEachLabelAndNumbersCompareExactly() throws {
        let truth = try Self.json(
            #"{"type":"form","page":1,"title":null,"fields":{"日期":"100年1月12日","地點":"議事廳"},"values":{"日期":"2011-01-12","金額":1000}}"#)
        #expect(RecordMatcher.fields(of: truth).map(\.description) == ["page", "title", "fields.日期", "fields.地點", "values.日期", "values.金額"])
        let ours = try Self.json(
            #"{"type":"form","page":1,"title":null,"fields":{"日期":"100年1月12日"},"values":{"日期":"2011-01-12","金額":1000.0}}"#)
        let pairing = try #require(Self.matcher.pair(truth: [truth], ours: [ours]).first)
        #expect(pairing.wrong == [FieldPath("fields", "地點")])
        #expect(!Self.matcher.same(.int(1001), .int(1000)))
        #expect(!Self.matcher.same(.string("1000"), .int(1000)))
    }

    @Test func onlyAllowedRecordsArePaired() throws {
        let truth = [try Self.json(#"{"type":"scheduleItem","page":3,"start":"10:30"}"#)]
        let ours = [try Self.json(#"{"type":"scheduleItem","page":9,"start":"10:30"}"#)]
        let pairings = Self.matcher.pair(truth: truth, ours: ours) { $0["page"]?.intValue == 3 }
        #expect(pairings.first?.ours == nil)
        #expect(Self.matcher.pair(truth: truth, ours: ours).first?.found == true)
    }

    @Test func comparisons() {
        #expect(TextComparison.squeezed.normalised("⼤ 安\n區") == "大安區")
        #expect(TextComparison.cjkSpacing.normalised("112 年 to  be 乙") == "112年to be乙")
        #expect(TextComparison.exact.normalised(" 112 年 ") == "112 年")
    }
}
