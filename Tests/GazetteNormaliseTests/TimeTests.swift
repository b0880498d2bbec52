import Testing

@testable import GazetteNormalise

@Suite struct TimeParserTests {
    @Test(arguments: [
        ("下午 2 時 30 分", "14:30", nil as String?),
        ("上午10時", "10:00", nil),
        ("中午12時", "12:00", nil),
        ("中午12時30分", "12:30", nil),
        ("中午1時", "13:00", nil),
        ("晚上7時", "19:00", nil),
        ("晚間8時15分", "20:15", nil),
        ("凌晨3時", "03:00", nil),
        ("早上8點半", "08:30", nil),
        ("下午二時三十分", "14:30", nil),
        ("下午兩點", "14:00", nil),
        ("下午2時整", "14:00", nil),
        ("上午9時至12時", "09:00", "12:00"),
        ("下午2時至4時30分", "14:00", "16:30"),
        ("上午10時至下午2時", "10:00", "14:00"),
        ("14時30分", "14:30", nil),
        ("下午2:30", "14:30", nil),
        ("上午 9:00 至 11:30", "09:00", "11:30"),
        ("上午9時30分至11時", "09:30", "11:00"),
        ("中午12時至下午1時30分", "12:00", "13:30"),
        ("十四時", "14:00", nil),
        ("0時", "00:00", nil),
        ("14:00", "14:00", nil),
        ("7:05", "07:05", nil),
        ("14:00-14:30", "14:00", "14:30"),
        ("07:00~11:00", "07:00", "11:00"),
        ("07:00～11:00", "07:00", "11:00"),
        ("08:30 - 12:00", "08:30", "12:00"),
        ("14:00至16:00", "14:00", "16:00"),
        ("１４：００－１４：３０", "14:00", "14:30"),
        ("23:00-24:00", "23:00", "24:00"),
        ("15:55 -", "15:55", nil),
        ("15:55~", "15:55", nil),
        ("下午3時起", "15:00", nil),
    ])
    func parses(input: String, start: String, end: String?) throws {
        let time = try #require(TimeParser.parse(input), "\(input) should parse")
        #expect(time.start.description == start, "\(input)")
        #expect(time.end?.description == end, "\(input)")
    }

    @Test func openRangesAreFlagged() {
        #expect(TimeParser.parse("15:55 -")?.isOpenEnded == true)
        #expect(TimeParser.parse("14:00-")?.isOpenEnded == true)
        #expect(TimeParser.parse("15:55")?.isOpenEnded == false)
    }

    @Test(arguments: [
        "25:00", "24:00", "24:30", "12:60", "1:5", "123:00", "14:00:00", "下午13時", "下午0時", "上午13時",
        "上午12時", "中午3時", "晚上3時", "凌晨6時", "下午2時60分", "下午", "2 時 30", "14:30-14:00",
        "14:00-14:00", "-14:00", "14:00-abc", "下午2時至1時", "時間", "", "14.30", "1430",
        "下午2時30", "30 mins", "下午14:30", "晚上12時",
    ])
    func rejects(input: String) {
        #expect(TimeParser.parse(input) == nil, "\(input) should be rejected")
    }
}
