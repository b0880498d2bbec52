import ArgumentParser
import Foundation
import Gazette

/// `gazette extract FILE.pdf [--format json|jsonl|csv|xlsx|sqlite] [-o OUT] [--pretty]`.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract one PDF into a validated JSON document, or its tables and records as JSON Lines, CSV, XLSX or SQLite.",
        discussion: """
            json (the default) and jsonl go to standard output unless -o is given. csv writes one file per \
            record type and one per table (OUT.<type>.csv and OUT.<table id>.csv, or DIR/<stem>.… when -o \
            names a directory); xlsx writes one workbook: an index, a sheet per table (header rows as printed, \
            merged cells, figures as numbers) and a sheet per record type (OUT, or DIR/<stem>.xlsx); sqlite one \
            database with a table per record type, documents and tables (OUT, or DIR/<stem>.sqlite). Every \
            document is validated against the schema first; every file is written atomically, never half.
            """)

    @Argument(help: "The PDF to read.", completion: .file(extensions: ["pdf"]))
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Output file, base name (csv) or directory.")
    var output: String?

    @OptionGroup var options: ConversionOptions

    func validate() throws {
        if !options.format.streams && output == nil {
            throw ValidationError("--format \(options.format.rawValue) writes files: give -o DIR or -o BASE")
        }
    }

    func run() throws {
        let extractor = Extractor(options: options.extraction)
        do {
            let document = try extractor.extract(path: file)
            for line in TextLossNotice.lines(for: document, file: file) { printError(line) }
            // Validated before anything is written, whatever the format.
            let json = try extractor.serialise(document, pretty: options.pretty)
            let files = try RecordExport.files(for: document, format: options.format, output: output, json: json)
            if files.isEmpty {
                printError("\(file): no tables and no records; no CSV file written")
            }
            for out in files {
                if let path = out.path {
                    try AtomicFile.write(out.bytes, to: URL(fileURLWithPath: path))
                } else {
                    FileHandle.standardOutput.write(Data(out.bytes))
                }
            }
        } catch {
            printError(error.localizedDescription)
            throw ExitCode.failure
        }
    }
}

/// Said on standard error when a document's text was partly lost (a CJK
/// font whose CMaps are not installed): the JSON says it page by page, but
/// a user converting one file should not have to look for it.
enum TextLossNotice {
    static func lines(for document: GazetteDocument, file: String) -> [String] {
        var out: [String] = []
        for code in [Warning.Code.missingLanguagePack, .undecodedText, .garbledTextLayer, .ocrFailed] {
            let warnings = document.warnings.filter { $0.code == code }
            guard let first = warnings.first else { continue }
            let pages = warnings.compactMap(\.page)
            let which = pages.count == 1 ? "page \(pages[0])" : "\(pages.count) pages (\(PageList.compact(pages)))"
            out.append("warning: \(file): \(which): \(first.message)")
        }
        return out
    }
}
