import ArgumentParser
import Foundation
import Gazette

/// `gazette inspect FILE.pdf --page N -o page.png`: the page with rulings,
/// cells and tables drawn over it.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Render a page with its rulings (red), cells (blue) and tables (green) drawn over it.",
        discussion: "A page that --ocr reads (auto: one with no usable text layer) shows OCR's rulings and cells, and the boxes of the characters it recognised (orange).")

    @Argument(help: "The PDF.", completion: .file(extensions: ["pdf"]))
    var file: String

    @Option(help: "The page to render (1-based).")
    var page: Int = 1

    @Option(name: [.short, .customLong("output")], help: "The PNG to write.")
    var output: String

    @Option(help: "Pixels per point (1 = 72 dpi).")
    var scale: Double = 1.5

    @Option(help: "Password of an encrypted PDF.")
    var password: String?

    @OptionGroup var ocr: OCRFlags

    func validate() throws {
        if page < 1 { throw ValidationError("--page must be at least 1") }
        if !(scale > 0 && scale <= 8) { throw ValidationError("--scale must be in (0, 8]") }
    }

    func run() throws {
        do {
            let size = try PageInspector.render(pdf: file, password: password, page: page, scale: scale, output: output,
                                                  ocr: ocr.options)
            print("\(output): \(size.width)×\(size.height) px")
        } catch {
            printError(error.localizedDescription)
            throw ExitCode.failure
        }
    }
}
