import GazetteNormalise
import Testing
@testable import GazetteLayout

/// Outline markers and page numbers read from text.
@Suite struct NumberingTests {
    @Test(arguments: [
        ("壹、監察院部分", OutlineStyle.financial, "壹", 1, "壹、", "監察院部分"),
        ("貳、審計部暨所屬部分", .financial, "貳", 2, "貳、", "審計部暨所屬部分"),
        ("拾壹、附錄", .financial, "拾壹", 11, "拾壹、", "附錄"),
        ("一、114年度施政目標及重點", .chinese, "一", 1, "一、", "114年度施政目標及重點"),
        ("十一、其他", .chinese, "十一", 11, "十一、", "其他"),
        ("二十、結語", .chinese, "二十", 20, "二十、", "結語"),
        ("二十三、結語", .chinese, "二十三", 23, "二十三、", "結語"),
        ("一 、 會議名稱", .chinese, "一", 1, "一 、", "會議名稱"),
        ("（一）積極參與國際交流活動", .parenChinese, "一", 1, "（一）", "積極參與國際交流活動"),
        ("(三) 致力貫徹陽光法令", .parenChinese, "三", 3, "(三)", "致力貫徹陽光法令"),
        ("㈡活化人才", .parenChinese, "二", 2, "㈡", "活化人才"),
        ("1、辦理市長及府級長官出國考察：", .arabic, "1", 1, "1、", "辦理市長及府級長官出國考察："),
        ("1.加強陳情案件", .arabic, "1", 1, "1.", "加強陳情案件"),
        ("12． 其他", .arabic, "12", 12, "12．", "其他"),
        ("（1）7 月 5 日至 7 月 8 日", .parenArabic, "1", 1, "（1）", "7 月 5 日至 7 月 8 日"),
        ("(3)9月 24日至 26日", .parenArabic, "3", 3, "(3)", "9月 24日至 26日"),
        ("⑷其他", .parenArabic, "4", 4, "⑷", "其他"),
        ("甲、說明", .stem, "甲", 1, "甲、", "說明"),
        ("（乙）附件", .parenStem, "乙", 2, "（乙）", "附件"),
        ("①申請書", .circled, "①", 1, "①", "申請書"),
        ("⑫其他", .circled, "⑫", 12, "⑫", "其他"),
        ("A. Scope", .upperLatin, "A", 1, "A.", "Scope"),
        ("(b) details", .parenLowerLatin, "b", 2, "(b)", "details"),
        ("第一章 總則", .chapter, "一", 1, "第一章", "總則"),
        ("第 3 節 預算", .section, "3", 3, "第 3 節", "預算"),
        ("  二、前言", .chinese, "二", 2, "二、", "前言"),
    ])
    func markers(_ line: String, _ style: OutlineStyle, _ label: String, _ number: Int, _ text: String, _ rest: String) throws {
        let (m, r) = try #require(OutlineMarker.parse(line))
        #expect(m.style == style)
        #expect(m.label == label)
        #expect(m.number == number)
        #expect(m.text == text)
        #expect(String(r) == rest)
    }

    @Test(arguments: ["一般行政", "1.5億元", "2024.01.01", "114年度", "(1.稅課收入)", "e.g. this", "一二、", "十分重要",
                      "第1次工作會議", "(A1)", "", "32,553", "三國演義", "Abc. def"])
    func notMarkers(_ line: String) {
        #expect(OutlineMarker.parse(line) == nil)
    }

    @Test func stylesAreOrderedOutermostFirst() {
        #expect(OutlineStyle.financial < .chinese)
        #expect(OutlineStyle.chinese < .parenChinese)
        #expect(OutlineStyle.parenChinese < .arabic)
        #expect(OutlineStyle.arabic < .parenArabic)
        #expect(OutlineStyle.parenArabic < .stem)
        #expect(OutlineStyle.allCases.map(\.rank) == Array(0..<OutlineStyle.allCases.count))
    }

    @Test(arguments: [
        ("5", "5", 5), ("- 5 -", "5", 5), ("—12—", "12", 12), ("－ 7 －", "7", 7), ("第 5 頁", "5", 5),
        ("第5頁，共12頁", "5", 5), ("第 5 頁/共 12 頁", "5", 5), ("5/12", "5", 5), ("5 / 12", "5", 5),
        ("(0801)-167", "(0801)-167", 167), ("1-2", "1-2", 2), ("6-58", "6-58", 58), ("iv", "iv", 4),
        ("XII", "XII", 12), ("- iii -", "iii", 3), ("Page 3 of 10", "3", 3), ("２８９", "289", 289),
    ])
    func pageNumbers(_ text: String, _ label: String, _ value: Int) throws {
        let n = try #require(PageNumber.parse(text))
        #expect(n.label == label)
        #expect(n.value == value)
    }

    @Test(arguments: ["監察院主管", "114年度", "合計", "12,345", "5 元", "iiii", "vx", "1-2-3", "2024/01/01", "第五頁", ""])
    func notPageNumbers(_ text: String) {
        #expect(PageNumber.parse(text) == nil)
    }

    @Test func contentsEntries() throws {
        let (title, ref) = try #require(PageAnalysis.contentsEntry("1、施政及預算重點說明.............................. 1-6"))
        #expect(title == "1、施政及預算重點說明")
        #expect(ref == "1-6")
        let spaced = try #require(PageAnalysis.contentsEntry("7、歲入來源別預算表..... ..........................16－20"))
        #expect(spaced.0 == "7、歲入來源別預算表" && spaced.1 == "16－20")
        #expect(PageAnalysis.contentsEntry("結果如下...其他說明") == nil)
        #expect(PageAnalysis.contentsEntry("1.5億元") == nil)
    }
}
