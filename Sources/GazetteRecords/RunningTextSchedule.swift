import Foundation
import GazetteNormalise

/// Reads agenda lines printed in running text: a day, what happens and a
/// clock time or span, on one line (`103/11/12 全國連線壓力測試 10:30 ~14:00`),
/// several entries side by side too. One `scheduleItem` per entry; a page
/// needs two such entries at least (one dated line with a time is a
/// sentence, not an agenda). Only clock times (10:30, 13:30 ~ 20:00) count:
/// 下午2時 in a sentence is no slot.
enum RunningTextSchedule {
    /// A clock time, or a span of two.
    static let clock = #"[0-9]{1,2}\s*[:：]\s*[0-9]{2}(\s*[~～\-－–至到]\s*[0-9]{1,2}\s*[:：]\s*[0-9]{2})?"#

    static func records(in paragraphs: [RunningParagraph], context: RecordContext) -> [Record] {
        let scanner = DateScanner(context: context.dateContext)
        var byPage: [(page: Int, items: [ScheduleItemRecord])] = []
        for paragraph in paragraphs {
            for line in paragraph.lines {
                let items = entries(line.joined(separator: " "), page: paragraph.page, scanner: scanner)
                guard !items.isEmpty else { continue }
                if byPage.last?.page == paragraph.page { byPage[byPage.count - 1].items += items } else {
                    byPage.append((paragraph.page, items))
                }
            }
        }
        return byPage.filter { $0.items.count >= 2 }.flatMap { $0.items.map(Record.scheduleItem) }
    }

    /// The entries of one printed line: each day (a date of a day, not a
    /// range) up to the next one, with a clock time and an activity beside it.
    static func entries(_ line: String, page: Int, scanner: DateScanner) -> [ScheduleItemRecord] {
        let days = scanner.matches(in: line).filter { $0.value.precision == .day && !$0.value.isRange }
        var items: [ScheduleItemRecord] = []
        for (i, day) in days.enumerated() {
            let end = i + 1 < days.count ? days[i + 1].range.lowerBound : line.endIndex
            let rest = line[day.range.upperBound..<end]
            guard let r = rest.range(of: clock, options: .regularExpression),
                  let time = TimeParser.parse(String(rest[r])) else { continue }
            let before = String(rest[..<r.lowerBound]), after = String(rest[r.upperBound...])
            guard let activity = activity(before) ?? activity(after) else { continue }
            items.append(ScheduleItemRecord(provenance: Provenance(table: nil, row: nil, page: page),
                                            date: day.value.start.iso, start: time.start.description,
                                            end: time.end?.description, activity: activity))
        }
        return items
    }

    /// What happens: a short text beside the time, not a sentence's rest
    /// in parentheses.
    static func activity(_ text: String) -> String? {
        guard let t = TextTools.nonEmpty(text.trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}-－:：,，、"))),
              t.count <= 40, !t.hasPrefix("("), !t.hasPrefix("（") else { return nil }
        return t
    }
}
