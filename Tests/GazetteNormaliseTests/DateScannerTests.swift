import Foundation
import Testing

@testable import GazetteNormalise

@Suite struct DateScannerTests {
    func raws(_ line: String, year: Int? = nil) -> [String] {
        DateScanner(context: DateContext(documentYear: year)).matches(in: TextFolder.fold(line)).map(\.raw)
    }

    @Test func findsDatesInRunningText() {
        #expect(raws("依據：臺北市政府民政局 104 年 1月 28 日北市民區字第 10430302700 號函。")
                == ["104 年 1月 28 日"])
        #expect(raws("三、 交流期程：104 年 7月 17 日至 18 日，行程及交流儀式(如附件 1)。")
                == ["104 年 7月 17 日至 18 日"])
        #expect(raws("三、 會議時間：112 年 8 月 8 日（星期二）下午 2 時 30 分")
                == ["112 年 8 月 8 日（星期二）"])
        #expect(raws("1. 已於112年4月17日、112年5月10日召") == ["112年4月17日", "112年5月10日"])
        // A day with its time right after it (列印時間 of a 謄本).
        #expect(raws("列印時間：民國114年06月10日10時25分") == ["民國114年06月10日"])
        #expect(raws("謹就本處 112 年 7 月 1 日至 12 月 31 日（以下簡稱 112 年下")
                == ["112 年 7 月 1 日至 12 月 31 日"])
        #expect(raws("赴日本參加 2017 日臺觀光高峰論壇 106/5/31-6/02 日本愛媛縣")
                == ["106/5/31-6/02"])
        #expect(raws("備註：107/4/19-4/25 「2018 年墨西哥世界設計之都及考察計畫」") == ["107/4/19-4/25"])
        #expect(raws("謹於中華民國 104 年 7月 17 日於臺南市左鎮區公所簽署") == ["中華民國 104 年 7月 17 日"])
        #expect(raws("中華民國一○五年二月") == ["中華民國一○五年二月"])
        #expect(raws("統計自 112 年 1 月至 5 月間，各縣市") == ["112 年 1 月至 5 月"])
        #expect(raws("113年1月啟動計畫") == ["113年1月"])
        #expect(raws("日期 1040406 與 96.07.17~96.07.19") == ["1040406", "96.07.17~96.07.19"])
        #expect(raws("經費 114.08-114.09 執行") == ["114.08-114.09"])
        #expect(raws("西元2023年8月8日") == ["西元2023年8月8日"])
        #expect(raws("中華民國112年施政計畫") == ["中華民國112年"])
        #expect(raws("自中華民國一○五年二月至三月止") == ["中華民國一○五年二月至三月"])
        #expect(raws("自即日起至112年12月31日止") == ["112年12月31日"])
    }

    @Test func dateValuesAreRight() throws {
        let line = "於 104/4/06-4/11 出訪"
        let match = try #require(DateScanner().matches(in: line).first)
        #expect(match.value.start.iso == "2015-04-06")
        #expect(match.value.end.iso == "2015-04-11")
        try #require(line.startIndex <= match.range.lowerBound && match.range.upperBound <= line.endIndex)
        #expect(String(line[match.range]) == "104/4/06-4/11")
    }

    @Test func contextFormsNeedADocumentYear() {
        let line = "（1）7 月 5 日至 7 月 8 日蔣市長率團赴新加坡進行市政考"
        #expect(raws(line).isEmpty)
        #expect(raws(line, year: 2023) == ["7 月 5 日至 7 月 8 日"])
        #expect(DateScanner(context: .roc(112)).matches(in: line).first?.value.yearFromContext == true)
        #expect(raws("(3)9月 24日至 26日蔣市長率團赴韓國首爾", year: 2023) == ["9月 24日至 26日"])
        #expect(raws("本府派員赴韓國進行市政交流 4/10-4/12 韓國昌原市", year: 2018) == ["4/10-4/12"])
        #expect(raws("今(112)年10月下旬辦理") == ["今(112)年10月下旬"])
        #expect(raws("今年10月下旬辦理", year: 2023) == ["今年10月下旬"])
        #expect(raws("期間 112年 7月 8月 9 月 10月 11月 12 月", year: 2023) == ["112年 7月"])
        #expect(raws("統計 1 月至 6 月", year: 2023) == ["1 月至 6 月"])
        // A lone month/day with a slash only in a list or an open range.
        #expect(raws("(2) 跨縣市文化資產交流：5/31、6/3、", year: 2023) == ["5/31", "6/3"])
        #expect(raws("(2) 跨縣市文化資產交流：5/31起至", year: 2023) == ["5/31"])
        #expect(raws("10/6止預計辦理14場", year: 2023) == ["10/6"])
        #expect(raws("(一) 上半年 5 月 16 號早上 11 點", year: 2023) == ["5 月 16 號"])
        #expect(raws("中央補助 1/2，地方 1/2", year: 2023).isEmpty)
        // A single month/day with a slash is too often a fraction or a page.
        #expect(raws("第 5/31 頁", year: 2023).isEmpty)
        #expect(raws("完成率 3/4", year: 2023).isEmpty)
    }

    @Test(arguments: [
        "112 年度北臺區域發展推動委員會", "（1）培養國際事務人才(109-112年)。", "1. 計畫期程：109 年至 112 年。",
        "欣逢貴會第 14屆第 3次定期大會", "電話：(02)2720-8889 分機 1234", "電話 03-8221234",
        "北市民區字第 10430302700 號函", "府授文字第 1120808 號", "14:00-14:30 30 mins 開放登入",
        "表 5-1-2 綱要計畫 1.2 經費需求及財源表 (百萬元)", "公文線上簽核比率達 99.9%，撙節 11.8%",
        "花東基金 0 3.282 2.109 3.282 0 0 8.673", "- 12 -", "第 3 頁，共 10 頁", "2023 亞太城市高峰會",
        "108 年以前 113 年以後", "一、前言.....1", "十一、 本計畫奉核可後實施", "112年下半年", "7月 8月 9 月 10月",
        "11月 19日 水燈節", "https://meet.google.com/fwv-omvk-nra", "版本 1.2.3.4", "大陸事務研習班第 2期",
        "參訪左鎮區", "陸柒捌", "中華民國112年度施政計畫", "三年計畫", "每 3 年 1 次", "30 日內", "約 1 萬 3,100 餘公尺", "ISBN 978-986-1234567", "1040406號",
    ])
    func findsNothingIn(line: String) {
        #expect(raws(line).isEmpty, "\(line): \(raws(line))")
    }

    /// Every line of the seed documents scans without a crash, and every
    /// match it reports parses alone to the same value.
    @Test func seedDocumentsScanConsistently() throws {
        let seeds = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else {
            Issue.record("missing seed documents at \(seeds.path)")
            return
        }
        var total = 0
        for file in files.sorted() where file.hasSuffix(".txt") && file != "README.md" {
            let text = try String(contentsOfFile: seeds.appendingPathComponent(file).path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let folded = TextFolder.fold(String(line))
                for match in DateScanner().matches(in: folded) {
                    total += 1
                    #expect(DateParser.parse(match.raw) == match.value, "\(file): \(match.raw)")
                }
            }
        }
        #expect(total > 150)
    }
}
