/// A time of day on the 24-hour clock (24:00 only as the end of a range).
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0...24.
    public let hour: Int
    /// 0...59.
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// "HH:MM".
    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool {
        (a.hour, a.minute) < (b.hour, b.minute)
    }
}

/// A time or time span as printed: 下午 2 時 30 分, 14:00-14:30, 15:55 -
/// (open: `end` nil and `isOpenEnded` true).
public struct TimeValue: Hashable, Sendable {
    /// When it starts.
    public let start: TimeOfDay
    /// When it ends, if printed (after `start`).
    public let end: TimeOfDay?
    /// True for an open range such as "15:55 -" or 下午3時起.
    public let isOpenEnded: Bool

    public init(start: TimeOfDay, end: TimeOfDay? = nil, isOpenEnded: Bool = false) {
        self.start = start
        self.end = end
        self.isOpenEnded = isOpenEnded
    }
}

/// Parses times: 24-hour clock (14:00, 07:00~11:00, 15:55 -) and Chinese forms
/// with a period of the day (下午 2 時 30 分, 上午10時, 中午12時, 晚上7時,
/// 下午二時半, 下午2時至4時). Hours are checked against the period (下午13時
/// and 25:00 are rejected); an end must come after its start.
public enum TimeParser {
    /// The time `text` states, or nil if it is not exactly one time or span.
    public static func parse(_ text: String) -> TimeValue? {
        try? validate(text)
    }

    /// The time `text` states, or an error saying why it is not one.
    public static func validate(_ text: String) throws(NormaliseError) -> TimeValue {
        let t = GrammarText(TextFolder.fold(text))
        do {
            return try parseTime(t)
        } catch {
            throw NormaliseError(kind: "time", text: text, reason: error.reason)
        }
    }

    enum Period: String, CaseIterable {
        case morning = "上午", earlyMorning = "早上", dawn = "清晨", morning2 = "早晨", smallHours = "凌晨"
        case noon = "中午", afternoon = "下午", dusk = "傍晚", evening = "晚上", evening2 = "晚間", night = "夜間"
    }

    struct Printed {
        var period: Period?
        var hour: Int
        var minute: Int
        var clock: Bool
    }

    static func parseTime(_ t: GrammarText) throws(Rejection) -> TimeValue {
        var j = t.skipSpaces(0)
        guard let (first, end1) = try parsePrinted(t, from: j) else { throw Rejection("no time") }
        guard let start = resolve(first, period: first.period, isEnd: false) else {
            throw Rejection(outOfRange(first))
        }
        j = t.skipSpaces(end1)
        var end: TimeOfDay?
        var open = false
        if t[j] == 0x2D || t[j] == 0x7E || t[j] == 0x81F3 || t[j] == 0x5230 {  // - ~ 至 到
            j = t.skipSpaces(j + 1)
            if j == t.count {
                open = true
            } else {
                guard let (second, end2) = try parsePrinted(t, from: j) else {
                    throw Rejection("“\(t.string(j..<t.count))” is not a time")
                }
                let period = second.period ?? (second.clock ? nil : first.period)
                guard let e = resolve(second, period: period, isEnd: true) else {
                    throw Rejection(outOfRange(second))
                }
                guard start < e else { throw Rejection("the end \(e) is not after the start \(start)") }
                end = e
                j = t.skipSpaces(end2)
            }
        } else if t[j] == 0x8D77 {  // 起
            open = true
            j = t.skipSpaces(j + 1)
        }
        if j != t.count { throw Rejection("“\(t.string(j..<t.count))” is not part of a time") }
        return TimeValue(start: start, end: end, isOpenEnded: open)
    }

    private static func outOfRange(_ p: Printed) -> String {
        let m = (p.minute < 10 ? "0" : "") + String(p.minute)
        return "\(p.period?.rawValue ?? "")\(p.hour):\(m) is not a valid time"
    }

    /// One printed time at `i`: HH:MM, or [period] H 時|點 [M 分 | 半] [整].
    static func parsePrinted(_ t: GrammarText, from i: Int) throws(Rejection) -> (Printed, Int)? {
        var j = i
        if GrammarText.isDigit(t[j]) {
            let hEnd = t.digitRunEnd(j)
            if t[hEnd] == 0x3A {
                guard hEnd - j <= 2, t.digitRunEnd(hEnd + 1) == hEnd + 3 else {
                    throw Rejection("a clock time is H:MM or HH:MM")
                }
                if t[hEnd + 3] == 0x3A { throw Rejection("seconds are not accepted") }
                let hour = Int(t.digitValue(j..<hEnd))
                let minute = Int(t.digitValue((hEnd + 1)..<(hEnd + 3)))
                return (Printed(period: nil, hour: hour, minute: minute, clock: true), hEnd + 3)
            }
        }
        var period: Period?
        for p in Period.allCases where t.matches(p.rawValue, at: j) {
            period = p
            j = t.skipSpaces(j + 2)
            break
        }
        // 下午2:30: a clock time after a period of the day.
        if period != nil, GrammarText.isDigit(t[j]), t[t.digitRunEnd(j)] == 0x3A {
            guard let (clock, end) = try parsePrinted(t, from: j) else { return nil }
            return (Printed(period: period, hour: clock.hour, minute: clock.minute, clock: false), end)
        }
        guard let (hour, hEnd) = try smallNumber(t, from: j) else {
            if period != nil { throw Rejection("no hour after \(period!.rawValue)") }
            return nil
        }
        j = t.skipSpaces(hEnd)
        guard t[j] == 0x6642 || t[j] == 0x9EDE else {  // 時 點
            throw Rejection("an hour needs 時 or 點")
        }
        j += 1
        var minute = 0
        var k = t.skipSpaces(j)
        if t[k] == 0x534A {  // 半
            minute = 30
            j = k + 1
        } else if let (m, mEnd) = try smallNumber(t, from: k) {
            k = t.skipSpaces(mEnd)
            guard t[k] == 0x5206 else { throw Rejection("minutes need 分") }  // 分
            minute = m
            j = k + 1
        }
        if t[j] == 0x6574 { j += 1 }  // 整
        return (Printed(period: period, hour: hour, minute: minute, clock: false), j)
    }

    /// 1-2 Arabic digits or a positional Chinese numeral below 100.
    static func smallNumber(_ t: GrammarText, from i: Int) throws(Rejection) -> (Int, Int)? {
        if GrammarText.isDigit(t[i]) {
            let end = t.digitRunEnd(i)
            guard end - i <= 2 else { throw Rejection("too many digits for an hour or minute") }
            return (Int(t.digitValue(i..<end)), end)
        }
        if t[i] == 0x5169 && !ChineseNumeral.isNumeral(t[i + 1]) { return (2, i + 1) }  // 兩點
        if ChineseNumeral.isNumeral(t[i]) {
            let end = ChineseNumeral.runEnd(t, from: i)
            switch ChineseNumeral.parse(t.scalars[i..<end], allowDigitByDigit: false) {
            case .success(let v) where v < 100: return (Int(v), end)
            case .success: throw Rejection("number too large for a time")
            case .failure(let rejection): throw rejection
            }
        }
        return nil
    }

    /// The 24-hour time a printed time means, or nil if the hour does not
    /// fit its period.
    static func resolve(_ p: Printed, period: Period?, isEnd: Bool) -> TimeOfDay? {
        guard (0...59).contains(p.minute) else { return nil }
        let h = p.hour
        var hour: Int
        switch period {
        case nil:
            guard (0...23).contains(h) || (isEnd && h == 24 && p.minute == 0) else { return nil }
            hour = h
        case .morning?, .earlyMorning?, .dawn?, .morning2?:
            guard (0...11).contains(h) || (isEnd && h == 12 && p.minute == 0) else { return nil }
            hour = h
        case .smallHours?:
            guard (0...5).contains(h) else { return nil }
            hour = h
        case .noon?:
            guard h == 12 || h == 1 else { return nil }
            hour = h == 12 ? 12 : 13
        case .afternoon?:
            guard (1...11).contains(h) else { return nil }
            hour = h + 12
        case .dusk?:
            guard (4...7).contains(h) else { return nil }
            hour = h + 12
        case .evening?, .evening2?, .night?:
            guard (6...11).contains(h) else { return nil }
            hour = h + 12
        }
        return TimeOfDay(hour: hour, minute: p.minute)
    }
}
