import Foundation
import GazetteRecords
import Testing
@testable import GazetteEmit

@Suite struct DocumentSerialiserTests {
    static func document(records: [Record] = []) -> GazetteDocument {
        GazetteDocument(
            tool: ToolInfo(version: "0.0.0"),
            source: Source(file: "a.pdf", sha256: String(repeating: "0", count: 64), bytes: 10, pages: 1,
                           producer: nil, creator: nil, title: nil, encrypted: false),
            document: DocumentInfoBlock(),
            pages: [PageEntry(number: 1, width: 595, height: 842, rotation: 0, hasTextLayer: true, label: "1", text: "甲")],
            records: records)
    }

    @Test func sectionsGiveTheBytesOfTheWholeDocument() throws {
        let doc = Self.document(records: [
            .trip(TripRecord(provenance: Provenance(table: "t1", row: 0, page: 1), planName: "考察", travellerCount: 3)),
        ])
        for pretty in [false, true] {
            let streamed = try DocumentSerialiser.bytes(of: doc, pretty: pretty)
            let whole = try JSONValueEncoder().encode(doc).serializedData(pretty ? .pretty : .compact)
            #expect(Data(streamed) == whole)
        }
    }

    @Test func anInvalidRecordIsCaughtWithItsLocation() throws {
        let bad = Self.document(records: [
            .trip(TripRecord(provenance: Provenance(table: "t1", row: 0, page: 1), travellerCount: -1)),
        ])
        do {
            _ = try DocumentSerialiser.bytes(of: bad, pretty: false)
            Issue.record("a negative traveller count passed validation")
        } catch {
            guard case .invalid(let location, let errors) = error else { Issue.record("\(error)"); return }
            #expect(location == "/records/0")
            #expect(errors.joined().contains("travellerCount"))
        }
    }

    /// The serialiser checks each record against its own type's schema; that
    /// is the document schema's check only while the `records` items are a
    /// `oneOf` of the record schemas told apart by a `type` constant.
    @Test func recordBranchesAreToldApartByTheirTypeConstant() throws {
        let document = try JSONValue(parsing: SchemaLibrary.text(named: "document")!)
        let branches = document["properties"]?["records"]?["items"]?["oneOf"]?.arrayValue ?? []
        let refs = branches.compactMap { $0["$ref"]?.stringValue }
        #expect(refs.count == branches.count && refs.count == Record.typeNames.count)
        for name in Record.typeNames {
            #expect(refs.contains("\(name).schema.json"))
            let schema = try JSONValue(parsing: SchemaLibrary.text(named: name)!)
            #expect(schema["properties"]?["type"]?["const"]?.stringValue == name)
            #expect(schema["required"]?.arrayValue?.contains(.string("type")) == true)
        }
    }
}
