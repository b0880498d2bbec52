import Foundation

/// What the document says of the pages read by OCR: a note on each (in
/// place of `noTextLayer`), a warning when OCR failed, and one naming the
/// table cells built from glyphs of low confidence.
enum OCRNotes {
    /// The read stage's warnings for a page that was to be read by OCR: the
    /// `ocr` note (or `ocrFailed`) in place of `noTextLayer`; text lost for
    /// want of a language pack is still said as such.
    static func readWarnings(_ page: Page, failure: OCRError?) -> [Warning] {
        let warnings = Warning.read(page)
        // Text lost for a language pack or a font that would not load is
        // never guessed by OCR; a garbled text layer is what OCR is for.
        guard !warnings.contains(where: { $0.code != .garbledTextLayer && Warning.Code.textLost.contains($0.code) }),
              let note = page.ocr.map({ readNote($0, page: page.number) }) ?? failure.map({ self.failure($0, page: page) })
        else { return warnings }
        return [note] + warnings.filter { $0.code != .noTextLayer }
    }

    /// `ocr`: how the page was read.
    static func readNote(_ ocr: OCRInfo, page: Int) -> Warning {
        var what: String
        switch ocr.textLayer {
        case .none: what = "no text layer; read by OCR"
        case .kept: what = "a scanned image with a few characters of text over it; the image read by OCR"
        case .setAside:
            what = ocr.reason == .garbledTextLayer
                ? "text layer mostly not language (garbledTextLayer), set aside; read by OCR"
                : "text layer set aside (--ocr force); read by OCR"
        case .partlyReplaced:
            what = "the glyphs whose text is not language (garbledTextLayer) replaced by OCR's in their area, the rest kept"
        }
        what += "  (\(ocr.engine) \(ocr.version), \(ocr.languages.joined(separator: "+")), \(ocr.dpi) dpi)"
        if ocr.characters == 0 {
            what += ": no text found"
        } else {
            what += String(format: ": %d characters, mean confidence %.1f", ocr.characters, ocr.meanConfidence)
        }
        if ocr.turned != 0 { what += "; turned \(ocr.turned)° upright" }
        if ocr.deskewed != 0 { what += String(format: "; deskewed %.2f°", ocr.deskewed) }
        if ocr.writing == .vertical { what += "; vertical writing, read as columns" }
        return Warning(code: .ocr, page: page, message: what)
    }

    /// `ocrFailed`: the page has no text layer and OCR could not read it.
    static func failure(_ error: OCRError, page: Page) -> Warning {
        let what = page.garbledText != nil ? "the text layer is not language and OCR failed; it was kept"
            : page.hasTextLayer ? "OCR (--ocr force) failed, the text layer was kept" : "the page has no text layer and OCR failed"
        return Warning(code: .ocrFailed, page: page.number, message: "\(what): \(error.reason)")
    }

    /// `ocrLowConfidence`: how many cells of the page's tables were built
    /// from glyphs of low confidence, with the first few and their confidence.
    static func lowConfidence(page: Page, tables: [PageTable]) -> Warning? {
        let cells = tables.flatMap { $0.grid.cells.map(\.box) }
        let low = OCRConfidence.lowCells(on: page, cells: cells)
        guard !low.isEmpty else { return nil }
        let sample = low.prefix(5).map { String(format: "「%@」 %.0f", TextFolder.fold($0.text), $0.confidence) }
        let more = low.count > 5 ? ", …" : ""
        return Warning(
            code: .ocrLowConfidence, page: page.number,
            message: "\(low.count) table cell(s) read by OCR with mean confidence below "
                + String(format: "%.0f", OCRConfidence.lowCellThreshold) + ": " + sample.joined(separator: ", ") + more)
    }
}
