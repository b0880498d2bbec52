import ArgumentParser
import Foundation
import Gazette

/// `gazette extract FILE.pdf [-o OUT.json] [--pretty]`.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract one PDF into a validated JSON document.",
        discussion: "Writes to standard output unless -o is given; the output file is written atomically, never half.")

    @Argument(help: "The PDF to read.", completion: .file(extensions: ["pdf"]))
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Write the JSON here instead of standard output.")
    var output: String?

    @Flag(help: "Indent the JSON for reading.")
    var pretty = false

    @Option(help: "Password of an encrypted PDF.")
    var password: String?

    @Option(help: "Refuse PDFs with more pages than this.")
    var maxPages: Int?

    func validate() throws {
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
    }

    func run() throws {
        let extractor = Extractor(options: ExtractionOptions(password: password, maxPages: maxPages))
        do {
            let document = try extractor.extract(path: file)
            let bytes = try extractor.serialise(document, pretty: pretty)
            if let output {
                try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        } catch {
            printError(error.localizedDescription)
            throw ExitCode.failure
        }
    }
}
