import GazetteNormalise

extension PageNumber {
    /// Reads a page number from the whole text of a line: "5", "- 5 -",
    /// "—5—", "第 5 頁", "第5頁，共12頁", "5/12", "Page 5 of 12", "(0801)-167",
    /// "1-7", "iv". Returns nil for anything else.
    public static func parse(_ text: String) -> PageNumber? {
        // Spaces out, full-width digits, letters and dashes folded.
        var s: [UInt32] = []
        for u in text.unicodeScalars {
            var v = u.value
            if CharacterClass.isSpace(v) { continue }
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if v == 0x2010 || v == 0x2011 || v == 0x2012 || v == 0x2013 || v == 0x2014 || v == 0x2015
                || v == 0x2212 || v == 0xFE63 { v = 0x2D }
            s.append(v)
            if s.count > 24 { return nil }
        }
        guard !s.isEmpty else { return nil }
        var i = 0
        func digits() -> (value: Int, text: String)? {
            var n = 0, t = ""
            let start = i
            while i < s.count, (0x30...0x39).contains(s[i]), i - start < 5 {
                n = n * 10 + Int(s[i] - 0x30)
                t.append(Character(Unicode.Scalar(s[i])!))
                i += 1
            }
            return i > start ? (n, t) : nil
        }
        func accept(_ v: UInt32) -> Bool {
            if i < s.count, s[i] == v { i += 1; return true }
            return false
        }
        func accept(_ word: String) -> Bool {
            let w = word.unicodeScalars.map(\.value)
            guard i + w.count <= s.count else { return false }
            for (k, c) in w.enumerated() {
                var x = s[i + k]
                if (0x41...0x5A).contains(x) { x += 0x20 }
                if x != c { return false }
            }
            i += w.count
            return true
        }
        let dash: UInt32 = 0x2D, tilde: UInt32 = 0x7E

        // 第 5 頁 (，共 12 頁)
        if accept(0x7B2C) {                                   // 第
            guard let (n, t) = digits(), accept(0x9801) else { return nil }   // 頁
            if i == s.count { return PageNumber(label: t, value: n) }
            _ = accept(0x2C) || accept(0x3001) || accept(0x2F)  // , 、 /
            guard accept(0x5171), digits() != nil, accept(0x9801), i == s.count else { return nil }  // 共 N 頁
            return PageNumber(label: t, value: n)
        }
        // 共 12 頁 第 5 頁 and the like are rare; "Page 5 (of 12)".
        if accept("page") || accept("p.") {
            guard let (n, t) = digits() else { return nil }
            if i == s.count { return PageNumber(label: t, value: n) }
            guard accept("of") || accept(0x2F), digits() != nil, i == s.count else { return nil }
            return PageNumber(label: t, value: n)
        }
        // (0801)-167
        if accept(0x28) {
            guard let (_, t1) = digits(), accept(0x29), accept(dash), let (n, t2) = digits(), i == s.count else {
                return nil
            }
            return PageNumber(label: "(\(t1))-\(t2)", value: n)
        }
        // - 5 -, 5, 5/12, 1-7
        let lead = accept(dash) || accept(tilde)
        if let (n, t) = digits() {
            if i == s.count { return PageNumber(label: t, value: n) }
            if lead {
                guard accept(dash) || accept(tilde), i == s.count else { return nil }
                return PageNumber(label: t, value: n)
            }
            if accept(0x2F) {
                guard digits() != nil, i == s.count else { return nil }
                return PageNumber(label: t, value: n)
            }
            if accept(dash) {
                guard let (m, t2) = digits(), i == s.count, t.count <= 3 else { return nil }
                return PageNumber(label: "\(t)-\(t2)", value: m)
            }
            return nil
        }
        // Roman numerals, lower or upper case, optionally between dashes.
        var roman = ""
        while i < s.count, let c = Unicode.Scalar(s[i]), "ivxlcdmIVXLCDM".unicodeScalars.contains(c) {
            roman.unicodeScalars.append(c)
            i += 1
        }
        if lead { _ = accept(dash) || accept(tilde) }
        guard !roman.isEmpty, i == s.count, let n = romanValue(roman) else { return nil }
        return PageNumber(label: roman, value: n)
    }

    /// The value of a well-formed roman numeral (i ... mmmcmxcix), else nil.
    static func romanValue(_ s: String) -> Int? {
        let lower = s.lowercased()
        guard lower == s || s.uppercased() == s, s.count <= 8 else { return nil }
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
        var total = 0
        let chars = Array(lower)
        for (k, c) in chars.enumerated() {
            let v = values[c]!
            if k + 1 < chars.count, values[chars[k + 1]]! > v { total -= v } else { total += v }
        }
        guard total > 0, total < 4000, toRoman(total) == lower else { return nil }
        return total
    }

    private static func toRoman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n, out = ""
        for (v, r) in table {
            while n >= v { out += r; n -= v }
        }
        return out
    }
}

/// The key a running header or footer is matched by across pages: its
/// text without spaces, every digit replaced by "#" so that "第 3 章" on
/// one page matches "第 4 章" on the next (and a table's caption line its
/// repetition above the table's continuation).
public func furnitureKey(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var lastDigit = false
    for u in text.unicodeScalars {
        let v = u.value
        if CharacterClass.isSpace(v) { continue }
        if CharacterClass.isDigit(v) {
            if !lastDigit { out.append("#") }
            lastDigit = true
            continue
        }
        lastDigit = false
        out.append(u)
    }
    return String(out)
}
