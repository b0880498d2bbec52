import Foundation
import GazetteRecords
import GazetteTables
import Testing
@testable import GazetteEmit

@Suite struct JSONValueEncoderTests {
    struct Sample: Encodable {
        var name = "臺北市"
        var count: Int64 = 42
        var small: UInt8 = 7
        var big: UInt64 = 18_446_744_073_709_551_615
        var ratio: Float = 0.5
        var missing: String? = nil
        var nested = [["a": 1.25]]

        enum CodingKeys: String, CodingKey { case name, count, small, big, ratio, missing, nested }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(count, forKey: .count)
            try c.encode(small, forKey: .small)
            try c.encode(big, forKey: .big)
            try c.encode(ratio, forKey: .ratio)
            try c.encode(missing, forKey: .missing)
            try c.encode(nested, forKey: .nested)
        }
    }

    @Test func encodesInOrderWithEveryNumberType() throws {
        let value = try JSONValueEncoder().encode(Sample())
        #expect(value.serialized() == #"{"name":"臺北市","count":42,"small":7,"big":18446744073709551615,"ratio":0.5,"missing":null,"nested":[{"a":1.25}]}"#)
    }

    @Test func nonFiniteNumbersAreAnError() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.nan]) }
    }
}

/// Reading our documents back (`gazette merge`): what was encoded decodes
/// to the same values, objects keep their members' order, and a bad
/// document says where it is bad.
@Suite struct JSONValueDecoderTests {
    static func contents() -> DocumentContents {
        var fields = OrderedPairs<String>()
        fields.set("登記日期", "民國105年03月08日")
        fields.set("面積", "123.45平方公尺")
        fields.set("地目", "建")
        var values = OrderedPairs<FormValue>()
        values.set("登記日期", .date("2016-03-08"))
        values.set("面積", .number(123.45))
        values.set("地目", .none)
        let document = GazetteDocument(
            tool: ToolInfo(version: "0.1.0"),
            source: Source(file: "a.pdf", sha256: String(repeating: "a", count: 64), bytes: 10, pages: 2,
                           producer: nil, creator: nil, title: "標題", encrypted: false),
            document: DocumentInfoBlock(kind: .workReport, title: "工作報告", date: "2023-05"),
            tables: [LogicalTable(id: "t1", title: "表一", unit: "單位：千元", header: ["項目", "金額"], rows: [["甲", "1,234"]],
                                  spans: [TableSpan(row: 0, col: 0, rowSpan: 1, colSpan: 2)])],
            records: [
                .form(FormRecord(provenance: Provenance(table: "t1", row: 0, page: 1), title: "土地標示部", fields: fields, values: values)),
                .trip(TripRecord(provenance: Provenance(table: nil, row: nil, page: 2), planName: "考察", travellerCount: 3)),
                .statistic(StatisticRecord(provenance: Provenance(table: "t1", row: 0, page: 1), tableTitle: "表一", row: "甲",
                                           column: "金額", value: 1234, unit: "千元")),
            ])
        return DocumentContents(document)
    }

    @Test func whatIsEncodedDecodesAlike() throws {
        let contents = Self.contents()
        let json = try JSONValueEncoder().encode(GazetteDocument(
            tool: contents.tool, source: contents.source, document: contents.document, tables: contents.tables,
            records: contents.records))
        // Through bytes, as merge reads a file.
        let read = try DocumentContents.read(json.serializedData(), path: "a.json")
        #expect(read.records == contents.records)
        #expect(read.source == contents.source && read.tool == contents.tool && read.document == contents.document)
        #expect(read.tables.map(\.rows) == contents.tables.map(\.rows))
        #expect(read.tables.map(\.spans) == contents.tables.map(\.spans))
        guard case .form(let form) = try #require(read.records.first) else {
            Issue.record("the first record is not the form")
            return
        }
        #expect(form.fields.keys == ["登記日期", "面積", "地目"])
        #expect(try JSONValueEncoder().encode(read.records) == JSONValueEncoder().encode(contents.records))
    }

    @Test func errorsSayWhere() throws {
        var json = try JSONValueEncoder().encode(GazetteDocument(
            tool: ToolInfo(version: "1"), source: Self.contents().source, document: DocumentInfoBlock(),
            records: Self.contents().records))
        guard case .object(var object) = json, case .array(var records)? = object["records"] else {
            Issue.record("not the document's shape")
            return
        }
        try #require(records.count == 3)
        guard case .object(var trip) = records[1] else {
            Issue.record("the second record is not an object")
            return
        }
        trip["page"] = .string("two")
        records[1] = .object(trip)
        object["records"] = .array(records)
        json = .object(object)
        do {
            _ = try DocumentContents.read(json.serializedData(), path: "b.json")
            Issue.record("read a page that is a string")
        } catch {
            #expect(error.localizedDescription == "b.json: not a gazette document: records[1].page is not Int", "\(error.localizedDescription)")
        }
    }
}
