import GazetteNormalise
import Testing
@testable import GazetteRecords
import GazetteTables

/// Agendas and itineraries: a column of times or days beside an activity.
struct ScheduleTableReaderTests {
    static func items(_ table: LogicalTable, year: Int? = nil, date: PartialDate? = nil) -> [ScheduleItemRecord] {
        ScheduleTableReader.records(table, context(year: year, date: date)).compactMap(\.scheduleItem)
    }

    /// A header row that is a slot (07:00 | 集合出發) is the first entry;
    /// the day comes from the heading above.
    @Test func anItineraryUnderADayHeading() throws {
        let t = table(["07:00", "集合出發"], [["07:00~11:00", "國道風光"], ["11:00~12:00", "參訪左鎮區公所"]],
                      title: "臺北市大同區公所辦理104年度城鄉交流活動行程表",
                      linesAbove: ["104年7月17日參訪臺南市左鎮區、楠西區", "臺北市大同區公所辦理104年度城鄉交流活動行程表"])
        let items = Self.items(t)
        try #require(items.count == 3)
        #expect(items[0].provenance.row == nil && items[0].provenance.page == 3)
        #expect(items[0].start == "07:00" && items[0].end == nil && items[0].activity == "集合出發")
        #expect(items[1].provenance.row == 0 && items[1].end == "11:00" && items[1].activity == "國道風光")
        #expect(items.allSatisfy { $0.date == "2015-07-17" })
    }

    /// An agenda takes the meeting's date; a duration column is no activity.
    @Test func anAgendaTakesTheMeetingDate() throws {
        let t = table(["時間", "時間", "主題（內容）"], [["14:00-14:30", "30 mins", "開放登入"], ["15:55", "-", "會議結束"]],
                      title: "五、會議議程：", linesAbove: ["五、會議議程：", "四、會議地點：線上會議"])
        let items = Self.items(t, date: PartialDate(year: 2023, month: 8, day: 8))
        try #require(items.count == 2)
        #expect(items.map(\.activity) == ["開放登入", "會議結束"])
        #expect(items.map(\.start) == ["14:00", "15:55"] && items.map(\.end) == ["14:30", nil])
        #expect(items.allSatisfy { $0.date == "2023-08-08" })
        // Not a meeting: no day.
        let tour = table(["時間", "行程"], [["09:00-10:00", "參訪"], ["10:00-11:00", "座談"]])
        #expect(Self.items(tour, date: PartialDate(year: 2023, month: 8, day: 8)).allSatisfy { $0.date == nil })
    }

    /// Days without times: each day is its own date; without a year nothing
    /// places them.
    @Test func aListOfDays() {
        let t = table(["日期", "行程"], [["10月7日", "抵達東京"], ["10月8日", "拜會東京都廳"], ["10月9日", "返國"]])
        let items = Self.items(t, year: 2024)
        #expect(items.map(\.date) == ["2024-10-07", "2024-10-08", "2024-10-09"])
        #expect(items.allSatisfy { $0.start == nil && $0.end == nil })
        #expect(items.map(\.activity) == ["抵達東京", "拜會東京都廳", "返國"])
        #expect(Self.items(t).isEmpty)
        let printedYear = table(["日期", "行程"], [["113年10月7日", "抵達東京"], ["113年10月8日", "返國"]])
        #expect(Self.items(printedYear).map(\.date) == ["2024-10-07", "2024-10-08"])
    }

    @Test func aDayHeadingAboveIsTheTablesDay() throws {
        let t = table(["時間", "活動內容"], [["09:00-10:00", "報到"], ["10:00-12:00", "專題演講"]],
                      linesAbove: ["113年5月2日（星期四）", "貳、研習課程"])
        #expect(Self.items(t).map(\.date) == ["2024-05-02", "2024-05-02"])
        // Two days in one line: neither is the table's.
        let two = table(["時間", "活動內容"], [["09:00-10:00", "報到"], ["10:00-12:00", "專題演講"]],
                        linesAbove: ["113年5月2日、113年5月9日"])
        #expect(Self.items(two).allSatisfy { $0.date == nil })
    }

    @Test func emptyActivities() {
        let t = table(["時間", "議程"], [["14:00-14:10", "主席致詞"], ["14:10-14:30", ""]])
        #expect(Self.items(t).map(\.activity) == ["主席致詞", nil])
    }

    @Test func tablesThatAreNoSchedules() {
        // A register of land with a 登記時間 column.
        let register = table(["土地坐落", "面積", "權利範圍", "所有權人", "登記(取得)時間", "登記(取得)原因", "取得價額"],
                             [["東海段 0130-0002 地號", "384.98", "10000 分之 42", "張淑芳", "96 年 6 月 27 日", "受贈", "13,258"],
                              ["東海段 0130-0000 地號", "5,971.56", "10000 分之 42", "張淑芳", "96 年 6 月 27 日", "受贈", "205,660"]])
        #expect(Self.items(register).isEmpty)
        // A time column named as something else.
        #expect(Self.items(table(["收文時間", "案由"], [["09:00", "陳情案"], ["10:30", "公文"]])).isEmpty)
        // One slot only.
        #expect(Self.items(table(["時間", "議程"], [["14:00-14:10", "主席致詞"]])).isEmpty)
        // Days beside places: not what happens.
        #expect(Self.items(table(["日期", "地點"], [["113年10月7日", "東京"], ["113年10月8日", "大阪"]])).isEmpty)
        // Days beside figures.
        #expect(Self.items(table(["日期", "件數"], [["113年10月7日", "12"], ["113年10月8日", "30"]])).isEmpty)
        // Mostly not times.
        #expect(Self.items(table(["時間", "議程"], [["上午", "報到"], ["下午", "參訪"], ["14:00", "座談"]])).isEmpty)
    }

    @Test func slots() {
        guard case .time(let time)? = ScheduleTableReader.slot("14:00-14:30", context: context()) else {
            Issue.record("no time")
            return
        }
        #expect(time.start.description == "14:00" && time.end?.description == "14:30")
        guard case .date(let day)? = ScheduleTableReader.slot("10 月 7日", context: context(year: 2024)) else {
            Issue.record("no day")
            return
        }
        #expect(day.start.iso == "2024-10-07")
        // A month is not a day.
        #expect(ScheduleTableReader.slot("113年10月", context: context()) == nil)
        #expect(ScheduleTableReader.slot("", context: context()) == nil)
        #expect(ScheduleTableReader.slot("集合出發", context: context()) == nil)
    }

    @Test func theActivityColumn() {
        // Named.
        #expect(ScheduleTableReader.activityColumn([["09:00", "甲", "乙"]], labels: ["時間", "主講人", "課程內容"], excluding: 0,
                                                   columns: 3) == 2)
        // Unnamed: the widest column of text, not durations or figures.
        #expect(ScheduleTableReader.activityColumn([["09:00", "30 mins", "開幕典禮", "5"], ["09:30", "60分鐘", "專題演講", "2"]],
                                                   labels: [], excluding: 0, columns: 4) == 2)
        #expect(ScheduleTableReader.activityColumn([["09:00", "30", "-"]], labels: [], excluding: 0, columns: 3) == nil)
    }
}
