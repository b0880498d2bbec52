import GazetteRead

/// A page's rulings cleaned up for table finding: collinear pieces joined
/// (Word draws one border as many small rectangles), near-duplicates merged,
/// and grouped into networks of touching horizontal and vertical lines.
public struct RulingNetwork: Sendable {
    /// Merged horizontal segments.
    public var horizontals: [Segment]
    /// Merged vertical segments.
    public var verticals: [Segment]

    /// A merged ruling: `position` across, `start...end` along.
    public struct Segment: Hashable, Sendable {
        public var position: Double
        public var start: Double
        public var end: Double
        public var thickness: Double
        public var length: Double { end - start }
    }

    /// How far apart two parallel pieces may be and still be one line.
    static let positionTolerance = 1.2
    /// The widest gap along a line that still joins two pieces.
    static let gapTolerance = 2.5
    /// How far a line may stop short of another and still touch it.
    static let touchTolerance = 3.0

    public init(rulings: [Ruling]) {
        horizontals = Self.merge(rulings.filter { $0.orientation == .horizontal })
        verticals = Self.merge(rulings.filter { $0.orientation == .vertical })
    }

    init(horizontals: [Segment], verticals: [Segment]) {
        self.horizontals = horizontals
        self.verticals = verticals
    }

    /// Joins pieces on the same line that overlap or nearly touch.
    static func merge(_ rulings: [Ruling]) -> [Segment] {
        let sorted = rulings.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        // Cluster by position.
        var clusters: [[Ruling]] = []
        for r in sorted {
            if let last = clusters.last?.last, r.position - last.position <= positionTolerance {
                clusters[clusters.count - 1].append(r)
            } else {
                clusters.append([r])
            }
        }
        var result: [Segment] = []
        for cluster in clusters {
            let byStart = cluster.sorted { $0.start < $1.start }
            var current: Segment?
            var weight = 0.0, weightedPosition = 0.0
            func flush() {
                if var c = current {
                    c.position = weight > 0 ? weightedPosition / weight : c.position
                    result.append(c)
                }
            }
            for r in byStart {
                let w = max(r.length, 0.01)
                if var c = current, r.start <= c.end + gapTolerance {
                    c.end = max(c.end, r.end)
                    c.thickness = max(c.thickness, r.thickness)
                    current = c
                    weight += w
                    weightedPosition += w * r.position
                } else {
                    flush()
                    current = Segment(position: r.position, start: r.start, end: r.end, thickness: r.thickness)
                    weight = w
                    weightedPosition = w * r.position
                }
            }
            flush()
        }
        return result
    }

    /// Groups of touching horizontal and vertical segments: each group is
    /// the frame of one table (or one box). Returns index sets into
    /// `horizontals` and `verticals`.
    public func components() -> [(horizontals: [Int], verticals: [Int])] {
        let nh = horizontals.count
        var sets = UnionFind(count: nh + verticals.count)
        let t = Self.touchTolerance
        // Sort verticals by x so each horizontal checks only those within its span.
        let vOrder = verticals.indices.sorted { verticals[$0].position < verticals[$1].position }
        let vPositions = vOrder.map { verticals[$0].position }
        for (hi, h) in horizontals.enumerated() {
            var lo = lowerBound(vPositions, h.start - t)
            while lo < vPositions.count && vPositions[lo] <= h.end + t {
                let v = verticals[vOrder[lo]]
                if h.position >= v.start - t && h.position <= v.end + t {
                    sets.union(hi, nh + vOrder[lo])
                }
                lo += 1
            }
        }
        // Parallel segments that continue each other also belong together.
        var groups: [Int: (horizontals: [Int], verticals: [Int])] = [:]
        for i in 0..<nh { groups[sets.find(i), default: ([], [])].horizontals.append(i) }
        for j in 0..<verticals.count { groups[sets.find(nh + j), default: ([], [])].verticals.append(j) }
        return groups.values.sorted { a, b in
            let ya = a.horizontals.map { horizontals[$0].position }.min() ?? a.verticals.map { verticals[$0].start }.min() ?? 0
            let yb = b.horizontals.map { horizontals[$0].position }.min() ?? b.verticals.map { verticals[$0].start }.min() ?? 0
            return ya < yb
        }
    }
}

/// First index whose value is >= `value` in an ascending array.
func lowerBound(_ values: [Double], _ value: Double) -> Int {
    var lo = 0, hi = values.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if values[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo
}
