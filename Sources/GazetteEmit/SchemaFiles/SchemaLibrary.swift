/// gazette's own JSON Schemas, as shipped in the binary (copied from
/// `schemas/` by `scripts/embed-schemas`).
public enum SchemaLibrary {
    /// Base URI of our schemas' `$id`s; record schemas are referenced
    /// relative to it from the document schema.
    public static let baseURI = "https://gazette.invalid/schemas/"

    /// The document schema's `$id`.
    public static let documentSchemaURI = baseURI + "document.schema.json"

    /// Schema names without the `.schema.json` suffix, document first.
    public static var allNames: [String] {
        ["document"] + EmbeddedSchemas.files.map { String($0.name.dropLast(".schema.json".count)) }
            .filter { $0 != "document" }
    }

    /// Names of the per-record-type schemas.
    public static var recordSchemaNames: [String] { allNames.filter { $0 != "document" } }

    /// The schema text for `name` ("document", "trip", …), as in `schemas/`.
    public static func text(named name: String) -> String? {
        EmbeddedSchemas.files.first { $0.name == name + ".schema.json" }.map { $0.text + "\n" }
    }

    /// Every schema file: name (e.g. "trip.schema.json") and text.
    public static var files: [(name: String, text: String)] { EmbeddedSchemas.files }
}
