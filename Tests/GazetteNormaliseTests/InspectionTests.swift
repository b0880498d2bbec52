import Foundation
import Testing

@testable import GazetteNormalise

@Suite struct InspectionTests {
    @Test func compactJSONObjects() throws {
        #expect(try Inspection.json(kind: "date", text: "104/4/06-4/11")
                == #"{"start":"2015-04-06","end":"2015-04-11","precision":"day"}"#)
        #expect(try Inspection.json(kind: "date", text: "107 年 4 月")
                == #"{"start":"2018-04","end":"2018-04","precision":"month"}"#)
        #expect(try Inspection.json(kind: "date", text: "民國112年")
                == #"{"start":"2023","end":"2023","precision":"year"}"#)
        #expect(try Inspection.json(kind: "date", text: "5/31", documentYear: 2023)
                == #"{"start":"2023-05-31","end":"2023-05-31","precision":"day","yearFromContext":true}"#)
        #expect(try Inspection.json(kind: "date", text: "5/31", documentYear: 112)
                == #"{"start":"2023-05-31","end":"2023-05-31","precision":"day","yearFromContext":true}"#)
        #expect(try Inspection.json(kind: "number", text: "一○五") == #"{"value":105}"#)
        #expect(try Inspection.json(kind: "number", text: "99.8%") == #"{"value":99.8,"unit":"%"}"#)
        #expect(try Inspection.json(kind: "number", text: "(1,234)") == #"{"value":-1234}"#)
        #expect(try Inspection.json(kind: "number", text: "0.891") == #"{"value":0.891}"#)
        #expect(try Inspection.json(kind: "number", text: "1,784件") == #"{"value":1784,"unit":"件"}"#)
        #expect(try Inspection.json(kind: "amount", text: "新臺幣 51 萬 2,005 元")
                == #"{"value":512005,"currency":"TWD"}"#)
        #expect(try Inspection.json(kind: "time", text: "下午 2 時 30 分") == #"{"start":"14:30","end":null}"#)
        #expect(try Inspection.json(kind: "time", text: "14:00-14:30") == #"{"start":"14:00","end":"14:30"}"#)
        #expect(try Inspection.json(kind: "text", text: "行政院１２３") == #"{"text":"行政院123"}"#)
        #expect(try Inspection.json(kind: "text", text: "say \"hi\"\\") == #"{"text":"say \"hi\"\\"}"#)
    }

    @Test func outputIsValidJSON() throws {
        for (kind, text) in [("text", "a\u{1}b\tc"), ("text", "⼈⼝統計　（一）"), ("date", "中華民國一○五年二月"),
                             ("number", "-0.5"), ("amount", "NT$1"), ("time", "15:55 -")]
        {
            let json = try Inspection.json(kind: kind, text: text)
            #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any], "\(json)")
        }
    }

    @Test func errorsAreLocalizedAndSayWhy() {
        func message(_ kind: String, _ text: String) -> String? {
            do {
                _ = try Inspection.json(kind: kind, text: text)
                return nil
            } catch let error as LocalizedError {
                return error.errorDescription
            } catch {
                return "not a LocalizedError"
            }
        }
        #expect(message("date", "112年")?.contains("year alone") == true)
        #expect(message("date", "112年13月1日")?.contains("month 13") == true)
        #expect(message("number", "五十一萬XYZ")?.contains("XYZ") == true)
        #expect(message("amount", "核銷中")?.contains("核銷中") == true)
        #expect(message("time", "25:00")?.contains("25:00") == true)
        #expect(message("colour", "red")?.contains("unknown kind") == true)
    }
}
