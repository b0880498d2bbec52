/// JSON form of records: `type` first, then provenance (`table`, `row`,
/// `page`), then the type's fields, every field present (null when the
/// document gives nothing).
///
/// A `statistic` uses `table` and `row` for its table title and row label
/// (as the output contract says), so its provenance goes under `tableId`
/// and `rowIndex`.
extension Record: Codable {
    enum Key: String, CodingKey {
        case type, table, row, page, tableId, rowIndex
        case planName, startDate, endDate, destination, travellers, travellerCount, budgetTWD, budgetRaw, outcomes
        case list, item, group, organization, title, centralAgency, note
        case types, partnerCities, description, actions, benefits, contact
        case category, source, period, amountTWD
        case date, start, end, activity
        case column, value, unit
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(type, forKey: .type)
        let p = provenance
        if case .statistic = self {} else {
            try c.encode(p.table, forKey: .table)
            try c.encode(p.row, forKey: .row)
            try c.encode(p.page, forKey: .page)
        }
        switch self {
        case .trip(let r):
            try c.encode(r.planName, forKey: .planName)
            try c.encode(r.startDate, forKey: .startDate)
            try c.encode(r.endDate, forKey: .endDate)
            try c.encode(r.destination, forKey: .destination)
            try c.encode(r.travellers, forKey: .travellers)
            try c.encode(r.travellerCount, forKey: .travellerCount)
            try c.encode(r.budgetTWD, forKey: .budgetTWD)
            try c.encode(r.budgetRaw, forKey: .budgetRaw)
            try c.encode(r.outcomes, forKey: .outcomes)
        case .proposal(let r):
            try c.encode(r.list, forKey: .list)
            try c.encode(r.item, forKey: .item)
            try c.encode(r.group, forKey: .group)
            try c.encode(r.organization, forKey: .organization)
            try c.encode(r.title, forKey: .title)
            try c.encode(r.centralAgency, forKey: .centralAgency)
            try c.encode(r.note, forKey: .note)
        case .proposalForm(let r):
            try c.encode(r.title, forKey: .title)
            try c.encode(r.organization, forKey: .organization)
            try c.encode(r.types, forKey: .types)
            try c.encode(r.partnerCities, forKey: .partnerCities)
            try c.encode(r.description, forKey: .description)
            try c.encode(r.actions, forKey: .actions)
            try c.encode(r.benefits, forKey: .benefits)
            try c.encode(r.contact, forKey: .contact)
        case .fundingLine(let r):
            try c.encode(r.category, forKey: .category)
            try c.encode(r.source, forKey: .source)
            try c.encode(r.period, forKey: .period)
            try c.encode(r.amountTWD, forKey: .amountTWD)
        case .scheduleItem(let r):
            try c.encode(r.date, forKey: .date)
            try c.encode(r.start, forKey: .start)
            try c.encode(r.end, forKey: .end)
            try c.encode(r.activity, forKey: .activity)
        case .statistic(let r):
            try c.encode(r.tableTitle, forKey: .table)
            try c.encode(r.row, forKey: .row)
            try c.encode(r.column, forKey: .column)
            try c.encode(r.value, forKey: .value)
            try c.encode(r.unit, forKey: .unit)
            try c.encode(p.table, forKey: .tableId)
            try c.encode(p.row, forKey: .rowIndex)
            try c.encode(p.page, forKey: .page)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        func s(_ k: Key) throws -> String? { try c.decodeIfPresent(String.self, forKey: k) }
        let page = try c.decode(Int.self, forKey: .page)
        if type == "statistic" {
            let p = Provenance(table: try s(.tableId), row: try c.decodeIfPresent(Int.self, forKey: .rowIndex), page: page)
            self = .statistic(StatisticRecord(
                provenance: p, tableTitle: try s(.table), row: try s(.row), column: try s(.column),
                value: try c.decodeIfPresent(Double.self, forKey: .value), unit: try s(.unit)))
            return
        }
        let p = Provenance(table: try s(.table), row: try c.decodeIfPresent(Int.self, forKey: .row), page: page)
        switch type {
        case "trip":
            self = .trip(TripRecord(
                provenance: p, planName: try s(.planName), startDate: try s(.startDate), endDate: try s(.endDate),
                destination: try s(.destination), travellers: try s(.travellers),
                travellerCount: try c.decodeIfPresent(Int.self, forKey: .travellerCount),
                budgetTWD: try c.decodeIfPresent(Int.self, forKey: .budgetTWD), budgetRaw: try s(.budgetRaw),
                outcomes: try s(.outcomes)))
        case "proposal":
            self = .proposal(ProposalRecord(
                provenance: p, list: try s(.list), item: try c.decodeIfPresent(Int.self, forKey: .item),
                group: try s(.group), organization: try s(.organization), title: try s(.title),
                centralAgency: try s(.centralAgency), note: try s(.note)))
        case "proposalForm":
            self = .proposalForm(ProposalFormRecord(
                provenance: p, title: try s(.title), organization: try s(.organization),
                types: try c.decodeIfPresent([String].self, forKey: .types) ?? [],
                partnerCities: try c.decodeIfPresent([String].self, forKey: .partnerCities) ?? [],
                description: try s(.description), actions: try s(.actions), benefits: try s(.benefits),
                contact: try s(.contact)))
        case "fundingLine":
            self = .fundingLine(FundingLineRecord(
                provenance: p, category: try s(.category), source: try s(.source), period: try s(.period),
                amountTWD: try c.decodeIfPresent(Int.self, forKey: .amountTWD)))
        case "scheduleItem":
            self = .scheduleItem(ScheduleItemRecord(
                provenance: p, date: try s(.date), start: try s(.start), end: try s(.end), activity: try s(.activity)))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown record type \(type)")
        }
    }
}
