import GazetteRead

extension Warning {
    /// What the read stage says of a page: no text, text that could not be
    /// decoded (and why), glyphs without Unicode, poppler's own complaints.
    /// A page whose text could not be decoded is never reported as having
    /// none.
    public static func read(_ page: Page) -> [Warning] {
        var warnings: [Warning] = []
        if page.undecodedTextRuns > 0, !page.missingLanguagePacks.isEmpty {
            let collections = page.missingLanguagePacks.joined(separator: ", ")
            warnings.append(Warning(
                code: .missingLanguagePack, page: page.number,
                message: "text in a font of the \(collections) character collection could not be decoded: "
                    + "its CMap and CID-to-Unicode tables are not installed; install poppler-data "
                    + "(Debian/Ubuntu: apt-get install poppler-data) or point GAZETTE_POPPLER_DATA at a copy"))
        } else if page.undecodedTextRuns > 0 {
            warnings.append(Warning(
                code: .undecodedText, page: page.number,
                message: "\(page.undecodedTextRuns) text run(s) use a font that could not be loaded and were left out"))
        } else if !page.hasTextLayer && page.garbledText == nil {
            let what = page.images.isEmpty ? "the page has no text" : "the page is an image without a text layer (a scan?)"
            warnings.append(Warning(code: .noTextLayer, page: page.number, message: what))
        }
        if let garbled = page.garbledText { warnings.append(garbledTextLayer(garbled, page: page.number)) }
        if page.unmappedGlyphs > 0 {
            warnings.append(Warning(
                code: .unmappedGlyphs, page: page.number,
                message: "\(page.unmappedGlyphs) glyph(s) have no Unicode mapping in their font and were left out"))
        }
        // The language pack and the shows it cost are said above, once.
        let said = page.missingLanguagePacks.isEmpty
            ? [] : ["Missing language pack", "CMap file for", "Unknown font tag", "No font in show"]
        let problems = page.problems.filter { problem in
            !problem.contains("no Unicode mapping") && !said.contains { problem.contains($0) }
        }
        for problem in problems.prefix(5) {
            warnings.append(Warning(code: .pdfProblem, page: page.number, message: problem))
        }
        return warnings
    }

    /// `garbledTextLayer`: how much of the page's text is not language, in
    /// which fonts, how.
    public static func garbledTextLayer(_ garbled: GarbledText, page: Int) -> Warning {
        let fonts = garbled.fonts.map { font in
            let name = font.name.isEmpty ? "an unnamed font" : "font \(font.name)"
            let sample = font.sample.isEmpty ? "" : " (「\(font.sample)」)"
            return "\(font.glyphs) glyph(s) in \(name)\(font.wholeFont ? "" : ", in runs"): \(font.kind.description)\(sample)"
        }
        let share = Int((garbled.share * 100).rounded())
        return Warning(
            code: .garbledTextLayer, page: page,
            message: "the text layer is not language for \(garbled.garbledGlyphs) of \(garbled.textGlyphs) glyph(s) "
                + "(\(share)%): " + fonts.joined(separator: "; "))
    }

    /// Private-use characters a page's text keeps as printed (code points
    /// like U+E001), with a sample of them.
    public static func privateUse(page: Int, characters: [String]) -> Warning {
        let sample = Array(Set(characters)).sorted().prefix(10)
        return Warning(
            code: .privateUseCharacters, page: page,
            message: "\(characters.count) private-use character(s) kept as printed (\(sample.joined(separator: ", ")))")
    }
}
