import CPopplerGlib
import Foundation
import GazetteOCR

/// Images drawn with cairo for the OCR tests: text set in the Arphic Ming
/// face the corpus uses (scripts/bootstrap installs it), lines of known
/// places.
enum Synthetic {
    /// A white A4-wide strip at `dpi` with `lines` of text, `points` high,
    /// turned `degrees` clockwise about the centre, and `rules` (horizontal
    /// y positions and vertical x positions in pixels, spanning `span`).
    static func image(width: Int = 2480, height: Int = 1200, lines: [String] = [], points: Double = 14, dpi: Int = 300,
                      degrees: Double = 0, horizontal: [Int] = [], vertical: [Int] = [],
                      span: (Int, Int)? = nil, thickness: Double = 3) -> GreyImage {
        drawn(width: width, height: height) { cr in
            if degrees != 0 {
                cairo_translate(cr, Double(width) / 2, Double(height) / 2)
                cairo_rotate(cr, degrees * .pi / 180)
                cairo_translate(cr, -Double(width) / 2, -Double(height) / 2)
            }
            cairo_select_font_face(cr, "AR PL UMing TW", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            let pixelSize = points * Double(dpi) / 72
            cairo_set_font_size(cr, pixelSize)
            for (index, line) in lines.enumerated() {
                cairo_move_to(cr, 150, 150 + Double(index + 1) * pixelSize * 1.6)
                cairo_show_text(cr, line)
            }
            cairo_set_line_width(cr, thickness)
            let (from, to) = span ?? (100, min(width, height) - 100)
            for y in horizontal {
                cairo_move_to(cr, Double(from), Double(y) + 0.5)
                cairo_line_to(cr, Double(to), Double(y) + 0.5)
            }
            for x in vertical {
                cairo_move_to(cr, Double(x) + 0.5, Double(from))
                cairo_line_to(cr, Double(x) + 0.5, Double(to))
            }
            cairo_stroke(cr)
        }
    }

    /// A page in vertical writing: each of `columns` set top to bottom, one
    /// character an em below the other, the first column at the right and
    /// each next one `pitch` ems to its left (an official letter of the
    /// 1990s: 主旨、說明 in columns).
    static func verticalWriting(width: Int = 2480, height: Int = 2400, columns: [String], points: Double = 16,
                                dpi: Int = 300, pitch: Double = 2) -> GreyImage {
        drawn(width: width, height: height) { cr in
            cairo_select_font_face(cr, "AR PL UMing TW", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            let em = points * Double(dpi) / 72
            cairo_set_font_size(cr, em)
            for (index, column) in columns.enumerated() {
                let left = Double(width) - 300 - Double(index) * pitch * em
                for (row, character) in column.enumerated() {
                    var extents = cairo_text_extents_t()
                    cairo_text_extents(cr, String(character), &extents)
                    // Each character centred across its column, on a baseline an em further down.
                    cairo_move_to(cr, left + (em - extents.x_advance) / 2, 200 + Double(row + 1) * em * 1.05)
                    cairo_show_text(cr, String(character))
                }
            }
        }
    }

    /// A ruled table: lines at `horizontal` y and `vertical` x (each
    /// spanning the others' extent), `cells` text (12 pt) at (x, baseline y).
    static func table(width: Int, height: Int, horizontal: [Int], vertical: [Int], cells: [(String, Int, Int)]) -> GreyImage {
        drawn(width: width, height: height) { cr in
            cairo_set_line_width(cr, 3)
            let (left, right) = (Double(vertical.min() ?? 0), Double(vertical.max() ?? width))
            let (top, bottom) = (Double(horizontal.min() ?? 0), Double(horizontal.max() ?? height))
            for y in horizontal {
                cairo_move_to(cr, left, Double(y) + 0.5)
                cairo_line_to(cr, right, Double(y) + 0.5)
            }
            for x in vertical {
                cairo_move_to(cr, Double(x) + 0.5, top)
                cairo_line_to(cr, Double(x) + 0.5, bottom)
            }
            cairo_stroke(cr)
            cairo_select_font_face(cr, "AR PL UMing TW", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, 12 * 300 / 72)
            for (text, x, y) in cells {
                cairo_move_to(cr, Double(x), Double(y))
                cairo_show_text(cr, text)
            }
        }
    }

    /// A white image `width` by `height` with what `draw` puts on it, in
    /// black unless it sets another source.
    static func drawn(width: Int, height: Int, _ draw: (OpaquePointer) -> Void) -> GreyImage {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        draw(cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return grey(surface!)
    }

    /// The surface's pixels as grey.
    static func grey(_ surface: OpaquePointer) -> GreyImage {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = row[x]
                let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                pixels[y * width + x] = UInt8((299 * r + 587 * g + 114 * b) / 1000)
            }
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }

    /// The image turned 180°.
    static func upsideDown(_ image: GreyImage) -> GreyImage {
        GreyImage(width: image.width, height: image.height, pixels: image.pixels.reversed())
    }

    /// The image turned 90° counter-clockwise (its text then runs up the page).
    static func quarterTurnLeft(_ image: GreyImage) -> GreyImage {
        let w = image.width, h = image.height
        var out = [UInt8](repeating: 255, count: w * h)
        // New size h × w; new (x, y) = old (w - 1 - y, x).
        for y in 0..<w {
            for x in 0..<h {
                out[y * h + x] = image.pixels[x * w + (w - 1 - y)]
            }
        }
        return GreyImage(width: h, height: w, pixels: out)
    }

    /// An image-only PDF of `images` (each a page of `pagePoints`, drawn at
    /// its size), as a scanner makes: no text, one image per page.
    static func scannedPDF(_ images: [GreyImage], pagePoints: (Double, Double), to path: String) {
        let pdf = cairo_pdf_surface_create(path, pagePoints.0, pagePoints.1)
        defer { cairo_surface_destroy(pdf) }
        let cr = cairo_create(pdf)
        for image in images {
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))!
            let stride = Int(cairo_image_surface_get_stride(surface))
            let data = cairo_image_surface_get_data(surface)!
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let v = UInt32(image.pixels[y * image.width + x])
                    row[x] = 0xFF00_0000 | (v << 16) | (v << 8) | v
                }
            }
            cairo_surface_mark_dirty(surface)
            cairo_save(cr)
            cairo_scale(cr, pagePoints.0 / Double(image.width), pagePoints.1 / Double(image.height))
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_paint(cr)
            cairo_restore(cr)
            cairo_show_page(cr)
            cairo_surface_destroy(surface)
        }
        cairo_destroy(cr)
        cairo_surface_finish(pdf)
    }
}
