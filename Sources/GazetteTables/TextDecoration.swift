import GazetteRead

/// Lines that decorate text rather than divide a table: an underline just
/// under the words it marks (the amended words of a 條文對照表), a
/// strike-through across them, neither meeting a vertical rule. Taken for row rules, they would cut an
/// article into one row per printed line.
enum TextDecoration {
    /// The rulings without the underlines and strike-throughs of `glyphs`.
    static func withoutDecorations(_ rulings: [Ruling], glyphs: [Glyph]) -> [Ruling] {
        let horizontals = rulings.filter { $0.orientation == .horizontal }
        guard !horizontals.isEmpty, !glyphs.isEmpty else { return rulings }
        // Glyphs by rough vertical position, to look up those near a line.
        var byBand: [Int: [Int]] = [:]
        for (i, g) in glyphs.enumerated() where g.size > 0 { byBand[Int(g.box.midY / 20), default: []].append(i) }
        let verticals = rulings.filter { $0.orientation == .vertical }
        // A table's rule meets the vertical rules at its ends; an underline
        // stops where its words stop.
        func meetsVertical(_ ruling: Ruling) -> Bool {
            verticals.contains { v in
                (abs(v.position - ruling.start) <= 2 || abs(v.position - ruling.end) <= 2)
                    && v.start <= ruling.position + 2 && v.end >= ruling.position - 2
            }
        }
        return rulings.filter { ruling in
            guard ruling.orientation == .horizontal, ruling.thickness < 1.5, ruling.length > 0 else { return true }
            return meetsVertical(ruling) || !isDecoration(ruling, glyphs: glyphs, byBand: byBand)
        }
    }

    /// True when the line runs under or through glyphs over most of its
    /// length: each glyph it passes has its bottom just above the line (an
    /// underline, within a fifth of the glyph's size) or the line through its
    /// middle (a strike-through).
    static func isDecoration(_ ruling: Ruling, glyphs: [Glyph], byBand: [Int: [Int]]) -> Bool {
        let y = ruling.position
        let band = Int(y / 20)
        var covered = 0.0
        for b in (band - 1)...(band + 1) {
            for i in byBand[b] ?? [] {
                let g = glyphs[i]
                let overlap = min(g.box.x1, ruling.end) - max(g.box.x0, ruling.start)
                guard overlap > 0.3 * g.box.width else { continue }
                let under = y >= g.box.y1 - 0.3 * g.size && y <= g.box.y1 + 0.1 * g.size
                let through = y > g.box.y0 + 0.2 * g.box.height && y < g.box.y1 - 0.1 * g.box.height
                if under || through { covered += overlap }
            }
        }
        return covered >= 0.8 * ruling.length
    }
}
