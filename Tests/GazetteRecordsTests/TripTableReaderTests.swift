import GazetteNormalise
import Testing
@testable import GazetteRecords
import GazetteTables

/// Trip tables: a trip report's (因公出國計畫名稱 / 出國日期 / …) and a
/// budget book's 派員出國計畫 (in 千元), matched by what the headers say.
struct TripTableReaderTests {
    static func trips(_ table: LogicalTable, year: Int? = nil) -> [TripRecord] {
        TripTableReader.records(table, context(year: year)).compactMap(\.trip)
    }

    // MARK: tables and their columns

    @Test func tripReportTable() throws {
        let t = table(
            ["因公出國計畫名稱", "出國日期", "出國地點", "出國人員", "預算經費", "出國內容成效"],
            [["赴南韓首爾參加 ICLEI 世界大會", "104/4/06-4/11", "韓國首爾市", "市長林佳龍、研考會主委柳嘉峰等七人",
              "新臺幣 51 萬 2,005 元", "1. 拜會首爾市長。"],
             ["本府派員赴韓國進行市政交流", "4/10-4/12", "韓國昌原市", "市長林佳龍等十三人", "核銷中", "簽署備忘錄"]])
        let trips = Self.trips(t, year: 2018)
        try #require(trips.count == 2)
        #expect(trips[0].planName == "赴南韓首爾參加 ICLEI 世界大會" && trips[0].destination == "韓國首爾市")
        #expect(trips[0].startDate == "2015-04-06" && trips[0].endDate == "2015-04-11")
        #expect(trips[0].travellers == "市長林佳龍、研考會主委柳嘉峰等七人")
        #expect(trips[0].travellerCount == 7 && trips[0].budgetTWD == 512_005)
        #expect(trips[0].budgetRaw == "新臺幣 51 萬 2,005 元" && trips[0].outcomes == "1. 拜會首爾市長。")
        #expect(trips[1].startDate == "2018-04-10" && trips[1].endDate == "2018-04-12")
        #expect(trips[1].travellerCount == 13 && trips[1].budgetTWD == nil && trips[1].budgetRaw == "核銷中")
        #expect(trips[1].provenance == Provenance(table: "t1", row: 1, page: 3))
    }

    @Test func budgetBookSpreadInThousands() throws {
        let t = table(
            ["計畫名稱及領域代碼", "擬前往國家", "擬拜會或視察機構", "計畫內容", "預計前往期間", "預計天數", "擬派人數",
             "旅費預算/交通費", "旅費預算/生活費", "旅費預算/辦公費", "合計", "歸屬預算科目", "前三年內有無赴同一機構拜會"],
            [["一、考察", "", "", "", "", "", "", "", "", "", "", "", ""],
             ["赴日本考察智慧城市（C3）", "日本", "東京都", "考察…", "114.08-114.09", "6", "3", "165", "126", "9", "300",
              "一般行政", "無"],
             ["赴荷蘭考察循環經濟（A2）", "荷蘭", "阿姆斯特丹市政府", "考察…", "114.05", "8", "2", "184", "162", "8", "354",
              "一般行政", "有，111 年赴阿姆斯特丹市政府拜會"]],
            title: "派員出國計畫預算類別表", unit: "單位：新臺幣千元")
        let trips = Self.trips(t, year: 2025)
        try #require(trips.count == 2)
        // The category row (一、考察) is no trip.
        #expect(trips.map(\.provenance.row) == [1, 2])
        #expect(trips[0].startDate == "2025-08" && trips[0].endDate == "2025-09")
        #expect(trips[1].startDate == "2025-05" && trips[1].endDate == "2025-05")
        #expect(trips.map(\.budgetTWD) == [300_000, 354_000] && trips.map(\.budgetRaw) == ["300", "354"])
        #expect(trips.map(\.travellerCount) == [3, 2] && trips.allSatisfy { $0.outcomes == nil && $0.travellers == nil })
        #expect(trips[0].destination == "日本")
    }

    @Test func variantHeadersAndTheUnitInAHeader() throws {
        let t = table(["出國計畫", "出國期間", "前往國家/城市", "出國成員", "經費（元）"],
                      [["赴日本參加會議", "113/5/2-5/6", "日本東京", "局長等3人", "120,000"]], title: "113 年度出國計畫執行情形")
        let trip = try #require(Self.trips(t).first)
        #expect(trip.budgetTWD == 120_000 && trip.travellerCount == 3 && trip.startDate == "2024-05-02")
        #expect(trip.endDate == "2024-05-06" && trip.destination == "日本東京" && trip.travellers == "局長等3人")
    }

    @Test func columnsAreFoundByTheirWords() throws {
        let t = table(["機關名稱", "案由", "起訖日期", "國別", "團員", "人數", "旅費", "效益"], [], title: "出國考察一覽表")
        let c = try #require(TripTableReader.columns(of: t))
        // 機關名稱 names the organisation, not the plan.
        #expect(c.plan == 1 && c.dates == 2 && c.destination == 3 && c.travellers == 4 && c.count == 5)
        #expect(c.budget == 6 && c.outcomes == 7)
    }

    /// Of a budget broken down, the trip's budget is the 合計 column.
    @Test func theTotalOfABrokenDownBudget() throws {
        let t = table(["計畫名稱", "擬前往國家", "預計前往期間", "旅費預算/交通費", "旅費預算/生活費", "旅費預算/合計", "歸屬預算科目"], [])
        #expect(try #require(TripTableReader.columns(of: t)).budget == 5)
        let single = table(["計畫名稱", "擬前往國家", "預計前往期間", "歸屬預算科目", "旅費預算"], [])
        #expect(try #require(TripTableReader.columns(of: single)).budget == 4)
    }

    /// Dates or money, and people, money or outcomes: a table may lack the others.
    @Test func aTripTableWithoutDates() throws {
        let t = table(["計畫名稱", "前往國家", "旅費預算"], [["赴新加坡參加智慧城市展", "新加坡", "150"]],
                      unit: "單位：新臺幣千元")
        let trip = try #require(Self.trips(t).first)
        #expect(trip.startDate == nil && trip.endDate == nil && trip.budgetTWD == 150_000 && trip.travellerCount == nil)
    }

    @Test func tablesThatAreNoTripTables() {
        // No destination: a road plan.
        #expect(TripTableReader.columns(of: table(["計畫名稱", "執行期間", "經費"], [])) == nil)
        // Two columns only.
        #expect(TripTableReader.columns(of: table(["計畫名稱", "前往國家"], [])) == nil)
        // Neither dates nor money.
        #expect(TripTableReader.columns(of: table(["計畫名稱", "前往國家", "出國人員"], [])) == nil)
        // Where, when and how much, but nothing says it is about going abroad.
        #expect(TripTableReader.columns(of: table(["案名", "地點", "日期", "經費"], [], title: "工程案件一覽表")) == nil)
        // The same table under a heading about trips is one.
        #expect(TripTableReader.columns(of: table(["案名", "地點", "日期", "經費"], [], linesAbove: ["二、市長出國考察"])) != nil)
    }

    @Test func totalAndCategoryRowsAreNoTrips() {
        let t = table(["計畫名稱", "擬前往國家", "預計前往期間", "旅費預算"],
                      [["一、開會", "", "", ""], ["赴法國出席 OECD 會議", "法國", "114.10", "210"], ["合　計", "", "", "210"],
                       ["本處合計", "", "", "210"]],
                      unit: "單位：新臺幣千元")
        #expect(Self.trips(t, year: 2025).map(\.planName) == ["赴法國出席 OECD 會議"])
    }

    @Test func aNoteBelowTheTableGivesTheMoneyUnit() throws {
        let t = table(["計畫名稱", "前往國家", "出國期間", "經費"], [["赴日本考察", "日本", "114/3/2-3/6", "85"]],
                      linesBelow: ["註：表列金額單位為新臺幣千元。"])
        #expect(try #require(Self.trips(t).first).budgetTWD == 85_000)
    }

    // MARK: cells

    /// Dates as printed: a whole range, a range with the year from the
    /// document, a range broken over lines, a date inside text.
    @Test func tripDates() throws {
        let withYear = context(year: 2024)
        let range = try #require(TripTableReader.tripDates("104/4/06-4/11", context: withYear))
        #expect(range.start.iso == "2015-04-06" && range.end.iso == "2015-04-11")
        let noYear = try #require(TripTableReader.tripDates("4/10-4/12", context: withYear))
        #expect(noYear.start.iso == "2024-04-10" && noYear.end.iso == "2024-04-12")
        let wrapped = try #require(TripTableReader.tripDates("113/5/2-\n5/6", context: context()))
        #expect(wrapped.start.iso == "2024-05-02" && wrapped.end.iso == "2024-05-06")
        let inText = try #require(TripTableReader.tripDates("預定 113 年 9 月 3 日出發", context: context()))
        #expect(inText.start.iso == "2024-09-03")
        // Without a year anywhere the day cannot be placed.
        #expect(TripTableReader.tripDates("4/10-4/12", context: context()) == nil)
        #expect(TripTableReader.tripDates("核定後辦理", context: withYear) == nil)
    }

    @Test func travellerCounts() {
        #expect(TripTableReader.travellerCount(in: "市長林佳龍等二人") == 2)
        #expect(TripTableReader.travellerCount(in: "市長、副秘書長等十三人") == 13)
        #expect(TripTableReader.travellerCount(in: "共 5 人") == 5)
        #expect(TripTableReader.travellerCount(in: "科長等 計 13 名") == 13)
        #expect(TripTableReader.travellerCount(in: "3人") == 3)
        #expect(TripTableReader.travellerCount(in: "市長林佳龍") == nil)
        #expect(TripTableReader.travellerCount(in: "3件") == nil)
    }

    /// Amounts as printed, or bare figures in the table's unit (千元, 萬元).
    @Test func budgets() {
        let thousands = TableUnit(currency: .TWD, exponent: 3)
        #expect(TripTableReader.budget("新臺幣 51 萬 2,005 元", unit: nil) == 512_005)
        #expect(TripTableReader.budget("新臺幣 51 萬 2,005 元", unit: thousands) == 512_005)
        #expect(TripTableReader.budget("300", unit: thousands) == 300_000)
        #expect(TripTableReader.budget("12.5", unit: TableUnit(currency: .TWD, exponent: 4)) == 125_000)
        #expect(TripTableReader.budget("300", unit: nil) == nil)
        #expect(TripTableReader.budget("核銷中", unit: thousands) == nil)
        #expect(TripTableReader.budget("US$ 3,000", unit: nil) == nil)
    }
}
