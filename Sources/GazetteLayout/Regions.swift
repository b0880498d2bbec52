import GazetteRead

/// Areas enclosed by rulings: the outline of each connected set of
/// horizontal and vertical rulings that forms at least two cells. Bordered
/// tables are found this way; the table stage will refine them into cells.
enum RuledRegions {
    private struct Segment { var pos: Double, start: Double, end: Double }

    static func find(_ rulings: [Ruling]) -> [Rect] {
        var h: [Segment] = [], v: [Segment] = []
        for r in rulings where r.length >= 6 {
            let s = Segment(pos: r.position, start: r.start, end: r.end)
            if r.orientation == .horizontal { h.append(s) } else { v.append(s) }
        }
        guard h.count >= 2, v.count >= 2 else { return [] }
        h = mergeCollinear(h)
        v = mergeCollinear(v)

        // Union-find over h (0..<h.count) and v (h.count...).
        var parent = Array(0..<(h.count + v.count))
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let tol = 2.0
        v.sort { $0.pos < $1.pos }
        for (i, s) in h.enumerated() {
            var lo = 0, hi = v.count
            while lo < hi {
                let m = (lo + hi) / 2
                if v[m].pos < s.start - tol { lo = m + 1 } else { hi = m }
            }
            var j = lo
            while j < v.count, v[j].pos <= s.end + tol {
                if s.pos >= v[j].start - tol, s.pos <= v[j].end + tol {
                    let a = root(i), b = root(h.count + j)
                    if a != b { parent[a] = b }
                }
                j += 1
            }
        }

        var boxes: [Int: (box: Rect, h: Int, v: Int)] = [:]
        for i in parent.indices {
            let isH = i < h.count
            let s = isH ? h[i] : v[i - h.count]
            let r = isH ? Rect(x0: s.start, y0: s.pos, x1: s.end, y1: s.pos)
                        : Rect(x0: s.pos, y0: s.start, x1: s.pos, y1: s.end)
            let k = root(i)
            if var e = boxes[k] {
                e.box = e.box.union(r)
                if isH { e.h += 1 } else { e.v += 1 }
                boxes[k] = e
            } else {
                boxes[k] = (r, isH ? 1 : 0, isH ? 0 : 1)
            }
        }
        return boxes.values
            .filter { $0.h >= 2 && $0.v >= 2 && ($0.h >= 3 || $0.v >= 3) && $0.box.width > 10 && $0.box.height > 10 }
            .map(\.box)
            .sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Collinear pieces of one line (a border drawn cell by cell) joined.
    private static func mergeCollinear(_ segments: [Segment]) -> [Segment] {
        let sorted = segments.sorted { ($0.pos, $0.start) < ($1.pos, $1.start) }
        var out: [Segment] = []
        out.reserveCapacity(sorted.count)
        for s in sorted {
            if var last = out.last, abs(last.pos - s.pos) <= 1, s.start <= last.end + 2 {
                last.end = max(last.end, s.end)
                out[out.count - 1] = last
            } else {
                out.append(s)
            }
        }
        return out
    }
}
