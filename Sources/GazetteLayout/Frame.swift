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

    /// Rulings that cut a line of this direction into segments: vertical
    /// rulings for horizontal text, horizontal ones for vertical text. Each
    /// as (position along, start across, end across).
    func separators(_ rulings: [Ruling]) -> [(pos: Double, s0: Double, s1: Double)] {
        var out: [(pos: Double, s0: Double, s1: Double)] = []
        for r in rulings where r.length >= 4 {
            switch (direction, r.orientation) {
            case (.horizontal, .vertical): out.append((r.position, r.start, r.end))
            case (.upsideDown, .vertical): out.append((-r.position, -r.end, -r.start))
            case (.vertical, .horizontal), (.rotatedDown, .horizontal): out.append((r.position, -r.end, -r.start))
            case (.rotatedUp, .horizontal): out.append((-r.position, r.start, r.end))
            default: break
            }
        }
        out.sort { $0.pos < $1.pos }
        return out
    }

    /// Rulings that separate consecutive lines of this direction (horizontal
    /// rulings for horizontal text), as (position across, start along, end along).
    func lineBreakers(_ rulings: [Ruling]) -> [(pos: Double, s0: Double, s1: Double)] {
        var out: [(pos: Double, s0: Double, s1: Double)] = []
        for r in rulings where r.length >= 4 {
            switch (direction, r.orientation) {
            case (.horizontal, .horizontal): out.append((r.position, r.start, r.end))
            case (.upsideDown, .horizontal): out.append((-r.position, -r.end, -r.start))
            case (.vertical, .vertical), (.rotatedDown, .vertical): out.append((-r.position, r.start, r.end))
            case (.rotatedUp, .vertical): out.append((r.position, -r.end, -r.start))
            default: break
            }
        }
        out.sort { $0.pos < $1.pos }
        return out
    }
}
