import ArgumentParser
import Gazette

/// `--ocr auto|off|force` and `--ocr-lang`, shared by `extract` and `batch`.
struct OCRFlags: ParsableArguments {
    @Option(help: """
        Which pages are read by OCR (Tesseract): auto (pages without a text layer, or that are one image \
        covering the page), force (every page) or off.
        """)
    var ocr: OCRMode = .auto

    @Option(name: .customLong("ocr-lang"), help: "Tesseract languages for OCR, joined by + (vertical text: chi_tra_vert).")
    var ocrLanguages: String = OCROptions.defaultLanguages

    func validate() throws {
        let codes = ocrLanguages.split(separator: "+", omittingEmptySubsequences: false)
        guard !codes.isEmpty, codes.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0 == "_" } }) else {
            throw ValidationError("--ocr-lang must be Tesseract language codes joined by +, e.g. chi_tra+eng")
        }
    }

    var options: OCROptions { OCROptions(mode: ocr, languages: ocrLanguages) }
}

extension OCRMode: ExpressibleByArgument {}
