import GazetteNormalise
import Testing
@testable import GazetteRecords

/// Ruled forms whose labels stand in cells of their own beside their values,
/// and the bands of numbered pairs ruled below them: one form.
struct CellFormTests {
    @Test func labelCellsBesideValuesAndANumberedBand() throws {
        let head = table([], [["業務計畫及工作計畫名稱與編號", "12345678901一般行政-一般行政", "承辦單位", "某某市政府某某處",
                               "預算金額", "12,345千元"]], id: "t4", title: "歲出計畫說明提要與各項費用明細表", rowPages: [7])
        let band = table(["", "一、計畫內容：辦理甲業務，其內容如下：1.乙業務：丙。2.丁業務：戊。二、預期成果： 提升效率。"],
                         [["歲出計畫說明", ""]], id: "t5", rowPages: [7])
        let body = table(["分支計畫及用途別科目", "預算數"], [["合計", "12,345,000"]], id: "t6", rowPages: [7])
        let records = RecordBuilder.records(tables: [head, band, body], documentYear: nil)
        let forms = records.compactMap(\.form)
        try #require(forms.count == 1)
        let form = forms[0]
        #expect(form.title == "歲出計畫說明提要與各項費用明細表" && form.provenance.page == 7)
        #expect(form.fields.keys == ["業務計畫及工作計畫名稱與編號", "承辦單位", "預算金額", "計畫內容", "預期成果"])
        #expect(form.fields["計畫內容"] == "辦理甲業務，其內容如下：1.乙業務：丙。2.丁業務：戊。")
        #expect(form.fields["預期成果"] == "提升效率。")
        #expect(form.values["預算金額"] == .number(12_345_000))
        #expect(form.values["業務計畫及工作計畫名稱與編號"] == FormValue.none)
    }

    /// The head of a 公職人員財產申報表: label cells beside their values in the
    /// table's header and first body row (a span's covered cells empty), the
    /// `2.` of the numbered 服務機關 / 職稱 below them, then the 配偶及未成年
    /// 子女 grid, which ends the form and stays a table.
    @Test func theHeadOfATableIsAFormOfItsOwn() throws {
        let head = table(
            [], [["申 報 日", "民國 097年 12月 31日", "", "", "申報類別", "定期申報", "", ""],
                 ["配偶及未成年子女", "", "", "", "配偶及未成年子女", "", "", ""],
                 ["稱謂", "", "姓名", "", "稱謂", "", "姓名", ""],
                 ["配偶", "", "張國英", "", "", "", "", ""]],
            id: "t26", title: "公職人員財產申報表", rowPages: [10, 10, 10, 10],
            headerRows: [["申報人姓名", "陳佐鎮", "", "服務機關", "1.臺北縣政府經濟發展局", "", "職稱", "1.局長"],
                         ["", "", "", "", "2.", "", "", "2."]])
        let found = try #require(FormReader.cellForm([head][...], context()))
        // Only the head: the table is left to the other readers.
        #expect(found.tables == 0)
        #expect(found.form.title == "公職人員財產申報表" && found.form.provenance.page == 10)
        #expect(found.form.fields.keys == ["申報人姓名", "服務機關", "職稱", "申報日", "申報類別"])
        #expect(found.form.fields["服務機關"] == "1.臺北縣政府經濟發展局2." && found.form.fields["職稱"] == "1.局長2.")
        #expect(found.form.values["申報日"] == FormValue.date("2008-12-31"))
        let records = RecordBuilder.records(tables: [head], documentYear: nil)
        #expect(records.compactMap(\.form).count == 1)
    }

    /// A row of a table broken by a page break, or agencies and their counts
    /// side by side, are no form: most values are names or figures.
    @Test func namesAndFiguresBesideNamesAreNoForm() {
        let fragment = table([], [["臺南縣永康市中華路", "223.70", "全部", "利德江", "第一商業銀行", "98年 1 月 9日"]])
        #expect(FormReader.cellForm([fragment][...], context()) == nil)
        let counts = table([], [["臺北市", "12", "新北市", "30"], ["桃園市", "7", "臺中市", "21"]])
        #expect(FormReader.cellForm([counts][...], context()) == nil)
        // A band's label cut by the page's rules beside its numbered pairs is no pair.
        let band = table([], [["歲出計", "一.計畫內容：甲。"], ["畫說", "二.預期成果：乙。"]])
        #expect(FormReader.cellForm([band][...], context()) == nil)
        // A two-column table whose rows run on below their labels is no form.
        let prose = table(["內容類別", "學習內容"], [["", "七年級資A-IV-1演算法基本概念"], ["演算法", "- 流程控制"]])
        #expect(FormReader.cellForm([prose][...], context()) == nil)
    }

    /// A header row of labels read as a body, or a table of columns, is no form.
    @Test func labelsBesideLabelsAreNoForm() {
        let labels = table([], [["機關名稱", "預算數", "決算數", "差額"]])
        #expect(FormReader.cellForm([labels][...], context()) == nil)
        let columns = table(["項目", "金額"], [["人事費", "1,000"], ["業務費", "2,000"]])
        #expect(FormReader.cellForm([columns][...], context()) == nil)
        let odd = table([], [["承辦單位", "某處", "備註"]])
        #expect(FormReader.cellForm([odd][...], context()) == nil)
    }

    @Test func numberedPairs() throws {
        let pairs = try #require(FieldLabel.numberedPairs("一、計畫內容：甲。1.說明：乙。二、預期成果：丙。"))
        try #require(pairs.count == 2)
        #expect(pairs[0].label == "計畫內容" && pairs[0].value == "甲。1.說明：乙。")
        #expect(pairs[1].label == "預期成果" && pairs[1].value == "丙。")
        #expect(FieldLabel.numberedPairs("計畫內容：甲") == nil)
        #expect(FieldLabel.numberedPairs("一、辦理甲業務") == nil)
        #expect(FieldLabel.isCellLabel("承辦單位") && FieldLabel.isCellLabel("承　辦　單　位"))
        #expect(!FieldLabel.isCellLabel("95,442千元") && !FieldLabel.isCellLabel("日期：") && !FieldLabel.isCellLabel("甲"))
    }
}
