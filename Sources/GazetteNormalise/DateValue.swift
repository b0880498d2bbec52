/// How much of a date the text gives.
public enum DatePrecision: String, Hashable, Sendable, CaseIterable {
    case day, month, year
}

/// A Gregorian calendar date known to day, month or year precision.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Gregorian year (ROC year + 1911).
    public let year: Int
    /// 1...12, nil at year precision.
    public let month: Int?
    /// 1...31, nil at month or year precision.
    public let day: Int?

    /// A checked date: nil unless it exists in the Gregorian calendar
    /// (2023-02-29 does not); a day needs a month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= GregorianCalendar.daysInMonth(year: year, month: month) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Day, month or year.
    public var precision: DatePrecision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// ISO 8601: "2015-04-06", "2015-04" or "2015".
    public var iso: String {
        var s = String(year)
        if s.count < 4 { s = String(repeating: "0", count: 4 - s.count) + s }
        if let month { s += (month < 10 ? "-0" : "-") + String(month) }
        if let day { s += (day < 10 ? "-0" : "-") + String(day) }
        return s
    }

    public var description: String { iso }

    /// The year in the ROC (民國) calendar; ≤ 0 before 1912.
    public var rocYear: Int { year - 1911 }

    /// Day of the week, 0 = Sunday ... 6 = Saturday (day precision only).
    public var weekday: Int? {
        guard let month, let day else { return nil }
        return GregorianCalendar.weekday(year: year, month: month, day: day)
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}

/// A date or date range as printed: one `start` and `end` of the same
/// precision (equal for a single date), Gregorian.
public struct DateValue: Hashable, Sendable {
    /// First day (month, year) of the span.
    public let start: PartialDate
    /// Last day (month, year) of the span; equal to `start` for one date.
    public let end: PartialDate
    /// True when the year was not printed and came from the document's year
    /// (5/31 in a 112 年 report, 今年10月).
    public let yearFromContext: Bool

    public init(start: PartialDate, end: PartialDate, yearFromContext: Bool = false) {
        self.start = start
        self.end = end
        self.yearFromContext = yearFromContext
    }

    /// Day, month or year (the same for both ends).
    public var precision: DatePrecision { start.precision }

    /// True for a span of more than one day (month, year).
    public var isRange: Bool { start != end }
}

/// What the date grammar may use beyond the text: the document's year, for
/// dates printed without one.
public struct DateContext: Hashable, Sendable {
    /// Gregorian year of the document (2023 for a 112 年 report), if known.
    public var documentYear: Int?

    /// A context with the document's Gregorian year (nil: none known).
    public init(documentYear: Int? = nil) { self.documentYear = documentYear }

    /// A context with the document's ROC year (112 -> 2023).
    public static func roc(_ year: Int) -> DateContext { DateContext(documentYear: year + 1911) }

    /// No context: dates without a year are rejected.
    public static let none = DateContext()
}

/// Day arithmetic on the proleptic Gregorian calendar (validity, weekdays,
/// spreadsheet serial dates).
public enum GregorianCalendar {
    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Sunday ... 6 = Saturday.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let d = days(year: year, month: month, day: day)
        return ((d % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    }
}
