import GazetteNormalise
import Testing
@testable import GazetteRecords

/// Form values as printed, normalised: dates (with a time or note after
/// them), amounts, areas and plain figures; codes and the rest are none.
struct FormReaderTests {
    @Test(arguments: [
        ("民國105年03月08日", FormValue.date("2016-03-08")),
        ("民國114年01月", .date("2025-01")),
        ("中華民國100年1月12日下午2時10分", .date("2011-01-12")),
        ("中華民國101年12月4日上午9時3分(中午12時48分休息，下午3時1分繼續開會)", .date("2012-12-04")),
        ("中華民國九十二年一月十七日", .date("2003-01-17")),
        ("中華民國101年10月2日（星期二）11時35分", .date("2012-10-02")),
        ("103/09/01", .date("2014-09-01")),
        ("95,442千元", .number(95_442_000)),
        ("684,630,000元", .number(684_630_000)),
        ("***15,200元／平方公尺", .number(15200)),
        ("新臺幣*****6,000,000元正", .number(6_000_000)),
        ("****123.45平方公尺", .number(123.45)),
        ("688", .number(688)),
        ("1,234", .number(1234)),
        ("0003365", .none),
        ("02-011", .none),
        ("6－1", .none),
        ("2分之1", .none),
        ("民國105年", .none),
        ("105北大字第012345號", .none),
        ("本會議事廳", .none),
    ])
    func normalised(_ printed: String, _ expected: FormValue) {
        #expect(FormReader.normalised(printed, context: context()) == expected, "\(printed)")
    }

    /// A box of one column whose rows open with label：value lines: the
    /// leading pairs, under the box's heading, up to the first row without one.
    @Test func aBoxOfPairs() throws {
        let t = table(["臺中市議會第1屆第4次定期會第1次會議紀錄"],
                      [["時間：中華民國 101 年10 月2 日（星期二） 11 時 35分"], ["地點：本會議事堂"], ["出席：如簽到簿"], ["列席："],
                       ["本會"], ["秘書長陳健楷"]], rowPages: [2, 2, 2, 2, 2, 2])
        let form = try #require(FormReader.records(t, context()).first?.form)
        #expect(form.title == "臺中市議會第1屆第4次定期會第1次會議紀錄" && form.provenance.page == 2)
        #expect(form.fields.keys == ["時間", "地點", "出席", "列席"] && form.fields["列席"] == "")
        #expect(form.values["時間"] == .date("2012-10-02"))
        // One pair, or a column of other text, is no form.
        #expect(FormReader.records(table(["名單"], [["地點：本會議事堂"], ["秘書長陳健楷"]]), context()).isEmpty)
        #expect(FormReader.records(table(["項目"], [["人事費"], ["業務費"]]), context()).isEmpty)
    }
}
