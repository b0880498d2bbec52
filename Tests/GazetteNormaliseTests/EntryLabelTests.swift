import Testing

@testable import GazetteNormalise

/// The label an entry of a table or a list starts with (`EntryLabel`):
/// articles and item numbers, in ASCII and full-width digits and in
/// Chinese numerals, and the years, figures and headings that are none.
@Suite struct EntryLabelTests {
    @Test(arguments: [
        ("第三條　本法所稱", 3),
        ("第十條之一", 10),
        ("第二十一條", 21),
        ("第一百條", 100),
        ("第一百二十三條", 123),
        ("第 12 條 本辦法", 12),
        ("第12條", 12),
        ("第１２條", 12),
        ("第 １２ 條", 12),
        ("第　五　條", 5),
        ("第\u{2F17}條", 10),          // ⼗, a Kangxi radical in the text layer
    ])
    func articles(_ text: String, _ number: Int) throws {
        let label = try #require(EntryLabel.parse(text), "\(text)")
        #expect(label == .article(number))
        #expect(label.article == number && label.item == nil && label.number == number)
    }

    @Test(arguments: [
        ("01 赴日本考察", 1),
        ("02　赴荷蘭考察", 2),          // an ideographic space
        ("7  考察", 7),
        ("3、辦理國際交流", 3),
        ("3 、辦理", 3),
        ("12.出國開會", 12),
        ("12. 出國開會", 12),
        ("2．訪問", 2),
        ("５、訪問", 5),
        ("０５ 訪問", 5),
        ("１２．其他", 12),
        ("999 其他", 999),
        ("1. 5月辦理", 1),             // a space after the stop: a label, then text
    ])
    func itemNumbers(_ text: String, _ number: Int) throws {
        let label = try #require(EntryLabel.parse(text), "\(text)")
        #expect(label == .item(number))
        #expect(label.item == number && label.article == nil && label.number == number)
    }

    @Test(arguments: [
        // Years, amounts, figures.
        "114年度", "114 年", "3 人", "5 %", "12 項", "1,234", "114.08", "1.5億元", "12.5%", "1、2、3", "１．５",
        "2025 計畫", "1234 其他",
        // No number, or 0.
        "0 項", "00 赴日本", "0、其他",
        // Nothing sets the number apart, or nothing follows it.
        "3D列印", "02", "12 ", "１２",
        // Not at the start.
        " 01 赴日本", "赴日本 01", "本法第三條",
        // Other numbering: headings, chapters, an article without 條.
        "一、總則", "（一）說明", "(1) 其他", "①申請書", "A. Scope", "第一章 總則", "第 3 節", "第三", "第三項",
        "第A條", "第條", "第壹條",
        "",
    ])
    func notEntryLabels(_ text: String) {
        #expect(EntryLabel.parse(text) == nil, "\(text)")
    }
}
