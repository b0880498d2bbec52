import Foundation
import Testing
import GazetteRead
import GazetteLayout

/// Hand-run tools, off unless their environment variable is set (output
/// goes to the temporary directory, or GAZETTE_DUMP_OUT for the dump):
/// `GAZETTE_DUMP=file.pdf:3-5` writes the layouts of pages 3-5 and the
/// outline; `GAZETTE_BENCH=1` (in a release build) times the layout stage;
/// `GAZETTE_GLYPHS=file.pdf:page:x0,y0,x1,y1` lists glyphs;
/// `GAZETTE_PROFILE=file.pdf:page` lays one page out 500 times.
@Suite struct DevTools {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_DUMP"] != nil))
    func dump() throws {
        let spec = ProcessInfo.processInfo.environment["GAZETTE_DUMP"]!
        let parts = spec.split(separator: ":")
        try #require(!parts.isEmpty, "GAZETTE_DUMP=file.pdf[:first[-last]]")
        let doc = try Corpus.document(String(parts[0]))
        var range = 1...doc.pageCount
        if parts.count > 1 {
            let bounds = parts[1].split(separator: "-").compactMap { Int($0) }
            let first = try #require(bounds.first, "GAZETTE_DUMP=file.pdf[:first[-last]]")
            let last = bounds.count > 1 ? bounds[1] : first
            try #require(first <= last, "GAZETTE_DUMP=file.pdf[:first[-last]]")
            range = first...last
        }
        let (pages, summary) = try Corpus.layout(String(parts[0]), pages: range)
        var out = pages.map(\.dump).joined(separator: "\n") + "\n" + OutlineEntry.dump(summary.outline)
        for c in summary.contents { out += "contents p.\(c.page): \(c.title) -> \(c.pageLabel)\n" }
        let file = ProcessInfo.processInfo.environment["GAZETTE_DUMP_OUT"] ?? FileManager.default.temporaryDirectory.appendingPathComponent("gazette-layout-dump.txt").path
        try out.write(toFile: file, atomically: true, encoding: .utf8)
    }
}

extension DevTools {
    /// Times the read stage and the layout stage separately over whole
    /// documents. Run by hand in release:
    /// `GAZETTE_BENCH=1 swift test -c release --scratch-path .build-layout --filter DevTools/bench`
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_BENCH"] != nil))
    func bench() throws {
        let names = ProcessInfo.processInfo.environment["GAZETTE_BENCH_FILES"]?.split(separator: ",").map(String.init)
            ?? ["cbpp__moa-fund-115.pdf", "tbpp__台北市.pdf", "tbpp__監察院.pdf"]
        let clock = ContinuousClock()
        var report = ""
        for name in names {
            let doc = try Corpus.document(name)
            // Read every page once (timed), keep them, then lay them out
            // several times to time layout alone.
            var pages: [Page] = []
            let read = try clock.measure {
                for n in 1...doc.pageCount { pages.append(try doc.page(n)) }
            }
            var best = Duration.seconds(1000)
            var worstPage = (page: 0, time: Duration.zero, glyphs: 0)
            for _ in 0..<5 {
                var builder = DocumentLayoutBuilder()
                var count = 0
                let t = clock.measure {
                    for p in pages { count += builder.add(p).count }
                    count += builder.finish().remainingPages.count
                }
                precondition(count == pages.count)
                best = min(best, t)
            }
            // Each page on its own, best of three.
            for p in pages {
                var t = Duration.seconds(1000)
                for _ in 0..<3 { t = min(t, clock.measure { _ = PageLayout(page: p) }) }
                if t > worstPage.time { worstPage = (p.number, t, p.glyphs.count) }
            }
            let glyphs = pages.reduce(0) { $0 + $1.glyphs.count }
            func ms(_ d: Duration) -> Double { Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1e3 }
            report += String(format: "%@: %d pages, %.0f glyphs/page; read %.3f ms/page; layout %.3f ms/page; slowest page %d (%d glyphs) %.3f ms\n",
                             name, pages.count, Double(glyphs) / Double(pages.count), ms(read) / Double(pages.count),
                             ms(best) / Double(pages.count), worstPage.page, worstPage.glyphs, ms(worstPage.time))
        }
        print(report)
        try report.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("gazette-layout-bench.txt"),
                         atomically: true, encoding: .utf8)
    }
}

extension DevTools {
    /// `GAZETTE_GLYPHS=file.pdf:page:x0,y0,x1,y1` prints the glyphs whose
    /// centre lies in the rectangle.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_GLYPHS"] != nil))
    func glyphs() throws {
        let parts = ProcessInfo.processInfo.environment["GAZETTE_GLYPHS"]!.split(separator: ":")
        try #require(parts.count == 3, "GAZETTE_GLYPHS=file.pdf:page:x0,y0,x1,y1")
        let page = try Corpus.document(String(parts[0])).page(try #require(Int(parts[1])))
        let r = parts[2].split(separator: ",").compactMap { Double($0) }
        try #require(r.count == 4, "GAZETTE_GLYPHS=file.pdf:page:x0,y0,x1,y1")
        var out = ""
        for (i, g) in page.glyphs.enumerated() where g.box.midX >= r[0] && g.box.midX <= r[2] && g.box.midY >= r[1] && g.box.midY <= r[3] {
            out += "\(i) \(g.text) \(g.box) size=\(g.size) angle=\(g.angle) color=\(String(g.color, radix: 16)) op=\(g.opacity) inv=\(g.isInvisible) font=\(page.fonts.indices.contains(g.font) ? page.fonts[g.font].name : "#\(g.font)?")\n"
        }
        try out.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("gazette-glyphs.txt"),
                      atomically: true, encoding: .utf8)
    }
}

extension DevTools {
    /// `GAZETTE_PROFILE=file.pdf:page` lays one page out many times (for perf).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GAZETTE_PROFILE"] != nil))
    func profile() throws {
        let parts = ProcessInfo.processInfo.environment["GAZETTE_PROFILE"]!.split(separator: ":")
        try #require(parts.count == 2, "GAZETTE_PROFILE=file.pdf:page")
        let page = try Corpus.document(String(parts[0])).page(try #require(Int(parts[1])))
        let clock = ContinuousClock()
        var n = 0
        let t = clock.measure { for _ in 0..<500 { n += PageLayout(page: page).lines.count } }
        print("PROFILE \(t / 500) per layout, \(page.glyphs.count) glyphs, \(page.rulings.count) rulings, \(n / 500) lines")
    }
}
