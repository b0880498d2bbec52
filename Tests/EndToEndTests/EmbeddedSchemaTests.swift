import Foundation
import Gazette
import Testing

/// The binary validates with a copy of `schemas/` (made by
/// `scripts/embed-schemas`); the copy must be the files exactly.
@Test func embeddedSchemasEqualTheFiles() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../schemas").standardizedFileURL
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".schema.json") }.sorted()
    #expect(SchemaLibrary.files.map(\.name) == names, "run scripts/embed-schemas")
    for name in names {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let embedded = SchemaLibrary.files.first { $0.name == name }?.text
        #expect(embedded.map { $0 + "\n" } == text, "\(name) differs from its embedded copy: run scripts/embed-schemas")
    }
}
