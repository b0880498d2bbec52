import GazetteNormalise
import GazetteRead

/// Where a line lies in its own direction's frame, and what its ends look
/// like: what block building needs without going back to the glyphs.
struct LineGeometry {
    var a0: Double, a1: Double, c0: Double, c1: Double
    /// Extent along the line of its first word (a CJK line's first glyph).
    var firstWord: Double
    var startsWide: Bool
    var endsWide: Bool
}

/// Glyphs to lines: one pass sorting glyphs into directions and chaining
/// them into runs in content-stream order, one sort of the runs into rows
/// (same baseline), one sort per row along the direction, then a sweep that
/// cuts rows into segments and builds each segment's text once.
struct LineBuilder {
    let options: LayoutOptions

    struct Output {
        var lines: [TextLine] = []
        var geometry: [LineGeometry] = []
        var watermarks: [Watermark] = []
    }

    /// A glyph in its direction's frame.
    private struct G {
        var a0: Double, a1: Double, c0: Double, c1: Double
        var size: Double
        var index: Int32
        var flags: UInt8
        var height: Double { c1 - c0 }
    }
    private static let wide: UInt8 = 1, spaceBefore: UInt8 = 2, bold: UInt8 = 4, faint: UInt8 = 8

    private struct Run { var c0: Double, c1: Double, first: Int32, end: Int32 }
    private struct Row { var c0: Double, c1: Double, firstRun: Int32, lastRun: Int32 }

    /// Upright glyphs drawn one below the other, in content-stream order,
    /// standing alone: vertical writing set with a horizontal font (a budget
    /// book's page-edge tab 一般行政－行政管理, a cell label 歲出計畫說明 set
    /// down its cell). At least three glyphs, each an em or so below the
    /// one before at the same x, not all the same character, and no other
    /// glyph beside any of them within half an em; such a stack is read as
    /// one vertical line, not as one-character lines that tables would take
    /// for rows.
    static func uprightStacks(_ glyphs: [Glyph], tolerance: Double) -> Set<Int> {
        func upright(_ g: Glyph) -> Bool {
            guard !g.isVertical, !CharacterClass.isBlank(g.text), g.size > 0 else { return false }
            var angle = g.angle.truncatingRemainder(dividingBy: 360)
            if angle > 180 { angle -= 360 } else if angle <= -180 { angle += 360 }
            return abs(angle) <= tolerance
        }
        func follows(_ a: Glyph, _ b: Glyph) -> Bool {
            let size = max(a.size, b.size)
            let dy = b.box.y0 - a.box.y0
            return abs((a.box.x0 + a.box.x1) - (b.box.x0 + b.box.x1)) / 2 <= 0.3 * size
                && dy >= 0.85 * size && dy <= 2.2 * size && abs(a.size - b.size) <= 0.15 * size
        }
        // Candidate runs, in content-stream order (spaces skipped).
        var runs: [[Int]] = []
        var current: [Int] = []
        for i in glyphs.indices {
            let g = glyphs[i]
            if CharacterClass.isBlank(g.text) { continue }
            if upright(g), let last = current.last, follows(glyphs[last], g) {
                current.append(i)
                continue
            }
            if current.count >= 3 { runs.append(current) }
            current = upright(g) ? [i] : []
        }
        if current.count >= 3 { runs.append(current) }
        var result = Set<Int>()
        for run in runs {
            guard Set(run.map { glyphs[$0].text }).count >= 2 else { continue }
            let members = Set(run)
            let x0 = run.map { glyphs[$0].box.x0 }.min()!, x1 = run.map { glyphs[$0].box.x1 }.max()!
            let y0 = run.map { glyphs[$0].box.y0 }.min()!, y1 = run.map { glyphs[$0].box.y1 }.max()!
            let margin = 0.5 * run.map { glyphs[$0].size }.max()!
            let crowded = glyphs.indices.contains { j in
                guard !members.contains(j), !CharacterClass.isBlank(glyphs[j].text) else { return false }
                let b = glyphs[j].box
                guard b.y1 > y0, b.y0 < y1, b.x1 > x0 - margin, b.x0 < x1 + margin else { return false }
                // Beside one of the stack's glyphs: overlapping it by half its height.
                return run.contains { k in
                    let a = glyphs[k].box
                    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * (a.y1 - a.y0)
                }
            }
            if !crowded { result.formUnion(run) }
        }
        return result
    }

    func build(_ page: Page) -> Output {
        var out = Output()
        let directions = TextDirection.allCases
        var buckets = [[G]](repeating: [], count: directions.count)
        var diagonal: [Int] = []
        var boldFont = page.fonts.map(\.isBold)
        if boldFont.isEmpty { boldFont = [false] }
        var sizes: [(size: Double, count: Int)] = []

        // Pass 1: classify glyphs, content-stream order kept within a direction.
        var pendingSpace = false
        let tolerance = options.angleTolerance
        let stacked = Self.uprightStacks(page.glyphs, tolerance: tolerance)
        for i in page.glyphs.indices {
            let g = page.glyphs[i]
            let v = CharacterClass.firstScalar(g.text)
            if v == 0 { continue }
            if CharacterClass.isSpace(v), CharacterClass.isBlank(g.text) {
                pendingSpace = true
                continue
            }
            var angle = g.angle.truncatingRemainder(dividingBy: 360)
            if angle > 180 { angle -= 360 } else if angle <= -180 { angle += 360 }
            let d: TextDirection?
            if stacked.contains(i) {
                d = .vertical
            } else if g.isVertical {
                d = abs(angle + 90) <= tolerance ? .vertical : (abs(angle) <= tolerance ? .horizontal : nil)
            } else if abs(angle) <= tolerance {
                d = .horizontal
            } else if abs(angle - 90) <= tolerance {
                d = .rotatedUp
            } else if abs(angle + 90) <= tolerance {
                d = .rotatedDown
            } else if 180 - abs(angle) <= tolerance {
                d = .upsideDown
            } else {
                d = nil
            }
            guard let d else {
                diagonal.append(i)
                pendingSpace = false
                continue
            }
            var f = Frame(direction: d).map(g.box)
            if f.c1 - f.c0 > 1.3 * g.size {
                // A font with outsized ascent and descent: its boxes would
                // reach into the neighbouring lines. Keep an em around the
                // middle of the box.
                let mid = (f.c0 + f.c1) / 2
                f.c0 = mid - 0.6 * g.size
                f.c1 = mid + 0.6 * g.size
            }
            var flags: UInt8 = 0
            if CharacterClass.isWide(v) { flags |= Self.wide }
            if pendingSpace { flags |= Self.spaceBefore }
            if g.isFakeBold || (g.font < boldFont.count && boldFont[g.font]) { flags |= Self.bold }
            if g.isFaint { flags |= Self.faint }
            let k = d == .horizontal ? 0 : directions.firstIndex(of: d)!
            buckets[k].append(G(a0: f.a0, a1: f.a1, c0: f.c0, c1: f.c1, size: g.size, index: Int32(i), flags: flags))
            pendingSpace = false
            let rounded = (g.size * 2).rounded() / 2
            if let s = sizes.firstIndex(where: { $0.size == rounded }) {
                sizes[s].count += 1
            } else if sizes.count < 32 {
                sizes.append((rounded, 1))
            }
        }
        let bodySize = sizes.max { $0.count < $1.count }?.size ?? 10

        var state = Scratch()
        var rowNumber = 0
        for (k, bucket) in buckets.enumerated() where !bucket.isEmpty {
            buildLines(bucket, direction: directions[k], page: page, boldFont: boldFont,
                       bodySize: bodySize, rowNumber: &rowNumber, scratch: &state, into: &out)
        }
        if !diagonal.isEmpty { out.watermarks += watermarks(diagonal, page: page) }
        return out
    }

    /// Buffers reused from row to row.
    private struct Scratch {
        var rowGlyphs: [Int32] = []
        var cuts: [Int] = []
        var gaps: [Double] = []
        var seps: [Frame.Rule] = []
        var counts: [(key: Double, count: Int)] = []
        var fonts: [(key: Int, count: Int)] = []
    }

    private func buildLines(_ glyphs: [G], direction: TextDirection, page: Page, boldFont: [Bool],
                            bodySize: Double, rowNumber: inout Int, scratch: inout Scratch,
                            into out: inout Output) {
        let frame = Frame(direction: direction)

        // Runs: glyphs that continue each other in content-stream order.
        var runs: [Run] = []
        runs.reserveCapacity(glyphs.count / 8 + 4)
        var bodyH = 0.0
        for k in glyphs.indices {
            let g = glyphs[k]
            if k > 0 {
                let p = glyphs[k - 1]
                let overlap = min(p.c1, g.c1) - max(p.c0, g.c0)
                if overlap >= 0.5 * min(p.height, g.height), g.a0 >= p.a0 - 0.2 * p.size {
                    runs[runs.count - 1].end = Int32(k + 1)
                    if g.height > bodyH {
                        bodyH = g.height
                        runs[runs.count - 1].c0 = g.c0
                        runs[runs.count - 1].c1 = g.c1
                    }
                    continue
                }
            }
            runs.append(Run(c0: g.c0, c1: g.c1, first: Int32(k), end: Int32(k + 1)))
            bodyH = g.height
        }

        // Rows: runs that overlap the row's first run across by half the
        // smaller height (a superscript joins its line).
        var order = Array(runs.indices)
        order.sort { runs[$0].c0 < runs[$1].c0 }
        var rows: [Row] = []
        var next = [Int32](repeating: -1, count: runs.count)
        var active: [Int] = []
        for r in order {
            let run = runs[r]
            active.removeAll { rows[$0].c1 < run.c0 }
            var best = -1
            var bestRatio = 0.5
            for w in active {
                let row = rows[w]
                let overlap = min(row.c1, run.c1) - max(row.c0, run.c0)
                let h0 = row.c1 - row.c0, h1 = run.c1 - run.c0
                let small = max(0.01, min(h0, h1)), large = max(h0, h1)
                let ratio = overlap / small
                // A superscript joins its line; a line of small text does
                // not join a much taller glyph beside it (a big number, a
                // drop cap), which would swallow several lines.
                if ratio >= bestRatio, large <= 2 * small || overlap >= 0.5 * large {
                    best = w
                    bestRatio = ratio
                }
            }
            if best >= 0 {
                next[Int(rows[best].lastRun)] = Int32(r)
                rows[best].lastRun = Int32(r)
                // The row keeps its first run's band: growing it to a taller
                // run would let it reach into the next line.
            } else {
                rows.append(Row(c0: run.c0, c1: run.c1, firstRun: Int32(r), lastRun: Int32(r)))
                active.append(rows.count - 1)
            }
        }
        rows.sort { $0.c0 + $0.c1 < $1.c0 + $1.c1 }

        let seps = frame.separators(page.rulings)
        let segGap = options.segmentGap

        for row in rows {
            // The row's glyphs, along the direction.
            scratch.rowGlyphs.removeAll(keepingCapacity: true)
            var r = row.firstRun
            var sorted = true
            var lastA0 = -Double.infinity
            while r >= 0 {
                let run = runs[Int(r)]
                for k in run.first..<run.end {
                    scratch.rowGlyphs.append(k)
                    if glyphs[Int(k)].a0 < lastA0 { sorted = false }
                    lastA0 = glyphs[Int(k)].a0
                }
                r = next[Int(r)]
            }
            if !sorted {
                scratch.rowGlyphs.sort { glyphs[Int($0)].a0 < glyphs[Int($1)].a0 }
            }
            let n = scratch.rowGlyphs.count

            // Letter spacing of CJK text (spaced-out titles): the median gap
            // between wide glyphs of the row, when there are enough of them,
            // widens the gap that cuts segments.
            scratch.gaps.removeAll(keepingCapacity: true)
            var rowA1 = -Double.infinity
            for j in 0..<n {
                let g = glyphs[Int(scratch.rowGlyphs[j])]
                if j > 0 {
                    let p = glyphs[Int(scratch.rowGlyphs[j - 1])]
                    let gap = g.a0 - p.a1
                    if p.flags & g.flags & Self.wide != 0, gap < 3 * max(p.size, g.size) {
                        scratch.gaps.append(max(0, gap))
                    }
                }
                rowA1 = max(rowA1, g.a1)
            }
            var letterSpacing = 0.0
            if scratch.gaps.count >= 3 {
                scratch.gaps.sort()
                letterSpacing = scratch.gaps[scratch.gaps.count / 2]
            }

            // Rulings crossing the row.
            scratch.seps.removeAll(keepingCapacity: true)
            if !seps.isEmpty {
                let rowA0 = glyphs[Int(scratch.rowGlyphs[0])].a0
                let mid = (row.c0 + row.c1) / 2
                var s = Frame.firstRule(atOrAfter: rowA0, in: seps)
                while s < seps.count, seps[s].pos <= rowA1 {
                    if seps[s].s0 - 1 <= mid, seps[s].s1 + 1 >= mid { scratch.seps.append(seps[s]) }
                    s += 1
                }
            }

            // Sweep 1: where the row is cut into segments.
            scratch.cuts.removeAll(keepingCapacity: true)
            var reach = -Double.infinity
            var sepIndex = 0
            for j in 0..<n {
                let g = glyphs[Int(scratch.rowGlyphs[j])]
                if j > 0 {
                    let p = glyphs[Int(scratch.rowGlyphs[j - 1])]
                    let em = max(p.size, g.size)
                    let wideInvolved = (p.flags | g.flags) & Self.wide != 0
                    var split = g.a0 - reach > segGap * em + (wideInvolved ? letterSpacing : 0)
                    if !split, sepIndex < scratch.seps.count {
                        let pMid = (p.a0 + p.a1) / 2, gMid = (g.a0 + g.a1) / 2
                        while sepIndex < scratch.seps.count, scratch.seps[sepIndex].pos < pMid { sepIndex += 1 }
                        if sepIndex < scratch.seps.count, scratch.seps[sepIndex].pos <= gMid { split = true }
                    }
                    if split {
                        scratch.cuts.append(j)
                        reach = g.a1
                        continue
                    }
                }
                reach = max(reach, g.a1)
            }
            scratch.cuts.append(n)

            // Sweep 2: each segment's text, spaced by its own letter spacing
            // (a spaced-out table header "申 報 日" is read "申報日").
            var segFirst = 0
            for segEndIndex in scratch.cuts {
                scratch.gaps.removeAll(keepingCapacity: true)
                var end = -Double.infinity
                for j in segFirst..<segEndIndex {
                    let g = glyphs[Int(scratch.rowGlyphs[j])]
                    if j > segFirst {
                        let p = glyphs[Int(scratch.rowGlyphs[j - 1])]
                        if p.flags & g.flags & Self.wide != 0 { scratch.gaps.append(max(0, g.a0 - end)) }
                    }
                    end = max(end, g.a1)
                }
                var spacing = 0.0
                if !scratch.gaps.isEmpty {
                    scratch.gaps.sort()
                    spacing = scratch.gaps[scratch.gaps.count / 2]
                }
                var text = ""
                var segEnd = -Double.infinity
                var firstWordEnd = 0.0
                var inFirstWord = true
                for j in segFirst..<segEndIndex {
                    let g = glyphs[Int(scratch.rowGlyphs[j])]
                    var space = false
                    if j == segFirst {
                        segEnd = g.a1
                        firstWordEnd = g.a1
                        inFirstWord = g.flags & Self.wide == 0
                    } else {
                        let p = glyphs[Int(scratch.rowGlyphs[j - 1])]
                        let gap = g.a0 - segEnd
                        let em = max(p.size, g.size)
                        if (p.flags | g.flags) & Self.wide != 0 {
                            // A space the PDF draws between CJK text and a
                            // number or Latin word (新臺幣 51 萬) is kept, as
                            // printed; between two CJK characters folding
                            // drops it again.
                            space = gap > spacing + options.wideSpace * em
                                || (g.flags & Self.spaceBefore != 0 && (p.flags & g.flags) & Self.wide == 0 && gap > 0.05 * em)
                        } else {
                            space = gap > (g.flags & Self.spaceBefore != 0 ? 0.05 : options.latinSpace) * em
                        }
                        segEnd = max(segEnd, g.a1)
                        if inFirstWord {
                            if space || g.flags & Self.wide != 0 { inFirstWord = false } else { firstWordEnd = g.a1 }
                        }
                    }
                    if space { text.append(" ") }
                    text.append(page.glyphs[Int(g.index)].text)
                }
                emit(glyphs, first: segFirst, end: segEndIndex, text: text, segEnd: segEnd,
                     firstWordEnd: firstWordEnd, direction: direction, row: rowNumber, page: page,
                     bodySize: bodySize, scratch: &scratch, into: &out)
                segFirst = segEndIndex
            }
            rowNumber += 1
        }
    }

    /// Adds the segment rowGlyphs[first..<end] as a line (or as a watermark
    /// when it is large and faint).
    private func emit(_ glyphs: [G], first: Int, end: Int, text: String, segEnd: Double, firstWordEnd: Double,
                      direction: TextDirection, row: Int, page: Page, bodySize: Double,
                      scratch: inout Scratch, into out: inout Output) {
        scratch.counts.removeAll(keepingCapacity: true)
        scratch.fonts.removeAll(keepingCapacity: true)
        var indices: [Int] = []
        indices.reserveCapacity(end - first)
        var box: Rect? = nil
        var c0 = Double.infinity, c1 = -Double.infinity
        var bold = 0, faint = 0
        for j in first..<end {
            let g = glyphs[Int(scratch.rowGlyphs[j])]
            let i = Int(g.index)
            indices.append(i)
            let b = page.glyphs[i].box
            box = box.map { Rect(x0: min($0.x0, b.x0), y0: min($0.y0, b.y0), x1: max($0.x1, b.x1), y1: max($0.y1, b.y1)) } ?? b
            c0 = min(c0, g.c0)
            c1 = max(c1, g.c1)
            if g.flags & Self.bold != 0 { bold += 1 }
            if g.flags & Self.faint != 0 { faint += 1 }
            let size = (g.size * 10).rounded() / 10
            if let k = scratch.counts.firstIndex(where: { $0.key == size }) {
                scratch.counts[k].count += 1
            } else {
                scratch.counts.append((size, 1))
            }
            let font = page.glyphs[i].font
            if let k = scratch.fonts.firstIndex(where: { $0.key == font }) {
                scratch.fonts[k].count += 1
            } else {
                scratch.fonts.append((font, 1))
            }
        }
        let count = end - first
        let size = scratch.counts.max { $0.count < $1.count }!.key
        let font = scratch.fonts.max { $0.count < $1.count }!.key
        let isFaint = faint * 2 > count
        let firstG = glyphs[Int(scratch.rowGlyphs[first])]
        let lastG = glyphs[Int(scratch.rowGlyphs[end - 1])]
        if isFaint, size >= options.watermarkSize * bodySize {
            let angle: Double
            switch direction {
            case .horizontal: angle = 0
            case .rotatedUp: angle = 90
            case .upsideDown: angle = 180
            case .vertical, .rotatedDown: angle = -90
            }
            out.watermarks.append(Watermark(text: text, box: box!, angle: angle, glyphs: indices))
            return
        }
        out.lines.append(TextLine(
            text: text, box: box!, direction: direction, glyphs: indices, fontSize: size, font: font,
            isBold: bold * 2 > count, isFaint: isFaint, row: row))
        out.geometry.append(LineGeometry(
            a0: firstG.a0, a1: segEnd, c0: c0, c1: c1, firstWord: firstWordEnd - firstG.a0,
            startsWide: firstG.flags & Self.wide != 0, endsWide: lastG.flags & Self.wide != 0))
    }

    /// Slanted glyphs grouped into watermarks: consecutive in the content
    /// stream, at the same angle and close together.
    private func watermarks(_ indices: [Int], page: Page) -> [Watermark] {
        var out: [Watermark] = []
        var current: Watermark? = nil
        for i in indices {
            let g = page.glyphs[i]
            if var w = current {
                let near = abs(w.angle - g.angle) < 3
                    && g.box.x0 - w.box.x1 < 3 * g.size && w.box.x0 - g.box.x1 < 3 * g.size
                    && g.box.y0 - w.box.y1 < 3 * g.size && w.box.y0 - g.box.y1 < 3 * g.size
                if near, w.glyphs.last == i - 1 || page.glyphs[(w.glyphs.last! + 1)..<i].allSatisfy({ CharacterClass.isBlank($0.text) }) {
                    w.text += g.text
                    w.box = w.box.union(g.box)
                    w.glyphs.append(i)
                    current = w
                    continue
                }
                out.append(w)
            }
            current = Watermark(text: g.text, box: g.box, angle: (g.angle * 10).rounded() / 10, glyphs: [i])
        }
        if let w = current { out.append(w) }
        return out
    }
}
