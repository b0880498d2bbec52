import GazetteNormalise
import Testing
@testable import GazetteRecords

/// Key–value forms printed in running text: runs of `label：value` lines.
struct RunningTextFormsTests {
    static func forms(_ paragraphs: [RunningParagraph]) -> [FormRecord] {
        RunningTextForms.records(in: paragraphs, context: context()).compactMap(\.form)
    }

    /// A paragraph of one line of one piece.
    static func line(_ text: String, page: Int = 1, size: Double = 12) -> RunningParagraph {
        RunningParagraph(page: page, text: text, fontSize: size)
    }

    @Test func theHeadOfAMeetingRecord() throws {
        let forms = Self.forms([
            Self.line("高雄市議會第1屆第1次臨時會第3次會議紀錄", size: 16),
            Self.line("日期：中華民國100年1月12日下午2時10分"),
            Self.line("地點：本會議事廳"),
            // A value wrapped onto the next line of its paragraph.
            RunningParagraph(page: 1, text: "出席：議長許崑源 副議長蔡昌達議員顏曉菁等63人（如簽到簿）",
                             lines: [["出席：議長許崑源 副議長蔡昌達"], ["議員顏曉菁等63人（如簽到簿）"]], fontSize: 12),
            Self.line("主席：許議長崑源"),
            Self.line("壹、報告事項"),
            Self.line("記錄：不在表頭"),
        ])
        let form = try #require(forms.first)
        #expect(forms.count == 1)
        #expect(form.title == "高雄市議會第1屆第1次臨時會第3次會議紀錄" && form.provenance == Provenance(table: nil, row: nil, page: 1))
        #expect(form.fields.keys == ["日期", "地點", "出席", "主席"])
        #expect(form.fields["出席"] == "議長許崑源 副議長蔡昌達議員顏曉菁等63人（如簽到簿）")
        #expect(form.values["日期"] == .date("2011-01-12") && form.values["地點"] == FormValue.none)
    }

    /// Pairs side by side on one line are pairs of their own; a title set
    /// no larger than the form, not the page's first line, is no title.
    @Test func pairsSideBySide() throws {
        let forms = Self.forms([
            Self.line("政治獻金收支結算表"),
            Self.line("上表係依政治獻金法之規定辦理結算申報。此致"),
            Self.line("監察院"),
            RunningParagraph(page: 5, text: "製表人：郭真真擬參選人：郭裕信", lines: [["製表人：郭真真", "擬參選人：郭裕信"]], fontSize: 12),
            RunningParagraph(page: 5, text: "結算日期：104年11月30日申報日期：105年01月21日",
                             lines: [["結算日期：104年11月30日", "申報日期：105年01月21日"]], fontSize: 12),
        ].map { var p = $0; p.page = 5; return p })
        let form = try #require(forms.first)
        #expect(form.title == nil && form.fields.keys == ["製表人", "擬參選人", "結算日期", "申報日期"])
        #expect(form.values["申報日期"] == .date("2016-01-21") && form.provenance.page == 5)
    }

    /// A label met again starts the next form; a page ends one.
    @Test func blocksEndWithARepeatedLabelOrThePage() {
        let forms = Self.forms([
            Self.line("姓名：王大明"), Self.line("職稱：科長"), Self.line("姓名：林小美"), Self.line("職稱：專員"),
            Self.line("服務機關：行政院", page: 2), Self.line("職稱：政務委員", page: 3),
        ])
        #expect(forms.map { $0.fields.keys } == [["姓名", "職稱"], ["姓名", "職稱"]])
    }

    /// One pair, notes and unit lines are no form; a speaker's turn in
    /// parentheses is no label.
    @Test func whatIsNoForm() {
        #expect(Self.forms([Self.line("列印筆數：3"), Self.line("本表僅供參考。")]).isEmpty)
        #expect(Self.forms([Self.line("單位：新臺幣千元"), Self.line("說明：人天係各計畫預計天數乘以擬派人數之合計。")]).isEmpty)
        #expect(Self.forms([Self.line("說明：依據來函辦理。"), Self.line("註：本件經會計師查核簽證。")]).isEmpty)
        #expect(Self.forms([Self.line("主席（許議長崑源）：現在開會。"), Self.line("議員（陳明澤）：謝謝主席。")]).isEmpty)
        #expect(Self.forms([Self.line("附錄一：科技領域學習重點 ........ 28"), Self.line("附錄二：議題融入說明 ........ 31")]).isEmpty)
        // A paragraph that does not start with a label ends the run.
        #expect(Self.forms([Self.line("日期：100年1月12日"), Self.line("今日天氣晴。"), Self.line("地點：議事廳")]).isEmpty)
        // Contact details alone, under a notice to readers, are an address.
        #expect(Self.forms([Self.line("電話：(07)7470171轉262、248"), Self.line("傳真：(07)7109126")]).isEmpty)
        // Beside a letter's fields they are its fields.
        #expect(Self.forms([Self.line("承辦人：王大明"), Self.line("電話：(06)9274400"), Self.line("傳真：(06)9274401")])
            .map { $0.fields.keys } == [["承辦人", "電話", "傳真"]])
    }

    /// A block with a proposal list's labels is a proposal, under the last
    /// heading; each block under it too.
    @Test func proposalsAsKeyValueBlocks() throws {
        let records = RunningTextForms.records(in: [
            Self.line("貳、審議市政府提案"),
            Self.line("編號：1"), Self.line("類別：民政"), Self.line("案由：請審議重陽敬老禮品實施計畫經費擬先行墊付執行案。"),
            Self.line("決議：同意辦理。"),
            Self.line("編號：2"), Self.line("類別：財政"), Self.line("案由：請審議追加預算案。"), Self.line("決議：照案通過。"),
        ], context: context())
        let proposals = records.compactMap(\.proposal)
        try #require(proposals.count == 2 && records.count == 2)
        #expect(proposals[0].list == "貳、審議市政府提案" && proposals[0].item == 1 && proposals[0].itemRaw == "1")
        #expect(proposals[0].group == "民政" && proposals[0].resolution == "同意辦理。" && proposals[0].proposer == nil)
        #expect(proposals[1].title == "請審議追加預算案。" && proposals[1].list == "貳、審議市政府提案")
        #expect(proposals.allSatisfy { $0.provenance == Provenance(table: nil, row: nil, page: 1) })
    }

    /// A proposal block goes on over a page break: its 決議 at the top of the
    /// next page, or its text cut mid-sentence; the numbered items of its
    /// 說明 printed as paragraphs of their own stay in it. 說明人員 (who
    /// answered) is no note.
    @Test func proposalsGoOnOverThePageAndThroughNumberedItems() throws {
        let records = RunningTextForms.records(in: [
            Self.line("貳、審議市政府提案"),
            RunningParagraph(page: 1, text: "編號：1類別：民政", lines: [["編號：1", "類別：民政"]], fontSize: 12),
            Self.line("案由：請審議本市老人健康檢查計畫案。"),
            Self.line("說明：一、依據老人福利法辦理。"),
            Self.line("二、所需經費由本府編列。"),
            Self.line("說明人員：社會局局長"),
            Self.line("決議：照案通過。", page: 2),
            RunningParagraph(page: 2, text: "編號：2類別：財經", lines: [["編號：2", "類別：財經"]], fontSize: 12),
            Self.line("案由：請審議本市公有零售市場自治條例修正草案，", page: 2),
            Self.line("提請審議案。", page: 3),
            Self.line("決議：修正通過。", page: 3),
            // After the resolution, text without a label is no part of it.
            Self.line("散會：下午5時。", page: 3),
            Self.line("主席宣布散會。", page: 3),
        ], context: context())
        let proposals = records.compactMap(\.proposal)
        try #require(proposals.count == 2)
        #expect(proposals[0].note == "一、依據老人福利法辦理。二、所需經費由本府編列。")
        #expect(proposals[0].resolution == "照案通過。" && proposals[0].provenance.page == 1)
        #expect(proposals[1].title == "請審議本市公有零售市場自治條例修正草案，提請審議案。")
        #expect(proposals[1].resolution == "修正通過。" && proposals[1].group == "財經")
        #expect(ProposalListReader.columns(["編號", "案由", "說明人員"])?.note == nil)
    }

    /// A form (a meeting record's head) still ends with its page, and a
    /// proposal's finished sentence does not reach over it.
    @Test func aFormEndsWithItsPage() {
        let records = RunningTextForms.records(in: [
            Self.line("編號：1"), Self.line("案由：請審議追加預算案。"), Self.line("決議：照案通過。"),
            Self.line("本會第二次會議紀錄如附。", page: 2),
        ], context: context())
        #expect(records.compactMap(\.proposal).map(\.resolution) == ["照案通過。"])
    }

    /// A letter-spaced label whose first character the gap cut off (等 |
    /// 別：初等考試) is one label; a lone character before other text is not.
    @Test func letterSpacedLabelsCutByTheirGap() throws {
        let forms = Self.forms([
            Self.line("114年公務人員初等考試試題", size: 16),
            Self.line("等"), Self.line("別：初等考試"), Self.line("類"), Self.line("科：統計"),
        ])
        let form = try #require(forms.first)
        #expect(form.title == "114年公務人員初等考試試題" && form.fields.keys == ["等別", "類科"])
        #expect(form.fields["類科"] == "統計")
        #expect(RunningTextForms.joiningLetterSpacedLabels([Self.line("等"), Self.line("待審議案：三件")]).count == 2)
    }

    /// The pairs of a page's running header (代號 / 頁次 at the top right of
    /// an exam paper's every page) open the first form of that page only.
    @Test func runningHeaderPairsOpenThePagesFirstForm() throws {
        let paragraphs = [
            Self.line("114年公務人員初等考試試題", size: 16), Self.line("等別：初等考試"), Self.line("類科：統計"),
            Self.line("本試題為單一選擇題。"), Self.line("科目：統計學大意"), Self.line("考試時間：1小時"),
        ]
        let context = RecordContext(runningHeaders: [1: ["代號：4512 頁次：6－1"], 2: ["代號：4512"]])
        let forms = RunningTextForms.records(in: paragraphs, context: context).compactMap(\.form)
        try #require(forms.count == 2)
        #expect(forms[0].fields.keys == ["代號", "頁次", "等別", "類科"] && forms[0].values["代號"] == .number(4512))
        #expect(forms[1].fields.keys == ["科目", "考試時間"])
        #expect(RunningTextForms.headerPairs(["第1屆第6次臨時會 代號：1"]).isEmpty)
        #expect(RunningTextForms.headerPairs(["單位：新臺幣千元"]).isEmpty)
    }

    /// A list printout's block of pairs repeated at the top of every page
    /// (its running header) is a form on each page, apart from the page's
    /// own forms; two pairs are not.
    @Test func aBlockOfPairsInTheRunningHeaderIsAFormOfItsPage() throws {
        let header = ["候選人登記彙總表", "選舉名稱：103年直轄市議員選舉 製表日期：103/09/10", "列印筆數：688"]
        let context = RecordContext(runningHeaders: [2: header, 3: header, 4: ["代號：4512 頁次：6－2"]])
        let paragraphs = [Self.line("候選人名單如下。", page: 2), Self.line("姓名：王大明", page: 3), Self.line("職稱：議員", page: 3)]
        let forms = RunningTextForms.records(in: paragraphs, context: context).compactMap(\.form)
        try #require(forms.count == 3)
        #expect(forms[0].provenance.page == 2 && forms[0].title == "候選人登記彙總表")
        #expect(forms[0].fields.keys == ["選舉名稱", "製表日期", "列印筆數"] && forms[0].values["列印筆數"] == .number(688))
        // Page 3: the header's form, then the page's own.
        #expect(forms[1].provenance.page == 3 && forms[1].fields.keys == ["選舉名稱", "製表日期", "列印筆數"])
        #expect(forms[2].provenance.page == 3 && forms[2].fields.keys == ["姓名", "職稱"])
    }
}
