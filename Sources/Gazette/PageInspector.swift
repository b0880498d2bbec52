import CPopplerGlib
import Foundation
import GazetteRead
import GazetteTables

/// Renders a page with what gazette saw drawn over it: rulings (red),
/// detected cells (blue) and table boxes (green), so a user can see at a
/// glance why a table came out as it did. Used by `gazette inspect`.
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

    /// Colours of the overlay, as RGB components 0...1.
    public static let rulingColor = (r: 1.0, g: 0.0, b: 0.0)
    public static let cellColor = (r: 0.0, g: 0.3, b: 1.0)
    public static let tableColor = (r: 0.0, g: 0.7, b: 0.0)

    /// Renders page `number` of the PDF at `scale` pixels per point and
    /// writes a PNG to `output`. Returns the image size in pixels.
    @discardableResult
    public static func render(pdf path: String, password: String?, page number: Int, scale: Double,
                              output: String) throws -> (width: Int, height: Int) {
        // The read stage gives the rulings and tables to draw.
        let document = try PDFDocument(path: path, password: password)
        guard number >= 1, number <= document.pageCount else {
            throw InspectError.noSuchPage(path: path, page: number, pageCount: document.pageCount)
        }
        let page = try document.page(number)
        let tables = RuledTableDetector.detect(on: page).tables

        // poppler-glib wants a file URI.
        let uri = URL(fileURLWithPath: path).absoluteString
        var gerror: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, password, &gerror) else {
            let reason = gerror.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let gerror { g_error_free(gerror) }
            throw InspectError.cannotOpen(path: path, reason: reason)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
        guard let popplerPage = poppler_document_get_page(doc, Int32(number - 1)) else {
            throw InspectError.noSuchPage(path: path, page: number, pageCount: document.pageCount)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(popplerPage)) }

        let width = Int((page.width * scale).rounded(.up)), height = Int((page.height * scale).rounded(.up))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }

        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_save(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(popplerPage, cr)
        cairo_restore(cr)

        cairo_scale(cr, scale, scale)
        cairo_set_line_width(cr, max(1.0 / scale, 0.6))
        // Table boxes.
        for table in tables {
            let b = table.box
            cairo_set_source_rgba(cr, tableColor.r, tableColor.g, tableColor.b, 0.9)
            cairo_set_line_width(cr, 3.0 / scale)
            cairo_rectangle(cr, b.x0 - 2, b.y0 - 2, b.width + 4, b.height + 4)
            cairo_stroke(cr)
        }
        // Cells.
        cairo_set_line_width(cr, 1.5 / scale)
        for table in tables {
            for cell in table.grid.cells {
                let b = cell.box.insetBy(1.5)
                guard !b.isEmpty else { continue }
                cairo_set_source_rgba(cr, cellColor.r, cellColor.g, cellColor.b, 0.8)
                cairo_rectangle(cr, b.x0, b.y0, b.width, b.height)
                cairo_stroke(cr)
            }
        }
        // Rulings, on top.
        cairo_set_line_width(cr, 2.0 / scale)
        cairo_set_source_rgba(cr, rulingColor.r, rulingColor.g, rulingColor.b, 1)
        for r in page.rulings {
            switch r.orientation {
            case .horizontal:
                cairo_move_to(cr, r.start, r.position)
                cairo_line_to(cr, r.end, r.position)
            case .vertical:
                cairo_move_to(cr, r.position, r.start)
                cairo_line_to(cr, r.position, r.end)
            }
            cairo_stroke(cr)
        }
        cairo_surface_flush(surface)

        // Write to a temporary file beside the target, then rename.
        let target = URL(fileURLWithPath: output)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".gazette-tmp-\(ProcessInfo.processInfo.processIdentifier)-\(target.lastPathComponent)")
        let status = cairo_surface_write_to_png(surface, temporary.path)
        guard status == CAIRO_STATUS_SUCCESS else {
            try? FileManager.default.removeItem(at: temporary)
            throw InspectError.cannotWrite(path: output, reason: String(cString: cairo_status_to_string(status)))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InspectError.cannotWrite(path: output, reason: reason)
        }
        return (width, height)
    }
}
