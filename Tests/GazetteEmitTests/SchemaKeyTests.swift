import Foundation
import Testing
@testable import GazetteEmit
import GazetteRead
import GazetteRecords
import GazetteTables

/// Each type we emit writes exactly the keys its schema lists, in the
/// schema's order, every one present (nil as null): the synthesised
/// `Codable` of the types and the schemas cannot drift apart.
@Suite struct SchemaKeyTests {
    static func schema(_ name: String) throws -> JSONValue {
        let text = try #require(SchemaLibrary.text(named: name), "no schema \(name)")
        return try JSONValue(parsing: text)
    }

    /// The keys an empty value of the type writes, in order.
    static func keys<T: Encodable>(_ value: T) throws -> [String] {
        try #require(try JSONValueEncoder().encode(value).objectValue).keys
    }

    static func properties(_ schema: JSONValue?) throws -> [String] {
        try #require(schema?["properties"]?.objectValue).keys
    }

    @Test(arguments: [
        Record.trip(TripRecord(provenance: .none)),
        .proposal(ProposalRecord(provenance: .none)),
        .proposalForm(ProposalFormRecord(provenance: .none)),
        .fundingLine(FundingLineRecord(provenance: .none)),
        .scheduleItem(ScheduleItemRecord(provenance: .none)),
        .statistic(StatisticRecord(provenance: .none)),
    ])
    func recordKeysAreTheSchemasProperties(_ record: Record) throws {
        #expect(try Self.keys(record) == Self.properties(Self.schema(record.type)))
        // Every field present, nil as null.
        let value = try JSONValueEncoder().encode(record)
        #expect(try #require(value.objectValue).values.filter(\.isNull).count >= 2)
    }

    @Test func everyRecordTypeIsTested() {
        #expect(Set(Record.typeNames) == Set(SchemaLibrary.recordSchemaNames))
    }

    @Test func recordsDecodeFromWhatTheyEncode() throws {
        let records: [Record] = [
            .trip(TripRecord(provenance: Provenance(table: "t1", row: 2, page: 7), planName: "赴日本考察", startDate: "2015-04-06",
                             travellerCount: 7, budgetTWD: 512_005, budgetRaw: "新臺幣 51 萬 2,005 元")),
            .statistic(StatisticRecord(provenance: Provenance(table: "t3", row: 0, page: 2), tableTitle: "常用肥料",
                                       row: "硫酸銨", column: "氮", value: 21, unit: "%")),
            .proposalForm(ProposalFormRecord(provenance: Provenance(table: "t9", row: 0, page: 11), types: ["城市行銷"])),
        ]
        for record in records {
            let data = try JSONValueEncoder().encode(record).serializedData()
            #expect(try JSONDecoder().decode(Record.self, from: data) == record)
        }
    }

    @Test func envelopeKeysAreTheSchemasProperties() throws {
        let document = try Self.schema("document")
        let defs = document["$defs"]
        let source = Source(file: "a.pdf", sha256: "00", bytes: 1, pages: 1, producer: nil, creator: nil, title: nil,
                            encrypted: false)
        #expect(try Self.keys(source) == Self.properties(document["properties"]?["source"]))
        #expect(try Self.keys(DocumentInfoBlock()) == Self.properties(document["properties"]?["document"]))
        #expect(try Self.keys(ToolInfo(version: "1")) == Self.properties(document["properties"]?["tool"]))
        // `ocr` is written only for a page read by OCR.
        let ocr = OCRInfo(engine: "tesseract", version: "5.3.0", languages: ["chi_tra"], dpi: 300, meanConfidence: 90,
                          characters: 10)
        let page = PageEntry(number: 1, width: 1, height: 1, rotation: 0, hasTextLayer: true, label: nil, text: "", ocr: ocr)
        #expect(try Self.keys(page) == Self.properties(defs?["page"]))
        #expect(try Self.keys(ocr) == Self.properties(defs?["pageOCR"]))
        #expect(try Self.keys(OutlineNode(label: "一", level: 1, title: "前言", page: 1)) == Self.properties(defs?["outlineNode"]))
        let table = LogicalTable(id: "t1", header: [], rows: [])
        #expect(try Self.keys(table) == Self.properties(defs?["table"]))
        let date = DateEntry(raw: "104/4/06", start: "2015-04-06", end: "2015-04-06", precision: "day", page: 1)
        #expect(try Self.keys(date) == Self.properties(defs?["date"]))
        #expect(try Self.keys(Warning(code: .noTextLayer, page: nil, message: "m")) == Self.properties(defs?["warning"]))
    }
}
