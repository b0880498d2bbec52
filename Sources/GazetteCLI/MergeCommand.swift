import ArgumentParser
import Foundation
import Gazette

/// `gazette merge OUT... --format xlsx|csv|jsonl|sqlite -o FILE`: every
/// record of many documents in one output.
struct MergeDocuments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the records of many documents (batch outputs, JSON documents) into one workbook, CSV set, JSON Lines file or SQLite database.",
        discussion: """
            Inputs are batch output directories (searched recursively for the JSON documents, batch reports \
            left out) and JSON documents, read one at a time in name order, so memory does not grow with \
            their number. Every record row starts with its PDF's file name and SHA-256; csv, xlsx and sqlite \
            add `documents` (a row per document) and `tables` (a row per logical table). csv writes \
            OUT.<type>.csv, OUT.documents.csv and OUT.tables.csv (-o DIR/: DIR/merged.<part>.csv). \
            Everything is written to temporary files renamed into place at the end: a document that cannot \
            be read stops the merge, names the file and leaves no output.
            """)

    @Argument(help: "Batch output directories and JSON documents.", completion: .file())
    var inputs: [String]

    @Option(help: "Output format: \(Merge.formats.map { "\($0.rawValue) (\($0.mergeSummary))" }.joined(separator: ", ")).")
    var format: OutputFormat

    @Option(name: [.short, .customLong("output")], help: "The output file (csv: its base name; a directory: DIR/merged.<ext>).")
    var output: String

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give batch output directories or JSON documents to merge") }
        if !format.merges { throw ValidationError(Merge.refusal(of: format)) }
    }

    func run() throws {
        do {
            let summary = try Merge.run(inputs: inputs, format: format, output: output)
            let records = summary.records.values.reduce(0, +)
            let types = Record.typeNames.compactMap { type in summary.records[type].map { "\(type) \($0)" } }
            printError("merged \(summary.documents) document(s): \(records) record(s)"
                       + (types.isEmpty ? "" : " (\(types.joined(separator: ", ")))")
                       + ", \(summary.tables) table(s) into \(summary.outputs.joined(separator: ", "))")
        } catch {
            printError(error.localizedDescription)
            throw ExitCode.failure
        }
    }
}
