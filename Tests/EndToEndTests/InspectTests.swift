import CPopplerGlib
import Foundation
import Gazette
import Testing

/// `gazette inspect`: the PNG has the page's size at the chosen scale, and
/// the rulings are drawn over the page in red where the read stage found them.
@Suite struct InspectTests {
    /// RGB of a pixel of a PNG, read back with cairo.
    static func pixel(_ surface: OpaquePointer, x: Int, y: Int) throws -> (r: Int, g: Int, b: Int) {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        try #require((0..<width).contains(x) && (0..<height).contains(y), "pixel (\(x), \(y)) is outside the \(width)x\(height) image")
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        let p = data + y * stride + x * 4
        // ARGB32, native endian (little): B, G, R, A.
        return (Int(p[2]), Int(p[1]), Int(p[0]))
    }

    @Test func pngShowsRulingsCellsAndTables() throws {
        let pdf = E2E.sharedCorpus.appendingPathComponent("tbpp__監察院.pdf").path
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("p36.png").path
        let result = try E2E.run(["inspect", pdf, "--page", "36", "--scale", "2", "-o", png])
        #expect(result.status == 0, "\(result.stderr)")

        let page = try PDFDocument(path: pdf).page(36)
        guard let surface = cairo_image_surface_create_from_png(png),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            Issue.record("cannot read \(png)")
            return
        }
        defer { cairo_surface_destroy(surface) }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        #expect(width == Int((page.width * 2).rounded(.up)) && height == Int((page.height * 2).rounded(.up)))

        // Sample points along long vertical rulings: red (the ruling colour).
        let verticals = page.rulings.filter { $0.orientation == .vertical && $0.length > 200 }
        #expect(verticals.count >= 4)
        var red = 0, sampled = 0
        for r in verticals {
            for t in stride(from: 0.2, through: 0.8, by: 0.2) {
                let x = Int((r.position * 2).rounded()), y = Int(((r.start + (r.end - r.start) * t) * 2).rounded())
                let c = try Self.pixel(surface, x: x, y: y)
                sampled += 1
                if c.r > 200 && c.g < 80 && c.b < 80 { red += 1 }
            }
        }
        #expect(red * 10 >= sampled * 9, "\(red)/\(sampled) ruling samples are red")
        // A point far from any ruling or text stays page-white.
        let blank = try Self.pixel(surface, x: 10, y: 10)
        #expect(blank.r > 240 && blank.g > 240 && blank.b > 240)
    }

    @Test func noSuchPageFailsClearly() throws {
        let pdf = E2E.corpus.appendingPathComponent("trip-report.pdf").path
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try E2E.run(["inspect", pdf, "--page", "99", "-o", dir.appendingPathComponent("x.png").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no page 99"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
