import Foundation
import Gazette

/// How strings are compared when records are scored.
public enum TextComparison: Sendable, Hashable {
    /// NFKC, then no whitespace at all (the real truth set's rule, as
    /// `AdjacencyScore` compares cells).
    case squeezed
    /// NFC; whitespace next to a CJK character ignored, other runs one space
    /// (the layout stage sets 112 年 as 112年 in running text; cells keep it).
    case cjkSpacing
    /// NFC, trimmed: every space counts.
    case exact

    public func normalised(_ text: String) -> String {
        switch self {
        case .squeezed:
            return String(String.UnicodeScalarView(
                text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !$0.properties.isWhitespace }))
        case .exact:
            return text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        case .cjkSpacing:
            let chars = Array(text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines))
            func wide(_ c: Character) -> Bool { c.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false }
            var out = ""
            var i = 0
            while i < chars.count {
                guard chars[i].isWhitespace else {
                    out.append(chars[i])
                    i += 1
                    continue
                }
                var j = i
                while j < chars.count && chars[j].isWhitespace { j += 1 }
                if !(out.last.map(wide) ?? true) && !(j < chars.count ? wide(chars[j]) : true) { out.append(" ") }
                i = j
            }
            return out
        }
    }
}

/// One scored field of a truth record: a key, or one member of an object
/// the record holds (a form's `fields.日期`, `values.日期`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var member: String?

    public init(_ key: String, _ member: String? = nil) {
        self.key = key
        self.member = member
    }

    public var description: String { member.map { "\(key).\($0)" } ?? key }

    /// The value at this path; nil when the record has no such key (a field
    /// our schema lacks, or a label the form did not give).
    public func value(in record: JSONValue) -> JSONValue? {
        guard let v = record[key] else { return nil }
        guard let member else { return v }
        return v.objectValue?[member]
    }
}

/// A truth record paired with one of ours (or none), field by field.
public struct RecordPairing: Sendable {
    public var truth: JSONValue
    public var ours: JSONValue?
    public var right: [FieldPath]
    public var wrong: [FieldPath]

    public var type: String { truth["type"]?.stringValue ?? "?" }
    /// Paired with a record that gets at least one of the truth's printed
    /// (non-null) values right, besides the page.
    public var found: Bool {
        ours != nil && right.contains { $0.key != "page" && !($0.value(in: truth)?.isNull ?? true) }
    }
}

/// Pairs truth records with ours one to one and compares them field by field.
///
/// A truth record's fields are its keys but `type`; an object value (a
/// form's `fields` and `values`) is one field per member. Pairing: among
/// records of the same type (and, with `allowed`, on the pages the truth
/// covers), the pairs that agree on most fields first, a pair on the same
/// page before one across pages; each record is used once. A truth record
/// left unpaired has every field wrong. A field our record lacks is wrong,
/// whatever the truth holds; strings compare by `comparison`, numbers
/// exactly (`1 == 1.0`), null only to null.
public struct RecordMatcher: Sendable {
    public var comparison: TextComparison

    public init(comparison: TextComparison) {
        self.comparison = comparison
    }

    public static func fields(of truth: JSONValue) -> [FieldPath] {
        (truth.objectValue?.members ?? []).flatMap { key, value -> [FieldPath] in
            if key == "type" { return [] }
            if let object = value.objectValue { return object.keys.map { FieldPath(key, $0) } }
            return [FieldPath(key)]
        }
    }

    /// Whether our value (nil: we have no such field) equals the truth's.
    public func same(_ ours: JSONValue?, _ truth: JSONValue) -> Bool {
        guard let ours else { return false }
        switch (ours, truth) {
        case (.null, .null): return true
        case (.string(let a), .string(let b)): return comparison.normalised(a) == comparison.normalised(b)
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return Set(a.keys) == Set(b.keys) && b.members.allSatisfy { same(a[$0.key], $0.value) }
        default: return false
        }
    }

    public func pair(truth: [JSONValue], ours: [JSONValue], allowed: (JSONValue) -> Bool = { _ in true })
        -> [RecordPairing] {
        let fields = truth.map(Self.fields(of:))
        var candidates: [(right: Int, samePage: Bool, truth: Int, ours: Int)] = []
        for (i, expected) in truth.enumerated() {
            let type = expected["type"]?.stringValue
            for (j, record) in ours.enumerated() where record["type"]?.stringValue == type && allowed(record) {
                let right = fields[i].filter { same($0.value(in: record), $0.value(in: expected) ?? .null) }.count
                candidates.append((right, record["page"] == expected["page"], i, j))
            }
        }
        candidates.sort { a, b in
            if a.right != b.right { return a.right > b.right }
            if a.samePage != b.samePage { return a.samePage }
            return (a.truth, a.ours) < (b.truth, b.ours)
        }
        var partner = [Int?](repeating: nil, count: truth.count)
        var used = Set<Int>()
        for c in candidates where partner[c.truth] == nil && !used.contains(c.ours) {
            partner[c.truth] = c.ours
            used.insert(c.ours)
        }
        return truth.indices.map { i in
            let record = partner[i].map { ours[$0] }
            var pairing = RecordPairing(truth: truth[i], ours: record, right: [], wrong: [])
            for field in fields[i] {
                if let record, same(field.value(in: record), field.value(in: truth[i]) ?? .null) {
                    pairing.right.append(field)
                } else {
                    pairing.wrong.append(field)
                }
            }
            return pairing
        }
    }
}

/// Fields right and records found, per record type; summable over files.
public struct RecordScore: Sendable, Hashable {
    public struct Tally: Sendable, Hashable {
        public var fieldsRight = 0
        public var fields = 0
        public var found = 0
        public var records = 0
        /// Our records of this type (on the pages scored) that no truth
        /// record took: a reader that invents records shows here, as the
        /// field figures cannot fall for it.
        public var extra = 0

        public init() {}

        public static func + (a: Tally, b: Tally) -> Tally {
            var t = a
            t.fieldsRight += b.fieldsRight
            t.fields += b.fields
            t.found += b.found
            t.records += b.records
            t.extra += b.extra
            return t
        }

        /// Fields right over truth fields (1 when there are none).
        public var accuracy: Double { fields == 0 ? 1 : Double(fieldsRight) / Double(fields) }
        /// Records found over truth records (1 when there are none).
        public var foundShare: Double { records == 0 ? 1 : Double(found) / Double(records) }
    }

    public var byType: [String: Tally] = [:]

    public init() {}

    /// The record types the truth sets write: an unpaired record of one of
    /// these types is extra (other types, statistics rows say, are not
    /// written as truth records and so are not counted).
    public static let truthTypes: Set<String> = ["trip", "proposal", "form", "scheduleItem"]

    /// `ours` and `allowed` (the pages scored): counts our records of the
    /// truth types that no pairing took as `extra`.
    public init(_ pairings: [RecordPairing], ours: [JSONValue] = [], allowed: (JSONValue) -> Bool = { _ in true }) {
        var paired: [String: Int] = [:]
        for p in pairings {
            var t = byType[p.type, default: Tally()]
            t.fieldsRight += p.right.count
            t.fields += p.right.count + p.wrong.count
            t.found += p.found ? 1 : 0
            t.records += 1
            byType[p.type] = t
            if p.ours != nil { paired[p.type, default: 0] += 1 }
        }
        var offered: [String: Int] = [:]
        for record in ours where allowed(record) {
            guard let type = record["type"]?.stringValue, Self.truthTypes.contains(type) else { continue }
            offered[type, default: 0] += 1
        }
        for (type, count) in offered where count > paired[type, default: 0] {
            byType[type, default: Tally()].extra = count - paired[type, default: 0]
        }
    }

    public var total: Tally { byType.values.reduce(Tally(), +) }

    public static func + (a: RecordScore, b: RecordScore) -> RecordScore {
        var r = a
        r.byType.merge(b.byType, uniquingKeysWith: +)
        return r
    }
}

extension RecordMatcher {
    /// A document's records as their JSON (what users read).
    public static func records(of document: GazetteDocument) throws -> [JSONValue] {
        try JSONValueEncoder().encode(document.records).arrayValue ?? []
    }
}
