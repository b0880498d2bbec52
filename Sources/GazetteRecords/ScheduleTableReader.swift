import Foundation
import GazetteNormalise
import GazetteTables

/// Reads agendas and itineraries: a column of time slots (14:00-14:30,
/// 07:00~11:00, 下午2時) or days (10 月 7日) beside an activity column. The
/// day of a slot is its own date cell, else the day heading just above the
/// table (104 年 7月 17 日參訪…), else, for a meeting's agenda, the
/// document's date.
enum ScheduleTableReader {
    /// What a cell of the time column says.
    enum Slot {
        case time(TimeValue)
        case date(DateValue)
    }

    static func slot(_ cell: String, context: RecordContext) -> Slot? {
        let t = cell.trimmingSpaces()
        guard !t.isEmpty else { return nil }
        if let time = TimeParser.parse(t) { return .time(time) }
        if let date = DateParser.parse(t, context: context.dateContext), date.precision == .day { return .date(date) }
        return nil
    }

    static func records(_ table: LogicalTable, _ context: RecordContext) -> [Record] {
        // A header row that is a slot (07:00 | 集合出發) is the first entry.
        let headerIsEntry = table.header.contains { slot($0, context: context) != nil }
        var entries: [(row: Int?, cells: [String])] = []
        if headerIsEntry { entries.append((nil, table.header)) }
        entries += table.rows.enumerated().map { ($0.offset, $0.element) }
        let columns = table.columnCount
        guard columns >= 2, entries.count >= 2 else { return [] }
        // An agenda or itinerary is narrow, its slot column named as one
        // (a register of land with a 登記時間 column is not).
        guard columns <= 5 else { return [] }

        // The slot column: most of its cells are times or days.
        var slotColumn: Int?
        for c in 0..<columns {
            let cells = entries.map { c < $0.cells.count ? $0.cells[c] : "" }.filter { !TextTools.isBlank($0) }
            guard cells.count >= 2 else { continue }
            let parsed = cells.filter { slot($0, context: context) != nil }.count
            if parsed * 10 >= cells.count * 8 {
                slotColumn = c
                break
            }
        }
        guard let slotColumn else { return [] }
        let labels = headerIsEntry ? [] : table.header.map(CharacterClass.removingSpaces)
        if !labels.isEmpty, slotColumn < labels.count, !labels[slotColumn].isEmpty,
           !labels[slotColumn].matches(pattern: #"^(時間|日期|時段|時程|日程|行程|期程|活動日期|活動時間|辦理日期|辦理時間|日期時間|日期/時間)$"#) {
            return []
        }
        guard let activityColumn = activityColumn(entries.map(\.cells), labels: labels, excluding: slotColumn, columns: columns)
        else { return [] }
        // Days without times: a two- or three-column list of days and what happens.
        let hasTimes = entries.contains { e in
            guard slotColumn < e.cells.count, case .time = slot(e.cells[slotColumn], context: context) else { return false }
            return true
        }
        if !hasTimes {
            guard columns <= 3 else { return [] }
            if !labels.isEmpty, activityColumn < labels.count,
               !labels[activityColumn].matches(pattern: activityWords) { return [] }
        }

        let day = tableDay(table, context: context)
        var records: [Record] = []
        for entry in entries {
            let cells = entry.cells
            guard slotColumn < cells.count, let s = slot(cells[slotColumn], context: context) else { continue }
            let activity = activityColumn < cells.count ? TextTools.nonEmpty(cells[activityColumn]) : nil
            let page = entry.row.map(table.page(ofRow:)) ?? table.firstPage
            var item = ScheduleItemRecord(provenance: Provenance(table: table.id, row: entry.row, page: page))
            switch s {
            case .time(let time):
                item.date = day?.iso
                item.start = time.start.description
                item.end = time.end?.description
            case .date(let date):
                item.date = date.start.iso
            }
            item.activity = activity
            records.append(.scheduleItem(item))
        }
        return records.count >= 2 ? records : []
    }

    /// Labels of an activity column.
    static let activityWords = #"主題|內容|活動|行程|議程|事項|議題|節目|流程|會議"#

    /// The activity column: named 主題 / 內容 / 活動 / 行程 …, else the widest
    /// column of text that is neither times nor durations (30 mins) nor figures.
    static func activityColumn(_ rows: [[String]], labels: [String], excluding slot: Int, columns: Int) -> Int? {
        if let named = labels.indices.first(where: { $0 != slot && labels[$0].matches(pattern: activityWords) }) {
            return named
        }
        var best: (column: Int, length: Int)?
        for c in 0..<columns where c != slot {
            let cells = rows.map { c < $0.count ? $0[c] : "" }.filter { !TextTools.isBlank($0) }
            guard !cells.isEmpty else { continue }
            let textual = cells.filter {
                TimeParser.parse($0) == nil && NumberParser.parse($0) == nil
                    && !$0.matches(pattern: #"^[0-9０-９]+\s*(mins?|分鐘|分|min\.?|hrs?|小時|h)$"#)
            }
            guard textual.count * 10 >= cells.count * 8 else { continue }
            let length = textual.map(\.count).reduce(0, +)
            if best == nil || length > best!.length { best = (c, length) }
        }
        return best?.column
    }

    /// The day a table's time slots belong to: a day heading among the few
    /// lines above it, or the document's date for a meeting's agenda.
    static func tableDay(_ table: LogicalTable, context: RecordContext) -> PartialDate? {
        let scanner = DateScanner(context: context.dateContext)
        for line in ([table.title].compactMap { $0 } + table.linesAbove.prefix(6)) {
            let squeezed = CharacterClass.removingSpaces(line)
            guard squeezed.count <= 40 || squeezed.matches(pattern: #"時間|日期|日程"#) else { continue }
            let days = scanner.matches(in: line).filter { $0.value.precision == .day && !$0.value.isRange }
            if days.count == 1 { return days[0].value.start }
        }
        let words = ([table.title ?? ""] + table.linesAbove.prefix(4) + table.header).joined(separator: " ")
        if words.matches(pattern: #"議程|會議|開會|程序"#), let date = context.documentDate, date.day != nil {
            return date
        }
        return nil
    }
}
