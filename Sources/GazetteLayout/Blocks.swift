import GazetteNormalise
import GazetteRead

/// Lines to paragraphs, and paragraphs to reading order.
struct BlockBuilder {
    let lines: [TextLine]
    let geometry: [LineGeometry]
    /// Lines left out of the flow (furniture).
    let excluded: [Bool]
    /// The lines of each table-of-contents entry.
    let contentsGroups: [[Int]]
    let rulings: [Ruling]
    let regions: [Rect]
    let direction: TextDirection

    private struct Open {
        var lines: [Int]
        var a0: Double, a1: Double
        /// Leftmost start of the lines after the first (nil for one line).
        var continuationA0: Double?
        var gap: Double?
        var size: Double
        var direction: TextDirection
        var region: Int?
        var closed = false
        var contents = false
    }

    func build() -> [TextBlock] {
        // Segments per row, to tell table rows from running text.
        var rowSegments: [Int: Int] = [:]
        for (i, l) in lines.enumerated() where !excluded[i] { rowSegments[l.row, default: 0] += 1 }

        let typicalGap = typicalGaps()
        var blocks: [Open] = []
        // Each contents entry is a block of its own.
        var inContents = [Bool](repeating: false, count: lines.count)
        for group in contentsGroups where !group.contains(where: { excluded[$0] }) {
            for i in group { inContents[i] = true }
            let g = geometry[group[0]]
            blocks.append(Open(lines: group, a0: g.a0, a1: g.a1, size: lines[group[0]].fontSize,
                               direction: lines[group[0]].direction, region: lines[group[0]].region, closed: true,
                               contents: true))
        }
        var open: [Int] = []
        var breakers: [TextDirection: [Frame.Rule]] = [:]
        var separators: [TextDirection: [Frame.Rule]] = [:]
        var markers = [OutlineMarker?](repeating: nil, count: lines.count)
        for i in lines.indices where !excluded[i] && OutlineMarker.mayStartWithMarker(lines[i].text) {
            markers[i] = OutlineMarker.parse(lines[i].text)?.marker
        }

        for i in lines.indices where !excluded[i] {
            if inContents[i] { continue }
            let line = lines[i], g = geometry[i]
            let size = line.fontSize
            let h = g.c1 - g.c0
            open.removeAll { b in
                let p = geometry[blocks[b].lines.last!]
                return blocks[b].closed || (blocks[b].direction == line.direction && p.c1 < g.c0 - 3 * size)
            }
            // The open block just above, overlapping along.
            var best = -1
            var bestGap = Double.infinity
            for b in open where blocks[b].direction == line.direction && blocks[b].region == line.region {
                let p = geometry[blocks[b].lines.last!]
                let gap = g.c0 - p.c1
                guard gap > -0.5 * min(h, p.c1 - p.c0), gap <= 1.5 * max(size, blocks[b].size) else { continue }
                let overlap = min(blocks[b].a1, g.a1) - max(blocks[b].a0, g.a0)
                guard overlap > 0.3 * min(g.a1 - g.a0, blocks[b].a1 - blocks[b].a0) else { continue }
                if gap < bestGap { best = b; bestGap = gap }
            }
            if best >= 0, joins(i, block: blocks[best], gap: bestGap, typicalGap: typicalGap[line.region ?? -1],
                                markers: markers,
                                rowSegments: rowSegments, breakers: &breakers, separators: &separators) {
                blocks[best].lines.append(i)
                blocks[best].a0 = min(blocks[best].a0, g.a0)
                blocks[best].a1 = max(blocks[best].a1, g.a1)
                blocks[best].continuationA0 = min(blocks[best].continuationA0 ?? g.a0, g.a0)
                if blocks[best].gap == nil { blocks[best].gap = bestGap }
                continue
            }
            if best >= 0 { blocks[best].closed = true }
            blocks.append(Open(lines: [i], a0: g.a0, a1: g.a1, size: size, direction: line.direction,
                               region: line.region))
            open.append(blocks.count - 1)
        }

        var out: [TextBlock] = []
        out.reserveCapacity(blocks.count)
        for b in blocks { out.append(makeBlock(b.lines, contents: b.contents, marker: markers[b.lines[0]])) }
        return readingOrder(out)
    }

    /// The median gap between a line and the line of the row just above it
    /// that overlaps it, per region (-1 outside regions), when there are
    /// enough such pairs to tell.
    private func typicalGaps() -> [Int: Double] {
        var samples: [Int: [Double]] = [:]
        var previousRow = 0..<0
        var start = 0
        func visit(_ row: Range<Int>) {
            for i in row where !excluded[i] {
                let g = geometry[i]
                for j in previousRow where !excluded[j] && lines[j].direction == lines[i].direction
                    && lines[j].region == lines[i].region {
                    let p = geometry[j]
                    if min(p.a1, g.a1) > max(p.a0, g.a0), g.c0 - p.c1 < 3 * lines[i].fontSize {
                        samples[lines[i].region ?? -1, default: []].append(max(0, g.c0 - p.c1))
                        break
                    }
                }
            }
            previousRow = row
        }
        for i in lines.indices where i > start && lines[i].row != lines[start].row {
            visit(start..<i)
            start = i
        }
        if start < lines.count { visit(start..<lines.count) }
        var out: [Int: Double] = [:]
        for (region, var gaps) in samples where gaps.count >= 3 {
            gaps.sort()
            out[region] = gaps[gaps.count / 2]
        }
        return out
    }

    /// Whether line `i` continues `block` as its next line.
    private func joins(_ i: Int, block: Open, gap: Double, typicalGap: Double?, markers: [OutlineMarker?],
                       rowSegments: [Int: Int],
                       breakers: inout [TextDirection: [Frame.Rule]],
                       separators: inout [TextDirection: [Frame.Rule]]) -> Bool {
        let line = lines[i], g = geometry[i]
        let pIndex = block.lines.last!
        let prev = lines[pIndex], p = geometry[pIndex]
        let size = block.size
        // A numbered line starts a block.
        if markers[i] != nil { return false }
        // Another size or weight: a heading and its text, a note.
        if abs(line.fontSize - size) > 0.15 * size || line.isBold != prev.isBold { return false }
        // Line spacing: the first gap sets the pitch, later ones keep it; the
        // first may not be much wider than the usual gap between lines here.
        if let blockGap = block.gap {
            if abs(gap - blockGap) > 0.35 * size { return false }
        } else if let typicalGap, gap > typicalGap + max(0.5 * size, 2) {
            return false
        }
        // Two amounts one above the other are two values, not a wrapped line.
        if Self.isNumeric(prev.text), Self.isNumeric(line.text) { return false }
        // In a table cell whose side borders are drawn, text wraps only when
        // the previous line fills the cell: stacked one-line cells (amounts
        // in a column with no borders between rows) stay apart.
        var cell: (left: Double, right: Double)? = nil
        if line.region != nil {
            if separators[line.direction] == nil {
                separators[line.direction] = Frame(direction: line.direction).separators(rulings)
            }
            cell = cellBounds(p, separators[line.direction]!)
        }
        if let cell {
            if p.a0 - cell.left > g.firstWord + 1.0 * size || cell.right - p.a1 > g.firstWord + 1.0 * size {
                return false
            }
        } else if (rowSegments[line.row] ?? 1) > 1, (rowSegments[prev.row] ?? 1) > 1,
                  max(g.a1 - g.a0, p.a1 - p.a0) < 12 * size {
            // Table rows without borders: narrow segments of multi-segment
            // rows stay apart (columns of running text are wider).
            return false
        }
        // The previous line stopped short of the block's edge: it ended its
        // paragraph (the next line's first word would have fitted).
        let right = max(block.a1, g.a1)
        if right - p.a1 > g.firstWord + 1.0 * size { return false }
        // Indented (or outdented) against the block's continuation lines: a
        // new paragraph.
        if let left = block.continuationA0, abs(g.a0 - left) > 1.0 * size { return false }
        // The first continuation starts under the first line, or under its
        // text after a number (a hanging indent); a line starting far to the
        // right (a centred caption under a heading) is not its continuation.
        if block.continuationA0 == nil, g.a0 - block.a0 > 3.5 * size { return false }
        // A ruling between the two lines.
        if breakers[line.direction] == nil {
            breakers[line.direction] = Frame(direction: line.direction).lineBreakers(rulings)
        }
        let rules = breakers[line.direction]!
        if !rules.isEmpty {
            let top = p.c1 - 0.1 * (p.c1 - p.c0), bottom = g.c0 + 0.1 * (g.c1 - g.c0)
            var k = Frame.firstRule(atOrAfter: top, in: rules)
            while k < rules.count, rules[k].pos <= bottom {
                let r = rules[k]
                if r.s0 < min(p.a1, g.a1), r.s1 > max(p.a0, g.a0) { return false }
                k += 1
            }
        }
        return true
    }

    /// Only digits and the punctuation of amounts: "1", "32,553", "-4,000", "(12.5%)".
    static func isNumeric(_ text: String) -> Bool {
        var digits = 0
        for u in text.utf8 {
            switch u {
            case 0x30...0x39: digits += 1
            case 0x2C, 0x2E, 0x2D, 0x2B, 0x25, 0x28, 0x29, 0x20: continue
            default: return false
            }
        }
        return digits > 0 || text.utf8.allSatisfy { $0 == 0x2D }
    }

    /// The nearest rulings left and right of a line that span its middle:
    /// the borders of its table cell, when both are drawn.
    private func cellBounds(_ g: LineGeometry, _ seps: [Frame.Rule])
        -> (left: Double, right: Double)? {
        guard !seps.isEmpty else { return nil }
        let mid = (g.c0 + g.c1) / 2
        let centre = (g.a0 + g.a1) / 2
        let lo = Frame.firstRule(atOrAfter: centre, in: seps)
        var right: Double? = nil, left: Double? = nil
        var k = lo
        while k < seps.count, right == nil {
            if seps[k].s0 - 1 <= mid, seps[k].s1 + 1 >= mid { right = seps[k].pos }
            k += 1
        }
        k = lo - 1
        while k >= 0, left == nil {
            if seps[k].s0 - 1 <= mid, seps[k].s1 + 1 >= mid { left = seps[k].pos }
            k -= 1
        }
        guard let left, let right else { return nil }
        return (left, right)
    }

    private func makeBlock(_ indices: [Int], contents: Bool, marker: OutlineMarker?) -> TextBlock {
        let first = lines[indices[0]]
        var text = first.text
        var box = first.box
        for (k, i) in indices.enumerated().dropFirst() {
            let l = lines[i]
            let prev = geometry[indices[k - 1]], cur = geometry[i]
            if contents || !(prev.endsWide || cur.startsWide) { text.append(" ") }
            text.append(l.text)
            box = box.union(l.box)
        }
        return TextBlock(lines: indices, text: text, box: box, direction: first.direction, fontSize: first.fontSize,
                         isBold: first.isBold, region: first.region, kind: contents ? .contents : .paragraph,
                         marker: contents ? nil : marker)
    }

    // MARK: Reading order

    /// A unit of the reading order: a block, or a ruled region with its blocks.
    private struct Unit {
        var p0: Double, p1: Double, s0: Double, s1: Double
        var blocks: [Int]
        var lines: Int
        var contents = false
    }

    /// Blocks in reading order: a recursive XY cut over blocks and ruled
    /// regions (a region's blocks stay together, row by row). Bands across
    /// the lines' stacking direction come first, then columns, except that
    /// columns of running text (several multi-line paragraphs side by side)
    /// are read one after the other.
    private func readingOrder(_ blocks: [TextBlock]) -> [TextBlock] {
        guard blocks.count > 1 else { return blocks }
        // Cut coordinates: p is cut first, s second.
        func coordinates(_ r: Rect) -> (p0: Double, p1: Double, s0: Double, s1: Double) {
            if direction == .vertical { return (r.y0, r.y1, -r.x1, -r.x0) }
            let f = Frame(direction: direction).map(r)
            return (f.c0, f.c1, f.a0, f.a1)
        }
        var units: [Unit] = []
        var regionUnit: [Int: Int] = [:]
        for (k, b) in blocks.enumerated() {
            if let r = b.region {
                if let u = regionUnit[r] {
                    units[u].blocks.append(k)
                    units[u].lines += b.lines.count
                    continue
                }
                let c = coordinates(regions[r])
                regionUnit[r] = units.count
                units.append(Unit(p0: c.p0, p1: c.p1, s0: c.s0, s1: c.s1, blocks: [k], lines: b.lines.count))
                continue
            }
            let c = coordinates(b.box)
            units.append(Unit(p0: c.p0, p1: c.p1, s0: c.s0, s1: c.s1, blocks: [k], lines: b.lines.count,
                              contents: b.kind == .contents))
        }
        // Inside a region: row by row, then along the row.
        for u in units.indices where units[u].blocks.count > 1 {
            units[u].blocks.sort { a, b in
                let la = lines[blocks[a].lines[0]], lb = lines[blocks[b].lines[0]]
                if la.row != lb.row { return la.row < lb.row }
                return coordinates(la.box).s0 < coordinates(lb.box).s0
            }
        }
        var out: [TextBlock] = []
        out.reserveCapacity(blocks.count)
        var sizes = blocks.map(\.fontSize)
        sizes.sort()
        let em = sizes[sizes.count / 2]
        for u in cut(Array(units.indices), units, em: em) {
            for k in units[u].blocks { out.append(blocks[k]) }
        }
        return out
    }

    private func cut(_ items: [Int], _ units: [Unit], em: Double) -> [Int] {
        if items.count <= 1 { return items }
        let (pGroups, pGap) = groups(items, units, lo: \.p0, hi: \.p1, overlap: 0.25, widest: true)
        let (sGroups, sGap) = groups(items, units, lo: \.s0, hi: \.s1, overlap: 0, widest: false)
        if pGroups.count == 1 && sGroups.count == 1 {
            return items.sorted { (units[$0].p0, units[$0].s0) < (units[$1].p0, units[$1].s0) }
        }
        if sGroups.count > 1 {
            if pGroups.count == 1 || isColumns(sGroups, gap: sGap, bandGap: pGap, units, em: em) {
                return sGroups.flatMap { cut($0, units, em: em) }
            }
        }
        // Bands that continue the same columns (their paragraph breaks line
        // up) are kept together so that the columns are read whole.
        var merged: [[Int]] = []
        for g in pGroups {
            if let last = merged.last, sharesGutter(last, g, units, em: em) {
                let both = last + g
                let (s, gap) = groups(both, units, lo: \.s0, hi: \.s1, overlap: 0, widest: false)
                let (_, band) = groups(both, units, lo: \.p0, hi: \.p1, overlap: 0.25, widest: false)
                if s.count > 1, isColumns(s, gap: gap, bandGap: band, units, em: em) {
                    merged[merged.count - 1] = both
                    continue
                }
            }
            merged.append(g)
        }
        if merged.count == 1 { return sGroups.flatMap { cut($0, units, em: em) } }
        return merged.flatMap { cut($0, units, em: em) }
    }

    /// Columns of running text, read one after the other even when their
    /// paragraph breaks line up: a gutter at least an em wide, no narrower
    /// than the gap between bands, with multi-line paragraphs (or contents
    /// entries) on both sides.
    private func isColumns(_ sGroups: [[Int]], gap: Double, bandGap: Double, _ units: [Unit], em: Double) -> Bool {
        let prose = sGroups.filter { g in
            g.contains { units[$0].lines >= 3 } || g.filter { units[$0].contents }.count >= 3
        }.count
        return prose >= 2 && gap >= em && gap >= bandGap
    }

    /// Whether two bands have a gutter (an em or wider) in common.
    private func sharesGutter(_ a: [Int], _ b: [Int], _ units: [Unit], em: Double) -> Bool {
        func gutters(_ items: [Int]) -> [(Double, Double)] {
            let sorted = items.sorted { units[$0].s0 < units[$1].s0 }
            var out: [(Double, Double)] = []
            var reach = -Double.infinity
            for (k, i) in sorted.enumerated() {
                if k > 0, units[i].s0 - reach >= em { out.append((reach, units[i].s0)) }
                reach = max(reach, units[i].s1)
            }
            return out
        }
        let ga = gutters(a), gb = gutters(b)
        return ga.contains { x in gb.contains { y in min(x.1, y.1) > max(x.0, y.0) } }
    }

    /// Items split where their projections on one axis leave a gap (or
    /// overlap by less than `overlap` of the next item's extent, capped at
    /// 3 points: boxes of tightly set lines touch); with the narrowest gap
    /// cut. With `widest`, only the widest gaps (at least 3/4 of the widest)
    /// cut: narrower ones are left to the recursion, where columns may
    /// come first.
    private func groups(_ items: [Int], _ units: [Unit], lo: KeyPath<Unit, Double>, hi: KeyPath<Unit, Double>,
                        overlap: Double, widest: Bool) -> ([[Int]], Double) {
        let sorted = items.sorted { units[$0][keyPath: lo] < units[$1][keyPath: lo] }
        var cuts: [(at: Int, gap: Double)] = []
        var reach = -Double.infinity
        for (k, i) in sorted.enumerated() {
            let extent = units[i][keyPath: hi] - units[i][keyPath: lo]
            let tolerance = overlap > 0 ? min(3, overlap * extent) : -0.5
            if k > 0, units[i][keyPath: lo] > reach - tolerance {
                cuts.append((k, units[i][keyPath: lo] - reach))
            }
            reach = max(reach, units[i][keyPath: hi])
        }
        if widest, let top = cuts.map(\.gap).max() {
            let threshold = top >= 0 ? 0.75 * top : top
            cuts = cuts.filter { $0.gap >= threshold }
        }
        var out: [[Int]] = []
        var start = 0
        for c in cuts {
            out.append(Array(sorted[start..<c.at]))
            start = c.at
        }
        out.append(Array(sorted[start...]))
        return (out, cuts.map(\.gap).min() ?? .infinity)
    }
}
