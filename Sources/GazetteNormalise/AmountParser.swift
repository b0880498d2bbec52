/// A currency an amount is stated in (ISO 4217 code).
public enum Currency: String, Hashable, Sendable, CaseIterable {
    case TWD, USD, EUR, JPY, CNY, HKD, GBP, KRW, AUD, SGD, CAD
}

/// A sum of money: a whole number of units of `currency` (New Taiwan
/// dollars for 新臺幣 / NT$ / 元), after applying unit words (萬元, 千元 ...).
public struct Amount: Hashable, Sendable {
    /// The value in whole units of `currency` (元 for TWD).
    public let value: Int64
    /// The currency.
    public let currency: Currency
    /// True when the text said 約 (about): the printed figure, flagged.
    public let isApproximate: Bool

    public init(value: Int64, currency: Currency, isApproximate: Bool = false) {
        self.value = value
        self.currency = currency
        self.isApproximate = isApproximate
    }
}

/// Parses amounts of money: 新臺幣 51 萬 2,005 元, NT$4,829,751, 1,200 萬元,
/// 新臺幣五十一萬二千零五元, 31億2581萬元, 3,282千元, 20億美元, 約 148萬 5,000元.
/// A currency (prefix or 元-style suffix) is required; a value that is not a
/// whole number of units after scaling is rejected, never rounded.
public enum AmountParser {
    /// The amount `text` states, or nil if it is not exactly one amount.
    public static func parse(_ text: String) -> Amount? {
        try? validate(text)
    }

    /// The amount `text` states, or an error saying why it is not one.
    public static func validate(_ text: String) throws(NormaliseError) -> Amount {
        let t = GrammarText(TextFolder.fold(text))
        do {
            return try parseAmount(t)
        } catch {
            throw NormaliseError(kind: "amount", text: text, reason: error.reason)
        }
    }

    // MARK: - Vocabulary

    static let qualifiers: [(String, approximate: Bool)] = [
        ("約計", true), ("共計", false), ("合計", false), ("總計", false), ("約", true), ("計", false), ("共", false),
    ]

    static let prefixes: [(String, Currency)] = [
        ("新臺幣", .TWD), ("新台幣", .TWD), ("臺幣", .TWD), ("台幣", .TWD),
        ("NT$", .TWD), ("NTD", .TWD), ("TWD", .TWD), ("NT", .TWD),
        ("US$", .USD), ("USD", .USD), ("美金", .USD),
        ("人民幣", .CNY), ("RMB", .CNY), ("CNY", .CNY),
        ("日幣", .JPY), ("JPY", .JPY), ("港幣", .HKD), ("HK$", .HKD), ("HKD", .HKD),
        ("EUR", .EUR), ("€", .EUR), ("GBP", .GBP), ("£", .GBP),
    ]

    /// Currency words after the number; nil currency means plain 元 / 圓
    /// (TWD unless a prefix said otherwise).
    static let suffixes: [(String, Currency?)] = [
        ("新加坡幣", .SGD), ("美元", .USD), ("日圓", .JPY), ("日元", .JPY), ("歐元", .EUR), ("港元", .HKD),
        ("港幣", .HKD), ("人民幣", .CNY), ("英鎊", .GBP), ("韓元", .KRW), ("韓圜", .KRW), ("澳幣", .AUD),
        ("澳元", .AUD), ("新幣", .SGD), ("加幣", .CAD), ("元", nil), ("圓", nil),
    ]

    /// Unit words multiplying an Arabic figure (3,282千元), as powers of ten.
    static let scaleWords: [(String, Int)] = [
        ("千萬", 7), ("百萬", 6), ("十萬", 5), ("千億", 11), ("百億", 10), ("十億", 9), ("千", 3), ("百", 2),
    ]

    /// Scale words of a table's unit line, where 萬 and 億 stand alone.
    static let tableScaleWords: [(String, Int)] = [
        ("千萬", 7), ("百萬", 6), ("十萬", 5), ("千億", 11), ("百億", 10), ("十億", 9),
        ("億", 8), ("萬", 4), ("千", 3), ("百", 2),
    ]

    static func match<T>(_ table: [(String, T)], _ t: GrammarText, at i: Int) -> (T, Int)? {
        for (word, value) in table where t.matches(word, at: i) {
            return (value, i + word.unicodeScalars.count)
        }
        return nil
    }

    // MARK: - Grammar

    static func parseAmount(_ t: GrammarText) throws(Rejection) -> Amount {
        var j = t.skipSpaces(0)
        var approximate = false
        for (word, approx) in qualifiers where t.matches(word, at: j) {
            approximate = approx
            j = t.skipSpaces(j + word.unicodeScalars.count)
            break
        }
        var prefix: Currency?
        if let (currency, end) = match(prefixes, t, at: j) {
            prefix = currency
            j = t.skipSpaces(end)
        }
        let value: NumberValue
        let percent: Bool
        var k: Int
        switch NumberParser.parseSigned(t, from: j) {
        case .success(let (v, p, end)): (value, percent, k) = (v, p, end)
        case .failure(let rejection):
            throw rejection.reason == "no number" ? Rejection("no figure") : rejection
        }
        if percent { throw Rejection("a percentage is not an amount") }
        var power = 0
        let afterNumber = t.skipSpaces(k)
        if GrammarText.isDigit(t[k - 1]), let (p, end) = match(scaleWords, t, at: afterNumber) {
            power = p
            k = end
        }
        var suffix: Currency?? = nil
        let s = t.skipSpaces(k)
        if let (currency, end) = match(suffixes, t, at: s) {
            suffix = .some(currency)
            k = end
            if t.matches("整", at: k) { k += 1 }
        }
        let rest = t.skipSpaces(k)
        if rest != t.count {
            throw Rejection("“\(t.string(rest..<t.count))” is not part of an amount")
        }
        let currency: Currency
        switch (prefix, suffix) {
        case (nil, nil): throw Rejection("no currency (新臺幣, NT$, 元 ...)")
        case (let p?, nil), (let p?, .some(nil)): currency = p
        case (nil, .some(nil)): currency = .TWD
        case (nil, .some(let s?)): currency = s
        case (let p?, .some(let s?)):
            if p != s { throw Rejection("two different currencies") }
            currency = p
        }
        if power > 0 && suffix == nil { throw Rejection("a unit word needs 元") }
        guard let scaled = value.multiplied(byPowerOfTen: power) else { throw Rejection("amount too large") }
        guard let whole = scaled.integerValue else {
            throw Rejection("\(scaled) is not a whole number of \(currency == .TWD ? "元" : currency.rawValue)")
        }
        return Amount(value: whole, currency: currency, isApproximate: approximate)
    }
}

/// The unit a table states for its figures, from a unit line or header:
/// 單位：新臺幣千元, (百萬元), 單位：元, 單位：件, (%). Apply it to a bare cell
/// ("3.282" in a 百萬元 table is 3,282,000 TWD).
public struct TableUnit: Hashable, Sendable {
    /// The currency of money columns, nil for other units.
    public let currency: Currency?
    /// Power of ten the printed figures are multiplied by (3 for 千元).
    public let exponent: Int
    /// The unit of non-money columns ("%", "件", "人次" ...), nil for money.
    public let unit: String?

    public init(currency: Currency?, exponent: Int = 0, unit: String? = nil) {
        self.currency = currency
        self.exponent = exponent
        self.unit = unit
    }

    /// What a printed figure is multiplied by (1000 for 千元).
    public var multiplier: Int64 {
        var m: Int64 = 1
        for _ in 0..<exponent { m *= 10 }
        return m
    }

    /// The unit of a whole unit line: 單位：新臺幣千元, （單位：元）, (百萬元).
    public static func parse(_ line: String) -> TableUnit? {
        let t = GrammarText(TextFolder.fold(line))
        guard let (unit, end) = parseUnitClause(t, from: t.skipSpaces(0)), t.skipSpaces(end) == t.count
        else { return nil }
        return unit
    }

    /// The first unit stated inside a title or header: a 單位： clause or a
    /// parenthesised unit, e.g. 經費需求及財源表 (百萬元).
    public static func find(in text: String) -> TableUnit? {
        let t = GrammarText(TextFolder.fold(text))
        for i in 0..<t.count where t[i] == 0x28 || t.matches("單位", at: i) || t.matches("金額單位", at: i) {
            if let (unit, end) = parseUnitClause(t, from: i) {
                // A parenthesised unit must close; a 單位 clause must end the
                // text or be followed by a separator.
                let next = t[t.skipSpaces(end)]
                if t[i] == 0x28 || next == 0 || next == 0x20 || next == 0x29 || next == 0xFF1B || next == 0x3B {
                    return unit
                }
            }
        }
        return nil
    }

    /// The amount a bare cell figure stands for, or nil (empty cell, dash,
    /// text, a figure that is not a whole number after scaling, or a
    /// non-money table).
    public func amount(fromCell cell: String) -> Amount? {
        try? validateAmount(fromCell: cell)
    }

    /// The amount a bare cell figure stands for, or an error saying why not.
    public func validateAmount(fromCell cell: String) throws(NormaliseError) -> Amount {
        guard let currency else {
            throw NormaliseError(kind: "amount", text: cell, reason: "the table's unit is not money")
        }
        let value = try figure(cell, kind: "amount")
        guard let scaled = value.multiplied(byPowerOfTen: exponent) else {
            throw NormaliseError(kind: "amount", text: cell, reason: "amount too large")
        }
        guard let whole = scaled.integerValue else {
            throw NormaliseError(kind: "amount", text: cell,
                                 reason: "\(scaled) is not a whole number of \(currency == .TWD ? "元" : currency.rawValue)")
        }
        return Amount(value: whole, currency: currency)
    }

    /// The quantity a bare cell figure stands for in a non-money table
    /// (with this table's unit), or nil.
    public func quantity(fromCell cell: String) -> Quantity? {
        guard currency == nil, let value = try? figure(cell, kind: "number"),
            let scaled = value.multiplied(byPowerOfTen: exponent)
        else { return nil }
        return Quantity(value: scaled, unit: unit)
    }

    private func figure(_ cell: String, kind: String) throws(NormaliseError) -> NumberValue {
        let t = GrammarText(TextFolder.fold(cell))
        guard t.count > 0 else { throw NormaliseError(kind: kind, text: cell, reason: "empty cell") }
        switch NumberParser.parseSigned(t, from: 0) {
        case .success(let (value, percent, end)):
            let rest = t.skipSpaces(end)
            if rest != t.count {
                throw NormaliseError(kind: kind, text: cell,
                                     reason: "“\(t.string(rest..<t.count))” after the figure (the table states the unit)")
            }
            if percent && unit != "%" {
                throw NormaliseError(kind: kind, text: cell, reason: "a percentage in a table of \(unit ?? "money")")
            }
            return value
        case .failure(let rejection):
            throw NormaliseError(kind: kind, text: cell, reason: rejection.reason)
        }
    }

    /// (單位|金額單位|貨幣單位)[:：]? body, or ( body ), or ( 單位：body ).
    static func parseUnitClause(_ t: GrammarText, from i: Int) -> (TableUnit, Int)? {
        var j = i
        var parenthesised = false
        if t[j] == 0x28 {
            parenthesised = true
            j = t.skipSpaces(j + 1)
        }
        var labelled = false
        if let (_, end) = t.matchAny(["金額單位", "貨幣單位", "單位"], at: j) {
            labelled = true
            j = t.skipSpaces(end)
            if t[j] == 0x3A { j = t.skipSpaces(j + 1) }
        }
        guard parenthesised || labelled, let (unit, end) = parseUnitBody(t, from: j) else { return nil }
        j = end
        if parenthesised {
            j = t.skipSpaces(j)
            guard t[j] == 0x29 else { return nil }
            j += 1
        }
        return (unit, j)
    }

    /// 新臺幣千元 / 百萬元 / 元 / 千美元 / 件 / %.
    static func parseUnitBody(_ t: GrammarText, from i: Int) -> (TableUnit, Int)? {
        var j = i
        if t[j] == 0x25 { return (TableUnit(currency: nil, unit: "%"), j + 1) }
        var prefix: Currency?
        if let (currency, end) = AmountParser.match(AmountParser.prefixes, t, at: j) {
            prefix = currency
            j = t.skipSpaces(end)
        }
        var power = 0
        if let (p, end) = AmountParser.match(AmountParser.tableScaleWords, t, at: j) {
            power = p
            j = end
        }
        if let (suffix, end) = AmountParser.match(AmountParser.suffixes, t, at: j) {
            let currency = suffix ?? prefix ?? .TWD
            if let prefix, let suffix, prefix != suffix { return nil }
            return (TableUnit(currency: currency, exponent: power), end)
        }
        if prefix != nil { return nil }
        if let (word, end) = t.matchAny(NumberParser.counterWords, at: j) {
            return (TableUnit(currency: nil, exponent: power, unit: word), end)
        }
        return nil
    }
}
