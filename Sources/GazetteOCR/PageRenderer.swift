import CPopplerGlib
import Foundation
import OCRShim

/// Renders pages of a PDF to grey images with poppler-glib and cairo, for
/// OCR. Opened only when a document has a page to read this way, so that
/// born-digital documents never pay for it.
public final class PageRenderer {
    /// Why a page could not be rendered (the caller adds file and page).
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    public let path: String
    private let document: OpaquePointer

    public init(path: String, password: String? = nil) throws(Failure) {
        self.path = path
        let uri = URL(fileURLWithPath: path).absoluteString
        var gerror: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, password, &gerror) else {
            let reason = gerror.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let gerror { g_error_free(gerror) }
            throw Failure(reason: "poppler-glib cannot open it: \(reason)")
        }
        document = doc
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    /// Page `number` (1-based) as displayed (its /Rotate applied), at `dpi`,
    /// composited over white.
    public func render(page number: Int, dpi: Int) throws(Failure) -> GreyImage {
        guard let page = poppler_document_get_page(document, Int32(number - 1)) else {
            throw Failure(reason: "poppler-glib has no page \(number)")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        let scale = Double(dpi) / 72
        let width = Int((widthPoints * scale).rounded(.up)), height = Int((heightPoints * scale).rounded(.up))
        // 14400 px is cairo's limit; 20000 × 20000 grey would be 400 MB.
        guard width > 0, height > 0, width <= 14_400, height <= 14_400 else {
            throw Failure(reason: "a \(Int(widthPoints))×\(Int(heightPoints)) pt page is too large to render at \(dpi) dpi")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw Failure(reason: "cairo cannot create a \(width)×\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw Failure(reason: "cairo cannot create a \(width)×\(height) image: "
                          + String(cString: cairo_status_to_string(cairo_surface_status(surface))))
        }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw Failure(reason: "cairo gave no pixels")
        }
        var pixels = [UInt8](repeating: 255, count: width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            gz_ocr_grey_from_argb(data, Int32(width), Int32(height), Int32(stride), out.baseAddress)
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }
}
