import GazetteNormalise
import GazetteRead
import Testing
@testable import GazetteRecords

/// The title block: title, issuer, date and kind.
struct DocumentDescriberTests {
    static func block(_ text: String, size: Double = 14, page: Int = 1, y: Double, furniture: Bool = false) -> DescribedBlock {
        DescribedBlock(page: page, text: text, fontSize: size, isBold: false, box: Rect(x0: 72, y0: y, x1: 400, y1: y + size),
                       pageWidth: 595, pageHeight: 842, isFurniture: furniture)
    }

    static func describe(_ blocks: [DescribedBlock], headers: [[String]] = []) -> DocumentDescription {
        DocumentDescriber.describe(blocks: blocks, tableHeaders: headers, tableTitles: [], outlineTitles: [])
    }

    static func description(title: String?, clues: String = "") -> DocumentDescription {
        DocumentDescription(title: title, issuer: nil, date: nil, dateRaw: nil, year: nil, clues: clues)
    }

    @Test func coverWithReporterAndDate() {
        let d = Self.describe([
            Self.block("臺中市議會第2屆第7次定期會", size: 16, y: 60),
            Self.block("林佳龍市長執政以來所有出國公務預算明細", size: 26, y: 150),
            Self.block("及出國內容成效專案報告", size: 26, y: 190),
            Self.block("臺中市政府", size: 18, y: 400),
            Self.block("臺中市政府秘書處報告人：處長李如芳", y: 500),
            Self.block("中華民國107年5月11日", y: 600),
            Self.block("一、前言", page: 2, y: 80), Self.block("為讓國際看見臺中。", page: 2, y: 100),
        ], headers: [["因公出國計畫名稱", "出國日期"]])
        #expect(d.title == "林佳龍市長執政以來所有出國公務預算明細及出國內容成效專案報告")
        #expect(d.issuer == "臺中市政府秘書處")
        #expect(d.date == PartialDate(year: 2018, month: 5, day: 11) && d.dateRaw == "中華民國107年5月11日")
        #expect(d.year == 2018)
        #expect(d.kind(records: ["trip", "trip"]) == .tripReport)
    }

    @Test func formalNameAndHostOfAMeeting() {
        let d = Self.describe([
            Self.block("112年度北臺區域發展推動委員會", size: 24, y: 100), Self.block("副首長會議", size: 24, y: 140),
            Self.block("主辦單位：新北市政府中華民國112年8月8日", y: 500),
            Self.block("壹、會議議程", page: 2, y: 60),
            Self.block("一、會議名稱：112年度「北臺區域發展推動委員會」副首長會議", page: 2, y: 80),
            Self.block("二、會議主持人：新北市政府劉副市長和然", page: 2, y: 100),
            Self.block("三、會議時間：112年8月8日（星期二）下午2時30分", page: 2, y: 120),
        ])
        #expect(d.title == "112年度「北臺區域發展推動委員會」副首長會議")
        #expect(d.issuer == "新北市政府" && d.date?.iso == "2023-08-08")
        #expect(d.kind(records: ["scheduleItem", "proposal", "statistic"]) == .meetingAgenda)
    }

    @Test func titleSetAsARunningHeader() {
        let d = Self.describe([
            Self.block("臺北市政府秘書處工作報告", size: 10, y: 30, furniture: true),
            Self.block("臺北市政府秘書處工作報告", size: 20, y: 87, furniture: true),
            Self.block("召集人、副召集人、各位議員女士、先生：", y: 127),
            Self.block("謹就本處112年7月1日至12月31日重要業務執行成果扼要報告，敦請各位議員不吝賜教。", y: 150),
        ])
        #expect(d.title == "臺北市政府秘書處工作報告" && d.issuer == "臺北市政府秘書處" && d.date == nil)
        // The year most dates of the opening pages fall in.
        #expect(d.year == 2023)
        #expect(d.kind(records: ["trip", "statistic"]) == .workReport)
    }

    /// No larger type: the first short paragraph; the year from 年度.
    @Test func aPlainFirstPage() {
        let d = Self.describe([
            Self.block("「花蓮縣113年度國際交流計畫」", y: 60),
            Self.block("本計畫依據花蓮縣政府國際事務推動要點辦理，以促進城市交流。", y: 100),
        ])
        #expect(d.title == "花蓮縣113年度國際交流計畫")
        #expect(d.year == 2024 && d.date == nil)
        #expect(d.kind(records: []) == .exchangePlan)
    }

    /// A date inside a sentence is not the document's.
    @Test func theDateStandsInTheTitleBlock() {
        let d = Self.describe([
            Self.block("交流活動行程", size: 22, y: 60),
            Self.block("本府訂於113年3月2日辦理交流，敬請出席。", y: 100),
            Self.block("修訂日期：113年2月20日", y: 700),
        ])
        #expect(d.date?.iso == "2024-02-20" && d.dateRaw == "113年2月20日")
        #expect(DocumentDescriber.findDate([Self.block("本府訂於113年3月2日辦理交流，敬請出席。", y: 100)]).0 == nil)
    }

    @Test func kinds() {
        #expect(Self.description(title: "臺北市議會114年度單位預算", clues: "派員出國計畫預算表").kind(records: ["trip"]) == .budgetBook)
        // A report about a budget is no budget book.
        #expect(Self.description(title: "預算執行專案報告", clues: "歲出預算表").kind(records: []) != .budgetBook)
        #expect(Self.description(title: "綜合規劃報告").kind(records: ["fundingLine", "statistic"]) == .fundingPlan)
        #expect(Self.description(title: "合作提案彙整表").kind(records: []) == .proposalList)
        #expect(Self.description(title: "北海道參訪行程").kind(records: ["scheduleItem"]) == .itinerary)
        #expect(Self.description(title: "一覽表").kind(records: ["proposal", "proposalForm", "statistic"]) == .proposalList)
        #expect(Self.description(title: "附件").kind(records: ["scheduleItem", "scheduleItem", "statistic"]) == .itinerary)
        #expect(Self.description(title: "附件").kind(records: ["trip", "statistic", "statistic"]) == .unknown)
        #expect(Self.description(title: nil).kind(records: []) == .unknown)
    }

    @Test func organisations() {
        #expect(DocumentDescriber.organisation(atStartOf: "臺中市政府秘書處報告人：處長李如芳") == "臺中市政府秘書處")
        #expect(DocumentDescriber.organisation(atStartOf: "花蓮縣政府中華民國108年11月15日修正") == "花蓮縣政府")
        #expect(DocumentDescriber.organisation(atStartOf: "本府交通局辦理情形") == nil)
        #expect(DocumentDescriber.organisation(atStartOf: "1.臺北市政府") == nil)
        #expect(DocumentDescriber.organisationPrefix(of: "臺北市政府秘書處工作報告") == "臺北市政府秘書處")
        #expect(DocumentDescriber.organisationPrefix(of: "出國報告") == nil)
        #expect(DocumentDescriber.stripQuotes("「北臺區域發展推動委員會」") == "北臺區域發展推動委員會")
        #expect(DocumentDescriber.stripQuotes("「甲」與「乙」") == "「甲」與「乙」")
    }
}
