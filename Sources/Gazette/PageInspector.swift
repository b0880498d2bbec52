import Foundation
import GazetteOCR
import GazetteRead
import GazetteTables

/// Renders a page with what gazette saw drawn over it: rulings (red),
/// detected cells (blue) and table boxes (green), so a user can see at a
/// glance why a table came out as it did; on a page read by OCR (as
/// `extract --ocr` would read it), the rulings found in the image and the
/// boxes of the recognised characters (orange) too. Used by `gazette inspect`.
public enum PageInspector {
    /// Why a page could not be rendered.
    public enum InspectError: LocalizedError {
        /// The file could not be opened for rendering.
        case cannotOpen(path: String, reason: String)
        /// There is no such page.
        case noSuchPage(path: String, page: Int, pageCount: Int)
        /// The PNG could not be written.
        case cannotWrite(path: String, reason: String)

        public var errorDescription: String? {
            switch self {
            case .cannotOpen(let path, let reason): return "\(path): cannot open for rendering: \(reason)"
            case .noSuchPage(let path, let page, let count): return "\(path): no page \(page) (the PDF has \(count))"
            case .cannotWrite(let path, let reason): return "\(path): cannot write the PNG: \(reason)"
            }
        }
    }

    /// Colours of the overlay.
    public static let rulingColor = RenderedPage.Colour(red: 1, green: 0, blue: 0)
    public static let cellColor = RenderedPage.Colour(red: 0, green: 0.3, blue: 1, alpha: 0.8)
    public static let tableColor = RenderedPage.Colour(red: 0, green: 0.7, blue: 0, alpha: 0.9)
    public static let ocrGlyphColor = RenderedPage.Colour(red: 1, green: 0.55, blue: 0, alpha: 0.7)

    /// Renders page `number` of the PDF at `scale` pixels per point and
    /// writes a PNG to `output`. Returns the image size in pixels. With
    /// `ocr`, a page it wants (`OCROptions.wants`) is read by OCR first and
    /// its rulings, cells and characters are OCR's (in the frame OCR read:
    /// on a page it turned, the overlay is turned with it).
    @discardableResult
    public static func render(pdf path: String, password: String?, page number: Int, scale: Double,
                              output: String, ocr: OCROptions? = nil) throws -> (width: Int, height: Int) {
        // The read stage (or OCR) gives the rulings and tables to draw.
        let document = try PDFDocument(path: path, password: password)
        guard number >= 1, number <= document.pageCount else {
            throw InspectError.noSuchPage(path: path, page: number, pageCount: document.pageCount)
        }
        var page = try document.page(number)
        if let ocr, ocr.mode != .off, ocr.wants(page) {
            page = try OCRReader(path: path, password: password, options: ocr).read(page)
        }
        let tables = RuledTableDetector.detect(on: page).tables

        let renderer: PageRenderer
        let image: RenderedPage
        do {
            renderer = try PageRenderer(path: path, password: password)
            image = try renderer.render(page: number, scale: scale)
        } catch {
            throw InspectError.cannotOpen(path: path, reason: error.reason)
        }

        // Table boxes.
        for table in tables {
            let b = table.box
            image.strokeRectangle(x: b.x0 - 2, y: b.y0 - 2, width: b.width + 4, height: b.height + 4,
                                  colour: tableColor, lineWidth: 3.0 / scale)
        }
        // Cells.
        for table in tables {
            for cell in table.grid.cells {
                let b = cell.box.insetBy(1.5)
                guard !b.isEmpty else { continue }
                image.strokeRectangle(x: b.x0, y: b.y0, width: b.width, height: b.height,
                                      colour: cellColor, lineWidth: 1.5 / scale)
            }
        }
        // Characters recognised by OCR.
        for glyph in page.glyphs where glyph.ocrConfidence != nil {
            let b = glyph.box
            image.strokeRectangle(x: b.x0, y: b.y0, width: b.width, height: b.height, colour: ocrGlyphColor,
                                  lineWidth: 1.0 / scale)
        }
        // Rulings, on top.
        for r in page.rulings {
            switch r.orientation {
            case .horizontal:
                image.strokeLine(from: (r.start, r.position), to: (r.end, r.position), colour: rulingColor, lineWidth: 2.0 / scale)
            case .vertical:
                image.strokeLine(from: (r.position, r.start), to: (r.position, r.end), colour: rulingColor, lineWidth: 2.0 / scale)
            }
        }

        // Write to a temporary file beside the target, then rename.
        let target = URL(fileURLWithPath: output)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".gazette-tmp-\(ProcessInfo.processInfo.processIdentifier)-\(target.lastPathComponent)")
        do {
            try image.writePNG(to: temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InspectError.cannotWrite(path: output, reason: error.reason)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InspectError.cannotWrite(path: output, reason: reason)
        }
        return (image.width, image.height)
    }
}
