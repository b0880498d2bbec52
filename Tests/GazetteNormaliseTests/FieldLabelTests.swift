import Testing

@testable import GazetteNormalise

/// The label of a printed `label：value` pair.
@Suite struct FieldLabelTests {
    @Test(arguments: [
        ("日期：中華民國100年1月12日", "日期", "中華民國100年1月12日"),
        ("地　目：建", "地目", "建"),
        ("交換類別:第一類（不加密）", "交換類別", "第一類（不加密）"),
        ("列席：", "列席", ""),
        (" 製表人 ： 郭真真 ", "製表人", "郭真真"),
        ("業務計畫及工作計畫名稱與編號：32028300101", "業務計畫及工作計畫名稱與編號", "32028300101"),
    ])
    func labels(_ text: String, _ label: String, _ value: String) throws {
        let pair = try #require(FieldLabel.split(text))
        #expect(pair.label == label && pair.value == value)
    }

    @Test(arguments: ["10:30 全國連線壓力測試", "一、說明：依來函辦理", "主席（許議長崑源）：現在開會", "A：B",
                      "這是一句很長很長很長很長很長的句子而且沒有停：的"])
    func notLabels(_ text: String) {
        #expect(FieldLabel.split(text) == nil, "\(text)")
    }
}

/// The labels of a form's cells (`FieldLabel`, parentheses allowed), the
/// grammar `KeyValueForm` reads a 土地登記謄本 by.
@Suite struct FormCellLabelTests {
    @Test(arguments: [
        ("登記日期：民國105年03月08日", "登記日期", "民國105年03月08日"),
        ("利息（率）：年息2%", "利息（率）", "年息2%"),
        ("權利範圍(持分):全部", "權利範圍(持分)", "全部"),
        ("住　　址：臺北市", "住址", "臺北市"),
        ("前次移轉現值或原規定地價：", "前次移轉現值或原規定地價", ""),
    ])
    func labels(_ text: String, _ label: String, _ value: String) throws {
        #expect(FieldLabel.startsWithLabel(text, characters: .hanAndParentheses))
        let pair = try #require(FieldLabel.split(text, characters: .hanAndParentheses))
        #expect(pair.label == label && pair.value == value)
    }

    /// Parentheses make a label only in a form's cells: in running text
    /// 主席（許議長崑源）： is a speaker.
    @Test func parenthesesOnlyInFormCells() throws {
        let text = "利息（率）：年息2%"
        #expect(FieldLabel.split(text) == nil)
        #expect(!FieldLabel.startsWithLabel(text))
        #expect(FieldLabel.split(text, characters: .hanAndParentheses)?.label == "利息（率）")
    }

    @Test(arguments: ["10:30 全國連線壓力測試", "A：B", "一、說明：依來函辦理", "3.備註：無",
                      "本年度預算數內容與上年度之比較如下:", "登記日期 民國105年", ""])
    func notLabels(_ text: String) {
        #expect(FieldLabel.split(text, characters: .hanAndParentheses) == nil, "\(text)")
        #expect(!FieldLabel.startsWithLabel(text, characters: .hanAndParentheses), "\(text)")
    }

    /// Sixteen characters of a label at the most, letter spacing not counted.
    @Test func sixteenCharactersAtTheMost() {
        let sixteen = String(repeating: "名", count: 16), seventeen = String(repeating: "名", count: 17)
        for characters in [FieldLabel.Characters.han, .hanAndParentheses] {
            #expect(FieldLabel.split(sixteen + "：值", characters: characters)?.label == sixteen)
            #expect(FieldLabel.split(seventeen + "：值", characters: characters) == nil)
            let spaced = sixteen.map(String.init).joined(separator: "　")
            #expect(FieldLabel.split(spaced + "：值", characters: characters)?.label == sixteen)
        }
    }
}
