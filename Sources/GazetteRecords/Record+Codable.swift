/// JSON form of records: `type` first, then provenance (`table`, `row`,
/// `page`), then the type's fields in the order of its `CodingKeys`, every
/// field present (null when the document gives nothing: the emit stage's
/// encoder writes nil as null).
///
/// A `statistic` uses `table` and `row` for its table title and row label
/// (as the output contract says), so its provenance goes under `tableId`
/// and `rowIndex`, after the fields.
extension Record: Codable {
    private enum TypeKey: String, CodingKey { case type }

    /// A statistic's provenance keys.
    private struct StatisticProvenance: Codable {
        var tableId: String?
        var rowIndex: Int?
        var page: Int
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: TypeKey.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .trip(let r): try provenance.encode(to: encoder); try r.encode(to: encoder)
        case .proposal(let r): try provenance.encode(to: encoder); try r.encode(to: encoder)
        case .proposalForm(let r): try provenance.encode(to: encoder); try r.encode(to: encoder)
        case .fundingLine(let r): try provenance.encode(to: encoder); try r.encode(to: encoder)
        case .scheduleItem(let r): try provenance.encode(to: encoder); try r.encode(to: encoder)
        case .form(let r): try provenance.encode(to: encoder); try r.encode(to: encoder)
        case .statistic(let r):
            try r.encode(to: encoder)
            try StatisticProvenance(tableId: provenance.table, rowIndex: provenance.row, page: provenance.page)
                .encode(to: encoder)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: TypeKey.self)
        let type = try c.decode(String.self, forKey: .type)
        func payload<R: Decodable>(_: R.Type) throws -> (R, Provenance) {
            (try R(from: decoder), try Provenance(from: decoder))
        }
        switch type {
        case "trip": var (r, p) = try payload(TripRecord.self); r.provenance = p; self = .trip(r)
        case "proposal": var (r, p) = try payload(ProposalRecord.self); r.provenance = p; self = .proposal(r)
        case "proposalForm": var (r, p) = try payload(ProposalFormRecord.self); r.provenance = p; self = .proposalForm(r)
        case "fundingLine": var (r, p) = try payload(FundingLineRecord.self); r.provenance = p; self = .fundingLine(r)
        case "scheduleItem": var (r, p) = try payload(ScheduleItemRecord.self); r.provenance = p; self = .scheduleItem(r)
        case "form": var (r, p) = try payload(FormRecord.self); r.provenance = p; self = .form(r)
        case "statistic":
            var r = try StatisticRecord(from: decoder)
            let p = try StatisticProvenance(from: decoder)
            r.provenance = Provenance(table: p.tableId, row: p.rowIndex, page: p.page)
            self = .statistic(r)
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown record type \(type)")
        }
    }
}
