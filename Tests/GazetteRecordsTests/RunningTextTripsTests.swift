import GazetteNormalise
import Testing
@testable import GazetteRecords

/// Trips told in running text: numbered items under a heading about trips
/// abroad, each opening with its days and saying who goes (赴) where.
struct RunningTextTripsTests {
    static func trips(_ texts: [String], page: Int = 1, year: Int = 2023) -> [TripRecord] {
        RunningTextTrips.records(in: texts.map { RunningParagraph(page: page, text: $0) }, context: context(year: year))
            .compactMap(\.trip)
    }

    @Test func itemsUnderATripHeading() throws {
        let trips = Self.trips([
            "一、國際交流及城市外交", "（一）積極參與國際交流活動", "1、辦理市長及府級長官出國考察：",
            "（1）7月5日至7月8日蔣市長率團赴新加坡進行市政考察，交流面向包含交通等。",
            "（2）8月1日至8月17日本人隨臺北市議會議長訪團赴中南歐捷克、匈牙利等國家城市訪問。",
            "（3）10月25日至29日楊慶輝參事赴土耳其出席「2023城市與地方政府聯盟世界理事會」。",
            "2、簽署合作交流備忘錄共計5項：", "（1）8月23日與日本濱松市簽署「臺北市與濱松市友好交流協定書」。",
            "（4）9月25日蔣市長赴韓國首爾出席會議。",
        ])
        try #require(trips.count == 3)
        #expect(trips.map(\.destination) == ["新加坡", "捷克、匈牙利", "土耳其"])
        #expect(trips.map(\.travellers) == ["蔣市長", "本人", "楊慶輝參事"])
        #expect(trips[0].planName == "蔣市長率團赴新加坡進行市政考察，交流面向包含交通等。")
        #expect(trips[0].startDate == "2023-07-05" && trips[0].endDate == "2023-07-08")
        #expect(trips[2].startDate == "2023-10-25" && trips[2].endDate == "2023-10-29")
        #expect(trips.allSatisfy { $0.provenance.table == nil && $0.provenance.row == nil && $0.provenance.page == 1 })
    }

    /// Under a heading that is not about trips abroad, a visit is no trip.
    @Test func itemsUnderAnotherHeadingAreNoTrips() {
        #expect(Self.trips(["1、辦理國內參訪：", "（1）7月5日蔣市長赴臺南市參訪。"]).isEmpty)
    }

    /// The heading's items only: not their sub-items, not what follows the
    /// next heading of the same level.
    @Test func theHeadingEndsAtTheNextOfItsLevel() throws {
        let trips = Self.trips([
            "1、市長出國考察：",
            "（1）7月5日至7月8日蔣市長赴新加坡考察。",
            "①7月6日赴濱海灣參訪。",
            "2、其他業務：",
            "（1）9月2日局長赴日本東京出席會議。",
        ])
        #expect(trips.map(\.destination) == ["新加坡"])
    }

    @Test func anItemIsATripOnlyWhenItOpensWithItsDaysAndSaysWhereTo() {
        let heading = "1、府級長官出國考察："
        // The days do not open the item.
        #expect(Self.trips([heading, "（1）蔣市長於7月5日赴新加坡考察。"]).isEmpty)
        // A month is not a day.
        #expect(Self.trips([heading, "（1）7月蔣市長赴新加坡考察。"]).isEmpty)
        // Nobody goes anywhere.
        #expect(Self.trips([heading, "（1）7月5日接待新加坡訪問團。"]).isEmpty)
        // A paragraph without a label is no item.
        #expect(Self.trips([heading, "7月5日蔣市長赴新加坡考察。"]).isEmpty)
    }

    /// An item broken by the page break is one item, on the page it starts.
    @Test func anItemContinuedOnTheNextPage() throws {
        let paragraphs = [
            RunningParagraph(page: 4, text: "1、市長出國考察："),
            RunningParagraph(page: 4, text: "（1）7月5日至7月8日蔣市長率團赴新加坡進行"),
            RunningParagraph(page: 5, text: "市政考察。"),
        ]
        let joined = RunningTextTrips.joinedAcrossPages(paragraphs)
        #expect(joined.map(\.text) == ["1、市長出國考察：", "（1）7月5日至7月8日蔣市長率團赴新加坡進行市政考察。"])
        let trip = try #require(RunningTextTrips.records(in: paragraphs, context: context(year: 2023)).first?.trip)
        #expect(trip.planName == "蔣市長率團赴新加坡進行市政考察。" && trip.provenance.page == 4)
    }

    @Test func aFinishedItemIsNotContinued() {
        let paragraphs = [
            RunningParagraph(page: 4, text: "（1）7月5日蔣市長赴新加坡考察。"),
            RunningParagraph(page: 5, text: "本府另派員出席。"),
        ]
        #expect(RunningTextTrips.joinedAcrossPages(paragraphs).count == 2)
    }

    @Test func whoGoesAndWhere() {
        #expect(RunningTextTrips.travellers("蔣市長率團") == "蔣市長")
        #expect(RunningTextTrips.travellers("本人隨臺北市議會議長訪團") == "本人")
        #expect(RunningTextTrips.travellers("") == nil)
        #expect(RunningTextTrips.destination("中南歐捷克、匈牙利等國家城市訪問") == "捷克、匈牙利")
        #expect(RunningTextTrips.destination("土耳其出席「2023城市與地方政府聯盟世界理事會」") == "土耳其")
        #expect(RunningTextTrips.destination("新加坡") == "新加坡")
        // A region alone stays.
        #expect(RunningTextTrips.destination("歐洲考察") == "歐洲")
    }
}
