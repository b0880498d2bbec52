/// Where a record comes from: the table, its row and the page the row starts on.
public struct Provenance: Hashable, Sendable, Codable {
    /// The id of the table in the document's `tables` (e.g. "t3"), or nil for
    /// a record read from running text.
    public var table: String?
    /// Index into the table's `rows`.
    public var row: Int?
    /// 1-based page number.
    public var page: Int

    public init(table: String?, row: Int?, page: Int) {
        self.table = table
        self.row = row
        self.page = page
    }

    /// A placeholder until a record is given its own (decoding sets it from
    /// the record's keys).
    public static let none = Provenance(table: nil, row: nil, page: 1)
}

/// One overseas trip: from a trip report table or a budget book's 派員出國計畫.
public struct TripRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    public var planName: String?
    /// The entry's number as printed (`01` of a 派員出國計畫預算類別表).
    public var itemNumber: String?
    /// The plan's 領域代碼 as printed (`83`).
    public var areaCode: String?
    public var startDate: String?
    public var endDate: String?
    public var destination: String?
    public var travellers: String?
    public var travellerCount: Int?
    public var budgetTWD: Int?
    public var budgetRaw: String?
    public var outcomes: String?

    /// The JSON keys, in the order they are written (after `type` and the provenance).
    enum CodingKeys: String, CodingKey {
        case planName, itemNumber, areaCode, startDate, endDate, destination, travellers, travellerCount, budgetTWD, budgetRaw
        case outcomes
    }

    public init(provenance: Provenance, planName: String? = nil, startDate: String? = nil, endDate: String? = nil,
                destination: String? = nil, travellers: String? = nil, travellerCount: Int? = nil,
                budgetTWD: Int? = nil, budgetRaw: String? = nil, outcomes: String? = nil) {
        self.provenance = provenance
        self.planName = planName
        self.startDate = startDate
        self.endDate = endDate
        self.destination = destination
        self.travellers = travellers
        self.travellerCount = travellerCount
        self.budgetTWD = budgetTWD
        self.budgetRaw = budgetRaw
        self.outcomes = outcomes
    }
}

/// One proposal of a proposal list (項次 / 議題組別 / 主辦單位 / 提案名稱 …),
/// or of a council's list (編號 / 提案人 / 案由 / 審查意見 / 大會議決).
public struct ProposalRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    /// The heading the table sits under.
    public var list: String?
    /// The number, when it is a plain integer.
    public var item: Int?
    /// The number as printed (民乙16, 3).
    public var itemRaw: String?
    public var group: String?
    public var organization: String?
    /// Who proposed it (提案人 / 動議人), as printed.
    public var proposer: String?
    public var title: String?
    public var centralAgency: String?
    public var note: String?
    /// The committee's review (審查意見).
    public var review: String?
    /// What the council resolved (大會議決 / 決議).
    public var resolution: String?

    /// The JSON keys, in the order they are written (after `type` and the provenance).
    enum CodingKeys: String, CodingKey {
        case list, item, itemRaw, group, organization, proposer, title, centralAgency, note, review, resolution
    }

    public init(provenance: Provenance, list: String? = nil, item: Int? = nil, itemRaw: String? = nil,
                group: String? = nil, organization: String? = nil, proposer: String? = nil, title: String? = nil,
                centralAgency: String? = nil, note: String? = nil, review: String? = nil, resolution: String? = nil) {
        self.provenance = provenance
        self.list = list
        self.item = item
        self.itemRaw = itemRaw
        self.group = group
        self.organization = organization
        self.proposer = proposer
        self.title = title
        self.centralAgency = centralAgency
        self.note = note
        self.review = review
        self.resolution = resolution
    }
}

/// A cooperation proposal form (合作提案單): a key–value table with checkboxes.
public struct ProposalFormRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    public var title: String?
    public var organization: String?
    /// The checked (■) proposal types.
    public var types: [String]
    /// The checked partner cities.
    public var partnerCities: [String]
    public var description: String?
    public var actions: String?
    public var benefits: String?
    public var contact: String?

    /// The JSON keys, in the order they are written (after `type` and the provenance).
    enum CodingKeys: String, CodingKey { case title, organization, types, partnerCities, description, actions, benefits, contact }

    public init(provenance: Provenance, title: String? = nil, organization: String? = nil, types: [String] = [],
                partnerCities: [String] = [], description: String? = nil, actions: String? = nil,
                benefits: String? = nil, contact: String? = nil) {
        self.provenance = provenance
        self.title = title
        self.organization = organization
        self.types = types
        self.partnerCities = partnerCities
        self.description = description
        self.actions = actions
        self.benefits = benefits
        self.contact = contact
    }
}

/// One source × period cell of a multi-year funding table.
public struct FundingLineRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    /// 非自償 / 自償, when the table groups its sources.
    public var category: String?
    public var source: String?
    /// The column label as printed (e.g. "108 年以前").
    public var period: String?
    public var amountTWD: Int?

    /// The JSON keys, in the order they are written (after `type` and the provenance).
    enum CodingKeys: String, CodingKey { case category, source, period, amountTWD }

    public init(provenance: Provenance, category: String? = nil, source: String? = nil, period: String? = nil,
                amountTWD: Int? = nil) {
        self.provenance = provenance
        self.category = category
        self.source = source
        self.period = period
        self.amountTWD = amountTWD
    }
}

/// One slot of an agenda or itinerary.
public struct ScheduleItemRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    public var date: String?
    /// "HH:MM".
    public var start: String?
    /// "HH:MM", or nil for an open slot.
    public var end: String?
    public var activity: String?

    /// The JSON keys, in the order they are written (after `type` and the provenance).
    enum CodingKeys: String, CodingKey { case date, start, end, activity }

    public init(provenance: Provenance, date: String? = nil, start: String? = nil, end: String? = nil,
                activity: String? = nil) {
        self.provenance = provenance
        self.date = date
        self.start = start
        self.end = end
        self.activity = activity
    }
}

/// One value of a statistics table, in long form.
public struct StatisticRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    /// The table's title.
    public var tableTitle: String?
    public var row: String?
    public var column: String?
    public var value: Double?
    /// 件, 人次, %, … or nil.
    public var unit: String?

    /// The JSON keys, in the order they are written (after `type`; the
    /// provenance follows as tableId / rowIndex / page).
    enum CodingKeys: String, CodingKey {
        case tableTitle = "table", row, column, value, unit
    }

    public init(provenance: Provenance, tableTitle: String? = nil, row: String? = nil, column: String? = nil,
                value: Double? = nil, unit: String? = nil) {
        self.provenance = provenance
        self.tableTitle = tableTitle
        self.row = row
        self.column = column
        self.value = value
        self.unit = unit
    }
}

/// One block of a key–value form (a 土地登記謄本's 土地標示部 or 所有權部
/// block): its fields as printed and their normalised values, both in
/// printed order.
public struct FormRecord: Hashable, Sendable, Codable {
    /// Where it comes from (written by `Record` beside the fields).
    public var provenance = Provenance.none
    /// What the block is, as printed at its head (土地所有權部).
    public var title: String?
    /// Label → value as printed (登記日期 → 民國105年03月08日).
    public var fields: OrderedPairs<String>
    /// Label → normalised value (登記日期 → 2016-03-08, 面積 → 123.45, 權利範圍 → null).
    public var values: OrderedPairs<FormValue>

    enum CodingKeys: String, CodingKey { case title, fields, values }

    public init(provenance: Provenance, title: String? = nil, fields: OrderedPairs<String> = OrderedPairs(),
                values: OrderedPairs<FormValue> = OrderedPairs()) {
        self.provenance = provenance
        self.title = title
        self.fields = fields
        self.values = values
    }
}

/// A normalised form value: an ISO date, a number, or nothing.
public enum FormValue: Hashable, Sendable, Codable {
    case date(String)
    case number(Double)
    case none

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .date(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .none: try c.encodeNil()
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .none } else if let n = try? c.decode(Double.self) { self = .number(n) } else {
            self = .date(try c.decode(String.self))
        }
    }
}

/// Pairs of a label and a value in the order printed, written as one JSON
/// object whose keys keep that order.
public struct OrderedPairs<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public struct Pair: Hashable, Sendable {
        public var key: String
        public var value: Value
    }
    public private(set) var pairs: [Pair] = []

    public init() {}

    public subscript(key: String) -> Value? { pairs.first { $0.key == key }?.value }

    /// Adds or replaces the value of `key` (a new key goes last).
    public mutating func set(_ key: String, _ value: Value) {
        if let i = pairs.firstIndex(where: { $0.key == key }) { pairs[i].value = value } else { pairs.append(Pair(key: key, value: value)) }
    }

    public var keys: [String] { pairs.map(\.key) }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for pair in pairs { try c.encode(pair.value, forKey: Key(stringValue: pair.key)) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for key in c.allKeys { set(key.stringValue, try c.decode(Value.self, forKey: key)) }
    }
}

/// A typed record of any kind, as it appears in a document's `records`.
public enum Record: Hashable, Sendable {
    case trip(TripRecord)
    case proposal(ProposalRecord)
    case proposalForm(ProposalFormRecord)
    case fundingLine(FundingLineRecord)
    case scheduleItem(ScheduleItemRecord)
    case statistic(StatisticRecord)
    case form(FormRecord)

    /// The record type's name in JSON ("trip", "proposal", …).
    public var type: String {
        switch self {
        case .trip: return "trip"
        case .proposal: return "proposal"
        case .proposalForm: return "proposalForm"
        case .fundingLine: return "fundingLine"
        case .scheduleItem: return "scheduleItem"
        case .statistic: return "statistic"
        case .form: return "form"
        }
    }

    public var provenance: Provenance {
        switch self {
        case .trip(let r): return r.provenance
        case .proposal(let r): return r.provenance
        case .proposalForm(let r): return r.provenance
        case .fundingLine(let r): return r.provenance
        case .scheduleItem(let r): return r.provenance
        case .statistic(let r): return r.provenance
        case .form(let r): return r.provenance
        }
    }

    /// Every record type name, in schema order.
    public static let typeNames = ["trip", "proposal", "proposalForm", "fundingLine", "scheduleItem", "statistic", "form"]
}

/// What kind of document a PDF is, from its title, headings and tables.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    case tripReport, proposalList, fundingPlan, meetingAgenda, itinerary, workReport, exchangePlan, budgetBook, unknown
}
