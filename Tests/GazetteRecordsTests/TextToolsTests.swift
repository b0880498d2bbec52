import GazetteNormalise
import Testing
@testable import GazetteRecords

/// The small text tests the readers share: blanks, totals, labels, integers.
struct TextToolsTests {
    @Test func squeezeAndNonEmpty() {
        #expect(CharacterClass.removingSpaces("機 關　名 稱") == "機關名稱")
        #expect(TextTools.nonEmpty("  交通局\n") == "交通局")
        #expect(TextTools.nonEmpty(" \n ") == nil && TextTools.nonEmpty(nil) == nil)
        #expect("派員出國計畫".matches(pattern: "出國|考察") && !"道路改善".matches(pattern: "出國|考察"))
    }

    @Test func cellsThatSayNothing() {
        for blank in ["", " ", "-", "－", "—", "--", "無", "不適用", "N/A", "x", "*", "/"] {
            #expect(TextTools.isBlank(blank), "\(blank)")
        }
        for text in ["0", "無線網路", "交通局", String(repeating: "-", count: 30)] {
            #expect(!TextTools.isBlank(text), "\(text)")
        }
    }

    @Test func totalRows() {
        for total in ["合計", "合　計", "總計", "小計", "共計", "Total", "本府合計", "資本門小計"] {
            #expect(TextTools.isTotalLabel(total), "\(total)")
        }
        for other in ["合計數", "合作", "計畫", "總務處"] { #expect(!TextTools.isTotalLabel(other), "\(other)") }
    }

    @Test func enumerationLabels() throws {
        let cases: [(String, OutlineStyle, String)] = [
            ("壹、會議議程", .financial, "會議議程"), ("一、前言", .chinese, "前言"), ("（一）積極參與", .parenChinese, "積極參與"),
            ("(二)、說明", .parenChinese, "說明"), ("1、辦理考察", .arabic, "辦理考察"), ("2. 簽署備忘錄", .arabic, "簽署備忘錄"),
            ("（1）7月5日", .parenArabic, "7月5日"), ("①赴新加坡", .circled, "赴新加坡"),
        ]
        for (text, style, rest) in cases {
            let label = try #require(TextTools.label(of: text), "\(text)")
            #expect(label.style == style && label.rest == rest, "\(text)")
        }
        // Figures and words that start like labels.
        for text in ["1.5公頃", "一般行政", "10月5日", "123、456", "(03)476-8216", "交通局"] {
            #expect(TextTools.label(of: text) == nil, "\(text)")
        }
    }

    @Test func headings() {
        #expect(TextTools.isHeading("一、前言"))
        #expect(TextTools.isHeading("（二）擬持續列管 111 年度合作方案，共 1 案"))
        #expect(!TextTools.isHeading("一、本府於 7 月辦理考察。"))
        #expect(!TextTools.isHeading("一、"))
        #expect(!TextTools.isHeading("前言"))
        #expect(!TextTools.isHeading("1、" + String(repeating: "說", count: 41)))
    }

    @Test func integersOfCells() {
        #expect(TextTools.integer("12") == 12)
        #expect(TextTools.integer(" 1 2 ") == 12)
        #expect(TextTools.integer("十二") == 12)
        #expect(TextTools.integer("1,200") == 1200)
        #expect(TextTools.integer("1.5") == nil)
        #expect(TextTools.integer("12件") == nil)
        #expect(TextTools.integer("甲") == nil)
    }
}
