/// The labels Taiwanese government tables and forms print: column headers
/// of trip, proposal, budget, funding, schedule, land-register and
/// performance tables, and the unit lines above them. Defined once, here:
/// OCR sets back a label it misread by one character of low confidence
/// (`OCRGlyphs.vocabularyCorrections`: 計畫名般 → 計畫名稱), because one
/// misread header label makes the records stage miss a whole table.
///
/// Words of three characters or more only: a two-character label differs
/// by one character from too many ordinary words.
public enum LabelVocabulary {
    public static let words: Set<String> = [
        // Trips abroad (trip reports, budget books' 派員出國計畫).
        "因公出國計畫名稱", "計畫名稱", "出國日期", "出國地點", "出國人員", "預算經費", "出國內容成效", "擬前往國家",
        "預計前往期間", "預計期間", "預計天數", "擬派人數", "出國人數", "旅費預算", "交通費", "生活費", "辦公費", "計畫數",
        "擬拜會或視察機構",
        // Proposals, motions, council lists.
        "提案名稱", "提案單位", "提案人", "連署人", "附議人", "審查意見", "審查結果", "辦理情形", "執行情形",
        "主辦單位", "承辦單位", "協辦單位", "對應中央部會", "議題組別", "提案說明", "預期效益", "聯絡人",
        "辦理方式", "合作縣市", "建議事項", "議員姓名",
        // Budgets, funding, statistics.
        "機關名稱", "經費來源", "預算科目", "歸屬預算科目", "預算數", "決算數", "核定金額", "計畫內容", "活動名稱",
        "業務內容", "服務項目", "服務期間", "服務時數", "受理件數", "結案件數", "績效指標", "衡量標準",
        "目標值", "進度說明", "新臺幣千元", "新臺幣元", "新臺幣萬元", "新臺幣百萬元",
        // Forms and registers.
        "注意事項", "聯絡電話", "統一編號", "登記日期", "登記原因", "所有權人", "權利範圍", "權利人", "權利種類",
        "使用分區", "使用地類別", "公告土地現值", "修正條文", "現行條文",
    ]
}
