import GazetteNormalise
import GazetteRead
import GazetteTables
@testable import GazetteRecords
import Testing

/// The recognisers on small tables shaped like the seed documents' and
/// their variants: tables are matched by what their headers say.
struct RecordReaderTests {
    static func table(_ header: [String], _ rows: [[String]], title: String? = nil, unit: String? = nil,
                      spans: [TableSpan] = [], above: [String] = [], below: [String] = []) -> LogicalTable {
        LogicalTable(id: "t1", title: title, unit: unit, header: header, rows: rows,
                     rowPages: rows.indices.map { 3 + $0 / 2 }, spans: spans, linesAbove: above, linesBelow: below)
    }

    static func records(_ table: LogicalTable, year: Int? = nil, date: PartialDate? = nil) -> [Record] {
        RecordBuilder.records(tables: [table], documentYear: year, documentDate: date)
    }

    static func trips(_ records: [Record]) -> [TripRecord] {
        records.compactMap { if case .trip(let t) = $0 { return t } else { return nil } }
    }

    // MARK: Trips

    @Test func tripReportTable() throws {
        let t = Self.table(
            ["因公出國計畫名稱", "出國日期", "出國地點", "出國人員", "預算經費", "出國內容成效"],
            [["赴南韓首爾參加 ICLEI 世界大會", "104/4/06-4/11", "韓國首爾市", "市長林佳龍、研考會主委柳嘉峰等七人",
              "新臺幣 51 萬 2,005 元", "1. 拜會首爾市長。"],
             ["本府派員赴韓國進行市政交流", "4/10-4/12", "韓國昌原市", "市長林佳龍等十三人", "核銷中", "簽署備忘錄"]])
        let trips = Self.trips(Self.records(t, year: 2018))
        try #require(trips.count == 2)
        #expect(trips[0].startDate == "2015-04-06" && trips[0].endDate == "2015-04-11")
        #expect(trips[0].travellerCount == 7 && trips[0].budgetTWD == 512_005)
        #expect(trips[0].budgetRaw == "新臺幣 51 萬 2,005 元" && trips[0].outcomes == "1. 拜會首爾市長。")
        #expect(trips[1].startDate == "2018-04-10" && trips[1].endDate == "2018-04-12")
        #expect(trips[1].travellerCount == 13 && trips[1].budgetTWD == nil && trips[1].budgetRaw == "核銷中")
        #expect(trips[1].provenance == Provenance(table: "t1", row: 1, page: 3))
    }

    @Test func budgetBookSpread() throws {
        let t = Self.table(
            ["計畫名稱及領域代碼", "擬前往國家", "擬拜會或視察機構", "計畫內容", "預計前往期間", "預計天數", "擬派人數",
             "旅費預算/交通費", "旅費預算/生活費", "旅費預算/辦公費", "合計", "歸屬預算科目", "前三年內有無赴同一機構拜會"],
            [["一、考察", "", "", "", "", "", "", "", "", "", "", "", ""],
             ["赴日本考察智慧城市（C3）", "日本", "東京都", "考察…", "114.08-114.09", "6", "3", "165", "126", "9", "300",
              "一般行政", "無"],
             ["赴荷蘭考察循環經濟（A2）", "荷蘭", "阿姆斯特丹市政府", "考察…", "114.05", "8", "2", "184", "162", "8", "354",
              "一般行政", "有，111 年赴阿姆斯特丹市政府拜會"]],
            title: "派員出國計畫預算類別表", unit: "單位：新臺幣千元")
        let trips = Self.trips(Self.records(t, year: 2025))
        #expect(trips.map(\.provenance.row) == [1, 2])
        try #require(trips.count >= 2)
        #expect(trips[0].startDate == "2025-08" && trips[0].endDate == "2025-09")
        #expect(trips[1].startDate == "2025-05" && trips[1].endDate == "2025-05")
        #expect(trips.map(\.budgetTWD) == [300_000, 354_000] && trips.map(\.budgetRaw) == ["300", "354"])
        #expect(trips.map(\.travellerCount) == [3, 2] && trips.allSatisfy { $0.outcomes == nil && $0.travellers == nil })
        #expect(trips[0].destination == "日本")
    }

    @Test func tripTableVariantHeadersAndUnitInHeader() throws {
        let t = Self.table(
            ["出國計畫", "出國期間", "前往國家/城市", "出國成員", "經費（元）"],
            [["赴日本參加會議", "113/5/2-5/6", "日本東京", "局長等3人", "120,000"]], title: "113 年度出國計畫執行情形")
        let trips = Self.trips(Self.records(t))
        try #require(trips.count == 1)
        #expect(trips[0].budgetTWD == 120_000 && trips[0].travellerCount == 3 && trips[0].startDate == "2024-05-02")
    }

    @Test func aTableWithoutDestinationsIsNoTripTable() {
        let t = Self.table(["計畫名稱", "執行期間", "經費"], [["道路改善", "113/1/1-113/12/31", "5,000"]])
        #expect(Self.trips(Self.records(t)).isEmpty)
    }

    @Test func travellerCounts() {
        #expect(TripTableReader.travellerCount(in: "市長林佳龍等二人") == 2)
        #expect(TripTableReader.travellerCount(in: "市長、副秘書長等十三人") == 13)
        #expect(TripTableReader.travellerCount(in: "共 5 人") == 5)
        #expect(TripTableReader.travellerCount(in: "市長林佳龍") == nil)
    }

    // MARK: Proposals

    @Test func proposalListUnderItsHeading() {
        let t = Self.table(
            ["項次", "議題組別", "主辦單位", "提案名稱", "持續列管原因"],
            [["1", "休閒遊憩組", "臺北市政府觀光傳播局", "8 縣市旅遊資訊交流", "賡續辦理。"]],
            title: "（二）擬持續列管 111 年度合作方案，共 1 案")
        guard case .proposal(let p)? = Self.records(t).first else { Issue.record("no proposal"); return }
        #expect(p.list == "（二）擬持續列管 111 年度合作方案，共 1 案" && p.item == 1 && p.group == "休閒遊憩組")
        #expect(p.organization == "臺北市政府觀光傳播局" && p.note == "賡續辦理。" && p.centralAgency == nil)

        let u = Self.table(
            ["項次", "議題組別", "提案單位", "提案名稱", "對應中央部會", "說明/進度"],
            [["3", "交通運輸組", "新竹縣政府交通旅遊處", "建請中央補貼", "交通部", "函報交通部"]],
            title: "表 2 請求中央協助案", above: ["表 2 請求中央協助案", "（一）112 年度新增合作提案，請求中央協助（共 8 案）"])
        guard case .proposal(let q)? = Self.records(u).first else { Issue.record("no proposal"); return }
        #expect(q.list == "（一）112 年度新增合作提案，請求中央協助（共 8 案）" && q.centralAgency == "交通部" && q.item == 3)
    }

    @Test func proposalFormWithCheckboxes() {
        let t = Self.table(
            ["提案名稱", "北臺跨流域污染治理合作計畫"],
            [["提案單位", "新北市政府環境保護局"],
             ["提案類型", "■ 跨縣市實質合作議題☐ 促請中央修正法案■ 縣市治理經驗與成果分享☐ 其他"],
             ["合作縣市", "☐ 北臺八縣市■ 部分縣市☐宜蘭縣 ■基隆市 ■臺北市"],
             ["提案說明", "河川流域橫跨多縣市。"], ["辦理方式", "1. 建立平台。"], ["預期效益", "1. 區域聯防。"],
             ["聯絡人", "曾科長士豪 (02)2953-2111 分機 3031"]])
        guard case .proposalForm(let f)? = Self.records(t).first else { Issue.record("no form"); return }
        #expect(f.title == "北臺跨流域污染治理合作計畫" && f.organization == "新北市政府環境保護局")
        #expect(f.types == ["跨縣市實質合作議題", "縣市治理經驗與成果分享"])
        #expect(f.partnerCities == ["部分縣市", "基隆市", "臺北市"])
        #expect(f.contact == "曾科長士豪 (02)2953-2111 分機 3031" && f.provenance.row == 0)
        #expect(ProposalFormReader.checkedOptions("不適用") == ["不適用"])
        #expect(ProposalFormReader.checkedOptions("☐ 甲 ☐ 乙").isEmpty)
    }

    // MARK: Funding

    @Test func fundingTableWithMergedGroups() {
        let t = Self.table(
            ["經費來源", "經費來源", "各年度經費需求 (百萬元)/108 年以前", "各年度經費需求 (百萬元)/109 年",
             "各年度經費需求 (百萬元)/110 年", "109-112 合計", "總計", "備註"],
            [["非自償", "中央預算", "0", "0", "0", "0", "0", ""],
             ["", "地方預算", "0", "3.282", "0.891", "4.173", "4.173", ""],
             ["自償", "民間投資", "0", "-", "0", "0", "0", ""],
             ["合計", "", "0", "3.282", "0.891", "4.173", "4.173", ""]],
            title: "表 5-1-2 經費需求及財源表 (百萬元)", unit: "(百萬元)",
            spans: [TableSpan(row: 0, col: 0, rowSpan: 2, colSpan: 1), TableSpan(row: 3, col: 0, rowSpan: 1, colSpan: 2)])
        let lines = Self.records(t).compactMap { if case .fundingLine(let l) = $0 { return l } else { return nil } }
        #expect(lines.count == 9)
        let local = lines.filter { $0.source == "地方預算" }
        #expect(local.map(\.category) == ["非自償", "非自償", "非自償"])
        #expect(local.map(\.period) == ["108 年以前", "109 年", "110 年"])
        #expect(local.map(\.amountTWD) == [0, 3_282_000, 891_000])
        #expect(lines.first { $0.source == "民間投資" && $0.period == "109 年" }?.amountTWD == nil)
    }

    // MARK: Schedules

    @Test func itineraryUnderADayHeading() throws {
        let t = Self.table(["07:00", "集合出發"], [["07:00~11:00", "國道風光"], ["11:00~12:00", "參訪左鎮區公所"]],
                           title: "臺北市大同區公所辦理104年度城鄉交流活動行程表",
                           above: ["104年7月17日參訪臺南市左鎮區、楠西區", "臺北市大同區公所辦理104年度城鄉交流活動行程表"])
        let items = Self.records(t).compactMap { if case .scheduleItem(let s) = $0 { return s } else { return nil } }
        try #require(items.count == 3)
        #expect(items[0].provenance.row == nil && items[0].start == "07:00" && items[0].end == nil)
        #expect(items[1].provenance.row == 0 && items[1].end == "11:00" && items[1].activity == "國道風光")
        #expect(items.allSatisfy { $0.date == "2015-07-17" })
    }

    @Test func agendaTakesTheMeetingDate() throws {
        let t = Self.table(["時間", "時間", "主題（內容）"],
                           [["14:00-14:30", "30 mins", "開放登入"], ["15:55", "-", "會議結束"]],
                           title: "五、會議議程：", above: ["五、會議議程：", "四、會議地點：線上會議"])
        let items = Self.records(t, date: PartialDate(year: 2023, month: 8, day: 8))
            .compactMap { if case .scheduleItem(let s) = $0 { return s } else { return nil } }
        #expect(items.map(\.activity) == ["開放登入", "會議結束"])
        try #require(items.count >= 2)
        #expect(items.allSatisfy { $0.date == "2023-08-08" } && items[1].end == nil)
    }

    @Test func aRegisterWithDatesIsNoSchedule() {
        let t = Self.table(["土地坐落", "面積", "權利範圍", "所有權人", "登記(取得)時間", "登記(取得)原因", "取得價額"],
                           [["東海段 0130-0002 地號", "384.98", "10000 分之 42", "張淑芳", "96 年 6 月 27 日", "受贈", "13,258"],
                            ["東海段 0130-0000 地號", "5,971.56", "10000 分之 42", "張淑芳", "96 年 6 月 27 日", "受贈", "205,660"]])
        #expect(!Self.records(t).contains { $0.type == "scheduleItem" })
    }

    // MARK: Statistics

    static func statistics(_ records: [Record]) -> [StatisticRecord] {
        records.compactMap { if case .statistic(let s) = $0 { return s } else { return nil } }
    }

    @Test func valuesAndUnitsAsPrinted() throws {
        let t = Self.table(["項次", "業務內容", "全府績效", "比率"],
                           [["1", "紙本來文採線上簽核", "129萬 4,421件", "99.8%"], ["3", "紙張採購箱數", "2萬 2,173箱", "撙節 11.8%"]],
                           above: ["處公文e化成效如下：", "本府及本"])
        let s = Self.statistics(Self.records(t))
        try #require(s.count == 4)
        #expect(s[0].row == "紙本來文採線上簽核" && s[0].column == "全府績效" && s[0].value == 1_294_421 && s[0].unit == "件")
        #expect(s[1].value == 99.8 && s[1].unit == "%")
        #expect(s[2].unit == "箱" && s[3].value == 11.8 && s[3].unit == "%")
        #expect(s[0].tableTitle == "本府及本處公文e化成效")
    }

    @Test func twoLabelValuePairsSideBySide() {
        let t = Self.table(["機 關 名 稱", "件數", "機 關 名 稱", "件數"],
                           [["都發局", "256", "交通局", "97"], ["客委會", "1", "", ""]], title: "陳情案件機關別統計")
        let s = Self.statistics(Self.records(t))
        #expect(s.map(\.row) == ["都發局", "交通局", "客委會"])
        #expect(s.map(\.value) == [256, 97, 1] && s.allSatisfy { $0.unit == "件" && $0.column == "件數" })
        #expect(s.map(\.provenance.row) == [0, 0, 1])
    }

    @Test func unitsFromHeadersAndTable() {
        let t = Self.table(["類別", "計畫數", "擬派人數", "旅費預算/交通費", "旅費預算/合計"],
                           [["考察", "3", "7", "407", "790"], ["合計", "8", "19", "1,261", "2,344"]],
                           title: "派員出國計畫預算彙總表", unit: "單位：新臺幣千元")
        let s = Self.statistics(Self.records(t))
        #expect(s.filter { $0.column == "計畫數" }.allSatisfy { $0.unit == nil })
        #expect(s.filter { $0.column == "擬派人數" }.allSatisfy { $0.unit == "人" })
        #expect(s.filter { $0.column?.hasPrefix("旅費預算") == true }.allSatisfy { $0.unit == "千元" })
        #expect(s.first { $0.row == "合計" && $0.column == "旅費預算/交通費" }?.value == 1261)

        let u = Self.table(["協請縣市", "支援縣市（件）/宜蘭縣", "支援縣市（件）/新北市"],
                           [["宜蘭縣", "-", "81"], ["新北市", "30", "-"]], title: "各縣市跨區轉報案件統計表")
        let v = Self.statistics(Self.records(u))
        #expect(v.count == 2 && v.allSatisfy { $0.unit == "件" })

        let w = Self.table(["縣市", "參與人次數", "環教場所到訪次數"], [["宜蘭縣", "62", "9"], ["合計", "351", "150"]])
        #expect(Self.statistics(Self.records(w)).map(\.unit) == ["人次", "次", "人次", "次"])
    }

    /// The 派員出國計畫預算彙總表 of a real budget book (監察院主管, 114 年度),
    /// organisations × kinds of trip: statistics in 千元, not trips.
    @Test func budgetSummaryByOrganisation() {
        let t = Self.table(["機關名稱", "考察", "視察", "訪問", "開會", "談判", "合計"],
                           [["合計", "2,967", "2,779", "2,076", "8,110", "-", "15,932"],
                            ["1. 監察院", "2,967", "-", "809", "7,190", "-", "10,966"]],
                           title: "派員出國計畫預算彙總表", unit: "單位：新臺幣千元")
        let records = Self.records(t)
        #expect(Self.trips(records).isEmpty)
        let s = Self.statistics(records)
        #expect(s.count == 9 && s.allSatisfy { $0.unit == "千元" && $0.tableTitle == "派員出國計畫預算彙總表" })
        #expect(s.first { $0.row == "1. 監察院" && $0.column == "開會" }?.value == 7190)
    }

    @Test func descriptionsAndCodesAreNoFigures() {
        let text = Self.table(["藥劑名稱", "稀釋倍數", "施藥方法", "注意事項"],
                              [["第滅寧乳劑", "2,000 倍", "每隔 7 天施藥一次。", "採收前 6 天停止施藥。"],
                               ["百滅寧乳劑", "1,000 倍", "幼蟲發生時施藥。", "勿污染水源。"]])
        #expect(Self.records(text).isEmpty)
        let phones = Self.table(["區域", "場所", "聯絡電話"], [["北部", "桃園區農業改良場", "(03)476-8216"], ["中部", "臺中區", "(04)852-3101"]])
        #expect(Self.records(phones).isEmpty)
        let codes = Self.table(["科目/款", "科目/項", "科目/名稱及編號", "本年度預算數"],
                               [["01", "", "臺北市議會主管", "914,402"], ["", "001", "臺北市議會", "914,402"]])
        let s = Self.statistics(Self.records(codes))
        #expect(s.map(\.column) == ["本年度預算數", "本年度預算數"] && s.map(\.row) == ["臺北市議會主管", "臺北市議會"])
    }

    @Test func captionFromALeadInSentence() {
        let t = Self.table(["肥料名稱", "氮", "磷酐"], [["硫酸銨", "21", "0"], ["尿素", "46", "0"]],
                           title: "三、合理化施肥", above: ["表為常用肥料三要素含量（%），施用時應依土壤肥力調整：", "施用化學肥料前，應先辦理土壤肥力檢測。下", "三、合理化施肥"])
        let s = Self.statistics(Self.records(t))
        #expect(s.allSatisfy { $0.tableTitle == "常用肥料三要素含量" && $0.unit == "%" })
    }

    // MARK: Trips in running text

    @Test func tripsFromRunningText() throws {
        let paragraphs = [
            "一、國際交流及城市外交", "（一）積極參與國際交流活動", "1、辦理市長及府級長官出國考察：",
            "（1）7月5日至7月8日蔣市長率團赴新加坡進行市政考察，交流面向包含交通等。",
            "（2）8月1日至8月17日本人隨臺北市議會議長訪團赴中南歐捷克、匈牙利等國家城市訪問。",
            "（3）10月25日至29日楊慶輝參事赴土耳其出席「2023城市與地方政府聯盟世界理事會」。",
            "2、簽署合作交流備忘錄共計5項：", "（1）8月23日與日本濱松市簽署「臺北市與濱松市友好交流協定書」。",
            "（4）9月25日蔣市長赴韓國首爾出席會議。",
        ].map { RunningParagraph(page: 1, text: $0) }
        let trips = Self.trips(RecordBuilder.records(tables: [], paragraphs: paragraphs, documentYear: 2023))
        try #require(trips.count == 3)
        #expect(trips.map(\.destination) == ["新加坡", "捷克、匈牙利", "土耳其"])
        #expect(trips.map(\.travellers) == ["蔣市長", "本人", "楊慶輝參事"])
        #expect(trips[0].planName == "蔣市長率團赴新加坡進行市政考察，交流面向包含交通等。")
        #expect(trips[2].startDate == "2023-10-25" && trips[2].endDate == "2023-10-29")
        #expect(trips.allSatisfy { $0.provenance.table == nil && $0.provenance.row == nil })
    }
}

/// The title block: title, issuer, date and kind.
struct DocumentDescriberTests {
    static func block(_ text: String, size: Double = 14, page: Int = 1, y: Double, furniture: Bool = false) -> DescribedBlock {
        DescribedBlock(page: page, text: text, fontSize: size, isBold: false, box: Rect(x0: 72, y0: y, x1: 400, y1: y + size),
                       pageWidth: 595, pageHeight: 842, isFurniture: furniture)
    }

    @Test func coverWithReporterAndDate() {
        let blocks = [
            Self.block("臺中市議會第2屆第7次定期會", size: 16, y: 60),
            Self.block("林佳龍市長執政以來所有出國公務預算明細", size: 26, y: 150),
            Self.block("及出國內容成效專案報告", size: 26, y: 190),
            Self.block("臺中市政府", size: 18, y: 400),
            Self.block("臺中市政府秘書處報告人：處長李如芳", y: 500),
            Self.block("中華民國107年5月11日", y: 600),
            Self.block("一、前言", page: 2, y: 80), Self.block("為讓國際看見臺中。", page: 2, y: 100),
        ]
        let d = DocumentDescriber.describe(blocks: blocks, tableHeaders: [["因公出國計畫名稱", "出國日期"]], tableTitles: [], outlineTitles: [])
        #expect(d.title == "林佳龍市長執政以來所有出國公務預算明細及出國內容成效專案報告")
        #expect(d.issuer == "臺中市政府秘書處")
        #expect(d.date == PartialDate(year: 2018, month: 5, day: 11) && d.dateRaw == "中華民國107年5月11日")
        #expect(d.kind(records: ["trip", "trip"]) == .tripReport)
    }

    @Test func formalNameAndHostOfAMeeting() {
        let blocks = [
            Self.block("112年度北臺區域發展推動委員會", size: 24, y: 100), Self.block("副首長會議", size: 24, y: 140),
            Self.block("主辦單位：新北市政府中華民國112年8月8日", y: 500),
            Self.block("壹、會議議程", page: 2, y: 60),
            Self.block("一、會議名稱：112年度「北臺區域發展推動委員會」副首長會議", page: 2, y: 80),
            Self.block("二、會議主持人：新北市政府劉副市長和然", page: 2, y: 100),
            Self.block("三、會議時間：112年8月8日（星期二）下午2時30分", page: 2, y: 120),
        ]
        let d = DocumentDescriber.describe(blocks: blocks, tableHeaders: [], tableTitles: [], outlineTitles: [])
        #expect(d.title == "112年度「北臺區域發展推動委員會」副首長會議")
        #expect(d.issuer == "新北市政府" && d.date?.iso == "2023-08-08")
        #expect(d.kind(records: ["scheduleItem", "proposal", "statistic"]) == .meetingAgenda)
    }

    @Test func titleSetAsARunningHeader() {
        let blocks = [
            Self.block("臺北市政府秘書處工作報告", size: 10, y: 30, furniture: true),
            Self.block("臺北市政府秘書處工作報告", size: 20, y: 87, furniture: true),
            Self.block("召集人、副召集人、各位議員女士、先生：", y: 127),
            Self.block("謹就本處112年7月1日至12月31日重要業務執行成果扼要報告，敦請各位議員不吝賜教。", y: 150),
        ]
        let d = DocumentDescriber.describe(blocks: blocks, tableHeaders: [], tableTitles: [], outlineTitles: [])
        #expect(d.title == "臺北市政府秘書處工作報告" && d.issuer == "臺北市政府秘書處" && d.date == nil)
        #expect(d.year == 2023)
        #expect(d.kind(records: ["trip", "statistic"]) == .workReport)
    }
}
