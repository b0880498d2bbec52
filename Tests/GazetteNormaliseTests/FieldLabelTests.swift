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
