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
}
