import Foundation
import GazetteNormalise
import GazetteTables

/// Reads trips from trip tables: a trip report's table (因公出國計畫名稱 /
/// 出國日期 / 出國地點 / 出國人員 / 預算經費 / 出國內容成效) or a budget
/// book's 派員出國計畫 table (計畫名稱 / 擬前往國家 / 預計前往期間 / 擬派人數 /
/// 旅費預算 … 合計, in 千元).
enum TripTableReader {
    /// Where each trip field is in a table.
    struct Columns {
        var plan: Int
        var dates: Int?
        var destination: Int?
        var travellers: Int?
        var count: Int?
        var budget: Int?
        var outcomes: Int?
        /// The plan's column also holds its 領域代碼 (計畫名稱及領域代碼).
        var planHasCode = false
    }

    /// The trip columns of a table, or nil when it is not a trip table.
    static func columns(of table: LogicalTable) -> Columns? {
        let header = table.header
        var map = HeaderMap(header)
        guard map.count >= 3 else { return nil }
        guard let plan = map.take(#"名稱|計畫$|^(案由|案名|事由|出國事由|計畫項目)$"#, excluding: #"機構|機關|單位|地點|國家|科目"#)
        else { return nil }
        let dates = map.take(#"日期|期間|起訖|期程|時間|出國時程"#, excluding: #"天數|日數"#)
        let destination = map.take(#"地點|國家|地區|國別|目的地|城市|前往"#, excluding: #"機構|機關|單位|期間|日期|拜會"#)
        let count = map.take(#"人數"#)
        let travellers = map.take(#"人員|成員|團員|隨行|出國者|姓名|職稱"#, excluding: #"人數"#)
        let outcomes = map.take(#"成效|成果|效益|心得|結果|具體"#)
        let budget = budgetColumn(&map)
        // What makes it a trip table: where people go, and when or with
        // what money or people.
        let tripWords = #"出國|前往|國家|派員|赴|訪問|考察|研習|參訪"#
        let context = ([table.title ?? ""] + table.linesAbove.prefix(3)).joined(separator: " ")
        guard destination != nil, dates != nil || budget != nil,
              budget != nil || travellers != nil || count != nil || outcomes != nil,
              map.any(tripWords) || context.matches(pattern: tripWords)
        else { return nil }
        return Columns(plan: plan, dates: dates, destination: destination, travellers: travellers, count: count,
                       budget: budget, outcomes: outcomes, planHasCode: header[plan].includes("代碼"))
    }

    /// The column holding a trip's whole budget: a 合計 / 總計 column when
    /// the costs are broken down, else the one budget column.
    static func budgetColumn(_ map: inout HeaderMap) -> Int? {
        let money = #"經費|預算|旅費|費用|金額|花費|支出|合計|總計"#
        let candidates = (0..<map.count).filter { map.labels[$0].regexRange(money) != nil }
        if let total = candidates.first(where: { map.leaves[$0].matches(pattern: #"^(合計|總計|小計|總額|總經費|經費合計|旅費合計)"#) }) {
            return map.take("^" + NSRegularExpression.escapedPattern(for: map.labels[total]) + "$")
        }
        return map.take(money, excluding: #"科目|來源|交通費|生活費|辦公費|保險費|禮品"#)
    }

    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        guard let cols = columns(of: table) else { return [] }
        let moneyUnit = cols.budget.flatMap { UnitText.moneyUnit(of: table, column: $0) }
        var records: [Record] = []
        for (index, row) in table.rows.enumerated() {
            func cell(_ c: Int?) -> String? { c.flatMap { $0 < row.count ? TextTools.nonEmpty(row[$0]) : nil } }
            guard let plan = cell(cols.plan), !TextTools.isTotalLabel(plan) else { continue }
            // A category row (一、考察) has nothing but its label.
            let others = [cols.dates, cols.destination, cols.travellers, cols.count, cols.budget, cols.outcomes]
            if others.allSatisfy({ cell($0) == nil }) { continue }

            var trip = TripRecord(provenance: Provenance(table: table.id, row: index, page: table.page(ofRow: index)))
            let name = planParts(plan, hasCode: cols.planHasCode)
            trip.planName = name.name
            trip.itemNumber = name.item
            trip.areaCode = name.code
            if let text = cell(cols.dates), let value = tripDates(text, context: context) {
                trip.startDate = value.start.iso
                trip.endDate = value.end.iso
            }
            trip.destination = cell(cols.destination)
            trip.travellers = cell(cols.travellers)
            if let count = cell(cols.count) {
                trip.travellerCount = TextTools.integer(count) ?? travellerCount(in: count)
            } else if let travellers = trip.travellers {
                trip.travellerCount = travellerCount(in: travellers)
            }
            if let raw = cell(cols.budget) {
                trip.budgetRaw = raw
                trip.budgetTWD = budget(raw, unit: moneyUnit)
            }
            trip.outcomes = cell(cols.outcomes)
            records.append(.trip(trip))
        }
        return records
    }

    /// A budget book's plan cell in its parts: the entry's number ahead of
    /// the name, the name, and (where the column is 計畫名稱及領域代碼) the
    /// two-digit 領域代碼 after it: `01 赴日本考察…政策 83` → 01, 赴日本考察…政策, 83.
    static func planParts(_ text: String, hasCode: Bool) -> (item: String?, name: String, code: String?) {
        var name = Substring(text.trimmingSpaces())
        var item: String?, code: String?
        if let r = name.range(of: #"^[0-9０-９]{1,3}[\s、.．]+"#, options: .regularExpression), r.upperBound < name.endIndex {
            item = String(name[r]).trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}、.．"))
            name = name[r.upperBound...]
        }
        if hasCode, let r = name.range(of: #"\s*[0-9０-９]{2}$"#, options: .regularExpression), r.lowerBound > name.startIndex {
            code = String(name[r]).trimmingSpaces()
            name = name[..<r.lowerBound]
        }
        return (item, String(name).trimmingSpaces(), code)
    }

    /// The dates of a trip cell: the whole cell as one date or range
    /// (104/4/06-4/11, 114.08-114.09, 4/10-4/12 with the document year),
    /// else the first date in it.
    static func tripDates(_ text: String, context: RecordContext) -> DateValue? {
        let squeezed = text.replacingOccurrences(of: "\n", with: "")
        if let value = DateParser.parse(squeezed, context: context.dateContext) { return value }
        let joined = CharacterClass.removingSpaces(squeezed)
        if let value = DateParser.parse(joined, context: context.dateContext) { return value }
        return DateScanner(context: context.dateContext).matches(in: squeezed).first?.value
    }

    /// 等七人 → 7, 共 5 人 → 5, 計 13 名 → 13.
    static func travellerCount(in text: String) -> Int? {
        let t = CharacterClass.removingSpaces(text)
        let pattern = #"(等|共|計|合計|共計)([0-9０-９零〇一二兩三四五六七八九十百]+)(人|名|位)"#
        guard let r = t.regexRange(pattern, backwards: true) else {
            if let n = NumberParser.parse(t), ["人", "名", "位"].contains(n.unit ?? ""), let v = n.value.integerValue {
                return Int(v)
            }
            return nil
        }
        var inner = String(t[r])
        for prefix in ["合計", "共計", "等", "共", "計"] where inner.hasPrefix(prefix) {
            inner.removeFirst(prefix.count)
            break
        }
        inner.removeLast()
        guard let q = NumberParser.parse(inner), let v = q.value.integerValue, v >= 0 else { return nil }
        return Int(v)
    }

    /// A budget in New Taiwan dollars: an amount as printed (新臺幣 51 萬
    /// 2,005 元), or a bare figure in the table's unit (300 in 千元); nil for
    /// 核銷中 and other words.
    static func budget(_ raw: String, unit: TableUnit?) -> Int? {
        if let amount = AmountParser.parse(raw), amount.currency == .TWD { return Int(amount.value) }
        if let unit, let amount = unit.amount(fromCell: raw), amount.currency == .TWD { return Int(amount.value) }
        return nil
    }
}
