import Foundation
import GazetteRecords

/// Documents as one SQLite database (`--format sqlite`; `gazette merge`
/// writes many into one): a table per record type, named by the type
/// (`trip`, `statistic` …), whose columns are `documentId`, `file`,
/// `sha256` and the record's fields (the JSON's names, typed from its
/// schema: INTEGER, REAL or TEXT; lists joined with "; ", objects as JSON);
/// `documents`, a row per document (where its JSON was, its PDF's name,
/// SHA-256, size and pages, what it is, the version that made it); and
/// `tables`, a row per logical table (its document, id, title, first page
/// and pages, unit, size and header).
///
/// Rows go in as documents come, in transactions of a few hundred
/// documents: memory does not grow with their number.
public final class RecordDatabase {
    private let database: SQLiteDatabase
    private var insertDocument: SQLiteStatement!
    private var insertTable: SQLiteStatement!
    /// Per record type: its fields and its insert statement.
    private var recordTables: [String: (fields: [String], insert: SQLiteStatement)] = [:]
    private var documentsInTransaction = 0
    /// How many documents make one transaction.
    static let documentsPerTransaction = 500

    /// A new database at `path` (which must not exist yet).
    public init(creatingAt path: String) throws {
        database = try SQLiteDatabase(path: path)
        // A new file that is renamed into place when whole: no journal needed.
        try database.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;")
        let documents = [("id", "INTEGER PRIMARY KEY")] + ProvenanceSheets.documentColumns
        let tables = [Self.documentIdColumn] + ProvenanceSheets.tableColumns
        try database.execute(Self.create(ProvenanceSheets.documentsName, documents)
                             + Self.create(ProvenanceSheets.tablesName, tables))
        insertDocument = try database.prepare(Self.insert(ProvenanceSheets.documentsName, documents.map(\.0)))
        insertTable = try database.prepare(Self.insert(ProvenanceSheets.tablesName, tables.map(\.0)))
        try database.execute("BEGIN")
    }

    /// The column that ties a table's or record's row to its document.
    static let documentIdColumn = ("documentId", "INTEGER NOT NULL REFERENCES documents(id)")

    static func create(_ table: String, _ columns: [(String, String)]) -> String {
        "CREATE TABLE \(SQLiteDatabase.quoted(table)) ("
            + columns.map { "\(SQLiteDatabase.quoted($0.0)) \($0.1)" }.joined(separator: ", ") + ");"
    }

    static func insert(_ table: String, _ columns: [String]) -> String {
        "INSERT INTO \(SQLiteDatabase.quoted(table)) (" + columns.map(SQLiteDatabase.quoted).joined(separator: ", ")
            + ") VALUES (" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
    }

    /// Adds a document: its row, its tables' rows, its records' rows.
    /// `path` is where its JSON was read from (nil for one just extracted).
    public func add(_ contents: DocumentContents, path: String?) throws {
        try insertDocument.run([.null] + ProvenanceSheets.documentRow(contents, path: path).map(Self.value))
        let documentId = SQLiteValue.integer(database.lastInsertedRow)
        for table in contents.tables {
            try insertTable.run([documentId] + ProvenanceSheets.tableRow(table, of: contents).map(Self.value))
        }
        let provenance = [documentId] + ProvenanceSheets.recordProvenance(of: contents).map(Self.value)
        for record in contents.records {
            guard let row = RecordRow(record) else { continue }
            let target = try recordTable(row)
            guard target.fields == row.fields else {
                throw ExportError(message: "\(contents.source.file): \(row.type) records with fields \(row.fields), not \(target.fields)")
            }
            try target.insert.run(provenance + row.cells.map(Self.value))
        }
        documentsInTransaction += 1
        if documentsInTransaction >= Self.documentsPerTransaction {
            try database.execute("COMMIT; BEGIN")
            documentsInTransaction = 0
        }
    }

    /// One document's database, as bytes (`--format sqlite` of `extract`
    /// and `batch`; written to a scratch file that is then removed).
    public static func bytes(of contents: DocumentContents) throws -> [UInt8] {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(AtomicFile.temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
        defer { AtomicFile.remove(scratch.path) }
        let database = try RecordDatabase(creatingAt: scratch.path)
        try database.add(contents, path: nil)
        try database.finish()
        do {
            return Array(try Data(contentsOf: scratch))
        } catch {
            throw ExportError(message: "\(scratch.path): cannot read the database back: \(error.localizedDescription)")
        }
    }

    /// Commits what is left and closes the database.
    public func finish() throws {
        try database.execute("COMMIT")
        insertDocument = nil
        insertTable = nil
        recordTables = [:]
        database.close()
    }

    /// The table of a record type, created when its first record comes.
    private func recordTable(_ row: RecordRow) throws -> (fields: [String], insert: SQLiteStatement) {
        if let known = recordTables[row.type] { return known }
        let types = Self.columnTypes(of: row.type)
        let columns = [Self.documentIdColumn] + ProvenanceSheets.recordProvenanceColumns.map { ($0, "TEXT") }
            + row.fields.map { ($0, types[$0] ?? "TEXT") }
        try database.execute(Self.create(row.type, columns))
        let entry = (row.fields, try database.prepare(Self.insert(row.type, columns.map(\.0))))
        recordTables[row.type] = entry
        return entry
    }

    /// The SQL type of each field of a record type, from its JSON Schema.
    static func columnTypes(of type: String) -> [String: String] {
        guard let text = SchemaLibrary.text(named: type), let schema = try? JSONValue(parsing: Data(text.utf8)),
              let properties = schema["properties"]?.objectValue else { return [:] }
        var out: [String: String] = [:]
        for (field, property) in properties.members {
            let declared: [String]
            switch property["type"] {
            case .string(let t)?: declared = [t]
            case .array(let items)?: declared = items.compactMap(\.stringValue)
            default: declared = []
            }
            switch declared.first(where: { $0 != "null" }) {
            case "integer", "boolean": out[field] = "INTEGER"
            case "number": out[field] = "REAL"
            default: out[field] = "TEXT"
            }
        }
        return out
    }

    /// A record's cell as an SQL value.
    static func value(_ cell: ExportCell) -> SQLiteValue {
        switch cell {
        case .null: return .null
        case .integer(let n): return .integer(Int64(n))
        case .number(let d): return .real(d)
        case .figure(let value, _, _): return .real(value.doubleValue)
        case .text, .date, .time, .list: return .text(cell.text)
        }
    }
}
