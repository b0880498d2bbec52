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
