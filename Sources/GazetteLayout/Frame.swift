import GazetteRead

/// Coordinates along and across a text direction: `a` grows in reading
/// order along a line, `c` grows from one line to the next. For horizontal
/// text a = x and c = y; the other directions are the same picture turned.
struct Frame {
    let direction: TextDirection

    /// A page rectangle as (a0, a1, c0, c1).
    @inline(__always)
    func map(_ r: Rect) -> (a0: Double, a1: Double, c0: Double, c1: Double) {
        switch direction {
        case .horizontal: return (r.x0, r.x1, r.y0, r.y1)
        case .vertical, .rotatedDown: return (r.y0, r.y1, -r.x1, -r.x0)
        case .rotatedUp: return (-r.y1, -r.y0, r.x0, r.x1)
        case .upsideDown: return (-r.x1, -r.x0, -r.y1, -r.y0)
        }
    }

    /// A ruling in this frame: its position, and where it starts and ends
    /// the other way.
    typealias Rule = (pos: Double, s0: Double, s1: Double)

    /// Rulings that cut a line of this direction into segments: vertical
    /// rulings for horizontal text, horizontal ones for vertical text. Each
    /// as (position along, start across, end across), sorted by position.
    func separators(_ rulings: [Ruling]) -> [Rule] { rules(rulings, crossingLines: true) }

    /// Rulings that separate consecutive lines of this direction (horizontal
    /// rulings for horizontal text), as (position across, start along, end
    /// along), sorted by position.
    func lineBreakers(_ rulings: [Ruling]) -> [Rule] { rules(rulings, crossingLines: false) }

    /// The rulings (4 pt long at least) that run across lines of this
    /// direction, or along them, in this frame, sorted by position.
    private func rules(_ rulings: [Ruling], crossingLines: Bool) -> [Rule] {
        let alongLines: Ruling.Orientation = direction == .horizontal || direction == .upsideDown ? .horizontal : .vertical
        var out: [Rule] = []
        for r in rulings where r.length >= 4 && (r.orientation == alongLines) != crossingLines {
            let box = r.orientation == .horizontal
                ? Rect(x0: r.start, y0: r.position, x1: r.end, y1: r.position)
                : Rect(x0: r.position, y0: r.start, x1: r.position, y1: r.end)
            let m = map(box)
            out.append(crossingLines ? (m.a0, m.c0, m.c1) : (m.c0, m.a0, m.a1))
        }
        out.sort { $0.pos < $1.pos }
        return out
    }

    /// The index of the first of `rules` (sorted by position) at or past
    /// `position`; `rules.count` when there is none.
    static func firstRule(atOrAfter position: Double, in rules: [Rule]) -> Int {
        var lo = 0, hi = rules.count
        while lo < hi {
            let m = (lo + hi) / 2
            if rules[m].pos < position { lo = m + 1 } else { hi = m }
        }
        return lo
    }
}
