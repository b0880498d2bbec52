import Foundation
import RenderShim

/// Renders pages of a PDF with poppler-glib and cairo: grey images for OCR,
/// and pages with an overlay for `gazette inspect`. Both libraries are
/// loaded the first time a document is opened here (`RenderShim`), so that
/// born-digital documents never pay for them, not even at start-up.
public final class PageRenderer {
    /// Why a page could not be rendered (the caller adds file and page).
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    /// cairo's limit on an image side, in pixels (20000 × 20000 grey would
    /// be 400 MB anyway).
    public static let maximumSide = 14_400

    public let path: String
    private let document: OpaquePointer

    public init(path: String, password: String? = nil) throws(Failure) {
        self.path = path
        // poppler-glib wants a file URI.
        let uri = URL(fileURLWithPath: path).absoluteString
        var message = [CChar](repeating: 0, count: 1024)
        let opened: OpaquePointer? = message.withUnsafeMutableBufferPointer { buffer in
            gz_render_open(uri, password, buffer.baseAddress, buffer.count)
        }
        guard let opened else { throw Failure(reason: Self.string(message)) }
        document = opened
    }

    deinit { gz_render_close(document) }

    /// Page `number` (1-based) as displayed (its /Rotate applied), at `dpi`,
    /// composited over white, in grey.
    public func render(page number: Int, dpi: Int) throws(Failure) -> GreyImage {
        let image = try render(page: number, scale: Double(dpi) / 72)
        let width = image.width, height = image.height
        var pixels = [UInt8](repeating: 255, count: width * height)
        pixels.withUnsafeMutableBufferPointer { out in gz_render_image_grey(image.handle, out.baseAddress) }
        return GreyImage(width: width, height: height, pixels: pixels)
    }

    /// Page `number` (1-based) as displayed at `scale` pixels per point,
    /// composited over white, to draw over and write as a PNG.
    public func render(page number: Int, scale: Double) throws(Failure) -> RenderedPage {
        var message = [CChar](repeating: 0, count: 1024)
        let image: OpaquePointer? = message.withUnsafeMutableBufferPointer { buffer in
            gz_render_page(document, Int32(number - 1), scale, Int32(Self.maximumSide), buffer.baseAddress, buffer.count)
        }
        guard let image else { throw Failure(reason: Self.string(message)) }
        return RenderedPage(handle: image)
    }

    fileprivate static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A rendered page in colour, drawn over in page points.
public final class RenderedPage {
    /// An RGB colour, components 0…1, with its opacity.
    public struct Colour: Sendable, Hashable {
        public var red: Double, green: Double, blue: Double, alpha: Double
        public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
            (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
        }
    }

    fileprivate let handle: OpaquePointer

    fileprivate init(handle: OpaquePointer) { self.handle = handle }

    deinit { gz_render_image_free(handle) }

    /// Size in pixels.
    public var width: Int { Int(gz_render_image_width(handle)) }
    public var height: Int { Int(gz_render_image_height(handle)) }

    /// Strokes the outline of a rectangle, `lineWidth` in points.
    public func strokeRectangle(x: Double, y: Double, width: Double, height: Double, colour: Colour, lineWidth: Double) {
        gz_render_stroke_rectangle(handle, x, y, width, height, colour.red, colour.green, colour.blue, colour.alpha, lineWidth)
    }

    /// Strokes a line, `lineWidth` in points.
    public func strokeLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double), colour: Colour, lineWidth: Double) {
        gz_render_stroke_line(handle, start.x, start.y, end.x, end.y, colour.red, colour.green, colour.blue, colour.alpha, lineWidth)
    }

    /// Writes a PNG file at `path` (not atomically: the caller renames).
    public func writePNG(to path: String) throws(PageRenderer.Failure) {
        var message = [CChar](repeating: 0, count: 512)
        let written = message.withUnsafeMutableBufferPointer { buffer in
            gz_render_write_png(handle, path, buffer.baseAddress, buffer.count)
        }
        guard written != 0 else { throw PageRenderer.Failure(reason: PageRenderer.string(message)) }
    }
}
