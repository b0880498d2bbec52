import Testing
@testable import GazetteRecords
import GazetteTables

/// Proposal lists (項次 / 議題組別 / 主辦單位 / 提案名稱 / …) and
/// cooperation proposal forms (合作提案單, key–value with ☐/■).
struct ProposalReadersTests {
    static func proposals(_ table: LogicalTable) -> [ProposalRecord] {
        ProposalListReader.records(table, context()).compactMap(\.proposal)
    }

    static func form(_ table: LogicalTable) -> ProposalFormRecord? {
        ProposalFormReader.records(table, context()).first?.proposalForm
    }

    // MARK: lists

    @Test func aListUnderItsHeading() throws {
        let t = table(["項次", "議題組別", "主辦單位", "提案名稱", "持續列管原因"],
                      [["1", "休閒遊憩組", "臺北市政府觀光傳播局", "8 縣市旅遊資訊交流", "賡續辦理。"]],
                      title: "（二）擬持續列管 111 年度合作方案，共 1 案")
        let p = try #require(Self.proposals(t).first)
        #expect(p.list == "（二）擬持續列管 111 年度合作方案，共 1 案" && p.item == 1 && p.group == "休閒遊憩組")
        #expect(p.organization == "臺北市政府觀光傳播局" && p.title == "8 縣市旅遊資訊交流")
        #expect(p.note == "賡續辦理。" && p.centralAgency == nil)
        #expect(p.provenance == Provenance(table: "t1", row: 0, page: 3))
    }

    /// The nearest numbered heading above names the list when the title does not.
    @Test func theHeadingAboveNamesTheList() throws {
        let t = table(["項次", "議題組別", "提案單位", "提案名稱", "對應中央部會", "說明/進度"],
                      [["3", "交通運輸組", "新竹縣政府交通旅遊處", "建請中央補貼", "交通部", "函報交通部"]],
                      title: "表 2 請求中央協助案", linesAbove: ["表 2 請求中央協助案", "（一）112 年度新增合作提案，請求中央協助（共 8 案）"])
        let p = try #require(Self.proposals(t).first)
        #expect(p.list == "（一）112 年度新增合作提案，請求中央協助（共 8 案）" && p.centralAgency == "交通部" && p.item == 3)
        #expect(p.note == "函報交通部")
        // No numbered heading: the title.
        let plain = table(["項次", "提案單位", "提案名稱"], [["1", "基隆市政府", "港區轉型"]], title: "提案一覽表")
        #expect(Self.proposals(plain).first?.list == "提案一覽表")
    }

    @Test func headerVariants() throws {
        let t = table(["編號", "分組", "提案機關", "案由", "主管機關", "辦理情形"],
                      [["12", "環境保護組", "新北市政府環境保護局", "跨域河川整治", "環境部", "持續推動"]])
        let p = try #require(Self.proposals(t).first)
        #expect(p.item == 12 && p.group == "環境保護組" && p.organization == "新北市政府環境保護局")
        #expect(p.title == "跨域河川整治" && p.centralAgency == "環境部" && p.note == "持續推動")
    }

    /// 主辦部會 is the central agency, never the proposing organisation.
    @Test func aMinistryIsNoOrganisation() throws {
        let t = table(["項次", "提案名稱", "主辦部會"], [["1", "建請修正道路交通管理處罰條例", "交通部"]])
        let p = try #require(Self.proposals(t).first)
        #expect(p.organization == nil && p.centralAgency == "交通部")
    }

    /// A list may lack columns, as long as an item number or an organisation
    /// and one more column stand beside the title.
    @Test func missingColumns() throws {
        let p = try #require(Self.proposals(table(["項次", "提案名稱", "備註"], [["2", "共同行銷", "新增"]])).first)
        #expect(p.item == 2 && p.title == "共同行銷" && p.note == "新增" && p.group == nil && p.organization == nil)
        #expect(Self.proposals(table(["提案名稱", "備註"], [["共同行銷", "新增"]])).isEmpty)
        #expect(Self.proposals(table(["項次", "提案名稱"], [["2", "共同行銷"]])).isEmpty)
        #expect(Self.proposals(table(["項次", "計畫名稱", "備註"], [["2", "共同行銷", "新增"]])).isEmpty)
    }

    /// A group printed once over several proposals (a merged cell) is each one's.
    @Test func aMergedGroupCell() {
        let t = table(["項次", "議題組別", "提案單位", "提案名稱"],
                      [["1", "交通運輸組", "基隆市政府", "國道 1 號拓寬"], ["2", "", "宜蘭縣政府", "鐵路電氣化"],
                       ["3", "產業發展組", "桃園市政府", "產業園區"]],
                      spans: [(row: 0, col: 1, rowSpan: 2, colSpan: 1)])
        #expect(Self.proposals(t).map(\.group) == ["交通運輸組", "交通運輸組", "產業發展組"])
    }

    @Test func rowsWithoutATitleAreNoProposals() {
        let t = table(["項次", "議題組別", "提案單位", "提案名稱"],
                      [["", "一、交通運輸組", "", ""], ["1", "", "基隆市政府", "國道 1 號拓寬"]])
        let proposals = Self.proposals(t)
        #expect(proposals.map(\.title) == ["國道 1 號拓寬"] && proposals.map(\.provenance.row) == [1])
        // An item that is no number is left out; the proposal stays.
        #expect(Self.proposals(table(["項次", "提案單位", "提案名稱"], [["甲", "基隆市政府", "港區轉型"]])).first?.item == nil)
    }

    /// A council's list: the number as printed beside its integer, the
    /// proposer (a person, not an organisation), the committee's review and
    /// the council's resolution in fields of their own.
    @Test func aCouncilList() throws {
        let t = table(["編號", "提案人", "案由", "審查意見", "大會議決"],
                      [["民乙 16", "林哲凌", "建請改善住宅社區防災。", "照原案通過", "照審查意見通過"],
                       ["3", "周秀月", "建請拓寬南揚街。", "", "送請縣府研究辦理"]],
                      title: "雲林縣議會第17屆第16、17次臨時會議案一覽表",
                      linesAbove: ["第一審查會（民政類）", "議員提案", "雲林縣議會第17屆第16、17次臨時會議案一覽表"])
        let proposals = Self.proposals(t)
        try #require(proposals.count == 2)
        let p = proposals[0]
        #expect(p.itemRaw == "民乙 16" && p.item == nil && p.proposer == "林哲凌" && p.organization == nil)
        #expect(p.review == "照原案通過" && p.resolution == "照審查意見通過" && p.note == nil)
        // The line above names the list; the kind printed beside it is the group.
        #expect(p.list == "第一審查會（民政類）" && p.group == "議員提案")
        #expect(proposals[1].item == 3 && proposals[1].itemRaw == "3" && proposals[1].review == nil)
        // A title as the line above: the list is the title; no kind line, no group.
        let plain = table(["編號", "動議人", "案由", "大會決議"], [["民丁7", "蔡秋敏", "要求暫緩標售。", "照原案通過"]],
                          title: "第一審查會（民政類）", linesAbove: ["第一審查會（民政類）"])
        let q = try #require(Self.proposals(plain).first)
        #expect(q.list == "第一審查會（民政類）" && q.group == nil && q.proposer == "蔡秋敏" && q.resolution == "照原案通過")
        // A sentence or a unit line above names nothing: the title does.
        let sentence = table(["編號", "提案人", "案由", "決議"], [["1", "王議員", "建請改善。", "通過"]], title: "議案一覽表",
                             linesAbove: ["本會第 3 次會議決議如下。"])
        #expect(Self.proposals(sentence).first?.list == "議案一覽表")
    }

    /// The kind printed as each page's running header names the group of
    /// the rows on that page.
    @Test func theKindAsARunningHeader() throws {
        let t = table(["編號", "提案人", "案由", "審查意見", "大會議決"],
                      [["民乙 16", "林哲凌", "建請改善住宅社區防災。", "照原案通過", "照審查意見通過"],
                       ["建乙 64", "蔡秋敏", "建請改善道路。", "照原案通過", "照審查意見通過"]],
                      title: "雲林縣議會第17屆第16、17次臨時會議案一覽表", rowPages: [1, 2])
        let headers = [1: ["議員提案"], 2: ["第 2 頁", "縣府提案"]]
        let proposals = ProposalListReader.records(t, RecordContext(runningHeaders: headers)).compactMap(\.proposal)
        try #require(proposals.count == 2)
        #expect(proposals.map(\.group) == ["議員提案", "縣府提案"])
        #expect(ProposalListReader.records(t, context()).compactMap(\.proposal).allSatisfy { $0.group == nil })
    }

    // MARK: forms

    @Test func aFormWithCheckboxes() throws {
        let t = table(["提案名稱", "北臺跨流域污染治理合作計畫"],
                      [["提案單位", "新北市政府環境保護局"],
                       ["提案類型", "■ 跨縣市實質合作議題☐ 促請中央修正法案■ 縣市治理經驗與成果分享☐ 其他"],
                       ["合作縣市", "☐ 北臺八縣市■ 部分縣市☐宜蘭縣 ■基隆市 ■臺北市"],
                       ["提案說明", "河川流域橫跨多縣市。"], ["辦理方式", "1. 建立平台。"], ["預期效益", "1. 區域聯防。"],
                       ["聯絡人", "曾科長士豪 (02)2953-2111 分機 3031"]])
        let f = try #require(Self.form(t))
        #expect(f.title == "北臺跨流域污染治理合作計畫" && f.organization == "新北市政府環境保護局")
        #expect(f.types == ["跨縣市實質合作議題", "縣市治理經驗與成果分享"])
        #expect(f.partnerCities == ["部分縣市", "基隆市", "臺北市"])
        #expect(f.description == "河川流域橫跨多縣市。" && f.actions == "1. 建立平台。" && f.benefits == "1. 區域聯防。")
        #expect(f.contact == "曾科長士豪 (02)2953-2111 分機 3031" && f.provenance.row == 0 && f.provenance.page == 3)
    }

    /// Keys printed letter-spaced, the form's title in the header row, the
    /// value spread over merged cells.
    @Test func aFormWithItsKeysInTheBody() throws {
        let t = table(["合作提案單", ""],
                      [["提 案 名 稱", "桃園航空城聯外交通"], ["提案機關", "桃園市政府"], ["類別", "☑ 交通 □ 觀光"],
                       ["聯絡窗口", "交通局 王專員", "(03)332-2101"]])
        let f = try #require(Self.form(t))
        #expect(f.title == "桃園航空城聯外交通" && f.organization == "桃園市政府" && f.types == ["交通"])
        #expect(f.contact == "交通局 王專員 (03)332-2101" && f.partnerCities.isEmpty && f.description == nil)
    }

    @Test func aKeyValueTableWithFewKeysIsNoForm() {
        #expect(Self.form(table(["提案名稱", "共同行銷"], [["說明", "八縣市合作"], ["預期效益", "提升觀光"]])) == nil)
        // Four keys but no title.
        #expect(Self.form(table(["提案單位", "基隆市政府"],
                                [["提案類型", "■ 觀光"], ["說明", "合作"], ["聯絡人", "李科長"]])) == nil)
        // A proposal list is no form.
        #expect(Self.form(table(["項次", "提案單位", "提案名稱"], [["1", "基隆市政府", "港區轉型"]])) == nil)
    }

    @Test func checkedOptions() {
        #expect(ProposalFormReader.checkedOptions("☑ 基隆市 □ 臺北市 ■ 新北市") == ["基隆市", "新北市"])
        #expect(ProposalFormReader.checkedOptions("不適用") == ["不適用"])
        #expect(ProposalFormReader.checkedOptions("☐ 甲 ☐ 乙").isEmpty)
        #expect(ProposalFormReader.checkedOptions("").isEmpty)
    }

    @Test func formKeys() {
        #expect(ProposalFormReader.field(of: "提 案 名 稱") == .title)
        #expect(ProposalFormReader.field(of: "主辦機關") == .organization)
        #expect(ProposalFormReader.field(of: "具體作法") == .actions)
        #expect(ProposalFormReader.field(of: "提案名稱及內容") == nil)
    }
}
