import ArgumentParser
import Gazette

/// The options `extract` and `batch` share: how a PDF is read and what is
/// written. One definition, so the commands cannot drift apart.
struct ConversionOptions: ParsableArguments {
    @Option(help: "Output format: \(OutputFormat.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")).")
    var format: OutputFormat = .json

    @Flag(help: "Indent the JSON for reading.")
    var pretty = false

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    @Option(help: "Refuse PDFs with more pages than this.")
    var maxPages: Int?

    @OptionGroup var ocr: OCRFlags

    func validate() throws {
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
    }

    /// The extraction settings these options give.
    var extraction: ExtractionOptions { ExtractionOptions(password: password, maxPages: maxPages, ocr: ocr.options) }
}

extension OutputFormat: ExpressibleByArgument {}
