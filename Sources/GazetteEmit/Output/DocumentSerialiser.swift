import GazetteRecords

/// Validates and writes a document a section at a time: the envelope with
/// its lists empty against the document schema, then every page, table,
/// record, date, warning and outline entry against the schema of its list's
/// items, each serialised as soon as it is checked. The bytes are exactly
/// those of serialising the whole document at once, but only one element's
/// JSON tree is alive at a time, so memory does not grow with the length of
/// the document beyond the output itself.
public enum DocumentSerialiser {
    /// Why a document cannot be written.
    public enum Failure: Error, Sendable {
        /// An element (or the envelope) does not match the schema: a bug.
        case invalid(location: String, errors: [String])
        /// An element could not be encoded.
        case encoding(String)
    }

    public static func bytes(of document: GazetteDocument, pretty: Bool,
                             validator: DocumentValidator = .shared) throws(Failure) -> [UInt8] {
        var envelope = document
        envelope.pages = []
        envelope.outline = []
        envelope.tables = []
        envelope.records = []
        envelope.dates = []
        envelope.warnings = []
        let encoder = JSONValueEncoder()
        let skeleton = try checked(envelope, at: "", encoder) { validator.validate($0) }
        guard case .object(let object) = skeleton else { throw .encoding("the document is not a JSON object") }

        let format: JSONFormat = pretty ? .pretty : .compact
        var out: [UInt8] = []
        // Most of the output is the text the document holds: reserve about
        // that much, so the buffer rarely has to grow (and be copied).
        let textBytes = document.pages.reduce(0) { $0 + $1.text.utf8.count }
            + document.tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 4 } } }
        out.reserveCapacity(64 * 1024 + textBytes * 2 + document.records.count * 256)
        out.append(UInt8(ascii: "{"))
        for (index, member) in object.members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { JSONSerializer.newline(1, format, &out) }
            JSONSerializer.writeString(member.key, to: &out)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(UInt8(ascii: " ")) }
            switch member.key {
            case "pages": try write(document.pages, "pages", format, validator, encoder, &out)
            case "outline": try write(document.outline, "outline", format, validator, encoder, &out)
            case "tables": try write(document.tables, "tables", format, validator, encoder, &out)
            case "records": try writeRecords(document.records, format, validator, encoder, &out)
            case "dates": try write(document.dates, "dates", format, validator, encoder, &out)
            case "warnings": try write(document.warnings, "warnings", format, validator, encoder, &out)
            default: JSONSerializer.write(member.value, format: format, depth: 1, to: &out)
            }
        }
        if pretty { JSONSerializer.newline(0, format, &out) }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// `value` as JSON, checked by `validate`; a failure says where in the
    /// document it is (`location`, a JSON Pointer: "" for the envelope).
    static func checked<Value: Encodable>(_ value: Value, at location: String, _ encoder: JSONValueEncoder,
                                          _ validate: (JSONValue) -> [ValidationError]) throws(Failure) -> JSONValue {
        let json: JSONValue
        do {
            json = try encoder.encode(value)
        } catch {
            throw .encoding(location.isEmpty ? "\(error)" : "\(location): \(error)")
        }
        let errors = validate(json)
        guard errors.isEmpty else { throw .invalid(location: location, errors: errors.map(\.description)) }
        return json
    }

    /// Writes the records, each validated against its own type's schema: the
    /// document schema's `records` items are a `oneOf` of the record schemas
    /// told apart by their `type` constant, so the schema of the record's
    /// type is the one branch that can hold, and checking it alone is the
    /// same check, once instead of once per type.
    static func writeRecords(_ records: [Record], _ format: JSONFormat, _ validator: DocumentValidator,
                             _ encoder: JSONValueEncoder, _ out: inout [UInt8]) throws(Failure) {
        try write(records, "records", format, validator, encoder, &out) { record in
            SchemaLibrary.baseURI + record.type + ".schema.json"
        }
    }

    /// Writes one list of the envelope, an element at a time, each validated
    /// first against the schema `schemaURI` names for it (by default the
    /// schema of the list's items).
    static func write<Element: Encodable>(_ elements: [Element], _ key: String, _ format: JSONFormat,
                                          _ validator: DocumentValidator, _ encoder: JSONValueEncoder,
                                          _ out: inout [UInt8],
                                          schemaURI: ((Element) -> String)? = nil) throws(Failure) {
        out.append(UInt8(ascii: "["))
        guard !elements.isEmpty else {
            out.append(UInt8(ascii: "]"))
            return
        }
        let itemsSchema = SchemaLibrary.documentSchemaURI + "#/properties/\(key)/items"
        var compiled: [String: CompiledSchema] = [:]
        for (position, element) in elements.enumerated() {
            let uri = schemaURI?(element) ?? itemsSchema
            let schema: CompiledSchema
            if let known = compiled[uri] {
                schema = known
            } else {
                do {
                    schema = try validator.compiledSchema(uri)
                } catch {
                    throw .invalid(location: "/\(key)/\(position)", errors: ["schema \(uri) is unusable: \(error)"])
                }
                compiled[uri] = schema
            }
            let value = try checked(element, at: "/\(key)/\(position)", encoder) { schema.validate($0) }
            if position > 0 { out.append(UInt8(ascii: ",")) }
            if format.pretty { JSONSerializer.newline(2, format, &out) }
            JSONSerializer.write(value, format: format, depth: 2, to: &out)
        }
        if format.pretty { JSONSerializer.newline(1, format, &out) }
        out.append(UInt8(ascii: "]"))
    }
}
