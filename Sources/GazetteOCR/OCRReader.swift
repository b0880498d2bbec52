import Foundation
import GazetteRead

/// When pages are read by OCR.
public enum OCRMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Pages without a text layer, or whose only content is an image
    /// covering most of the page, and pages whose text layer (or the text
    /// of some of their fonts) is not language.
    case auto
    /// Never (a scan gets a `noTextLayer` warning).
    case off
    /// Every page, its text layer set aside.
    case force
}

/// Settings of OCR.
public struct OCROptions: Sendable, Hashable, Codable {
    public var mode: OCRMode
    /// Tesseract's languages, joined by `+` (`chi_tra+eng`; vertical text `chi_tra_vert`).
    public var languages: String
    /// Resolution pages are rendered at.
    public var dpi: Int
    /// Only these pages (1-based) may be read by OCR; nil: any page. The
    /// others are read as the PDF gives them. For scoring against truth that
    /// covers some pages of a document, so the rest is not OCRed for nothing.
    public var pages: Set<Int>?

    public static let defaultLanguages = "chi_tra+eng"

    public init(mode: OCRMode = .auto, languages: String = OCROptions.defaultLanguages, dpi: Int = 300,
                pages: Set<Int>? = nil) {
        self.mode = mode
        self.languages = languages
        self.dpi = dpi
        self.pages = pages
    }

    /// True when `page`, as the PDF gives it, is to be read by OCR.
    public func wants(_ page: Page) -> Bool {
        if let pages, !pages.contains(page.number) { return false }
        switch mode {
        case .off: return false
        case .force: return true
        case .auto: return OCRDecision.reason(page) != nil
        }
    }
}

/// Which pages `--ocr auto` reads.
public enum OCRDecision {
    /// Why `--ocr auto` reads `page` by OCR, or nil when it does not: a
    /// scan (`isScan`: no text layer, or a stamped scan), or a page whose
    /// text layer is garbled (`Page.garbledText`, found as the page was
    /// read: no page is rendered to decide).
    public static func reason(_ page: Page) -> OCRInfo.Reason? {
        if isScan(page) { return page.hasTextLayer ? .stampedScan : .noTextLayer }
        if page.garbledText != nil { return .garbledTextLayer }
        return nil
    }

    /// A page with no text layer that draws an image over at least a tenth
    /// of it (and no text that was lost for a missing language pack: that
    /// page has text, which OCR would only guess), or a scanned image with
    /// a stamp of text over or beside it (see `isStampedScan`).
    ///
    /// A page with neither text nor image (a blank separator page, a chart
    /// drawn in vector graphics) is no scan: born-digital documents have
    /// them, and rendering them would make those documents slower for
    /// nothing. `--ocr force` reads them too.
    public static func isScan(_ page: Page) -> Bool {
        if page.undecodedTextRuns > 0 { return false }
        if !page.hasTextLayer {
            let area = page.width * page.height
            let imaged = page.images.reduce(0.0) { $0 + ($1.intersection(Rect(x0: 0, y0: 0, x1: page.width, y1: page.height))?.area ?? 0) }
            return area > 0 && imaged >= area / 10
        }
        return isStampedScan(page)
    }

    /// Most visible glyphs a stamped scan has (a running header, a page
    /// number, a file mark).
    public static let stampGlyphs = 40

    /// A page whose content is one image covering a large part of it (a
    /// third: a scan at its own size on a larger sheet) and a stamp of text
    /// (at most `stampGlyphs` visible characters), with no invisible OCR
    /// layer: the image is read by OCR, the stamp kept.
    public static func isStampedScan(_ page: Page) -> Bool {
        guard page.hasTextLayer, page.undecodedTextRuns == 0, !page.glyphs.contains(where: \.isInvisible) else {
            return false
        }
        let area = page.width * page.height
        guard area > 0, let largest = page.images.map(\.area).max(), largest >= area / 3 else { return false }
        let visible = page.glyphs.filter { $0.text.contains { !$0.isWhitespace } }.count
        return visible <= stampGlyphs
    }
}

/// Why a page could not be read by OCR.
public enum OCRError: LocalizedError, Equatable, Sendable {
    /// Tesseract could not start (its trained data for the languages is missing …).
    case engineUnavailable(path: String, page: Int, languages: String, reason: String)
    /// The page could not be rendered.
    case renderFailed(path: String, page: Int, reason: String)
    /// Tesseract failed on the page image.
    case recognitionFailed(path: String, page: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .engineUnavailable(let path, let page, _, let reason): return "\(path): page \(page): OCR unavailable: \(reason)"
        case .renderFailed(let path, let page, let reason): return "\(path): page \(page): cannot render the page for OCR: \(reason)"
        case .recognitionFailed(let path, let page, let reason): return "\(path): page \(page): OCR failed: \(reason)"
        }
    }

    public var path: String {
        switch self {
        case .engineUnavailable(let p, _, _, _), .renderFailed(let p, _, _), .recognitionFailed(let p, _, _): return p
        }
    }

    public var page: Int {
        switch self {
        case .engineUnavailable(_, let n, _, _), .renderFailed(_, let n, _), .recognitionFailed(_, let n, _): return n
        }
    }

    /// The reason without file and page.
    public var reason: String {
        switch self {
        case .engineUnavailable(_, _, _, let r), .renderFailed(_, _, let r), .recognitionFailed(_, _, let r): return r
        }
    }
}

/// Reads pages of one PDF by OCR: renders the page (only that page), runs
/// Tesseract with orientation, deskew and rulings, and gives a `Page` of
/// the same model as the PDF's own, its glyphs marked as OCR.
public final class OCRReader {
    public let path: String
    public let options: OCROptions
    private let password: String?
    private var renderer: PageRenderer?

    public init(path: String, password: String?, options: OCROptions) {
        self.path = path
        self.password = password
        self.options = options
    }

    /// Page `page.number` read by OCR. `page` is what the PDF gave (its
    /// size, rotation and problems are kept).
    public func read(_ page: Page) throws(OCRError) -> Page {
        let number = page.number
        let image: GreyImage
        do {
            if renderer == nil { renderer = try PageRenderer(path: path, password: password) }
            image = try renderer!.render(page: number, dpi: options.dpi)
        } catch {
            throw .renderFailed(path: path, page: number, reason: error.reason)
        }
        let result: OCRResult
        let reason: OCRInfo.Reason = options.mode == .force ? .forced : OCRDecision.reason(page) ?? .forced
        do {
            // A stamped scan, and a page whose text is garbled in part, keep
            // the PDF's frame: no turn, so its glyphs still fit.
            let partlyGarbled = reason == .garbledTextLayer && !(page.garbledText?.isMostOfPage ?? true)
            let keepsFrame = reason == .stampedScan || partlyGarbled
            let steps: OCREngine.Steps = keepsFrame ? [.deskew, .rulings, .writing] : .all
            result = try OCREngine.with(languages: options.languages) { engine throws(OCREngine.Failure) in
                try engine.read(image, dpi: options.dpi, steps: steps)
            }
            let read = Self.page(from: result, replacing: page, options: options, reason: reason)
            if reason == .stampedScan { return Self.merging(read, into: page) }
            if partlyGarbled { return Self.replacingGarbled(in: page, by: read) }
            return read
        } catch {
            if error.reason.contains("trained data") {
                throw .engineUnavailable(path: path, page: number, languages: options.languages, reason: error.reason)
            }
            throw .recognitionFailed(path: path, page: number, reason: error.reason)
        }
    }

    /// A page whose text is garbled in part (`GarbledText`, not most of
    /// the page) read by OCR: the PDF's sound glyphs, rulings and images
    /// kept; its garbled glyphs (and its glyphs without Unicode in a
    /// garbled font) replaced by OCR's glyphs in their area: those whose
    /// centre is in the box of a garbled glyph (grown by a tenth of its
    /// height) and that do not overlap a sound glyph. When OCR turned the
    /// page, the PDF's boxes no longer apply and OCR's page is taken whole.
    public static func replacingGarbled(in original: Page, by read: Page) -> Page {
        guard let ocr = read.ocr, ocr.turned == 0, let garbled = original.garbledText else { return read }
        var areas: [Rect] = []
        var sound: [Glyph] = []
        for (index, glyph) in original.glyphs.enumerated() {
            if garbled.contains(glyph: index) {
                if !glyph.text.allSatisfy(\.isWhitespace) { areas.append(glyph.box) }
            } else {
                sound.append(glyph)
            }
        }
        areas += original.unmapped.filter { garbled.containsUnmapped(font: $0.font) }.map(\.box)
        let grown = areas.map { box in
            let pad = box.height / 10
            return Rect(x0: box.x0 - pad, y0: box.y0 - pad, x1: box.x1 + pad, y1: box.y1 + pad)
        }
        let soundBoxes = sound.filter { !$0.text.allSatisfy(\.isWhitespace) }.map(\.box)
        func overlapsSound(_ box: Rect) -> Bool {
            soundBoxes.contains { ($0.intersection(box)?.area ?? 0) > 0.3 * min($0.area, box.area) }
        }
        let added = read.glyphs.filter { glyph in
            grown.contains { $0.contains(x: glyph.box.midX, y: glyph.box.midY) } && !overlapsSound(glyph.box)
        }
        var page = original
        let fontIndex = original.fonts.count
        page.glyphs = sound + added.map { glyph in
            var glyph = glyph
            glyph.font = fontIndex
            return glyph
        }
        page.fonts = original.fonts + [FontInfo(name: "OCR")]
        page.unmapped = original.unmapped.filter { !garbled.containsUnmapped(font: $0.font) }
        page.garbledText = read.garbledText
        page.ocr = ocr.counting(added, textLayer: .partlyReplaced)
        return page
    }

    /// A stamped scan (`OCRDecision.isStampedScan`) read by OCR: the PDF's
    /// glyphs and rulings kept, and OCR's inside the page's images added
    /// (those that do not overlap a glyph of the PDF). When OCR turned the
    /// page, the PDF's boxes no longer apply and OCR's page is taken whole.
    public static func merging(_ read: Page, into original: Page) -> Page {
        guard let ocr = read.ocr, ocr.turned == 0 else { return read }
        func inImage(_ box: Rect) -> Bool { original.images.contains { $0.contains(x: box.midX, y: box.midY) } }
        let own = original.glyphs.map(\.box)
        func overlapsOwn(_ box: Rect) -> Bool {
            own.contains { ($0.intersection(box)?.area ?? 0) > 0.3 * min($0.area, box.area) }
        }
        let added = read.glyphs.filter { inImage($0.box) && !overlapsOwn($0.box) }
        var page = original
        page.glyphs = original.glyphs + added
        page.fonts = original.fonts + [FontInfo(name: "OCR")]
        let fontIndex = original.fonts.count
        for index in original.glyphs.count..<page.glyphs.count { page.glyphs[index].font = fontIndex }
        page.rulings = original.rulings + read.rulings.filter { inImage($0.box) }
        page.ocr = ocr.counting(added, textLayer: .kept)
        return page
    }

    /// The read stage's page from an OCR result.
    public static func page(from result: OCRResult, replacing original: Page, options: OCROptions,
                            reason: OCRInfo.Reason = .noTextLayer) -> Page {
        let scale = 72 / Double(options.dpi)
        let glyphs = OCRGlyphs.glyphs(from: result.symbols, dpi: options.dpi, vertical: result.vertical)
        let rulings = result.rulings.map { r in
            Ruling(orientation: r.orientation, position: Double(r.position) * scale, start: Double(r.start) * scale,
                   end: Double(r.end) * scale, thickness: max(Double(r.thickness) * scale, 0.1), source: .stroke)
        }
        let turned = result.turn % 180 != 0
        var page = Page(
            number: original.number, width: turned ? original.height : original.width,
            height: turned ? original.width : original.height, rotation: original.rotation, glyphs: glyphs,
            fonts: [FontInfo(name: "OCR")], rulings: rulings, images: [], filledBoxes: [], problems: original.problems,
            unmappedGlyphs: 0, missingLanguagePacks: [], undecodedTextRuns: 0)
        let confidences = glyphs.compactMap(\.ocrConfidence)
        let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
        page.ocr = OCRInfo(
            engine: "tesseract", version: OCREngine.tesseractVersion,
            languages: options.languages.split(separator: "+").map(String.init), dpi: options.dpi,
            meanConfidence: (mean * 10).rounded() / 10, characters: glyphs.count, turned: result.turn,
            deskewed: (result.skew * 100).rounded() / 100, writing: result.vertical ? .vertical : .horizontal,
            textLayer: original.hasTextLayer ? .setAside : .none, reason: reason)
        // What the PDF's text layer had, for the warning (its runs index the PDF's glyphs, not these).
        page.garbledText = original.garbledText.map { garbled in
            var kept = garbled
            kept.runs = []
            return kept
        }
        return page
    }
}

/// Table cells built from OCR glyphs of low confidence.
public enum OCRConfidence {
    /// Below this mean confidence a cell is reported.
    public static let lowCellThreshold = 70.0

    /// A cell whose glyphs were recognised with low confidence.
    public struct LowCell: Sendable, Hashable {
        public var box: Rect
        public var text: String
        public var confidence: Double
    }

    /// The cells (boxes on `page`) whose OCR glyphs, those whose centre is
    /// inside, have a mean confidence below `threshold`.
    public static func lowCells(on page: Page, cells: [Rect], threshold: Double = lowCellThreshold) -> [LowCell] {
        guard page.ocr != nil else { return [] }
        var out: [LowCell] = []
        for box in cells {
            let inside = page.glyphs.filter { $0.isOCR && box.contains(x: $0.box.midX, y: $0.box.midY) }
            guard !inside.isEmpty else { continue }
            let mean = inside.compactMap(\.ocrConfidence).reduce(0, +) / Double(inside.count)
            if mean < threshold {
                out.append(LowCell(box: box, text: inside.map(\.text).joined(), confidence: (mean * 10).rounded() / 10))
            }
        }
        return out
    }
}

extension OCRInfo {
    /// This reading's note for a page that kept part of its own text: the
    /// OCR glyphs `added` to it (their count and mean confidence, to one
    /// decimal) and what became of the text layer.
    func counting(_ added: [Glyph], textLayer: TextLayer) -> OCRInfo {
        var info = self
        let confidences = added.compactMap(\.ocrConfidence)
        info.meanConfidence = confidences.isEmpty ? 0 : ((confidences.reduce(0, +) / Double(confidences.count)) * 10).rounded() / 10
        info.characters = added.count
        info.textLayer = textLayer
        return info
    }
}
