import GazetteNormalise
import Testing
@testable import GazetteRecords

/// Agenda lines printed in running text: a day, an activity, a clock time.
struct RunningTextScheduleTests {
    static func items(_ lines: [[String]], page: Int = 7) -> [ScheduleItemRecord] {
        let paragraphs = lines.map { RunningParagraph(page: page, text: $0.joined(separator: " "), lines: [$0]) }
        return RunningTextSchedule.records(in: paragraphs, context: context()).compactMap(\.scheduleItem)
    }

    @Test func daysActivitiesAndTimes() throws {
        let items = Self.items([
            ["103/11/12 全國連線壓力測試 10:30 ~14:00"],
            // Two entries side by side, one line.
            ["103/11/13 第一次模擬演練 13:30 ~ 20:00", "103/11/20 第二次模擬演練 13:30 ~ 20:00"],
            // A note after the time is not the activity.
            ["103/11/28 第三次模擬演練 13:30 ~ 18:00 (因計票系統需要作正式作業準備工作)"],
            // The time before the activity; a single time.
            ["103年12月1日 09:00 開票作業說明會"],
        ])
        try #require(items.count == 5)
        #expect(items.map(\.date) == ["2014-11-12", "2014-11-13", "2014-11-20", "2014-11-28", "2014-12-01"])
        #expect(items.map(\.activity) == ["全國連線壓力測試", "第一次模擬演練", "第二次模擬演練", "第三次模擬演練", "開票作業說明會"])
        #expect(items[0].start == "10:30" && items[0].end == "14:00" && items[4].start == "09:00" && items[4].end == nil)
        #expect(items.allSatisfy { $0.provenance == Provenance(table: nil, row: nil, page: 7) })
    }

    /// One dated line with a time is a sentence; dates without clock times
    /// and ranges of days are no slots.
    @Test func whatIsNoAgenda() {
        #expect(Self.items([["103/11/12 全國連線壓力測試 10:30 ~14:00"]]).isEmpty)
        #expect(Self.items([["故候選人資料於103/11/13第一次模擬演練、103/11/20第二次模擬演練時更新"],
                            ["中華民國100年1月12日下午2時10分開會"]]).isEmpty)
        #expect(Self.items([["103/11/12-103/11/14 測試 10:30"], ["103/11/15-103/11/16 演練 13:30"]]).isEmpty)
    }
}
