import Foundation
import Testing

@testable import GazetteNormalise

/// The plain figures of table cells (what a spreadsheet stores as a number)
/// and the dashes that stand for none.
@Suite struct CellFigureTests {
    @Test(arguments: [
        ("1,234", "1234", 0, false), ("0", "0", 0, false), ("105", "105", 0, false), ("99.8", "99.8", 1, false),
        ("1.50", "1.5", 2, false), ("0.891", "0.891", 3, false), ("123,456,789", "123456789", 0, false),
        ("-1000", "-1000", 0, false), ("+2", "2", 0, false), ("△525", "-525", 0, false), ("△ 1,234", "-1234", 0, false),
        ("(525)", "-525", 0, false), ("（1,234.5）", "-1234.5", 1, false), ("－１，２３４", "-1234", 0, false),
        ("−12", "-12", 0, false), ("12.5%", "12.5", 1, true), ("100％", "100", 0, true), ("-3.25 %", "-3.25", 2, true),
        (" 1,234 ", "1234", 0, false), ("１２３", "123", 0, false), ("0.5", "0.5", 1, false),
        ("999,999,999,999,999", "999999999999999", 0, false),
    ])
    func figures(cell: String, value: String, decimals: Int, percent: Bool) throws {
        let figure = try #require(CellFigure.parse(cell), "\(cell) should be a figure")
        guard case .number(let v, let d, let p) = figure else {
            Issue.record("\(cell): \(figure) is not a number")
            return
        }
        #expect(v.description == value, "\(cell)")
        #expect(d == decimals, "\(cell): decimals")
        #expect(p == percent, "\(cell): percent")
    }

    @Test(arguments: ["-", "－", "—", "–", "─", "--", "―", " - "])
    func dashes(cell: String) {
        #expect(CellFigure.parse(cell) == .dash, "\(cell)")
    }

    /// Text, codes and numbers that are not plain figures stay text.
    @Test(arguments: [
        "", "  ", "abc", "1,23", "12,34,567", "007", "0123", "01,234", "1.", ".5", "1 2", "--1", "(1,234", "1,234)",
        "五十", "一百零五", "1,200萬", "51 萬 2,005", "1.5億", "百分之五十", "1,784件", "485 人", "1,234元", "NT$5",
        "112年", "104/4/06", "14:30", "3-5", "1,000,000,000,000,000", "1234567890123456", "第3次", "A1", "---",
    ])
    func notFigures(cell: String) {
        #expect(CellFigure.parse(cell) == nil, "\(cell) should stay text")
    }

    @Test func errorsSayWhy() throws {
        do {
            _ = try CellFigure.validate("007")
            Issue.record("007 read as a figure")
        } catch {
            #expect(error.kind == "figure")
            #expect(error.reason.contains("leading zero"), "\(error.reason)")
        }
        do {
            _ = try CellFigure.validate("1,784件")
            Issue.record("1,784件 read as a figure")
        } catch {
            #expect(error.reason.contains("件"), "\(error.reason)")
        }
        let json = try Inspection.json(kind: "figure", text: "△525")
        #expect(json == #"{"value":-525,"decimals":0,"percent":false}"#)
        #expect(try Inspection.json(kind: "figure", text: "—") == #"{"dash":true}"#)
    }
}
