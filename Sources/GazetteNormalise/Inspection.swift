/// One entry point for `gazette parse date|number|figure|amount|time|text TEXT`:
/// the value a text stands for, as one compact JSON object.
public enum Inspection {
    /// The kinds `json(kind:text:documentYear:)` understands.
    public static let kinds = ["date", "number", "figure", "amount", "time", "text"]

    /// The JSON object for `text` read as `kind`:
    /// - date: `{"start":"2015-04-06","end":"2015-04-11","precision":"day"}`
    ///   (plus `"yearFromContext":true` when the year came from `documentYear`)
    /// - number: `{"value":105}`, `{"value":99.8,"unit":"%"}` (a counter word
    ///   such as 件 is reported as the unit too)
    /// - figure (a table cell a spreadsheet stores as a number):
    ///   `{"value":-525,"decimals":0,"percent":false}` for △525, `{"dash":true}`
    ///   for a dash
    /// - amount: `{"value":512005,"currency":"TWD"}`
    /// - time: `{"start":"14:30","end":null}`
    /// - text: `{"text":"人口統計（一）"}`
    ///
    /// `documentYear` is the document's Gregorian year (a value below 1000
    /// is taken as an ROC year: 112 means 2023). Throws a `NormaliseError`
    /// saying why the text is not a valid value of that kind, or that the
    /// kind is unknown.
    public static func json(kind: String, text: String, documentYear: Int? = nil) throws -> String {
        switch kind {
        case "date":
            let year = documentYear.map { $0 < 1000 ? $0 + 1911 : $0 }
            let value = try DateParser.validate(text, context: DateContext(documentYear: year))
            var out = "{\"start\":\(quote(value.start.iso)),\"end\":\(quote(value.end.iso))"
            out += ",\"precision\":\(quote(value.precision.rawValue))"
            if value.yearFromContext { out += ",\"yearFromContext\":true" }
            return out + "}"
        case "number":
            let quantity = try NumberParser.validate(text)
            var out = "{\"value\":\(quantity.value)"
            if let unit = quantity.unit { out += ",\"unit\":\(quote(unit))" }
            return out + "}"
        case "figure":
            switch try CellFigure.validate(text) {
            case .dash: return "{\"dash\":true}"
            case .number(let value, let decimals, let percent):
                return "{\"value\":\(value),\"decimals\":\(decimals),\"percent\":\(percent)}"
            }
        case "amount":
            let amount = try AmountParser.validate(text)
            return "{\"value\":\(amount.value),\"currency\":\(quote(amount.currency.rawValue))}"
        case "time":
            let time = try TimeParser.validate(text)
            return "{\"start\":\(quote(time.start.description)),\"end\":\(time.end.map { quote($0.description) } ?? "null")}"
        case "text":
            return "{\"text\":\(quote(TextFolder.fold(text)))}"
        default:
            throw NormaliseError(kind: "", text: text,
                                 reason: "unknown kind “\(kind)” (expected one of: \(kinds.joined(separator: ", ")))")
        }
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
