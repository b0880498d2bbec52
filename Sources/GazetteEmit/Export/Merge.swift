import Foundation
import GazetteRecords

/// `gazette merge`: the records of many documents (a batch's output
/// directories, or JSON documents) in one output, read one document at a
/// time so that memory stays flat in their number.
///
/// - `jsonl`: one line per record, `file` and `sha256` first;
/// - `csv`: a file per record type (`file`, `sha256`, the fields), plus
///   `documents` and `tables` (`ProvenanceSheets`);
/// - `xlsx`: the same as sheets of one workbook (`documents` first); a
///   type with more rows than a sheet holds goes on in `statistic (2)` …;
/// - `sqlite`: one database (`RecordDatabase`).
///
/// Every file is written as a temporary and renamed into place when the
/// merge has read every document: a bad document (named, with what is wrong
/// with it) stops the merge and leaves no output.
public enum Merge {
    /// What a merge did.
    public struct Summary: Sendable {
        public var documents = 0
        public var tables = 0
        /// Records per type.
        public var records: [String: Int] = [:]
        /// The files written.
        public var outputs: [String] = []
    }

    /// The formats a merge writes.
    public static let formats: [OutputFormat] = OutputFormat.allCases.filter(\.merges)

    /// Why a format that does not merge is refused.
    public static func refusal(of format: OutputFormat) -> String {
        "--format \(format.rawValue) is one document; merge writes \(formats.map(\.rawValue).joined(separator: ", "))"
    }

    /// Merges the documents under `inputs` into `output` in `format`.
    /// `progress` is told the number of documents read so far.
    public static func run(inputs: [String], format: OutputFormat, output: String,
                           progress: (Int) -> Void = { _ in }) throws -> Summary {
        guard format.merges else { throw ExportError(message: refusal(of: format)) }
        var files = try DocumentFiles(inputs)
        let pending = AtomicFile.PendingFiles()
        let target = MergeTarget(output: output, format: format)
        let writer: MergeWriter
        switch format {
        case .jsonl: writer = try JSONLinesMerge(target: target, pending: pending)
        case .csv: writer = CSVMerge(target: target, pending: pending)
        case .xlsx: writer = WorkbookMerge(target: target, pending: pending)
        case .sqlite: writer = try DatabaseMerge(target: target, pending: pending)
        case .json: preconditionFailure("json does not merge")
        }
        var summary = Summary()
        while let path = try files.next() {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ExportError(message: "\(path): cannot read: \(error.localizedDescription)")
            }
            let contents = try DocumentContents.read(data, path: path)
            try writer.add(contents, path: path)
            summary.documents += 1
            summary.tables += contents.tables.count
            for record in contents.records { summary.records[record.type, default: 0] += 1 }
            progress(summary.documents)
        }
        guard summary.documents > 0 else {
            throw ExportError(message: "\(inputs.joined(separator: ", ")): no gazette JSON documents (merge reads the JSON outputs of gazette extract or gazette batch)")
        }
        try writer.finish()
        summary.outputs = writer.targets.map(\.path)
        try pending.commit()
        return summary
    }
}

/// Where a merge's files go: `-o FILE` (for CSV a base name, a trailing
/// `.csv` dropped, each part `BASE.<part>.csv`), or, when `-o` names a
/// directory (existing, or ending in "/"), `DIR/merged.<ext>` and
/// `DIR/merged.<part>.csv`.
struct MergeTarget {
    var output: String
    var format: OutputFormat

    /// The file of `part` (nil for a single-file format).
    func url(_ part: String?) -> URL {
        var isDirectory: ObjCBool = false
        let asDirectory = output.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
        let suffix = "." + format.fileExtension
        var base = asDirectory ? (output as NSString).appendingPathComponent("merged") : output
        guard let part else { return URL(fileURLWithPath: asDirectory ? base + suffix : output) }
        if !asDirectory && base.lowercased().hasSuffix(suffix) { base = String(base.dropLast(suffix.count)) }
        return URL(fileURLWithPath: "\(base).\(part)\(suffix)")
    }
}

/// The JSON documents under a merge's inputs, one path at a time: a file
/// as given; a directory walked in name order, its `*.json` files but for
/// batch reports (`_report*.json`), hidden files (temporaries, locks) and
/// `_crashes/`.
struct DocumentFiles {
    private var inputs: [String]
    /// Directories being walked: their sorted entries, and how far.
    private var stack: [(directory: String, entries: [String], next: Int)] = []

    init(_ inputs: [String]) throws {
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ExportError(message: "\(input): no such file or directory")
        }
        self.inputs = inputs.reversed()
    }

    mutating func next() throws -> String? {
        while true {
            if var top = stack.popLast() {
                guard top.next < top.entries.count else { continue }
                let name = top.entries[top.next]
                top.next += 1
                stack.append(top)
                let path = (top.directory as NSString).appendingPathComponent(name)
                if name.hasPrefix(".") || name == "_crashes" || (name.hasPrefix("_report") && name.hasSuffix(".json")) { continue }
                if Self.isDirectory(path) {
                    try push(path)
                } else if name.lowercased().hasSuffix(".json") {
                    return path
                }
                continue
            }
            guard let input = inputs.popLast() else { return nil }
            if Self.isDirectory(input) { try push(input) } else { return input }
        }
    }

    private mutating func push(_ directory: String) throws {
        do {
            stack.append((directory, try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), 0))
        } catch {
            throw ExportError(message: "\(directory): cannot list: \(error.localizedDescription)")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// One format's side of a merge: takes documents one by one, then writes
/// its temporaries whole.
protocol MergeWriter: AnyObject {
    func add(_ contents: DocumentContents, path: String) throws
    func finish() throws
    /// The files it writes (known once finished).
    var targets: [URL] { get }
}

/// JSON Lines: a record a line.
final class JSONLinesMerge: MergeWriter {
    private let file: BufferedFile
    let targets: [URL]

    init(target: MergeTarget, pending: AtomicFile.PendingFiles) throws {
        targets = [target.url(nil)]
        file = try BufferedFile(creating: try pending.temporary(for: target.url(nil)))
    }

    func add(_ contents: DocumentContents, path: String) throws {
        try file.write(try JSONLinesWriter.bytes(records: contents.records, file: contents.source.file,
                                                 sha256: contents.source.sha256))
    }

    func finish() throws { try file.close() }
}

/// CSV: a file per record type, `documents` and `tables`.
final class CSVMerge: MergeWriter {
    private let target: MergeTarget
    private let pending: AtomicFile.PendingFiles
    private var files: [String: BufferedFile] = [:]
    private var order: [String] = []
    private(set) var targets: [URL] = []

    init(target: MergeTarget, pending: AtomicFile.PendingFiles) {
        self.target = target
        self.pending = pending
    }

    private func file(_ part: String, columns: [String]) throws -> BufferedFile {
        if let file = files[part] { return file }
        let file = try BufferedFile(creating: try pending.temporary(for: target.url(part)))
        try file.write(Array(CSVWriter.byteOrderMark.utf8) + CSVWriter.line(columns))
        files[part] = file
        order.append(part)
        return file
    }

    func add(_ contents: DocumentContents, path: String) throws {
        let documents = try file(ProvenanceSheets.documentsName, columns: ProvenanceSheets.documentColumns.map(\.name))
        try documents.write(CSVWriter.line(ProvenanceSheets.documentRow(contents, path: path).map(\.text)))
        let tables = try file(ProvenanceSheets.tablesName, columns: ProvenanceSheets.tableColumns.map(\.name))
        for table in contents.tables {
            try tables.write(CSVWriter.line(ProvenanceSheets.tableRow(table, of: contents).map(\.text)))
        }
        let provenance = ProvenanceSheets.recordProvenance(of: contents)
        for record in contents.records {
            guard let row = RecordRow(record) else { continue }
            let out = try file(row.type, columns: ProvenanceSheets.recordProvenanceColumns + row.fields)
            try out.write(CSVWriter.line((provenance + row.cells).map(\.text)))
        }
    }

    func finish() throws {
        for part in order { try files[part]!.close() }
        targets = order.map { target.url($0) }
    }
}

/// XLSX: `documents`, `tables` and a sheet per record type, spooled to a
/// scratch directory until the workbook is packed.
final class WorkbookMerge: MergeWriter {
    private let target: MergeTarget
    private let pending: AtomicFile.PendingFiles
    private var workbook: Workbook?
    private var names = SheetNames()
    private var documents: Worksheet!
    private var tables: Worksheet!
    /// Per record type: its columns and its sheets (more than one past a sheet's rows).
    private var recordSheets: [String: (columns: [String], sheets: [Worksheet])] = [:]
    private(set) var targets: [URL] = []

    init(target: MergeTarget, pending: AtomicFile.PendingFiles) {
        self.target = target
        self.pending = pending
    }

    private func start() throws -> Workbook {
        if let workbook { return workbook }
        let workbook = Workbook(spoolDirectory: try pending.scratchDirectory(beside: target.url(nil)))
        documents = workbook.addSheet(named: names.claim(ProvenanceSheets.documentsName))
        try RecordSheetLayout.start(documents, columns: ProvenanceSheets.documentColumns.map(\.name))
        tables = workbook.addSheet(named: names.claim(ProvenanceSheets.tablesName))
        try RecordSheetLayout.start(tables, columns: ProvenanceSheets.tableColumns.map(\.name))
        self.workbook = workbook
        return workbook
    }

    func add(_ contents: DocumentContents, path: String) throws {
        let workbook = try start()
        try documents.append(ProvenanceSheets.documentRow(contents, path: path))
        for table in contents.tables { try tables.append(ProvenanceSheets.tableRow(table, of: contents)) }
        let provenance = ProvenanceSheets.recordProvenance(of: contents)
        for record in contents.records {
            guard let row = RecordRow(record) else { continue }
            var entry = recordSheets[row.type] ?? (ProvenanceSheets.recordProvenanceColumns + row.fields, [])
            if entry.sheets.last.map({ $0.rowCount >= Worksheet.maxRows }) ?? true {
                let sheet = workbook.addSheet(named: names.claim(row.type))
                try RecordSheetLayout.start(sheet, columns: entry.columns)
                entry.sheets.append(sheet)
            }
            try entry.sheets.last!.append(provenance + row.cells)
            recordSheets[row.type] = entry
        }
    }

    func finish() throws {
        let workbook = try start()
        let order = [ProvenanceSheets.documentsName, ProvenanceSheets.tablesName]
            + Record.typeNames.flatMap { recordSheets[$0]?.sheets.map(\.name) ?? [] }
        workbook.arrange(order)
        let url = target.url(nil)
        try workbook.write(to: try pending.temporary(for: url))
        targets = [url]
    }
}

/// SQLite: one database.
final class DatabaseMerge: MergeWriter {
    private let database: RecordDatabase
    let targets: [URL]

    init(target: MergeTarget, pending: AtomicFile.PendingFiles) throws {
        targets = [target.url(nil)]
        database = try RecordDatabase(creatingAt: try pending.temporary(for: target.url(nil)).path)
    }

    func add(_ contents: DocumentContents, path: String) throws { try database.add(contents, path: path) }

    func finish() throws { try database.finish() }
}

/// A file written through a buffer of 256 KiB.
final class BufferedFile {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    init(creating url: URL) throws {
        path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw AtomicFile.WriteError(path: url.path, reason: "cannot create the file")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 18)
    }

    func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 18 { try flush() }
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw AtomicFile.WriteError(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}
